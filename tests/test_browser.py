"""The built site in a real browser: Debian's Chromium driven by Playwright, served on 127.0.0.1.

Every page in both languages: no console error, no request off the site's origin, every image
loaded, math rendered, no horizontal scroll at 375 px, zero serious/critical axe-core violations.
Plus search in both languages, the language switcher and the copy button.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from dlref.build.bench import serve_dir
from dlref.build.bench_lighthouse import CHROMIUM

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def built_pages(site: Path) -> list[str]:
    """Every page URL path of both languages, from the built HTML (not a fixed list)."""
    pages = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        if rel.startswith(("assets", "search")):
            continue
        pages.append("/" if rel == "." else f"/{rel}/")
    return pages


@pytest.fixture(scope="session")
def server(site):
    with serve_dir(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.is_file():
        pytest.fail("Debian's chromium is not installed: run `make system-deps`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


REPORT: dict = {"pages_checked": 0, "requests": 0, "requests_blocked": 0, "axe_serious_or_critical": 0,
                "axe_pages": 0, "axe_moderate_or_minor": 0}


class Visit:
    """A page opened with every request and console message recorded."""

    def __init__(self, browser, server: str, **context_args):
        self.origin = urlsplit(server).netloc
        self.context = browser.new_context(**context_args)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.context.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        REPORT["requests"] += 1
        if urlsplit(url).netloc != self.origin and not url.startswith(("data:", "blob:")):
            self.foreign.append(url)
            REPORT["requests_blocked"] += 1
            route.abort()
        else:
            route.continue_()

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser, server):
    visits = []

    def open_(path: str, **context_args) -> Visit:
        v = Visit(browser, server, **context_args)
        visits.append(v)
        v.page.goto(server + path, wait_until="load")
        return v

    yield open_
    for v in visits:
        v.close()


LOAD_IMAGES = """async () => {
  const imgs = Array.from(document.images);
  for (const i of imgs) { i.loading = 'eager'; }
  await Promise.all(imgs.map(i => i.decode().catch(() => null)));
  return imgs.filter(i => i.naturalWidth === 0).map(i => i.src);
}"""

VISIBLE_RAW_MATH = """() => {
  const body = document.querySelector('.md-content').cloneNode(true);
  body.querySelectorAll('pre, code, script').forEach(n => n.remove());
  const text = body.textContent;
  return ['$$', '\\\\(', '\\\\[', '\\\\frac'].filter(s => text.includes(s));
}"""


# The navigation, the table of contents and the title: a heading with a formula shows its text there.
RAW_TEX_IN_NAVIGATION = """() => {
  const text = [document.title, ...Array.from(document.querySelectorAll('.md-header, .md-sidebar, .md-footer'),
                                              n => n.textContent)].join(' ');
  return ['$', '\\\\', '_{', '^{'].filter(s => text.includes(s));
}"""


def test_every_page_loads_cleanly(site, visit):
    problems = []
    for path in built_pages(site):
        REPORT["pages_checked"] += 1
        v = visit(path)
        broken = v.page.evaluate(LOAD_IMAGES)
        raw = v.page.evaluate(VISIBLE_RAW_MATH)
        raw_nav = v.page.evaluate(RAW_TEX_IN_NAVIGATION)
        v.page.wait_for_load_state("networkidle")
        for kind, items in (("console error", v.errors), ("request off-site", v.foreign),
                            ("image not loaded", broken), ("raw math visible", raw),
                            ("TeX in the navigation or table of contents", raw_nav)):
            problems += [f"{path}: {kind}: {item}" for item in items]
        v.close()
    assert problems == []


MATH_FONT = """async () => {
  await document.fonts.ready;
  const faces = Array.from(document.fonts).filter(f => f.family.replace(/"/g, '') === 'dlref Latin Modern Math');
  const files = performance.getEntriesByType('resource').map(r => r.name).filter(n => n.endsWith('.woff2'));
  return {faces: faces.map(f => f.status), files,
          family: getComputedStyle(document.querySelector('.md-typeset math')).fontFamily};
}"""


def math_font_of(v, path_prefix: str) -> None:
    """The page's formulas are drawn in the site's own math font, loaded from the site itself."""
    found = v.page.evaluate(MATH_FONT)
    assert found["faces"] == ["loaded"], found  # a FontFace loads only when text is laid out in it
    assert found["family"].startswith('"dlref Latin Modern Math"'), found
    assert [urlsplit(f).path for f in found["files"]] == [path_prefix + "assets/fonts/latinmodern-math.woff2"], found
    assert v.errors == [] and v.foreign == []


@pytest.mark.parametrize(("path", "site_root"), [("/rnn-bptt/", "/"), ("/en/rnn-bptt/", "/en/")])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_math_is_drawn_in_the_sites_math_font(visit, path, site_root, scheme):
    v = visit(path, color_scheme=scheme)
    assert v.page.locator("head link[rel=preload][as=font]").count() == 1  # pages with math preload it
    math_font_of(v, site_root)


def test_math_font_resolves_under_a_path_prefix(site, browser):
    """Published under a prefix (https://host/dlref/), the font is found relative to the page."""
    with serve_dir(site.parent) as url:
        v = Visit(browser, url)
        try:
            v.page.goto(f"{url}/{site.name}/en/lstm-gru/", wait_until="load")
            math_font_of(v, f"/{site.name}/en/")
        finally:
            v.close()


def test_pages_without_math_do_not_preload_the_font(visit):
    v = visit("/en/glossary/")
    assert v.page.evaluate("() => document.querySelectorAll('math').length") == 0
    assert v.page.locator("head link[rel=preload][as=font]").count() == 0
    v.page.wait_for_load_state("networkidle")
    assert not any(n.endswith(".woff2") for n in v.page.evaluate(
        "() => performance.getEntriesByType('resource').map(r => r.name)"))


def test_layout_holds_at_375_px(site, visit):
    overflowing = []
    for path in built_pages(site):
        v = visit(path, viewport={"width": 375, "height": 740})
        width = v.page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        if width[0] > width[1]:
            overflowing.append(f"{path}: page scrolls horizontally ({width[0]} px > {width[1]} px)")
        v.close()
    assert overflowing == []


@pytest.mark.parametrize("path", ["/", "/activations/", "/en/", "/en/activations/"])
def test_dark_mode(visit, path):
    v = visit(path, color_scheme="dark")
    scheme = v.page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    assert scheme == "slate"
    assert v.page.evaluate(LOAD_IMAGES) == []
    assert v.errors == []


def test_axe_finds_no_serious_violations(site, visit):
    if not AXE.is_file():
        pytest.fail(f"{AXE} missing: run `npm ci`")
    found = []
    for path in built_pages(site):
        v = visit(path)
        # Blocks off screen are not rendered until they scroll near (content-visibility: auto), and axe cannot
        # read the colours of what is not painted; render everything, as a reader scrolling through would.
        v.page.add_style_tag(content="* { content-visibility: visible !important; }")
        v.page.add_script_tag(path=str(AXE))
        results = v.page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".map(x => [x.impact, x.id + ': ' + x.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')])"
        )
        violations = [text for impact, text in results if impact in ("serious", "critical")]
        REPORT["axe_pages"] += 1
        REPORT["axe_serious_or_critical"] += len(violations)
        REPORT["axe_moderate_or_minor"] += len(results) - len(violations)
        found += [f"{path}: {item}" for item in violations]
        v.close()
    assert found == []


def test_browser_report_is_written(site):
    """After the page and axe checks above (file order): what they covered, for CI's artifacts."""
    import json

    if not REPORT["pages_checked"]:
        pytest.skip("the page checks did not run in this session (select the whole module)")
    assert REPORT["pages_checked"] == len(built_pages(site)) and REPORT["axe_pages"] == REPORT["pages_checked"]
    (site.parent / "build" / "browser-report.json").write_text(json.dumps(REPORT, indent=2), encoding="utf-8")
    print(REPORT)


def search(v, query: str) -> list[str]:
    """The result links of a search typed the way a reader types it, on either engine's search UI."""
    page = v.page
    box = page.locator("input[data-md-component='search-query']")
    if box.count():  # Material for MkDocs
        box.click()
        box.fill("")
        box.type(query, delay=20)
        box.press("End")  # after composed (Chinese) input, one more key press makes the search run
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        return page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    page.click(".md-search__button")  # Zensical: its search dialog takes the keyboard
    page.wait_for_timeout(500)
    page.keyboard.type(query, delay=20)
    results = page.locator("a[href*='?h=']")
    results.first.wait_for(timeout=15000)
    return results.evaluate_all("els => els.map(e => e.href)")


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        ("/", "梯度消失", "/activations/"),
        ("/", "饱和", "/activations/"),
        ("/", "导数", "/activations/"),
        ("/", "批归一化", "/batch-norm/"),
        ("/en/", "vanishing gradients", "/en/activations/"),
        ("/en/", "derivatives", "/en/activations/"),
        ("/en/", "batch normalization", "/en/batch-norm/"),
    ],
)
def test_search_finds_the_page_in_its_language(visit, path, query, expected):
    v = visit(path)
    hits = search(v, query)
    pages = list(dict.fromkeys(urlsplit(h).path for h in hits))  # result pages, in ranked order
    assert expected in pages[:5], pages
    other = "/en/" if path == "/" else None
    if other:
        assert not any(urlsplit(h).path.startswith(other) for h in hits), "zh search returned en pages"
    else:
        assert all(urlsplit(h).path.startswith("/en/") for h in hits), "en search returned zh pages"


