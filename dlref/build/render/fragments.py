"""An example's fragment: the Markdown that replaces its include line on a page, per language.

A page includes an example with one line, the same in zh and en::

    --8<-- "activations/sigmoid.py"

:mod:`dlref.build.render.assemble` replaces that line with :func:`render`'s
Markdown: the code (with that language's comments), its printed output and its
figures with alt text and captions.
"""
from __future__ import annotations

import re

from dlref.build.languages import REPO, languages
from dlref.build.sources.examples import Example, Result, code_for


def figure_name(example: Example, index: int, lang: str | None) -> str:
    """Site path of figure ``index`` (1-based), e.g. ``figures/activations/sigmoid-1.svg``."""
    suffix = f".{lang}" if lang else ""
    return f"figures/{example.slug}/{example.name}-{index}{suffix}.svg"


def text_block(text: str, title: str) -> str:
    r"""``text`` as a fenced block that shows it verbatim, whatever it contains.

    The fence is longer than any backtick run in the text, so printed backticks
    cannot close it. (A printed include line is shown as it is: includes are
    replaced in the page's own text before fragments go in, never inside them.)

    >>> print(text_block("````\n<img src=x onerror=alert(1)>", "Output"))
    `````text title="Output"
    ````
    <img src=x onerror=alert(1)>
    `````
    """
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", text)), default=0))
    return f'{fence}text title="{title}"\n{text}\n{fence}'


_BETWEEN_TAGS = re.compile(r">\s+<")


def compact_svg(svg: str) -> str:
    r"""A figure as the site publishes it: without matplotlib's line breaks and indentation between tags (a
    tenth of its bytes). Glyphs are drawn as paths (``dlref.figures.setup_matplotlib``), so no text node
    holds whitespace that shows.

    >>> compact_svg('<svg>\n <g id="a">\n  <path d="M 0 0 L 1 1"/>\n </g>\n</svg>')
    '<svg><g id="a"><path d="M 0 0 L 1 1"/></g></svg>'
    """
    return _BETWEEN_TAGS.sub("><", svg)


_MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]<>]")


def _escape_attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


_SVG_SIZE = {side: re.compile(rf'<svg\b[^>]*?\s{side}="([\d.]+)pt"') for side in ("width", "height")}


def svg_size(svg: str) -> str:
    """The figure's size as ``<img>`` attributes, in CSS pixels (matplotlib writes points: 1 pt = 4/3 px), so the
    page keeps its place before the lazily loaded image arrives instead of moving the text below it.

    >>> svg_size('<svg xmlns="http://www.w3.org/2000/svg" width="432pt" height="252pt" viewBox="0 0 432 252">')
    ' width=576 height=336'
    >>> svg_size('<svg viewBox="0 0 1 1">')
    ''
    """
    found = [pattern.search(svg) for pattern in _SVG_SIZE.values()]
    if not all(found):
        return ""
    width, height = (round(float(match[1]) * 4 / 3) for match in found)
    return f" width={width} height={height}"


def figure_block(src: str, figure, lang: str, svg: str) -> str:
    """A figure with its alt text and caption in ``lang``, as a page shows it; ``svg``, the figure itself, gives
    the image's size."""
    alt = re.sub(r"([\\\[\]])", r"\\\1", figure.alt[lang])  # Markdown-escape \ [ ]
    block = f'<figure markdown="span">\n  ![{alt}]({src}){{ loading=lazy{svg_size(svg)} }}'
    if figure.caption:
        block += f"\n  <figcaption>{_escape_attr(figure.caption[lang])}</figcaption>"
    return block + "\n</figure>"


def render(example: Example, lang: str, result: Result, run_lang: str | None, note: str = "") -> str:
    """The Markdown for ``example`` on the ``lang`` page: code, output, figures, and where the output came
    from (torch, device, date of the run, as its cache entry records them)."""
    parts = []
    if note:
        parts.append(note)
    if example.show_code:
        parts.append(f'```python title="snippets/{example.rel}"\n{code_for(example, lang)}```')
    if result.stdout.strip():
        parts.append(text_block(result.stdout.rstrip(), languages(REPO)[lang].ui["output"]))
    for i, (fig, svg) in enumerate(zip(example.figures, result.figures), 1):
        parts.append(figure_block(figure_name(example, i, run_lang), fig, lang, svg))
    if result.provenance and (result.stdout.strip() or result.figures):
        line = languages(REPO)[lang].ui["ran"].format(**result.provenance)
        escaped = _MARKDOWN_SPECIAL.sub(lambda m: "\\" + m.group(0), line)
        parts.append(escaped + "\n{ .dlref-run data-search-exclude }")  # attr_list: works inside indented blocks too
    return "\n\n".join(parts) + "\n"
