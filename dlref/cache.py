"""Content-hash cache of example results.

The key covers everything an example's output depends on: its source, the
``dlref`` modules it imports (transitively), the runner's version, the Python,
torch, torchvision and matplotlib versions, the device kind and, for
per-language figure generators, the language. No mtimes: a fresh ``git clone``
hits the same cache (d2l's mtime cache re-ran whole chapters after a clone).
"""
from __future__ import annotations

import ast
import hashlib
import json
import os
import sys
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from .examples import Example, Result

RUNNER_VERSION = "1"
PACKAGE_DIR = Path(__file__).resolve().parent


def device_kind() -> str:
    """'cuda' when an NVIDIA driver is present, else 'cpu', without importing torch."""
    return "cuda" if Path("/proc/driver/nvidia/version").exists() else "cpu"


@lru_cache(maxsize=1)
def _environment() -> str:
    versions = []
    for dist in ("torch", "torchvision", "matplotlib", "numpy"):
        try:
            versions.append(f"{dist}={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{dist}=none")
    py = ".".join(map(str, sys.version_info[:3]))
    return f"runner={RUNNER_VERSION};python={py};{';'.join(versions)};device={device_kind()}"


@lru_cache(maxsize=None)  # keyed by the text: `mkdocs serve` re-hashes every example on each edit
def _imported_dlref_modules(source: str) -> frozenset[str]:
    """Names of ``dlref`` modules a source imports, e.g. {'dlref', 'dlref.activations'}."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 1:  # relative import inside dlref
            base = f"dlref.{node.module}" if node.module else "dlref"
            names = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        found.update(n for n in names if n == "dlref" or n.startswith("dlref."))
    return frozenset(found)


def _module_file(name: str) -> Path | None:
    parts = name.split(".")[1:]
    candidate = PACKAGE_DIR.joinpath(*parts)
    for path in (candidate.with_suffix(".py"), candidate / "__init__.py"):
        if path.is_file():
            return path
    return None


def dlref_sources(source: str) -> list[Path]:
    """The dlref source files an example depends on, following imports transitively."""
    seen: dict[Path, None] = {}
    pending = list(_imported_dlref_modules(source))
    while pending:
        path = _module_file(pending.pop())
        if path is None or path in seen:
            continue
        seen[path] = None
        pending.extend(_imported_dlref_modules(path.read_text(encoding="utf-8")))
    return sorted(seen)


def key(example: Example, lang: str | None) -> str:
    digest = hashlib.sha256()
    digest.update(_environment().encode())
    digest.update(f"\0{example.rel}\0{lang}\0".encode())
    digest.update(example.source.encode())
    for dep in example.depends:
        digest.update(f"\0{dep}\0".encode())
        digest.update((example.path.parent / dep).read_bytes())
    for path in dlref_sources(example.source):
        digest.update(f"\0{path.name}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


class Cache:
    """One JSON file per run under ``build/cache``."""

    def __init__(self, directory: Path):
        self.directory = directory

    def _path(self, k: str) -> Path:
        return self.directory / k[:2] / f"{k}.json"

    def get(self, k: str) -> Result | None:
        path = self._path(k)
        if not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return Result(stdout=data["stdout"], figures=data["figures"], seconds=data["seconds"], cells=data.get("cells"))

    def put(self, k: str, result: Result) -> None:
        path = self._path(k)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(
            json.dumps(
                {"stdout": result.stdout, "figures": result.figures, "seconds": result.seconds, "cells": result.cells}
            ),
            encoding="utf-8",
        )
        tmp.replace(path)  # atomic: a killed build never leaves a half-written entry
