"""Every content page as a Jupyter notebook, in its own language, from the build's one run.

A page's Markdown is split at its include lines: the prose becomes markdown cells, each
example a code cell holding the code the page shows (this language's comments, no ``#|``
header) with the output and figures of the build's run; nothing runs a second time here.
What only Material renders is rewritten into what Jupyter shows: an admonition or a
collapsible block becomes a blockquote under its bold title (an include inside it still
becomes a code cell, in its place), ``==mark==`` becomes bold, a heading's ``{ #id }`` an
``<a id>`` (so in-page links keep working), and links to other pages their published URLs.

Two cells come first: what the notebook needs, and a setup cell that gives each following
cell the start the build's runner gives each example in its own process, so that the
notebook runs top to bottom in one fresh kernel and prints what the page shows.
"""
from __future__ import annotations

import re
import sys
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from dlref.build.execute.cache import imported_modules, module_distributions
from dlref.build.languages import REPO, languages, read_config
from dlref.build.pages import FENCE, FRONT_MATTER, INCLUDE
from dlref.build.render.ipynb import (code_cell, download_button, figure_output, markdown_cell, new_notebook,
                                     stream_output, strip_header)
from dlref.build.sources.examples import DEFAULT_LIMITS, Example, ExampleError, code_for, localize

# `!!! tip "Title"`, `??? success "Title"`, `???+ note`, and a content tab `=== "Title"`
_BLOCK = re.compile(r'^(?P<indent> *)(?P<kind>!!!|\?\?\?\+?|===)\s*(?P<type>[\w-]*)\s*(?:"(?P<title>.*)")?\s*$')
_HEADING_ID = re.compile(r"^(#{1,6}\s.*?)\s*\{\s*#(?P<id>[\w-]+)[^}]*\}\s*$")
_ATTRS = re.compile(r"\{\s*[#.][^}]*\}")
_CODE_OR_MATH = re.compile(r"(`+).+?\1|\$[^$\n]+\$")
_MARK = re.compile(r"==(?=\S)(.+?)(?<=\S)==")
_PAGE_LINK = re.compile(r"\]\((?P<page>[\w-]+)\.(?:md|ipynb)(?P<anchor>#[\w-]+)?\)")

#: The setup cell, in both languages (the comment convention of the examples): what the build's runner does
#: before each example, done before each cell. The examples change process-wide settings
#: (``torch.set_default_dtype``), which a fresh process forgets and one kernel would not.
_SETUP = '''\
# zh: 先运行这一格。网站构建时，每个示例都在一个新进程里运行；
# zh: 下面的钩子让之后的每一格都从同样的状态开始：和构建一样的 CPU 线程数、
# zh: 默认数据类型 float32、默认打印格式、本页的语言，图用网站的 matplotlib 设置（SVG）。
# en: Run this cell first. The site's build runs each example in a fresh process; the hook below gives each
# en: following cell the same start: the build's CPU thread count, float32 as the default dtype, the default print
# en: options and this page's language, and figures with the site's matplotlib settings (SVG).
import torch
from IPython import get_ipython

from dlref import figures

%matplotlib inline
%config InlineBackend.figure_formats = ["svg"]
figures.setup_matplotlib(){file}


def start_like_the_build(*_):
    torch.set_num_threads({threads})
    torch.set_default_dtype(torch.float32)
    torch.set_printoptions(profile="default")
    figures.set_lang("{lang}")


get_ipython().events.register("pre_run_cell", start_like_the_build)
'''
_FILE = '''
# zh: 构建时，示例读取自己文件旁的文件；这里它们写在 notebook 旁边（见下）
# en: in the build an example reads the files beside its own file; here they are written beside the notebook
__file__ = "{slug}.ipynb"'''


def notebook_path(slug: str) -> str:
    """Where a page's notebook is published, beside the pages (mkdocs-jupyter is told to leave it alone)."""
    return f"notebooks/{slug}.ipynb"


def script_path(example: Example) -> str:
    """Where an example's ``.py`` (in one language) is published: the path its code block is titled with."""
    return f"snippets/{example.rel}"


