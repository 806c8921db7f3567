"""Where to put the next Wi-Fi hotspots: maximal covering location problem (MCLP).

The coverage of each candidate site is computed with the propagation model and obstruction of
:mod:`wifi_propagation` as a sparse demand × candidate matrix.  Demand already covered by the
existing hotspots is removed, identical demand rows are merged, then the problem is solved
exactly with HiGHS (``scipy.optimize.milp``) within a time limit; greedy + swap local search is
the fallback (and the answer when HiGHS finds nothing better in time).
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import optimize, sparse

from .errors import EngineError
from .wifi_propagation import DemandCells, Hotspot, Obstruction, Progress, RadioSettings, hotspot_field

MODES = ("count", "target", "budget")


def coverage_matrix(
    obstruction: Obstruction,
    sites: Sequence[Hotspot],
    demand: DemandCells,
    settings: RadioSettings,
    progress: Progress | None = None,
) -> sparse.csc_matrix:
    """Boolean demand × site matrix: True where the site's signal reaches ``settings.threshold``
    on at least one cell of the demand feature (sites outside the grid cover nothing)."""
    grid = obstruction.grid
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    for j, site in enumerate(sites):
        result = hotspot_field(obstruction, site, settings)
        if result is not None:
            local_r, local_c = np.nonzero(result.rssi >= settings.threshold)
            flat = (local_r + result.rows.start) * grid.n_cols + (local_c + result.cols.start)
            hit = demand.hit_by_cells(flat)
            rows.append(hit)
            cols.append(np.full(len(hit), j, np.int64))
        if progress:
            progress(100.0 * (j + 1) / max(len(sites), 1))
    r = np.concatenate(rows) if rows else np.zeros(0, np.int64)
    c = np.concatenate(cols) if cols else np.zeros(0, np.int64)
    return sparse.csc_matrix((np.ones(len(r), bool), (r, c)), shape=(len(demand.weights), len(sites)))


def merge_rows(matrix: sparse.spmatrix, weights: np.ndarray) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Drop demand covered by no site and merge demand covered by the same set of sites (weights add)."""
    csr = sparse.csr_matrix(matrix, dtype=bool)
    csr.sort_indices()
    keep = np.flatnonzero((np.diff(csr.indptr) > 0) & (weights > 0))
    keys: dict[bytes, int] = {}
    group = np.empty(len(keep), np.int64)
    for n, i in enumerate(keep):
        key = csr.indices[csr.indptr[i] : csr.indptr[i + 1]].tobytes()
        group[n] = keys.setdefault(key, len(keys))
    merged_weights = np.bincount(group, weights=weights[keep], minlength=len(keys))
    first = np.zeros(len(keys), np.int64)
    first[group[::-1]] = keep[::-1]
    return csr[first], merged_weights


@dataclass
class Placement:
    """The solution: selected sites (indices into the candidates) in rank order and how it was found."""

    selected: list[int]
    gains: list[float]  # marginal demand weight of each selected site, in rank order
    method: str  # "HiGHS MILP (optimal)", "HiGHS MILP (time limit)", "greedy + swap"
    objective: float  # optimised value: weight covered by new sites (count, budget); sites or cost (target)
    bound: float  # best known upper bound (count/budget) or lower bound (target) of the objective
    covered_weight: float  # demand weight covered by the new sites beyond the existing ones
    gap: float  # relative optimality gap (0 = proven optimal; NaN = unknown)
    total_weight: float
    existing_weight: float  # covered by the existing hotspots alone
    curve: list[tuple[int, float, bool]] = field(default_factory=list)  # (k, weight covered, in solution)

    @property
    def before_pct(self) -> float:
        return 100.0 * self.existing_weight / self.total_weight if self.total_weight else 0.0

    @property
    def after_pct(self) -> float:
        covered = self.existing_weight + self.covered_weight
        return 100.0 * covered / self.total_weight if self.total_weight else 0.0


