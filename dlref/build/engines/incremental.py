"""What each language's engine build must redo: nothing, the pages whose files changed, or everything.

Each language is built into a folder of its own, ``build/site/<engine>/<lang>`` (:func:`output`),
which the engine keeps between builds, and :func:`publish` mirrors those folders into ``site/``
(zh at the root, each other language in its prefix). So languages build side by side, in parallel,
and no build's cleaning of ``site/`` touches another language's pages.

After a build whose site passed its checks, :func:`record` notes for each language what it was built
from; the next build's :func:`plan` compares:

- ``full``: no record, or a site-wide input changed (the configs, the theme overrides, the build
  tool's code, an installed package, the published address), or a file was added to or removed from
  the assembled docs, or the output folder is not as that build left it;
- ``skip``: none of the assembled files changed: the output is the one a build would write;
- ``dirty``: some assembled files changed: the engine rebuilds exactly those pages (MkDocs' dirty
  build, made exact by :mod:`dlref.build.engines.mkdocs_hooks`; Zensical's own cache).

The record is removed before a language builds, so a build that fails or is interrupted leaves a
full build to the next one, and a failing site is never skipped.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sysconfig
from importlib import metadata
from pathlib import Path

from dlref.build.languages import languages

PLANS = ("skip", "dirty", "full")
ENVIRONMENT = ("DLREF_SITE_URL",)  # read by the configs (`!ENV`): a different address is a different site


def output(project, engine: str, lang: str) -> Path:
    """The folder ``engine`` builds ``lang`` into, kept between builds (``site/`` is published from it)."""
    return project.build / "site" / engine / lang


def _state(project, engine: str, lang: str) -> Path:
    return project.build / "site-state" / f"{engine}.{lang}.json"


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def _digest(parts) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(hashlib.sha256(part if isinstance(part, bytes) else str(part).encode()).digest())
    return h.hexdigest()


def _inputs(project, engine: str, strict: bool) -> str:
    """Every input a page's HTML may depend on besides its own assembled files."""
    tool = project.root / "dlref" / "build"
    site_wide = [*sorted(project.root.glob("mkdocs*.yml")), *_files(project.root / "overrides"), *_files(tool)]
    # the environment's packages, wherever the build is started from (a checkout's own *.egg-info is not one)
    site_packages = sorted({sysconfig.get_paths()[k] for k in ("purelib", "platlib")})
    packages = sorted({f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions(path=site_packages)})
    return _digest([engine, strict, *(os.environ.get(v, "") for v in ENVIRONMENT), *packages,
                    *(f"{p.relative_to(project.root)}\0".encode() + p.read_bytes() for p in site_wide)])


def _manifest(folder: Path) -> dict[str, list[int]]:
    """Each file of a built folder, with the size and modification time it has."""
    return {p.relative_to(folder).as_posix(): [(s := p.stat()).st_size, s.st_mtime_ns] for p in _files(folder)}


def plan(project, engine: str, langs, strict: bool, incremental: bool) -> tuple[dict[str, str], dict[str, dict]]:
    """For each language: ``skip``, ``dirty`` or ``full`` (see above), and what its output is built from now, for
    :func:`record`. ``incremental``: whether the engine can rebuild only the changed pages (else ``dirty`` becomes
    ``full``)."""
    inputs = _inputs(project, engine, strict)  # the same for every language
    plans, built_from = {}, {}
    for lang in langs:
        docs = project.assembled(lang)
        files = _files(docs)
        now = built_from[lang] = {"inputs": inputs, "files": _digest(p.relative_to(docs).as_posix() for p in files),
                                  "docs": _digest(p.read_bytes() for p in files)}
        try:
            before = json.loads(_state(project, engine, lang).read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            before = {}
        if any(before.get(k) != now[k] for k in ("inputs", "files")) or before.get("output") != _manifest(
                output(project, engine, lang)):
            plans[lang] = "full"
        elif before["docs"] == now["docs"]:
            plans[lang] = "skip"
        else:
            plans[lang] = "dirty" if incremental else "full"
    return plans, built_from


def forget(project, engine: str, lang: str) -> None:
    """Before ``lang`` builds: until :func:`record`, its next build is a full one."""
    _state(project, engine, lang).unlink(missing_ok=True)


def record(project, engine: str, lang: str, built_from: dict) -> None:
    """After the site passed its checks: what ``lang``'s output was built from (:func:`plan`'s), and the
    output as it is, for the next :func:`plan`."""
    path = _state(project, engine, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({**built_from, "output": _manifest(output(project, engine, lang))}, indent=1),
                    encoding="utf-8")


def publish(project, engine: str, langs) -> None:
    """Mirror each language's output into ``site/`` at its prefix: changed files copied (with their times),
    files the output lacks removed; the other languages' folders inside a prefix are left to them."""
    table = languages(project.root)
    prefixes = {table[lang].prefix.strip("/") for lang in table} - {""}
    for lang in langs:
        source, target = output(project, engine, lang), project.site / table[lang].prefix
        own = {p.relative_to(source) for p in _files(source)}
        for rel in sorted(own):
            src, dst = source / rel, target / rel
            s = src.stat()
            if dst.is_file() and (d := dst.stat()).st_size == s.st_size and d.st_mtime_ns == s.st_mtime_ns:
                continue
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)
        if not target.is_dir():
            continue
        others = prefixes - {table[lang].prefix.strip("/")} if target == project.site else set()
        for path in _files(target):
            rel = path.relative_to(target)
            if rel not in own and rel.parts[0] not in others:
                path.unlink()
        for folder in sorted((p for p in target.rglob("*") if p.is_dir()), reverse=True):
            if not any(folder.iterdir()):
                folder.rmdir()


