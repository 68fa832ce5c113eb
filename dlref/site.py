"""The build's one entry point: run the examples, write the fragments, build both languages.

``python -m dlref build`` runs every example once (cache misses only), prints the
one-line report, then builds zh into ``site/`` and en into ``site/en/`` with
``--strict``. ``mkdocs build``/``serve`` on either config reach the same code
through :mod:`dlref.mkdocs_hooks`, so a plain MkDocs command works too.
"""
from __future__ import annotations

import contextlib
import fcntl
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from . import examples as ex
from . import fragments, notebooks, recorded
from .cache import Cache
from .runner import Report, run

LANGS = ex.LANGS
CONFIGS = {"zh": "mkdocs.yml", "en": "mkdocs.en.yml"}
PREPARED: set = set()  # projects whose examples `build` has just run and written in this process


@dataclass(frozen=True)
class Project:
    """Where things are, found from the repository root by name alone."""

    root: Path

    @classmethod
    def find(cls, start: Path | None = None) -> "Project":
        here = (start or Path.cwd()).resolve()
        for candidate in (here, *here.parents):
            if (candidate / "mkdocs.yml").is_file() and (candidate / "snippets").is_dir():
                return cls(candidate)
        raise FileNotFoundError(f"no dlref project (mkdocs.yml + snippets/) at or above {here}")

    @property
    def snippets(self) -> Path:
        return self.root / "snippets"

    @property
    def build(self) -> Path:
        return self.root / "build"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def notebooks(self) -> Path:
        return self.root / "notebooks"

    @property
    def recorded(self) -> Path:
        return self.root / "tests" / "recorded"

    def config(self, lang: str) -> Path:
        return self.root / CONFIGS[lang]


def serve_command(project: Project, lang: str, address: str = "127.0.0.1:8000") -> list[str]:
    """`make serve`: a live preview that rebuilds only the pages whose inputs changed (see stale_pages)."""
    return [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(project.config(lang)), "-a", address]


@contextlib.contextmanager
def _exclusive(project: Project):
    """One build of a project at a time: a second waits, instead of both writing the same files."""
    project.build.mkdir(parents=True, exist_ok=True)
    with open(project.build / ".lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"dlref: waiting for another build of {project.root} to finish", file=sys.stderr, flush=True)
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def prepare(project: Project, langs=LANGS, jobs: int | None = None, pages=None) -> tuple[list, dict, Report]:
    """Run what changed and write every fragment and figure for ``langs`` (only ``pages``' examples if given)."""
    with _exclusive(project):
        return _prepare(project, langs, jobs, pages)


def _prepare(project: Project, langs, jobs, pages) -> tuple[list, dict, Report]:
    examples = ex.discover(project.snippets, pages)
    walkthroughs = [n for n in notebooks.discover(project.notebooks) if not pages or n.slug in pages]
    if pages:
        known = {p.name for p in project.snippets.iterdir() if p.is_dir()} | {
            p.stem for p in project.notebooks.glob("*.py")}
        if unknown := sorted(set(pages) - known):
            raise ex.ExampleError(f"unknown page(s) {', '.join(unknown)}; pages with examples: {', '.join(sorted(known))}")
    runnable, replayed = recorded.split(examples)
    results, report = run(runnable + walkthroughs, Cache(project.build / "cache", project.root), jobs=jobs)
    notes = {}
    for example in replayed:
        results[(example.rel, None)], notes[example.rel] = recorded.replay(example, project.recorded)
    figures = set()
    for lang in langs:
        figures |= fragments.write(examples, results, lang, project.build, notes)
        notebooks.write(walkthroughs, results, lang, project.build)
    if not pages:  # a whole build knows every figure: the rest are stale and must not be published
        fragments.prune_figures(project.build, figures, langs)
    return examples + walkthroughs, results, report


def build(project: Project, langs=LANGS, strict: bool = True, jobs: int | None = None) -> Report:
    """Run the examples once, then build each language with MkDocs."""
    with _exclusive(project):
        return _build(project, langs, strict, jobs)


def _build(project: Project, langs, strict: bool, jobs: int | None) -> Report:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    _, _, report = _prepare(project, LANGS, jobs, None)
    print(report.line(), flush=True)
    timings = {"examples": report.wall}
    PREPARED.add(project.root)  # the MkDocs hook need not look again in this process
    try:
        for lang in LANGS:  # zh first: its clean build would delete site/en
            if lang not in langs:
                continue
            start = time.perf_counter()
            mkdocs_build(load_config(str(project.config(lang)), strict=strict))
            timings[f"mkdocs_{lang}"] = time.perf_counter() - start
    finally:
        PREPARED.discard(project.root)
    project.build.mkdir(exist_ok=True)
    (project.build / "report.json").write_text(
        json.dumps({**report.__dict__, "phases": timings}, indent=2), encoding="utf-8"
    )
    return report