def place(
    matrix: sparse.spmatrix,
    weights: np.ndarray,
    existing_covered: np.ndarray,
    mode: str = "count",
    count: int = 10,
    target_pct: float = 90.0,
    budget: float | None = None,
    costs: np.ndarray | None = None,
    time_limit: float = 60.0,
    exact: bool = True,
) -> Placement:
    """Solve the MCLP for the candidates of ``matrix`` (demand × candidates, boolean).

    ``count``: at most ``count`` new sites maximising the covered weight (and cost ≤ ``budget``
    when given); ``target``: fewest new sites (cheapest with costs) reaching ``target_pct`` % of
    the total weight including the existing coverage; ``budget``: maximum covered weight with
    total cost ≤ ``budget``.  ``exact=False`` skips HiGHS (greedy + swap only).
    """
    weights = np.asarray(weights, dtype=np.float64)
    n_sites = matrix.shape[1]
    if mode not in MODES:
        raise EngineError("Unknown placement mode {mode}.", mode=mode)
    if n_sites == 0:
        raise EngineError("There is no candidate site to choose from.")
    total = float(weights.sum())
    if total <= 0:
        raise EngineError("The total demand weight is zero: nothing to cover.")
    costs = np.ones(n_sites) if costs is None else np.asarray(costs, dtype=np.float64)
    if np.any(~np.isfinite(costs)) or np.any(costs < 0):
        raise EngineError("Candidate costs must be finite and not negative.")
    if mode == "count" and count < 1:
        raise EngineError("The number of new hotspots must be at least 1.")
    if mode == "budget" and (budget is None or budget <= 0):
        raise EngineError("The budget mode needs a positive budget.")
    existing_weight = float(weights[existing_covered].sum())
    open_weights = np.where(existing_covered, 0.0, weights)
    reduced, merged = merge_rows(matrix, open_weights)
    k = min(count, n_sites) if mode == "count" else n_sites
    needed = 0.0
    if mode == "target":
        if not 0.0 < target_pct <= 100.0:
            raise EngineError("The target must be between 0 and 100 % (got {value}).", value=target_pct)
        needed = max(0.0, target_pct / 100.0 * total - existing_weight)
        reachable = float(merged.sum())
        if needed > reachable + 1e-9:
            raise EngineError(
                "The target of {target} % cannot be reached: all candidates together cover {best} % "
                "of the demand.",
                target=target_pct,
                best=round(100.0 * (existing_weight + reachable) / total, 1),
            )

    started = time.monotonic()
    target_needed = needed if mode == "target" else None
    greedy_sel, greedy_bounds = _greedy(
        reduced, merged, costs, k, budget, target_needed, bound_k=_bound_k(mode, budget, k)
    )
    remaining = max(0.0, time_limit - (time.monotonic() - started))
    heuristic = _swap(
        reduced,
        merged,
        costs,
        greedy_sel,
        budget,
        target_needed,
        deadline=time.monotonic() + remaining / 4,
    )
    heuristic_obj = _covered_weight(reduced, merged, heuristic)
    if _bound_k(mode, budget, k):
        greedy_bounds.append(_online_bound(reduced, merged, heuristic, k))
    remaining = max(1.0, time_limit - (time.monotonic() - started))
    solution = _milp(reduced, merged, costs, mode, k, budget, needed, remaining) if exact else None

    if mode == "target":
        heuristic_value = _target_value(costs, heuristic)
        if solution is not None and solution[1] <= heuristic_value + 1e-9:
            selected, value, _, optimal = solution
            method = "HiGHS MILP (optimal)" if optimal else "HiGHS MILP (time limit)"
        else:
            selected, value = heuristic, heuristic_value
            method = "greedy + swap"
        objective = value
        # a lower bound of the minimum: HiGHS' dual bound, never above the value reported
        bound = min(solution[2], value) if solution is not None and not math.isnan(solution[2]) else math.nan
    else:
        if solution is not None and solution[1] >= heuristic_obj - 1e-9:
            selected, objective, _, optimal = solution
            method = "HiGHS MILP (optimal)" if optimal else "HiGHS MILP (time limit)"
        else:
            selected, objective = heuristic, heuristic_obj
            method = "greedy + swap"
        # the tightest valid upper bound of the maximum: HiGHS' dual bound and those the greedy
        # gives (count mode), never below the objective reached
        bounds = [b for b in [solution[2] if solution is not None else math.nan, *greedy_bounds]
                  if not math.isnan(b)]
        bound = max(min(bounds), objective) if bounds else math.nan

    ranked, gains = _rank(reduced, merged, selected)
    placement = Placement(
        selected=ranked,
        gains=gains,
        method=method,
        objective=float(objective),
        bound=float(bound),
        covered_weight=_covered_weight(reduced, merged, selected),
        gap=_gap(objective, bound),
        total_weight=total,
        existing_weight=existing_weight,
    )
    placement.curve = _curve(reduced, merged, ranked, gains, existing_weight, extra=max(len(ranked), 1))
    return placement


