"""``make bench``, at scale: thousands of trivial examples through the real build, and shards.

Each size runs in a fresh interpreter (so its parent's peak memory and its
imports are its own) on a generated throw-away project of trivial examples
(``print(i)``): a cold run, then unchanged runs, which must decide that nothing
changed without running anything. Reported per size, and how they grow from the
smallest size to the largest:

- ``overhead_ms``: machine time per example beyond the example's own, after the
  parent's one-off imports: ``((wall - preload) * jobs - own) / runs``; on a
  shared machine this counts the other tenants too, so also
- ``cpu_overhead_ms``: the CPU time of the parent and its children per example,
  beyond the example's own (imports paid before, by a one-example build);
- ``unchanged_s``: the whole ``prepare`` of an unchanged tree (discovery,
  hashing, cache lookups), the median of three;
- ``parent_peak_mb``: the parent's peak resident memory, children not counted.

The shard figures split the real project's runs by the durations its cache
recorded (see :mod:`dlref.build.execute.schedule`): what each of N machines
would run, in expected seconds.
"""
from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = (200, 2000)
TARGETS = {"overhead_ms": 25.0, "unchanged_s": 1.0}
PER_PAGE = 100  # examples per generated page folder


def generate(root: Path, n: int) -> None:
    """A project of ``n`` trivial examples, ``PER_PAGE`` to a page."""
    for i in range(n):
        page = root / "snippets" / f"p{i // PER_PAGE:03d}"
        page.mkdir(parents=True, exist_ok=True)
        (page / f"e{i:05d}.py").write_text(f"print({i})\n", encoding="utf-8")


def measure(n: int) -> dict:
    """One size, in this process: cold run, then three unchanged runs."""
    from dlref.build.site import Project, prepare

    with tempfile.TemporaryDirectory(prefix="dlref-scale-") as tmp:
        warm_up = Project(Path(tmp) / "warm-up")
        generate(warm_up.root, 1)
        prepare(warm_up)  # the parent's one-off imports, paid here: what follows is per example
        project = Project(Path(tmp) / "project")
        generate(project.root, n)
        before = _cpu()
        start = time.perf_counter()
        _, _, cold = prepare(project)
        cold_s = time.perf_counter() - start
        cpu = _cpu() - before
        unchanged = []
        for _ in range(3):
            start = time.perf_counter()
            _, _, again = prepare(project)
            unchanged.append(time.perf_counter() - start)
            if again.ran:
                raise RuntimeError(f"an unchanged tree of {n} examples ran {again.ran} of them")
    jobs = min(cold.ran, _cores())
    own = sum(cold.timings.values())
    return {
        "examples": n, "ran": cold.ran, "jobs": jobs, "cold_s": cold_s, "execution_wall_s": cold.wall,
        "preload_s": cold.preload, "imports_s": cold.imports, "own_s": own,
        "overhead_ms": 1000 * ((cold.wall - cold.preload) * jobs - own) / cold.ran,
        "cpu_overhead_ms": 1000 * (cpu - own) / cold.ran,
        "unchanged_s": statistics.median(unchanged), "unchanged_runs_s": unchanged,
        "parent_peak_mb": _peak_mb(),
        "load": os.getloadavg()[0],  # the machine's 1-minute load average at the end: others' work counts
    }


