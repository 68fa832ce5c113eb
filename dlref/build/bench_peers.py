"""``make bench``'s side-by-side with the peers: the same pages and examples, built in one run by dlref,
by markdown-exec and by mkdocs-jupyter, each as its own documentation says to use it.

- dlref: a copy of the project (pages, examples, notebooks, configs, library), ``python -m dlref build``.
- markdown-exec: each page with its examples as ``python exec="on"`` fences (``source="above"``, text
  output as a ``result="text"`` block; an example with figures as ``html="1"``, its ``plt.show()`` printing
  each figure as SVG, as markdown-exec's docs show for matplotlib); a walkthrough notebook as one page whose
  cells share a ``session``. No cache: every build runs every block.
- mkdocs-jupyter: each page with examples as one notebook (prose in Markdown cells, each example a code
  cell, figures through the inline backend), ``execute: true``, its cache (``cache_dir``) per language.

Every tool builds both languages, each example's code in the page's language. Each is timed as a whole
command, the way a maintainer runs it: a cold build (empty caches), a warm build (no change) and the
rebuild after an edit of one example (in both languages' pages, where a peer keeps the code in the page).
The edit prints a new line, and the rebuilt pages of both languages must show it. Nothing is shared
between the tools but the sources: each has its own folder under ``build/bench/peers/``.
"""
from __future__ import annotations

import html
import io
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

from dlref.build.engines.zensical import resolved_config
from dlref.build.languages import LANGS, languages
from dlref.build.pages import nav_pages
from dlref.build.render import ipynb, page_notebook
from dlref.build.render.assemble import inline, write_if_changed
from dlref.build.site import Project
from dlref.build.sources import notebooks
from dlref.build.sources.examples import Example, Result, code_for, discover

PEERS = ("markdown-exec", "mkdocs-jupyter")
EDITED = "activations/softmax.py"  # the example edited: one of the home page's first topics
#: What a checkout of the project holds that its build reads.
PROJECT_FILES = ("mkdocs.yml", "mkdocs.en.yml", "docs", "snippets", "notebooks", "overrides", "dlref",
                 "tests/recorded")
#: The mkdocs-jupyter peer's plugin options (with a cache folder per language).
MKDOCS_JUPYTER = {"include": ["*.ipynb"], "execute": True, "allow_errors": False, "include_source": True,
                  "remove_tag_config": {"remove_input_tags": ["remove_input"]}}
_MARK = "\x00"  # stands for an include line while a page is split into notebook cells


# --- markdown-exec: what the hidden lines of a block call ---------------------------------------------------

def markdown_exec_setup(namespace: dict) -> None:
    """In an ``html="1"`` block: ``plt.show()`` prints each open figure as SVG (markdown-exec's documented way
    to show a matplotlib figure), and printed text stays preformatted text."""
    import matplotlib.pyplot as plt

    echo = namespace["print"]  # markdown-exec's print, which writes into the block's output

    def show(*_args, **_kwargs):
        for num in plt.get_fignums():
            buffer = io.StringIO()
            plt.figure(num).savefig(buffer, format="svg")
            echo(buffer.getvalue())
        plt.close("all")

    plt.show = show
    namespace["print"] = lambda *texts, sep=" ", end="\n", **_: echo(
        "<pre>" + html.escape(sep.join(map(str, texts)) + end) + "</pre>", end="")


def _hidden(lines: list[str]) -> str:
    return "".join(f"{line}  # markdown-exec: hide\n" for line in lines)


def _prologue(example: Example, lang: str, code: str) -> list[str]:
    """What a page's block needs before the example's own code, to run as it runs under dlref."""
    lines = [f"__file__ = {str(example.path)!r}"] if "__file__" in code else []
    if example.figures or example.per_language:  # the CJK font, and the page's language for labels
        lines += ["from dlref import figures as _figures", "_figures.setup_matplotlib()",
                  f"_figures.set_lang({lang!r})"]
    return lines


def _exec_fence(code: str, hidden: list[str], figures: bool, session: str = "") -> str:
    options = 'exec="on" source="above"' + (' html="1"' if figures else ' result="text"')
    if session:
        options += f' session="{session}"'
    if figures:
        hidden = hidden + ["from dlref.build.bench_peers import markdown_exec_setup",
                           "markdown_exec_setup(globals())"]
    return f"```python {options}\n{_hidden(hidden)}{code.rstrip()}\n```"


def _markdown_exec_example(example: Example, lang: str) -> str:
    code = code_for(example, lang)
    if example.requires == "cuda":  # no GPU here: shown, not run (dlref shows its recorded output)
        return f"```python\n{code}```\n"
    return _exec_fence(code, _prologue(example, lang, code), bool(example.figures)) + "\n"


