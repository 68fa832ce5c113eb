"""The engine's input, made before the engine runs: ``build/docs/<lang>/``, plain Markdown and files.

For each language this writes

- every page of ``docs/<lang>/``, each include line (``--8<-- "activations/sigmoid.py"``)
  replaced by that example's fragment (code with this language's comments, output,
  figures), indented as the include line was;
- every figure the fragments reference, under ``figures/``;
- the walkthrough notebooks: the executed ``.ipynb`` (its download, and the page that
  mkdocs-jupyter renders), and, for engines without mkdocs-jupyter, the same notebook
  as a Markdown page;
- every other file of ``docs/<lang>/`` as it is;
- the math font, cut to the characters of this language's formulas (:mod:`dlref.build.render.mathfont`).

Files are rewritten only when their content changes, and anything else in the folder
is removed. So an engine's own incremental rebuild (``mkdocs serve --dirty``, Zensical's
serve) rebuilds exactly the pages whose text or fragments changed, and no engine needs
a plugin or a hook to see examples, figures or notebooks.
"""
from __future__ import annotations

import ast
import hashlib
import os
import re
from pathlib import Path

from dlref.build.execute.cache import PACKAGE_DIR, module_file
from dlref.build.languages import REPO
from dlref.build.pages import INCLUDE
from dlref.build.render import code_links, fragments, griffe_docstrings, ipynb, mathfont, page_notebook
from dlref.build.sources.examples import Example, ExampleError, code_for



def write_if_changed(path: Path, data: str | bytes) -> None:
    """Leave unchanged files untouched (their mtime is what incremental rebuilds go by); replace
    atomically, so that a second build at the same time never reads a half-written file."""
    binary = isinstance(data, bytes)
    if path.is_file() and (path.read_bytes() if binary else path.read_text(encoding="utf-8")) == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    if binary:
        tmp.write_bytes(data)
    else:
        tmp.write_text(data, encoding="utf-8")
    tmp.replace(path)


def inline(page: Path, text: str, lang: str, fragment) -> str:
    """``text`` with each include line replaced by ``fragment(rel, lang)``, indented like the line."""
    out = []
    for lineno, line in enumerate(text.splitlines(keepends=True), 1):
        match = INCLUDE.match(line)
        if not match:
            out.append(line)
            continue
        try:
            body = fragment(match["rel"], lang)
        except KeyError:
            raise ExampleError(f"{page}:{lineno}: includes {match['rel']}, which is not an example "
                               f"under snippets/ (snippets/<page>/<name>.py)") from None
        indent = match["indent"]
        out.append("".join(indent + l if l.strip() else l for l in body.splitlines(keepends=True)))
    return "".join(out)


#: mkdocstrings' directive that documents a dlref module on a page: ``::: dlref.rnn``.
_API_DIRECTIVE = re.compile(r"^::: (dlref(?:\.\w+)*)\s*$", re.M)


def _library_stamp(text: str) -> str:
    """For a page that documents the library (``::: dlref.…``), a comment holding the library's hash:
    an edit of a documented module changes the assembled page, so every engine rebuilds it."""
    if not _API_DIRECTIVE.search(text):
        return ""
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in sorted(PACKAGE_DIR.glob("*.py")))).hexdigest()[:16]
    return f"\n<!-- documents the dlref library as of {digest} -->\n"


def _docstrings(text: str) -> str:
    """The docstrings of the modules a page documents (``::: dlref.rnn``), as the Markdown mkdocstrings renders
    on that page: the math font must draw their formulas too."""
    found = []
    for name in _API_DIRECTIVE.findall(text):
        if (source := module_file(name)) is None:
            raise ExampleError(f"::: {name}: no such dlref module to document")
        tree = ast.parse(source.read_text(encoding="utf-8"))
        found += [ast.get_docstring(node) or "" for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))]
    return "\n\n".join(griffe_docstrings.to_markdown(doc) for doc in found if doc)