def _peak_mb() -> float:
    """This process's peak resident memory (VmHWM). Not getrusage's ru_maxrss: Linux keeps that across exec, so a
    measuring process started from `make bench` (1 GB by then) reported the bench's size, not its own."""
    from dlref.build.execute.sandbox import status_bytes

    return (status_bytes("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024) / 2**20


def _cpu() -> float:
    """CPU seconds of this process and of its ended children: what the examples cost, whatever the load."""
    return sum(r.ru_utime + r.ru_stime for r in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))


def _cores() -> int:
    return len(os.sched_getaffinity(0))


def scale(sizes=SIZES) -> dict:
    """Every size, each in a fresh interpreter; with how each figure grows from the first size to the last."""
    rows = []
    for n in sizes:
        proc = subprocess.run([sys.executable, "-m", "dlref.build.bench_scale", str(n)], capture_output=True,
                              text=True, check=False)
        if proc.returncode:
            raise RuntimeError(f"scale bench with {n} examples failed:\n{proc.stderr[-4000:]}")
        rows.append(json.loads(proc.stdout.splitlines()[-1]))
    first, last = rows[0], rows[-1]
    growth = {name: last[name] / first[name]
              for name in ("overhead_ms", "cpu_overhead_ms", "unchanged_s", "parent_peak_mb", "cold_s")}
    return {"sizes": rows, "growth": growth, "targets": TARGETS}


def shards(project, counts=(2, 4)) -> dict:
    """The real project's runs split N ways by recorded duration: expected seconds per shard."""
    from dlref.build.execute import schedule
    from dlref.build.execute.cache import Cache
    from dlref.build.execute.recorded import split
    from dlref.build.site import sources

    examples, walkthroughs = sources(project)
    runs = [(e, lang) for e in split(examples)[0] + walkthroughs for lang in e.run_langs()]
    cache = Cache(project.build / "cache", project.root)
    expected = schedule.expected_seconds(runs, cache)
    recorded = sum(cache.duration(e.tag(lang)) is not None for e, lang in runs)
    out = {"runs": len(runs), "recorded": recorded, "total_s": sum(expected.values()), "split": {}}
    for n in counts:
        loads = [sum(expected[e.tag(lang)] for e, lang in schedule.shard(runs, k, n, cache)) for k in range(1, n + 1)]
        out["split"][n] = {"loads_s": loads, "balance": max(loads) / (sum(loads) / n)}
    return out


def lines(results: dict) -> list[str]:
    """The scale table and the shard figures, as `make bench` prints them."""
    s, sh = results["scale"], results["shards"]
    t = s["targets"]
    out = [f"scale (trivial examples, {s['sizes'][0]['jobs']} workers; targets: overhead < {t['overhead_ms']:g} ms, "
           f"unchanged tree < {t['unchanged_s']:g} s):",
           f"  {'examples':>8} {'cold s':>7} {'overhead ms':>11} {'CPU ms':>6} {'unchanged s':>11} "
           f"{'parent peak MB':>14} {'load':>5}"]
    out += [f"  {r['examples']:>8} {r['cold_s']:>7.1f} {r['overhead_ms']:>11.1f} {r['cpu_overhead_ms']:>6.1f} "
            f"{r['unchanged_s']:>11.3f} {r['parent_peak_mb']:>14.0f} {r['load']:>5.1f}" for r in s["sizes"]]
    g = s["growth"]
    out.append(f"  growth x{s['sizes'][-1]['examples'] / s['sizes'][0]['examples']:g} examples: overhead "
               f"x{g['overhead_ms']:.2f} (CPU x{g['cpu_overhead_ms']:.2f}), unchanged x{g['unchanged_s']:.2f}, parent memory x{g['parent_peak_mb']:.2f}, "
               f"cold x{g['cold_s']:.2f}")
    out.append(f"shards ({sh['runs']} runs, {sh['recorded']} with a recorded duration, {sh['total_s']:.1f} s expected): "
               + "; ".join(f"{n} machines: " + " / ".join(f"{x:.1f}" for x in v["loads_s"])
                           + f" s (max/mean {v['balance']:.2f})" for n, v in sh["split"].items()))
    return out


def keep_durations(project, directory: Path) -> None:
    """Copy the project's recorded durations into an empty cache ``directory``."""
    import shutil

    recorded = project.build / "cache" / "durations"
    if recorded.is_dir():
        shutil.copytree(recorded, directory / "durations")


def run_all(project) -> dict:
    return {"scale": scale(), "shards": shards(project)}


def main() -> int:
    from dlref.build.site import Project

    project = Project.find()
    results = run_all(project)
    print("\n".join(lines(results)))
    path = project.build / "bench.json"
    merged = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    path.write_text(json.dumps({**merged, **results}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 2:  # one size, in this fresh interpreter (see scale())
        print(json.dumps(measure(int(sys.argv[1]))))
    else:
        raise SystemExit(main())