def download_link(example: Example, lang: str) -> str:
    """A discreet paragraph that downloads the example's ``.py`` in ``lang``."""
    name = Path(example.rel).name
    label = languages(REPO)[lang].ui["download_script"].format(name=name)
    return f'[{label}]({script_path(example)}){{ download="{name}" }}\n{{ .dlref-download data-search-exclude }}\n'


def with_button(page_text: str, slug: str, lang: str) -> str:
    """``page_text`` with the notebook download under its title."""
    lines = page_text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith("# "):
            button = download_button(notebook_path(slug), lang)
            return "".join(lines[: i + 1] + ["\n", button + "\n{ data-search-exclude }\n"] + lines[i + 1:])
    raise ExampleError(f"docs/{lang}/{slug}.md:1: no '# ' title to put the notebook download under")


def page_url(slug: str, lang: str) -> str:
    """The published URL of a page, from its language's ``site_url``: a downloaded notebook has no site beside it."""
    config = REPO / languages(REPO)[lang].config
    site_url = read_config(config).get("site_url")
    if not site_url:
        raise ValueError(f"{config}: site_url is needed for the links of the page notebooks")
    return f"{site_url.rstrip('/')}/{slug}/"


def _inline(line: str, lang: str) -> str:
    """One line of prose in Jupyter's Markdown: marks bold, attribute lists dropped, page links absolute;
    code spans and inline math untouched."""
    heading = _HEADING_ID.match(line)
    if heading:
        line = f'{heading[1]} <a id="{heading["id"]}"></a>'
    out, last = [], 0
    for match in _CODE_OR_MATH.finditer(line):
        out += [_prose(line[last:match.start()], lang), match[0]]
        last = match.end()
    return "".join(out + [_prose(line[last:], lang)])


def _prose(text: str, lang: str) -> str:
    text = _MARK.sub(r"**\1**", text)
    text = _PAGE_LINK.sub(lambda m: f"]({page_url(m['page'], lang)}{m['anchor'] or ''})", text)
    return _ATTRS.sub("", text)


def split(text: str, lang: str) -> list[str | tuple[str]]:
    """A page's Markdown (front matter removed) as Jupyter Markdown chunks and ``(include,)`` items, in order.

    >>> split('!!! tip "T"\\n    a ==b==\\n\\n    --8<-- "p/x.py"\\n\\n    c\\n', "en")
    ['> **T**\\n>\\n> a **b**\\n>', ('p/x.py',), '>\\n> c']
    """
    items: list = []
    _convert(FRONT_MATTER.sub("", text).splitlines(), lang, items, prefix="")
    chunks, lines = [], []
    for item in items + [None]:
        if isinstance(item, str):
            lines.append(item)
            continue
        if "".join(lines).strip(" >\n"):
            chunks.append("\n".join(lines).strip("\n"))
        lines = []
        if item is not None:
            chunks.append(item)
    return chunks


def _convert(lines: list[str], lang: str, items: list, prefix: str) -> None:
    """Append ``lines`` to ``items`` as Jupyter Markdown lines (each starting with ``prefix``) and includes."""
    fence = None  # the fence of the code block, or "$$" of the display formula, the line is in
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if fence:
            items.append(prefix + line)
            if line.strip().startswith(fence):
                fence = None
            continue
        if m := FENCE.match(line):
            fence = m[1]
            items.append(prefix + line)
            continue
        if line.strip() == "$$":
            fence = "$$"
            items.append(prefix + line)
            continue
        if m := INCLUDE.match(line):
            items.append((m["rel"],))
            continue
        if m := _BLOCK.match(line):
            indent = m["indent"]
            body = []
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith(indent + "    ")):
                body.append(lines[i][len(indent) + 4:])
                i += 1
            while body and not body[-1].strip():
                body.pop()
                i -= 1
            while body and not body[0].strip():
                body.pop(0)
            title = m["title"] if m["title"] is not None else m["type"].capitalize()
            if m["kind"] == "===":  # a content tab: its title, then its content
                items.append(f"{prefix}{indent}**{_inline(title, lang)}**")
                _convert(body, lang, items, prefix + indent)
            else:  # an admonition or a collapsible block: a blockquote under its title
                items += [f"{prefix}{indent}> **{_inline(title, lang)}**", f"{prefix}{indent}>"]
                _convert(body, lang, items, f"{prefix}{indent}> ")
            continue
        items.append((prefix + _inline(line, lang)).rstrip() if line.strip() else prefix.rstrip())


