"""``make serve``: a live preview on either engine, rebuilding only what an edit touches.

The engine serves ``build/docs/<lang>`` and rebuilds the pages whose files there change
(MkDocs with ``--dirty``; Zensical by itself). This process watches the sources the
engine does not know of (the pages in ``docs/``, the examples, the notebooks, the
learner library) and, after an edit, runs :func:`dlref.build.site.prepare` again: the
changed examples re-run, alone, and only the assembled files whose content changed are
rewritten. So an edited example rebuilds exactly its page, and an edited library module
the pages whose examples import it.
"""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from dlref.build import engines
from dlref.build.execute.runner import ExampleFailed, _preload
from dlref.build.sources.examples import ExampleError

POLL = 0.3  # seconds between two looks at the sources


def _snapshot(folders: list[Path]) -> dict[Path, tuple[int, int]]:
    return {p: (s.st_mtime_ns, s.st_size) for folder in folders for p in folder.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and (s := p.stat())}


def watched(project) -> list[Path]:
    return [project.docs, project.snippets, project.notebooks, project.root / "dlref"]


def serve(project, lang: str, address: str, engine: str = engines.DEFAULT) -> int:
    from dlref.build.site import prepare

    # `kill` (SIGTERM, as `make bench` stops it) ends the preview like Ctrl-C: through the `finally` below, which
    # stops the engine's server too (by default the signal would end this process alone, orphaning the server)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    threading.Thread(target=_preload, daemon=True).start()  # torch imports while the first build runs
    prepare(project, langs=(lang,), engine=engine)
    server = subprocess.Popen(engines.get(engine).serve_command(project, lang, address), cwd=project.root)
    before = _snapshot(watched(project))
    try:
        while server.poll() is None:
            time.sleep(POLL)
            now = _snapshot(watched(project))
            if now == before:
                continue
            before = now
            try:
                report = prepare(project, langs=(lang,), engine=engine).report
                if report.ran:
                    print(report.line(), flush=True)
                    (project.build / "last_run.json").write_text(json.dumps(report.__dict__), encoding="utf-8")
            except (ExampleFailed, ExampleError) as exc:  # shown, and the preview keeps its last good page
                print(f"dlref: {exc}", flush=True)
        return server.returncode
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait()