def _bound_k(mode: str, budget: float | None, k: int) -> int:
    """k when the greedy gives valid upper bounds (at most k sites, no budget), else 0."""
    return k if mode == "count" and budget is None else 0


def _gap(value: float, bound: float) -> float:
    """Relative optimality gap |bound − value| / max(|bound|, |value|); NaN when no bound is known.

    With ``bound`` an upper bound of the maximum (a lower bound of the minimum), this is never
    smaller than the true gap |optimum − value| / max(|optimum|, |value|).
    """
    if math.isnan(bound) or math.isinf(bound):
        return math.nan
    scale = max(abs(bound), abs(value))
    return abs(bound - value) / scale if scale > 0 else 0.0


def _online_bound(matrix: sparse.csr_matrix, weights: np.ndarray, selected: Sequence[int], k: int) -> float:
    """Upper bound of the best coverage with k sites from any set S: f(S) + the k largest marginal
    gains w.r.t. S (coverage is monotone submodular: Nemhauser, Wolsey & Fisher 1978)."""
    csc = sparse.csc_matrix(matrix, dtype=np.float64)
    uncovered = weights.copy()
    for site in selected:
        uncovered[csc[:, site].indices] = 0.0
    gains = csc.T @ uncovered
    return float(weights.sum() - uncovered.sum()) + _top_sum(gains, k)


def _top_sum(values: np.ndarray, k: int) -> float:
    """Sum of the k largest values (all of them when there are fewer)."""
    if k >= len(values):
        return float(values.sum())
    return float(np.partition(values, len(values) - k)[len(values) - k :].sum())


def _covered_weight(matrix: sparse.csr_matrix, weights: np.ndarray, selected: Sequence[int]) -> float:
    if len(selected) == 0:
        return 0.0
    hit = np.asarray(matrix[:, list(selected)].sum(axis=1)).ravel() > 0
    return float(weights[hit].sum())


def _greedy(
    matrix: sparse.csr_matrix,
    weights: np.ndarray,
    costs: np.ndarray,
    k: int,
    budget: float | None,
    needed: float | None,
    bound_k: int = 0,
) -> tuple[list[int], list[float]]:
    """Greedy by marginal weight (per unit cost when a budget or a target with costs applies).

    With ``bound_k`` > 0 (at most ``bound_k`` sites, no budget) also returns upper bounds of the
    optimum: the (1 − 1/e) guarantee, objective / (1 − 1/e), and at every step f(S) + the
    ``bound_k`` largest marginal gains; otherwise an empty list.
    """
    csc = sparse.csc_matrix(matrix, dtype=np.float64)
    uncovered = weights.copy()
    selected: list[int] = []
    bounds: list[float] = []
    spent, covered = 0.0, 0.0
    per_cost = budget is not None or (needed is not None and np.ptp(costs) > 0)
    while len(selected) < k:
        if needed is not None and covered >= needed - 1e-9:
            break
        gains = csc.T @ uncovered
        if bound_k:
            bounds.append(covered + _top_sum(gains, bound_k))
        gains[selected] = -1.0
        if budget is not None:
            gains[costs > budget - spent + 1e-9] = -1.0
        score = gains / np.maximum(costs, 1e-9) if per_cost else gains
        score[gains <= 0] = -1.0
        best = int(np.argmax(score))
        if score[best] <= 0:
            break
        selected.append(best)
        spent += costs[best]
        covered += gains[best]
        uncovered[csc[:, best].indices] = 0.0
    if bound_k:
        bounds.append(_covered_weight(matrix, weights, selected) / (1.0 - 1.0 / math.e))
    return selected, bounds


