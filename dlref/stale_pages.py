"""Which built pages are out of date, for ``mkdocs serve --dirty`` (what ``make serve`` runs).

A dirty build re-renders a page only when its Markdown file is newer than its
HTML. A dlref page has more inputs than that: the example fragments it includes
and, like every page, the configs, the theme overrides and the dlref code
(hooks, math, fragments, the API reference). :func:`drop` deletes the HTML of
every page older than one of its inputs, so MkDocs rebuilds exactly those pages:
editing one example rebuilds its page, editing the theme rebuilds them all.
"""
from __future__ import annotations

import os
from pathlib import Path

from .checks import page_shape


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:  # an include that does not exist yet: snippets' check_paths reports it
        return 0.0


def site_inputs(root: Path) -> list[Path]:
    """Inputs of every page: both configs, the theme overrides and the dlref package."""
    return [
        *root.glob("mkdocs*.yml"),
        *(p for p in (root / "overrides").rglob("*") if p.is_file()),
        *(root / "dlref").glob("*.py"),
    ]


def page_inputs(source: Path, fragments: Path) -> list[Path]:
    """A page's own inputs: its source and, for Markdown, the fragments it includes."""
    if source.suffix != ".md":
        return [source]
    return [source, *(fragments / rel for _, rel in page_shape(source.read_text(encoding="utf-8")).includes)]


def drop(pages: list[tuple[Path, Path]], fragments: Path, root: Path) -> list[Path]:
    """Delete the built HTML of each (source, html) pair older than an input; returns the deleted paths."""
    shared = max((_mtime(p) for p in site_inputs(root)), default=0.0)
    dropped = []
    for source, html in pages:
        built = _mtime(html)
        if built and built < max(shared, *(_mtime(p) for p in page_inputs(source, fragments))):
            os.remove(html)
            dropped.append(html)
    return dropped


def quiet_dirty_warning(record) -> bool:
    """Logging filter: MkDocs warns on every dirty build that pages may be stale, which is what
    :func:`drop` prevents; with ``strict: true`` that warning would fail each rebuild of ``make serve``."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")
