"""The build's one entry point: sources → execute → render → engine → check, data flowing one way.

``python -m dlref build`` runs every example once (cache misses only) and prints the
one-line report; assembles each language's pages, figures and notebooks into
``build/docs/<lang>/``; has the engine (Material for MkDocs by default, or Zensical)
build each language, side by side and only what changed (:mod:`dlref.build.engines.incremental`),
and publishes zh into ``site/`` and en into ``site/en/``; and then checks the built HTML itself,
whatever the engine: every include rendered, every image and internal link resolving,
no raw TeX, no missing alt text. A problem fails the build.
"""
from __future__ import annotations

import contextlib
import fcntl
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from dlref.build import engines
from dlref.build.engines import incremental
from dlref.build.check import checks
from dlref.build.execute import recorded
from dlref.build.execute.cache import Cache, keep_distributions_in
from dlref.build.execute.runner import Report, run
from dlref.build.languages import LANGS, languages
from dlref.build.pages import content_pages
from dlref.build.render.assemble import assemble
from dlref.build.sources import examples as ex
from dlref.build.sources import notebooks


class BuildFailed(RuntimeError):
    """The engine's output failed the build's own checks; the message lists each problem."""


def _folder(*parts: str) -> property:
    return property(lambda self: self.root.joinpath(*parts))


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

    snippets = _folder("snippets")  # the examples, snippets/<page>/<name>.py
    build = _folder("build")  # everything generated (git-ignored)
    docs = _folder("docs")  # the pages, docs/<lang>/<page>.md
    notebooks = _folder("notebooks")  # the walkthroughs, notebooks/<page>.py
    recorded = _folder("tests", "recorded")  # the expected outputs
    site = _folder("site")  # the built site: zh at the root, each other language in its prefix

    def config(self, lang: str) -> Path:
        return self.root / languages(self.root)[lang].config

    def assembled(self, lang: str) -> Path:
        """The engine's docs folder for ``lang``: the pages with their examples, figures and notebooks."""
        return self.build / "docs" / lang


class Prepared(NamedTuple):
    """The build's state after execution, passed explicitly to the stages after it."""

    examples: list  # the examples and notebooks of the pages built
    results: dict  # (rel, lang or None) -> Result
    report: Report


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


def prepare(project: Project, langs=LANGS, jobs: int | None = None, pages=None,
            engine: str = engines.DEFAULT) -> Prepared:
    """Run what changed; for a whole build (no ``pages``), assemble ``langs``' docs for ``engine``."""
    with _exclusive(project):
        return _prepare(project, langs, jobs, pages, engine)


def sources(project: Project, pages=None) -> tuple[list, list]:
    """The examples and the notebooks of ``pages`` (all when None)."""
    examples = ex.discover(project.snippets, pages)
    walkthroughs = [n for n in notebooks.discover(project.notebooks) if not pages or n.slug in pages]
    if pages:
        known = {p.name for p in project.snippets.iterdir() if p.is_dir()} | {
            p.stem for p in project.notebooks.glob("*.py")}
        if unknown := sorted(set(pages) - known):
            raise ex.ExampleError(f"unknown page(s) {', '.join(unknown)}; pages with examples: {', '.join(sorted(known))}")
    return examples, walkthroughs


def run_shard(project: Project, shard: tuple[int, int], jobs: int | None = None) -> Report:
    """Run share ``K`` of ``N`` of the examples this cache lacks, caching their results; build nothing.

    N machines sharing the same sources and cache compute the same split (see
    :mod:`dlref.build.execute.schedule`); copying their ``build/cache`` folders into one
    checkout leaves its build nothing to run.
    """
    with _exclusive(project):
        examples, walkthroughs = sources(project)
        runnable, _ = recorded.split(examples)
        return run(runnable + walkthroughs, Cache(project.build / "cache", project.root), jobs=jobs, shard=shard)[1]