def _markdown_exec_notebook(nb, slug: str, lang: str) -> str:
    """A walkthrough as one page: its Markdown, and its code cells as blocks sharing one session."""
    parts, first = [], True
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
            continue
        hidden = ["from dlref import figures as _figures", "_figures.setup_matplotlib()",
                  f"_figures.set_lang({lang!r})"] if first else []
        first = False
        code = cell.source + '\n__import__("matplotlib.pyplot").pyplot.show()  # markdown-exec: hide'
        parts.append(_exec_fence(code, hidden, figures=True, session=slug))
    return "\n\n".join(parts) + "\n"


# --- mkdocs-jupyter ---------------------------------------------------------------------------------------------

def _setup_cell(lang: str, page: bool):
    """A hidden first cell. A page's examples are written to run alone, and one kernel runs the whole page: its
    notebook starts each cell as dlref's runner starts each example, like the published page notebooks (an
    example that sets float64 as the default dtype would otherwise break the next one). A walkthrough's cells
    share their state by design: its notebook only gets the figures' setup."""
    source = (page_notebook.setup_source(lang) if page else
              f"from dlref import figures\nfigures.setup_matplotlib()\nfigures.set_lang({lang!r})")
    cell = ipynb.code_cell(source)
    # Its source hidden from the page (remove_tag_config). Not the whole cell: nbconvert removes tagged cells
    # before it executes the notebook, so a removed setup cell would never run.
    cell.metadata["tags"] = ["remove_input"]
    return cell


def _page_notebook(page: Path, text: str, lang: str, by_rel: dict):
    """A page as a notebook: the prose between examples as Markdown cells, each example a code cell."""
    nb = ipynb.new_notebook()
    nb.cells.append(_setup_cell(lang, page=True))
    pieces = re.split(rf"[ \t]*{_MARK}(.+?){_MARK}\n?", inline(page, text, lang, lambda rel, _: f"{_MARK}{rel}{_MARK}"))
    for i, piece in enumerate(pieces):
        if i % 2 == 0:
            if piece.strip():
                nb.cells.append(ipynb.markdown_cell(piece.strip("\n")))
            continue
        example = by_rel[piece]
        code = code_for(example, lang).rstrip("\n")
        if example.requires == "cuda":  # no GPU here: shown, not run
            nb.cells.append(ipynb.markdown_cell(f"```python\n{code}\n```"))
            continue
        if "__file__" in code:
            code = f"__file__ = {str(example.path)!r}\n{code}"
        nb.cells.append(ipynb.code_cell(code))
    return nb


# --- the projects ------------------------------------------------------------------------------------------

def _walkthrough_notebook(example: Example, lang: str):
    """A walkthrough's notebook for ``lang`` as its author writes it: cells without outputs."""
    return ipynb.to_notebook(example, Result(stdout="", cells=[(0, 0)] * len(example.cells)), lang)


def write_peer(tool: str, source: Project, folder: Path) -> dict[str, Path]:
    """``folder``: the project ``tool`` builds from ``source``'s pages and examples; returns each language's
    config file. Files are rewritten only when their text changes (so an edit touches one page a language)."""
    examples = discover(source.snippets)
    by_rel = {e.rel: e for e in examples}
    walkthroughs = {n.slug: n for n in notebooks.discover(source.notebooks)}
    slugs = nav_pages(source.root)
    with_examples = {e.slug for e in examples}
    as_notebook = set(walkthroughs) | (with_examples if tool == "mkdocs-jupyter" else set())
    configs = {}
    for lang in LANGS:
        docs = folder / "docs" / lang
        written = set()
        for slug in slugs:
            if slug in walkthroughs:
                nb = _walkthrough_notebook(walkthroughs[slug], lang)
                if tool == "mkdocs-jupyter":
                    nb.cells.insert(0, _setup_cell(lang, page=False))
                    name, data = f"{slug}.ipynb", ipynb.notebook_text(nb)
                else:
                    name, data = f"{slug}.md", _markdown_exec_notebook(nb, slug, lang)
            else:
                page = source.docs / lang / f"{slug}.md"
                text = _relink(page.read_text(encoding="utf-8"), slugs, as_notebook)
                if slug in as_notebook:
                    name, data = f"{slug}.ipynb", ipynb.notebook_text(_page_notebook(page, text, lang, by_rel))
                else:  # markdown-exec's pages, and the pages without examples
                    name, data = f"{slug}.md", inline(page, text, lang,
                                                      lambda rel, lg: _markdown_exec_example(by_rel[rel], lg))
            write_if_changed(docs / name, data)
            written.add(docs / name)
        for other in (source.docs / lang).rglob("*"):  # images and other files the pages link to
            if other.is_file() and other.suffix != ".md":
                write_if_changed(docs / other.relative_to(source.docs / lang), other.read_bytes())
                written.add(docs / other.relative_to(source.docs / lang))
        for stale in [p for p in docs.rglob("*") if p.is_file() and p not in written]:
            stale.unlink()
        configs[lang] = _write_config(tool, source, folder, lang, slugs, as_notebook)
    return configs


