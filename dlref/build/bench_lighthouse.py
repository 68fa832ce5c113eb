"""Lighthouse on every page of a built site, both languages: mobile, performance only, the median of 5 runs.

One Chromium serves every run (Lighthouse connects to its debugging port) and one Node process runs them all
(:file:`lighthouse_sweep.mjs`, Lighthouse's Node API), so the sweep pays for neither a browser start nor a
Node start per run. Runs go round the pages in turn: drift on a shared machine hits every page alike.
"""
from __future__ import annotations

import contextlib
import json
import re
import statistics
import subprocess
import tempfile
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
SCRIPT = Path(__file__).with_name("lighthouse_sweep.mjs")
RUNS = 5  # Lighthouse's own advice for its run-to-run variance: the median of 5


@contextlib.contextmanager
def chromium():
    """A headless Chromium with a debugging port, yielding the port."""
    with tempfile.TemporaryDirectory() as profile:
        proc = subprocess.Popen(
            [str(CHROMIUM), "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0",
             f"--user-data-dir={profile}", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            for line in proc.stderr:
                if match := re.search(r"DevTools listening on ws://[^:]+:(\d+)/", line):
                    break
            else:
                raise RuntimeError(f"{CHROMIUM} exited ({proc.wait()}) before opening its debugging port")
            yield int(match[1])
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def sweep(base: str, pages: list[str], runs: int = RUNS) -> dict:
    """Each page's score (median of ``runs``), its runs, and what held back its median run; the worst page."""
    if not (NODE_MODULES / "lighthouse").is_dir():
        return {"error": f"{NODE_MODULES}/lighthouse missing: run `npm ci`"}
    with chromium() as port:
        done = subprocess.run(["node", str(SCRIPT)], input=json.dumps({"port": port, "urls": [base + p for p in pages],
                                                                       "runs": runs}),
                              capture_output=True, text=True, check=False)
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"lighthouse sweep gave no result (exit {done.returncode}):\n{done.stderr[-3000:]}")
    results = {}
    for page in pages:
        each = [line for line in lines if line["url"] == base + page]
        scored = sorted((line for line in each if line["score"] is not None), key=lambda line: line["score"])
        middle = scored[len(scored) // 2] if scored else {}
        results[page] = {
            "median": statistics.median(line["score"] for line in scored) if scored else None,
            "runs": [line["score"] for line in each],
            "errors": sorted({line["error"] for line in each if line.get("error")}),
            "median_run": {k: middle.get(k) for k in ("metrics", "losses", "opportunities")},
        }
    scored = {page: r for page, r in results.items() if r["median"] is not None}
    worst = min(scored, key=lambda page: scored[page]["median"]) if scored else None
    return {"runs": runs, "pages": results, "worst": worst,
            "worst_score": scored[worst]["median"] if worst else None,
            "unscored": sorted(set(results) - set(scored))}


def summary(result: dict, target: int, label: str) -> str:
    """One line: the worst page and its score, how many pages fall below ``target``."""
    if "error" in result:
        return f"lighthouse {label}: {result['error']}"
    below = {p: r["median"] for p, r in result["pages"].items() if r["median"] is not None and r["median"] < target}
    text = (f"lighthouse {label} (every page, {len(result['pages'])}, both languages; mobile, performance, median of "
            f"{result['runs']}; served with gzip): worst {result['worst']} {result['worst_score']:g} (target >= {target}); "
            f"{len(below)} below target")
    if below:
        text += ": " + ", ".join(f"{p} {s:g}" for p, s in sorted(below.items(), key=lambda kv: kv[1]))
    if result["unscored"]:
        text += f"; no score for {', '.join(result['unscored'])}"
    return text
