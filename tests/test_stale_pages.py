"""dlref.build.engines.stale_pages: under `mkdocs serve --dirty`, a built page goes when a site-wide input
(config, theme, math extension) or, for the API page, the documented library is newer; and only then."""
from __future__ import annotations

import os

from dlref.build.engines import stale_pages


def _tree(tmp_path):
    """A project with one assembled page, built at t=100; every input at t=50."""
    page = tmp_path / "build" / "docs" / "zh" / "a.md"
    html = tmp_path / "site" / "a" / "index.html"
    config = tmp_path / "mkdocs.yml"
    theme = tmp_path / "overrides" / "main.html"
    math = tmp_path / "dlref" / "build" / "render" / "mathml.py"
    for path in (page, html, config, theme, math):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("# A\n", encoding="utf-8")
    for path in (page, config, theme, math):
        os.utime(path, (50, 50))
    os.utime(html, (100, 100))
    return page, html, config, theme, math


def test_up_to_date_page_is_kept(tmp_path):
    page, html, *_ = _tree(tmp_path)
    assert stale_pages.drop([(page, html)], tmp_path, tmp_path / 'records') == [] and html.is_file()


def test_newer_config_theme_or_math_drops_every_page(tmp_path):
    for index in (2, 3, 4):
        inputs = _tree(tmp_path)
        page, html = inputs[0], inputs[1]
        os.utime(inputs[index], (150, 150))
        assert stale_pages.drop([(page, html)], tmp_path, tmp_path / 'records') == [html], inputs[index]


def test_page_never_built_is_left_to_mkdocs(tmp_path):
    page, html, config, *_ = _tree(tmp_path)
    html.unlink()
    os.utime(config, (150, 150))
    assert stale_pages.drop([(page, html)], tmp_path, tmp_path / 'records') == []


def test_page_rewritten_while_it_was_built_is_dropped(tmp_path):
    """Its HTML is newer than the new text, so only the recorded text can tell."""
    page, html, *_ = _tree(tmp_path)
    records = tmp_path / "records"
    stale_pages.record(page, "# A\n", records)  # built from this text
    assert stale_pages.drop([(page, html)], tmp_path, records) == []
    page.write_text("# A, edited during the build\n", encoding="utf-8")
    os.utime(page, (60, 60))  # still older than the HTML
    assert stale_pages.drop([(page, html)], tmp_path, records) == [html]
