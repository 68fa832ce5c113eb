r"""Names in example code linked to their documentation, on any engine.

The runner records, for each example, the dotted names in its code that resolved to a library
function or class and their public paths (:mod:`dlref.build.execute.names`). Here those paths
become addresses: PyTorch's and torchvision's reference for ``torch.*`` and ``torchvision.*``,
NumPy's and Matplotlib's for their top-level functions (``np.exp``, ``plt.subplots``), the
site's API page (an anchor mkdocstrings wrote) for ``dlref.*``, nothing for anything else.

The assembler appends each page's links as one comment, keyed by the title of the example's code
block; the Markdown extension below removes the comment and, once the code is highlighted, wraps
each listed name of that block in a link. Only tokens change: the copy button still copies the
code's text, and a name that did not resolve stays plain text.

>>> links = {"snippets/a/b.py": {"nn.Linear": "https://x/torch.nn.Linear.html"}}
>>> html = ('<div class="highlight"><span class="filename">snippets/a/b.py</span><pre><code>'
...         '<span class="n">nn</span><span class="o">.</span><span class="n">Linear</span>'
...         '<span class="p">(</span><span class="n">m</span><span class="o">.</span>'
...         '<span class="n">nn</span><span class="o">.</span><span class="n">Linear</span></code></pre></div>')
>>> print(link_blocks(html, links))  # doctest: +NORMALIZE_WHITESPACE
<div class="highlight"><span class="filename">snippets/a/b.py</span><pre><code><a class="dlref-api"
  href="https://x/torch.nn.Linear.html"><span class="n">nn</span><span class="o">.</span><span
  class="n">Linear</span></a><span class="p">(</span><span class="n">m</span><span class="o">.</span><span
  class="n">nn</span><span class="o">.</span><span class="n">Linear</span></code></pre></div>
"""
from __future__ import annotations

import html
import inspect
import json
import posixpath
import re

from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from dlref.build.execute import names

PYTORCH = "https://docs.pytorch.org/docs/stable/"
TORCHVISION = "https://docs.pytorch.org/vision/stable/"
NUMPY = "https://numpy.org/doc/stable/reference/generated/"  # one page per top-level function
PYPLOT = "https://matplotlib.org/stable/api/_as_gen/"  # one page per pyplot function
# Modules PyTorch documents on one page (automodule) rather than one generated page per object.
PYTORCH_MODULE_PAGES = {"torch.nn.init": "nn.init.html", "torch.utils.data": "data.html"}
API_PAGE = "reference"

_COMMENT = re.compile(r"^<!-- dlref-code-links (?P<json>\{.*\}) -->$")


def href(path: str, page: str, documented: set[str], from_docs_root: bool = False) -> str | None:
    """The address documenting the public ``path`` (``torch.nn.Linear``), seen from page ``page``
    (a slug); ``documented`` holds the dlref modules the API page documents. An engine that reads
    links in a page's HTML as relative to the docs folder and rewrites them (Zensical) gets them so
    (``from_docs_root``); one that leaves them alone (MkDocs) gets them relative to the page's URL."""
    module = path.rpartition(".")[0]
    if path.startswith("torch."):
        if page_name := PYTORCH_MODULE_PAGES.get(module):
            return f"{PYTORCH}{page_name}#{path}"
        if module.rpartition(".")[2][:1].isupper() and module != "torch.Tensor":
            return f"{PYTORCH}generated/{module}.html#{path}"  # a method, on its class's page (Tensor's have their own)
        return f"{PYTORCH}generated/{path}.html"
    if path.startswith("torchvision."):
        models = "models/" if module == "torchvision.models" else ""
        return f"{TORCHVISION}{models}generated/{path}.html"
    if module == "numpy":  # its functions; its scalar types live on pages of their own
        return None if inspect.isclass(names.lookup(path)) else f"{NUMPY}{path}.html"
    if module == "matplotlib.pyplot":
        return f"{PYPLOT}{path}.html"
    if module in documented:
        here = "." if page == "index" or from_docs_root else f"{page}/"
        return f"{posixpath.relpath(API_PAGE, here)}/#{path}"
    return None


def addresses(result_names: dict[str, str], page: str, documented: set[str], from_docs_root: bool) -> dict[str, str]:
    """``{name as written: address}`` for the names of one run (``Result.names``) that have one."""
    return {name: address for name, path in result_names.items()
            if (address := href(path, page, documented, from_docs_root))}


def page_comment(blocks: dict[str, dict[str, str]]) -> str:
    """The comment the assembler appends to a page: ``{code block title (or ALL_BLOCKS): {name: address}}``."""
    blocks = {title: links for title, links in blocks.items() if links}
    return f"\n<!-- dlref-code-links {json.dumps(blocks, sort_keys=True, ensure_ascii=False)} -->\n" if blocks else ""


ALL_BLOCKS = "*"  # a notebook's key: its cells ran in one namespace, so its names hold in every code block
_BLOCK = re.compile(r'<div class="(?:language-\w+ )?highlight">(?:<span class="filename">(?P<title>[^<]+)</span>)?'
                    r'<pre>.*?</code>', re.S)
_NAME = r'<span class="n[bcfn]?">[A-Za-z_]\w*</span>'
_DOT = '<span class="o">.</span>'
_CHAIN = re.compile(rf"(?<!{re.escape(_DOT)}){_NAME}(?:{re.escape(_DOT)}{_NAME})*")
_TAGS = re.compile(r"<[^>]+>")


def link_blocks(page_html: str, links: dict[str, dict[str, str]]) -> str:
    """``page_html`` with the listed names of each titled code block wrapped in links."""

    def block(match: re.Match) -> str:
        names = links.get(html.unescape(match["title"] or ALL_BLOCKS))
        if not names:
            return match[0]

        def chain(m: re.Match) -> str:
            address = names.get(_TAGS.sub("", m[0]))
            return f'<a class="dlref-api" href="{html.escape(address)}">{m[0]}</a>' if address else m[0]

        return _CHAIN.sub(chain, match[0])

    return _BLOCK.sub(block, page_html)


class _TakeComment(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        self.md.dlref_code_links = {}  # one page's links: the Markdown instance is reused for the next page
        kept = []
        for line in lines:
            if match := _COMMENT.match(line):
                self.md.dlref_code_links = json.loads(match["json"])
            else:
                kept.append(line)
        return kept


class _Link(Postprocessor):
    # Not only the page: other extensions (toc for heading names) run the postprocessors on fragments too.
    def run(self, text: str) -> str:
        links = getattr(self.md, "dlref_code_links", {})
        return link_blocks(text, links) if links else text


class CodeLinksExtension(Extension):
    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown's name
        md.dlref_code_links = {}
        md.preprocessors.register(_TakeComment(md), "dlref_code_links", 40)  # before the HTML block stash (20)
        md.postprocessors.register(_Link(md), "dlref_code_links", 5)  # after the raw HTML is back in (30)


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's name
    return CodeLinksExtension(**kwargs)