def _cell_metadata(example: Example, result, lang: str) -> dict:
    meta = {"example": example.rel}
    if result.provenance:
        meta["ran"] = languages(REPO)[lang].ui["ran"].format(**result.provenance)
    if example.requires:
        meta["requires"] = example.requires
    out = {"dlref": meta}
    if not example.show_code:  # a figure generator: its code is not the lesson, the page does not show it
        out["jupyter"] = {"source_hidden": True}
    return out


@lru_cache(maxsize=None)
def _own_requirements() -> frozenset[str]:
    """The distributions ``pip install -e .`` brings: dlref's own dependencies, without extras."""
    requires = [r for r in metadata.requires("dlref") or [] if "extra ==" not in r]
    return frozenset(re.match(r"[\w.-]+", r)[0].lower() for r in requires) | {"dlref"}


def _extra_packages(examples: list[Example]) -> list[str]:
    """The distributions the examples import beyond the standard library and ``pip install -e .``."""
    modules = {name.partition(".")[0] for example in examples for name in imported_modules(example.source)} - {""}
    dists = module_distributions()
    found = set()
    for module in modules - set(sys.stdlib_module_names):
        if module not in dists:
            raise ExampleError(f"{examples[0].path.parent}: an example imports {module}, which is not installed")
        found |= {d.lower() for d in dists[module]}
    return sorted(found - _own_requirements())


def to_notebook(page: Path, text: str, slug: str, lang: str, included) -> "nbformat.NotebookNode":  # noqa: F821
    """The notebook of a page whose Markdown is ``text``; ``included(rel)`` gives an included example, its result
    and the note the page shows above it (a GPU recording's label), as :mod:`~dlref.build.render.assemble` has
    them."""
    ui = languages(REPO)[lang].ui
    cells, examples = [], []
    for chunk in split(text, lang):
        if isinstance(chunk, str):
            cells.append(markdown_cell(chunk))
            continue
        try:
            example, result, note = included(chunk[0])
        except KeyError:
            raise ExampleError(f"{page}: includes {chunk[0]}, which is not an example under snippets/") from None
        examples.append(example)
        if note:
            cells.append(markdown_cell("\n\n".join(c for c in split(note, lang) if isinstance(c, str))))
        for dep in example.depends:  # a file the example reads beside itself
            source = localize(strip_header((example.path.parent / dep).read_text(encoding="utf-8")), lang)
            cells.append(code_cell(f"%%writefile {dep}\n{source}".rstrip("\n"),
                                   metadata={"jupyter": {"source_hidden": True}}))
        outputs = [stream_output(result.stdout)] if result.stdout else []
        outputs += [figure_output(svg, fig, lang) for svg, fig in zip(result.figures, example.figures)]
        cells.append(code_cell(code_for(example, lang).rstrip("\n"), outputs=outputs,
                               execution_count=len(examples), metadata=_cell_metadata(example, result, lang)))
    install = " ".join(["pip install -e .", *_extra_packages(examples)])
    needs = ui["notebook_needs"].format(page=page_url(slug, lang), install=install)
    if any(e.requires == "cuda" for e in examples):
        needs += "\n\n" + ui["notebook_cuda"]
    nb = new_notebook()
    nb.metadata["dlref"] = {"page": slug, "lang": lang, "requires": sorted({e.requires for e in examples} - {None})}
    nb.cells = [markdown_cell(needs), code_cell(setup_source(lang, slug if any(e.depends for e in examples) else ""))]
    nb.cells += cells
    return nb


def setup_source(lang: str, slug: str = "") -> str:
    """A page notebook's setup cell in ``lang``: each later cell starts as the build starts each example (one
    kernel runs the whole page, and an example may change the default dtype). With a ``slug``, ``__file__`` is
    set for the examples that read the files beside their own."""
    setup = _SETUP.format(threads=DEFAULT_LIMITS["threads"], lang=lang, file=_FILE.format(slug=slug) if slug else "")
    return localize(setup, lang).rstrip("\n")