def _prepare(project: Project, langs, jobs, pages, engine: str) -> Prepared:
    keep_distributions_in(project.build / "distributions.json")
    examples, walkthroughs = sources(project, pages)
    runnable, replayed = recorded.split(examples)
    results, report = run(runnable + walkthroughs, Cache(project.build / "cache", project.root), jobs=jobs)
    notes = {}
    for example in replayed:
        results[(example.rel, None)], notes[example.rel] = recorded.replay(example, project.recorded)
    if not pages and (project.docs).is_dir():  # a page needs all its examples: only a whole run assembles
        adapter = engines.get(engine)

        def assemble_lang(lang: str) -> None:
            assemble(project.docs / lang, project.assembled(lang), lang, examples, results, notes, walkthroughs,
                     markdown_notebooks=adapter.NOTEBOOKS_AS_MARKDOWN, html_links_from_docs=adapter.HTML_LINKS_FROM_DOCS,
                     config=project.root / "mkdocs.yml", notebook_pages=content_pages(project.root),
                     font_memo=project.build / "mathfont" / lang)

        _side_by_side(assemble_lang, list(langs))
    return Prepared(examples + walkthroughs, results, report)


def _side_by_side(work, langs: list[str]) -> None:
    """``work(lang)`` for each language, the others in forked processes while this one does the first (the
    languages share nothing they write; a fork inherits the examples' results instead of copying them). An
    exception in a fork is raised here, as it was raised there."""
    import multiprocessing
    import os

    forks = []
    if len(langs) > 1 and (os.cpu_count() or 1) > 1:
        ctx = multiprocessing.get_context("fork")  # the runner's own start method: this process has no thread left
        for lang in langs[1:]:
            receive, send = ctx.Pipe(duplex=False)
            proc = ctx.Process(target=_in_fork, args=(work, lang, send), daemon=True)
            proc.start()
            send.close()
            forks.append((proc, receive))
        langs = langs[:1]
    error = None
    try:
        for lang in langs:
            work(lang)
    except BaseException as exc:  # noqa: BLE001 - the forks are waited for before it is raised again
        error = exc
    for proc, receive in forks:
        try:
            outcome = receive.recv()
        except EOFError:
            outcome = None
        proc.join()
        if outcome is None and proc.exitcode:
            outcome = RuntimeError(f"the process building a language died (exit code {proc.exitcode})")
        error = error or outcome
    if error is not None:
        raise error


def _in_fork(work, lang: str, send) -> None:
    try:
        work(lang)
        send.send(None)
    except BaseException as exc:  # noqa: BLE001 - sent to the parent, which raises it
        try:
            send.send(exc)
        except Exception:  # noqa: BLE001 - an exception that does not pickle: its text, at least
            import traceback

            send.send(RuntimeError("".join(traceback.format_exception(exc))))


def site_problems(site: Path, memo: Path | None = None) -> list[str]:
    """What the built site shows wrong, whatever engine built it (see :mod:`dlref.build.check.checks`);
    ``memo``: where the pages' scans are kept between builds."""
    scans = checks.scan_site(site, memo)
    return checks.html_problems(site, scans) + checks.link_report(site, scans)[0]


def build(project: Project, langs=LANGS, strict: bool = True, jobs: int | None = None,
          engine: str = engines.DEFAULT) -> Report:
    """Run the examples once, assemble, build each language with ``engine`` (only what changed), publish
    the languages into ``site/``, then check the result."""
    with _exclusive(project), incremental.Builders(project, engine, langs, strict) as builders:
        start = time.perf_counter()
        prepared = _prepare(project, langs, jobs, None, engine)
        prepare_s = time.perf_counter() - start
        print(prepared.report.line(), flush=True)
        adapter = engines.get(engine)
        plans, built_from = incremental.plan(project, engine, langs, strict, adapter.INCREMENTAL)
        seconds = builders.run(plans)
        start = time.perf_counter()
        incremental.publish(project, engine, langs)
        if problems := site_problems(project.site, project.build / "site-scans.json"):
            raise BuildFailed(f"{engine} built {project.site}, but {len(problems)} problem(s) were found in it:\n"
                              + "\n".join(problems))
        for lang in langs:
            incremental.record(project, engine, lang, built_from[lang])
        # seconds of each phase: the examples' run, then everything else up to the engine (discovery, lookups,
        # assembling both languages), each language's engine build (side by side on MkDocs), publish and checks
        phases = {"examples": prepared.report.wall, "discover_and_assemble": prepare_s - prepared.report.wall,
                  **{f"{engine}_{lang}": s for lang, s in seconds.items()},
                  "publish_and_check": time.perf_counter() - start}
        (project.build / "report.json").write_text(json.dumps(
            {**prepared.report.__dict__, "engine": engine, "plans": plans, "phases": phases}, indent=2), encoding="utf-8")
        return prepared.report
