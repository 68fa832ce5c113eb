"""Notebook walkthroughs: one bilingual jupytext source, executed once, rendered in both languages.

``notebooks/<slug>.py`` is a jupytext percent-format script. Markdown cells carry
their language, ``# %% [markdown] lang="zh"`` or ``lang="en"``; code cells are
shared and follow the bilingual comment convention of :mod:`dlref.build.sources.examples`, and
may start with a ``#| figures:`` header giving each figure's alt text.

The runner executes the code cells once (cached by content hash, in a forked
worker, no kernel start); :mod:`dlref.build.render.ipynb` then writes each
language's executed ``.ipynb`` and Markdown page from that one run.

>>> cells = parse_cells('# %% [markdown] lang="zh"\\n# # 标题\\n\\n# %%\\nprint(1)\\n')
>>> [(c.kind, c.lang, c.line, c.source) for c in cells]
[('markdown', 'zh', 2, '# 标题'), ('code', None, 5, 'print(1)')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from dlref.build.languages import LANGS
from dlref.build.sources.examples import Example, ExampleError, _parse_header, check_comment_pairs, parse_figures

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
