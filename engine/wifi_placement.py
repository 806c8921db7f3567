"""Where to put the next Wi-Fi hotspots: maximal covering location problem (MCLP).

The coverage of each candidate site is computed with the propagation model and obstruction of
:mod:`wifi_propagation` as a sparse demand × candidate matrix.  Demand already covered by the
existing hotspots is removed, identical demand rows are merged and dominated candidates dropped;
greedy + swap and the rounded LP relaxation (interior point) give the plan, the LP duals a proven
bound, and branch-and-bound (HiGHS) runs only while the gap is above the target, within the time
limit.  Every plan comes with its bound and gap.
"""

from __future__ import annotations

import functools
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from . import wifi_solver
from .errors import Cancelled, EngineError, Message
from .options import spec_of
from .wifi_options import PlacementOptions
from .wifi_propagation import DemandCells, Hotspot, Obstruction, Progress, RadioSettings, hotspot_fields

#: The dialog's defaults, stated once in the options (engine/wifi_options.py).
_DEFAULTS = PlacementOptions()

MODES = tuple(choice.key for choice in spec_of(PlacementOptions, "mode").choices)


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
    for j, (_, result) in enumerate(hotspot_fields(obstruction, sites, settings)):
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


def merge_rows(
    matrix: sparse.spmatrix, weights: np.ndarray, check: Callable[[], None] | None = None
) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Drop demand covered by no site and merge demand covered by the same set of sites (weights add)."""
    csr = sparse.csr_matrix(matrix, dtype=bool)
    csr.sort_indices()
    keep = np.flatnonzero((np.diff(csr.indptr) > 0) & (weights > 0))
    keys: dict[bytes, int] = {}
    group = np.empty(len(keep), np.int64)
    for n, i in enumerate(keep):
        if check is not None and n % 8192 == 0:
            check()
        key = csr.indices[csr.indptr[i] : csr.indptr[i + 1]].tobytes()
        group[n] = keys.setdefault(key, len(keys))
    merged_weights = np.bincount(group, weights=weights[keep], minlength=len(keys))
    first = np.zeros(len(keys), np.int64)
    first[group[::-1]] = keep[::-1]
    return csr[first], merged_weights


GAP_TARGET = 0.005  # branch-and-bound runs only while the proven gap is above this (0.5 %)


@dataclass
class Placement:
    """The solution: selected sites (indices into the candidates) in rank order and its certificate.

    ``objective`` is the value of the plan, ``bound`` a proven bound of the best possible value
    (upper for count/budget, lower for target) and ``gap`` = |bound − objective| / max(|bound|,
    |objective|): the plan is within ``gap`` of the best possible.
    """

    selected: list[int]
    gains: list[float]  # marginal demand weight of each selected site, in rank order
    method: str  # how the plan was found: "greedy + swap", "rounded LP relaxation", "HiGHS branch-and-bound"
    objective: float  # optimised value: weight covered by new sites (count, budget); sites or cost (target)
    bound: float  # proven upper bound (count/budget) or lower bound (target) of the objective
    covered_weight: float  # demand weight covered by the new sites beyond the existing ones
    gap: float  # relative optimality gap (0 = proven optimal)
    total_weight: float
    existing_weight: float  # covered by the existing hotspots alone
    bound_method: str = ""  # how the bound was proven (LP relaxation, branch-and-bound, greedy)
    reduced: tuple[int, int] = (0, 0)  # (merged demand rows, candidates kept) of the reduced instance
    seconds: dict[str, float] = field(default_factory=dict)  # time per step: reduction, heuristic, lp, ...
    curve: list[tuple[int, float, bool]] = field(default_factory=list)  # (k, weight covered, in solution)

    @property
    def before_pct(self) -> float:
        return 100.0 * self.existing_weight / self.total_weight if self.total_weight else 0.0

    @property
    def after_pct(self) -> float:
        covered = self.existing_weight + self.covered_weight
        return 100.0 * covered / self.total_weight if self.total_weight else 0.0

    @property
    def optimal(self) -> bool:
        """Proven optimal: the bound equals the objective (to rounding)."""
        return self.gap <= 1e-9


def place(
    matrix: sparse.spmatrix,
    weights: np.ndarray,
    existing_covered: np.ndarray,
    mode: str = _DEFAULTS.mode,
    count: int = _DEFAULTS.count,
    target_pct: float = _DEFAULTS.target_pct,
    budget: float | None = None,
    costs: np.ndarray | None = None,
    time_limit: float = _DEFAULTS.time_limit,
    exact: bool = True,
    gap_target: float = GAP_TARGET,
    cancelled: Callable[[], bool] | None = None,
    log: Callable[[Message], None] = lambda _message: None,
) -> Placement:
    """Solve the MCLP for the candidates of ``matrix`` (demand × candidates, boolean), with a bound.

    ``count``: at most ``count`` new sites maximising the covered weight (and cost ≤ ``budget``
    when given); ``target``: fewest new sites (cheapest with costs) reaching ``target_pct`` % of
    the total weight including the existing coverage; ``budget``: maximum covered weight with
    total cost ≤ ``budget``.

    Steps: reduce (merge identical demand rows, drop dominated candidates); greedy + swap; the LP
    relaxation by interior point, whose duals give a bound valid whatever the solver's tolerances
    (Lagrangian bound) and whose rounding is a second plan; then, only while the gap is above
    ``gap_target`` and within ``time_limit`` s, branch-and-bound (HiGHS: ``highspy`` when
    installed, else ``scipy.optimize.milp``).  ``exact=False`` stops after greedy + swap (bounds:
    submodularity and single-site coverages).

    ``cancelled``: polled in every loop (:class:`Cancelled` once it returns True); the large HiGHS
    solves then run in a child process killed on Cancel (``log`` says when that is not possible).
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
    check = _checker(cancelled)
    solver = _Solver(cancelled, log)
    started = time.monotonic()
    deadline = started + time_limit
    reduced, merged = merge_rows(matrix, open_weights, check)
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
    cost_matters = budget is not None or (mode == "target" and np.ptp(costs) > 0)
    keep = _undominated(reduced, costs if cost_matters else None, check)
    core, core_weights = merge_rows(reduced[:, keep], merged, check)
    problem = _Problem(core, core_weights, costs[keep], mode, k, budget, needed)
    seconds = {"reduction": time.monotonic() - started}

    clock = time.monotonic()
    target_needed = needed if mode == "target" else None
    bound_k = _bound_k(mode, budget, k)
    greedy_sel, greedy_bounds = _greedy(
        core, core_weights, problem.costs, k, budget, target_needed, bound_k=bound_k, check=check
    )
    swap_deadline = min(deadline, time.monotonic() + max(time_limit / 4, 0.1))
    heuristic = _swap(
        core, core_weights, problem.costs, greedy_sel, budget, target_needed, swap_deadline, check
    )
    plans = [(heuristic, "greedy + swap")]
    bounds = [(b, "greedy (submodularity)") for b in greedy_bounds]
    if bound_k:
        bounds.append((_online_bound(core, core_weights, heuristic, k), "greedy (submodularity)"))
    bounds.append((problem.simple_bound(), "single-site coverages"))
    seconds["heuristic"] = time.monotonic() - clock
    duals = None
    if exact:
        clock = time.monotonic()
        relaxation = _lp_relaxation(problem, max(deadline - time.monotonic(), 1.0), solver)
        seconds["lp"] = time.monotonic() - clock
        if relaxation is not None:
            x, duals, mu = relaxation
            bounds.append((problem.lagrangian(duals, mu), "LP relaxation (interior point)"))
            rounded = _swap(
                core,
                core_weights,
                problem.costs,
                problem.round(x),
                budget,
                target_needed,
                swap_deadline,
                check,
            )
            plans.append((rounded, "rounded LP relaxation"))
    selected, method, objective = problem.best(plans)
    bound, bound_method = problem.tightest(bounds, objective)
    gap = _gap(objective, bound)
    if exact and gap > gap_target and time.monotonic() < deadline - 0.5:
        clock = time.monotonic()
        left = deadline - time.monotonic()
        found = _branch_and_bound(problem, objective, duals, gap_target, left, solver)
        seconds["branch_and_bound"] = time.monotonic() - clock
        if found is not None:
            plan, plan_bound = found
            selected, method, objective = problem.best([(selected, method), (plan, "HiGHS branch-and-bound")])
            bound, bound_method = problem.tightest(
                [(bound, bound_method), (plan_bound, "branch-and-bound")], objective
            )
            gap = _gap(objective, bound)
    chosen = [int(keep[j]) for j in selected]
    ranked, gains = _rank(reduced, merged, chosen, check)
    placement = Placement(
        selected=ranked,
        gains=gains,
        method=method,
        objective=float(objective),
        bound=float(bound),
        covered_weight=_covered_weight(reduced, merged, chosen),
        gap=gap,
        total_weight=total,
        existing_weight=existing_weight,
        bound_method=bound_method,
        reduced=core.shape,
        seconds=seconds,
    )
    placement.curve = _curve(
        reduced, merged, ranked, gains, existing_weight, extra=max(len(ranked), 1), check=check
    )
    return placement


