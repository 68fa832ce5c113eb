"""The built site: both languages, strict, offline, alt text, search, language switcher, cache."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from dlref.build import bench

from dlref.build.check import checks
from dlref.build.site import Project, build

pytestmark = pytest.mark.slow


def nav_pages(project) -> list[str]:
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load(project.config("zh").read_text(encoding="utf-8"), Loader=Loader)
    return [p if isinstance(p, str) else next(iter(p.values())) for p in config["nav"]]


def url_of(page: str) -> str:
    """Site path of a nav entry: index.md -> '', x.md or x.ipynb (a notebook page) -> 'x/'."""
    return "" if page == "index.md" else page.rsplit(".", 1)[0] + "/"


def html_of(site, lang: str, page: str) -> str:
    url = url_of(page)
    prefix = "" if lang == "zh" else "en/"
    return (site / prefix / url / "index.html").read_text(encoding="utf-8")


def test_both_languages_built(site, project):
    assert (site / "index.html").is_file() and (site / "en" / "index.html").is_file()
    for page in nav_pages(project):
        for lang in ("zh", "en"):
            html = html_of(site, lang, page)
            expected = "zh" if lang == "zh" else "en"
            assert re.search(rf'<html lang="{expected}[^"]*"', html), f"{lang}/{page}: wrong lang attribute"


def test_no_missing_alt_text_and_no_third_party_loads(site):
    assert checks.html_problems(site) == []


def test_hreflang_alternates_point_at_each_other(site, project):
    """Each page names itself in every language; the links resolve, from the page, to the same page."""
    from urllib.parse import urljoin

    for page in nav_pages(project):
        url = url_of(page)
        for prefix, lang in (("", "zh"), ("en/", "en")):
            links = dict((hreflang, href) for href, hreflang in re.findall(
                r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">', html_of(site, lang, page)))
            here = f"http://site/{prefix}{url}"
            assert urljoin(here, links["zh-Hans"]).removeprefix("http://site") == ("/" + url).rstrip("/") or "/", page
            assert urljoin(here, links["en"]).removeprefix("http://site") == ("/en/" + url).rstrip("/"), page


def test_language_switcher_stays_on_the_page(site):
    zh = html_of(site, "zh", "activations.md")
    en = html_of(site, "en", "activations.md")
    assert 'href="../en/activations/" hreflang="en"' in zh
    assert 'href="../../activations/" hreflang="zh-Hans"' in en


def test_math_is_mathml_with_no_raw_latex(site, project):
    for page in nav_pages(project):
        for lang in ("zh", "en"):
            html = html_of(site, lang, page)
            assert 'class="arithmatex"' not in html, f"{lang}/{page}: math left for a script to render"
            prose = re.sub(r"<(pre|code|script)[\s\S]*?</\1>", "", html)  # navigation and TOC included
            assert "$$" not in prose, f"{lang}/{page}: raw $$"
            assert "\\(" not in prose and "\\[" not in prose, f"{lang}/{page}: raw TeX delimiters"
            assert "x-mathjax-config" not in html, f"{lang}/{page}: a MathJax loader the site does not ship"


def test_examples_show_code_output_and_svg_figures(site):
    for lang, output in (("zh", "输出"), ("en", "Output")):
        html = html_of(site, lang, "activations.md")
        assert 'title="snippets/activations/' not in html  # titles render as spans, not attributes
        assert "snippets/activations/" in html and output in html
        figures = re.findall(r'<img alt="([^"]+)" height="\d+" loading="lazy" src="([^"]+\.svg)" width="\d+"', html)
        assert figures, f"{lang}: no SVG figures on the activations page"
        for alt, src in figures:
            assert (site / ("" if lang == "zh" else "en") / "activations" / src).resolve().is_file()
        import torch

        runs = re.findall(r'<p class="dlref-run"[^>]*>([^<]+)</p>', html)  # Zensical drops data-search-exclude
        outputs = html.count(f'<span class="filename">{output}</span>')
        assert len(runs) >= outputs > 0, f"{lang}: {len(runs)} provenance lines for {outputs} outputs"
        assert all(f"torch {torch.__version__}" in run and "CPU" in run for run in runs), runs[:2]


def search_index(site, lang: str) -> dict:
    path = site / ("" if lang == "zh" else "en") / "search" / "search_index.json"
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.mkdocs_only("Material's search_index.json, segmented by jieba; Zensical segments in the browser")
def test_each_search_index_holds_only_its_language(site):
    zh, en = search_index(site, "zh"), search_index(site, "en")
    assert zh["config"]["lang"] == ["zh"] and en["config"]["lang"] == ["en"]
    assert not any(d["location"].startswith("en/") for d in zh["docs"])
    cjk = re.compile(r"[\u4e00-\u9fff]")
    zh_titles = [d["title"] for d in zh["docs"] if d["location"] == "activations/"]
    en_titles = [d["title"] for d in en["docs"] if d["location"] == "activations/"]
    assert zh_titles and all(cjk.search(t) for t in zh_titles)
    assert en_titles and not any(cjk.search(t) for t in en_titles)
    assert "\u200b" in " ".join(d["text"] for d in zh["docs"]), "Chinese text was not segmented by jieba"


@pytest.mark.mkdocs_only("mkdocs-jupyter's notebook pages; Zensical's are Markdown pages")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_notebook_pages_are_slim_with_figures_as_files(site, lang):
    """No inlined JupyterLab CSS or base64 figures; the notebook download and its figures are there."""
    prefix = "" if lang == "zh" else "en/"
    for page in ("batch-norm-digits", "project-phone-price"):
        folder = site / prefix / page
        html = (folder / "index.html").read_text(encoding="utf-8")
        assert "jupyter-wrapper" in html and f'href="{page}.ipynb" download' in html and (folder / f"{page}.ipynb").is_file()
        assert "--jp-" not in html and "base64," not in html and "highlight-ipynb" not in html
        figures = re.findall(r'<img alt="[^"]+" src="(figure-[0-9a-f]{12}\.svg)" loading="lazy"', html)
        assert figures and all((folder / name).is_file() for name in figures)
        assert len(html.encode()) < 250_000, f"{page}: {len(html.encode())} bytes"


@pytest.mark.mkdocs_only("the budgets are the published site's; Zensical's own JS bundle is 62 KB heavier than "
                         "Material's, which puts its median page at about 608 KB: `make bench` reports it")
def test_page_weight_budgets_hold(site, project):
    """The size budgets of `make bench` (sizes are not noisy, so they are tests too)."""
    weights = bench.page_weights(site)
    assert len(weights["pages"]) == 2 * len(nav_pages(project))
    assert weights["median_page_kb"] < bench.TARGETS["median_page_kb"], weights["median_page_kb"]
    assert weights["svgs_over_budget"] == [] and weights["raster_figures"] == 0


def test_second_build_runs_no_example(site, project, example_results):
    examples, _ = example_results
    runs = sum(len(e.run_langs()) for e in examples if e.requires != "cuda")
    report = build(project)
    assert (report.ran, report.cached) == (0, runs)


def test_missing_include_fails_the_strict_build(tmp_path, project):
    """A page that includes an example that does not exist fails with the include named."""
    proc = small_site(tmp_path, project, '# Home { #home }\n\n--8<-- "nowhere/missing.py"\n')
    assert proc.returncode != 0
    assert "nowhere/missing.py" in proc.stderr + proc.stdout


def test_every_internal_link_and_anchor_resolves(site, project):
    problems, external = checks.link_report(site)
    assert problems == []
    report = project.build / "external-links.txt"  # listed for a human, never fetched
    report.write_text("\n".join(external) + "\n", encoding="utf-8")
    assert all(url.startswith(("http://", "https://", "mailto:")) for url in external)


def test_dirty_rebuild_redoes_only_the_page_an_edit_touches(tmp_path, project):
    """`make serve` re-runs an edited example (`dlref run`) and builds with --dirty under strict: the page
    whose assembled text changed is rebuilt, an unchanged one is not."""
    files = {"t/hello.py": "print('one')\n", "u/other.py": "print('other')\n"}
    proc = small_site(tmp_path, project, '# Home { #home }\n\n--8<-- "t/hello.py"\n', files,
                      {"other.md": '# Other { #other }\n\n--8<-- "u/other.py"\n'})
    assert proc.returncode == 0, proc.stderr
    html, other = tmp_path / "site" / "index.html", tmp_path / "site" / "other" / "index.html"
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    run = [sys.executable, "-m", "dlref", "run"]
    dirty = [sys.executable, "-m", "mkdocs", "build", "--dirty", "--strict", "-f", "mkdocs.yml"]
    # `dlref build` builds elsewhere (build/site/) and publishes into site/: MkDocs' first build of its own
    # into site/ has no notes on what it was built from, and builds every page
    assert subprocess.run(dirty, cwd=tmp_path, env=env, capture_output=True).returncode == 0

    (tmp_path / "snippets" / "t" / "hello.py").write_text("print('two')\n", encoding="utf-8")
    untouched = other.stat().st_mtime_ns
    assert subprocess.run(run, cwd=tmp_path, env=env, capture_output=True).returncode == 0
    proc = subprocess.run(dirty, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr  # MkDocs' dirty-build warning must not fail strict
    assert "two" in html.read_text(encoding="utf-8") and other.stat().st_mtime_ns == untouched

    built = html.stat().st_mtime_ns
    proc = subprocess.run(dirty, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert proc.returncode == 0 and html.stat().st_mtime_ns == built, proc.stderr


# --- injected faults: a small broken site must be caught, each fault by its check -------------

def small_site(tmp_path, project, page: str, snippets: dict | None = None,
               more: dict | None = None) -> subprocess.CompletedProcess:
    """Build (``python -m dlref build``) a copy of the project (configs, theme overrides, dlref) whose
    home page is ``page``, with ``snippets`` ({include name: source}) and ``more`` pages ({name: text})."""
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy(project.root / name, tmp_path / name)
    shutil.copytree(project.root / "overrides", tmp_path / "overrides")
    shutil.copytree(project.root / "dlref", tmp_path / "dlref")
    (tmp_path / "snippets").mkdir()
    for rel, source in (snippets or {}).items():
        (tmp_path / "snippets" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "snippets" / rel).write_text(source, encoding="utf-8")
    pages = {"index.md": page, **(more or {})}
    for lang in ("zh", "en"):
        (tmp_path / "docs" / lang).mkdir(parents=True)
        for name, text in pages.items():
            (tmp_path / "docs" / lang / name).write_text(text, encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    nav = "".join(f"  - {name}\n" for name in pages)
    config.write_text(re.sub(r"nav:\n(  - .*\n)+", "nav:\n" + nav, text), encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "dlref", "build"], cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(tmp_path)}, capture_output=True, text=True)


def test_injected_external_image_is_caught(tmp_path, project):
    proc = small_site(tmp_path, project, "# Home { #home }\n\n![a chart](https://cdn.example.com/chart.png)\n")
    problems = checks.html_problems(tmp_path / "site")
    assert any("loads from a third-party host: https://cdn.example.com/chart.png" in p for p in problems), (
        proc.stderr, problems)


def test_injected_missing_alt_text_is_caught(tmp_path, project):
    small_site(tmp_path, project, '# Home { #home }\n\n<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">\n')
    problems = checks.html_problems(tmp_path / "site")
    assert any("has no alt text" in p and p.startswith(str(tmp_path / "site" / "index.html")) for p in problems)


def test_injected_broken_anchor_fails_the_build(tmp_path, project):
    proc = small_site(tmp_path, project, "# Home { #home }\n\nSee [the part](#no-such-part).\n")
    assert proc.returncode != 0
    assert "no-such-part" in proc.stderr


def test_broken_anchor_in_built_html_is_reported(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<h2 id="x">x</h2><a href="a/#y">y</a> <a href="#x">ok</a>')
    (tmp_path / "a" / "index.html").write_text('<h2 id="z">z</h2><a href="https://example.org/">ext</a>')
    problems, external = checks.link_report(tmp_path)
    assert problems == ["index.html:1: link to a missing anchor: a/#y"]
    assert external == ["https://example.org/"]


def test_unrendered_includes_and_tex_in_built_html_are_reported(tmp_path):
    """Whatever the engine: an include line or TeX left in the text is a problem; in code it is not."""
    (tmp_path / "index.html").write_text(
        '<p>--8&lt;-- &quot;t/a.py&quot;</p>\n<p>Area \\(\\pi r^2\\)</p>\n<p><span class="arithmatex">x</span></p>\n'
        '<pre><code>--8&lt;-- "t/a.py" \\(x\\) $$</code></pre>\n', encoding="utf-8")
    problems = checks.html_problems(tmp_path)
    assert [p.split(": ", 1)[1].split(":")[0] for p in problems] == [
        "an include line was not rendered", "raw TeX", "math left for a script to render (class arithmatex)"]
    assert all(p.startswith(f"{tmp_path / 'index.html'}:") for p in problems)


def test_cuda_examples_show_their_gpu_recording_in_both_languages(site, project):
    """On a build without CUDA, every CUDA example shows its recorded output under the note naming the GPU,
    torch and CUDA versions and date of the recording, in each language; no "not recorded yet" note is left."""
    import html

    from dlref.build.execute import recorded
    from dlref.build.execute.cache import cuda_available
    from dlref.build.languages import languages
    from dlref.build.sources.examples import discover

    if cuda_available():
        pytest.skip("with CUDA the examples run here; nothing is replayed")
    cuda = [e for e in discover(project.snippets) if e.requires == "cuda"]
    assert cuda
    for lang, language in languages(project.root).items():
        for example in cuda:
            data = json.loads(recorded.cuda_path(example, project.recorded).read_text(encoding="utf-8"))
            page = html_of(site, lang, f"{example.slug}.md")
            note = language.ui["gpu_note"].format(**data["environment"]).split("\n", 1)[1].strip()
            missing = language.ui["gpu_missing"].split("\n", 1)[0].split('"')[1]
            assert html.escape(note, quote=False) in page, f"{lang}/{example.slug}: no note '{note}'"
            assert missing not in page, f"{lang}/{example.slug}: still says '{missing}'"
            for line in data["stdout"].splitlines():
                assert html.escape(line, quote=False) in page, f"{lang}/{example.rel}: recorded line {line!r} not shown"
