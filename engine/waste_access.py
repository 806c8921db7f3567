"""Residents' access to waste drop-off points (déchèteries, containers).

Distance from each demand feature (building, commune) to its nearest facility, straight or
along the roads; the share of the population within a threshold per commune; and the
underserved areas as polygons: underserved demand points grouped by a clustering distance
(buffers merged), each with the population it holds.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.spatial import cKDTree
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.ops import unary_union
from shapely.strtree import STRtree

from .errors import EngineError
from .road_network import RoadNetwork


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
        metres, facility = cKDTree(facility_xy).query(demand_xy, k=1)
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


def zone_of_points(points_xy: np.ndarray, zones: Sequence[Polygon | MultiPolygon]) -> np.ndarray:
    """Index of the zone containing each point (first one found), -1 outside every zone."""
    valid = [i for i, zone in enumerate(zones) if zone is not None and not zone.is_empty]
    result = np.full(len(points_xy), -1)
    if not valid:
        return result
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Shapely 1.8 announces the 2.0 STRtree API
        tree = STRtree([zones[i] for i in valid])
    position = {id(zones[i]): i for i in valid}
    for k, (x, y) in enumerate(np.asarray(points_xy, float)):
        point = Point(x, y)
        for hit in tree.query(point):
            # Shapely 1.8 returns geometries, Shapely 2 indices into the tree
            index = valid[hit] if isinstance(hit, (int, np.integer)) else position[id(hit)]
            if zones[index].intersects(point):
                result[k] = index
                break
    return result


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
