"""The best site(s) for a facility several actors share: demand-weighted p-median, exact.

Demand points (actors, weighted by people, tonnes or MWh) and candidate sites; distances straight
or along the roads (:class:`RoadNetwork`).  p = 1 is solved by enumerating every candidate;
p > 1 as a mixed-integer programme (HiGHS through ``scipy.optimize.milp``): open p sites, assign
each actor to one open site, minimise the weighted distance.  An actor that no candidate reaches
(off the network, beyond the limit) is reported as unserved; the optimum first serves as much
weight as it can, then minimises distance.  A suitability score (0–100) per candidate is either a
constraint (sites below the minimum are not candidates) or a weight: a site's distances count
``1 + k × (100 − s) / 100`` times.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix
from scipy.spatial.distance import cdist

from .errors import EngineError
from .symbiosis_options import SharedFacilityOptions as Options

SITE_FIELDS = [
    ("site_id", "text"),
    ("chosen", "bool"),
    ("rank", "int"),
    ("weighted_km", "float"),
    ("served_weight", "float"),
    ("unserved_weight", "float"),
    ("suitability", "float"),
    ("eligible", "bool"),
]
ACTOR_FIELDS = [
    ("actor", "text"),
    ("weight", "float"),
    ("site_id", "text"),
    ("distance_m", "float"),
    ("minutes", "float"),
    ("within", "bool"),
]
SUMMARY_FIELDS = [("indicator", "text"), ("value", "float"), ("unit", "text")]


@dataclass
class Result:
    chosen: list[int]
    sites: list[dict] = field(default_factory=list)
    actors: list[dict] = field(default_factory=list)
    summary: list[dict] = field(default_factory=list)


def distance_matrix(demand: np.ndarray, candidates: np.ndarray, options: Options) -> np.ndarray:
    """Metres from every actor to every candidate (inf beyond reach)."""
    if options.distance == "network":
        if options.network is None:
            raise EngineError("Network distances need a road layer.")
        metres, _, _ = options.network.distances(
            demand, candidates, tolerance=options.snap_tolerance, limit=options.limit_m
        )
        return metres
    metres = cdist(np.asarray(demand, float).reshape(-1, 2), np.asarray(candidates, float).reshape(-1, 2))
    metres[metres > options.limit_m] = np.inf
    return metres


def p_median(metres: np.ndarray, weight: np.ndarray, count: int, eligible: np.ndarray) -> list[int]:
    """Indices of the ``count`` eligible candidates minimising (unserved weight, weighted distance)."""
    n_demand, n_sites = metres.shape
    sites = np.flatnonzero(eligible)
    if len(sites) < count:
        raise EngineError(
            "Only {eligible} eligible candidate sites for {count} facilities.",
            eligible=len(sites),
            count=count,
        )
    finite = np.isfinite(metres)
    if count == 1:
        unserved = np.array([weight[~finite[:, j]].sum() for j in sites])
        cost = np.array([(weight * np.where(finite[:, j], metres[:, j], 0.0)).sum() for j in sites])
        best = np.lexsort((sites, cost, unserved))[0]
        return [int(sites[best])]
    # MILP: y_j (open), x_ij (i served by j), u_i (unserved); penalty for u above any distance
    pairs_i, pairs_j = np.nonzero(finite[:, sites])
    pairs_j = sites[pairs_j]
    n_x, n_y = len(pairs_i), n_sites
    big = (float(metres[finite].max()) if finite.any() else 1.0) * 2 + 1.0
    cost = np.concatenate([weight[pairs_i] * metres[pairs_i, pairs_j], np.zeros(n_y), weight * big])
    n_var = n_x + n_y + n_demand
    rows = [  # each actor: sum_j x_ij + u_i = 1
        (pairs_i, np.arange(n_x), np.ones(n_x)),
        (np.arange(n_demand), n_x + n_y + np.arange(n_demand), np.ones(n_demand)),
    ]
    assign = coo_matrix(
        (
            np.concatenate([r[2] for r in rows]),
            (np.concatenate([r[0] for r in rows]), np.concatenate([r[1] for r in rows])),
        ),
        shape=(n_demand, n_var),
    )
    link = coo_matrix(  # x_ij - y_j <= 0
        (
            np.concatenate([np.ones(n_x), -np.ones(n_x)]),
            (np.tile(np.arange(n_x), 2), np.concatenate([np.arange(n_x), n_x + pairs_j])),
        ),
        shape=(n_x, n_var),
    )
    total = coo_matrix((np.ones(n_y), (np.zeros(n_y, int), n_x + np.arange(n_y))), shape=(1, n_var))
    upper = np.ones(n_var)
    upper[n_x + np.flatnonzero(~eligible)] = 0.0
    integrality = np.zeros(n_var)
    integrality[n_x : n_x + n_y] = 1
    solution = milp(
        cost,
        constraints=[
            LinearConstraint(assign.tocsr(), 1.0, 1.0),
            LinearConstraint(link.tocsr(), -np.inf, 0.0),
            LinearConstraint(total.tocsr(), count, count),
        ],
        integrality=integrality,
        bounds=Bounds(np.zeros(n_var), upper),
    )
    if solution.status != 0 or solution.x is None:
        raise EngineError("The location solver failed: {reason}", reason=solution.message)
    opened = np.flatnonzero(solution.x[n_x : n_x + n_y] > 0.5)
    return [int(j) for j in opened]


def locate(
    names: list[str],
    demand: np.ndarray,
    weight: np.ndarray,
    site_ids: list[str],
    candidates: np.ndarray,
    options: Options,
) -> Result:
    """Choose the sites, assign every actor to its nearest chosen site, summarise."""
    if len(site_ids) == 0 or len(names) == 0:
        raise EngineError("A shared facility needs actors and candidate sites.")
    if options.count < 1:
        raise EngineError("The number of facilities must be at least 1.")
    weight = np.asarray(weight, float)
    if (weight < 0).any() or not np.isfinite(weight).all():
        raise EngineError("Actor weights must be positive numbers.")
    metres = distance_matrix(demand, candidates, options)
    suitability = options.suitability if options.suitability is not None else np.full(len(site_ids), np.nan)
    eligible = np.ones(len(site_ids), bool)
    effective = metres
    if options.suitability is not None and options.suitability_mode == "constraint":
        eligible = np.nan_to_num(suitability, nan=-1.0) >= options.min_suitability
    elif options.suitability is not None:
        factor = (
            1.0
            + options.suitability_weight
            * (100.0 - np.clip(np.nan_to_num(suitability, nan=0.0), 0, 100))
            / 100
        )
        effective = metres * factor[None, :]
    chosen = p_median(effective, weight, options.count, eligible)
    served = metres[:, chosen]
    nearest = np.argmin(np.where(np.isfinite(served), served, np.inf), axis=1)
    distance = served[np.arange(len(names)), nearest]
    result = Result(chosen=chosen)
    finite = np.isfinite(effective)
    per_site = (weight[:, None] * np.where(finite, effective, 0.0)).sum(axis=0)
    unserved_site = (weight[:, None] * ~finite).sum(axis=0)
    order = np.lexsort((np.arange(len(site_ids)), per_site, unserved_site, ~eligible))
    rank = np.empty(len(site_ids), int)
    rank[order] = np.arange(1, len(site_ids) + 1)
    for j, site in enumerate(site_ids):
        result.sites.append(
            {
                "site_id": site,
                "chosen": j in chosen,
                "rank": int(rank[j]),
                "weighted_km": round(float(per_site[j]) / 1000.0, 3),
                "served_weight": round(float(weight[finite[:, j]].sum()), 3),
                "unserved_weight": round(float(unserved_site[j]), 3),
                "suitability": None if np.isnan(suitability[j]) else float(suitability[j]),
                "eligible": bool(eligible[j]),
                "geometry": tuple(candidates[j]),
            }
        )
    for i, name in enumerate(names):
        reached = np.isfinite(distance[i])
        chosen_site = chosen[int(nearest[i])] if reached else None
        result.actors.append(
            {
                "actor": name,
                "weight": float(weight[i]),
                "site_id": site_ids[chosen_site] if chosen_site is not None else None,
                "distance_m": round(float(distance[i]), 1) if reached else None,
                "minutes": round(float(distance[i]) / (options.speed_kmh * 1000 / 60), 2)
                if reached
                else None,
                "within": bool(reached and distance[i] <= options.threshold_m),
                "geometry": (
                    [tuple(demand[i]), tuple(candidates[chosen_site])] if chosen_site is not None else None
                ),
            }
        )
    total = float(weight.sum())
    reached = np.isfinite(distance)
    within = reached & (distance <= options.threshold_m)
    mean = (
        float((weight[reached] * distance[reached]).sum() / weight[reached].sum())
        if weight[reached].sum()
        else np.nan
    )
    result.summary = [
        {"indicator": "facilities", "value": float(len(chosen)), "unit": "count"},
        {
            "indicator": "weighted distance",
            "value": round(float((weight[reached] * distance[reached]).sum()) / 1000, 3),
            "unit": "km",
        },
        {
            "indicator": "mean distance (weighted)",
            "value": None if np.isnan(mean) else round(mean, 1),
            "unit": "m",
        },
        {
            "indicator": "share of the weight within the threshold",
            "value": round(100 * float(weight[within].sum()) / total, 2) if total else None,
            "unit": "%",
        },
        {"indicator": "threshold", "value": float(options.threshold_m), "unit": "m"},
        {"indicator": "unserved weight", "value": round(float(weight[~reached].sum()), 3), "unit": "weight"},
    ]
    return result
