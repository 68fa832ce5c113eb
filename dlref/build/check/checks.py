"""Checks on the sources and on the built site; each problem names file:line.

- :func:`parity`: zh and en have the same pages, fixed heading anchors, includes,
  images and links (FastAPI's ``check_translation``, stricter).
- :func:`freshness`: each en page records the hash of the zh source it was
  translated from (``translated_from:`` front matter); a stale page is reported.
- :func:`html_problems`: in the built site, whatever the engine: every ``<img>`` has
  alt text, nothing is loaded from a third-party host, no include line and no TeX is
  left unrendered in the text (code excepted).
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from dlref.build.languages import LANGS
from dlref.build.pages import FENCE, FRONT_MATTER, INCLUDE

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_ANCHOR = re.compile(r"\{\s*#([\w-]+)[^}]*\}\s*$")
_IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)")
_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)")


@dataclass
class PageShape:
    """What must match between the two languages of one page."""

    anchors: list = field(default_factory=list)  # (line, level, id)
    includes: list = field(default_factory=list)  # (line, path)
    images: list = field(default_factory=list)
    links: list = field(default_factory=list)
    unanchored: list = field(default_factory=list)  # (line, heading text)


def page_shape(text: str) -> PageShape:
    shape = PageShape()
    fence = None
    body_start = len(FRONT_MATTER.match(text).group(0).splitlines()) if FRONT_MATTER.match(text) else 0
    for lineno, line in enumerate(text.splitlines(), 1):
        if lineno <= body_start:
            continue
        marker = FENCE.match(line)
        if marker:
            token = marker.group(1)
            if fence is None:
                fence = token
            elif token.startswith(fence[0]) and len(token) >= len(fence):
                fence = None
            continue
        if fence:
            continue
        if m := INCLUDE.match(line):
            shape.includes.append((lineno, m["rel"]))
            continue
        if m := _HEADING.match(line):
            level = len(m.group(1))
            if a := _ANCHOR.search(m.group(2)):
                shape.anchors.append((lineno, level, a.group(1)))
            elif level > 1:
                shape.unanchored.append((lineno, m.group(2)))
        shape.images += [(lineno, t) for t in _IMAGE.findall(line)]
        shape.links += [(lineno, t) for t in _LINK.findall(line)]
    return shape


def _pages(docs: Path, lang: str) -> set[str]:
    return {p.relative_to(docs / lang).as_posix() for p in (docs / lang).rglob("*.md")}


def parity(docs: Path) -> list[str]:
    """Every difference in structure between docs/zh and docs/en."""
    problems = []
    zh, en = _pages(docs, "zh"), _pages(docs, "en")
    for missing, have, lang in ((zh - en, "zh", "en"), (en - zh, "en", "zh")):
        for page in sorted(missing):
            problems.append(f"docs/{have}/{page}:1: page missing in {lang}: create docs/{lang}/{page}")
    for page in sorted(zh & en):
        shapes = {lang: page_shape((docs / lang / page).read_text(encoding="utf-8")) for lang in LANGS}
        for lang in LANGS:
            for line, text in shapes[lang].unanchored:
                problems.append(f"docs/{lang}/{page}:{line}: heading '{text}' needs a fixed anchor {{ #id }}")
        a = [(lvl, i) for _, lvl, i in shapes["zh"].anchors]
        b = [(lvl, i) for _, lvl, i in shapes["en"].anchors]
        if a != b:
            problems.append(_first_difference(page, "heading anchors", shapes, "anchors", lambda x: (x[1], x[2])))
        for what in ("includes", "images"):
            if [t for _, t in getattr(shapes["zh"], what)] != [t for _, t in getattr(shapes["en"], what)]:
                problems.append(_first_difference(page, what, shapes, what, lambda x: x[1]))
        zl, el = Counter(t for _, t in shapes["zh"].links), Counter(t for _, t in shapes["en"].links)
        if zl != el:
            only_zh, only_en = sorted((zl - el).elements()), sorted((el - zl).elements())
            problems.append(
                f"docs/en/{page}:1: links differ from docs/zh/{page}: only in zh {only_zh}, only in en {only_en}"
            )
    return problems


def _first_difference(page: str, label: str, shapes: dict, attr: str, key) -> str:
    zh, en = getattr(shapes["zh"], attr), getattr(shapes["en"], attr)
    for i in range(max(len(zh), len(en))):
        x = key(zh[i]) if i < len(zh) else None
        y = key(en[i]) if i < len(en) else None
        if x != y:
            line_zh = zh[i][0] if i < len(zh) else "end"
            line_en = en[i][0] if i < len(en) else "end"
            return (
                f"docs/en/{page}:{line_en}: {label} differ from docs/zh/{page}:{line_zh}: "
                f"en has {y!r}, zh has {x!r}"
            )
    return f"docs/en/{page}:1: {label} differ"


def source_hash(path: Path) -> str:
    """Short content hash of a zh page, as recorded in its translation."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def _translated_from(text: str) -> tuple[str | None, int]:
    front = FRONT_MATTER.match(text)
    if front:
        for i, line in enumerate(front.group(1).splitlines(), 2):
            if line.startswith("translated_from:"):
                return line.split(":", 1)[1].strip(), i
    return None, 1


