"""Which built pages are out of date, for ``mkdocs serve --dirty`` (what ``make serve`` runs).

A dirty build re-renders a page only when its Markdown file is newer than its
HTML. The assembled page (``build/docs/<lang>``) already carries its examples'
fragments, and the API page a hash of the library it documents, so an edit
rewrites exactly the pages it changes. Two cases remain, and :func:`drop` deletes
the HTML of such pages so that MkDocs rebuilds them:

- a site-wide input (configs, theme overrides, the math extension) is newer;
- the page was rewritten while MkDocs was building it: its HTML is then newer than
  the new text, which an mtime cannot tell; so the text each page was built from is
  recorded (:func:`record`) and compared by hash.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record(source: Path, text: str, records: Path) -> None:
    """Note that ``source`` was rendered from ``text`` (called as MkDocs reads the page)."""
    records.mkdir(parents=True, exist_ok=True)
    (records / (_digest(str(source)) + ".sha")).write_text(_digest(text), encoding="utf-8")


def _rendered_from_other_text(source: Path, records: Path) -> bool:
    try:
        recorded = (records / (_digest(str(source)) + ".sha")).read_text(encoding="utf-8")
        return recorded != _digest(source.read_text(encoding="utf-8-sig"))  # as the hook reads it
    except FileNotFoundError:
        return False


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:  # not built yet, or a site-wide input the project does not have
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


def drop(pages: list[tuple[Path, Path]], root: Path, records: Path) -> list[Path]:
    """Delete the built HTML of each (source, html) pair that is out of date (see above); returns the deleted paths."""
    shared = max((_mtime(p) for p in site_inputs(root)), default=0.0)
    dropped = []
    for source, html in pages:
        built = _mtime(html)
        if built and (built < max(shared, _mtime(source)) or _rendered_from_other_text(source, records)):
            os.remove(html)
            dropped.append(html)
    return dropped


def quiet_dirty_warning(record) -> bool:
    """Logging filter: MkDocs warns on every dirty build that pages may be stale, which is what
    :func:`drop` prevents; with ``strict: true`` that warning would fail each rebuild of ``make serve``."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")
