"""Which built pages are out of date, for ``mkdocs serve --dirty`` (what ``make serve`` runs).

A dirty build re-renders a page only when its Markdown file is newer than its
HTML. The assembled page (``build/docs/<lang>``) already carries its examples'
fragments, and the API page a hash of the library it documents, so an edit
rewrites exactly the pages it changes. What remains are the inputs of every page
(configs, theme overrides, the math extension): :func:`drop` deletes the HTML of
every page older than one of those, so MkDocs rebuilds them all.
"""
from __future__ import annotations

import os
from pathlib import Path



def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:  # an include that does not exist yet: snippets' check_paths reports it
        return 0.0


def site_inputs(root: Path) -> list[Path]:
    """Inputs of every page: the configs, the theme overrides and the Markdown extension. An example's
    fragment is not one: it is inlined into the assembled page, whose own mtime then changes; nor is a
    learner-library module: an edit re-runs the examples that import it, and only their pages change."""
    return [
        *root.glob("mkdocs*.yml"),
        *(p for p in (root / "overrides").rglob("*") if p.is_file()),
        root / "dlref" / "build" / "render" / "mathml.py",
    ]


def drop(pages: list[tuple[Path, Path]], root: Path) -> list[Path]:
    """Delete the built HTML of each (source, html) pair older than a site-wide input; returns the deleted paths."""
    shared = max((_mtime(p) for p in site_inputs(root)), default=0.0)
    dropped = []
    for source, html in pages:
        built = _mtime(html)
        if built and built < max(shared, _mtime(source)):
            os.remove(html)
            dropped.append(html)
    return dropped


def quiet_dirty_warning(record) -> bool:
    """Logging filter: MkDocs warns on every dirty build that pages may be stale, which is what
    :func:`drop` prevents; with ``strict: true`` that warning would fail each rebuild of ``make serve``."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")