def _relink(text: str, slugs: list[str], as_notebook: set[str]) -> str:
    """Links between pages name the file each page is in this tool's project (``x.md`` or ``x.ipynb``)."""
    pattern = re.compile(r"\]\((" + "|".join(map(re.escape, slugs)) + r")\.(?:md|ipynb)(#[^)]*)?\)")
    return pattern.sub(lambda m: f"]({m[1]}.{'ipynb' if m[1] in as_notebook else 'md'}{m[2] or ''})", text)


def _write_config(tool: str, source: Project, folder: Path, lang: str, slugs: list[str], as_notebook: set[str]) -> Path:
    config = resolved_config(source.config(lang))  # the site's own config: theme, Markdown extensions, search
    config.pop("hooks", None)  # dlref's own
    config["docs_dir"] = f"docs/{lang}"
    config["site_dir"] = f"site/{lang}"
    config["theme"]["custom_dir"] = str(source.root / "overrides")
    config["nav"] = [f"{s}.ipynb" if s in as_notebook else f"{s}.md" for s in slugs]
    # Links and anchors into notebook pages are not what is measured here: reported, not fatal; every other
    # warning (markdown-exec's failed block among them) still fails the build.
    config["validation"] = {"nav": dict.fromkeys(("omitted_files", "not_found", "absolute_links"), "info"),
                            "links": dict.fromkeys(("not_found", "anchors", "absolute_links", "unrecognized_links"),
                                                   "info")}
    plugins = config["plugins"]
    for handler in plugins.get("mkdocstrings", {}).get("handlers", {}).values():
        handler["paths"] = [str(source.root / p) for p in handler.get("paths", [])]
    if tool == "markdown-exec":
        plugins.pop("mkdocs-jupyter", None)
        plugins["markdown-exec"] = {}
    else:
        plugins["mkdocs-jupyter"] = {**MKDOCS_JUPYTER, "cache_dir": f"cache/{lang}"}
    path = folder / f"mkdocs.{lang}.yml"
    write_if_changed(path, yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    return path


def copy_project(project: Project, folder: Path, sample: tuple[str, ...] | None = None) -> Project:
    """A checkout of the project in ``folder``: what its build reads, and nothing it built. With a ``sample``
    of pages, only their examples are kept: every other page keeps its prose, without its examples."""
    for rel in PROJECT_FILES:
        source, target = project.root / rel, folder / rel
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    copy = Project(folder)
    if sample is not None:
        if unknown := set(sample) - {p.name for p in copy.snippets.iterdir()}:
            raise ValueError(f"bench: the sample names pages without examples: {', '.join(sorted(unknown))}")
        for pages in [p for p in copy.snippets.iterdir() if p.is_dir() and p.name not in sample]:
            shutil.rmtree(pages)
            for lang in LANGS:
                page = copy.docs / lang / f"{pages.name}.md"
                page.write_text(inline(page, page.read_text(encoding="utf-8"), lang, lambda rel, _: ""), encoding="utf-8")
    return copy


# --- timing ------------------------------------------------------------------------------------------------

class _Tool:
    """One tool's project under ``build/bench/peers/<name>``: how to empty its caches, build it, find a page."""

    def __init__(self, name: str, source: Project, folder: Path):
        self.name, self.source, self.folder = name, source, folder
        self.configs = write_peer(name, source, folder) if name in PEERS else {}

    def clear(self) -> None:
        for rel in (("build", "site") if self.name == "dlref" else ("site", "cache")):
            shutil.rmtree(self.folder / rel, ignore_errors=True)

    def refresh(self) -> None:
        """Regenerate a peer's pages from the sources (after an edit of an example)."""
        if self.name in PEERS:
            write_peer(self.name, self.source, self.folder)

    def build(self) -> float:
        env = {**os.environ, "PYTHONPATH": str(self.source.root)}
        if self.name == "dlref":
            commands = [[sys.executable, "-m", "dlref", "build"]]
        else:
            commands = [[sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(self.configs[lang])] for lang in LANGS]
        start = time.perf_counter()
        for command in commands:
            done = subprocess.run(command, cwd=self.folder, env=env, capture_output=True, text=True)
            if done.returncode:
                raise RuntimeError(f"bench: {self.name}: {' '.join(command)} failed in {self.folder}:\n"
                                   + (done.stdout + done.stderr)[-4000:])
        return time.perf_counter() - start

    def page(self, lang: str, slug: str) -> Path:
        if self.name == "dlref":
            return self.source.site / languages(self.source.root)[lang].prefix / slug / "index.html"
        return self.folder / "site" / lang / slug / "index.html"


def _edit(path: Path, original: str, nonce: str) -> None:
    path.write_text(original + f"\nprint({nonce!r})\n", encoding="utf-8")


def peers(project: Project, repeats: int = 3, sample: tuple[str, ...] | None = None) -> dict:
    """Cold, warm and edit times of dlref and each peer on the same pages, interleaved ``repeats`` times;
    the medians, and each tool's ratios to dlref. ``sample``: the pages whose examples run (all if None)."""
    folder = project.build / "bench" / "peers"
    shutil.rmtree(folder, ignore_errors=True)
    source = copy_project(project, folder / "dlref", sample)
    edited = source.snippets / EDITED
    original = edited.read_text(encoding="utf-8")
    tools = [_Tool("dlref", source, source.root)] + [_Tool(name, source, folder / name) for name in PEERS]
    times = {t.name: {"cold": [], "warm": [], "edit": []} for t in tools}
    try:
        for round_ in range(repeats):
            for tool in tools:  # interleaved, so drift on the shared machine hits every tool alike
                tool.clear()
                times[tool.name]["cold"].append(tool.build())
                times[tool.name]["warm"].append(tool.build())
                nonce = f"bench-edit-{round_}-{time.time_ns()}"
                _edit(edited, original, nonce)
                tool.refresh()
                times[tool.name]["edit"].append(tool.build())
                edited.write_text(original, encoding="utf-8")
                tool.refresh()
                for lang in LANGS:
                    page = tool.page(lang, Path(EDITED).parent.name)
                    if nonce not in page.read_text(encoding="utf-8"):
                        raise RuntimeError(f"bench: {tool.name}'s rebuilt {page} does not show the edit of {EDITED}")
                print(f"bench: peers round {round_ + 1}/{repeats}: {tool.name} " + ", ".join(
                    f"{kind} {values[-1]:.1f} s" for kind, values in times[tool.name].items()), file=sys.stderr, flush=True)
    finally:
        edited.write_text(original, encoding="utf-8")
    medians = {name: {kind: statistics.median(values) for kind, values in kinds.items()} for name, kinds in times.items()}
    ratios = {name: {kind: medians[name][kind] / medians["dlref"][kind] for kind in medians[name]} for name in PEERS}
    pages = len(nav_pages(project.root))
    return {"pages": pages, "languages": list(LANGS), "repeats": repeats, "edited": EDITED, "runs_s": times,
            "median_s": medians, "ratios": ratios, "sample": list(sample) if sample else None,
            "examples": len([e for e in discover(source.snippets) if e.requires != "cuda"]),
            "walkthroughs": len(notebooks.discover(source.notebooks))}


def line(result: dict) -> str:
    """``peers: markdown-exec cold N.Nx warm N.Nx edit N.Nx | mkdocs-jupyter cold ...``"""
    return "peers: " + " | ".join(
        f"{name} " + " ".join(f"{kind} {result['ratios'][name][kind]:.1f}x" for kind in ("cold", "warm", "edit"))
        for name in PEERS)


def details(result: dict) -> str:
    """The seconds behind the ratios: each tool's medians."""
    sample = f"the examples of {', '.join(result['sample'])} only (other pages: prose)" if result["sample"] else "all"
    return (f"peers: {result['pages']} pages x {len(result['languages'])} languages, {result['examples']} examples "
            f"({sample}) + {result['walkthroughs']} walkthroughs, median of {result['repeats']}; edit = {result['edited']} + rebuild; "
            "seconds: " + "; ".join(
                f"{name} cold {m['cold']:.1f} warm {m['warm']:.1f} edit {m['edit']:.1f}"
                for name, m in result["median_s"].items()))


def repeats(default: int) -> int:
    """How many times ``make bench`` repeats a measurement: ``DLREF_BENCH_REPEATS`` where set (a shorter bench,
    for the peers' rounds and Lighthouse's runs alike), else ``default``."""
    return int(os.environ.get("DLREF_BENCH_REPEATS", default))


def from_environment(project: Project) -> dict:
    """:func:`peers` as ``make bench`` runs it: :func:`repeats` (3) rounds; ``DLREF_BENCH_SAMPLE``, a
    comma-separated list of pages, runs only their examples (for a machine too slow for all of them)."""
    sample = os.environ.get("DLREF_BENCH_SAMPLE")
    return peers(project, repeats=repeats(3), sample=tuple(s.strip() for s in sample.split(",")) if sample else None)


if __name__ == "__main__":
    outcome = from_environment(Project.find())
    print(line(outcome))
    print(details(outcome))
