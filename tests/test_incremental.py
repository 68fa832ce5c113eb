"""dlref.build.engines.incremental: a build redoes only what changed, and its site is the one a full build writes.

Each test builds a small copy of the project (``small_site``) with ``python -m dlref build``, changes one
thing, builds again, and compares every file of the site with a full build of the same sources.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from dlref.build.engines import stale_pages
from test_site import small_site

HOME = '# Home { #home }\n\n--8<-- "t/hello.py"\n'
OTHER = '# Other { #other }\n\nSee [home](index.md#home).\n\n--8<-- "u/other.py"\n'


def _build(root, engine="mkdocs") -> dict:
    proc = subprocess.run([sys.executable, "-m", "dlref", "build", "--engine", engine], cwd=root,
                          env={**os.environ, "PYTHONPATH": str(root)}, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads((root / "build" / "report.json").read_text(encoding="utf-8"))


def _files(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _same_as_full_build(root, engine="mkdocs") -> None:
    """The site now is byte for byte the one a full build of the same sources writes."""
    now = _files(root / "site")
    shutil.rmtree(root / "build" / "site-state")
    assert set(_build(root, engine)["plans"].values()) == {"full"}
    full = _files(root / "site")
    assert sorted(now) == sorted(full)
    assert [name for name in full if now[name] != full[name]] == []


@pytest.fixture
def small(tmp_path, project):
    files = {"t/hello.py": "print('one')\n", "u/other.py": "print('other')\n"}
    proc = small_site(tmp_path, project, HOME, files, {"other.md": OTHER})
    assert proc.returncode == 0, proc.stderr[-3000:]
    return tmp_path


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_no_change_builds_nothing_and_an_edit_rebuilds_only_its_pages(small, engine):
    if engine != "mkdocs":
        assert set(_build(small, engine)["plans"].values()) == {"full"}  # the other engine's first build
    site = small / "site"
    untouched = (site / "other" / "index.html").stat().st_mtime_ns
    report = _build(small, engine)
    assert report["plans"] == {"zh": "skip", "en": "skip"} and report["ran"] == 0
    assert (site / "other" / "index.html").stat().st_mtime_ns == untouched

    (small / "snippets" / "t" / "hello.py").write_text("print('two')\n", encoding="utf-8")
    report = _build(small, engine)
    assert report["plans"] == {"zh": "dirty", "en": "dirty"} and report["ran"] == 1
    assert "two" in (site / "index.html").read_text(encoding="utf-8")
    assert "two" in (site / "en" / "index.html").read_text(encoding="utf-8")
    if engine == "mkdocs":  # Zensical writes every page again, from its cache
        assert (site / "other" / "index.html").stat().st_mtime_ns == untouched
    _same_as_full_build(small, engine)


def test_dirty_build_keeps_the_other_pages_titles_and_search_entries(small):
    """The unread page's title stays in the rebuilt page's navigation, its sections in the search index."""
    (small / "snippets" / "t" / "hello.py").write_text("print('three')\n", encoding="utf-8")
    assert _build(small)["plans"]["en"] == "dirty"
    index = json.loads((small / "site" / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert {e["location"] for e in index["docs"]} >= {"", "other/"}
    _same_as_full_build(small)


def test_changed_title_rebuilds_every_page(small):
    """A page's new title shows in every other page's navigation: the dirty build turns into a full one."""
    for lang in ("zh", "en"):
        (small / "docs" / lang / "other.md").write_text(OTHER.replace("# Other", "# Renamed"), encoding="utf-8")
    _build(small)
    assert "Renamed" in (small / "site" / "index.html").read_text(encoding="utf-8")
    _same_as_full_build(small)


def test_site_wide_input_or_tampered_output_means_a_full_build(small):
    theme = small / "overrides" / "main.html"
    theme.write_text(theme.read_text(encoding="utf-8") + "{# changed #}\n", encoding="utf-8")
    assert _build(small)["plans"] == {"zh": "full", "en": "full"}
    assert _build(small)["plans"] == {"zh": "skip", "en": "skip"}

    (small / "build" / "site" / "mkdocs" / "en" / "other" / "index.html").unlink()
    assert _build(small)["plans"] == {"zh": "skip", "en": "full"}
    assert (small / "site" / "en" / "other" / "index.html").is_file()
    (small / "build" / "site" / "mkdocs" / "zh" / "other" / "index.html").unlink()
    assert _build(small)["plans"] == {"zh": "full", "en": "skip"}  # publishing zh leaves site/en/ alone
    assert (small / "site" / "other" / "index.html").is_file() and (small / "site" / "en" / "other" / "index.html").is_file()


def test_removed_page_leaves_the_published_site(small):
    for lang in ("zh", "en"):
        (small / "docs" / lang / "other.md").unlink()
    config = small / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - other.md\n", ""), encoding="utf-8")
    assert _build(small)["plans"] == {"zh": "full", "en": "full"}
    assert not (small / "site" / "other").exists() and not (small / "site" / "en" / "other").exists()
    _same_as_full_build(small)


def test_failed_check_leaves_a_full_build_to_the_next_one(small):
    """A site that failed its checks is never skipped: the next build fails again."""
    for lang in ("zh", "en"):
        (small / "docs" / lang / "other.md").write_text(OTHER + "\n![](https://cdn.example.com/x.png)\n",
                                                         encoding="utf-8")
    for _ in range(2):
        proc = subprocess.run([sys.executable, "-m", "dlref", "build"], cwd=small,
                              env={**os.environ, "PYTHONPATH": str(small)}, capture_output=True, text=True)
        assert proc.returncode != 0 and "third-party host" in proc.stderr


def test_merge_search_index_keeps_page_order_and_unread_pages():
    old = {"config": {}, "docs": [{"location": "", "t": "old home"}, {"location": "a/", "t": "a"},
                                  {"location": "a/#x", "t": "a x"}, {"location": "b/", "t": "old b"}]}
    new = {"config": {"lang": ["en"]}, "docs": [{"location": "", "t": "home"}, {"location": "b/", "t": "b"}]}
    merged = stale_pages.merge_search_index(old, new, ["", "a/", "b/"], {"", "b/"})
    assert merged == {"config": {"lang": ["en"]}, "docs": [
        {"location": "", "t": "home"}, {"location": "a/", "t": "a"}, {"location": "a/#x", "t": "a x"},
        {"location": "b/", "t": "b"}]}