def _checker(cancelled: Callable[[], bool] | None) -> Callable[[], None]:
    """A function that raises :class:`Cancelled` once ``cancelled()`` is True."""

    def check() -> None:
        if cancelled is not None and cancelled():
            raise Cancelled()

    return check


def _no_check() -> None:
    """The check of a run that cannot be cancelled."""


def _undominated(
    matrix: sparse.csr_matrix, costs: np.ndarray | None, check: Callable[[], None] = _no_check
) -> np.ndarray:
    """Candidates kept: a candidate whose covered demand is contained in another's, at a cost not
    lower (when costs matter), is dropped; of identical ones the first is kept.  Sites covering
    nothing are dropped (all of them when none covers anything: one is kept)."""
    csc = sparse.csc_matrix(matrix, dtype=np.float64)
    n = csc.shape[1]
    size = np.diff(csc.indptr)
    cost = np.zeros(n) if costs is None else costs
    dropped = size == 0
    transposed = csc.T.tocsr()
    for first in range(0, n, 512):
        check()
        inter = (transposed[first : first + 512] @ csc).tocoo()
        j, other = inter.row + first, inter.col
        inside = (j != other) & (inter.data == size[j]) & (cost[j] >= cost[other])
        same = (size[j] == size[other]) & (cost[j] == cost[other])
        dropped[j[inside & (~same | (j > other))]] = True
    kept = np.flatnonzero(~dropped)
    return kept if len(kept) else np.array([0])


