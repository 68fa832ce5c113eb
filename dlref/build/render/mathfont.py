r"""The math font the site serves itself: Latin Modern Math, cut down to the characters its formulas use.

A browser lays MathML out with the OpenType MATH table of the font in use (script sizes, fraction rules,
stretchy brackets); a reader's system may have no math font, and Chromium then draws ``W_{hh}`` from
whatever font has the math-italic letters, with loose subscripts. So each language's assembled docs carry
:data:`FONT`, Debian's Latin Modern Math (fonts-lmodern; TeX's own design, the closest to KaTeX) subset to
the characters of that language's formulas, as WOFF2: some 30 KB instead of 717 KB. The theme override
declares it (``@font-face``) and preloads it on pages with math.

The characters are found by rendering each assembled page with the site's own Markdown extensions (so
exactly the formulas the engine will render), including the math-italic letters the browser substitutes
for a one-letter ``<mi>`` (MathML Core's ``text-transform: math-auto``). A character the source font
lacks fails the build, naming the page; only text (``<mtext>``) may fall back to the page's fonts.

>>> sorted(characters('<math><mi>h</mi><mi>cos</mi><mi mathvariant="normal">d</mi><msqrt><mn>2</mn></msqrt></math>'))
['2', 'c', 'd', 'h', 'o', 's', 'ℎ', '√']
"""
from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import re
import unicodedata
import xml.etree.ElementTree as etree
from functools import lru_cache
from pathlib import Path

import markdown

SOURCE = Path("/usr/share/texmf/fonts/opentype/public/lm-math/latinmodern-math.otf")  # Debian: fonts-lmodern
FONT = "assets/fonts/latinmodern-math.woff2"  # in each language's docs; overrides/main.html names it too

_MATH = re.compile(r"<math\b.*?</math>", re.S)


def _italic_table() -> dict[str, str]:
    """MathML Core's italic mapping: the letter a browser draws for a one-letter ``<mi>``."""
    table = {chr(0x41 + i): chr(0x1D434 + i) for i in range(26)}
    table |= {chr(0x61 + i): chr(0x1D44E + i) for i in range(26)}
    table |= {chr(0x391 + i): chr(0x1D6E2 + i) for i in range(25) if i != 0x11}  # Α–Ω (U+03A2 is unassigned)
    table |= {chr(0x3B1 + i): chr(0x1D6FC + i) for i in range(25)}  # α–ω
    table |= dict(zip("hıȷϴ∇∂ϵϑϰϕϱϖ", "\u210e\U0001D6A4\U0001D6A5\U0001D6F3\U0001D6FB\U0001D715\U0001D716"
                                       "\U0001D717\U0001D718\U0001D719\U0001D71A\U0001D71B"))
    return table


_ITALIC = _italic_table()


def characters(mathml: str, text: bool = True) -> set[str]:
    """Every character ``mathml`` (one ``<math>`` element) draws, with the math-italic forms of its
    one-letter identifiers; the plain letters stay too (browsers without math-auto draw those).
    ``text=False`` leaves out ``<mtext>``, which may fall back to the page's text font (``\\text{输入}``)."""
    chars: set[str] = set()
    for element in etree.fromstring(mathml).iter():
        tag = element.tag.rpartition("}")[2]
        if tag == "mtext" and not text:
            continue
        content = (element.text or "").strip()
        chars |= set(content)
        if tag in ("msqrt", "mroot"):  # the radical sign is drawn by the element, not written in it
            chars.add("√")
        if tag == "mi" and len(content) == 1 and element.get("mathvariant") is None and content in _ITALIC:
            chars.add(_ITALIC[content])
    return chars - {" "}


def _markdown(config: Path) -> markdown.Markdown:
    """A Markdown converter with the extensions ``config`` (``mkdocs.yml``) lists, as both engines load them."""
    from dlref.build.languages import read_config

    names, options = [], {}
    for entry in read_config(config).get("markdown_extensions") or []:
        name, opts = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if opts:
            options[name] = opts
    return markdown.Markdown(extensions=names, extension_configs=options)