def freshness(docs: Path) -> list[str]:
    """en pages whose zh source changed since they were translated."""
    problems = []
    for page in sorted(_pages(docs, "zh") & _pages(docs, "en")):
        recorded, line = _translated_from((docs / "en" / page).read_text(encoding="utf-8"))
        current = source_hash(docs / "zh" / page)
        if recorded is None:
            problems.append(
                f"docs/en/{page}:1: no 'translated_from:' front matter; after translating, "
                f"run `python -m dlref translated {page}`"
            )
        elif recorded != current:
            problems.append(
                f"docs/en/{page}:{line}: stale translation: made from zh {recorded}, docs/zh/{page} is now "
                f"{current}; update the English, then run `python -m dlref translated {page}`"
            )
    return problems


def stamp_translation(docs: Path, page: str) -> str:
    """Record in docs/en/<page> that it matches the current zh source."""
    en = docs / "en" / page
    text = en.read_text(encoding="utf-8")
    stamp = f"translated_from: {source_hash(docs / 'zh' / page)}"
    front = FRONT_MATTER.match(text)
    if front is None:
        text = f"---\n{stamp}\n---\n{text}"
    elif re.search(r"^translated_from:.*$", front.group(1), re.M):
        text = text[: front.start(1)] + re.sub(r"^translated_from:.*$", stamp, front.group(1), flags=re.M) + text[front.end(1):]
    else:
        text = text[: front.end(1)] + "\n" + stamp + text[front.end(1):]
    en.write_text(text, encoding="utf-8")
    return f"docs/en/{page}: {stamp}"


# --- the built site -----------------------------------------------------------------

_LOADING_ATTRS = {"img": "src", "script": "src", "iframe": "src", "source": "src", "audio": "src", "video": "src"}
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)")


def _third_party(url: str) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme in ("http", "https") or url.strip().startswith("//")


_VERBATIM = {"pre", "code", "script", "style", "textarea"}
_UNRENDERED = (("--8<--", "an include line was not rendered"), ("\\(", "raw TeX"), ("\\[", "raw TeX"),
               ("$$", "raw TeX"))


