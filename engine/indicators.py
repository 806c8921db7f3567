"""Shared tools of the territorial indicators: zone grids, points per zone, nearest distances.

Works with Shapely 1.8 and GeoPandas 0.12 (spatial joins through the rtree index).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Union

import geopandas as gpd
import numpy as np
import pandas as pd
from scipy.spatial import cKDTree
from shapely.geometry import Point, Polygon, box
from shapely.geometry.base import BaseGeometry

from .errors import Cancelled, EngineError
from .numbers import parse_bool, read_numbers
from .shapely_compat import covers_xy

GRID_KINDS = ("square", "hexagon")
MAX_GRID_CELLS = 1_000_000
#: Items (zones, cells) between two checks of Cancel and progress reports.
CHECK_EVERY = 256

#: ``progress(fraction)`` with 0 ≤ fraction ≤ 1, and ``is_cancelled()``: plain callables a caller
#: (a Processing algorithm, with its feedback) gives the long loops here.
Progress = Callable[[float], None]


def no_progress(fraction: float) -> None:
    """The default progress callback: report nothing."""


def not_cancelled() -> bool:
    return False


def checkpoint(
    done: int, total: int, progress: Progress, is_cancelled: Callable[[], bool], every: int = CHECK_EVERY
) -> None:
    """Every ``every`` items of ``total``: raise Cancelled when the user cancelled, else report."""
    if done % every == 0:
        if is_cancelled():
            raise Cancelled()
        progress(done / max(total, 1))


def _grid_cell_count(bounds: Sequence[float], cell_size: float, kind: str) -> int:
    width, height = bounds[2] - bounds[0], bounds[3] - bounds[1]
    if kind == "square":
        return math.ceil(width / cell_size + 1e-9) * math.ceil(height / cell_size + 1e-9)
    side = cell_size / math.sqrt(3.0)
    return (math.ceil(width / cell_size) + 2) * (math.ceil(height / (1.5 * side)) + 2)


def _square_cells(
    bounds: Sequence[float], cell_size: float, tick: Callable[[int, int], None]
) -> list[Polygon]:
    xmin, ymin, xmax, ymax = bounds
    columns = max(1, math.ceil((xmax - xmin) / cell_size - 1e-9))
    rows = max(1, math.ceil((ymax - ymin) / cell_size - 1e-9))
    cells = []
    for r in range(rows):
        tick(r, rows)
        top, bottom = ymax - r * cell_size, ymax - (r + 1) * cell_size
        cells += [box(xmin + c * cell_size, bottom, xmin + (c + 1) * cell_size, top) for c in range(columns)]
    return cells


def _hexagon_cells(
    bounds: Sequence[float], cell_size: float, tick: Callable[[int, int], None]
) -> list[Polygon]:
    """Pointy-top hexagons; ``cell_size`` is the distance between neighbour centres (flat to flat)."""
    xmin, ymin, xmax, ymax = bounds
    side = cell_size / math.sqrt(3.0)
    row_step = 1.5 * side
    angles = np.radians([30.0, 90.0, 150.0, 210.0, 270.0, 330.0])
    offsets = np.column_stack([side * np.cos(angles), side * np.sin(angles)])
    cells = []
    rows = math.ceil((ymax - ymin + side) / row_step) + 1
    columns = math.ceil((xmax - xmin + cell_size) / cell_size) + 1
    for row in range(rows):
        tick(row, rows)
        cy = ymin + row * row_step
        shift = cell_size / 2.0 if row % 2 else 0.0
        for column in range(columns):
            cx = xmin + column * cell_size + shift
            hexagon = Polygon(offsets + np.array([cx, cy]))
            if hexagon.intersects(box(xmin, ymin, xmax, ymax)):
                cells.append(hexagon)
    return cells


def make_grid(
    kind: str,
    bounds: Sequence[float],
    cell_size: float,
    crs: object = None,
    clip_to: gpd.GeoSeries | None = None,
    progress: Progress = no_progress,
    is_cancelled: Callable[[], bool] = not_cancelled,
) -> gpd.GeoDataFrame:
    """A square or hexagon grid over ``bounds`` with a ``zone_id`` column (1, 2, ...).

    With ``clip_to``, only the cells that intersect one of its geometries are kept (whole cells).
    Raises Cancelled as soon as ``is_cancelled()``; ``progress`` goes from 0 to 1.
    """
    if kind not in GRID_KINDS:
        raise EngineError("Unknown grid kind {kind}: use square or hexagon.", kind=kind)
    if not cell_size > 0:
        raise EngineError("The cell size must be positive (got {size} m).", size=cell_size)
    if not all(math.isfinite(value) for value in bounds) or bounds[2] < bounds[0] or bounds[3] < bounds[1]:
        raise EngineError("The grid extent is empty: the input layers have no features.")
    count = _grid_cell_count(bounds, cell_size, kind)
    if count > MAX_GRID_CELLS:
        raise EngineError(
            "A {size} m grid over this extent would have about {count} cells (more than {limit}): "
            "use a larger cell size.",
            size=cell_size,
            count=count,
            limit=MAX_GRID_CELLS,
        )
    clipped = clip_to is not None and len(clip_to) > 0
    share = 0.4 if clipped else 1.0  # of the progress: making the cells, then clipping them

    def tick(done: int, total: int) -> None:
        checkpoint(done, total, lambda fraction: progress(share * fraction), is_cancelled, every=1)

    cells = (_square_cells if kind == "square" else _hexagon_cells)(bounds, cell_size, tick)
    grid = gpd.GeoDataFrame(geometry=cells, crs=crs)
    if clipped and clip_to is not None:
        mask = gpd.GeoDataFrame(geometry=list(clip_to.values), crs=crs)
        chunk = CHECK_EVERY * 16
        kept = []
        for start in range(0, len(grid), chunk):
            if is_cancelled():
                raise Cancelled()
            progress(share + (1 - share) * start / len(grid))
            hits = gpd.sjoin(grid.iloc[start : start + chunk], mask, how="inner", predicate="intersects")
            kept.append(np.unique(hits.index.to_numpy()))
        grid = grid.loc[np.concatenate(kept)] if kept else grid.iloc[:0]
    grid = grid.reset_index(drop=True)
    grid.insert(0, "zone_id", np.arange(1, len(grid) + 1, dtype=np.int64))
    return grid


#: Points given either as geometries or as an (n, 2) array of coordinates (the fast path: Shapely
#: 1.8 reads coordinates one Python call at a time, so callers that have arrays pass them).
Points = Union[gpd.GeoSeries, np.ndarray]


def anchor_points(geometries: gpd.GeoSeries) -> gpd.GeoSeries:
    """Points standing for each geometry: itself for points, a point inside polygons and lines."""
    return gpd.GeoSeries(
        [
            None if g is None or g.is_empty else (g if g.geom_type == "Point" else g.representative_point())
            for g in geometries
        ],
        index=geometries.index,
        crs=geometries.crs,
    )


def anchor_xy(points: Points) -> np.ndarray:
    """(n, 2) coordinates of ``points``: the array itself, or the anchor points of geometries
    (NaN rows for missing geometries)."""
    if isinstance(points, np.ndarray):
        return np.asarray(points, dtype=float).reshape(-1, 2)
    return np.array(
        [(p.x, p.y) if p is not None else (np.nan, np.nan) for p in anchor_points(points)], dtype=float
    ).reshape(-1, 2)


def zone_of_points(
    points: Points,
    zones: Sequence[BaseGeometry | None],
    progress: Progress = no_progress,
    is_cancelled: Callable[[], bool] = not_cancelled,
) -> np.ndarray:
    """For each point, the position (0-based) of the zone holding it, or -1 when none does.

    A point on the border of two zones goes to the first of them, so nothing is counted twice.
    Geometries are represented by a point inside them.  Points sorted by x give each zone's
    bounding-box candidates by binary search; ``covers_xy`` tests them against the
    prepared zone in C.  Raises Cancelled as soon as ``is_cancelled()``.
    """
    xy = anchor_xy(points)
    result = np.full(len(xy), -1, dtype=np.int64)
    finite = np.flatnonzero(np.isfinite(xy).all(axis=1))
    order = finite[np.argsort(xy[finite, 0], kind="stable")]
    sorted_x = xy[order, 0]
    total = len(zones)
    for position, zone in enumerate(zones):
        checkpoint(position, total, progress, is_cancelled)
        if zone is None or zone.is_empty:
            continue
        xmin, ymin, xmax, ymax = zone.bounds
        window = order[np.searchsorted(sorted_x, xmin, "left") : np.searchsorted(sorted_x, xmax, "right")]
        window = window[(result[window] < 0) & (xy[window, 1] >= ymin) & (xy[window, 1] <= ymax)]
        if not len(window):
            continue
        x, y = xy[window, 0], xy[window, 1]
        inside = covers_xy(zone, x, y)
        result[window[inside]] = position
    return result


def sum_by_zone(zone: np.ndarray, n_zones: int, weights: np.ndarray | None = None) -> np.ndarray:
    """Per zone (0 … n_zones − 1), the sum of ``weights`` over the points that
    :func:`zone_of_points` put in it (``zone``), NaN weights counting 0; without weights, the
    number of points (integers).  Points in no zone (−1) count nowhere."""
    zone = np.asarray(zone, dtype=np.int64)
    inside = zone >= 0
    if weights is None:
        return np.bincount(zone[inside], minlength=n_zones)
    values = np.nan_to_num(np.asarray(weights, dtype=float)[inside])
    return np.bincount(zone[inside], weights=values, minlength=n_zones)


def nearest_to_geometries(
    geometries: Sequence[BaseGeometry | None], xy: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Exact distance from each geometry to the nearest of the points ``xy`` (finite), and its row.

    Points use one cKDTree query.  For a line or polygon, the point nearest its centroid bounds
    the answer; every closer point lies in a ball around the centroid that the tree returns, and
    Shapely measures those few exactly (0 when the point is inside a polygon).  Distance NaN and
    row -1 when ``xy`` is empty or the geometry is missing.
    """
    count = len(geometries)
    distances = np.full(count, np.nan)
    rows = np.full(count, -1, dtype=np.int64)
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    if not len(xy):
        return distances, rows
    tree = cKDTree(xy)
    for i, geometry in enumerate(geometries):
        if geometry is None or geometry.is_empty:
            continue
        if geometry.geom_type == "Point":
            distance, row = tree.query((geometry.x, geometry.y))
            distances[i], rows[i] = distance, row
            continue
        centre = geometry.centroid
        bound, _ = tree.query((centre.x, centre.y))
        xmin, ymin, xmax, ymax = geometry.bounds
        reach = max(math.hypot(x - centre.x, y - centre.y) for x in (xmin, xmax) for y in (ymin, ymax))
        candidates = tree.query_ball_point((centre.x, centre.y), reach + bound + 1e-9)
        measured = np.array([geometry.distance(Point(xy[c])) for c in candidates])
        best = int(np.argmin(measured))
        distances[i], rows[i] = measured[best], candidates[best]
    return distances, rows


