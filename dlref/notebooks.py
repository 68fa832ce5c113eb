"""Notebook walkthroughs: one bilingual jupytext source, executed once, rendered in both languages.

``notebooks/<slug>.py`` is a jupytext percent-format script. Markdown cells carry
their language, ``# %% [markdown] lang="zh"`` or ``lang="en"``; code cells are
shared and follow the bilingual comment convention of :mod:`dlref.examples`, and
may start with a ``#| figures:`` header giving each figure's alt text.

The runner executes the code cells once (cached by content hash, in a forked
worker, no kernel start). This module then writes
``build/notebooks/<lang>/<slug>.ipynb`` with that language's markdown and the
shared outputs; mkdocs-jupyter renders it as the page ``<slug>/`` and offers the
``.ipynb`` for download.

>>> cells = parse_cells('# %% [markdown] lang="zh"\\n# # 标题\\n\\n# %%\\nprint(1)\\n')
>>> [(c.kind, c.lang, c.line, c.source) for c in cells]
[('markdown', 'zh', 2, '# 标题'), ('code', None, 5, 'print(1)')]
"""
from __future__ import annotations

import base64
import html
import re
from dataclasses import dataclass
from pathlib import Path

from .examples import (LANGS, Example, ExampleError, Result, _parse_header, check_comment_pairs, localize,
                       parse_figures)

_CELL = re.compile(r'^# %%(?P<title>[^\[\n]*)(?:\[(?P<kind>\w+)\])?(?P<meta>.*)$')
_LANG = re.compile(r'lang="(zh|en)"')


@dataclass(frozen=True)
class Cell:
    kind: str  # 'code' or 'markdown'
    lang: str | None
    line: int  # first line of the cell's content in the source file
    source: str


def parse_cells(text: str) -> list[Cell]:
    """Split a percent-format script into cells (markdown lines lose their '# ')."""
    cells: list[Cell] = []
    current = None
    lines = text.splitlines()
    for i, line in enumerate(lines + ["# %%"], 1):
        match = _CELL.match(line)
        if not match:
            if current is not None:
                current[3].append(line)
            continue
        if current is not None:
            kind, lang, start, body = current
            if kind == "markdown":
                body = [b[2:] if b.startswith("# ") else b.lstrip("#") for b in body]
            source = "\n".join(body).strip("\n")
            if source:
                cells.append(Cell(kind, lang, start, source))
        if i > len(lines):
            break
        lang = _LANG.search(match.group("meta") or "")
        current = ("markdown" if match.group("kind") == "markdown" else "code", lang and lang.group(1), i + 1, [])
    return cells


def discover(directory: Path) -> list[Example]:
    """Every ``notebooks/<slug>.py`` as an example whose code cells run in sequence."""
    if not directory.is_dir():
        return []
    return [load(path, directory) for path in sorted(directory.glob("*.py"))]


def load(path: Path, root: Path) -> Example:
    text = path.read_text(encoding="utf-8")
    cells = parse_cells(text)
    figures = []
    code = []
    for cell in cells:
        if cell.kind == "markdown" and cell.lang not in LANGS:
            raise ExampleError(f"{path}:{cell.line - 1}: a markdown cell needs lang=\"zh\" or lang=\"en\"")
        if cell.kind == "code":
            meta, _ = _parse_header(path, cell.source)
            try:
                compile(cell.source, str(path), "exec")
            except SyntaxError as exc:
                raise ExampleError(f"{path}:{cell.line + (exc.lineno or 1) - 1}: SyntaxError: {exc.msg}") from exc
            check_comment_pairs(path, cell.source, cell.line - 1)  # the same rule as for examples
            figures += parse_figures(path, meta)
            code.append((cell.line, cell.source))
    for lang in LANGS:
        if not any(c.kind == "markdown" and c.lang == lang for c in cells):
            raise ExampleError(f"{path}:1: no markdown cells in {lang}")
    return Example(
        path=path,
        rel=f"{path.stem}/{path.name}",
        source=text,
        figures=tuple(figures),
        timeout=600,
        cells=tuple(code),
    )


def _figure_html(svg: str, alt: str, caption: str) -> str:
    data = base64.b64encode(svg.encode()).decode()
    cap = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
    return f'<figure><img alt="{html.escape(alt)}" src="data:image/svg+xml;base64,{data}">{cap}</figure>'


def _strip_header(source: str) -> str:
    lines = source.splitlines()
    while lines and lines[0].startswith("#|"):
        lines.pop(0)
    return "\n".join(lines)


def to_notebook(example: Example, result: Result, lang: str):
    """The executed notebook for ``lang``: its markdown, the shared code and outputs."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    cells = parse_cells(example.source)
    bounds = [(0, 0)] + list(result.cells or [])
    figure_no = 0
    code_index = 0
    for cell in cells:
        if cell.kind == "markdown":
            if cell.lang == lang:
                nb.cells.append(nbformat.v4.new_markdown_cell(cell.source))
            continue
        (out0, fig0), (out1, fig1) = bounds[code_index], bounds[code_index + 1]
        code_index += 1
        outputs = []
        if result.stdout[out0:out1]:
            outputs.append(nbformat.v4.new_output("stream", name="stdout", text=result.stdout[out0:out1]))
        for svg in result.figures[fig0:fig1]:
            fig = example.figures[figure_no]
            figure_no += 1
            outputs.append(
                nbformat.v4.new_output(
                    "display_data", data={"text/html": _figure_html(svg, fig.alt[lang], fig.caption.get(lang, ""))}
                )
            )
        nb.cells.append(
            nbformat.v4.new_code_cell(localize(_strip_header(cell.source), lang).rstrip("\n"),
                                      outputs=outputs, execution_count=code_index)
        )
    for i, c in enumerate(nb.cells):  # stable ids: two builds give identical files
        c["id"] = f"cell-{i}"
    return nb


def write(examples: list[Example], results: dict, lang: str, build_dir: Path) -> list[str]:
    """Write each language's .ipynb; returns their site paths (``<slug>.ipynb``)."""
    import nbformat

    written = []
    for example in examples:
        nb = to_notebook(example, results[(example.rel, None)], lang)
        path = build_dir / "notebooks" / lang / f"{example.path.stem}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = nbformat.writes(nb) + "\n"
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path.name)
    return written
