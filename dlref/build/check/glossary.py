"""The zh → en glossary: one source of term translations, and the checks that keep pages to it.

``dlref/build/check/glossary.yml`` holds every term of the site (content-map §6), one entry per row:
``zh``, ``en`` (the preferred English term), ``page`` (the slug of the page that explains it)
and, optionally, ``avoid``: English variants that English pages must not use for that concept.

>>> terms = load()
>>> len(terms) >= 132  # content-map §6, then the terms of pages added since
True
>>> bn = by_zh(terms)["批（量）归一化"]
>>> bn.en, bn.page, bn.avoid
('batch normalization (BN)', 'batch-norm', ('batch norm', 'batch standardization'))

The glossary pages ``docs/zh/glossary.md`` and ``docs/en/glossary.md`` are ordinary committed
pages (so the site search indexes every term). :func:`check_pages` reports, as ``file:line``,

- an English page that uses an ``avoid`` variant in its prose (code, inline code, math, link
  targets and attribute lists are not prose), and
- every disagreement between ``glossary.yml`` and the two glossary pages: each entry is one
  table row in both pages, under the section of its page's topic, linking to its page.

>>> hits = variant_hits("Gradient explosions stop training.\\n`gradient explosion` in code is fine.\\n", terms)
>>> [(line, found, term.en) for line, found, term in hits]
[(1, 'Gradient explosions', 'exploding gradient')]
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from dlref.build.languages import LANGS, REPO
from dlref.build.pages import FENCE, FRONT_MATTER, content_pages

GLOSSARY = Path(__file__).with_name("glossary.yml")
GLOSSARY_PAGE = "glossary.md"

#: The content pages a term may link to, in learner order: the nav's (see :mod:`dlref.build.pages`).
PAGES: tuple[str, ...] = tuple(content_pages(REPO))


@dataclass(frozen=True)
class Term:
    """One glossary row; ``line`` is where it starts in ``glossary.yml``."""

    zh: str
    en: str
    page: str
    avoid: tuple[str, ...] = ()
    line: int = 0


_KEYS = {"zh", "en", "page", "avoid"}
_REQUIRED = ("zh", "en", "page")


def _display(path: Path) -> str:
    """``path`` relative to the working directory where possible (for file:line messages)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def load(path: str | Path | None = None, docs: str | Path | None = None) -> list[Term]:
    """The glossary entries of ``path`` (default: the packaged ``glossary.yml``), validated.

    Every entry needs the keys ``zh``, ``en`` and ``page`` (non-empty strings); ``avoid`` is an
    optional list of strings. ``page`` must be a content page (:data:`PAGES`, from the nav) and, when ``docs``
    is given, exist as ``docs/zh/<page>.md`` and ``docs/en/<page>.md``. ``zh`` and ``en`` are
    unique. An ``avoid`` variant must not occur in any glossary term (or the glossary itself
    would use it). Every problem is reported at once, as ``file:line: message``:

    >>> import tempfile, os
    >>> bad = '- {zh: 张量, en: tensor, page: tensors}\\n- {zh: 张量, en: tensor, page: rnn}\\n'
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = os.path.join(d, "g.yml")
    ...     _ = open(p, "w", encoding="utf-8").write(bad)
    ...     load(p)
    Traceback (most recent call last):
    ...
    ValueError: .../g.yml:1: page 'tensors' is not a content page ...
    .../g.yml:2: zh '张量' is already the term of line 1
    .../g.yml:2: en 'tensor' is already the term of line 1
    """
    path = GLOSSARY if path is None else path
    if not isinstance(path, (str, Path)):
        raise TypeError(f"path must be a str or Path, got {type(path).__name__}")
    path = Path(path)
    if docs is not None:
        docs = _docs_dir(docs)
    name = "dlref/build/check/glossary.yml" if path == GLOSSARY else _display(path)
    text = path.read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        root = loader.get_single_node()
        problems: list[str] = []
        terms: list[Term] = []
        if root is None or not isinstance(root, yaml.SequenceNode):
            raise ValueError(f"{name}:1: the glossary must be a YAML list of entries")
        for node in root.value:
            line = node.start_mark.line + 1
            term, errors = _entry(loader, node, line)
            problems += [f"{name}:{line}: {e}" for e in errors]
            if term is not None:
                terms.append(term)
    except yaml.YAMLError as exc:
        raise ValueError(f"{name}: not valid YAML: {exc}") from None
    finally:
        loader.dispose()
    problems += [f"{name}:{line}: {e}" for line, e in _cross_check(terms, docs)]
    if problems:
        raise ValueError("\n".join(sorted(problems, key=_line_key)))
    return terms


