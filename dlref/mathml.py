r"""Server-side math: LaTeX from pymdownx.arithmatex becomes MathML at build time.

Browsers render MathML natively, so a page needs no math script, font or CDN.

>>> html = '<p>Peak <span class="arithmatex">\\(\\sigma\'(0)=0.25\\)</span></p>'
>>> out = render_math(html, "activations.md")
>>> out.startswith('<p>Peak <math') and 'display="inline"' in out
True
>>> render_math('<div class="arithmatex">\\[\\frac{1}{2}\\]</div>', "x.md").count('display="block"')
1
>>> render_math('<span class="arithmatex">\\(x^\\)</span>', "bad.md")
Traceback (most recent call last):
...
ValueError: bad.md: cannot render math x^: ...
>>> render_math('<span class="arithmatex">\\(\\foo x\\)</span>', "bad.md")
Traceback (most recent call last):
...
ValueError: bad.md: cannot render math \foo x: unsupported LaTeX command \foo
"""
from __future__ import annotations

import html
import re

from latex2mathml.converter import convert

_MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\s*(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<block>.*?)\\\])\s*</(?P=tag)>',
    re.S,
)
_UNKNOWN = re.compile(r">(\\[A-Za-z]+)<")


def render_math(page_html: str, page: str) -> str:
    """Replace every arithmatex wrapper in ``page_html`` with MathML; name ``page`` on error."""

    def replace(match: re.Match) -> str:
        display = "inline" if match.group("inline") is not None else "block"
        latex = html.unescape(match.group("inline") if display == "inline" else match.group("block")).strip()
        try:
            mathml = convert(latex, display=display)
        except Exception as exc:  # latex2mathml raises several types; all are build errors
            raise ValueError(f"{page}: cannot render math {latex}: {type(exc).__name__}: {exc}") from exc
        unknown = _UNKNOWN.search(mathml)  # latex2mathml passes unknown commands through as text
        if unknown:
            raise ValueError(f"{page}: cannot render math {latex}: unsupported LaTeX command {unknown.group(1)}")
        return mathml

    return _MATH.sub(replace, page_html)