def _swap(
    matrix: sparse.csr_matrix,
    weights: np.ndarray,
    costs: np.ndarray,
    selected: list[int],
    budget: float | None,
    needed: float | None,
    deadline: float,
) -> list[int]:
    """Local search: replace one site by a better one (count/budget), drop redundant ones (target)."""
    csc = sparse.csc_matrix(matrix, dtype=np.float64)
    current = list(selected)
    times = np.asarray(csc[:, current].sum(axis=1)).ravel() if current else np.zeros(len(weights))
    if needed is not None:  # target mode: drop sites, costliest first, while the target holds
        for site in sorted(current, key=lambda j: -costs[j]):
            column = csc[:, site].indices
            loss = float(weights[column][times[column] == 1].sum())
            if _weight(times, weights) - loss >= needed - 1e-9:
                current.remove(site)
                times[column] -= 1
        return current
    improved = True
    while improved and time.monotonic() < deadline:
        improved = False
        for site in list(current):
            column = csc[:, site].indices
            times[column] -= 1
            loss = float(weights[column][times[column] == 0].sum())
            gains = csc.T @ np.where(times == 0, weights, 0.0)
            gains[current] = -1.0
            if budget is not None:
                spent = float(costs[current].sum()) - costs[site]
                gains[costs > budget - spent + 1e-9] = -1.0
            best = int(np.argmax(gains))
            if gains[best] > loss + 1e-9:
                current[current.index(site)] = best
                times[csc[:, best].indices] += 1
                improved = True
            else:
                times[column] += 1
            if time.monotonic() >= deadline:
                break
    return current


def _target_value(costs: np.ndarray, selected: Sequence[int]) -> float:
    """What the target mode minimises: total cost when costs differ, else the number of sites."""
    return float(costs[list(selected)].sum()) if np.ptp(costs) > 0 else float(len(selected))


def _weight(times: np.ndarray, weights: np.ndarray) -> float:
    return float(weights[times > 0].sum())


