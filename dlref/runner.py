"""Run the examples: preloaded parent, one fork per example, every core busy.

The parent imports torch, torchvision and matplotlib once (2-4 s), then forks a
child per example that needs running, so no example pays for an interpreter or
an import. A child captures stdout and every figure at ``plt.show()`` as a
deterministic SVG, and sends the result back through a pipe. Results are
cached by content hash (:mod:`dlref.cache`); an unchanged example never runs.
"""
from __future__ import annotations

import io
import multiprocessing
import os
import random
import runpy
import sys
import tempfile
import time
import traceback
import warnings
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path

from .cache import Cache, key
from .examples import Example, Result


class ExampleFailed(RuntimeError):
    """One or more examples failed; the message names each file:line with its traceback."""


@dataclass
class Report:
    """What a build did with its examples; ``line()`` is the one-line build report."""

    examples: int = 0
    ran: int = 0
    cached: int = 0
    wall: float = 0.0  # from the first fork to the last result, imports in the parent included
    preload: float = 0.0  # of which: importing torch, torchvision and matplotlib in the parent
    timings: dict = field(default_factory=dict)  # "rel[lang]" -> own seconds, for runs done now

    def line(self) -> str:
        own = sum(self.timings.values())
        return (
            f"dlref: {self.examples} examples ({self.ran + self.cached} runs, figure generators once per language): "
            f"{self.ran} run, {self.cached} from cache; execution {self.wall:.1f} s wall, {own:.1f} s summed over runs"
        )


def _preload() -> None:
    """Import the heavy libraries once, in the parent, before forking."""
    os.environ.setdefault("MPLBACKEND", "Agg")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot  # noqa: F401
    import numpy  # noqa: F401
    import torch  # noqa: F401
    import torchvision  # noqa: F401

    from . import figures

    figures.setup_matplotlib()


def _error_location(example: Example, exc: BaseException) -> str:
    """'file:line' of the innermost traceback frame inside the example file."""
    line = 1
    for frame in traceback.extract_tb(exc.__traceback__):
        if Path(frame.filename) == example.path:
            line = frame.lineno or 1
    if isinstance(exc, SyntaxError) and exc.filename == str(example.path):
        line = exc.lineno or 1
    return f"{example.path}:{line}"


def _run_cells(example: Example, out: io.StringIO, svgs: list) -> list:
    """Run a notebook's code cells in one namespace; return (stdout, figures) counts after each."""
    namespace = {"__name__": "__main__", "__file__": str(example.path)}
    bounds = []
    for first_line, code in example.cells:
        # Pad so that tracebacks carry the cell's real line numbers in the source file.
        exec(compile("\n" * (first_line - 1) + code, str(example.path), "exec"), namespace)
        import matplotlib.pyplot as plt

        if plt.get_fignums():
            plt.show()  # a notebook shows a cell's figures at the end of the cell
        bounds.append((len(out.getvalue()), len(svgs)))
    return bounds


