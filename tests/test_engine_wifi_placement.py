"""Hotspot placement (MCLP) engine: exact HiGHS, greedy + swap fallback, modes (no QGIS)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from scipy import sparse
from shapely.geometry import Point, box

from territoire_numerique.engine.errors import EngineError
from territoire_numerique.engine.wifi_placement import coverage_matrix, merge_rows, place
from territoire_numerique.engine.wifi_propagation import (
    Grid,
    Hotspot,
    RadioSettings,
    build_obstruction,
    demand_cells,
)


def matrix_of(sets: list[set[int]], n_demand: int) -> sparse.csc_matrix:
    """Demand × candidate boolean matrix from the demand indices each candidate covers."""
    dense = np.zeros((n_demand, len(sets)), bool)
    for j, covered in enumerate(sets):
        dense[list(covered), j] = True
    return sparse.csc_matrix(dense)


# Six demand points of weight 1.  A = {1,2,3,4} is the greedy first pick; B + C cover all six.
SETS = [{1, 2, 3, 4}, {0, 1, 2}, {3, 4, 5}]
WEIGHTS = np.ones(6)
NONE_EXISTING = np.zeros(6, bool)


def test_exact_solution_beats_plain_greedy_on_a_known_instance():
    matrix = matrix_of(SETS, 6)
    exact = place(matrix, WEIGHTS, NONE_EXISTING, mode="count", count=2)
    assert sorted(exact.selected) == [1, 2]
    assert exact.objective == 6.0 and exact.gap == 0.0
    assert exact.method == "HiGHS MILP (optimal)"
    assert exact.after_pct == 100.0 and exact.before_pct == 0.0
    assert exact.gains == [3.0, 3.0]
    # The curve starts at the existing coverage and follows the ranking.
    assert exact.curve[:3] == [(0, 0.0, True), (1, 3.0, True), (2, 6.0, True)]


def test_heuristic_fallback_reaches_the_optimum_by_swapping():
    matrix = matrix_of(SETS, 6)
    heuristic = place(matrix, WEIGHTS, NONE_EXISTING, mode="count", count=2, exact=False)
    assert heuristic.method == "greedy + swap"
    assert sorted(heuristic.selected) == [1, 2] and heuristic.objective == 6.0
    # Without HiGHS, the bound comes from the greedy: f(S) + the k largest marginal gains at the
    # swapped solution (nothing left to gain) proves it optimal, tighter than greedy's 5 / (1 − 1/e).
    assert heuristic.bound == 6.0 and heuristic.gap == 0.0
    pairs = matrix_of([{0, 1}, {0, 2}, {3}], 4)
    plain_greedy = place(pairs, np.ones(4), np.zeros(4, bool), count=1, exact=False)
    assert plain_greedy.objective == 2.0 and plain_greedy.bound == 2.0  # f(∅) + best single gain


def brute_force_optimum(matrix: sparse.csc_matrix, weights: np.ndarray, k: int) -> float:
    dense = matrix.toarray()
    return max(
        float(weights[dense[:, list(chosen)].any(axis=1)].sum())
        for chosen in itertools.combinations(range(dense.shape[1]), k)
    )


def test_reported_gap_is_never_smaller_than_the_true_gap():
    generator = np.random.default_rng(11)
    for _ in range(25):
        matrix = sparse.random(60, 9, density=0.15, random_state=generator, format="csc") > 0
        weights = generator.integers(1, 20, 60).astype(float)
        k = int(generator.integers(1, 4))
        optimum = brute_force_optimum(matrix, weights, k)
        for exact in (True, False):
            result = place(matrix, weights, np.zeros(60, bool), count=k, exact=exact)
            true_gap = (optimum - result.objective) / optimum
            assert result.objective <= optimum + 1e-9
            assert result.bound >= optimum - 1e-9
            assert result.gap >= true_gap - 1e-12
            if exact:
                assert result.method == "HiGHS MILP (optimal)" and result.gap == 0.0


def test_time_limited_highs_reports_the_tightest_bound():
    """HiGHS stopped by its time limit long before solving this instance (its root relaxation
    alone takes longer): its incumbent is poor and its dual bound the trivial one (all reachable
    weight).  The gap reported must come from the best valid bound, here the greedy's, not HiGHS'
    trivial one; whatever the machine, it is at most the (1 − 1/e) guarantee's."""
    generator = np.random.default_rng(6)
    matrix = sparse.random(5000, 400, density=0.01, random_state=generator, format="csc") > 0
    weights = generator.integers(1, 50, 5000).astype(float)
    result = place(matrix, weights, np.zeros(5000, bool), count=20, time_limit=1.0)
    greedy = place(matrix, weights, np.zeros(5000, bool), count=20, exact=False)
    assert greedy.method == "greedy + swap"
    assert result.objective >= greedy.objective - 1e-9  # HiGHS' answer only when at least as good
    assert result.objective <= result.bound <= greedy.objective / (1 - 1 / np.e) + 1e-6
    assert result.gap == pytest.approx((result.bound - result.objective) / result.bound)


