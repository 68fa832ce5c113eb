"""A seeded, synthetic stand-in for Kaggle's "Mobile Price Classification" ``train.csv``.

The phone-price walkthrough reads a CSV with the Kaggle schema: 20 feature columns
(same names, same order, same value ranges) and a label ``price_range`` in
{0, 1, 2, 3}. The real file cannot be downloaded at build time, so this module
generates a look-alike. The features are drawn independently and uniformly over
the Kaggle ranges, with two small consistency rules (every 4G phone also has 3G;
the screen is never wider than it is tall). The label is the quartile of a noisy
score dominated by ``ram``, plus ``battery_power`` and the pixel dimensions, as in
the real data, so the four classes are balanced (``n / 4`` rows each).

The data is synthetic: the accuracies it gives are not the Kaggle ones.

>>> df = make_phone_prices(2000, seed=0)
>>> df.shape
(2000, 21)
>>> list(df.columns[:4]), df.columns[-1]
(['battery_power', 'blue', 'clock_speed', 'dual_sim'], 'price_range')
>>> df["price_range"].value_counts().sort_index().tolist()
[500, 500, 500, 500]
>>> int(df["ram"].min()) >= 256 and int(df["ram"].max()) <= 3998
True
>>> df.equals(make_phone_prices(2000, seed=0))     # same seed, same data
True
>>> make_phone_prices(3)          # at least one row per class
Traceback (most recent call last):
...
ValueError: n must be >= 4, got 3

Write it as a CSV and read it back like the real file:

>>> import pandas as pd, tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as d:
...     path = write_csv(pathlib.Path(d) / "phone_prices.csv", n=8, seed=1)
...     back = pd.read_csv(path)
>>> back.shape, back.equals(make_phone_prices(8, seed=1))
((8, 21), True)
"""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd

from . import validate

__all__ = ["FEATURES", "LABEL", "RANGES", "make_phone_prices", "write_csv"]

#: The 20 feature columns, in the order of Kaggle's ``train.csv``.
FEATURES = (
    "battery_power", "blue", "clock_speed", "dual_sim", "fc", "four_g", "int_memory", "m_dep",
    "mobile_wt", "n_cores", "pc", "px_height", "px_width", "ram", "sc_h", "sc_w", "talk_time",
    "three_g", "touch_screen", "wifi",
)
#: The label column (the last column of the CSV).
LABEL = "price_range"

#: (low, high) of each feature, both inclusive, as in the Kaggle file. Floats have one decimal.
RANGES = {
    "battery_power": (501, 1998), "blue": (0, 1), "clock_speed": (0.5, 3.0), "dual_sim": (0, 1),
    "fc": (0, 19), "four_g": (0, 1), "int_memory": (2, 64), "m_dep": (0.1, 1.0),
    "mobile_wt": (80, 200), "n_cores": (1, 8), "pc": (0, 20), "px_height": (0, 1960),
    "px_width": (500, 1998), "ram": (256, 3998), "sc_h": (5, 19), "sc_w": (0, 18),
    "talk_time": (2, 20), "three_g": (0, 1), "touch_screen": (0, 1), "wifi": (0, 1),
}

# How much each feature weighs in the hidden price score (on standardised features),
# and the standard deviation of the noise added to it.
_WEIGHTS = {"ram": 1.0, "battery_power": 0.3, "px_height": 0.2, "px_width": 0.2}
_NOISE = 0.1


def make_phone_prices(n: int = 2000, seed: int = 0) -> pd.DataFrame:
    """``n`` synthetic phones with the Kaggle columns and a balanced ``price_range`` label.

    Args:
        n: number of rows, at least 4. When ``n`` is a multiple of 4 each class has exactly
            ``n // 4`` rows (otherwise the counts differ by at most one).
        seed: seed of the ``numpy.random.default_rng`` that draws everything.

    Returns:
        A DataFrame with the 20 columns of :data:`FEATURES` (int64, except ``clock_speed`` and
        ``m_dep``: float64 with one decimal) followed by ``price_range`` (int64, 0 = cheapest).

    Raises:
        TypeError: ``n`` or ``seed`` is not an int.
        ValueError: ``n < 4`` or ``seed < 0``.
    """
    n = validate.integer("n", n, minimum=4)  # one row per class at least
    seed = validate.integer("seed", seed, minimum=0)
    rng = np.random.default_rng(seed)

    def ints(column):
        low, high = RANGES[column]
        return rng.integers(low, high + 1, size=n)

    def tenths(column):  # a float with one decimal, e.g. clock_speed 0.5, 0.6, ..., 3.0
        low, high = RANGES[column]
        return rng.integers(round(low * 10), round(high * 10) + 1, size=n) / 10

    data = {}
    for column in FEATURES:
        if column in ("clock_speed", "m_dep"):
            data[column] = tenths(column)
        elif column == "three_g":  # every 4G phone also has 3G
            data[column] = np.maximum(ints(column), data["four_g"])
        elif column == "sc_w":  # the screen is not wider than it is tall
            data[column] = rng.integers(0, data["sc_h"])  # 0 .. sc_h - 1, so at most 18
        else:
            data[column] = ints(column)

    score = rng.normal(0.0, _NOISE, size=n)
    for column, weight in _WEIGHTS.items():
        values = data[column].astype(float)
        score += weight * (values - values.mean()) / values.std()
    rank = np.empty(n, dtype=np.int64)
    rank[np.argsort(score, kind="stable")] = np.arange(n)
    data[LABEL] = rank * 4 // n  # quartile of the score: 0 = cheapest 25 %, 3 = dearest

    frame = pd.DataFrame(data)
    for column in frame.columns:
        if column not in ("clock_speed", "m_dep"):
            frame[column] = frame[column].astype(np.int64)
    return frame


def write_csv(path, n: int = 2000, seed: int = 0) -> Path:
    """Write :func:`make_phone_prices` ``(n, seed)`` to ``path`` as a CSV (no index column).

    Returns the path as a :class:`pathlib.Path`. The parent folder must exist.

    Raises:
        TypeError: ``path`` is not a str or path-like (or ``n``/``seed`` are not ints).
        ValueError: as :func:`make_phone_prices`.
    """
    path = Path(validate.instance("path", path, (str, os.PathLike), "a str or os.PathLike"))
    make_phone_prices(n, seed).to_csv(path, index=False)
    return path
