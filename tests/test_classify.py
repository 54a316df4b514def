"""Classification of a value series: hand-computed cases and an exhaustive cross-check."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from analytics.classify import (
    classify,
    equal_interval_breaks,
    jenks_breaks,
    quantile_breaks,
    reference_value,
)

TEXTBOOK = [1, 2, 4, 5, 7, 9, 10, 20]


def ssd(groups) -> float:
    return sum(float(((np.asarray(g) - np.mean(g)) ** 2).sum()) for g in groups)


def test_jenks_textbook_example():
    # {1,2,4,5} {7,9,10} {20}: SDCM 10 + 4.67 + 0 = 14.67, lower than any other 3-split
    breaks = jenks_breaks(TEXTBOOK, 3)
    assert breaks.tolist() == [1, 5, 10, 20]
    result = classify(TEXTBOOK, "jenks", 3)
    assert result.classes.tolist() == [0, 0, 0, 0, 1, 1, 1, 2]
    assert result.counts.tolist() == [4, 3, 1]
    assert ssd([[1, 2, 4, 5], [7, 9, 10], [20]]) == pytest.approx(14.6667, abs=1e-3)


def test_jenks_two_classes_by_hand():
    # 20 stands alone: SSD of 1..10 group = 64.875 beats every other 2-split
    assert jenks_breaks(TEXTBOOK, 2).tolist() == [1, 10, 20]


def _brute_force(values, k):
    x = sorted(values)
    best = None
    for cuts in itertools.combinations(range(1, len(x)), k - 1):
        groups = [x[a:b] for a, b in zip((0, *cuts), (*cuts, len(x)))]
        cost = ssd(groups)
        if best is None or cost < best[0] - 1e-12:
            best = (cost, [x[0]] + [g[-1] for g in groups])
    return best


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("k", [2, 3, 4])
def test_jenks_is_the_exact_optimum(seed, k):
    rng = np.random.default_rng(seed)
    values = np.round(rng.lognormal(size=9) * 10, 2)
    breaks = jenks_breaks(values, k)
    cost, _ = _brute_force(values, k)
    classes = classify(values, "jenks", k).classes
    groups = [values[classes == j] for j in range(k)]
    assert ssd(groups) == pytest.approx(cost, rel=1e-9, abs=1e-9)
    assert len(breaks) == k + 1 and breaks[0] == values.min() and breaks[-1] == values.max()


def test_quantiles_by_hand():
    assert quantile_breaks(TEXTBOOK, 4).tolist() == [1, 3.5, 6, 9.25, 20]
    result = classify(TEXTBOOK, "quantile", 4)
    assert result.counts.tolist() == [2, 2, 2, 2]


def test_equal_intervals_by_hand():
    assert equal_interval_breaks([0, 3, 10], 5).tolist() == [0, 2, 4, 6, 8, 10]
    result = classify([0, 2, 2.5, 10], "equal", 5)
    # upper limits are inclusive: 2 falls in the first class (0, 2]
    assert result.classes.tolist() == [0, 0, 1, 4]


def test_missing_values_and_ties():
    result = classify([0, 0, 0, 0, 0, 1, 2, 3, np.nan], "quantile", 4)
    assert result.k == 2  # quantile edges coincide: no empty classes
    assert result.classes[-1] == -1
    assert result.counts.sum() == 8
    single = classify([3, 3, 3], "jenks", 5)
    assert single.k == 1 and single.classes.tolist() == [0, 0, 0]
    few = classify([1, 2, 2, 3], "jenks", 5)
    assert few.k == 3 and few.classes.tolist() == [0, 1, 1, 2]
    empty = classify([np.nan, np.nan], "equal", 3)
    assert empty.k == 0 and empty.classes.tolist() == [-1, -1]


def test_every_value_gets_a_class_inside_its_range():
    rng = np.random.default_rng(7)
    values = rng.normal(size=478)
    for method in ("quantile", "equal", "jenks"):
        result = classify(values, method, 7)
        for value, j in zip(values, result.classes):
            lo, hi = result.ranges()[j]
            assert lo <= value <= hi
        assert np.all(np.diff(result.breaks) >= 0)


def test_bad_arguments():
    with pytest.raises(ValueError):
        classify([1, 2], "kmeans", 3)
    with pytest.raises(ValueError):
        classify([1, 2], "jenks", 0)


def test_reference_values():
    values = [10.0, 20.0, np.nan]
    assert reference_value(values, "n_projects") == (15.0, "mean")
    assert reference_value(values, "unemployment_rate", 12.5) == (12.5, "province")
    value, kind = reference_value(values, "literacy_rate", None, [1, 3, 5])
    assert kind == "weighted" and value == pytest.approx(17.5)
    assert reference_value(values, "literacy_rate") == (15.0, "mean")
