"""Content-hash cache of example results, never trusted blindly.

A result is looked up in two steps.

1. **The key** hashes what is known before running: the example's source and
   the files it declares (``depends:``), the ``dlref`` modules it imports
   (followed transitively), the build tool's own execution code (the runner and
   everything it imports, so an edit of the print or figure setup re-runs every
   example), the thread count, the Python version, the device kind, the
   environment variables that libraries read at import, and the CJK font drawn
   into figures. No mtimes and no hand-bumped version: a fresh ``git clone``
   hits the same cache, and an edit of the tool cannot be forgotten.
2. **The entry** records what the run actually used: every project file it
   read (a module reached through ``importlib``, an undeclared data file) with
   its hash, and the version of every installed distribution it had imported
   (pandas, scikit-learn, Pillow, …). An entry whose files or versions changed
   since is a miss.

An entry that cannot be read, has the wrong shape, or holds a figure that is
not a plain SVG is reported by path and the example runs again.

Beside the entries, ``durations/<run>.seconds`` keeps how long each run last took,
by name, so that an edited example keeps its duration: the scheduler's hint
(:mod:`dlref.build.execute.schedule`), never part of a result. All of it is plain
files: merging two caches is copying one folder onto the other.
"""
from __future__ import annotations

import ast
import contextlib
import hashlib
import json
import os
import sys
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from dlref.build.execute import sandbox
from dlref.build.execute import svgcheck
from dlref.build.sources.examples import Example, Result
from dlref.figures import cjk_font_file

PACKAGE_DIR = Path(__file__).resolve().parents[2]  # the dlref package


def device_kind() -> str:
    """'cuda' when an NVIDIA driver is present, else 'cpu', without importing torch."""
    return "cuda" if Path("/proc/driver/nvidia/version").exists() else "cpu"


def cuda_available() -> bool:
    """Can this process's children use CUDA? Asked without starting CUDA here: ``torch.cuda.is_available()``
    initialises the driver in the calling process, and CUDA then fails in every process forked from it (the
    runner forks each example). ``torch.cuda.device_count()`` asks NVML instead."""
    if device_kind() != "cuda":
        return False
    import torch

    return torch.cuda.device_count() > 0


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_pass: dict | None = None  # what one lookup pass has computed already (see lookup_pass)


@contextlib.contextmanager
def lookup_pass():
    """Within one build's lookups, read and hash each file once and walk each import graph once: with thousands
    of examples, the same tool and library files would otherwise be read for every one. (A file edited during
    the pass is a race either way; the next build sees the edit.)"""
    global _pass
    _pass = {}
    try:
        yield
    finally:
        _pass = None


def _once(name: tuple, compute):
    if _pass is None:
        return compute()
    if name not in _pass:
        _pass[name] = compute()
    return _pass[name]


def file_sha(path: Path) -> str:
    return _once(("sha", path), lambda: sha(path.read_bytes()))


def imported_modules(source: str, package: str = "") -> frozenset[str]:
    """Absolute names of the modules a source imports; ``from a.b import c`` gives 'a.b' and 'a.b.c' (c may be a
    module). Relative imports are resolved against ``package``, the importing module's package."""
    return _imported_modules(source, package)  # one cache key however ``package`` is passed


@lru_cache(maxsize=None)  # keyed by the text: `mkdocs serve` re-hashes every example on each edit
def _imported_modules(source: str, package: str) -> frozenset[str]:
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            names = [base] + [f"{base}.{alias.name}" for alias in node.names if alias.name != "*"]
        else:
            continue
        found.update(names)
    return frozenset(found)


def _imported_dlref_modules(source: str, package: str = "") -> frozenset[str]:
    """Names of ``dlref`` modules a source imports, e.g. {'dlref', 'dlref.activations'}."""
    return frozenset(n for n in imported_modules(source, package) if n == "dlref" or n.startswith("dlref."))


def module_file(name: str) -> Path | None:
    """The source file of dlref module ``name`` (``dlref.rnn`` -> dlref/rnn.py, a package's __init__.py)."""
    candidate = PACKAGE_DIR.joinpath(*name.split(".")[1:])
    for path in (candidate.with_suffix(".py"), candidate / "__init__.py"):
        if path.is_file():
            return path
    return None


