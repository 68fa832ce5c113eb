"""Dirty MkDocs builds made exact: which pages to rebuild, and what the others lend to the rebuilt ones.

A dirty build (``mkdocs serve --dirty``, and ``dlref build`` when some assembled files
changed, see :mod:`dlref.build.engines.incremental`) reads and renders only the pages
MkDocs considers modified. Three things make its output the one a full build writes:

- Which pages: a page is rebuilt when its HTML is missing or the text it was last built
  from (recorded by hash as MkDocs reads it, :func:`record`) differs from its text now;
  an mtime cannot tell a page rewritten while MkDocs was building it. When a site-wide
  input (configs, theme overrides, the math extension) is newer than a page's HTML,
  :func:`drop` deletes that HTML first (under ``dlref build`` such a change means a full build).
- What the unread pages lend to the rebuilt ones: their titles and front matter, shown
  in the navigation and the footer links; they are recorded after each build
  (:func:`save_pages`) and restored (:func:`restore`). A rebuilt page whose own title or
  front matter changed makes every other page's navigation stale: :class:`NavChanged`.
- The search index, which the search plugin writes from the rebuilt pages alone: the
  unread pages' entries come from the previous index (:func:`merge_search_index`).
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record(source: Path, text: str, records: Path) -> None:
    """Note that ``source`` was rendered from ``text`` (called as MkDocs reads the page)."""
    records.mkdir(parents=True, exist_ok=True)
    (records / (_digest(str(source)) + ".sha")).write_text(_digest(text), encoding="utf-8")


def _built_from(source: Path, records: Path) -> bool | None:
    """Whether ``source``'s text now is the text it was last rendered from; None where nothing is recorded."""
    try:
        recorded = (records / (_digest(str(source)) + ".sha")).read_text(encoding="utf-8")
        return recorded == _digest(source.read_text(encoding="utf-8-sig"))  # as the hook reads it
    except FileNotFoundError:
        return None


def _rendered_from_other_text(source: Path, records: Path) -> bool:
    return _built_from(source, records) is False


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


class NavChanged(RuntimeError):
    """A page rebuilt by a dirty build changed its title or front matter, which every page's navigation shows."""


def fresh(source: Path, html: Path, records: Path) -> bool:
    """Whether ``html`` exists and was built from ``source``'s text as it is now."""
    return html.is_file() and _built_from(source, records) is True


def state(page) -> dict:
    """What a page lends the others' navigation (its title and front matter), as :func:`save_pages` keeps it."""
    return json.loads(json.dumps({"title": page.title, "meta": page.meta}, ensure_ascii=False, default=str))


def save_pages(records: Path, pages: dict[str, dict]) -> None:
    """``pages``: src_uri -> :func:`state` of every page of a build that completed."""
    records.mkdir(parents=True, exist_ok=True)
    (records / "pages.json").write_text(json.dumps(pages, ensure_ascii=False, indent=1, default=str), encoding="utf-8")


def load_pages(records: Path) -> dict[str, dict]:
    try:
        return json.loads((records / "pages.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}


def restore(page, saved: dict) -> None:
    """Give a page the dirty build does not read the title and front matter its last build read."""
    page.markdown = ""  # read, as far as the title property is concerned
    page.meta = dict(saved["meta"])
    page._title_from_render = saved["title"]


def merge_search_index(old: dict | None, new: dict, order: list[str], rebuilt: set[str]) -> dict:
    """The index a full build writes: for each page URL in ``order``, the new entries where it was rebuilt,
    the old ones elsewhere (an entry's location is its page's URL, then ``#anchor``)."""
    def by_page(index):
        groups: dict[str, list] = {}
        for entry in (index or {}).get("docs", []):
            groups.setdefault(entry["location"].split("#")[0], []).append(entry)
        return groups

    before, after = by_page(old), by_page(new)
    return {**new, "docs": [e for url in order for e in (after if url in rebuilt else before).get(url, [])]}