def points_bounds(xy: np.ndarray) -> tuple[float, float, float, float]:
    """(xmin, ymin, xmax, ymax) of the finite points; NaNs when there is none."""
    finite = np.asarray(xy, dtype=float).reshape(-1, 2)
    finite = finite[np.isfinite(finite).all(axis=1)]
    if not len(finite):
        return (np.nan,) * 4
    return (*finite.min(axis=0).tolist(), *finite.max(axis=0).tolist())


def rate_pct(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    """100 × part / whole, NaN (NULL) where ``whole`` is 0: no division error, no fake 0 %."""
    part = np.asarray(part, dtype=float)
    whole = np.asarray(whole, dtype=float)
    result = np.full(part.shape, np.nan)
    np.divide(100.0 * part, whole, out=result, where=whole > 0)
    return result


def as_bool(values: pd.Series) -> pd.Series:
    """Booleans from bool, 0/1 or text (true/false, oui/non, yes/no, t/f: ``engine.numbers``);
    unknown gives False."""
    return pd.Series([parse_bool(v) for v in values], index=values.index, dtype=bool)


def as_float(values: pd.Series) -> pd.Series:
    """Numbers from numbers or text (``engine.numbers``: French comma, thousands separators);
    NULL and anything else give NaN (the Processing layer has warned about them already)."""
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        return values.astype(float)
    return pd.Series(read_numbers(values, minimum=None).values, index=values.index, dtype=float)