def _line_key(problem: str) -> tuple[str, int]:
    m = re.match(r"(.*?):(\d+):", problem)
    return (m.group(1), int(m.group(2))) if m else (problem, 0)


def _entry(loader, node: yaml.Node, line: int) -> tuple[Term | None, list[str]]:
    if not isinstance(node, yaml.MappingNode):
        return None, ["an entry must be a mapping with the keys zh, en, page (and optionally avoid)"]
    errors, data = [], {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            errors.append(f"keys must be strings, got {key!r}")
            continue
        if key in data:
            errors.append(f"key {key!r} appears twice")
        data[key] = loader.construct_object(value_node, deep=True)
    unknown = sorted(map(str, set(data) - _KEYS))
    if unknown:
        errors.append(f"unknown key(s) {unknown}; allowed: zh, en, page, avoid")
    for key in _REQUIRED:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            errors.append(f"{key!r} must be a non-empty string, got {value!r}")
        elif value != value.strip() or "|" in value or "\n" in value:
            errors.append(f"{key!r} must be one line without '|' or surrounding spaces: {value!r}")
    avoid = data.get("avoid", [])
    if not isinstance(avoid, list) or not all(isinstance(v, str) and v.strip() == v and v for v in avoid):
        errors.append(f"'avoid' must be a list of non-empty strings, got {avoid!r}")
        avoid = []
    if errors:
        return None, errors
    return Term(data["zh"], data["en"], data["page"], tuple(avoid), line), []


def _page_exists(docs: Path, lang: str, page: str) -> bool:
    """A page is ``docs/<lang>/<page>.md``, or a notebook walkthrough ``notebooks/<page>.py``."""
    return (docs / lang / f"{page}.md").is_file() or (docs.parent / "notebooks" / f"{page}.py").is_file()


def _cross_check(terms: list[Term], docs: Path | None) -> list[tuple[int, str]]:
    errors: list[tuple[int, str]] = []
    seen: dict[tuple[str, str], int] = {}
    for t in terms:
        if t.page not in PAGES:
            errors.append((t.line, f"page {t.page!r} is not a content page of the nav in mkdocs.yml "
                                   f"(one of {', '.join(PAGES)})"))
        elif docs is not None:
            for lang in LANGS:
                if not _page_exists(docs, lang, t.page):
                    errors.append((t.line, f"page {t.page!r} does not exist: no docs/{lang}/{t.page}.md"))
        for key in ("zh", "en"):
            value = getattr(t, key)
            if (key, value) in seen:
                errors.append((t.line, f"{key} {value!r} is already the term of line {seen[key, value]}"))
            else:
                seen[key, value] = t.line
    variants: dict[str, int] = {}
    for t in terms:
        for v in t.avoid:
            if v.casefold() in variants:
                errors.append((t.line, f"avoid variant {v!r} is already listed at line {variants[v.casefold()]}"))
            variants.setdefault(v.casefold(), t.line)
            pattern = variant_pattern(v)
            for other in terms:
                if pattern.search(other.en):
                    errors.append((t.line, f"avoid variant {v!r} occurs in the glossary term {other.en!r} "
                                           f"(line {other.line}); English pages could not use that term"))
    return errors


def by_zh(terms: list[Term]) -> dict[str, Term]:
    """The entries keyed by their ``zh`` text."""
    return {t.zh: t for t in terms}


# --- English variants in prose ------------------------------------------------------

@functools.lru_cache(maxsize=None)
def variant_pattern(variant: str) -> re.Pattern:
    """The regex that finds ``variant`` in prose: case-insensitive, whole words, a trailing
    ``s``/``es`` allowed, any run of whitespace (a line break too) where the variant has a space.
    A hyphen matches only a hyphen, so ``fan in`` does not match ``fan-in``.

    >>> p = variant_pattern("batch norm")
    >>> [bool(p.search(s)) for s in ("Batch Norm", "batch\\nnorms", "batch normalization", "batch-norm")]
    [True, True, False, False]
    """
    if not isinstance(variant, str) or not variant.strip():
        raise ValueError(f"a variant must be a non-empty string, got {variant!r}")
    body = r"\s+".join(re.escape(word) for word in variant.split())
    return re.compile(rf"(?<!\w){body}(?:e?s)?(?!\w)", re.IGNORECASE)


_NOT_PROSE = re.compile(
    r"(`+)(?:(?!\1).)+?\1"  # inline code, any number of backticks
    r"|\$\$.+?\$\$|(?<![\\$])\$(?!\s)[^$\n]+?(?<![\s\\])\$"  # math
    r"|<!--.*?-->|</?[A-Za-z][^<>]*>"  # HTML comments and tags
    r"|(?<=\])\([^)\s]*(?:\s+\"[^\"]*\")?\)"  # link and image targets
    r"|^[ \t]*\[[^\]\n]+\]:[ \t]*\S[^\n]*"  # reference-link definitions
    r"|\{\s*[:#.][^{}\n]*\}"  # attribute lists: { #anchor }, {: .class }
    r"|^[ \t]*--8<--[^\n]*"  # includes
    r"|https?://\S+",  # bare URLs
    re.S | re.M,
)


def _blank(s: str) -> str:
    return re.sub(r"[^\n]", " ", s)


def _mask_fences(text: str) -> str:
    """``text`` with the front matter and fenced code blocks blanked (same length and lines)."""
    out = []
    front = FRONT_MATTER.match(text)
    if front:
        out.append(_blank(front.group(0)))
        text = text[front.end():]
    fence = None
    for line in text.splitlines(keepends=True):
        m = FENCE.match(line)
        if fence is None:
            if m:
                fence = m.group(1)
            out.append(_blank(line) if m else line)
            continue
        if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line[m.end():].strip():
            fence = None
        out.append(_blank(line))
    return "".join(out)


def prose_mask(text: str) -> str:
    """``text`` with everything that is not prose blanked out (same length, same line breaks):
    front matter, fenced code blocks, inline code, math, HTML, link targets, attribute lists,
    include lines, URLs, and the further-reading section (it cites titles as they were published).

    >>> masked = prose_mask("Use `batch norm`, [BN](batch-norm.md) { #batch-norm } $x$\\n```\\nbatch norm\\n```\\nok")
    >>> masked.split(), masked.count("\\n")
    (['Use', ',', '[BN]', 'ok'], 4)
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    text = _CITATIONS.sub(lambda m: m.group(1) + _blank(m.group(2)), text)
    return _NOT_PROSE.sub(lambda m: _blank(m.group(0)), _mask_fences(text))


_CITATIONS = re.compile(r"(^#+ .*\{ #further-reading \}\n)([\s\S]*?)(?=^#+ |\Z)", re.M)


def variant_hits(text: str, terms: list[Term]) -> list[tuple[int, str, Term]]:
    """``(line, text found, term)`` for every ``avoid`` variant in the prose of ``text``."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    prose = prose_mask(text)
    found = []
    for term in terms:
        for variant in term.avoid:
            found += [(m.start(), m.end(), term) for m in variant_pattern(variant).finditer(prose)]
    found.sort(key=lambda f: f[:2])
    return [(prose.count("\n", 0, start) + 1, text[start:end], term) for start, end, term in found]


# --- the glossary pages --------------------------------------------------------------

_HEADING = re.compile(r"^(#{1,6})\s+.*?\{\s*#([\w-]+)[^}]*\}\s*$")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_PAGE_LINK = re.compile(r"^\[[^\]]+\]\(([\w-]+)\.(?:md|ipynb)\)$")  # notebooks are pages too


@dataclass(frozen=True)
class Row:
    """One term row of a glossary page."""

    line: int
    zh: str
    en: str
    page: str | None  # None: the third cell is not a link [title](slug.md)
    section: str | None  # the anchor of the H2 above it


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", inner)]


def page_rows(text: str, lang: str) -> tuple[list[Row], list[tuple[int, str]]]:
    """The term rows of a glossary page and the lines that are malformed.

    The zh page's columns are 中文 | English | page link; the en page's English | 中文 | page link.
    A table's first row (above the ``|---|`` line) is its header.

    >>> rows, bad = page_rows("## A { #a }\\n\\n| 中文 | English | 页面 |\\n|---|---|---|\\n"
    ...                        "| 张量 | tensor | [数据增强](data-augmentation.md) |\\n| 通道 | channel |\\n", "zh")
    >>> rows
    [Row(line=5, zh='张量', en='tensor', page='data-augmentation', section='a')]
    >>> bad
    [(6, 'a term row needs 3 cells (term | translation | page link), found 2')]
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    rows, bad = [], []
    section = None
    lines = _mask_fences(text).splitlines()
    for i, line in enumerate(lines):
        if m := _HEADING.match(line):
            if len(m.group(1)) == 2:
                section = m.group(2)
            continue
        if not line.lstrip().startswith("|") or _SEPARATOR.match(line):
            continue
        if i + 1 < len(lines) and _SEPARATOR.match(lines[i + 1]):
            continue  # a header row
        cells = _cells(line)
        if len(cells) != 3:
            bad.append((i + 1, f"a term row needs 3 cells (term | translation | page link), found {len(cells)}"))
            continue
        first, second, link = cells
        zh, en = (first, second) if lang == "zh" else (second, first)
        m = _PAGE_LINK.match(link)
        rows.append(Row(i + 1, zh, en, m.group(1) if m else None, section))
    return rows, bad


def _docs_dir(docs) -> Path:
    if not isinstance(docs, (str, Path)):
        raise TypeError(f"docs must be a str or Path, got {type(docs).__name__}")
    docs = Path(docs)
    if not docs.is_dir():
        raise ValueError(f"docs must be a directory holding zh/ and en/, got {str(docs)!r}")
    return docs


def _missing_pages(docs: Path, terms: list[Term], yml: str) -> list[str]:
    """One problem per page that some term links to but ``docs`` lacks."""
    problems = []
    for page in PAGES:
        users = [t for t in terms if t.page == page]
        missing = [f"{docs.name}/{lang}/{page}.md" for lang in LANGS if not _page_exists(docs, lang, page)]
        if users and missing:
            problems.append(f"{yml}:{users[0].line}: {len(users)} term(s) link to {page}.md, "
                            f"which does not exist: no {' or '.join(missing)}")
    return problems


def _glossary_page_problems(docs: Path, terms: list[Term], yml: str) -> list[str]:
    problems = []
    known = by_zh(terms)
    rows: dict[str, list[Row]] = {}
    sections: dict[tuple[str, str], tuple[str, int]] = {}  # (lang, page) -> (section of its first row, line)
    for lang in LANGS:
        path = docs / lang / GLOSSARY_PAGE
        shown = f"{docs.name}/{lang}/{GLOSSARY_PAGE}"
        if not path.is_file():
            problems.append(f"{shown}:1: the glossary page is missing")
            rows[lang] = []
            continue
        found, bad = page_rows(path.read_text(encoding="utf-8"), lang)
        problems += [f"{shown}:{line}: {msg}" for line, msg in bad]
        first: dict[str, int] = {}
        for row in found:
            if row.zh in first:
                problems.append(f"{shown}:{row.line}: {row.zh!r} is listed twice (also line {first[row.zh]})")
                continue
            first[row.zh] = row.line
            term = known.get(row.zh)
            if term is None:
                problems.append(f"{shown}:{row.line}: {row.zh!r} | {row.en!r} is not an entry of {yml}; "
                                f"add it there or remove the row")
                continue
            where = f"({yml}:{term.line})"
            if row.en != term.en:
                problems.append(f"{shown}:{row.line}: {row.zh!r} is translated {row.en!r}, "
                                f"the glossary says {term.en!r} {where}")
            if row.page is None:
                problems.append(f"{shown}:{row.line}: the page cell of {row.zh!r} must be a link "
                                f"[title]({term.page}.md)")
            elif row.page != term.page:
                problems.append(f"{shown}:{row.line}: {row.zh!r} links to {row.page}.md, "
                                f"the glossary says {term.page}.md {where}")
            section = sections.setdefault((lang, term.page), (row.section, row.line))
            if row.section != section[0]:
                problems.append(f"{shown}:{row.line}: {row.zh!r} is under #{row.section}, but the terms of its "
                                f"page {term.page} are under #{section[0]} (line {section[1]}): one section a page")
        problems += [f"{yml}:{t.line}: {t.zh!r} ({t.en!r}) is missing from {shown}"
                     for t in terms if t.zh not in first]
        rows[lang] = [r for r in found if first.get(r.zh) == r.line]
    zh_section = {r.zh: r.section for r in rows["zh"]}
    problems += [f"{docs.name}/en/{GLOSSARY_PAGE}:{r.line}: {r.zh!r} is under #{r.section}, "
                 f"in zh under #{zh_section[r.zh]}" for r in rows["en"]
                 if r.zh in zh_section and r.section != zh_section[r.zh]]
    zh_order, en_order = [r.zh for r in rows["zh"]], [r.zh for r in rows["en"]]
    if zh_order and en_order and zh_order != en_order:
        for i in range(max(len(zh_order), len(en_order))):
            a = zh_order[i] if i < len(zh_order) else None
            b = en_order[i] if i < len(en_order) else None
            if a != b:
                line = rows["en"][min(i, len(en_order) - 1)].line
                problems.append(f"{docs.name}/en/{GLOSSARY_PAGE}:{line}: the rows are not in the order of "
                                f"{docs.name}/zh/{GLOSSARY_PAGE}: row {i + 1} is {b!r} in en, {a!r} in zh")
                break
    return problems


def check_pages(docs: str | Path, glossary: str | Path | None = None) -> list[str]:
    """Every glossary problem under ``docs`` (``docs/zh``, ``docs/en``), as ``file:line: message``.

    (a) an English page whose prose uses an ``avoid`` variant; (b) ``glossary.yml`` and the two
    glossary pages disagree (a missing, extra, duplicated or misplaced row, another translation,
    another page link, rows in another order). An invalid ``glossary.yml`` and a term whose page
    does not exist are reported too. Paths are shown as ``<docs folder name>/<lang>/<page>``,
    e.g. ``docs/en/activations.md:12: ...``.
    """
    docs = _docs_dir(docs)
    if glossary is not None and not isinstance(glossary, (str, Path)):
        raise TypeError(f"glossary must be a str or Path, got {type(glossary).__name__}")
    path = GLOSSARY if glossary is None else Path(glossary)
    yml = "dlref/build/check/glossary.yml" if path == GLOSSARY else _display(path)
    try:
        terms = load(path)
    except ValueError as exc:
        return str(exc).splitlines()
    problems = []
    for page in sorted((docs / "en").rglob("*.md")):
        shown = f"{docs.name}/en/{page.relative_to(docs / 'en').as_posix()}"
        for line, found, term in variant_hits(page.read_text(encoding="utf-8"), terms):
            problems.append(f"{shown}:{line}: {found!r} is not the glossary's wording; "
                            f"use {term.en!r} ({term.zh}, {yml}:{term.line})")
    return problems + _glossary_page_problems(docs, terms, yml) + _missing_pages(docs, terms, yml)


def main(argv: list[str] | None = None) -> int:
    """``python -m dlref.build.check.glossary [DOCS]``: print the glossary problems; exit 1 if there are any."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    problems = check_pages(args[0] if args else "docs")
    for p in problems:
        print(p, file=sys.stderr)
    print(f"glossary: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
