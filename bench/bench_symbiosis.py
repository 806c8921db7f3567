"""Benchmark of territoire:resource_synergies' engine: 2,000 offers × 2,000 needs, five resources.

A seeded synthetic survey on a 40 × 40 km square: 400 offers and 400 needs each of waste
(List-of-Waste codes and patterns), heat (temperatures), steam (pressures), water (classes) and
services (names), with seasons (all year, summer, winter, first or second half-year).  Measured,
each in a forked child (time, peak resident memory added):

* the whole engine run (straight distances): candidates, one LP, outputs;
* the allocation alone on the same candidates: ours (one sparse LP, HiGHS) against the networkx
  min-cost flow of tests/symbiosis_reference.py (network_simplex on per-month-block nodes, costs
  in thousandths of a euro), with the optimum of both.  Losses are set to 0 (a min-cost flow
  cannot model them), so both solve the same problem.

Run: ``.venv/bin/python bench/bench_symbiosis.py`` (about a minute on 2 cores).
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / ".build" / "pkg"))
sys.path.insert(0, str(HERE.parent / "tests"))

from bench_waste_flows import measured  # noqa: E402
from symbiosis_reference import networkx_allocation  # noqa: E402

from territoire_numerique.engine.symbiosis import (  # noqa: E402
    Options,
    SymbiosisModel,
    load_rules,
    run_synergies,
)
from territoire_numerique.engine.symbiosis_survey import check_survey  # noqa: E402

SEED = 18
PER_SIDE = 400  # offers and needs per resource
SIDE_KM = 40.0
SPECS = {
    "waste": (["10 02 01", "17 01 01", "19 12 04", "15 01 02", "12 01 01", "07 02 13"],
              ["10 02 *", "17 01 01", "19 12 *", "15 01 *", "12 *", "07 02 13"], "t/yr"),
    "heat": (["150", "110", "90", "70", "50"], ["100", "80", "60", "40"], "MWh/yr"),
    "steam": (["25 bar", "15 bar", "10 bar"], ["12 bar", "8 bar", "5 bar"], "MWh/yr"),
    "water": (["treated_wastewater", "seawater", "potable", "rain", "process"],
              ["process", "cooling", "cleaning", "potable", "demineralised"], "m3/yr"),
    "service": (["restaurant", "training", "security"],
                ["restaurant", "training", "security", "waste_platform"], "people"),
}  # fmt: skip
SEASONS = ["", "4-9", "10-3", "1-6", "7-12"]


def make_survey(seed: int = SEED) -> list:
    rng = np.random.default_rng(seed)
    raw = []
    for resource, (offers, needs, unit) in SPECS.items():
        for role, pool in (("offer", offers), ("need", needs)):
            xy = rng.uniform(0, SIDE_KM * 1000, (PER_SIDE, 2))
            for k in range(PER_SIDE):
                quantity = str(12 * int(rng.integers(1, 500)))
                raw.append({"actor": f"{resource}-{role}-{k}", "role": role, "resource": resource,
                            "spec": pool[rng.integers(len(pool))], "quantity": quantity,
                            "unit": unit, "season": SEASONS[rng.integers(len(SEASONS))],
                            "x": float(xy[k, 0]), "y": float(xy[k, 1]), "_row": len(raw) + 1})  # fmt: skip
    survey = check_survey(raw)
    assert not survey.problems
    return survey.rows


def lossless_rules() -> dict:
    rules = copy.deepcopy(load_rules())
    for rule in rules["resources"].values():
        rule["loss_per_km"] = 0.0
    rules["resources"]["waste"]["max_distance_km"] = (
        20.0  # bounded: 40 km would make nearly every pair a candidate
    )
    return rules


def whole_run(rows: list, rules: dict) -> tuple[int, float]:
    result = run_synergies(rows, rules, Options())
    net = sum(s["net_eur"] for s in result.synergies)
    return len(result.synergies), net


def ours(model: SymbiosisModel, candidates, everyone: np.ndarray) -> tuple[float, int]:
    allocation = model.allocate(candidates, everyone)
    objective = sum(
        (candidates.unit_cost[e] - candidates.unit_value[e]) * q for e, _, q, _, _ in allocation.flows
    )
    return float(objective), len(allocation.flows)


def reference(model: SymbiosisModel, candidates, everyone: np.ndarray) -> tuple[float, int]:
    objective, pairs = networkx_allocation(model, candidates, everyone)
    return float(objective), len(pairs)


def main() -> None:
    rows = make_survey()
    rules = lossless_rules()
    print(f"Instance: {len(rows)} rows ({PER_SIDE} offers and {PER_SIDE} needs × {len(SPECS)} resources), "
          f"{SIDE_KM:.0f} km square, seasons {SEASONS}")  # fmt: skip
    (count, net), seconds, mb = measured(whole_run, rows, rules)
    print(f"Whole engine run (straight): {seconds:7.2f} s, +{mb:6.0f} MB peak RSS; {count} synergies, "
          f"net saving {net:,.0f} EUR/yr")  # fmt: skip
    model = SymbiosisModel(rows, rules, Options())
    everyone = np.ones(len(rows), bool)
    candidates = model.candidates(model.distances(None), everyone)
    print(f"Allocation step: {len(candidates.offer)} candidate (offer, need) pairs")
    (ours_objective, ours_flows), ours_s, ours_mb = measured(ours, model, candidates, everyone)
    (nx_objective, nx_flows), nx_s, nx_mb = measured(reference, model, candidates, everyone)
    print(f"  ours (one sparse LP, scipy linprog HiGHS): {ours_s:7.2f} s, +{ours_mb:6.0f} MB; "
          f"objective {ours_objective:,.2f} EUR/yr, {ours_flows} flows")  # fmt: skip
    print(f"  networkx network_simplex:                  {nx_s:7.2f} s, +{nx_mb:6.0f} MB; "
          f"objective {nx_objective:,.2f} EUR/yr, {nx_flows} flows")  # fmt: skip
    print(f"  speed ratio networkx / ours: {nx_s / ours_s:.1f}×; objective difference "
          f"{abs(ours_objective - nx_objective) / max(abs(nx_objective), 1e-9) * 100:.6f} %")  # fmt: skip


if __name__ == "__main__":
    main()
