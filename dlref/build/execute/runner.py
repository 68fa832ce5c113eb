"""Run the examples: preloaded parent, one confined fork per example, every core busy.

The parent imports torch once (2 s), in a thread started at the first cache miss
so that it overlaps the remaining lookups, and does once what every example would
do first (a tensor operation); then it forks a child per example that needs
running, the longest first (:mod:`dlref.build.execute.schedule`), so no example
pays for an interpreter, an import or a warm-up, and no long example starts last.
The other heavy libraries (matplotlib with its first figure and fonts,
torchvision, scikit-learn) are imported only if an example to run uses them, by
the parent while every core is busy with runs already started (see _execute_all).

A child confines itself (:mod:`dlref.build.execute.sandbox`: own process group,
offline, capped memory, fixed environment, no writes into the project), runs the
example with a fixed thread count, captures stdout and every figure at
``plt.show()`` as a deterministic SVG, and sends the result back through a pipe.

Whatever the ending (result, exception, crash, time limit, Ctrl-C, or the
parent itself killed), the example's whole process group is killed and its
scratch folder removed: by the parent, or by :mod:`dlref.build.execute.watchdog` if the
parent is gone. A failure names the example's ``file:line``: the traceback of
an exception, the stack where a timed-out example was stuck, the signal and the
last line of a crash; with the output it printed before it failed.

Results are cached by content hash (:mod:`dlref.build.execute.cache`); an unchanged example
never runs.
"""
from __future__ import annotations

import contextlib
import datetime
import faulthandler
import importlib
import io
import multiprocessing
import os
import random
import re
import runpy
import shutil
import signal
import sys
import tempfile
import threading
import time
import traceback
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from multiprocessing.connection import wait
from pathlib import Path

from dlref import figures
from dlref.build.execute import names, sandbox, schedule
from dlref.build.execute import svgcheck
from dlref.build.execute.cache import (PACKAGE_DIR, Cache, dep_name, device_kind, dist_version, key,
                                       libraries_imported, lookup_pass, module_distributions, reached_sources, sha)
from dlref.build.sources.examples import DEFAULT_LIMITS, Example, Result
from dlref.build.execute.watchdog import Watchdog

GRACE = 1.0  # seconds between the child's own stack dump at its time limit and the parent's kill
DEFAULT_THREADS = DEFAULT_LIMITS["threads"]
FILE_MB = 256  # the largest file an example may write in its scratch folder
TAIL = 20  # lines of partial output shown with a failure
_MISSING_GLYPH = r".*(missing from (current )?font|does not have a glyph)"  # matplotlib's warning, an error here
_OPTIMIZER = re.compile(r"torch\.optim|\boptim\.")  # torch.optim.SGD, optim.Adam (after `from torch import optim`)
_FRAME = re.compile(r'^\s*File "(?P<file>[^"]+)", line (?P<line>\d+)', re.M)


class ExampleFailed(RuntimeError):
    """One or more examples failed; the message names each file:line with its traceback."""


class OutputLimitExceeded(RuntimeError):
    """An example printed more than its ``output-kb`` allows."""


@dataclass
class Report:
    """What a build did with its examples; ``line()`` is the one-line build report."""

    examples: int = 0
    ran: int = 0
    cached: int = 0
    wall: float = 0.0  # from the first cache miss to the last result, imports in the parent included
    preload: float = 0.0  # of which: from the first miss to the first fork (the parent's imports, warm-up, lookups)
    imports: float = 0.0  # the parent's imports and warm-ups alone: torch's overlap the lookups, the others the runs
    timings: dict = field(default_factory=dict)  # "rel[lang]" -> own seconds, for runs done now
    damaged: list = field(default_factory=list)  # cache entries found damaged, removed and re-run
    shard: str = ""  # "K/N" when this build ran only its share of the misses
    left: int = 0  # misses left to the other shards

    def line(self) -> str:
        own = sum(self.timings.values())
        text = (
            f"dlref: {self.examples} examples ({self.ran + self.cached + self.left} runs, figure generators once per "
            f"language): {self.ran} run, {self.cached} from cache; execution {self.wall:.1f} s wall, "
            f"{own:.1f} s summed over runs"
        )
        return text + (f"; shard {self.shard}: {self.left} run(s) left to the other shards" if self.shard else "")


