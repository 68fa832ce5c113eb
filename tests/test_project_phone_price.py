"""dlref.phone_data: the synthetic stand-in for Kaggle's "Mobile Price Classification" train.csv."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dlref.phone_data import FEATURES, LABEL, RANGES, make_phone_prices, write_csv

# The columns of Kaggle's train.csv, in file order, and their (min, max) there.
KAGGLE_COLUMNS = [
    "battery_power", "blue", "clock_speed", "dual_sim", "fc", "four_g", "int_memory", "m_dep",
    "mobile_wt", "n_cores", "pc", "px_height", "px_width", "ram", "sc_h", "sc_w", "talk_time",
    "three_g", "touch_screen", "wifi", "price_range",
]
KAGGLE_RANGES = {
    "battery_power": (501, 1998), "clock_speed": (0.5, 3.0), "fc": (0, 19), "int_memory": (2, 64),
    "m_dep": (0.1, 1.0), "mobile_wt": (80, 200), "n_cores": (1, 8), "pc": (0, 20),
    "px_height": (0, 1960), "px_width": (500, 1998), "ram": (256, 3998), "sc_h": (5, 19),
    "sc_w": (0, 18), "talk_time": (2, 20),
}
BINARY = ["blue", "dual_sim", "four_g", "three_g", "touch_screen", "wifi"]


@pytest.fixture(scope="module")
def df():
    return make_phone_prices()


def test_schema(df):
    assert df.shape == (2000, 21)
    assert list(df.columns) == KAGGLE_COLUMNS
    assert list(FEATURES) + [LABEL] == KAGGLE_COLUMNS
    for column in df.columns:
        expected = np.float64 if column in ("clock_speed", "m_dep") else np.int64
        assert df[column].dtype == expected, column
    assert not df.isna().any().any()


def test_value_ranges(df):
    for column, (low, high) in KAGGLE_RANGES.items():
        assert RANGES[column] == (low, high)
        assert df[column].min() >= low and df[column].max() <= high, column
        # uniform draws over the range: 2000 rows come close to both ends
        span = high - low
        assert df[column].min() <= low + 0.05 * span and df[column].max() >= high - 0.05 * span, column
    for column in BINARY:
        assert set(df[column].unique()) == {0, 1}, column
    for column in ("clock_speed", "m_dep"):  # one decimal, like the Kaggle file
        np.testing.assert_allclose(df[column], df[column].round(1))
    assert (df["three_g"] >= df["four_g"]).all()  # every 4G phone has 3G
    assert (df["sc_w"] < df["sc_h"]).all()


def test_balanced_classes_and_label_driven_by_ram(df):
    assert df[LABEL].value_counts().sort_index().to_dict() == {0: 500, 1: 500, 2: 500, 3: 500}
    # mean ram rises with the price band, and ram is the strongest predictor
    means = df.groupby(LABEL)["ram"].mean()
    assert means.is_monotonic_increasing
    corr = df.corr()[LABEL].drop(LABEL)
    assert corr.idxmax() == "ram" and corr["ram"] > 0.8
    for column in ("battery_power", "px_height", "px_width"):
        assert corr[column] > 0.1, column


@pytest.mark.parametrize("n", [4, 5, 7, 103])
def test_small_and_uneven_n(n):
    counts = make_phone_prices(n, seed=3)[LABEL].value_counts()
    assert len(make_phone_prices(n, seed=3)) == n
    assert set(counts.index) == {0, 1, 2, 3}
    assert counts.max() - counts.min() <= 1


def test_deterministic_for_a_seed_and_different_for_another(df):
    pd.testing.assert_frame_equal(df, make_phone_prices(2000, seed=0))
    other = make_phone_prices(2000, seed=1)
    assert not df.equals(other)
    assert (df["ram"].values != other["ram"].values).mean() > 0.9


def test_write_csv_round_trip(tmp_path):
    path = write_csv(tmp_path / "phones.csv", n=40, seed=2)
    assert path == tmp_path / "phones.csv"
    assert path.read_text().splitlines()[0] == ",".join(KAGGLE_COLUMNS)  # no index column
    pd.testing.assert_frame_equal(pd.read_csv(path), make_phone_prices(40, seed=2))
    write_csv(str(tmp_path / "again.csv"), n=8)  # a str path works too


@pytest.mark.parametrize("n, error", [(3, ValueError), (0, ValueError), (-8, ValueError),
                                      (2000.0, TypeError), ("2000", TypeError), (True, TypeError), (None, TypeError)])
def test_bad_n(n, error):
    with pytest.raises(error, match="n must"):
        make_phone_prices(n)


@pytest.mark.parametrize("seed, error", [(-1, ValueError), (0.5, TypeError), ("0", TypeError)])
def test_bad_seed(seed, error):
    with pytest.raises(error, match="seed must"):
        make_phone_prices(8, seed=seed)


def test_bad_path():
    with pytest.raises(TypeError, match="path must"):
        write_csv(123)