def _child(example: Example, lang: str | None, threads: int, conn) -> None:
    """Run one example in a forked child and send ('ok', Result) or ('error', text)."""
    import matplotlib.pyplot as plt
    import numpy as np
    import torch

    from . import figures

    svgs: list[str] = []

    def show(*_args, **_kwargs):
        for num in plt.get_fignums():
            buf = io.StringIO()
            plt.figure(num).savefig(buf, format="svg", metadata={"Date": None})
            svgs.append(buf.getvalue())
        plt.close("all")

    out = io.StringIO()
    start = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="dlref-") as tmp:
            os.chdir(tmp)  # files an example writes land in a scratch folder
            torch.set_num_threads(threads)
            torch.set_printoptions(profile="default")
            # Random seeds: an example must seed itself; if it forgets, its output
            # changes from run to run and the recorded-output test catches it.
            entropy = int.from_bytes(os.urandom(4), "little")
            random.seed(entropy)
            np.random.seed(entropy)
            torch.manual_seed(entropy)
            figures.setup_matplotlib()
            figures.set_lang(lang or "zh")
            plt.show = show
            warnings.filterwarnings("error", message=r".*(missing from (current )?font|does not have a glyph)")
            sys.argv = [str(example.path)]
            sys.stdout = out
            cells = _run_cells(example, out, svgs) if example.cells else None
            if not example.cells:
                runpy.run_path(str(example.path), run_name="__main__")
            sys.stdout = sys.__stdout__
            if plt.get_fignums():
                raise RuntimeError("figures were created but never shown: call plt.show()")
        if len(svgs) != len(example.figures):
            raise RuntimeError(
                f"produced {len(svgs)} figure(s) but the '#| figures:' header describes "
                f"{len(example.figures)}; each figure needs alt text in zh and en"
            )
        result = Result(stdout=out.getvalue(), figures=svgs, seconds=time.perf_counter() - start, cells=cells)
        conn.send(("ok", result))
    except BaseException as exc:  # noqa: BLE001 - everything is reported, nothing swallowed
        sys.stdout = sys.__stdout__
        text = f"{_error_location(example, exc)}: {type(exc).__name__}: {exc}\n" + "".join(
            traceback.format_exception(exc)
        )
        conn.send(("error", text))
    finally:
        conn.close()
        os._exit(0)


def run(examples: list[Example], cache: Cache, jobs: int | None = None, verbose: bool = True) -> tuple[dict, Report]:
    """Results for every (example, language) run, executing only cache misses.

    Returns ``({(rel, lang): Result}, Report)``; raises :class:`ExampleFailed`
    naming every failing example's file:line.
    """
    report = Report(examples=len(examples))
    results: dict = {}
    todo = []
    for example in examples:
        for lang in example.run_langs():
            k = key(example, lang)
            hit = cache.get(k)
            if hit is None:
                todo.append((example, lang, k))
            else:
                results[(example.rel, lang)] = hit
                report.cached += 1
    if not todo:
        return results, report

    jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    threads = max(1, (os.cpu_count() or 1) // jobs)
    start = time.perf_counter()
    _preload()
    report.preload = time.perf_counter() - start
    ctx = multiprocessing.get_context("fork")
    failures: list[str] = []
    pending = list(reversed(todo))
    running: dict = {}  # conn -> (process, example, lang, key, started)
    while pending or running:
        while pending and len(running) < jobs:
            example, lang, k = pending.pop()
            parent_conn, child_conn = ctx.Pipe(duplex=False)
            proc = ctx.Process(target=_child, args=(example, lang, threads, child_conn), daemon=True)
            proc.start()
            child_conn.close()
            running[parent_conn] = (proc, example, lang, k, time.perf_counter())
        deadline = min(started + ex.timeout for _, ex, _, _, started in running.values())
        ready = wait(list(running), timeout=max(0.0, deadline - time.perf_counter()))
        for conn in ready:
            proc, example, lang, k, started = running.pop(conn)
            try:
                status, payload = conn.recv()
            except EOFError:
                status, payload = "error", f"{example.path}:1: the example's process died (exit code {proc.exitcode})"
            proc.join()
            tag = f"{example.rel}[{lang}]" if lang else example.rel
            if status == "ok":
                cache.put(k, payload)
                results[(example.rel, lang)] = payload
                report.ran += 1
                report.timings[tag] = payload.seconds
            else:
                failures.append(payload)
        now = time.perf_counter()
        for conn, (proc, example, lang, k, started) in list(running.items()):
            if now - started > example.timeout:
                proc.kill()
                proc.join()
                del running[conn]
                failures.append(f"{example.path}:1: timed out after {example.timeout:g} s ('#| timeout:' raises the limit)")
    report.wall = time.perf_counter() - start
    if failures:
        raise ExampleFailed(f"{len(failures)} example(s) failed:\n\n" + "\n\n".join(failures))
    return results, report
