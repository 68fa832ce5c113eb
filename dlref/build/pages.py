"""The site's pages, stated once: the ``nav`` of ``mkdocs.yml``, in learner order.

Every other list of pages is derived from it: the content pages the glossary may link to,
the pages the tests walk, a new page's place (``python -m dlref new-page --after``).
"""
from __future__ import annotations

from pathlib import Path

from dlref.build.languages import read_config

#: Nav pages that explain no topic of their own.
NOT_CONTENT = ("index", "glossary", "reference")


def _entries(nav) -> list[str]:
    out = []
    for entry in nav or []:
        if isinstance(entry, str):
            out.append(entry)
        elif isinstance(entry, dict):
            for value in entry.values():
                out += _entries(value) if isinstance(value, list) else [value]
    return out


def nav_pages(root: Path) -> list[str]:
    """The nav's pages as slugs (``activations``, ``batch-norm-digits``), in order."""
    return [Path(entry).with_suffix("").as_posix() for entry in _entries(read_config(root / "mkdocs.yml").get("nav"))]


def content_pages(root: Path) -> list[str]:
    """The nav's pages that explain a topic: every page but the home page, the glossary and the API reference."""
    return [slug for slug in nav_pages(root) if slug not in NOT_CONTENT]