class Builders:
    """The engine's builds of ``langs``. Where the engine allows it (``SIDE_BY_SIDE``), one process per language,
    started at once (a fresh interpreter: the build process holds torch and threads that a forked engine must not
    inherit), so that importing the engine and loading its config overlap the examples' run; each then waits to
    be told its plan (:meth:`run`). Used as a context manager: a build that stops early stops them too."""

    def __init__(self, project, engine: str, langs, strict: bool):
        import subprocess
        import sys

        from dlref.build import engines

        self.project, self.engine, self.strict = project, engine, strict
        self.adapter = engines.get(engine)
        together = self.adapter.SIDE_BY_SIDE and len(langs) > 1 and (os.cpu_count() or 1) > 1
        for lang in langs if together else ():  # the config names it, and a first build has not assembled it yet
            project.assembled(lang).mkdir(parents=True, exist_ok=True)
        self.procs = {lang: subprocess.Popen(
            [sys.executable, "-m", __name__, engine, str(project.root), lang, "strict" if strict else "lax"],
            cwd=project.root, stdin=subprocess.PIPE, text=True) for lang in (langs if together else ())}

    def run(self, plans: dict[str, str]) -> dict[str, float]:
        """Build each language whose plan is not ``skip``; returns each one's seconds. A language that fails
        raises EngineFailed after the others have finished."""
        import time

        from dlref.build import engines

        for lang, how in plans.items():
            if how != "skip":
                forget(self.project, self.engine, lang)
        seconds, failed = {}, []
        start = time.perf_counter()
        if not self.procs:  # one at a time, in this process
            for lang, how in plans.items():
                if how != "skip":
                    self.adapter.build(self.project, lang, output(self.project, self.engine, lang), strict=self.strict,
                                       dirty=how == "dirty")
                    seconds[lang] = time.perf_counter() - start
                    start = time.perf_counter()
            return seconds
        for lang, proc in self.procs.items():
            proc.stdin.write(plans[lang] + "\n")
            proc.stdin.close()
        for lang, proc in self.procs.items():
            if proc.wait():
                failed.append(lang)
            if plans[lang] != "skip":
                seconds[lang] = time.perf_counter() - start
        if failed:
            raise engines.EngineFailed(f"{self.engine} could not build {', '.join(failed)} (its messages are above)")
        return seconds

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.kill()
            proc.wait()


def _main(engine: str, root: str, lang: str, strictness: str) -> int:
    """One language's build in a process of its own (see :class:`Builders`): set up, then told its plan on stdin."""
    import logging
    import sys

    from dlref.build import engines
    from dlref.build.site import Project

    logging.basicConfig(level=logging.INFO, format=engines.LOG_FORMAT)
    logging.getLogger().handlers[0].setLevel(logging.INFO)  # jieba (zh search) logs at DEBUG to its own handler too
    project = Project(Path(root))
    # Loading overlaps the build process's own work (imports, examples, assembling), which the engine waits for:
    # that work comes first on a busy core.
    os.nice(10)

    def load():
        return engines.get(engine).load(project, lang, output(project, engine, lang), strict=strictness == "strict")

    try:
        build = load()
    except engines.EngineFailed:  # reported if it fails again once there is something to build
        build = None
    how = sys.stdin.readline().strip()
    if how not in PLANS:  # the build stopped before it had a plan
        return 1
    if how == "skip":
        return 0
    try:
        (build or load())(how == "dirty")
    except engines.EngineFailed as exc:
        print(f"dlref: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(_main(*sys.argv[1:]))
