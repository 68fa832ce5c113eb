"""The site's pages, stated once: the ``nav`` of ``mkdocs.yml``, in learner order.

Every other list of pages is derived from it: the content pages the glossary may link to,
the pages the tests walk, a new page's place (``python -m dlref new-page --after``).
"""
from __future__ import annotations

import re
from pathlib import Path

from dlref.build.languages import read_config

# A page's Markdown, as every stage that reads it sees it:
#: the front matter (an en page's ``translated_from``), its text in group 1;
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
#: a line that opens or closes a fenced code block, the fence in group 1;
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
#: an include line, the same in zh and en: ``--8<-- "activations/sigmoid.py"``, indented as its block is.
INCLUDE = re.compile(r'^(?P<indent>[ \t]*)--8<--\s+"(?P<rel>[^"]+)"\s*$')

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
