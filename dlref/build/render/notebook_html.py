"""Notebook pages that look and weigh like the rest of the site.

mkdocs-jupyter renders each notebook with nbconvert's JupyterLab template: it inlines
JupyterLab's whole stylesheet (575 KB) and a clipboard script into the page, keeps
nbconvert's MathJax and Mermaid loaders, and embeds every figure as base64. :func:`slim`
keeps the cells and their structure, and changes what they are dressed in:

- code cells and text outputs become Material code blocks (``pre > code``), with the site's
  colours, dark mode and copy button, focusable as on the other pages (:mod:`.focusable_code`);
- figures move out of the HTML into SVG files beside the page, loaded lazily;
- inline styles and scripts go (dlref notebooks produce text and figures only);
  ``assets/stylesheets/notebook.css`` lays out the cells.
"""
from __future__ import annotations

import base64
import hashlib
import re

from dlref.build.render.focusable_code import focusable

_STYLE_OR_SCRIPT = re.compile(r"<(style|script)\b[^>]*>.*?</\1>\s*", re.S)
_CLIPBOARD = re.compile(r'<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>\s*', re.S)
_COPY_TEXT = re.compile(r'<div class="clipboard-copy-txt"[^>]*>.*?</div>\s*', re.S)  # the source, escaped
_CODE = re.compile(r'<div class="highlight-ipynb[^"]*"><pre>(?:<span></span>)?(.*?)</pre></div>', re.S)
_TEXT_OUTPUT = re.compile(r'(<div class="jp-RenderedText[^>]*>)\s*<pre>(.*?)</pre>', re.S)
_IMAGE = re.compile(r'src="data:image/(svg\+xml|png);base64,([A-Za-z0-9+/=\s]+)"')
_HEADING_ID = re.compile(r'(<h[1-6][^>]*?\sid=")([^"]*)(")')
_EXTENSION = {"svg+xml": "svg", "png": "png"}


def slim(html: str) -> tuple[str, dict[str, bytes]]:
    """The page HTML, and the figure files it now links to ({file name: content})."""
    figures: dict[str, bytes] = {}

    def extract(match: re.Match) -> str:
        data = base64.b64decode(match.group(2))
        name = f"figure-{hashlib.sha256(data).hexdigest()[:12]}.{_EXTENSION[match.group(1)]}"
        figures[name] = data
        return f'src="{name}" loading="lazy"'

    html = _STYLE_OR_SCRIPT.sub("", html)
    html = _COPY_TEXT.sub("", _CLIPBOARD.sub("", html))
    html = _CODE.sub(r'<div class="highlight"><pre><code>\1</code></pre></div>', html)
    html = focusable(_TEXT_OUTPUT.sub(r"\1<pre><code>\2</code></pre>", html))  # as the Markdown pages' blocks
    html = html.replace('class="anchor-link"', 'class="headerlink"')  # Material's permalink style
    return _IMAGE.sub(extract, html), figures


def _toc_ids(items) -> list[str]:
    return [i for item in items for i in [item.id, *_toc_ids(item.children)]]


def align_heading_ids(html: str, toc) -> str:
    """nbconvert and the page's table of contents slug Chinese headings differently (nbconvert
    can leave ``id=""``); give the headings the ids the table of contents links to."""
    ids = iter(_toc_ids(toc.items))
    return _HEADING_ID.sub(lambda m: m.group(1) + next(ids, m.group(2)) + m.group(3), html)
