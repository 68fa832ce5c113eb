"""dlref.build.engines.stale_pages: a built page goes when any of its inputs is newer, and only then."""
from __future__ import annotations

import os

from dlref.build.engines import stale_pages


def _tree(tmp_path):
    """A project with one page including one fragment, built at t=100; every input at t=50."""
    page = tmp_path / "docs" / "zh" / "a.md"
    fragment = tmp_path / "build" / "pages" / "zh" / "a" / "x.py"
    html = tmp_path / "site" / "a" / "index.html"
    config = tmp_path / "mkdocs.yml"
    theme = tmp_path / "overrides" / "main.html"
    code = tmp_path / "dlref" / "build" / "hooks.py"
    for path in (page, fragment, html, config, theme, code):
        path.parent.mkdir(parents=True, exist_ok=True)
    page.write_text('# A\n\n--8<-- "a/x.py"\n', encoding="utf-8")
    for path in (fragment, html, config, theme, code):
        path.write_text("x", encoding="utf-8")
    for path in (page, fragment, config, theme, code):
        os.utime(path, (50, 50))
    os.utime(html, (100, 100))
    return page, fragment, html, config, theme, code


def _drop(tmp_path, page, html):
    return stale_pages.drop([(page, html)], tmp_path / "build" / "pages" / "zh", tmp_path)


def test_up_to_date_page_is_kept(tmp_path):
    page, _, html, *_ = _tree(tmp_path)
    assert _drop(tmp_path, page, html) == [] and html.is_file()


def test_newer_fragment_drops_the_page_that_includes_it(tmp_path):
    page, fragment, html, *_ = _tree(tmp_path)
    os.utime(fragment, (150, 150))
    assert _drop(tmp_path, page, html) == [html] and not html.exists()


def test_newer_config_theme_or_code_drops_every_page(tmp_path):
    for index in (3, 4, 5):
        inputs = _tree(tmp_path)
        page, html = inputs[0], inputs[2]
        os.utime(inputs[index], (150, 150))
        assert _drop(tmp_path, page, html) == [html], inputs[index]


def test_library_edit_drops_only_the_api_page(tmp_path):
    page, _, html, *_ = _tree(tmp_path)
    api, api_html = tmp_path / "docs" / "zh" / "reference.md", tmp_path / "site" / "reference" / "index.html"
    api.write_text("# API\n\n::: dlref.rnn\n", encoding="utf-8")
    api_html.parent.mkdir(parents=True)
    api_html.write_text("x", encoding="utf-8")
    library = tmp_path / "dlref" / "rnn.py"
    library.write_text("x", encoding="utf-8")
    for path in (api, library):
        os.utime(path, (50, 50))
    os.utime(api_html, (100, 100))
    os.utime(library, (150, 150))  # its examples re-run; their fragments, not this edit, rebuild their pages
    dropped = stale_pages.drop([(page, html), (api, api_html)], tmp_path / "build" / "pages" / "zh", tmp_path)
    assert dropped == [api_html]


def test_page_never_built_is_left_to_mkdocs(tmp_path):
    page, fragment, html, *_ = _tree(tmp_path)
    html.unlink()
    os.utime(fragment, (150, 150))
    assert _drop(tmp_path, page, html) == []


def test_includes_are_read_from_the_page(tmp_path):
    page = tmp_path / "a.md"
    page.write_text('text\n--8<-- "a/x.py"\n  --8<-- "b/y.py"\nnot --8<-- "c.py"\n', encoding="utf-8")
    assert stale_pages.page_inputs(page, tmp_path / "f", tmp_path / "lib") == [page, tmp_path / "f" / "a/x.py", tmp_path / "f" / "b/y.py"]