class _Problem:
    """One MCLP instance (reduced): its model, value, feasibility, rounding and Lagrangian bound."""

    def __init__(
        self,
        matrix: sparse.spmatrix,
        weights: np.ndarray,
        costs: np.ndarray,
        mode: str,
        k: int,
        budget: float | None,
        needed: float,
    ) -> None:
        self.matrix = sparse.csr_matrix(matrix, dtype=np.float64)
        self.csc = self.matrix.tocsc()
        self.weights, self.costs, self.mode, self.k = weights, costs, mode, k
        self.budget, self.needed = budget, needed
        self.unit = np.ptp(costs) == 0  # target mode minimises the number of sites
        self.maximise = mode != "target"
        values = weights if self.maximise else costs  # the optimum is an integer when these are
        self.integral = bool(np.all(values == np.round(values)))

    def value(self, selected: Sequence[int]) -> float:
        if self.maximise:
            return _covered_weight(self.matrix, self.weights, selected)
        return _target_value(self.costs, selected)

    def feasible(self, selected: Sequence[int]) -> bool:
        if len(set(selected)) != len(selected) or (self.mode == "count" and len(selected) > self.k):
            return False
        if self.budget is not None and float(self.costs[list(selected)].sum()) > self.budget + 1e-9:
            return False
        return self.maximise or _covered_weight(self.matrix, self.weights, selected) >= self.needed - 1e-9

    def best(self, plans: list[tuple[list[int], str]]) -> tuple[list[int], str, float]:
        """The best feasible plan (the first of equal ones)."""
        best = None
        for plan, method in plans:
            if not self.feasible(plan):
                continue
            value = self.value(plan)
            if best is None or (value > best[2] + 1e-9 if self.maximise else value < best[2] - 1e-9):
                best = (list(plan), method, value)
        if best is None:
            raise EngineError("No feasible plan was found.")
        return best

    def tightest(self, bounds: list[tuple[float, str]], objective: float) -> tuple[float, str]:
        """The tightest valid bound, never on the wrong side of the objective reached."""
        finite = [(self.snap(b), name) for b, name in bounds if math.isfinite(b)]
        bound, name = (min if self.maximise else max)(finite, key=lambda pair: pair[0])
        return (max(bound, objective) if self.maximise else min(bound, objective)), name

    def snap(self, bound: float) -> float:
        """A bound moved to the integer grid when the optimum is an integer (rounding noise of a
        solver's bound, 1e-9 relative, is forgiven in the optimum's favour)."""
        if not self.integral:
            return bound
        slack = 1e-9 * max(1.0, abs(bound))
        return float(math.floor(bound + slack) if self.maximise else math.ceil(bound - slack))

    def lagrangian(self, duals: np.ndarray, mu: float = 0.0) -> float:
        """Bound of the optimum valid for any duals u ≥ 0 of y_i ≤ Σ_j a_ij·x_j (and μ ≥ 0 of the
        target row): upper bound Σ max(0, w − u) + max over the relaxed x of (Aᵀu)·x (count,
        budget); lower bound μ·needed + Σ min(0, c − Aᵀu) + Σ min(0, u − μ·w) (target)."""
        u = np.maximum(duals, 0.0)
        value = self.csc.T @ u
        if self.maximise:
            options = []
            if self.mode == "count":
                options.append(_top_sum(np.maximum(value, 0.0), self.k))
            if self.budget is not None:
                options.append(_fractional_knapsack(value, self.costs, self.budget))
            return float(np.maximum(self.weights - u, 0.0).sum()) + min(options)
        objective = np.ones(len(value)) if self.unit else self.costs
        mu = max(mu, 0.0)
        bound = (
            mu * self.needed
            + float(np.minimum(objective - value, 0.0).sum())
            + float(np.minimum(u - mu * self.weights, 0.0).sum())
        )
        return max(bound, 0.0)

    def simple_bound(self) -> float:
        """The Lagrangian bound at u = μ·w: the k best single-site coverages, or the fractional
        knapsack of them under the budget (count, budget); the cheapest fractional cover of the
        target by single-site coverages (target)."""
        if self.maximise:
            return self.lagrangian(self.weights)
        covers = np.asarray(self.csc.T @ self.weights).ravel()
        objective = np.ones(len(covers)) if self.unit else self.costs
        useful = np.flatnonzero(covers > 0)
        if self.needed <= 0 or len(useful) == 0:
            return 0.0
        ratio = objective[useful] / covers[useful]
        order = useful[np.argsort(ratio, kind="stable")]
        reach = min(int(np.searchsorted(np.cumsum(covers[order]), self.needed - 1e-9)), len(order) - 1)
        mu = float(objective[order[reach]] / covers[order[reach]])
        return self.lagrangian(mu * self.weights, mu)

    def fixings(self, duals: np.ndarray, incumbent: float) -> tuple[np.ndarray, np.ndarray]:
        """Lagrangian reduced-cost fixing (count mode, no budget): sites every plan better than
        ``incumbent`` must contain, and sites none may contain."""
        u = np.maximum(duals, 0.0)
        value = np.maximum(self.csc.T @ u, 0.0)
        n = len(value)
        order = np.argsort(-value, kind="stable")
        k = min(self.k, n)
        bound = float(np.maximum(self.weights - u, 0.0).sum()) + float(value[order[:k]].sum())
        kth = value[order[k - 1]]
        next_best = value[order[k]] if k < n else 0.0
        better = incumbent + (1.0 if self.integral else 0.0) - 1e-9 * max(1.0, abs(incumbent))
        top = np.zeros(n, bool)
        top[order[:k]] = True
        fixed_in = np.flatnonzero(top & (bound - value + next_best < better))
        fixed_out = np.flatnonzero(~top & (bound - kth + value < better))
        return fixed_in, fixed_out

    def round(self, x: np.ndarray) -> list[int]:
        """A plan from the LP solution: sites by decreasing x_j, within k and the budget (count,
        budget), until the target is reached (target)."""
        order = np.lexsort((np.arange(len(x)), -x))
        selected: list[int] = []
        spent = 0.0
        uncovered = self.weights.copy()
        for j in order:
            if self.mode == "target":
                if self.weights.sum() - uncovered.sum() >= self.needed - 1e-9:
                    break
            elif x[j] <= 1e-6 or len(selected) >= self.k:
                break
            if self.budget is not None and spent + self.costs[j] > self.budget + 1e-9:
                continue
            selected.append(int(j))
            spent += self.costs[j]
            uncovered[self.csc[:, j].indices] = 0.0
        return selected

    def model(self) -> tuple[np.ndarray, sparse.csr_matrix, np.ndarray, np.ndarray]:
        """(objective to minimise, rows, row lower bounds, row upper bounds) over [x (sites), y (demand)],
        every variable in [0, 1]; the first m rows are y_i − Σ_j a_ij·x_j ≤ 0."""
        m, n = self.matrix.shape
        rows = [sparse.hstack([-self.matrix, sparse.identity(m, format="csr")], format="csr")]
        lower, upper = [np.full(m, -np.inf)], [np.zeros(m)]

        def add(row: np.ndarray, low: float, high: float) -> None:
            rows.append(sparse.csr_matrix(row[None, :]))
            lower.append(np.array([low]))
            upper.append(np.array([high]))

        if self.mode == "count":
            add(np.concatenate([np.ones(n), np.zeros(m)]), -np.inf, self.k)
        if self.budget is not None:
            add(np.concatenate([self.costs, np.zeros(m)]), -np.inf, self.budget)
        if self.mode == "target":
            add(np.concatenate([np.zeros(n), self.weights]), self.needed - 1e-9, np.inf)
            objective = np.concatenate([np.ones(n) if self.unit else self.costs, np.zeros(m)])
        else:
            objective = np.concatenate([np.zeros(n), -self.weights])
        return objective, sparse.vstack(rows, format="csr"), np.concatenate(lower), np.concatenate(upper)


