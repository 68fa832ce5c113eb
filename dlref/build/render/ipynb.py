"""Executed notebooks, rendered: the ``.ipynb`` a reader downloads and the Markdown page of an engine
without mkdocs-jupyter. Both come from the build's one run of the notebook's code cells (see
:mod:`dlref.build.sources.notebooks`); nothing runs a second time here.
"""
from __future__ import annotations

import base64
import html
import re

from dlref.build.languages import REPO, languages
from dlref.build.render.fragments import figure_block, text_block
from dlref.build.sources.examples import Example, Result, localize
from dlref.build.sources.notebooks import parse_cells


def _node(**fields):
    import nbformat

    return nbformat.from_dict(fields)


# Cells and outputs made without nbformat's own constructors, which validate each one against the schema
# (half a second per build); :func:`notebook_text` validates each whole notebook instead.
def markdown_cell(source: str):
    return _node(cell_type="markdown", metadata={}, source=source)


def code_cell(source: str, outputs=(), execution_count=None, metadata=None):
    return _node(cell_type="code", execution_count=execution_count, metadata=metadata or {}, outputs=list(outputs),
                 source=source)


def stream_output(text: str):
    return _node(output_type="stream", name="stdout", text=text)


def figure_output(svg: str, figure, lang: str):
    """A figure as a notebook output: an ``<img>`` with its alt text and caption in ``lang`` (a bare SVG output
    would lose both), and the alt text again as the plain-text form, for viewers that show no images."""
    data = base64.b64encode(svg.encode()).decode()
    caption = figure.caption.get(lang, "")
    cap = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
    img = f'<figure><img alt="{html.escape(figure.alt[lang])}" src="data:image/svg+xml;base64,{data}">{cap}</figure>'
    return _node(output_type="display_data", metadata={}, data={"text/html": img, "text/plain": figure.alt[lang]})


def new_notebook():
    """An empty notebook for a Python 3 kernel."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def strip_header(source: str) -> str:
    """``source`` without its leading ``#|`` header lines."""
    lines = source.splitlines()
    while lines and lines[0].startswith("#|"):
        lines.pop(0)
    return "\n".join(lines)


def to_notebook(example: Example, result: Result, lang: str):
    """The executed notebook for ``lang``: its markdown, the shared code and outputs."""
    nb = new_notebook()
    cells = parse_cells(example.source)
    bounds = [(0, 0)] + list(result.cells or [])
    figure_no = 0
    code_index = 0
    for cell in cells:
        if cell.kind == "markdown":
            if cell.lang == lang:
                nb.cells.append(markdown_cell(cell.source))
            continue
        (out0, fig0), (out1, fig1) = bounds[code_index], bounds[code_index + 1]
        code_index += 1
        outputs = []
        if result.stdout[out0:out1]:
            outputs.append(stream_output(result.stdout[out0:out1]))
        for svg in result.figures[fig0:fig1]:
            outputs.append(figure_output(svg, example.figures[figure_no], lang))
            figure_no += 1
        nb.cells.append(
            code_cell(localize(strip_header(cell.source), lang).rstrip("\n"), outputs=outputs, execution_count=code_index)
        )
    return nb


def download_button(href: str, lang: str) -> str:
    """A Markdown button, labelled in ``lang``, that downloads the notebook at ``href``."""
    label = languages(REPO)[lang].ui["notebook"]
    return f'[{label}]({href}){{ download="{href.rsplit("/", 1)[-1]}" .md-button }}'


def notebook_text(nb) -> str:
    """An executed notebook as the text of an ``.ipynb`` file, its cells numbered: nbformat would give them
    random ids, and two builds must give identical files. An invalid notebook fails here (``nbformat.writes``
    would only log it)."""
    import nbformat

    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i}"
    invalid: dict = {}
    text = nbformat.writes(nb, capture_validation_error=invalid)
    if invalid:
        raise ValueError(f"an invalid notebook was made: {invalid['ValidationError']}")
    return text + "\n"


# A notebook's markdown links to other pages by URL, as mkdocs-jupyter's page sees them (../batch-norm/);
# a Markdown page links to the source file (batch-norm.md), which every engine resolves.
_PAGE_LINK = re.compile(r"\]\(\.\./([\w-]+)/(#[\w-]+)?\)")


def to_markdown(nb, example: Example, result: Result, lang: str) -> tuple[str, dict[str, str]]:
    """The executed notebook ``nb`` (:func:`to_notebook`) as a Markdown page (title, download button, prose,
    code, output, figures) and its figures by file name."""
    ui = languages(REPO)[lang].ui
    stem = example.path.stem
    parts = []
    figures: dict[str, str] = {}
    svgs = iter(result.figures)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            parts.append(_PAGE_LINK.sub(r"](\1.md\2)", cell.source))
            continue
        parts.append(f"```python\n{cell.source}\n```")
        for output in cell.outputs:
            if output.output_type == "stream":
                parts.append(text_block(output.text.rstrip(), ui["output"]))
                continue
            fig = example.figures[len(figures)]
            name = f"figures/{stem}/{stem}-{len(figures) + 1}.svg"
            figures[name] = next(svgs)
            parts.append(figure_block(name, fig, lang, figures[name]))
    button = download_button(f"{stem}.ipynb", lang)
    title = 1 if parts and parts[0].startswith("# ") else 0
    parts.insert(title, button)  # under the title, where mkdocs-jupyter's pages have theirs
    return "\n\n".join(parts) + "\n", figures