def _package_of(path: Path) -> str:
    """'dlref.build.execute' for dlref/build/execute/runner.py; 'dlref.build' for dlref/build/__init__.py."""
    parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
    return ".".join(parts if path.name == "__init__.py" else parts[:-1]).removesuffix(".__init__")


def dlref_sources(source: str, package: str = "") -> list[Path]:
    """The dlref source files a source depends on, following imports transitively (parent packages too)."""
    seen: dict[Path, None] = {}
    pending = list(_imported_dlref_modules(source, package))
    while pending:
        name = pending.pop()
        pending.extend(name.rsplit(".", i)[0] for i in range(1, name.count(".") + 1))  # importing a.b.c runs a, a.b
        path = module_file(name)
        if path is None or path in seen:
            continue
        seen[path] = None
        text = _once(("text", path), lambda: path.read_text(encoding="utf-8"))
        pending.extend(_imported_dlref_modules(text, _package_of(path)))
    return sorted(seen)


def reached_sources(source: str) -> list[tuple[str, str]]:
    """(text, package) of ``source`` and of every dlref module it imports, each file read once per lookup pass."""
    return [(source, ""), *((_once(("text", path), lambda path=path: path.read_text(encoding="utf-8")),
                             _package_of(path)) for path in dlref_sources(source))]


def libraries_imported(source: str) -> frozenset[str]:
    """The modules outside dlref that a source imports, itself or through the dlref modules it imports."""
    found = set().union(*(imported_modules(text, package) for text, package in reached_sources(source)))
    return frozenset(n for n in found if n.partition(".")[0] != "dlref")


def tool_sources() -> list[Path]:
    """The build tool's execution code: the runner and every dlref module it reaches."""
    runner = Path(__file__).with_name("runner.py")
    return sorted({runner, *dlref_sources(runner.read_text(encoding="utf-8"), _package_of(runner))})


@lru_cache(maxsize=1)
def _font_digest() -> str:
    try:
        return sha(cjk_font_file().read_bytes())
    except FileNotFoundError:
        return "no-cjk-font"  # a figure that needs it fails with a clear message when it runs


def _environment(threads: int) -> str:
    py = ".".join(map(str, sys.version_info[:3]))
    tool = "".join(file_sha(p) for p in _once(("tool",), tool_sources))
    env = json.dumps(sandbox.import_time_env(), sort_keys=True)
    return f"python={py};device={device_kind()};threads={threads};font={_font_digest()};env={env};tool={sha(tool.encode())}"


def key(example: Example, lang: str | None) -> str:
    digest = hashlib.sha256()
    digest.update(_once(("environment", example.threads), lambda: _environment(example.threads)).encode())
    digest.update(f"\0{example.rel}\0{lang}\0".encode())
    digest.update(example.source.encode())
    for dep in example.depends:
        digest.update(f"\0{dep}\0{file_sha(example.path.parent / dep)}".encode())
    for path in _once(("dlref", example.source), lambda: dlref_sources(example.source)):
        digest.update(f"\0{path.name}\0{file_sha(path)}".encode())
    return digest.hexdigest()[:32]


_distributions_memo: Path | None = None


def keep_distributions_in(path: Path) -> None:
    """Where :func:`module_distributions` keeps its scan between processes (the project's build folder)."""
    global _distributions_memo
    _distributions_memo = path


def _installed() -> str:
    """A digest of the installed distributions' metadata folders on ``sys.path``: name and time of each."""
    digest = hashlib.sha256()
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as found:
                for item in sorted(found, key=lambda item: item.name):
                    if item.name.endswith((".dist-info", ".egg-info", ".egg-link", ".pth")):
                        digest.update(f"{entry}\0{item.name}\0{item.stat().st_mtime_ns}\0".encode())
        except OSError:  # not a folder (a zip), or gone
            continue
    return digest.hexdigest()


@lru_cache(maxsize=1)
def module_distributions() -> dict[str, list[str]]:
    """Top-level module name -> the installed distributions that provide it: a scan of every installed package's
    file list (half a second), so done once per process, and kept between builds (keep_distributions_in) while
    the installed distributions stay the same."""
    installed = _installed()
    memo = _distributions_memo
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        if memo is not None and (kept := json.loads(memo.read_text(encoding="utf-8")))["installed"] == installed:
            return kept["modules"]
    modules = metadata.packages_distributions()
    if memo is not None:
        _write_atomically(memo, json.dumps({"installed": installed, "modules": modules}, sort_keys=True))
    return modules


