"""``make bench``: build and page performance as numbers and ratios taken within one run.

Shared machines are noisy, so nothing here is compared with a fixed number of
seconds from another day: each target is a ratio of two measurements made side
by side (or a size, which noise does not touch). Results go to stdout and to
``build/bench.json`` (CI keeps it as an artifact).
"""
from __future__ import annotations

import contextlib
import gzip
import http.server
import io
import functools
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from dlref.build.execute.cache import Cache
from dlref.build.sources.examples import discover
from dlref.build.execute.runner import run
from dlref.build import bench_lighthouse, bench_peers, bench_scale, engines
from dlref.build.languages import LANGS
from dlref.build.site import Project, build

TARGETS = {"warm_ratio": 1.2, "overhead_s": 0.1, "incremental_s": 5.0, "median_page_kb": 600, "svg_kb": 150,
           "lighthouse": 95}


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _mkdocs_only(project: Project, engine: str = engines.DEFAULT) -> None:
    """A render-only build: the engine alone, on the docs already assembled, one language after the other,
    into a folder of its own (the site's build would otherwise find its output changed); no example, no check."""
    for lang in LANGS:
        engines.get(engine).build(project, lang, project.build / "bench" / "render-only" / lang, strict=True)


def warm_vs_render_only(project: Project, repeats: int = 3) -> dict:
    build(project)  # make sure the cache is complete
    warm, render = [], []
    for _ in range(repeats):  # interleaved, so drift on the machine hits both alike
        with contextlib.redirect_stdout(open(os.devnull, "w")):
            warm.append(_timed(lambda: build(project)))
        render.append(_timed(lambda: _mkdocs_only(project)))
    w, r = statistics.median(warm), statistics.median(render)
    return {"warm_build_s": w, "render_only_s": r, "warm_ratio": w / r}


def cold_execution(project: Project) -> dict:
    """Every example from an empty cache: parallel efficiency and per-example overhead."""
    examples = discover(project.snippets)
    runnable = [e for e in examples if e.requires != "cuda"]
    with tempfile.TemporaryDirectory() as tmp:
        bench_scale.keep_durations(project, Path(tmp))  # cold, but scheduled as a real build is: longest first
        results, report = run(runnable, Cache(Path(tmp), project.root))
    cores = os.cpu_count() or 1
    own = sum(report.timings.values())
    # Overhead: many trivial examples through the same machinery (fork, capture, pipe, cache write).
    with tempfile.TemporaryDirectory() as tmp:
        trivial = Path(tmp) / "snippets" / "t"
        trivial.mkdir(parents=True)
        for i in range(40):
            (trivial / f"e{i}.py").write_text(f"print({i})\n")
        _, small = run(discover(Path(tmp) / "snippets"), Cache(Path(tmp) / "cache", Path(tmp)))
        small_own = sum(small.timings.values())
    jobs = min(cores, 40)
    overhead = max(0.0, ((small.wall - small.preload) * jobs - small_own) / 40)  # as bench_scale counts it
    slowest = sorted(report.timings.items(), key=lambda kv: -kv[1])[:10]
    return {
        "examples": len(runnable), "ran": report.ran, "cached": report.cached, "cores": cores,
        "execution_wall_s": report.wall, "preload_s": report.preload, "imports_s": report.imports, "sum_own_s": own,
        "parallel_efficiency": own / (cores * report.wall) if report.wall else 0.0,
        # the same after the one-off import of torch in the parent, which no core can share
        "parallel_efficiency_after_preload": own / (cores * (report.wall - report.preload)),
        "mean_own_s": own / max(1, report.ran), "overhead_per_example_s": overhead,
        "slowest": [{"example": k, "s": v} for k, v in slowest],
    }


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves text gzip-compressed when the browser asks, as GitHub Pages (the deploy target) does."""

    COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".ipynb")

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):  # else the parent redirects to "dir/"
            path = path / "index.html"
        if not (path.suffix in self.COMPRESSED and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve_dir(path: Path):
    """An HTTP server for a built site on a free local port, yielding its base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(path)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


