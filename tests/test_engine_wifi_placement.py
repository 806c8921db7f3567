"""Hotspot placement (MCLP) engine: plans with a proven bound (LP relaxation, branch-and-bound),
greedy + swap, reductions, modes (no QGIS)."""

from __future__ import annotations

import itertools
import math
import sys

import numpy as np
import pytest
from scipy import sparse
from shapely.geometry import Point, box

from territoire_numerique.engine.errors import EngineError
from territoire_numerique.engine.wifi_placement import (
    _Problem,
    _undominated,
    coverage_matrix,
    merge_rows,
    place,
)
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
    assert exact.objective == 6.0 and exact.gap == 0.0 and exact.optimal
    assert exact.bound == 6.0 and exact.bound_method
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
            if exact:  # the target gap is 0.5 %: proven optimal here (integral weights)
                assert result.objective == optimum and result.gap == 0.0


def exhaustive(dense: np.ndarray, weights: np.ndarray, mode: str, k: int, costs: np.ndarray, limit: float):
    """Optimum by trying every subset: count (≤ k sites, max weight), budget (cost ≤ limit, max
    weight), target (weight ≥ limit, min cost when costs differ, else min number of sites)."""
    n = dense.shape[1]
    best = None
    for size in range(n + 1):
        for chosen in itertools.combinations(range(n), size):
            covered = float(weights[dense[:, list(chosen)].any(axis=1)].sum()) if chosen else 0.0
            cost = float(costs[list(chosen)].sum())
            if (mode == "count" and size <= k) or (mode == "budget" and cost <= limit + 1e-9):
                value = covered
            elif mode == "target" and covered >= limit - 1e-9:
                value = cost if np.ptp(costs) > 0 else float(size)
            else:
                continue
            if best is None or (value < best if mode == "target" else value > best):
                best = value
    return best


def random_instances(seed: int, count: int):
    """Small random instances of every mode, with their exhaustive optimum."""
    generator = np.random.default_rng(seed)
    for n in range(count):
        mode = MODES_CYCLE[n % 3]
        dense = generator.random((40, 10)) < 0.18
        weights = generator.integers(1, 20, 40).astype(float)
        costs = generator.integers(1, 6, 10).astype(float) if n % 2 else np.ones(10)
        k = int(generator.integers(2, 5))
        limit = {"count": 0.0, "budget": float(generator.integers(4, 12)), "target": 0.0}[mode]
        reachable = float(weights[dense.any(axis=1)].sum())
        if mode == "target":
            limit = round(float(generator.uniform(0.4, 0.9)) * reachable)
        kwargs = {"mode": mode, "count": k, "costs": costs}
        if mode == "budget":
            kwargs["budget"] = limit
        if mode == "target":
            kwargs["target_pct"] = 100.0 * limit / weights.sum()
        yield dense, weights, kwargs, exhaustive(dense, weights, mode, k, costs, limit)


MODES_CYCLE = ("count", "budget", "target")


@pytest.mark.parametrize("solver", ["scipy", "highspy"])
def test_reported_optimum_equals_exhaustive_search_in_every_mode(solver, monkeypatch):
    """Target gap 0: the plan is the exhaustive optimum and the bound proves it, by the LP
    relaxation or branch-and-bound (SciPy's HiGHS, or highspy when installed)."""
    if solver == "scipy":
        monkeypatch.setitem(sys.modules, "highspy", None)  # import fails: SciPy's milp
    else:
        pytest.importorskip("highspy")
    methods = set()
    for dense, weights, kwargs, optimum in random_instances(19, 36):
        result = place(sparse.csc_matrix(dense), weights, np.zeros(40, bool), gap_target=0.0, **kwargs)
        assert result.objective == pytest.approx(optimum) and result.gap == 0.0 and result.optimal
        assert result.bound == pytest.approx(optimum)
        methods.add(result.bound_method)
    assert {"LP relaxation (interior point)", "branch-and-bound"} <= methods