def test_language_switcher_keeps_the_page(visit):
    v = visit("/activations/")
    v.page.hover(".md-header__option .md-select")
    v.page.click("a.md-select__link[hreflang='en']")
    v.page.wait_for_url("**/en/activations/")
    v.page.hover(".md-header__option .md-select")
    v.page.click("a.md-select__link[hreflang='zh-Hans']")
    v.page.wait_for_url("**/activations/")
    assert urlsplit(v.page.url).path == "/activations/"


CODE_LINKS = "() => Array.from(document.querySelectorAll('.md-typeset pre a.dlref-api'), a => a.href)"


def test_code_names_link_to_their_documentation(site, visit, server):
    """Every linked name leads to PyTorch's reference or to an anchor that exists on the API page."""
    from urllib.parse import urldefrag

    from dlref.build.render import code_links

    counts, anchors, problems = {}, {}, []
    for path in built_pages(site):
        v = visit(path)
        hrefs = v.page.evaluate(CODE_LINKS)
        counts[path] = len(hrefs)
        for href in hrefs:
            page, anchor = urldefrag(href)
            if page.startswith(server):
                anchors.setdefault(page, set()).add(anchor)
            elif not page.startswith((code_links.PYTORCH, code_links.TORCHVISION, code_links.NUMPY, code_links.PYPLOT)):
                problems.append(f"{path}: link to {href}")
        v.close()
    for page, wanted in anchors.items():
        v = visit(urlsplit(page).path)
        problems += [f"{page}: no anchor #{a}" for a in sorted(wanted)
                     if not a or not v.page.evaluate("id => !!document.getElementById(id)", a)]
        v.close()
    assert problems == []
    with_code = [p for p in counts if p.rstrip("/").rsplit("/", 1)[-1] not in ("", "en", "glossary", "reference")]
    few = [p for p in with_code if counts[p] < 5]
    assert len(few) <= len(with_code) // 10, f"pages with fewer than 5 code links: {few}"