def assemble(docs: Path, out: Path, lang: str, examples: list[Example], results: dict, notes: dict,
             walkthroughs: list[Example], markdown_notebooks: bool, html_links_from_docs: bool = False,
             config: Path = REPO / "mkdocs.yml", notebook_pages=(), font_memo: Path | None = None) -> list[Path]:
    """Write ``out`` (``build/docs/<lang>``) from ``docs`` (``docs/<lang>``); returns the files written.
    ``config`` lists the Markdown extensions the pages are rendered with (for the math font). Each page of
    ``notebook_pages`` (slugs) also gets its notebook, a button that downloads it, and a link under each
    example that downloads its ``.py``. ``font_memo``: a folder, this language's own, that keeps the math
    font between builds (see :func:`~dlref.build.render.mathfont.font_for`)."""
    by_rel = {e.rel: e for e in examples}
    api = docs / f"{code_links.API_PAGE}.md"
    documented = set(_API_DIRECTIVE.findall(api.read_text(encoding="utf-8"))) if api.is_file() else set()
    links: dict[str, dict[str, str]] = {}  # the code blocks of the page being inlined: title -> {name: address}
    files: dict[Path, str | bytes] = {}
    prose: dict[str, str] = {}  # page -> the Markdown whose formulas the math font must draw

    def included(rel: str):  # an example as a page shows it: its result and the note above it
        example = by_rel[rel]
        return example, results[(rel, lang if example.per_language else None)], notes.get(rel, {}).get(lang, "")

    def fragment(rel: str, lang: str) -> str:
        example, result, note = included(rel)
        links[f"snippets/{rel}"] = code_links.addresses(result.names, slug, documented, html_links_from_docs)
        text = fragments.render(example, lang, result, lang if example.per_language else None, note)
        if not (example.show_code and slug in notebook_pages):  # slug: the page being inlined
            return text
        files[Path(page_notebook.script_path(example))] = code_for(example, lang)
        return text + "\n" + page_notebook.download_link(example, lang)

    for source in sorted(p for p in docs.rglob("*") if p.is_file()):
        rel = source.relative_to(docs)
        if source.suffix == ".md":
            text = source.read_text(encoding="utf-8")
            links.clear()
            slug = rel.with_suffix("").as_posix()
            files[rel] = inline(source, text, lang, fragment) + _library_stamp(text) + code_links.page_comment(links)
            prose[str(source)] = files[rel] + _docstrings(text)
            if slug in notebook_pages:
                files[rel] = page_notebook.with_button(files[rel], slug, lang)
                nb = page_notebook.to_notebook(source, text, slug, lang, included)
                files[Path(page_notebook.notebook_path(slug))] = ipynb.notebook_text(nb)
        else:
            files[rel] = source.read_bytes()
    for example in examples:
        run_lang = lang if example.per_language else None
        for i, svg in enumerate(results[(example.rel, run_lang)].figures, 1):
            files[Path(fragments.figure_name(example, i, run_lang))] = fragments.compact_svg(svg)
    for notebook in walkthroughs:
        stem = notebook.path.stem
        result = results[(notebook.rel, None)]
        nb = ipynb.to_notebook(notebook, result, lang)  # once; the .ipynb and its Markdown page share it
        names = code_links.addresses(result.names, stem, documented, html_links_from_docs)
        nb.metadata["dlref"] = {"code_links": names}  # for the engine's notebook page (engines/mkdocs_hooks.py)
        files[Path(f"{stem}.ipynb")] = ipynb.notebook_text(nb)
        prose[str(notebook.path)] = "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        if markdown_notebooks:
            page, figures = ipynb.to_markdown(nb, notebook, result, lang)
            files[Path(f"{stem}.md")] = page + code_links.page_comment({code_links.ALL_BLOCKS: names})
            files.update((Path(name), fragments.compact_svg(svg)) for name, svg in figures.items())
    if font := mathfont.font_for(prose, config, font_memo):
        files[Path(mathfont.FONT)] = font
    for rel, data in files.items():
        write_if_changed(out / rel, data)
    written = {out / rel for rel in files}
    for path in [p for p in out.rglob("*") if p.is_file() and p not in written]:
        path.unlink()  # a page, figure or notebook that no longer exists must not be published
    return sorted(written)