def formulas(pages: dict[str, str], config: Path, memo: Path | None = None) -> dict[str, list[str]]:
    """page -> the MathML of each formula on it, rendered from the page's Markdown with ``config``'s extensions.
    ``memo``: a folder keeping each page's formulas under a digest of its text, the config and the math code
    (a page takes some 0.1 s to render); what this call did not use is removed from it."""
    code = b"\0".join(p.read_bytes() for p in (config, Path(__file__), Path(__file__).with_name("mathml.py")))
    md, found, used = None, {}, set()
    for page, text in pages.items():
        kept = memo / f"{hashlib.sha256(code + text.encode()).hexdigest()}.json" if memo else None
        if kept and kept.is_file():
            found[page] = json.loads(kept.read_text(encoding="utf-8"))
        else:
            md = md or _markdown(config)
            try:
                found[page] = _MATH.findall(md.reset().convert(text))
            except ValueError as exc:  # the math extension's error names "this page"
                raise ValueError(f"{page}: {exc}") from exc
            if kept:
                _write(kept, json.dumps(found[page]).encode())
        used.add(kept)
    if memo:
        _prune(memo, used, "*.json")
    return found


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def _prune(memo: Path, used: set, pattern: str) -> None:
    for old in set(memo.glob(pattern)) - used:
        old.unlink(missing_ok=True)


@lru_cache(maxsize=1)
def _source_cmap() -> frozenset[str]:
    from fontTools.ttLib import TTFont

    if not SOURCE.is_file():
        raise FileNotFoundError(f"{SOURCE} missing: the site's math font comes from Debian's fonts-lmodern "
                                "(run `make system-deps`)")
    return frozenset(chr(c) for c in TTFont(SOURCE, lazy=True)["cmap"].getBestCmap())


def font_for(pages: dict[str, str], config: Path, memo: Path | None = None) -> bytes:
    """The WOFF2 subset of :data:`SOURCE` that draws every formula of ``pages`` (page -> Markdown), or
    b"" where they have none; a ValueError names the page and the character when the font lacks one.
    ``memo``: a folder (one per language) keeping the formulas of each page and the last font made, so
    that a build re-renders only the pages that changed and cuts the font only for new characters."""
    cmap = _source_cmap()
    needed: set[str] = set()
    for page, maths in formulas(pages, config, memo).items():
        for mathml in maths:
            chars = characters(mathml)
            if missing := sorted(characters(mathml, text=False) - cmap):
                shown = ", ".join(f"{c} (U+{ord(c):04X} {unicodedata.name(c, '?')})" for c in missing)
                raw = "".join(etree.fromstring(mathml).itertext())
                raise ValueError(f"{page}: the formula {raw!r} uses {shown}, which {SOURCE.name} lacks")
            needed |= chars & cmap
    if not needed:
        return b""
    if memo is None:
        return subset(needed)
    import fontTools

    key = "".join(sorted(needed)) + f"\0{SOURCE.stat().st_size}\0{fontTools.version}\0" + Path(__file__).read_text("utf-8")
    kept = memo / f"{hashlib.sha256(key.encode()).hexdigest()}.woff2"
    if not kept.is_file():
        _write(kept, subset(needed))
    _prune(memo, {kept}, "*.woff2")
    return kept.read_bytes()


def subset(chars: set[str]) -> bytes:
    """:data:`SOURCE` cut to ``chars``, their MATH-table variants and assemblies (fontTools keeps those
    for the glyphs it keeps), as WOFF2; the same characters give the same bytes."""
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    logging.getLogger("fontTools").setLevel(logging.WARNING)  # its step-by-step INFO lines are not the build's news
    options = ft_subset.Options()
    options.flavor = "woff2"
    options.drop_tables += ["FFTM"]  # FontForge's timestamps
    font = TTFont(SOURCE, recalcTimestamp=False)
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(chars)))
    subsetter.subset(font)
    out = io.BytesIO()
    ft_subset.save_font(font, out, options)  # font.save() alone would ignore the flavor
    return out.getvalue()