def test_existing_hotspots_are_kept_and_their_demand_not_counted_twice():
    matrix = matrix_of(SETS, 6)
    existing = np.array([True, True, True, False, False, False])  # covers what B covers
    result = place(matrix, WEIGHTS, existing, mode="count", count=1)
    assert result.selected == [2]  # C, not A: A's 4 points include 2 already served
    assert result.before_pct == 50.0 and result.after_pct == 100.0
    assert result.curve[0] == (0, 3.0, True)


def test_target_and_budget_modes():
    matrix = matrix_of(SETS, 6)
    full = place(matrix, WEIGHTS, NONE_EXISTING, mode="target", target_pct=100.0)
    assert sorted(full.selected) == [1, 2] and full.objective == 2.0 and full.after_pct == 100.0
    half = place(matrix, WEIGHTS, NONE_EXISTING, mode="target", target_pct=50.0)
    assert len(half.selected) == 1 and half.after_pct >= 50.0
    costs = np.array([1.0, 2.0, 2.0])
    cheap = place(matrix, WEIGHTS, NONE_EXISTING, mode="budget", budget=2.0, costs=costs)
    assert cheap.selected == [0] and cheap.objective == 4.0
    richer = place(matrix, WEIGHTS, NONE_EXISTING, mode="budget", budget=4.0, costs=costs)
    assert sorted(richer.selected) == [1, 2]
    capped = place(matrix, WEIGHTS, NONE_EXISTING, mode="count", count=2, budget=3.0, costs=costs)
    assert costs[capped.selected].sum() <= 3.0 and capped.objective == 5.0


def test_merge_rows_drops_uncovered_and_merges_identical_rows():
    matrix = matrix_of([{0, 1, 3}, {1, 3}], 5)
    weights = np.array([1.0, 2.0, 7.0, 3.0, 4.0])
    merged, merged_weights = merge_rows(matrix, weights)
    assert merged.shape == (2, 2)
    rows = {tuple(merged[i].indices): w for i, w in enumerate(merged_weights)}
    assert rows == {(0,): 1.0, (0, 1): 5.0}


def test_heuristic_is_near_optimal_on_a_random_instance():
    generator = np.random.default_rng(6)
    matrix = sparse.random(2000, 120, density=0.02, random_state=generator, format="csc") > 0
    weights = generator.integers(1, 50, 2000).astype(float)
    exact = place(matrix, weights, np.zeros(2000, bool), count=8)
    heuristic = place(matrix, weights, np.zeros(2000, bool), count=8, exact=False)
    assert exact.method == "HiGHS MILP (optimal)"
    assert heuristic.objective <= exact.objective + 1e-9
    assert heuristic.objective >= 0.95 * exact.objective
    assert exact.gains == sorted(exact.gains, reverse=True)
    assert sum(exact.gains) == pytest.approx(exact.objective)


def test_degenerate_inputs():
    matrix = matrix_of(SETS, 6)
    with pytest.raises(EngineError):
        place(sparse.csc_matrix((6, 0), dtype=bool), WEIGHTS, NONE_EXISTING)
    with pytest.raises(EngineError):
        place(matrix, np.zeros(6), NONE_EXISTING)
    with pytest.raises(EngineError):
        place(matrix_of([{0}], 6), WEIGHTS, NONE_EXISTING, mode="target", target_pct=50.0)
    with pytest.raises(EngineError):
        place(matrix, WEIGHTS, NONE_EXISTING, mode="budget")
    # Zero-weight demand is ignored, not an error.
    weights = np.array([0.0, 0.0, 0.0, 1.0, 1.0, 1.0])
    assert place(matrix, weights, NONE_EXISTING, count=1).selected == [2]


def test_coverage_matrix_uses_propagation_and_obstruction():
    grid = Grid.from_bounds(0.0, 0.0, 400.0, 400.0, 2.0)
    wall = box(230.0, 100.0, 240.0, 300.0)
    obstruction = build_obstruction(grid, buildings=[(wall, 15.0)])
    houses = [box(260.0, 190.0, 270.0, 210.0), box(150.0, 190.0, 160.0, 210.0), Point(700.0, 10.0)]
    cells = demand_cells(grid, houses, [10.0, 10.0, 5.0])
    settings = RadioSettings(environment="urban", threshold=-75.0)
    sites = [Hotspot(1, 201.0, 199.0), Hotspot(2, 281.0, 199.0), Hotspot(3, -10.0, 5.0)]
    matrix = coverage_matrix(obstruction, sites, cells, settings).toarray()
    # Site 1 (west of the wall) reaches the west house only; site 2 (east) the east house;
    # the point outside the grid and the site outside the grid take part in nothing.
    assert matrix.tolist() == [[False, True, False], [True, False, False], [False, False, False]]


def test_sites_that_add_nothing_are_not_recommended():
    matrix = matrix_of([{0, 1}, {0}, {1}, set()], 3)
    result = place(matrix, np.ones(3), np.zeros(3, bool), count=4)
    assert result.selected == [0] and result.gains == [2.0]
    assert result.after_pct == pytest.approx(200 / 3)
