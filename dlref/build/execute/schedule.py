"""Which run starts first, and which machine does which: by the durations the cache recorded.

A build's wall time is at least its longest example, so the runner starts the
longest runs first: a 3 s example started last would keep one core busy while
the others idle. The expected duration of a run is the one the cache recorded
for it (by name, so an edited example keeps its last duration); a run never
recorded here (a fresh clone, a new example) is estimated from its file's size,
at the seconds per byte of the runs that were recorded.

``--shard K/N`` splits the runs a build still has to do across N machines:
greedy longest-processing-time on those durations, ties broken by name, so every
machine computes the same split from the same sources and cache, without talking.
"""
from __future__ import annotations

import re

from dlref.build.execute.cache import Cache

SECONDS_PER_BYTE = 1e-3  # the estimate when nothing is recorded: about 1 s for a 1 KB example
_SHARD = re.compile(r"(\d+)/(\d+)")


def expected_seconds(runs: list, cache: Cache) -> dict[str, float]:
    """``tag -> seconds`` for ``runs``, each an ``(example, lang, ...)`` tuple: recorded, else estimated."""
    recorded = {example.tag(lang): cache.duration(example.tag(lang)) for example, lang, *_ in runs}
    sizes = {example.tag(lang): len(example.source.encode()) for example, lang, *_ in runs}
    known = [tag for tag, seconds in recorded.items() if seconds is not None]
    known_bytes = sum(sizes[tag] for tag in known)
    rate = sum(recorded[tag] for tag in known) / known_bytes if known and known_bytes else SECONDS_PER_BYTE
    return {tag: seconds if seconds is not None else sizes[tag] * rate for tag, seconds in recorded.items()}


def longest_first(runs: list, cache: Cache, expected: dict | None = None) -> list:
    """``runs`` in the order to start them: the longest expected first, ties by name."""
    expected = expected or expected_seconds(runs, cache)
    return sorted(runs, key=lambda r: (-expected[r[0].tag(r[1])], r[0].tag(r[1])))


def parse_shard(text: str) -> tuple[int, int]:
    """'2/4' -> (2, 4); anything but K/N with 1 <= K <= N is refused with a clear message."""
    match = _SHARD.fullmatch(text.strip())
    if not match:
        raise ValueError(f"--shard wants K/N, this machine's share K of N (e.g. 2/4); got {text!r}")
    k, n = int(match[1]), int(match[2])
    if n < 1:
        raise ValueError(f"--shard {text}: N, the number of shards, must be at least 1")
    if not 1 <= k <= n:
        raise ValueError(f"--shard {text}: K must be between 1 and N (shards are numbered 1 to {n})")
    return k, n


def shard(runs: list, k: int, n: int, cache: Cache) -> list:
    """The runs of share ``k`` of ``n`` (1-based), balanced by expected seconds, in the order to start them."""
    if not 1 <= k <= n:
        raise ValueError(f"shard {k}/{n}: K must be between 1 and N")
    expected = expected_seconds(runs, cache)
    loads = [0.0] * n
    mine = []
    for run in longest_first(runs, cache, expected):
        lightest = min(range(n), key=lambda i: (loads[i], i))
        loads[lightest] += expected[run[0].tag(run[1])]
        if lightest == k - 1:
            mine.append(run)
    return mine
