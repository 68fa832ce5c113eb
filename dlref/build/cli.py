"""``python -m dlref``: the one build entry point (the Makefile calls these)."""
from __future__ import annotations

import argparse
import logging
import sys

from dlref.build.check import checks
from dlref.build.execute import recorded
from dlref.build.sources.examples import ExampleError
from dlref.build.execute.runner import ExampleFailed
from dlref.build import engines
from dlref.build.languages import LANGS
from dlref.build.execute.schedule import parse_shard
from dlref.build.site import BuildFailed, Project, build, prepare, run_shard


def _build(args, project: Project) -> int:
    if args.shard:
        report = run_shard(project, args.shard, jobs=args.jobs)
        print(report.line())
        print(f"dlref: shard {report.shard} ran {report.ran} run(s), cached in build/cache; no site built"
              + "".join(f"\n  {tag} {seconds:.2f} s" for tag, seconds in sorted(report.timings.items())))
        return 0
    build(project, langs=tuple(args.lang or LANGS), strict=True, jobs=args.jobs, engine=args.engine)
    return 0


def _run(args, project: Project) -> int:
    _, _, report = prepare(project, jobs=args.jobs, pages=args.page)
    print(report.line())
    return 0


def _record(args, project: Project) -> int:
    """Rewrite tests/recorded/ from the current outputs (after a deliberate change)."""
    examples, results, report = prepare(project, jobs=args.jobs, pages=args.page)
    print(report.line())
    changed = []
    for e in examples:
        if e.requires == "cuda":  # recorded on a CUDA machine by `record-gpu`
            continue
        result = results[(e.rel, "zh" if e.per_language else None)]
        if recorded.write_stdout(e, result, project.recorded):
            changed.append(e.rel)
    print(f"recorded outputs updated: {len(changed)}" + "".join(f"\n  {rel}" for rel in changed))
    return 0


def _verify(args, project: Project) -> int:
    """Run every CPU example here (cache misses only) and compare it with its recording, within the tolerance:
    does this machine reproduce the recorded outputs? Writes no page fragment."""
    from dlref.build.execute.cache import Cache
    from dlref.build.sources.examples import discover
    from dlref.build.sources.notebooks import discover as discover_notebooks
    from dlref.build.execute.runner import run

    examples = [e for e in discover(project.snippets) if e.requires != "cuda"] + discover_notebooks(project.notebooks)
    results, report = run(examples, Cache(project.build / "cache", project.root), jobs=args.jobs)
    print(report.line())
    problems = [p for e in examples
                if (p := recorded.mismatch(e, results[(e.rel, "zh" if e.per_language else None)].stdout,
                                           project.recorded))]
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"recorded outputs reproduced: {len(examples) - len(problems)} of {len(examples)}")
    return 1 if problems else 0


def _record_gpu(args, project: Project) -> int:
    """On a CUDA machine: run the CUDA examples and record output, figures and environment."""
    from dlref.build.execute.cache import Cache, cuda_available
    from dlref.build.sources.examples import discover
    from dlref.build.execute.runner import run

    if not cuda_available():
        print("dlref: record-gpu needs CUDA, and no CUDA device was found", file=sys.stderr)
        return 1
    examples = [e for e in discover(project.snippets) if e.requires == "cuda"]
    results, report = run(examples, Cache(project.build / "cache", project.root), jobs=1)  # one GPU: no contention in timings
    print(report.line())
    environment = recorded.cuda_environment()
    for e in examples:
        result = results[(e.rel, None)]
        print(recorded.write_cuda(e, result, environment, project.recorded))
        recorded.write_stdout(e, result, project.recorded)
    return 0


def _serve(args, project: Project) -> int:
    from dlref.build.serve import serve

    return serve(project, args.lang, args.address, engine=args.engine)


def _check(args, project: Project) -> int:
    """Every check of the sources: parity and freshness of pages and notebooks, and the glossary."""
    from dlref.build.check import glossary

    problems = (checks.parity(project.docs) + checks.freshness(project.docs)
                + checks.notebook_problems(project.notebooks) + glossary.check_pages(project.docs))
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"parity, freshness and glossary: {len(problems)} problem(s)")
    return 1 if problems else 0


def _new_page(args, project: Project) -> int:
    from dlref.build.scaffold import new_page

    for path in new_page(project, args.slug, args.zh_title, args.en_title, args.after):
        print(f"wrote {path.relative_to(project.root)}")
    return 0


def _translated(args, project: Project) -> int:
    for page in args.pages:
        if page.startswith("notebooks/"):
            print(checks.stamp_notebook(project.root / page))
        else:
            print(checks.stamp_translation(project.docs, page))
    return 0


def _shard_spec(text: str) -> tuple[int, int]:
    try:
        return parse_shard(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dlref", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, func, text in (
        ("build", _build, "run the examples, then build both languages into site/ (strict)"),
        ("run", _run, "run the examples (cache misses only) and write the page fragments"),
        ("record", _record, "refresh tests/recorded/ from the current example outputs"),
        ("verify", _verify, "run the CPU examples here and compare them with their recordings (numeric tolerance)"),
        ("record-gpu", _record_gpu, "on a CUDA machine: run and record the examples marked 'requires: cuda'"),
        ("serve", _serve, "live preview of one language; rebuilds only the pages an edit touches"),
        ("check", _check, "parity, translation freshness and glossary checks of the sources"),
        ("new-page", _new_page, "scaffold a page: zh and en files, snippet folder with a first example, nav entry"),
        ("translated", _translated, "mark en pages as translated from the current zh source"),
    ):
        p = sub.add_parser(name, help=text)
        p.set_defaults(func=func)
        if name in ("build", "run", "record", "verify"):
            p.add_argument("--jobs", type=int, default=None, help="parallel examples (default: every core)")
        if name in ("run", "record"):
            p.add_argument("--page", action="append", help="only this page's examples (a slug; repeatable)")
        if name in ("build", "serve"):
            p.add_argument("--engine", choices=engines.NAMES, default=engines.DEFAULT, help="the site engine")
        if name == "build":
            p.add_argument("--lang", action="append", choices=LANGS, help="build only this language")
            p.add_argument("--shard", type=_shard_spec, metavar="K/N",
                           help="run only share K of N of the examples to run (balanced by recorded duration), "
                                "cache their results and build nothing; merge the shards' build/cache, then build")
        if name == "serve":
            p.add_argument("--lang", choices=LANGS, default=LANGS[0])
            p.add_argument("--address", default="127.0.0.1:8000", help="host:port to serve on")
        if name == "new-page":
            p.add_argument("slug", help="the page's name, e.g. attention (docs/<lang>/attention.md)")
            p.add_argument("zh_title", help="its zh title (H1)")
            p.add_argument("en_title", help="its en title (H1)")
            p.add_argument("--after", required=True, help="the slug of the page it follows in the nav")
        if name == "translated":
            p.add_argument("pages", nargs="+", help="pages relative to docs/en (activations.md) or notebook sources (notebooks/x.py)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format=engines.LOG_FORMAT)
    project = Project.find()
    try:
        return args.func(args, project)
    except (ExampleFailed, ExampleError, BuildFailed, engines.EngineFailed, FileNotFoundError, ValueError) as exc:
        print(f"dlref: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # the runner has already stopped its examples and removed their folders
        print("dlref: interrupted; running examples stopped, nothing cached for them", file=sys.stderr)
        return 130