def _fractional_knapsack(values: np.ndarray, costs: np.ndarray, budget: float) -> float:
    """max Σ v_j·x_j over x ∈ [0, 1] with Σ c_j·x_j ≤ budget (take by decreasing v/c)."""
    positive = values > 0
    free = positive & (costs <= 0)
    total = float(values[free].sum())
    paid = np.flatnonzero(positive & ~free)
    order = paid[np.argsort(-values[paid] / costs[paid], kind="stable")]
    spent = np.cumsum(costs[order])
    whole = spent <= budget
    total += float(values[order[whole]].sum())
    rest = order[~whole]
    if len(rest):
        left = budget - (spent[whole][-1] if whole.any() else 0.0)
        total += values[rest[0]] * max(left, 0.0) / costs[rest[0]]
    return total


def _lp_relaxation(
    problem: _Problem, time_limit: float, solver: _Solver | None = None
) -> tuple[np.ndarray, np.ndarray, float] | None:
    """LP relaxation by interior point (HiGHS IPM through ``scipy.optimize.linprog``): (x, duals u of
    the demand rows, dual μ of the target row), or None when it does not finish in time."""
    objective, rows, lower, upper = problem.model()
    job = {"kind": "lp", "objective": objective, "rows": rows, "lower": lower, "upper": upper,
           "time_limit": float(time_limit)}  # fmt: skip
    result = (solver or _Solver()).solve(job)
    if result["x"] is None:
        return None
    m, n = problem.matrix.shape
    marginals = -np.asarray(result["marginals"])
    return result["x"][:n], marginals[:m], float(marginals[-1]) if problem.mode == "target" else 0.0


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
    check: Callable[[], None] = _no_check,
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
        check()
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
    check: Callable[[], None] = _no_check,
) -> list[int]:
    """Local search: replace one site by a better one (count/budget), drop redundant ones (target)."""
    csc = sparse.csc_matrix(matrix, dtype=np.float64)
    current = list(selected)
    times = np.asarray(csc[:, current].sum(axis=1)).ravel() if current else np.zeros(len(weights))
    if needed is not None:  # target mode: drop sites, costliest first, while the target holds
        for site in sorted(current, key=lambda j: -costs[j]):
            check()
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
            check()
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


