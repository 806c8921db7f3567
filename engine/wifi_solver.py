"""The HiGHS solves of the Wi-Fi placement, runnable in a child process.

HiGHS through SciPy (``linprog(method="highs-ipm")``, ``milp``) offers no way to interrupt it, and
a solve may last the whole time limit: :mod:`wifi_placement` runs the large ones in a child Python
process it polls and kills on Cancel.  This module therefore imports only NumPy and SciPy (no
package-relative import): ``python wifi_solver.py job.npz result.npz`` solves the job saved by
:func:`save_job` and saves what :func:`solve` returns.

A job is a dict: ``kind`` ("lp" or "mip"), the model (``objective`` to minimise over variables in
[0, 1], CSR ``rows`` with ``lower`` ≤ rows·x ≤ ``upper``), ``n`` (the first n variables are the
sites: integer in a MIP), ``gap`` (relative MIP gap) and ``time_limit`` (s).
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import numpy as np
from scipy import optimize, sparse

T = TypeVar("T")


def solve(job: dict[str, Any]) -> dict[str, Any]:
    """``{"x": ..., "marginals": ...}`` (lp) or ``{"x": ..., "dual": ...}`` (mip); x is None when
    the solver gives no solution (in time)."""
    if job["kind"] == "lp":
        return lp(job["objective"], job["rows"], job["lower"], job["upper"], float(job["time_limit"]))
    return mip(
        job["objective"],
        job["rows"],
        job["lower"],
        job["upper"],
        int(job["n"]),
        float(job["gap"]),
        float(job["time_limit"]),
    )


def lp(
    objective: np.ndarray, rows: sparse.csr_matrix, lower: np.ndarray, upper: np.ndarray, time_limit: float
) -> dict[str, Any]:
    """LP relaxation by interior point (HiGHS IPM): x and the marginals of the rows (≤ form)."""
    sign = np.where(np.isfinite(upper), 1.0, -1.0)
    result = optimize.linprog(
        objective,
        A_ub=sparse.diags(sign) @ rows,
        b_ub=np.where(sign > 0, upper, -lower),
        bounds=(0, 1),
        method="highs-ipm",
        options={"time_limit": float(time_limit), "disp": False},
    )
    if result.status != 0 or result.x is None:
        return {"x": None, "marginals": None}
    return {"x": np.asarray(result.x), "marginals": np.asarray(result.ineqlin.marginals)}


def mip(
    objective: np.ndarray,
    rows: sparse.csr_matrix,
    lower: np.ndarray,
    upper: np.ndarray,
    n: int,
    gap: float,
    time_limit: float,
) -> dict[str, Any]:
    """Branch-and-bound (binary sites): ``highspy`` when installed (a current HiGHS, interior point
    for its LPs), else ``scipy.optimize.milp``; x and the dual bound of the minimisation."""
    try:
        import highspy
    except ImportError:
        highspy = None
    x: np.ndarray | None
    dual: float | None
    if highspy is not None:
        x, dual = _solve_highspy(highspy, (objective, rows, lower, upper), n, gap, time_limit)
    else:
        m = rows.shape[1] - n
        result = optimize.milp(
            objective,
            constraints=[optimize.LinearConstraint(rows, lower, upper)],
            integrality=np.concatenate([np.ones(n), np.zeros(m)]),
            bounds=optimize.Bounds(0, 1),
            options={"time_limit": float(time_limit), "disp": False, "mip_rel_gap": float(gap)},
        )
        x, dual = result.x, getattr(result, "mip_dual_bound", None)
    dual = float(dual) if dual is not None and math.isfinite(dual) else math.nan
    return {"x": None if x is None else np.asarray(x), "dual": dual}


def _solve_highspy(
    highspy: Any, model_arrays: tuple, n: int, gap: float, time_limit: float
) -> tuple[np.ndarray | None, float]:
    """(x or None, dual bound of the minimisation) by ``highspy`` of the model (objective, rows,
    lower, upper): the first ``n`` columns integer."""
    objective, rows, lower, upper = model_arrays
    columns = sparse.csc_matrix(rows)
    model = highspy.HighsLp()
    model.num_col_, model.num_row_ = columns.shape[1], columns.shape[0]
    model.col_cost_ = objective
    model.col_lower_ = np.zeros(columns.shape[1])
    model.col_upper_ = np.ones(columns.shape[1])
    model.row_lower_ = np.where(np.isfinite(lower), lower, -highspy.kHighsInf)
    model.row_upper_ = np.where(np.isfinite(upper), upper, highspy.kHighsInf)
    model.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    model.a_matrix_.num_col_, model.a_matrix_.num_row_ = columns.shape[1], columns.shape[0]
    model.a_matrix_.start_ = columns.indptr
    model.a_matrix_.index_ = columns.indices
    model.a_matrix_.value_ = columns.data
    model.integrality_ = [highspy.HighsVarType.kInteger] * n + [highspy.HighsVarType.kContinuous] * (
        columns.shape[1] - n
    )
    solver = _quiet(highspy.Highs)
    for name, option in (
        ("output_flag", False),
        ("time_limit", float(time_limit)),
        ("mip_rel_gap", float(gap)),
        ("mip_lp_solver", "ipm"),
    ):
        solver.setOptionValue(name, option)
    solver.passModel(model)
    solver.run()
    solution = solver.getSolution()
    if not solution.value_valid:
        return None, math.nan
    return np.asarray(solution.col_value), solver.getInfo().mip_dual_bound


def _quiet(make: Callable[[], T]) -> T:
    """``make()`` with the standard output closed: the first ``highspy.Highs()`` of a process prints
    a banner there, which would mix with the JSON of ``qgis_process --json``."""
    sys.stdout.flush()
    saved, null = os.dup(1), os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 1)
        return make()
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(null)


# --------------------------------------------------------------------------- files
def save_job(path: str, job: dict[str, Any]) -> None:
    rows = sparse.csr_matrix(job["rows"], dtype=np.float64)
    np.savez(
        path,
        kind=np.array(job["kind"]),
        objective=np.asarray(job["objective"], np.float64),
        rows_data=rows.data,
        rows_indices=rows.indices,
        rows_indptr=rows.indptr,
        rows_shape=np.array(rows.shape),
        lower=np.asarray(job["lower"], np.float64),
        upper=np.asarray(job["upper"], np.float64),
        n=np.array(job.get("n", 0)),
        gap=np.array(job.get("gap", 0.0)),
        time_limit=np.array(job["time_limit"]),
    )


def load_job(path: str) -> dict[str, Any]:
    with np.load(path) as data:
        rows = sparse.csr_matrix(
            (data["rows_data"], data["rows_indices"], data["rows_indptr"]), shape=tuple(data["rows_shape"])
        )
        job = {key: data[key] for key in ("objective", "lower", "upper", "n", "gap", "time_limit")}
        job.update(kind=str(data["kind"]), rows=rows)
    return job


def save_result(path: str, result: dict[str, Any]) -> None:
    arrays = {key: np.array([]) if value is None else np.asarray(value) for key, value in result.items()}
    missing = [key for key, value in result.items() if value is None]
    np.savez(path, missing=np.array(missing, dtype=str), **arrays)


def load_result(path: str) -> dict[str, Any]:
    with np.load(path) as data:
        missing = set(data["missing"].tolist())
        result: dict[str, Any] = {}
        for key in data.files:
            if key != "missing":
                result[key] = None if key in missing else data[key]
    if result.get("dual") is not None:
        result["dual"] = float(result["dual"])
    return result


if __name__ == "__main__":
    save_result(sys.argv[2], solve(load_job(sys.argv[1])))