#: Libraries the parent imports only when an example to run imports them (matplotlib with its first figure takes
#: 1.3 s, torchvision 1.5 s, scikit-learn with SciPy and pandas 1 s): those known to change no global state when
#: imported (matplotlib's settings are the site's own, figures.setup_matplotlib), so what an example prints cannot
#: depend on which other examples run in the same build. The parent imports them while every core is busy with
#: runs already started (see _execute_all).
ON_DEMAND = ("matplotlib", "torchvision", "sklearn", "scipy", "pandas")


def _preload() -> None:
    """Import torch once, in the parent, and do once what every child would do first (the first tensor operation
    and backward pass): the forked children inherit it done. Not the backward pass on a machine with a GPU: the
    autograd engine's first backward counts the CUDA devices, which starts CUDA here, and CUDA then fails to
    start in every child ("CUDA error: initialization error")."""
    import numpy.random  # noqa: F401 - numpy imports it lazily, at an example's seeding: 20 ms in every child
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # no OpenMP thread pool in the parent: its threads would not survive a fork
    try:
        torch.manual_seed(0)  # an example's own seeding formats stacks (for absent GPUs): their files get read here
        layer = torch.nn.Linear(4, 4)
        out = torch.nn.functional.relu(layer(torch.ones(2, 4))).sum()
        if device_kind() != "cuda":
            out.backward()
    finally:
        torch.set_num_threads(threads)
    _thread_pools(again=True)  # what this run's forks will have loaded, found here while the lookups go on
    re.compile(_MISSING_GLYPH, re.I)  # as warnings.filterwarnings compiles it: every child finds it in re's cache
    _tops_before_fork()  # the libraries imported so far, listed once for every child


def _import(names) -> None:
    """The ON_DEMAND modules ``names`` (see :func:`_needs`), not yet imported by this run, in this process; with
    matplotlib, the site's settings (even where matplotlib was imported before: under pytest) and a first figure."""
    if any(name.partition(".")[0] == "matplotlib" for name in names):
        _first_figure()
    for name in sorted(names):
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - not a module (`from a import f`), or broken: the example reports it
            pass


def _first_figure() -> None:
    """matplotlib with the site's settings, and one figure drawn as SVG: its fonts are found once, here."""
    os.environ.setdefault("MPLBACKEND", "Agg")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figures.setup_matplotlib()
    with warnings.catch_warnings():  # a missing CJK font is the example's failure to report, not the warm-up's
        warnings.simplefilter("ignore")
        figure = plt.figure()
        plt.plot([0, 1], [0, 1])
        plt.title("梯度 gradient")
        figure.savefig(io.StringIO(), format="svg", metadata={"Date": None})
        plt.close(figure)


def _needs(example: Example) -> frozenset[str]:
    """The modules of the ON_DEMAND libraries that ``example``, or a dlref module it imports, imports;
    matplotlib's pyplot for an example with figures; torch._dynamo for one that names an optimizer (torch imports
    it at the first optimizer's construction: 1.2 s, in one example out of five)."""
    found = {name for name in libraries_imported(example.source) if name.partition(".")[0] in ON_DEMAND}
    if example.figures:
        found.add("matplotlib.pyplot")
    if any(_OPTIMIZER.search(text) for text, _ in reached_sources(example.source)):
        found.add("torch._dynamo")
    return frozenset(found)


_pools = None  # threadpoolctl's controller of the BLAS and OpenMP libraries loaded when it was made


def _thread_pools(again: bool = False):
    """threadpoolctl's controller of the BLAS and OpenMP libraries loaded, or None without threadpoolctl; made in
    the parent (a child would take 30 ms to find the libraries), ``again`` after an import that may have loaded
    another one (scikit-learn loads SciPy's OpenBLAS and its own OpenMP)."""
    global _pools
    if _pools is None or again:
        try:
            from threadpoolctl import ThreadpoolController
        except ImportError:
            return None
        _pools = ThreadpoolController()
    return _pools