def _branch_and_bound(
    problem: _Problem,
    value: float,
    duals: np.ndarray | None,
    gap_target: float,
    time_limit: float,
    solver: _Solver | None = None,
) -> tuple[list[int], float] | None:
    """Branch-and-bound on the instance, first shrunk by Lagrangian reduced-cost fixing when the LP
    duals are known (count mode): (plan, proven bound) or None when HiGHS finds no plan in time.
    With fixing, the optimum is at most max(incumbent, optimum of the shrunk instance)."""
    n = problem.matrix.shape[1]
    sub, free, fixed_in, offset, fixed = problem, np.arange(n), np.zeros(0, np.int64), 0.0, False
    if duals is not None and problem.mode == "count" and problem.budget is None:
        fixed_in, fixed_out = problem.fixings(duals, value)
        fixed = bool(len(fixed_in) or len(fixed_out))
        if fixed:
            covered = np.asarray(problem.matrix[:, fixed_in].sum(axis=1)).ravel() > 0
            offset = float(problem.weights[covered].sum())
            free = np.setdiff1d(np.arange(n), np.union1d(fixed_in, fixed_out))
            rows = np.flatnonzero(~covered)
            matrix, weights = merge_rows(problem.matrix[rows][:, free], problem.weights[rows])
            if matrix.shape[0] == 0 or len(free) == 0 or problem.k == len(fixed_in):
                return [int(j) for j in fixed_in], max(offset, value)
            k = problem.k - len(fixed_in)
            sub = _Problem(matrix, weights, problem.costs[free], "count", k, None, 0.0)
    share = gap_target * abs(value) / max(abs(value) - offset, 1e-9)
    solved = _solve_mip(sub, share, time_limit, solver)
    if solved is None:
        return None
    plan = [int(j) for j in fixed_in] + [int(free[j]) for j in solved[0]]
    bound = offset + solved[1]
    return plan, (max(bound, value) if fixed else bound)


