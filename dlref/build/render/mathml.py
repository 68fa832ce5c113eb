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
import xml.etree.ElementTree as etree

from latex2mathml.converter import convert
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

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
            return to_mathml(latex, display)
        except ValueError as exc:
            raise ValueError(f"{page}: {exc}") from exc

    return _MATH.sub(replace, page_html)


def to_mathml(latex: str, display: str) -> str:
    """One formula as MathML, or a ValueError naming the formula."""
    try:
        mathml = convert(latex, display=display)
    except Exception as exc:  # latex2mathml raises several types; all are build errors
        raise ValueError(f"cannot render math {latex}: {type(exc).__name__}: {exc}") from exc
    if unknown := _UNKNOWN.search(mathml):  # latex2mathml passes unknown commands through as text
        raise ValueError(f"cannot render math {latex}: unsupported LaTeX command {unknown.group(1)}")
    return mathml


def _page_of(md) -> str:
    """The page being rendered, where the engine says (Zensical's rendering context); MkDocs names the
    page itself when the error reaches it."""
    try:
        return str(md.preprocessors["rendering_context"].page.path)
    except (KeyError, AttributeError):
        return "this page"


class _MathTreeprocessor(Treeprocessor):
    """Replace each element pymdownx.arithmatex made with stashed MathML, before the table of contents is
    built: a heading with a formula then shows its text in the TOC, not TeX source."""

    _WRAP = re.compile(r"^\s*(?:\\\((?P<inline>.*)\\\)|\\\[(?P<block>.*)\\\])\s*$", re.S)

    def run(self, root):
        for parent in list(root.iter()):
            for index, child in reversed(list(enumerate(parent))):
                if "arithmatex" not in (child.get("class") or "").split():
                    continue
                match = self._WRAP.match(child.text or "")
                if not match:
                    continue
                display = "inline" if match["inline"] is not None else "block"
                latex = html.unescape(match[display]).strip()
                try:
                    mathml = to_mathml(latex, display)
                except ValueError as exc:
                    raise ValueError(f"{_page_of(self.md)}: {exc}") from exc
                placeholder = self.md.htmlStash.store(mathml)
                if display == "block":
                    replacement = etree.Element("p")
                    replacement.text = placeholder
                    replacement.tail = child.tail
                    parent[index] = replacement
                    continue
                text = placeholder + (child.tail or "")
                if index:
                    parent[index - 1].tail = (parent[index - 1].tail or "") + text
                else:
                    parent.text = (parent.text or "") + text
                del parent[index]


class MathMLExtension(Extension):
    """``markdown_extensions: [dlref.build.render.mathml]``, after ``pymdownx.arithmatex`` (generic)."""

    def extendMarkdown(self, md):
        md.treeprocessors.register(_MathTreeprocessor(md), "dlref-mathml", 6)  # after inline (20), before toc (5)


def makeExtension(**kwargs):  # noqa: N802 - the name Python-Markdown looks for
    return MathMLExtension(**kwargs)