def incremental(project: Project, rel: str = "activations/softmax.py", timeout: float = 120,
                engine: str = engines.DEFAULT) -> dict:
    """Edit one example while `make serve` runs; time until the served page shows the new output."""
    import urllib.request

    path = project.snippets / rel
    original = path.read_text(encoding="utf-8")
    page = rel.split("/")[0]
    port = 8765
    proc = subprocess.Popen(
        [sys.executable, "-m", "dlref", "serve", "--lang", LANGS[0], "--address", f"127.0.0.1:{port}",
         "--engine", engine],
        cwd=project.root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    url = f"http://127.0.0.1:{port}/{page}/"

    def fetch() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode()
        except OSError:
            return ""

    try:
        deadline = time.time() + timeout
        while time.time() < deadline and "<html" not in fetch():
            time.sleep(0.5)
        times, seen = [], []  # the first edit lands the moment the server is up; the second is steady state
        for attempt in range(2):
            nonce = f"bench-{attempt}-{time.time_ns()}"
            start = time.perf_counter()
            path.write_text(original + f"\nprint({nonce!r})\n", encoding="utf-8")
            while time.time() < deadline and nonce not in fetch():
                time.sleep(0.1)
            times.append(time.perf_counter() - start)
            seen.append(nonce in fetch())
    finally:
        path.write_text(original, encoding="utf-8")
        proc.terminate()
        proc.wait(timeout=30)
    last = project.build / "last_run.json"  # written by the serve process's last rebuild
    report = json.loads(last.read_text()) if last.is_file() else {}
    own = sum(report.get("timings", {}).values())
    return {"incremental_s": max(times), "first_edit_s": times[0], "second_edit_s": times[1], "seen": all(seen),
            "example": rel, "own_s": own, "reran": sorted(report.get("timings", {}))}


def _page_assets(html_path: Path, site: Path) -> list[Path]:
    html = html_path.read_text(encoding="utf-8")
    assets = []
    for ref in re.findall(r'(?:src|href)="([^"#?]+)', html):
        if ref.startswith(("http:", "https:", "data:", "mailto:")) or not ref.endswith(
            (".css", ".js", ".svg", ".png", ".jpg", ".webp")
        ):
            continue
        target = (html_path.parent / ref).resolve()
        if target.is_file() and site.resolve() in target.parents:
            assets.append(target)
    return sorted(set(assets))


def page_weights(site: Path) -> dict:
    pages = []
    for html in sorted(site.rglob("index.html")):
        if any(part in ("assets", "search") for part in html.relative_to(site).parts):
            continue
        files = [html, *_page_assets(html, site)]
        raw = sum(f.stat().st_size for f in files)
        gz = sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)
        pages.append({"page": "/" + html.parent.relative_to(site).as_posix().removesuffix("."), "kb": raw / 1024,
                      "gzip_kb": gz / 1024})
    images = [p for p in site.rglob("*") if p.suffix in (".svg", ".png", ".jpg", ".webp")
              and "assets" not in p.relative_to(site).parts]  # figures: examples' and notebooks'
    svgs = [(p, p.stat().st_size / 1024) for p in images if p.suffix == ".svg"]
    rasters = [p for p in images if p.suffix != ".svg"]
    return {
        "pages": pages,
        "median_page_kb": statistics.median(p["kb"] for p in pages),
        "heaviest": max(pages, key=lambda p: p["kb"]),
        "largest_svg_kb": max((kb for _, kb in svgs), default=0.0),
        "svgs_over_budget": [str(p.relative_to(site)) for p, kb in svgs if kb > TARGETS["svg_kb"]],
        "raster_figures": len(rasters),
    }


def lighthouse(site: Path, pages: list[str]) -> dict:
    """Lighthouse on ``pages`` of ``site``, served as GitHub Pages serves it (see :mod:`dlref.build.bench_lighthouse`)."""
    with serve_dir(site) as base:
        return bench_lighthouse.sweep(base, pages, runs=bench_peers.repeats(bench_lighthouse.RUNS))