class _Preload:
    """:func:`_preload` in a thread, started at the first cache miss so that the imports overlap the rest of
    the lookups; joined before the first fork (a fork must not copy a thread that is half-way through an import)."""

    def __init__(self):
        self.error: BaseException | None = None
        self.seconds = 0.0
        self._thread = threading.Thread(target=self._run, name="dlref-preload", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        start = time.perf_counter()
        try:
            _preload()
        except BaseException as exc:  # noqa: BLE001 - raised again in the main thread by join()
            self.error = exc
        self.seconds = time.perf_counter() - start

    def wait(self) -> None:
        self._thread.join()

    def join(self) -> None:
        """Wait for the imports; raise here what they raised."""
        self.wait()
        if self.error is not None:
            error, self.error = self.error, None
            raise error


class _CappedOutput(io.TextIOBase):
    """``sys.stdout`` of an example: kept in memory, mirrored to a file (read back after a crash), capped."""

    def __init__(self, path: Path, limit: int):
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        self.limit, self.size, self.exceeded = limit, 0, False
        self._parts: list[str] = []
        self.chars = 0

    @property
    def encoding(self) -> str:
        return "utf-8"

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        data = text.encode("utf-8", "backslashreplace")
        if self.size + len(data) > self.limit:
            self.exceeded = True
            raise OutputLimitExceeded(f"printed more than {self.limit // 1024} KB ('#| output-kb:' raises the limit)")
        os.write(self._fd, data)
        self.size += len(data)
        self.chars += len(text)
        self._parts.append(text)
        return len(text)

    def getvalue(self) -> str:
        return "".join(self._parts)


def _dists_of(tops) -> dict[str, str]:
    """name -> version of every installed distribution providing one of the top-level modules ``tops``, sorted.
    Asked by the parent, for a child's imports: the scan of the installed distributions (half a second) then
    runs while the examples run, and no child pays for reading their metadata."""
    found = {}
    for top in tops:
        if top in sys.stdlib_module_names or top in ("dlref", "__main__"):
            continue
        for dist in module_distributions().get(top, ()):
            if (version := dist_version(dist)) is not None:
                found[dist] = version
    return dict(sorted(found.items()))


class _ImportLog:
    """A finder that finds nothing, first on ``sys.meta_path``: it notes the top-level name of every module
    imported from then on. A forked child reads it rather than walking ``sys.modules``, which would touch thousands
    of the parent's objects and copy the pages they lie in (some 13 ms per example)."""

    def __init__(self):
        self.tops: set[str] = set()

    def find_spec(self, fullname, path=None, target=None):
        self.tops.add(fullname.partition(".")[0])
        return None


_NEW_IMPORTS = _ImportLog()


@lru_cache(maxsize=1)
def _tops_before_fork() -> frozenset[str]:
    """The top-level names of the modules imported now; from now on, new imports are noted (see _ImportLog)."""
    tops = frozenset(module.partition(".")[0] for module in list(sys.modules))
    if _NEW_IMPORTS not in sys.meta_path:
        sys.meta_path.insert(0, _NEW_IMPORTS)
    return tops


def _imported_tops() -> list[str]:
    """The top-level names of the modules imported now: in a child, the parent's and its own."""
    return sorted(_tops_before_fork() | {top for top in list(_NEW_IMPORTS.tops) if top in sys.modules})


def _innermost_line(example: Example, text: str, default: int = 1) -> int:
    """The line in the example file of the innermost frame in a faulthandler dump (most recent call first)."""
    for match in _FRAME.finditer(text):
        if Path(match["file"]) == example.path:
            return int(match["line"])
    return default


def _error_location(example: Example, exc: BaseException) -> str:
    """'file:line' of the innermost traceback frame inside the example file."""
    line = 1
    for frame in traceback.extract_tb(exc.__traceback__):
        if Path(frame.filename) == example.path:
            line = frame.lineno or 1
    if isinstance(exc, SyntaxError) and exc.filename == str(example.path):
        line = exc.lineno or 1
    return f"{example.path}:{line}"


def _describe(example: Example, exc: BaseException) -> str:
    text = f"{_error_location(example, exc)}: {type(exc).__name__}: {exc}\n"
    if isinstance(exc, MemoryError) or "can't allocate memory" in str(exc):
        text += f"(the memory limit is {example.memory_mb} MiB; '#| memory-mb:' raises it)\n"
    return text + "".join(traceback.format_exception(exc))


def _run_cells(example: Example, out: _CappedOutput, svgs: list, namespace: dict) -> list:
    """Run a notebook's code cells in ``namespace``; return (stdout, figures) counts after each."""
    plt = sys.modules.get("matplotlib.pyplot")  # preloaded if the notebook uses matplotlib
    namespace.update(__name__="__main__", __file__=str(example.path))
    bounds = []
    for first_line, code in example.cells:
        # Pad so that tracebacks carry the cell's real line numbers in the source file.
        exec(compile("\n" * (first_line - 1) + code, str(example.path), "exec"), namespace)
        if plt is not None and plt.get_fignums():
            plt.show()  # a notebook shows a cell's figures at the end of the cell
        bounds.append((out.chars, len(svgs)))
    return bounds


def _learner_modules() -> list[str]:
    """The learner-library modules imported now (under pytest, all of them), but dlref.figures, which every child
    uses (see _execute): listed by the parent, once per run. A child that walked ``sys.modules`` itself would
    touch thousands of the parent's objects and copy the pages they lie in (some 4 ms per example)."""
    return [m for m in sys.modules
            if m.startswith("dlref.") and not m.startswith("dlref.build") and m != figures.__name__]


def _fresh_learner_modules(imported: list[str]) -> None:
    """Forget the learner-library modules the parent imported, so the example's imports of them are seen, and
    recorded, as it makes them."""
    for name in imported:
        del sys.modules[name]
        parent, _, leaf = name.rpartition(".")
        if hasattr(sys.modules.get(parent), leaf):  # `from dlref import x` reads the package's attribute first
            delattr(sys.modules[parent], leaf)


def _child(example: Example, lang: str | None, scratch: Path, root: Path, watchdog_fd: int, learner: list[str],
           conn) -> None:
    """Run one example in a forked child; send ('ok', Result, deps) or ('error', text). The deps name the
    modules imported; the parent finds their distributions (_dists_of)."""
    try:
        os.close(watchdog_fd)  # only the parent may hold it: the watchdog acts when the parent's copy closes
        console = os.open(scratch / "console.txt", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.dup2(console, 1)  # C libraries and subprocesses write here, not to the build's terminal
        os.dup2(console, 2)
        sys.stderr = open(2, "w", buffering=1, encoding="utf-8", errors="backslashreplace", closefd=False)
        faults = open(scratch / "faults.txt", "w", encoding="utf-8")
        faulthandler.enable(file=faults, all_threads=True)  # a crash leaves its stack here
        # and so does a hang, at the time limit: SIGALRM's handler writes the stacks from C, with no watchdog thread
        # to start and stop in every child (as dump_traceback_later would)
        faulthandler.register(signal.SIGALRM, file=faults, all_threads=True)
        signal.setitimer(signal.ITIMER_REAL, example.timeout)
        _fresh_learner_modules(learner)
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(scratch), "TMPDIR": str(scratch),
               "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "MPLBACKEND": "Agg", **sandbox.import_time_env()}
        guard = sandbox.enter(root=root, scratch=scratch, label=str(example.path), memory_mb=example.memory_mb,
                              file_mb=FILE_MB, env=env, package=PACKAGE_DIR, cuda=example.requires == "cuda")
        tempfile.tempdir = str(scratch)
        result, deps = _execute(example, lang, scratch, root, guard)
        signal.setitimer(signal.ITIMER_REAL, 0)
        conn.send(("ok", result, deps))
    except BaseException as exc:  # noqa: BLE001 - everything is reported, nothing swallowed
        signal.setitimer(signal.ITIMER_REAL, 0)
        sys.stdout = sys.__stdout__
        conn.send(("error", _describe(example, exc)))
    finally:
        conn.close()
        os._exit(0)


def _execute(example: Example, lang: str | None, scratch: Path, root: Path, guard) -> tuple[Result, dict]:
    import numpy as np
    import torch

    # Kept from the parent rather than imported again (PYTHONDONTWRITEBYTECODE would compile it in every child),
    # and recorded as read: every example's figures and language go through it.
    guard.read.add(Path(figures.__file__).resolve())
    # Imported by the parent when an example to run uses matplotlib (_needs); an example that does not import it can
    # draw no figure, and one that reaches it unseen (through another library) is stopped below.
    plt = sys.modules.get("matplotlib.pyplot")
    svgs: list[str] = []

    def show(*_args, **_kwargs):
        for num in plt.get_fignums():
            buf = io.StringIO()
            plt.figure(num).savefig(buf, format="svg", metadata={"Date": None})
            svgs.append(buf.getvalue())
        plt.close("all")

    torch.set_num_threads(example.threads)
    if example.threads != DEFAULT_THREADS and (pools := _thread_pools()) is not None:  # numpy's BLAS too: a product
        pools.limit(limits=example.threads)  # may round differently with more threads (the default is set in the parent)
    torch.set_printoptions(profile="default")
    # Random seeds: an example must seed itself; if it forgets, its output
    # changes from run to run and the recorded-output test catches it.
    entropy = int.from_bytes(os.urandom(4), "little")
    random.seed(entropy)
    np.random.seed(entropy)
    if device_kind() == "cuda":
        torch.manual_seed(entropy)
    else:  # the CPU generator is all there is; torch.manual_seed would also queue seeds for absent GPUs (20 ms)
        torch.default_generator.manual_seed(entropy)
    # matplotlib's settings: figures.setup_matplotlib() ran in the parent just before the fork (_preload)
    figures.set_lang(lang or "zh")
    if plt is not None:
        plt.show = show
    warnings.filterwarnings("error", message=_MISSING_GLYPH)
    sys.argv = [str(example.path)]
    out = _CappedOutput(scratch / "stdout.txt", example.output_kb * 1024)
    start = time.perf_counter()
    sys.stdout = out
    cells = None
    namespace: dict = {}  # what the code's names were bound to, for the links from code to documentation
    try:
        if example.cells:
            cells = _run_cells(example, out, svgs, namespace)
        else:
            namespace = runpy.run_path(str(example.path), run_name="__main__")
    except SystemExit as exc:  # sys.exit() and sys.exit(0) end an example normally
        if exc.code not in (None, 0):
            raise
    finally:
        sys.stdout = sys.__stdout__
    seconds = time.perf_counter() - start
    if out.exceeded:  # the example caught the exception and went on
        raise OutputLimitExceeded(f"printed more than {out.limit // 1024} KB ('#| output-kb:' raises the limit)")
    if plt is None and "matplotlib.pyplot" in sys.modules:
        raise RuntimeError("matplotlib was imported where the build did not see it (not by the example, nor by a "
                           "dlref module it imports), so its figures could not be captured: import "
                           "matplotlib.pyplot in the example")
    if plt is not None and plt.get_fignums():
        raise RuntimeError("figures were created but never shown: call plt.show()")
    if len(svgs) != len(example.figures):
        raise RuntimeError(
            f"produced {len(svgs)} figure(s) but the '#| figures:' header describes "
            f"{len(example.figures)}; each figure needs alt text in zh and en"
        )
    for i, svg in enumerate(svgs, 1):
        if problems := svgcheck.problems(svg):
            raise RuntimeError(f"figure {i} cannot be published: {'; '.join(problems)}")
    read = {name: path for path in list(guard.read) if path.is_file() and (name := dep_name(path, root))}
    deps = {"files": {name: sha(read[name].read_bytes()) for name in sorted(read)}, "modules": _imported_tops()}
    provenance = {
        "torch": torch.__version__,
        "device": torch.cuda.get_device_name(0) if device_kind() == "cuda" and torch.cuda.is_available() else "CPU",
        "date": datetime.datetime.now(datetime.timezone.utc).date().isoformat(),
    }
    return Result(stdout=out.getvalue(), figures=svgs, seconds=seconds, cells=cells, provenance=provenance,
                  names=names.resolve(example.source, namespace)), deps


@dataclass
class _Run:
    proc: multiprocessing.Process
    example: Example
    lang: str | None
    key: str
    scratch: Path
    started: float

    @property
    def tag(self) -> str:
        return self.example.tag(self.lang)

    def tail(self, name: str, title: str) -> str:
        """The last lines of one of the child's files, titled, or '' when it wrote nothing."""
        try:
            text = (self.scratch / name).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        lines = text.rstrip("\n").splitlines()
        if not lines:
            return ""
        shown = lines[-TAIL:]
        return f"\n--- {title} (last {len(shown)} of {len(lines)} lines) ---\n" + "\n".join(shown) + "\n"

    def partial_output(self) -> str:
        return self.tail("stdout.txt", "printed before the failure") + self.tail("console.txt", "stderr")

    def faults(self) -> str:
        """The child's faulthandler dump, cut where the runner's own frames begin (they say nothing useful)."""
        try:
            text = (self.scratch / "faults.txt").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        kept = []
        for line in text.splitlines():
            if "<frozen runpy>" in line or f'"{__file__}"' in line:
                break
            kept.append(line)
        return "\n".join(kept)

    def crash_text(self) -> str:
        """Why a child ended without sending a result; only called after join(), so exitcode is known."""
        code = self.proc.exitcode
        dump = self.faults()
        line = _innermost_line(self.example, dump)
        if code is not None and code < 0:
            name = signal.Signals(-code).name
            what = f"the example's process was killed by {name}"
            if dump:
                what += f"; last line reached: {line}\n{dump.rstrip()}"
        else:
            what = f"the example's process exited with code {code} before it finished (os._exit?)"
        return f"{self.example.path}:{line}: {what}\n"

    def timeout_text(self) -> str:
        dump = self.faults()
        line = _innermost_line(self.example, dump)
        where = f"; it was here:\n{dump.rstrip()}\n" if dump else "\n"
        return f"{self.example.path}:{line}: timed out after {self.example.timeout:g} s ('#| timeout:' raises the limit){where}"


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _finish(run: _Run, watchdog: Watchdog) -> None:
    """Nothing the example started outlives it, and its scratch folder goes."""
    _kill_group(run.proc.pid)
    run.proc.join()
    shutil.rmtree(run.scratch, ignore_errors=True)
    watchdog.remove(run.proc.pid)


def run(examples: list[Example], cache: Cache, jobs: int | None = None, verbose: bool = True,
        shard: tuple[int, int] | None = None) -> tuple[dict, Report]:
    """Results for every (example, language) run, executing only cache misses, the longest first.

    With ``shard=(k, n)``, only share ``k`` of ``n`` of the misses runs (see :mod:`dlref.build.execute.schedule`);
    the others are neither run nor in the results. Returns ``({(rel, lang): Result}, Report)``; raises
    :class:`ExampleFailed` naming every failing example's file:line.
    """
    report = Report(examples=len(examples))
    results: dict = {}
    todo = []
    watchdog = preload = None
    running: dict = {}  # conn -> _Run
    exiting: dict = {}  # sentinel -> _Run whose result is in, its process still exiting
    try:
        with lookup_pass():
            for example in examples:
                for lang in example.run_langs():
                    k = key(example, lang)
                    hit = cache.get(k)
                    if hit is not None:
                        results[(example.rel, lang)] = hit
                        report.cached += 1
                        continue
                    todo.append((example, lang, k))
                    if preload is None:
                        start = time.perf_counter()
                        watchdog = Watchdog()  # forked before the heavy imports and their thread: it stays small
                        preload = _Preload()
        report.damaged = list(cache.damaged)
        for line in cache.damaged:
            print(line, file=sys.stderr)
        cache.damaged.clear()
        if shard:
            mine = schedule.shard(todo, *shard, cache)
            report.shard, report.left = "/".join(map(str, shard)), len(todo) - len(mine)
            todo = mine
        else:
            todo = schedule.longest_first(todo, cache)
        if preload is None:
            return results, report
        with lookup_pass():  # each example's dlref modules found once, however many runs it has
            todo = [(example, lang, k, _needs(example)) for example, lang, k in todo]
        preload.join()
        report.imports = preload.seconds
        report.preload = time.perf_counter() - start
        if not todo:
            report.wall = report.preload
            return results, report
        _execute_all(todo, cache, jobs, watchdog, running, exiting, results, report)
        report.wall = time.perf_counter() - start
        return results, report
    finally:  # Ctrl-C or an error in the parent: stop every running example, remove its folder
        if preload is not None:
            preload.wait()  # no thread outlives the run, even one that failed
        for run_ in [*running.values(), *exiting.values()]:
            _finish(run_, watchdog)
        if watchdog is not None:
            watchdog.close()


def _start(ctx, example: Example, lang: str | None, k: str, cache_root: Path, watchdog: Watchdog,
           learner: list[str]) -> tuple:
    """Fork the child of one run: the parent's end of its pipe, and the run."""
    scratch = Path(tempfile.mkdtemp(prefix="dlref-run-"))
    parent_conn, child_conn = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, daemon=True,
                       args=(example, lang, scratch, cache_root, watchdog.fd, learner, child_conn))
    proc.start()
    try:
        os.setpgid(proc.pid, proc.pid)  # the child does it too: no window in which a kill misses
    except OSError:
        pass
    watchdog.add(proc.pid, str(scratch))
    child_conn.close()
    return parent_conn, _Run(proc, example, lang, k, scratch, time.perf_counter())


def _record(run_: _Run, conn, cache: Cache, results: dict, report: Report) -> str | None:
    """Read what a run sent: its result cached and kept (None), or the text of its failure."""
    try:
        message = conn.recv()
    except EOFError:
        message = None
    conn.close()
    if not (message and message[0] == "ok"):
        run_.proc.join()  # its exit code tells a crash
        return (message[1] if message else run_.crash_text()) + run_.partial_output()
    _, result, deps = message
    deps["dists"] = _dists_of(deps.pop("modules"))
    cache.put(run_.key, result, deps, run_.tag)
    results[(run_.example.rel, run_.lang)] = result
    report.ran += 1
    report.timings[run_.tag] = result.seconds
    if stderr := run_.tail("console.txt", "stderr"):
        print(f"dlref: {run_.example.path} wrote to stderr:{stderr}", file=sys.stderr, end="")
    return None


def _execute_all(todo: list, cache: Cache, jobs: int | None, watchdog: Watchdog, running: dict, exiting: dict,
                 results: dict, report: Report) -> None:
    """Fork a child per run in ``todo`` (example, language, key, needs), in that order as far as the ON_DEMAND
    libraries each needs are imported, ``jobs`` at a time; raise ExampleFailed at the end."""
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    ctx = multiprocessing.get_context("fork")
    failures: list[str] = []
    pending = list(todo)
    imported: set[str] = set()  # ON_DEMAND modules imported by now
    learner = _learner_modules()
    # The BLAS and OpenMP pools at the examples' default thread count, set here for the forks to inherit (a child
    # changes them, 7 ms, only for another count), and again after each import; this process's own counts come
    # back after the runs.
    limits = contextlib.ExitStack()

    def limit_threads(again: bool) -> None:
        if (pools := _thread_pools(again)) is not None:
            limits.enter_context(pools.limit(limits=DEFAULT_THREADS))

    def import_for(needs: frozenset[str]) -> None:
        start = time.perf_counter()
        _import(needs - imported)
        imported.update(needs)
        limit_threads(again=True)
        report.imports += time.perf_counter() - start

    with limits:
        limit_threads(again=False)  # the libraries found by _preload, this run's, with nothing imported since
        while pending or running or exiting:
            while pending and len(running) < jobs:
                # The first run, in order, whose libraries are imported; if none, the libraries of the first.
                ready = next((i for i, run_ in enumerate(pending) if run_[3] <= imported), None)
                if ready is None:
                    import_for(pending[0][3])
                    continue
                conn, run_ = _start(ctx, *pending.pop(ready)[:3], cache.root, watchdog, learner)
                running[conn] = run_
            # Every core busy: import the libraries of the first run still lacking them now, while the runs go on, so
            # that it starts when a core frees, not after every shorter run that was ready (in a cold build, the
            # longest example waited 12 s for the torch-only ones).
            if lacking := next((run_[3] for run_ in pending if not run_[3] <= imported), None):
                import_for(lacking)
            deadline = min((r.started + r.example.timeout + GRACE for r in running.values()), default=None)
            for conn in wait([*running, *exiting], timeout=None if deadline is None else max(0.0, deadline - time.perf_counter())):
                if conn in exiting:  # a run whose result came earlier has now exited
                    _finish(exiting.pop(conn), watchdog)
                    continue
                run_ = running.pop(conn)
                if (failure := _record(run_, conn, cache, results, report)) is None:
                    # Its slot is free now: the next run starts while this process exits (a fork of this parent
                    # takes some 10 ms to tear down), and is reaped when it has.
                    _kill_group(run_.proc.pid)
                    exiting[run_.proc.sentinel] = run_
                else:
                    failures.append(failure)
                    _finish(run_, watchdog)
            now = time.perf_counter()
            for conn, run_ in list(running.items()):
                if now - run_.started > run_.example.timeout + GRACE:
                    del running[conn]
                    _kill_group(run_.proc.pid)
                    run_.proc.join()
                    conn.close()
                    failures.append(run_.timeout_text() + run_.partial_output())
                    _finish(run_, watchdog)
    if failures:
        raise ExampleFailed(f"{len(failures)} example(s) failed:\n\n" + "\n\n".join(failures))