def test_bound_is_valid_and_gap_honest_at_every_stopping_point():
    """Stopped after greedy + swap (exact=False) or after the LP (target gap 100 %): the bound is
    on the right side of the exhaustive optimum and the gap never smaller than the true one."""
    for dense, weights, kwargs, optimum in random_instances(7, 30):
        for options in ({"exact": False}, {"gap_target": 1.0}):
            result = place(sparse.csc_matrix(dense), weights, np.zeros(40, bool), **kwargs, **options)
            if kwargs["mode"] == "target":
                assert result.bound <= optimum + 1e-9 <= result.objective + 2e-9
                true_gap = (result.objective - optimum) / result.objective
            else:
                assert result.bound >= optimum - 1e-9 >= result.objective - 2e-9
                true_gap = (optimum - result.objective) / optimum
            assert math.isfinite(result.gap) and result.gap >= true_gap - 1e-12
            assert result.bound_method


def test_lagrangian_bound_holds_for_any_duals():
    """The bound is computed from the LP duals by a formula valid for any u ≥ 0, so solver
    tolerances cannot make it wrong: checked with random duals against the exhaustive optimum."""
    generator = np.random.default_rng(3)
    for dense, weights, kwargs, optimum in random_instances(5, 12):
        mode = kwargs["mode"]
        limit = kwargs.get("budget") or (kwargs.get("target_pct", 0.0) * weights.sum() / 100.0)
        problem = _Problem(sparse.csr_matrix(dense), weights, kwargs["costs"], mode, kwargs["count"],
                           kwargs.get("budget"), limit if mode == "target" else 0.0)
        for _ in range(20):
            u = generator.random(40) * weights * 1.5
            mu = float(generator.random() * 2)
            bound = problem.lagrangian(u, mu)
            assert bound <= optimum + 1e-9 if mode == "target" else bound >= optimum - 1e-9


def test_dominated_candidates_and_identical_rows_are_reduced():
    # 1 ⊂ 0; 3 = 2 (the first kept); 4 covers nothing; with costs, 1 is kept when cheaper.
    matrix = matrix_of([{0, 1, 2}, {1, 2}, {3, 4}, {3, 4}, set()], 6)
    assert _undominated(sparse.csr_matrix(matrix), None).tolist() == [0, 2]
    costs = np.array([5.0, 1.0, 2.0, 2.0, 1.0])
    assert _undominated(sparse.csr_matrix(matrix), costs).tolist() == [0, 1, 2]
    result = place(matrix, np.ones(6), np.zeros(6, bool), count=2)
    assert result.reduced == (2, 2) and sorted(result.selected) == [0, 2]


def test_fixing_and_branch_and_bound_close_a_fractional_lp():
    """A random instance whose LP relaxation is fractional: branch-and-bound on the instance shrunk
    by reduced-cost fixing proves a plan at least as good as greedy + swap."""
    generator = np.random.default_rng(6)  # small enough for branch-and-bound to end well in time
    matrix = sparse.random(500, 40, density=0.05, random_state=generator, format="csc") > 0
    weights = generator.integers(1, 50, 500).astype(float)
    relaxed = place(matrix, weights, np.zeros(500, bool), count=5, gap_target=1.0)
    assert relaxed.gap > 0.0  # the LP alone does not prove it
    result = place(matrix, weights, np.zeros(500, bool), count=5, gap_target=0.0, time_limit=600.0)
    greedy = place(matrix, weights, np.zeros(500, bool), count=5, exact=False)
    assert result.gap == 0.0 and result.bound_method == "branch-and-bound"
    assert greedy.objective <= result.objective <= relaxed.bound
    assert result.objective >= relaxed.objective


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
    assert exact.gap <= 0.005
    assert heuristic.objective <= exact.bound + 1e-9
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
    # Nothing left to cover (the existing hotspots reach it all): an empty plan, proven optimal.
    for options in ({"count": 2}, {"mode": "target", "target_pct": 50.0}, {"mode": "budget", "budget": 1.0}):
        done = place(matrix, WEIGHTS, np.ones(6, bool), costs=np.ones(3), **options)
        assert done.selected == [] and done.objective == 0.0 and done.bound == 0.0 and done.optimal
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
