r"""Server-side math: LaTeX from pymdownx.arithmatex becomes MathML at build time.

Browsers render MathML natively, so a page needs no math script or CDN; the site serves its own math
font (:mod:`dlref.build.render.mathfont`). latex2mathml's output is tidied where browsers would draw it
unlike TeX (:func:`_tidy`).

>>> html = '<p>Peak <span class="arithmatex">\\(\\sigma\'(0)=0.25\\)</span></p>'
>>> out = render_math(html, "activations.md")
>>> out.startswith('<p>Peak <math') and 'display="inline"' in out
True
>>> render_math('<div class="arithmatex">\\[\\frac{1}{2}\\]</div>', "x.md").count('display="block"')
1
>>> to_mathml(r"\operatorname{diag}(x)\log x", "inline").partition("<mrow>")[2]
'<mi>diag</mi><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo><mi>log</mi><mspace width="0.1667em" /><mi>x</mi></mrow></math>'
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
    return _tidy(mathml)


_NS = "{http://www.w3.org/1998/Math/MathML}"
etree.register_namespace("", _NS[1:-1])
_SCRIPT_ARITY = {"msub": 2, "msup": 2, "msubsup": 3, "munder": 2, "mover": 2, "munderover": 3}
_TALL = {"mfrac", "mtable", "munder", "munderover", "msqrt", "mroot"}  # what a \\left( … \\right) grows for


def _tag(element) -> str:
    return element.tag.removeprefix(_NS)


def _tidy(mathml: str) -> str:
    """latex2mathml's MathML, drawn as TeX draws it:

    - a script whose base is several elements (``\\begin{bmatrix}…\\end{bmatrix}_{m}``) gets that base
      wrapped in one ``<mrow>``: browsers draw a script element with extra children as an error;
    - a prime is not a superscript (``f'``): the math font's prime is already raised;
    - operators in sub- and superscripts are unspaced (``_{i=k+1}``), as TeX sets them;
    - ``\\sim`` is the operator ∼, not an identifier "~"; ``/`` is an ordinary symbol, unspaced, as in TeX;
      ``\\lVert`` keeps its size (only ``\\left`` grows a bracket in TeX);
    - ``\\left( … \\right)`` around nothing tall keeps the brackets' normal size: Chromium sets a stretchy
      bracket as wide as its widest variant, which opens a gap ("tanh ( W )");
    - an operator name (``\\operatorname{diag}``, ``\\max``) is an identifier, not an ``<mo>``, which
      browsers space as an unknown operator ("diag (x)"), and is followed by TeX's thin space unless an
      operator or bracket follows ("log x").
    """
    root = etree.fromstring(mathml)
    for parent in list(root.iter()):
        arity = _SCRIPT_ARITY.get(_tag(parent))
        if arity and len(parent) > arity:
            base = etree.Element(_NS + "mrow")
            base.extend(parent[: len(parent) - arity + 1])
            parent[:] = [base, *parent[len(parent) - arity + 1:]]
        for script in parent[1:] if arity else ():
            for op in script.iter(_NS + "mo"):  # TeX leaves operators in scripts unspaced ("i=k+1")
                op.attrib.setdefault("lspace", "0")
                op.attrib.setdefault("rspace", "0")
        fences = [c for c in parent if c.get("fence") == "true" and c.get("stretchy") == "true"]
        if len(fences) == 2 and not any(_tag(e) in _TALL or (e.text or "").strip() in ("∑", "∏", "∫")
                                        for e in parent.iter()):
            for fence in fences:
                fence.set("stretchy", "false")
        for index, child in reversed(list(enumerate(parent))):
            text = (child.text or "").strip()
            if _tag(child) == "msup" and len(child) == 2 and set((child[1].text or "").strip()) <= set("′″‴") \
                    and (child[1].text or "").strip():
                prime = etree.Element(_NS + "mo")
                prime.text = child[1].text.strip()
                parent[index:index + 1] = [child[0], prime]
            elif _tag(child) == "mi" and text == "~":
                child.tag, child.text = _NS + "mo", "∼"
            elif _tag(child) == "mo" and text in ("‖", "|") and not child.attrib:  # \lVert, not \left\lVert
                child.set("stretchy", "false")
            elif _tag(child) == "mo" and text == "/":
                child.set("lspace", "0")
                child.set("rspace", "0")
            elif _tag(child) in ("mo", "mi") and len(text) > 1 and text.isalpha() and not child.attrib:
                child.tag = _NS + "mi"
                after = parent[index + 1] if index + 1 < len(parent) else None
                if after is not None and _tag(after) != "mo":
                    parent.insert(index + 1, etree.Element(_NS + "mspace", width="0.1667em"))
    return etree.tostring(root, encoding="unicode")


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