def lighthouse_on_zensical(project: Project, pages: list[str]) -> dict:
    """The same sweep, and the page weights, on Zensical's build of the site; the default engine's build is
    restored after."""
    try:
        with contextlib.redirect_stdout(open(os.devnull, "w")):
            build(project, engine="zensical")
        return {**lighthouse(project.site, pages), "weight": page_weights(project.site)}
    finally:
        with contextlib.redirect_stdout(open(os.devnull, "w")):
            build(project)


def main() -> int:
    started = time.perf_counter()
    project = Project.find()
    results = {"cold": cold_execution(project)}
    results["warm"] = warm_vs_render_only(project)
    results["incremental"] = incremental(project)
    results["weight"] = page_weights(project.site)
    results.update(bench_scale.run_all(project))
    pages = [q["page"].rstrip("/") + "/" for q in results["weight"]["pages"]]  # every page, both languages
    results["lighthouse"] = lighthouse(project.site, pages)
    results["lighthouse_zensical"] = lighthouse_on_zensical(project, pages)
    results["peers"] = bench_peers.from_environment(project)
    c, w, i, p = results["cold"], results["warm"], results["incremental"], results["weight"]
    lines = [
        f"cold: {c['examples']} examples in {c['execution_wall_s']:.1f} s wall on {c['cores']} cores; "
        f"sum of own times {c['sum_own_s']:.1f} s; parallel efficiency {c['parallel_efficiency']:.2f} "
        f"({c['parallel_efficiency_after_preload']:.2f} after the {c['preload_s']:.1f} s import of torch in the parent)",
        f"overhead per example {c['overhead_per_example_s'] * 1000:.0f} ms "
        f"(target < {TARGETS['overhead_s'] * 1000:.0f} ms: ratio {c['overhead_per_example_s'] / TARGETS['overhead_s']:.2f})",
        f"warm build {w['warm_build_s']:.2f} s vs render-only {w['render_only_s']:.2f} s: ratio {w['warm_ratio']:.2f} "
        f"(target <= {TARGETS['warm_ratio']})",
        f"incremental: edit {i['example']} under `make serve` -> page updated in {i['first_edit_s']:.1f} s "
        f"(first edit, as the server comes up), {i['second_edit_s']:.1f} s (second) "
        f"(re-ran {i['reran']}, own time {i['own_s']:.2f} s; target < {TARGETS['incremental_s']:g} s + own: ratio "
        f"{i['incremental_s'] / (TARGETS['incremental_s'] + i['own_s']):.2f})",
        f"pages: median {p['median_page_kb']:.0f} KB (target < {TARGETS['median_page_kb']}: "
        f"ratio {p['median_page_kb'] / TARGETS['median_page_kb']:.2f}); heaviest "
        f"{p['heaviest']['page']} {p['heaviest']['kb']:.0f} KB ({p['heaviest']['gzip_kb']:.0f} KB gzip); largest SVG "
        f"{p['largest_svg_kb']:.0f} KB (budget {TARGETS['svg_kb']}); raster figures {p['raster_figures']}",
        bench_lighthouse.summary(results["lighthouse"], TARGETS["lighthouse"], engines.DEFAULT),
        bench_lighthouse.summary(results["lighthouse_zensical"], TARGETS["lighthouse"], "zensical"),
        f"pages on zensical: median {results['lighthouse_zensical']['weight']['median_page_kb']:.0f} KB "
        f"(its own bundle; target < {TARGETS['median_page_kb']} is the published MkDocs site's)",
        bench_peers.line(results["peers"]),
        bench_peers.details(results["peers"]),
        "slowest examples: " + ", ".join(f"{s['example']} {s['s']:.2f}s" for s in c["slowest"]),
    ]
    lines.append("page weights (HTML + CSS + JS + images), KB uncompressed / gzip:")
    lines += [f"  {q['page']:<28} {q['kb']:7.0f} {q['gzip_kb']:6.0f}" for q in sorted(p["pages"], key=lambda q: -q["kb"])]
    lines += bench_scale.lines(results)
    lines.append(f"make bench took {(time.perf_counter() - started) / 60:.1f} min")
    print("\n".join(lines))
    (project.build / "bench.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
