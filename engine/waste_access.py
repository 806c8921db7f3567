"""Residents' access to waste drop-off points (déchèteries, containers).

Distance from each demand feature (building, commune) to its nearest facility, straight or
along the roads; the share of the population within a threshold per commune; and the
underserved areas as polygons: underserved demand points grouped by a clustering distance
(buffers merged), each with the population it holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.spatial import cKDTree
from shapely.geometry import Point, Polygon
from shapely.ops import unary_union

from .errors import EngineError
from .indicators import zone_of_points
from .road_network import RoadNetwork
from .symbiosis_options import WasteAccessOptions as Options


@dataclass
class AccessResult:
    distance_km: np.ndarray  # NaN when unreachable (off the roads or no facility reachable)
    facility: np.ndarray  # index of the nearest facility, -1 when none
    within: np.ndarray  # bool: within the threshold
    snap_m: np.ndarray  # snapping distance of the demand point (NaN for straight distances)


def nearest_facility(
    demand_xy: np.ndarray,
    facility_xy: np.ndarray,
    threshold_km: float,
    network: RoadNetwork | None = None,
    snap_tolerance: float = 500.0,
) -> AccessResult:
    """Distance to the nearest facility of each demand point (straight, or along ``network``)."""
    demand_xy = np.asarray(demand_xy, float).reshape(-1, 2)
    facility_xy = np.asarray(facility_xy, float).reshape(-1, 2)
    if len(facility_xy) == 0:
        raise EngineError("There is no facility to measure access to (check the kind filter).")
    if network is None:
        metres, facility = _nearest_straight(demand_xy, facility_xy)
        snap = np.full(len(demand_xy), np.nan)
    else:
        metres, facility, snap = network.nearest(demand_xy, facility_xy, snap_tolerance)
        snap = np.where(np.isfinite(snap), snap, np.nan)
    km = np.where(np.isfinite(metres), metres / 1000.0, np.nan)
    return AccessResult(
        distance_km=km,
        facility=np.where(np.isfinite(km), facility, -1).astype(int),
        within=np.nan_to_num(km, nan=np.inf) <= threshold_km,
        snap_m=snap,
    )


#: Distances closer than this (m) are a tie, broken toward the lowest facility index.
TIE_M = 1e-6


def _nearest_straight(demand_xy: np.ndarray, facility_xy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Straight distance to the nearest facility and its index, ties going to the lowest index
    (a k-d tree alone returns whichever tied neighbour its build order puts first)."""
    k = min(len(facility_xy), 8)
    metres, index = cKDTree(facility_xy).query(demand_xy, k=k)
    metres, index = metres.reshape(len(demand_xy), k), index.reshape(len(demand_xy), k)
    tied = metres <= metres[:, :1] + TIE_M
    best = np.where(tied, index, np.iinfo(np.int64).max).min(axis=1)
    return metres[:, 0], np.where(np.isfinite(metres[:, 0]), best, -1)


def share_by_zone(
    zone: np.ndarray, weight: np.ndarray, within: np.ndarray, n_zones: int
) -> dict[str, np.ndarray]:
    """Population, population served and share served (%) per zone (NaN share without population)."""
    inside = zone >= 0
    population = np.bincount(zone[inside], weights=weight[inside], minlength=n_zones)
    served = np.bincount(zone[inside], weights=(weight * within)[inside], minlength=n_zones)
    with np.errstate(invalid="ignore", divide="ignore"):
        # clip: the two sums may differ in the last bit when everyone is served
        share = np.where(population > 0, np.minimum(100.0 * served / population, 100.0), np.nan)
    return {"population": population, "served_pop": served, "share_served": share}


def underserved_areas(
    demand_xy: np.ndarray, weight: np.ndarray, distance_km: np.ndarray, within: np.ndarray, radius: float
) -> list[tuple[Polygon, dict[str, float]]]:
    """Polygons around underserved demand points merged within ``radius`` metres, with their
    population, number of features and mean distance (km, over the reachable ones)."""
    outside = np.flatnonzero(~within & (weight > 0))
    if not len(outside):
        return []
    xy = np.asarray(demand_xy, float)[outside]
    merged = unary_union([Point(x, y).buffer(radius, 8) for x, y in xy])
    polygons = list(merged.geoms) if hasattr(merged, "geoms") else [merged]
    owner = zone_of_points(xy, polygons)
    areas = []
    for k, polygon in enumerate(polygons):
        members = outside[owner == k]
        distances = distance_km[members]
        reachable = distances[np.isfinite(distances)]
        areas.append(
            (
                polygon,
                {
                    "population": float(weight[members].sum()),
                    "features": len(members),
                    "mean_km": float(reachable.mean()) if reachable.size else np.nan,
                    "unreachable": int(np.isnan(distances).sum()),
                },
            )
        )
    areas.sort(key=lambda item: -item[1]["population"])
    return areas


@dataclass
class AccessRun:
    """What ``territoire:waste_access`` writes: per demand feature, per commune, per area."""

    access: AccessResult  # per demand feature (distance NaN for a feature without a geometry)
    facility_id: list[str | None]  # the nearest facility's identifier per demand feature
    shares: dict[str, np.ndarray] | None = None  # per commune: population, served_pop, share_served
    areas: list[tuple[Polygon, dict[str, float]]] = field(default_factory=list)
    population: float = 0.0
    served: float = 0.0


def run_waste_access(
    demand_xy: np.ndarray,
    weight: np.ndarray,
    facility_xy: np.ndarray,
    options: Options,
    facility_ids: Sequence[object] | None = None,
    facility_kinds: Sequence[object] | None = None,
    communes: Sequence[Polygon] | None = None,
) -> AccessRun:
    """The facilities of the kinds kept; each demand point's distance to the nearest one; the
    share served per commune (``communes``: polygons); the underserved areas.  NaN coordinates:
    a feature without a geometry (no distance, not served, in no area)."""
    demand_xy = np.asarray(demand_xy, float).reshape(-1, 2)
    weight = np.asarray(weight, float)
    facility_xy = np.asarray(facility_xy, float).reshape(-1, 2)
    keep = ~np.isnan(facility_xy).any(axis=1)
    if options.kept_kinds:
        if facility_kinds is None:
            raise EngineError("A kind filter needs the facility kind field (KIND_FIELD).")
        keep &= np.array([str(k).strip().lower() in options.kept_kinds for k in facility_kinds], bool)
    ids = (
        [str(v) for v, k in zip(facility_ids, keep) if k]
        if facility_ids is not None
        else [str(i + 1) for i in range(int(keep.sum()))]
    )
    has_xy = ~np.isnan(demand_xy).any(axis=1)
    access = nearest_facility(
        np.where(has_xy[:, None], demand_xy, 0.0),
        facility_xy[keep],
        options.threshold / 1000.0,
        options.network,
        options.snap_tolerance,
    )
    access.distance_km[~has_xy] = np.nan
    access.within[~has_xy] = False
    access.facility[~has_xy] = -1
    run = AccessRun(
        access,
        [ids[f] if f >= 0 else None for f in access.facility],
        population=float(weight.sum()),
        served=float((weight * access.within).sum()),
    )
    if communes is not None:
        zone = zone_of_points(demand_xy, list(communes))
        run.shares = share_by_zone(zone, weight, access.within, len(communes))
    run.areas = underserved_areas(
        demand_xy[has_xy],
        weight[has_xy],
        access.distance_km[has_xy],
        access.within[has_xy],
        options.cluster_distance,
    )
    return run
