"""Code blocks focusable from the start, so that the keyboard reaches the ones that scroll sideways.

The theme gives a code block ``tabindex="0"`` when its lines overflow (on devices with a hovering pointer) and
takes it away when they do not. With ``content.lazy`` (mkdocs.yml) it looks at a block only once the block
comes into view, so a wide block further down would be a scrolling region that the keyboard cannot reach.
Every block therefore starts focusable, and the theme keeps the attribute only where the block scrolls.

>>> print(focusable('<div class="highlight"><pre><span></span><code>x = 1\\n</code></pre></div>'))
<div class="highlight"><pre><span></span><code tabindex="0">x = 1
</code></pre></div>
>>> print(focusable('<pre><code class="language-text" tabindex="-1">out</code></pre> <code>inline</code>'))
<pre><code class="language-text" tabindex="-1">out</code></pre> <code>inline</code>
"""
from __future__ import annotations

import re

from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

_BLOCK_CODE = re.compile(r"(<pre\b[^>]*>(?:<span></span>)?<code\b)(?![^>]*\btabindex=)")


def focusable(html: str) -> str:
    """``tabindex="0"`` on the ``<code>`` of every ``<pre>`` block that has none."""
    return _BLOCK_CODE.sub(r'\1 tabindex="0"', html)


class _Focusable(Postprocessor):
    def run(self, text: str) -> str:
        return focusable(text)


class FocusableCodeExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        md.postprocessors.register(_Focusable(md), "dlref_focusable_code", 4)  # after the raw HTML is back in (30)


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's name
    return FocusableCodeExtension(**kwargs)