def test_copy_button_copies_the_code_shown(visit, server):
    v = visit("/en/activations/")
    v.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    block = v.page.locator(".md-typeset pre:has(a.dlref-api)").first  # links in the code are not copied as markup
    shown = block.locator("code").inner_text()
    block.hover()
    block.locator("button[data-md-type='copy']").click()
    copied = v.page.evaluate("() => navigator.clipboard.readText()")
    assert copied.strip() == shown.strip()
    assert "zh:" not in copied and "en:" not in copied and "dlref-api" not in copied and "href=" not in copied


FETCH = "async (url) => { const r = await fetch(url); return [r.status, await r.text()]; }"


def test_every_content_page_downloads_its_notebook_and_scripts(project, site, visit):
    """Issue 16: on every content page of both languages the notebook download parses as a notebook with outputs,
    and each example's .py link resolves, fetched as the reader's browser fetches them."""
    import nbformat

    from dlref.build.languages import languages
    from dlref.build.pages import content_pages

    slugs = [s for s in content_pages(project.root) if (project.docs / "en" / f"{s}.md").is_file()]
    problems, checked = [], 0
    for prefix in (language.prefix for language in languages(project.root).values()):
        for slug in slugs:
            path = f"/{prefix}{slug}/"
            v = visit(path)
            buttons = v.page.eval_on_selector_all("a.md-button[download][href$='.ipynb']", "els => els.map(e => e.href)")
            scripts = v.page.eval_on_selector_all("a[download][href$='.py']", "els => els.map(e => e.href)")
            if len(buttons) != 1 or not scripts:
                problems.append(f"{path}: {len(buttons)} notebook buttons, {len(scripts)} script links")
            for url in buttons:
                status, text = v.page.evaluate(FETCH, url)
                try:
                    nb = nbformat.reads(text, as_version=4)
                    nbformat.validate(nb)
                except Exception as exc:  # noqa: BLE001 - reported with the page
                    problems.append(f"{path}: {url} ({status}) is no notebook: {exc}")
                    continue
                if not any(c.get("outputs") for c in nb.cells if c.cell_type == "code"):
                    problems.append(f"{path}: {url} has no outputs")
            for url in scripts:
                status, text = v.page.evaluate(FETCH, url)
                try:
                    compile(text, url, "exec")
                except SyntaxError as exc:
                    problems.append(f"{path}: {url} ({status}) is no Python: {exc}")
            checked += 1
            v.close()
    assert checked == 2 * len(slugs) and problems == []


def test_a_link_into_the_api_reference_lands_on_its_function(visit):
    """The reference's later modules are not laid out until they scroll near (content-visibility); a link to a
    function in one of them (as the example code links are) still shows that function at the top."""
    for anchor in ("dlref.optim.ema", "dlref.lstm.gru_cell"):
        v = visit(f"/en/reference/#{anchor}", viewport={"width": 412, "height": 823}, is_mobile=True)
        v.page.wait_for_timeout(500)
        top = v.page.evaluate(f"() => document.getElementById({anchor!r}).getBoundingClientRect().top")
        assert 0 <= top < 200, f"#{anchor} is at {top:.0f} px, not at the top of the screen"
        v.close()
