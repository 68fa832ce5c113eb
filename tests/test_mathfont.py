"""The site's math font: a subset of Latin Modern Math that draws every formula the site shows."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from dlref.build.languages import languages
from dlref.build.render import mathfont

CONFIG = Path(__file__).resolve().parents[1] / "mkdocs.yml"


def font(data: bytes) -> TTFont:
    return TTFont(io.BytesIO(data))


def drawn(data: bytes) -> set[str]:
    return {chr(c) for c in font(data)["cmap"].getBestCmap()}


def test_the_font_draws_what_the_browser_substitutes_and_keeps_its_math_table():
    data = mathfont.font_for({"p.md": r"Heading $W_{hh}$ and $$\left(\sum_i \sqrt{x_i}\right)$$"}, CONFIG)
    assert data[:4] == b"wOF2"
    assert "MATH" in font(data)
    # <mi>h</mi> is drawn as U+210E, <mi>W</mi> as U+1D44A (MathML Core's math-auto); √ comes from <msqrt>
    assert {"\u210e", "\U0001d44a", "\U0001d456", "√", "∑", "(", ")"} <= drawn(data)
    assert not {"a", "b", "𝑎"} & drawn(data)  # only what the formulas use


def test_stretchy_brackets_keep_their_size_variants_and_assemblies():
    f = font(mathfont.font_for({"p.md": r"$$\left(\frac{a}{b}\right)$$"}, CONFIG))
    glyphs = set(f.getGlyphOrder())
    variants = f["MATH"].table.MathVariants
    paren = f["cmap"].getBestCmap()[ord("(")]
    construction = variants.VertGlyphConstruction[variants.VertGlyphCoverage.glyphs.index(paren)]
    assert construction.VariantCount > 1 and construction.GlyphAssembly is not None
    assert {v.VariantGlyph for v in construction.MathGlyphVariantRecord} <= glyphs
    assert {p.glyph for p in construction.GlyphAssembly.PartRecords} <= glyphs


def test_two_subsets_of_the_same_characters_are_the_same_bytes():
    assert mathfont.subset({"x", "∑", "√"}) == mathfont.subset({"√", "∑", "x"})


def test_a_character_the_font_lacks_fails_naming_the_page():
    with pytest.raises(ValueError, match=r"docs/en/p\.md: the formula '.*' uses 数 \(U\+6570 "):
        mathfont.font_for({"docs/en/p.md": "Fine $x$, then $x_{数}$."}, CONFIG)


def test_text_inside_a_formula_may_fall_back_to_the_page_font():
    data = mathfont.font_for({"p.md": r"$25\times(\text{输入特征图数})+1$"}, CONFIG)
    assert {"2", "5", "×"} <= drawn(data) and "数" not in drawn(data)


def test_pages_without_math_get_no_font():
    assert mathfont.font_for({"p.md": "# Plain\n\n`$HOME` costs $5 and $6.\n"}, CONFIG) == b""


@pytest.mark.slow
def test_each_language_serves_a_font_that_draws_every_formula_it_shows(site, project):
    """From the built HTML, whatever the engine: every character of every <math> is in that language's font."""
    langs = languages(project.root).values()
    prefixed = {lang.prefix.rstrip("/") for lang in langs if lang.prefix}
    for lang in langs:
        root = site / lang.prefix
        data = (root / mathfont.FONT).read_bytes()
        assert "MATH" in font(data) and len(data) < 60_000, len(data)
        cmap = drawn(data)
        pages = [p for p in root.rglob("*.html") if lang.prefix or p.relative_to(root).parts[0] not in prefixed]
        for html in sorted(pages):
            for mathml in re.findall(r"<math\b.*?</math>", html.read_text(encoding="utf-8"), re.S):
                missing = mathfont.characters(mathml, text=False) - cmap
                assert not missing, f"{html}: {sorted(missing)} not in {root / mathfont.FONT}"
