"""dlref.build.render.notebook_html: nbconvert's cells in Material's dress, figures moved to files."""
from __future__ import annotations

import base64

from dlref.build.render import notebook_html

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'
# The shape of mkdocs-jupyter's output for one markdown cell and one code cell with text and a figure.
CELLS = f"""<style type="text/css">.jupyter-wrapper{{--md-red-50: #ffebee}}</style>
<script src=""></script>
<script type="text/x-mathjax-config">MathJax.Hub.Config({{}});</script>
<div class="jupyter-wrapper"><div class="jp-Notebook">
<div class="jp-Cell jp-MarkdownCell"><div class="jp-RenderedHTMLCommon jp-RenderedMarkdown">
<h2 id="">数据<a class="anchor-link" href="#">¶</a></h2><p>text</p></div></div>
<div class="jp-Cell jp-CodeCell"><div class="jp-InputPrompt jp-InputArea-prompt">In [1]:</div>
<div class="CodeMirror cm-s-jupyter">
<div class="zeroclipboard-container">
<clipboard-copy ,="" aria-label="Copy to Clipboard" for="cell-1">
<div><span class="notice" hidden="">Copied!</span><svg aria-hidden="true"><path d="M0"></path></svg></div>
</clipboard-copy>
</div>
<div class="highlight-ipynb hl-python"><pre><span></span><span class="nb">print</span><span class="p">(</span><span class="mi">1</span><span class="p">)</span>
</pre></div>
<div class="clipboard-copy-txt" id="cell-1">print(1 &lt; 2)</div>
</div>
<div class="jp-RenderedText jp-OutputArea-output" data-mime-type="text/plain" tabindex="0">
<pre>1
</pre>
</div>
<div class="jp-RenderedSVG jp-OutputArea-output"><img alt="a square" src="data:image/svg+xml;base64,{base64.b64encode(SVG).decode()}"/></div>
</div></div></div>
"""


def test_styles_scripts_and_clipboard_widget_go():
    html, _ = notebook_html.slim(CELLS)
    for gone in ("<style", "<script", "MathJax", "clipboard", "zeroclipboard", "highlight-ipynb", "base64"):
        assert gone not in html, gone


def test_code_and_text_output_become_material_code_blocks():
    html, _ = notebook_html.slim(CELLS)
    assert '<div class="highlight"><pre><code tabindex="0"><span class="nb">print</span>' in html
    assert '<pre><code tabindex="0">1\n</code></pre>' in html  # focusable until the theme sees they do not scroll
    assert html.count('<code tabindex="0">') == html.count("</code>") == 2
    assert 'class="headerlink"' in html and "In [1]:" in html and "<p>text</p>" in html


def test_figures_become_lazy_files_named_by_content():
    html, figures = notebook_html.slim(CELLS)
    (name, data), = figures.items()
    assert data == SVG and name.startswith("figure-") and name.endswith(".svg")
    assert f'<img alt="a square" src="{name}" loading="lazy"/>' in html


def test_heading_ids_follow_the_table_of_contents():
    class Item:
        def __init__(self, id, children=()):
            self.id, self.children = id, list(children)

    class Toc:
        items = [Item("数据")]

    html = notebook_html.align_heading_ids('<h2 id="">数据</h2>', Toc)
    assert html == '<h2 id="数据">数据</h2>'