def _milp(
    matrix: sparse.csr_matrix,
    weights: np.ndarray,
    costs: np.ndarray,
    mode: str,
    k: int,
    budget: float | None,
    needed: float,
    time_limit: float,
) -> tuple[list[int], float, float, bool] | None:
    """Exact MCLP with HiGHS: (selected, objective, bound, proven optimal) or None if no solution.

    Variables: x_j ∈ {0,1} per site, y_i ∈ [0,1] per merged demand row; y_i ≤ Σ_j a_ij·x_j.
    """
    m, n = matrix.shape
    a = sparse.csr_matrix(matrix, dtype=np.float64)
    link = sparse.hstack([-a, sparse.identity(m, format="csr")], format="csr")
    constraints = [optimize.LinearConstraint(link, -np.inf, 0.0)]
    if mode == "count":
        constraints.append(
            optimize.LinearConstraint(
                sparse.hstack([np.ones((1, n)), sparse.csr_matrix((1, m))], format="csr"), 0, k
            )
        )
    if budget is not None and mode in ("count", "budget"):
        constraints.append(
            optimize.LinearConstraint(
                sparse.hstack([costs[None, :], sparse.csr_matrix((1, m))], format="csr"), 0, budget
            )
        )
    if mode == "target":
        reach = sparse.hstack([sparse.csr_matrix((1, n)), weights[None, :]], format="csr")
        constraints.append(optimize.LinearConstraint(reach, needed - 1e-9, np.inf))
        if budget is not None:
            constraints.append(
                optimize.LinearConstraint(
                    sparse.hstack([costs[None, :], sparse.csr_matrix((1, m))], format="csr"), 0, budget
                )
            )
        objective = np.concatenate([costs if np.ptp(costs) > 0 else np.ones(n), np.zeros(m)])
    else:
        objective = np.concatenate([np.zeros(n), -weights])
    integrality = np.concatenate([np.ones(n), np.zeros(m)])
    result = optimize.milp(
        objective,
        constraints=constraints,
        integrality=integrality,
        bounds=optimize.Bounds(0, 1),
        options={"time_limit": float(time_limit), "disp": False},
    )
    if result.x is None:
        return None
    selected = [int(j) for j in np.flatnonzero(result.x[:n] > 0.5)]
    optimal = result.status == 0
    dual = getattr(result, "mip_dual_bound", None)
    dual = float(dual) if dual is not None and math.isfinite(dual) else math.nan
    # HiGHS stops as "optimal" within its relative gap tolerance (1e-4): keep its dual bound
    # then too, so that the gap reported is never smaller than the true one.
    if mode == "target":
        value = _target_value(costs, selected)
        bound = dual
    else:
        value = _covered_weight(matrix, weights, selected)
        bound = -dual
    if math.isnan(bound):
        bound = value if optimal else math.nan
    elif optimal and abs(bound - value) <= 1e-9 * max(1.0, abs(value)):
        bound = value  # rounding noise of a proven optimum
    return selected, value, bound, optimal


def _rank(
    matrix: sparse.csr_matrix, weights: np.ndarray, selected: Sequence[int]
) -> tuple[list[int], list[float]]:
    """Order the selected sites by marginal gain (greedy order restricted to the selection); sites
    that add nothing (a solver may pick them when k exceeds what is useful) are left out."""
    csc = sparse.csc_matrix(matrix, dtype=np.float64)
    remaining = list(selected)
    uncovered = weights.copy()
    ranked: list[int] = []
    gains: list[float] = []
    while remaining:
        values = csc[:, remaining].T @ uncovered
        best = int(np.argmax(values))
        if values[best] <= 0:
            break
        site = remaining.pop(best)
        ranked.append(site)
        gains.append(float(values[best]))
        uncovered[csc[:, site].indices] = 0.0
    return ranked, gains


def _curve(
    matrix: sparse.csr_matrix,
    weights: np.ndarray,
    ranked: list[int],
    gains: list[float],
    existing_weight: float,
    extra: int,
) -> list[tuple[int, float, bool]]:
    """Coverage curve: k = 0 (existing only), the solution in rank order, then up to ``extra``
    further sites chosen greedily beyond the solution (marked not in the solution)."""
    curve = [(0, existing_weight, True)]
    covered = existing_weight
    for k, gain in enumerate(gains, start=1):
        covered += gain
        curve.append((k, covered, True))
    csc = sparse.csc_matrix(matrix, dtype=np.float64)
    uncovered = weights.copy()
    for site in ranked:
        uncovered[csc[:, site].indices] = 0.0
    chosen = set(ranked)
    for k in range(len(ranked) + 1, len(ranked) + extra + 1):
        gains_all = csc.T @ uncovered
        gains_all[list(chosen)] = -1.0
        best = int(np.argmax(gains_all)) if len(gains_all) else -1
        if best < 0 or gains_all[best] <= 0:
            break
        chosen.add(best)
        covered += float(gains_all[best])
        uncovered[csc[:, best].indices] = 0.0
        curve.append((k, covered, False))
    return curve