class _PageScan(HTMLParser):
    """One pass over a page: its problems (:func:`html_problems`), and its ids and links (:func:`link_report`)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[tuple[int, str]] = []
        self.verbatim = 0  # depth inside code, scripts and styles, where any text may stand
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []

    def handle_endtag(self, tag):
        if tag in _VERBATIM and self.verbatim:
            self.verbatim -= 1

    def handle_data(self, data):
        if self.verbatim:
            return
        for marker, what in _UNRENDERED:
            if marker in data:
                self.problems.append((self.getpos()[0], f"{what}: {data.strip()[:80]!r}"))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        line = self.getpos()[0]
        for key in ("id", "name"):
            if attrs.get(key):
                self.ids.add(attrs[key])
        if tag == "a" and attrs.get("href"):
            self.links.append((line, attrs["href"]))
        if tag in _VERBATIM:
            self.verbatim += 1
        if "arithmatex" in (attrs.get("class") or "").split():
            self.problems.append((line, "math left for a script to render (class arithmatex)"))
        if tag == "img" and not (attrs.get("alt") or "").strip():
            self.problems.append((line, f"<img src={attrs.get('src')!r}> has no alt text"))
        url = attrs.get(_LOADING_ATTRS.get(tag, ""))
        if tag == "link" and (attrs.get("rel") or "") not in ("alternate", "canonical", "prev", "next"):
            url = attrs.get("href")
        if url and _third_party(url):
            self.problems.append((line, f"<{tag}> loads from a third-party host: {url}"))
        style = attrs.get("style") or ""
        for a, b in _CSS_URL.findall(style):
            if _third_party(a or b):
                self.problems.append((line, f"inline style loads from a third-party host: {a or b}"))


@dataclass
class Scan:
    """What the checks need of one built page."""

    problems: list  # (line, text)
    ids: set
    links: list  # (line, href)


def scan_site(site: Path, memo: Path | None = None) -> dict[Path, Scan]:
    """Every built HTML page of ``site``, parsed once. ``memo``: a file keeping each page's scan under the
    hash of its bytes, so that a rebuild parses only the pages that changed (two passes over every page
    took some 3 s)."""
    import json

    try:
        kept = json.loads(memo.read_text(encoding="utf-8")) if memo else {}
    except (FileNotFoundError, ValueError):
        kept = {}
    scans, used = {}, {}
    for path in sorted(site.rglob("*.html")):
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if digest not in kept:
            page = _PageScan()
            page.feed(data.decode("utf-8"))
            kept[digest] = [page.problems, sorted(page.ids), page.links]
        used[digest] = problems, ids, links = kept[digest]
        scans[path.resolve()] = Scan([tuple(p) for p in problems], set(ids), [tuple(a) for a in links])
    if memo:
        memo.parent.mkdir(parents=True, exist_ok=True)
        memo.write_text(json.dumps(used), encoding="utf-8")
    return scans


def html_problems(site: Path, scans: dict[Path, Scan] | None = None) -> list[str]:
    """Missing alt text, third-party loads, unrendered includes and TeX in every built HTML and CSS file
    (``scans``: :func:`scan_site`'s, where the caller has them)."""
    problems = []
    for path, scan in sorted((scans or scan_site(site)).items()):
        problems += [f"{_shown(path, site)}:{line}: {text}" for line, text in scan.problems]
    for path in sorted(site.rglob("*.css")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for a, b in _CSS_URL.findall(line):
                if _third_party(a or b):
                    problems.append(f"{path}:{lineno}: stylesheet loads from a third-party host: {a or b}")
    return problems


def _shown(path: Path, site: Path) -> Path:
    """A page's path as the caller named its site (scans hold resolved paths)."""
    return site / path.relative_to(site.resolve())


# --- notebooks: one bilingual source, zh/en markdown cells in pairs ---------------------

_STAMP = re.compile(r'\s*translated_from="([0-9a-f]*)"')
_MD_HEADING = re.compile(r"^(#{1,6})\s", re.M)


def _cell_hash(source: str) -> str:
    return hashlib.sha256(source.encode()).hexdigest()[:12]


def _markdown_pairs(path: Path):
    """Yield (zh cell, en cell or None, marker line index of en) for a notebook source."""
    from dlref.build.sources.notebooks import parse_cells

    cells = [c for c in parse_cells(path.read_text(encoding="utf-8")) if c.kind == "markdown"]
    i = 0
    while i < len(cells):
        zh = cells[i]
        en = cells[i + 1] if i + 1 < len(cells) and cells[i + 1].lang == "en" else None
        yield zh, en
        i += 2 if en is not None else 1


def notebook_problems(notebooks: Path) -> list[str]:
    """Pairing, heading parity and translation freshness of every notebook source."""
    problems = []
    for path in sorted(notebooks.glob("*.py")) if notebooks.is_dir() else []:
        lines = path.read_text(encoding="utf-8").splitlines()
        rel = f"notebooks/{path.name}"
        for zh, en in _markdown_pairs(path):
            if zh.lang != "zh" or en is None:
                problems.append(f"{rel}:{zh.line - 1}: a lang=\"zh\" markdown cell must come first, followed by its lang=\"en\" twin")
                continue
            if _MD_HEADING.findall(zh.source) != _MD_HEADING.findall(en.source):
                problems.append(f"{rel}:{en.line - 1}: headings differ from the zh cell at line {zh.line - 1}")
            stamp = _STAMP.search(lines[en.line - 2])
            if stamp is None or stamp.group(1) != _cell_hash(zh.source):
                problems.append(
                    f"{rel}:{en.line - 1}: {'stale' if stamp else 'unstamped'} translation of the zh cell at line "
                    f"{zh.line - 1}; update it, then run `python -m dlref translated {rel}`"
                )
    return problems


def stamp_notebook(path: Path) -> str:
    """Stamp every en markdown cell with the hash of the zh cell it translates."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    count = 0
    for zh, en in _markdown_pairs(path):
        if en is None or zh.lang != "zh":
            continue
        marker = _STAMP.sub("", lines[en.line - 2].rstrip("\n"))
        lines[en.line - 2] = f'{marker} translated_from="{_cell_hash(zh.source)}"\n'
        count += 1
    path.write_text("".join(lines), encoding="utf-8")
    return f"{path.name}: {count} en cells stamped"


# --- links in the built site ----------------------------------------------------------------

def link_report(site: Path, scans: dict[Path, Scan] | None = None) -> tuple[list[str], list[str]]:
    """(internal links or anchors that do not resolve, external links) of every built page (``scans``:
    :func:`scan_site`'s, where the caller has them).

    External links are listed, never fetched: the build and the tests stay offline.
    """
    from urllib.parse import unquote

    pages = scans or scan_site(site)
    problems, external = [], set()
    for path, scan in sorted(pages.items()):
        for line, href in scan.links:
            parts = urlsplit(href)
            if parts.scheme in ("http", "https", "mailto"):
                external.add(href)
                continue
            if parts.scheme or href.startswith("//"):
                continue
            if parts.path.startswith("/"):  # site-absolute (Material's 404 page): from the site root
                target = (site / unquote(parts.path).lstrip("/")).resolve()
            else:
                target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir() or not target.suffix:
                target = target / "index.html"
            if not target.is_file():
                problems.append(f"{path.relative_to(site.resolve())}:{line}: link to a missing page: {href}")
                continue
            if parts.fragment and target in pages and unquote(parts.fragment) not in pages[target].ids:
                problems.append(f"{path.relative_to(site.resolve())}:{line}: link to a missing anchor: {href}")
    return problems, sorted(external)