@lru_cache(maxsize=None)
def dist_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def dep_name(path: Path, root: Path) -> str | None:
    """How the cache names a file a run read: relative to the project, or 'dlref/…' for the package
    wherever it is installed; None for a file that is neither (a library's, covered by its version)."""
    for base in (root.resolve(), PACKAGE_DIR.parent):
        if path == base or base in path.parents:
            return path.relative_to(base).as_posix()
    return None


def dep_path(name: str, root: Path) -> Path:
    return (PACKAGE_DIR.parent if name.split("/", 1)[0] == "dlref" and not (root / "dlref").is_dir() else root) / name


def _stale(deps: dict, root: Path) -> bool:
    """True when a file the run read, or a library it imported, is no longer what it was."""
    for rel, digest in deps["files"].items():
        try:
            if file_sha(dep_path(rel, root)) != digest:
                return True
        except OSError:  # gone, or now a folder
            return True
    return any(dist_version(name) != version for name, version in deps["dists"].items())


def _shape_problem(data) -> str | None:
    """What is wrong with a decoded entry, or None."""
    if not isinstance(data, dict):
        return "not a JSON object"
    expected = {"stdout": str, "figures": list, "seconds": (int, float), "deps": dict}
    for name, kind in expected.items():
        if not isinstance(data.get(name), kind):
            return f"'{name}' missing or not {getattr(kind, '__name__', 'a number')}"
    if not all(isinstance(f, str) for f in data["figures"]):
        return "'figures' holds something other than SVG text"
    deps = data["deps"]
    if not (isinstance(deps.get("files"), dict) and isinstance(deps.get("dists"), dict)):
        return "'deps' lacks 'files' or 'dists'"
    cells = data.get("cells")
    if cells is not None and not (isinstance(cells, list) and all(
            isinstance(c, list) and len(c) == 2 and all(isinstance(n, int) for n in c) for c in cells)):
        return "'cells' is not a list of [output, figures] counts"
    names = data.get("names", {})
    if not (isinstance(names, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in names.items())):
        return "'names' is not a mapping of names to dotted paths"
    for i, svg in enumerate(data["figures"], 1):
        if problems := svgcheck.problems(svg):
            return f"figure {i}: {problems[0]}"
    return None


class Cache:
    """One JSON file per run under ``build/cache``, and one duration per run name under its ``durations/``;
    ``root`` is the project the recorded files belong to."""

    def __init__(self, directory: Path, root: Path):
        self.directory = directory
        self.root = root
        self.damaged: list[str] = []  # one line per entry found damaged (and removed) in this process

    def _path(self, k: str) -> Path:
        return self.directory / k[:2] / f"{k}.json"

    def get(self, k: str) -> Result | None:
        path = self._path(k)
        if not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            problem = _shape_problem(data)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            problem = f"unreadable ({type(exc).__name__}: {exc})"
        if problem:
            self.damaged.append(f"dlref: damaged cache entry {path}: {problem}; running the example again")
            path.unlink(missing_ok=True)
            return None
        if _stale(data["deps"], self.root):
            return None
        return Result(stdout=data["stdout"], figures=data["figures"], seconds=data["seconds"],
                      cells=data.get("cells"), provenance=data.get("provenance") or {}, names=data.get("names", {}))

    def _duration_path(self, tag: str) -> Path:
        return self.directory / "durations" / f"{tag}.seconds"

    def duration(self, tag: str) -> float | None:
        """Seconds the last run of ``tag`` (see ``Example.tag``) took here, whatever its source was then; None
        if it never ran here. Only a scheduling hint: an unreadable record counts as none."""
        try:
            seconds = float(self._duration_path(tag).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return seconds if seconds >= 0 else None

    def put(self, k: str, result: Result, deps: dict, tag: str) -> None:
        """Store a run's entry under its key, and its duration under its name ``tag`` for the scheduler."""
        entry = {"stdout": result.stdout, "figures": result.figures, "seconds": result.seconds,
                 "cells": result.cells, "deps": deps, "provenance": result.provenance,
                 "names": result.names}
        _write_atomically(self._path(k), json.dumps(entry, sort_keys=True))
        _write_atomically(self._duration_path(tag), f"{result.seconds:.3f}\n")


def _write_atomically(path: Path, text: str) -> None:
    """A killed build or a second build at once never leaves a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
