"""The Wi-Fi coverage and placement runs, from the layers' contents to what the outputs hold.

The Processing algorithms read the layers (in the grid's CRS), call :func:`run_coverage` or
:func:`run_placement` once and write what it returns.  A run sets up the study grid (refused when
it would not fit in memory or its rasters on disk), builds the obstruction, computes the
coverage or the placement and its statistics, and speaks through a :class:`Report`: log lines and
step names as engine ``Message`` (translated where they are shown), progress, Cancel.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from shapely import wkb

from .errors import Cancelled, EngineError, EngineWarning, Message
from .outputs import MEGABYTE, available_memory_bytes, require_free_space
from .wifi_options import PlacementOptions, RadioOptions
from .wifi_placement import Placement, coverage_matrix, place
from .wifi_propagation import (
    CoverageResult,
    Grid,
    Hotspot,
    Obstruction,
    ZoneShare,
    best_server_coverage,
    build_obstruction,
    demand_cells,
    frequency_from_band,
    polygonize_classes,
    zone_shares,
)

#: Grids larger than this many cells are refused (about 5 GB of working arrays).
MAX_CELLS = 300_000_000
#: Memory one grid cell takes while computing coverage (obstruction, power, best server, scratch).
BYTES_PER_CELL = 48
#: Disk one grid cell takes in the two rasters of the coverage (float32 + int16).
RASTER_BYTES_PER_CELL = 6
#: Value bounds of the numeric attributes of a hotspot layer.
HOTSPOT_BOUNDS = {
    "eirp": (None, None),
    "height": (0.0, None),
    "frequency": (0.0, None),
    "azimuth": (0.0, 360.0),
    "beamwidth": (0.0, 360.0),
}


@dataclass
class Report:
    """How a run speaks: ``log`` and ``warn`` lines and ``step`` names (engine ``Message``),
    ``progress`` (0–100) and ``cancelled`` (polled; the run raises :class:`Cancelled`)."""

    log: Callable[[Message], None] = lambda _message: None
    warn: Callable[[Message], None] = lambda _message: None
    step: Callable[[Message], None] = lambda _message: None
    progress: Callable[[float], None] = lambda _percent: None
    cancelled: Callable[[], bool] = lambda: False

    def check(self) -> None:
        if self.cancelled():
            raise Cancelled()

    def part(self, start: float, end: float) -> Callable[[float], None]:
        """A progress callback mapping 0–100 onto ``start``–``end`` that stops on Cancel."""

        def report(percent: float) -> None:
            self.check()
            self.progress(start + (end - start) * percent / 100.0)

        return report


@dataclass(frozen=True)
class Obstacles:
    """What blocks the signal: terrain and surface rasters (paths), buildings (geometry, height)."""

    terrain: str | None = None
    surface: str | None = None
    buildings: Sequence[tuple[object, float | None]] = ()


@dataclass
class Demand:
    """Demand features (shapely geometries in the grid's CRS) and their weights."""

    geometries: list
    weights: np.ndarray

    def inside(self, grid: Grid, report: Report) -> Demand:
        """The features whose representative point lies in the grid (the others are reported).
        A feature whose bounds lie wholly inside or outside the grid is decided by them."""
        x0, y1 = grid.x_min, grid.y_max
        x1, y0 = x0 + grid.n_cols * grid.cell_size, y1 - grid.n_rows * grid.cell_size
        inside = np.zeros(len(self.geometries), bool)
        for index, geometry in enumerate(self.geometries):
            if index % 2000 == 0:
                report.check()
            left, bottom, right, top = geometry.bounds
            if left >= x0 and right < x1 and bottom > y0 and top <= y1:
                inside[index] = True
            elif right >= x0 and left < x1 and top > y0 and bottom <= y1:
                point = geometry if geometry.geom_type == "Point" else geometry.representative_point()
                inside[index] = grid.contains(point.x, point.y)
        if not inside.all():
            report.log(
                Message(
                    "{count} demand features outside the study extent are ignored.",
                    count=int((~inside).sum()),
                )
            )
        return Demand([g for g, keep in zip(self.geometries, inside) if keep], self.weights[inside])


def make_hotspots(frame, columns: dict[str, np.ndarray], defaults: dict[str, float]) -> list[Hotspot]:
    """Hotspots from a frame of points (optional ``id`` and ``name`` columns) and its numeric
    ``columns`` (eirp, height, frequency, azimuth, beamwidth; NaN: the default when there is one).
    The ids are the layer's when they are unique integers, else the rank of each feature."""

    def number(position: int, key: str) -> float | None:
        value = columns[key][position] if key in columns else math.nan
        return float(value) if math.isfinite(value) else defaults.get(key)

    def setting(position: int, key: str) -> float:
        """A value every hotspot has (the feature's, else the default)."""
        value = number(position, key)
        return float(defaults[key]) if value is None else value

    count = len(frame)
    ids: list[Any] = frame["id"].tolist() if "id" in frame else [None] * count
    names = frame["name"].tolist() if "name" in frame else [None] * count
    unique_ints = all(isinstance(v, int) for v in ids) and len(set(ids)) == len(ids)
    hotspots = []
    for position, geometry in enumerate(frame.geometry):
        if geometry is None or geometry.is_empty:
            continue
        point = geometry if geometry.geom_type == "Point" else geometry.representative_point()
        hotspots.append(
            Hotspot(
                key=int(ids[position]) if unique_ints else position + 1,
                x=point.x,
                y=point.y,
                eirp_dbm=setting(position, "eirp"),
                height_m=setting(position, "height"),
                frequency_mhz=frequency_from_band(setting(position, "frequency")),
                azimuth_deg=number(position, "azimuth"),
                beamwidth_deg=number(position, "beamwidth"),
                name=str(names[position] or ""),
            )
        )
    return hotspots


def study_grid(
    bounds: tuple[float, float, float, float],
    cell_size: float,
    crs_wkt: str,
    raster_paths: Sequence[str] = (),
) -> Grid:
    """The grid over ``bounds``, refused when it would not fit in memory or its rasters (the
    non-empty ``raster_paths``) on disk."""
    grid = Grid.from_bounds(*bounds, cell_size, crs_wkt)
    cells = grid.n_rows * grid.n_cols
    needed, available = cells * BYTES_PER_CELL, available_memory_bytes()
    if cells > MAX_CELLS or needed > 0.6 * available:
        raise EngineError(
            "The grid would have {cells} million cells of {size} m, about {needed} MB of memory "
            "({available} MB available): enlarge the cell size or give a smaller study extent.",
            cells=float(round(cells / 1e6)),
            size=float(cell_size),
            needed=float(round(needed / MEGABYTE)),
            available=float(round(available / MEGABYTE)),
        )
    for path in raster_paths:
        if path:
            require_free_space(path, cells * RASTER_BYTES_PER_CELL)
    return grid


def obstruction_of(grid: Grid, obstacles: Obstacles, report: Report) -> Obstruction:
    report.step(Message("Building the obstruction surface"))
    return build_obstruction(
        grid,
        terrain=obstacles.terrain,
        surface=obstacles.surface,
        buildings=obstacles.buildings,
        cancelled=report.cancelled,
    )


def _grid_message(grid: Grid) -> Message:
    return Message(
        "Grid of {rows} × {cols} cells of {cell} m.", rows=grid.n_rows, cols=grid.n_cols, cell=grid.cell_size
    )


# --------------------------------------------------------------------------- coverage
HOTSPOT_COLUMNS = (
    ("hotspot_id", "int"),
    ("name", "text"),
    ("status", "text"),
    ("eirp_dbm", "float"),
    ("height_m", "float"),
    ("frequency_mhz", "float"),
    ("covered_m2", "float"),
    ("good_m2", "float"),
    ("best_server_m2", "float"),
    ("overlap_m2", "float"),
    ("overlap_pct", "float"),
    ("warning", "text"),
)
ZONE_COLUMNS = (
    ("demand_total", "float"),
    ("demand_usable", "float"),
    ("usable_pct", "float"),
    ("demand_good", "float"),
    ("good_pct", "float"),
)
COVERAGE_COLUMNS = (("level", "text"), ("min_dbm", "float"), ("area_m2", "float"))


@dataclass
class CoverageRun:
    """What the coverage outputs hold: rasters (``result``), polygons, statistics."""

    grid: Grid
    hotspots: list[Hotspot]
    result: CoverageResult
    polygons: list[tuple[object, dict]]  # coverage polygons (shapely) and their COVERAGE_COLUMNS
    area_m2: float  # within usable signal
    covered_pct: float | None = None  # of the demand within usable signal
    shares: list[ZoneShare] | None = None  # per zone
    warnings: list[EngineWarning] = field(default_factory=list)

    @property
    def hotspot_count(self) -> int:
        """Hotspots in the study extent."""
        return sum(stats.status == "ok" for stats in self.result.stats)

    def hotspot_rows(self) -> list[dict]:
        """Per hotspot (in layer order) its HOTSPOT_COLUMNS."""
        cell_area = self.grid.cell_size**2
        return [
            {
                "hotspot_id": hotspot.key,
                "name": hotspot.name,
                "status": stats.status,
                "eirp_dbm": hotspot.eirp_dbm,
                "height_m": hotspot.height_m,
                "frequency_mhz": hotspot.frequency_mhz,
                "covered_m2": stats.covered_cells * cell_area,
                "good_m2": stats.good_cells * cell_area,
                "best_server_m2": stats.best_cells * cell_area,
                "overlap_m2": stats.overlap_cells * cell_area,
                "overlap_pct": 100.0 * stats.overlap_cells / stats.covered_cells
                if stats.covered_cells
                else None,
                "warning": stats.warning or None,
            }
            for hotspot, stats in zip(self.hotspots, self.result.stats)
        ]

    def zone_rows(self) -> list[dict]:
        """Per zone its ZONE_COLUMNS (none without zones)."""
        return [
            {
                "demand_total": share.total,
                "demand_usable": share.usable,
                "usable_pct": share.usable_pct,
                "demand_good": share.good,
                "good_pct": share.good_pct,
            }
            for share in self.shares or []
        ]


def run_coverage(
    hotspots: list[Hotspot],
    obstacles: Obstacles,
    options: RadioOptions,
    crs_wkt: str,
    extent: tuple[float, float, float, float] | None = None,
    demand: Demand | None = None,
    zones: Sequence[object] | None = None,
    raster_paths: Sequence[str] = (),
    report: Report | None = None,
) -> CoverageRun:
    """Best-server coverage of ``hotspots`` on the study extent (default: the hotspots widened by
    the maximum range), its polygons and statistics; with ``demand`` (restricted to the study
    extent when one is given) the share within usable signal, per zone with ``zones``."""
    report = report or Report()
    if not hotspots:
        raise EngineError("There is no hotspot to compute.")
    settings = options.settings()
    r = settings.max_range
    xs, ys = [h.x for h in hotspots], [h.y for h in hotspots]
    bounds = extent or (min(xs) - r, min(ys) - r, max(xs) + r, max(ys) + r)
    grid = study_grid(bounds, options.cell_size, crs_wkt, raster_paths)
    report.log(_grid_message(grid))
    obstruction = obstruction_of(grid, obstacles, report)
    report.check()
    report.progress(10)
    report.step(Message("Line of sight and signal of each hotspot"))
    result = best_server_coverage(obstruction, hotspots, settings, report.part(10, 66))
    if options.demand_at == "frontage" and demand is not None:
        report.step(Message("Cells inside the buildings"))
        outdoor = ~obstruction.indoor_mask(report.part(66, 70))
    else:
        outdoor = None
    del obstruction
    for stats in result.stats:
        if stats.warning:
            report.warn(
                Message(
                    "Hotspot {name} ({key}): {warning}", name=stats.name, key=stats.key, warning=stats.warning
                )
            )
    skipped = [f"{stats.name} ({stats.key})" for stats in result.stats if stats.status != "ok"]
    if skipped:
        report.log(
            Message(
                "{count} hotspots outside the study extent are ignored: {names}.",
                count=len(skipped),
                names=", ".join(skipped),
            )
        )
    classes = np.zeros(grid.shape, np.uint8)
    classes[result.covered()] = 1
    classes[result.covered(settings.good_threshold)] = 2
    thresholds = {1: settings.threshold, 2: settings.good_threshold}
    polygons = [
        (wkb.loads(shape), {"level": label, "min_dbm": thresholds[code], "area_m2": area})
        for shape, code, label, area in polygonize_classes(grid, classes, {1: "usable", 2: "good"})
    ]
    del classes
    run = CoverageRun(grid, hotspots, result, polygons, float(result.covered().sum()) * grid.cell_size**2)
    if demand is not None:
        if extent is not None:
            # the study extent defines the demand that counts (as in placement); without one, the
            # grid is the hotspots' reach and the demand beyond it is counted, uncovered
            demand = demand.inside(grid, report)
        report.step(Message("Locating the demand on the grid"))
        cells = demand_cells(
            grid, demand.geometries, demand.weights, outdoor=outdoor, progress=report.part(70, 75)
        )
        usable = cells.hit_by_mask(result.covered())
        good = cells.hit_by_mask(result.covered(settings.good_threshold))
        total = float(demand.weights.sum())
        run.covered_pct = 100.0 * float(demand.weights[usable].sum()) / total if total > 0 else None
        if zones is not None:
            run.shares = zone_shares(list(zones), demand.geometries, demand.weights, usable, good)
    if run.area_m2 == 0 or run.covered_pct == 0:
        run.warnings.append(
            EngineWarning(
                "Nothing is covered: no place (or no demand) reaches the usable signal of {threshold} "
                "dBm. Check the hotspots' power and height, the threshold and the study extent.",
                threshold=f"{settings.threshold:g}",
            )
        )
    return run


# --------------------------------------------------------------------------- placement
SELECTED_COLUMNS = (
    ("rank", "int"),
    ("site", "text"),
    ("marginal_gain", "float"),
    ("cumulative_pct", "float"),
    ("cost", "float"),
    ("eirp_dbm", "float"),
    ("height_m", "float"),
    ("frequency_mhz", "float"),
)
CURVE_COLUMNS = (
    ("new_hotspots", "int"),
    ("covered_weight", "float"),
    ("covered_pct", "float"),
    ("in_solution", "bool"),
)


@dataclass
class PlacementRun:
    """The plan (``result``) and what its outputs hold."""

    grid: Grid
    sites: list[Hotspot]
    costs: np.ndarray | None
    existing: list[Hotspot]  # the existing hotspots in the study extent
    demand: Demand  # the demand in the study extent
    result: Placement
    covered_after: np.ndarray  # per demand feature: within usable signal with the plan

    def selected_rows(self) -> list[tuple[Hotspot, dict]]:
        """The selected sites in rank order, with their SELECTED_COLUMNS."""
        result, rows = self.result, []
        for rank, (index, (_, covered, _)) in enumerate(zip(result.selected, result.curve[1:]), start=1):
            site = self.sites[index]
            row = {
                "rank": rank,
                "site": site.name or str(site.key),
                "marginal_gain": result.gains[rank - 1],
                "cumulative_pct": 100.0 * covered / result.total_weight,
                "cost": None if self.costs is None else float(self.costs[index]),
                "eirp_dbm": site.eirp_dbm,
                "height_m": site.height_m,
                "frequency_mhz": site.frequency_mhz,
            }
            rows.append((site, row))
        return rows

    def curve_rows(self) -> list[dict]:
        """The coverage curve's CURVE_COLUMNS."""
        total = self.result.total_weight
        return [
            {
                "new_hotspots": k,
                "covered_weight": weight,
                "covered_pct": 100.0 * weight / total,
                "in_solution": chosen,
            }
            for k, weight, chosen in self.result.curve
        ]

    def uncovered(self) -> list[int]:
        """Indices of the demand features (with a weight) left without usable signal."""
        return [int(i) for i in np.flatnonzero(~self.covered_after & (self.demand.weights > 0))]


def run_placement(
    sites: list[Hotspot],
    existing: list[Hotspot],
    obstacles: Obstacles,
    demand: Demand,
    options: RadioOptions,
    goal: PlacementOptions,
    crs_wkt: str,
    extent: tuple[float, float, float, float] | None = None,
    costs: np.ndarray | None = None,
    report: Report | None = None,
) -> PlacementRun:
    """New sites among ``sites`` covering the most ``demand`` (or reaching the target, or within
    the budget: ``goal``), the ``existing`` hotspots kept; grid: the study extent, default the
    demand (else the sites) widened by the maximum range.  Cancel is honoured in every loop."""
    report = report or Report()
    if not sites:
        raise EngineError("There is no candidate site to choose from.")
    settings = options.settings()
    grid = study_grid(
        extent or _bounds(sites, existing, demand, settings.max_range, report), options.cell_size, crs_wkt
    )
    report.log(_grid_message(grid))
    demand = demand.inside(grid, report)
    obstruction = obstruction_of(grid, obstacles, report)
    if obstruction.needs_whole(len(sites) + len(existing), settings.max_range):
        # the candidates' windows cover the grid several times over: computed once, and said
        report.step(Message("Obstruction of the whole grid (the candidates' windows cover it)"))
        obstruction.materialise(report.part(1, 4))
    outdoor = ~obstruction.indoor_mask(report.part(4, 5)) if options.demand_at == "frontage" else None
    report.step(Message("Locating the demand on the grid"))
    cells = demand_cells(
        grid, demand.geometries, demand.weights, outdoor=outdoor, progress=report.part(5, 10)
    )
    del outdoor
    report.check()
    report.step(Message("Coverage of the existing hotspots"))
    existing_covered = np.zeros(len(demand.weights), bool)
    outside = [h for h in existing if not grid.contains(h.x, h.y)]
    if outside:
        report.log(
            Message("{count} existing hotspots outside the study extent are ignored.", count=len(outside))
        )
        existing = [h for h in existing if grid.contains(h.x, h.y)]
    if existing:
        existing_matrix = coverage_matrix(obstruction, existing, cells, settings, report.part(10, 20))
        existing_covered = np.asarray(existing_matrix.sum(axis=1)).ravel() > 0
    report.step(Message("Coverage of each candidate site"))
    matrix = coverage_matrix(obstruction, sites, cells, settings, report.part(20, 70))
    del obstruction
    report.log(
        Message(
            "Coverage matrix: {demand} demand features × {sites} candidates, {links} links.",
            demand=matrix.shape[0],
            sites=matrix.shape[1],
            links=matrix.nnz,
        )
    )
    report.step(Message("Solving the maximal covering problem"))
    result = place(
        matrix,
        demand.weights,
        existing_covered,
        mode=goal.mode,
        count=goal.count,
        target_pct=goal.target_pct,
        budget=goal.budget,
        costs=costs,
        time_limit=goal.time_limit,
        cancelled=report.cancelled,
        log=report.log,
    )
    covered_after = existing_covered | (np.asarray(matrix[:, result.selected].sum(axis=1)).ravel() > 0)
    return PlacementRun(grid, sites, costs, existing, demand, result, covered_after)


def _bounds(
    sites: Sequence[Hotspot], existing: Sequence[Hotspot], demand: Demand, reach: float, report: Report
) -> tuple[float, float, float, float]:
    """Demand extent widened by the range (without demand: the sites' and existing hotspots')."""
    if len(demand.geometries):
        bounds = np.empty((len(demand.geometries), 4))
        for index, geometry in enumerate(demand.geometries):
            if index % 2000 == 0:
                report.check()
            bounds[index] = geometry.bounds
        x0, y0 = bounds[:, 0].min(), bounds[:, 1].min()
        x1, y1 = bounds[:, 2].max(), bounds[:, 3].max()
    else:
        xs = [h.x for h in [*sites, *existing]]
        ys = [h.y for h in [*sites, *existing]]
        x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
    return (x0 - reach, y0 - reach, x1 + reach, y1 + reach)