def _solve_mip(
    problem: _Problem, gap: float, time_limit: float, solver: _Solver | None = None
) -> tuple[list[int], float] | None:
    """HiGHS on the MILP (binary x per site): ``highspy`` when installed (a current HiGHS, interior
    point for its LPs), else ``scipy.optimize.milp``.  (plan, dual bound in the objective's sense:
    upper for count/budget, lower for target; NaN when unknown) or None without a plan."""
    objective, rows, lower, upper = problem.model()
    job = {"kind": "mip", "objective": objective, "rows": rows, "lower": lower, "upper": upper,
           "n": problem.matrix.shape[1], "gap": float(gap), "time_limit": float(time_limit)}  # fmt: skip
    result = (solver or _Solver()).solve(job)
    x = result["x"]
    if x is None:
        return None
    n = problem.matrix.shape[1]
    plan = [int(j) for j in np.flatnonzero(np.asarray(x[:n]) > 0.5)]
    dual = float(result["dual"])
    return plan, (-dual if problem.maximise else dual)


#: Models with fewer non-zeros than this are solved in this process (well under a second).
APART_MIN_NONZEROS = 20_000
#: How often a solve in a child process is checked for Cancel, s.
POLL_SECONDS = 0.2
#: The child's program: wifi_solver.py run as __main__ without its folder on sys.path (the
#: engine's numbers.py would shadow the standard library's).
CHILD = "import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')"


class _Solver:
    """Runs the HiGHS solves (:mod:`wifi_solver`); with ``cancelled``, a large one in a child Python
    process polled every 0.2 s and killed on Cancel (HiGHS through SciPy cannot be interrupted),
    in this process when no interpreter is found (said through ``log``)."""

    def __init__(
        self,
        cancelled: Callable[[], bool] | None = None,
        log: Callable[[Message], None] = lambda _message: None,
        apart: bool | None = None,
    ) -> None:
        self.cancelled, self.log, self.apart = cancelled, log, apart

    def solve(self, job: dict) -> dict:
        apart = self.apart
        if apart is None:
            apart = self.cancelled is not None and job["rows"].nnz >= APART_MIN_NONZEROS
        python = solver_python() if apart else None
        if apart and python is None:
            self.log(
                Message(
                    "No Python interpreter was found to run the solver in a separate process: "
                    "Cancel will take effect when the solver ends (at most the time limit)."
                )
            )
        if python is None:
            return wifi_solver.solve(job)
        with tempfile.TemporaryDirectory(prefix="territoire_solver_") as folder:
            job_path, result_path = os.path.join(folder, "job.npz"), os.path.join(folder, "result.npz")
            wifi_solver.save_job(job_path, job)
            with open(os.path.join(folder, "stderr.txt"), "w+b") as errors:
                code = self._run(
                    [python, "-c", CHILD, wifi_solver.__file__, job_path, result_path], folder, errors
                )
                errors.seek(0)
                details = errors.read().decode(errors="replace")[-300:]
            if code == 0 and os.path.exists(result_path):
                return wifi_solver.load_result(result_path)
        self.log(
            Message(
                "The solver process failed ({details}): solving in this process, Cancel will take "
                "effect when the solver ends.",
                details=details.strip() or f"exit code {code}",
            )
        )
        return wifi_solver.solve(job)

    def _run(self, command: list[str], folder: str, errors) -> int:
        """Run ``command`` to its end, or kill it and raise :class:`Cancelled` on Cancel."""
        child = subprocess.Popen(
            command,
            cwd=folder,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
        try:
            while True:
                try:
                    return child.wait(timeout=POLL_SECONDS)
                except subprocess.TimeoutExpired:
                    if self.cancelled is not None and self.cancelled():
                        raise Cancelled() from None
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()


@functools.lru_cache(maxsize=1)
def solver_python() -> str | None:
    """A Python interpreter of this Python's version that finds NumPy and SciPy, to run the solver
    apart (this very build preferred); None when there is none.  Inside QGIS ``sys.executable``
    may be the QGIS binary or another ``python3`` on the PATH: the base interpreter and the ones
    beside the prefix are tried too."""
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    names = (f"python{version}", "python3", "python")
    candidates = [sys.executable, getattr(sys, "_base_executable", "")]
    for prefix in dict.fromkeys((sys.exec_prefix, sys.base_exec_prefix)):
        candidates += [os.path.join(prefix, "bin", name) for name in names]
        candidates += [os.path.join(prefix, f"{name}.exe") for name in ("python", "python3")]
    candidates += [shutil.which(name) or "" for name in names]
    check = (  # finding the packages is quick, importing them is not (the solve then says if it fails)
        "import sys, importlib.util as u; "
        "print(sys.version if u.find_spec('numpy') and u.find_spec('scipy') else '')"
    )
    same_minor = None
    for candidate in dict.fromkeys(candidates):
        name = os.path.basename(candidate).lower()
        if not candidate or not name.startswith("python") or not os.path.isfile(candidate):
            continue
        try:
            found = subprocess.run(
                [candidate, "-c", check],
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        except (OSError, subprocess.SubprocessError):
            continue
        reported = found.stdout.strip() if found.returncode == 0 else ""
        if reported == sys.version.strip():
            return candidate
        if reported.split(".")[:2] == version.split(".") and same_minor is None:
            same_minor = candidate
    return same_minor


def _rank(
    matrix: sparse.csr_matrix,
    weights: np.ndarray,
    selected: Sequence[int],
    check: Callable[[], None] = _no_check,
) -> tuple[list[int], list[float]]:
    """Order the selected sites by marginal gain (greedy order restricted to the selection); sites
    that add nothing (a solver may pick them when k exceeds what is useful) are left out."""
    csc = sparse.csc_matrix(matrix, dtype=np.float64)
    remaining = list(selected)
    uncovered = weights.copy()
    ranked: list[int] = []
    gains: list[float] = []
    while remaining:
        check()
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
    check: Callable[[], None] = _no_check,
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
        check()
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
