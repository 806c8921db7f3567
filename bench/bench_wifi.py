"""Wi-Fi benchmark: ours against honest peers, in one run, nothing extrapolated.

1. Coverage: 500 hotspots over a 2 m grid of ≈ 74 M cells of the sample territory (buildings +
   terrain), the whole run on both sides (read, obstruct, compute, write the RSSI GeoTIFF), each
   in its own process (its own peak memory): ours (``build_obstruction`` + ``best_server_coverage``
   + ``write_raster``) against the in-process peer a competent user writes with GDAL and numpy
   (terrain by ``gdal.Warp``, buildings by ``gdal.Rasterize``, ``gdal.ViewshedGenerate`` per
   hotspot, the same propagation formula in numpy, best server by ``np.fmax``).  The two RSSI
   rasters are compared cell by cell (max |Δ| dB, cells with a signal on one side only).
2. Placement: 2,000 candidates × 50,000 demand points, k = 50, on one coverage matrix computed by
   our propagation, on the sample's centre and on a town-like 36 km² layout: ours (certificate:
   LP relaxation by interior point, branch-and-bound if needed; SciPy only, then with highspy)
   against the method before it (greedy + swap + ``scipy.optimize.milp`` with its time limit),
   the town-like layout also through ``qgis_process`` (the plugin as users run it).

Every bench prints what it compares, library versions and core count.
3. Progress cadence (issue #16): the obstruction and the indoor cells of the whole coverage grid
   (as placement computes them when its candidates' windows cover the grid), then demand_cells,
   the sample's buildings read in front of them: durations and the longest gap between two
   progress reports.

Usage: bench_wifi.py [--only coverage|demand|placement] [--cells 74e6] [--hotspots 500] [--time-limit 120]
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from scipy import sparse

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / ".build" / "pkg"))

from warm import warm_memory  # noqa: E402

from territoire_numerique.engine.wifi_placement import coverage_matrix, place  # noqa: E402
from territoire_numerique.engine.wifi_propagation import (  # noqa: E402
    RSSI_NODATA,
    Grid,
    Hotspot,
    RadioSettings,
    best_server_coverage,
    build_obstruction,
    demand_cells,
    write_raster,
)

SAMPLE = REPO / "resources" / "sample" / "territoire_sample.gpkg"
LAMBERT93 = 'PROJCS["RGF93 / Lambert-93",AUTHORITY["EPSG","2154"]]'
SEED = 2154


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def territory(cells: float, cell_size: float):
    """Grid, buildings (geometry, height) and terrain path: sample data or a synthetic city."""
    from osgeo import osr
    from shapely.geometry import box

    reference = osr.SpatialReference()
    reference.ImportFromEPSG(2154)
    wkt = reference.ExportToWkt()
    side = math.sqrt(cells) * cell_size
    if SAMPLE.exists():
        import geopandas as gpd

        buildings = gpd.read_file(SAMPLE, layer="buildings")
        x0, y0, x1, y1 = buildings.total_bounds
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        width, height = min(x1 - x0, side), min(y1 - y0, cells * cell_size**2 / min(x1 - x0, side))
        grid = Grid.from_bounds(
            cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2, cell_size, wkt
        )
        pairs = list(zip(buildings.geometry, buildings["height"]))
        return grid, pairs, f"GPKG:{SAMPLE}:terrain", "sample territory (buildings + terrain)"
    grid = Grid.from_bounds(640_000.0, 7_090_000.0, 640_000.0 + side, 7_090_000.0 + side, cell_size, wkt)
    generator = np.random.default_rng(SEED)
    pairs = []
    block, street = 60.0, 12.0
    for bx in np.arange(grid.x_min, grid.x_min + side - block, block + street):
        for by in np.arange(grid.y_max - side, grid.y_max - block, block + street):
            if generator.random() < 0.35:  # parks, squares, fields, water
                continue
            for qx in (0.0, block / 2):
                for qy in (0.0, block / 2):
                    pairs.append(
                        (
                            box(bx + qx + 1, by + qy + 1, bx + qx + block / 2 - 1, by + qy + block / 2 - 1),
                            float(generator.uniform(5.0, 25.0)),
                        )
                    )
    return grid, pairs, None, "synthetic city (street blocks, 5–25 m buildings, flat ground)"


def open_points(obstruction, count: int, generator, margin: float = 0.0) -> list[tuple[float, float]]:
    """Random points on open ground (streets, squares) inside the grid."""
    grid = obstruction.grid
    points: list[tuple[float, float]] = []
    width, height = grid.n_cols * grid.cell_size, grid.n_rows * grid.cell_size
    while len(points) < count:
        x = grid.x_min + margin + generator.random() * (width - 2 * margin)
        y = grid.y_max - margin - generator.random() * (height - 2 * margin)
        row, col = (int(v) for v in grid.cell_of(x, y))
        if not obstruction.indoor[row, col]:
            points.append((x, y))
    return points


def coverage_grid(arguments) -> Grid:
    """The coverage grid: ``--cells`` cells of ``--cell-size`` m centred on the sample's buildings
    (their exact extent, computed by OGR), as ``territory`` draws it."""
    from osgeo import ogr, osr

    reference = osr.SpatialReference()
    reference.ImportFromEPSG(2154)
    source = ogr.Open(str(SAMPLE))
    x0, x1, y0, y1 = source.GetLayerByName("buildings").GetExtent(force=True)
    side = math.sqrt(arguments.cells) * arguments.cell_size
    width = min(x1 - x0, side)
    height = min(y1 - y0, arguments.cells * arguments.cell_size**2 / width)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return Grid.from_bounds(
        cx - width / 2,
        cy - height / 2,
        cx + width / 2,
        cy + height / 2,
        arguments.cell_size,
        reference.ExportToWkt(),
    )


def timings(side: str, read: float, compute: float, write: float) -> dict:
    """One side's figures: the three steps, the whole run and the process's peak memory."""
    return {
        "side": side,
        "read_obstruct_s": read,
        "compute_s": compute,
        "write_s": write,
        "whole_s": read + compute + write,
        "peak_mb": peak_mb(),
    }


def read_buildings() -> list[tuple[object, float | None]]:
    """The sample's buildings as the plugin gets them from QGIS: each geometry's WKB → Shapely
    (read_frame), with its height (None when missing)."""
    from osgeo import ogr
    from shapely import wkb

    source = ogr.Open(str(SAMPLE))
    layer = source.GetLayerByName("buildings")
    height = layer.GetLayerDefn().GetFieldIndex("height")
    return [
        (
            wkb.loads(bytes(feature.GetGeometryRef().ExportToWkb())),
            feature.GetFieldAsDouble(height) if feature.IsFieldSetAndNotNull(height) else None,
        )
        for feature in layer
    ]


def phase_hotspots(arguments) -> dict:
    """Not timed: the hotspots drawn on open ground (cells outside every building) of the
    coverage grid, saved for both sides."""
    grid = coverage_grid(arguments)
    obstruction = build_obstruction(grid, terrain=f"GPKG:{SAMPLE}:terrain", buildings=read_buildings())
    points = open_points(obstruction, arguments.hotspots, np.random.default_rng(SEED))
    Path(arguments.hotspots_file).write_text(json.dumps(points))
    return {"hotspots": len(points)}


def phase_coverage(arguments) -> dict:
    """Ours, whole run: read the buildings (WKB → Shapely, as the plugin gets them) and the terrain,
    obstruction, best-server coverage, RSSI GeoTIFF written (as wifi_coverage writes it)."""
    settings = RadioSettings()
    grid = coverage_grid(arguments)
    points = json.loads(Path(arguments.hotspots_file).read_text())
    hotspots = [Hotspot(i + 1, x, y) for i, (x, y) in enumerate(points)]
    steps: dict[str, float] = {}
    started = time.perf_counter()
    pairs = read_buildings()
    steps["read_buildings_s"] = time.perf_counter() - started
    obstruction = build_obstruction(grid, terrain=f"GPKG:{SAMPLE}:terrain", buildings=pairs)
    read_seconds = time.perf_counter() - started
    steps["index_buildings_s"] = read_seconds - steps["read_buildings_s"]
    del pairs
    started = time.perf_counter()
    result = best_server_coverage(obstruction, hotspots, settings)
    compute_seconds = time.perf_counter() - started
    started = time.perf_counter()
    write_raster(arguments.rssi_file, grid, result.rssi, RSSI_NODATA)
    write_seconds = time.perf_counter() - started
    return {**timings("ours", read_seconds, compute_seconds, write_seconds), **steps}


def phase_coverage_peer(arguments) -> dict:
    """The in-process peer a competent user writes with GDAL and numpy: terrain warped onto the
    grid, buildings burnt by ``gdal.Rasterize`` straight from the GeoPackage (taller last),
    ``gdal.ViewshedGenerate`` per hotspot (same arguments as ours), the same propagation formula
    (P.1411 LoS / NLoS floored at free space, margins, body loss) in numpy on each viewshed's
    window, the best server kept, the RSSI GeoTIFF written."""
    from osgeo import gdal, gdal_array

    from territoire_numerique.engine.wifi_propagation import (
        DEFAULT_BUILDING_HEIGHT,
        P1411_LOS,
        P1411_NLOS,
        location_margin,
    )

    settings = RadioSettings()
    grid = coverage_grid(arguments)
    points = json.loads(Path(arguments.hotspots_file).read_text())
    started = time.perf_counter()
    ground = np.zeros(grid.shape, np.float32)
    target = gdal_array.OpenArray(ground)
    target.SetGeoTransform(grid.geotransform)
    gdal.Warp(
        target,
        f"GPKG:{SAMPLE}:terrain",
        resampleAlg="bilinear",
        multithread=True,
        warpOptions=["NUM_THREADS=ALL_CPUS"],
        warpMemoryLimit=256,
    )
    target = None
    heights = np.zeros(grid.shape, np.float32)
    target = gdal_array.OpenArray(heights)
    target.SetGeoTransform(grid.geotransform)
    gdal.Rasterize(
        target,
        str(SAMPLE),
        attribute="h",
        SQLDialect="SQLITE",
        SQLStatement=f"SELECT geom, CASE WHEN height > 0 THEN height ELSE {DEFAULT_BUILDING_HEIGHT} END AS h "
        "FROM buildings ORDER BY h",
    )
    target = None
    surface = np.maximum(ground, heights + ground)
    del heights
    dataset = gdal_array.OpenArray(surface)
    dataset.SetGeoTransform(grid.geotransform)
    band = dataset.GetRasterBand(1)
    read_seconds = time.perf_counter() - started
    started = time.perf_counter()
    rssi = np.full(grid.shape, -np.inf, np.float32)
    frequency = 2437.0
    nlos = P1411_NLOS[settings.environment]
    p = settings.location_probability
    for x, y in points:
        row, col = (int(v) for v in grid.cell_of(x, y))
        tx_z = float(ground[row, col]) + 4.0  # hotspots on open ground, the default 4 m mast
        view = gdal.ViewshedGenerate(
            band,
            "MEM",
            "",
            [],
            x,
            y,
            tx_z - float(surface[row, col]),
            settings.rx_height,
            1,
            0,
            2,
            3,
            0.0,
            gdal.GVM_Edge,
            settings.max_range,
        )
        x0, _, _, y1, _, _ = view.GetGeoTransform()
        c0, r0 = round((x0 - grid.x_min) / grid.cell_size), round((grid.y_max - y1) / grid.cell_size)
        visible = view.GetRasterBand(1).ReadAsArray()
        rows, cols = slice(r0, r0 + visible.shape[0]), slice(c0, c0 + visible.shape[1])
        dx = grid.x_min + (np.arange(cols.start, cols.stop) + 0.5) * grid.cell_size - x
        dy = grid.y_max - (np.arange(rows.start, rows.stop) + 0.5) * grid.cell_size - y
        dz = surface[rows, cols] + settings.rx_height - tx_z
        d = np.maximum(np.sqrt(dx[None, :] ** 2 + dy[:, None] ** 2 + dz**2), 1.0)
        free_space = 20 * np.log10(d) + 20 * math.log10(frequency) - 27.55
        los_loss = (
            10 * P1411_LOS.alpha * np.log10(d)
            + P1411_LOS.beta
            + 10 * P1411_LOS.gamma * math.log10(frequency / 1000)
            + location_margin(p, P1411_LOS.sigma)
        )
        nlos_loss = np.maximum(
            10 * nlos.alpha * np.log10(d) + nlos.beta + 10 * nlos.gamma * math.log10(frequency / 1000),
            free_space,
        ) + location_margin(p, nlos.sigma)
        power = (20.0 - settings.body_loss - np.where(visible == 1, los_loss, nlos_loss)).astype(np.float32)
        power[(visible == 2) | (dx[None, :] ** 2 + dy[:, None] ** 2 > settings.max_range**2)] = np.nan
        window = rssi[rows, cols]
        np.fmax(window, power, out=window)
    compute_seconds = time.perf_counter() - started
    started = time.perf_counter()
    output = gdal.GetDriverByName("GTiff").Create(
        arguments.peer_rssi_file,
        grid.n_cols,
        grid.n_rows,
        1,
        gdal.GDT_Float32,
        ["COMPRESS=DEFLATE", "TILED=YES", "BIGTIFF=IF_SAFER"],
    )
    output.SetGeoTransform(grid.geotransform)
    output.SetProjection(grid.crs_wkt)
    output.GetRasterBand(1).SetNoDataValue(RSSI_NODATA)
    rssi[~np.isfinite(rssi)] = RSSI_NODATA
    output.GetRasterBand(1).WriteArray(rssi)
    output = None
    write_seconds = time.perf_counter() - started
    return timings("peer", read_seconds, compute_seconds, write_seconds)


def phase_demand(arguments) -> dict:
    """Issue #16: demand_cells on the coverage grid (the sample's buildings as demand, read in front
    of them): its duration and the longest gap between two progress reports (start and end
    included), i.e. the longest time a Cancel could wait."""
    grid = coverage_grid(arguments)
    pairs = read_buildings()
    obstruction = build_obstruction(grid, terrain=f"GPKG:{SAMPLE}:terrain", buildings=pairs)
    whole: dict = {}
    for step, compute in (("obstruction", obstruction.materialise), ("indoor", obstruction.indoor_mask)):
        # the whole grid, as placement computes it when its candidates' windows cover it (#16)
        marks = [time.perf_counter()]
        compute(lambda _percent, marks=marks: marks.append(time.perf_counter()))
        marks.append(time.perf_counter())
        whole[f"whole_{step}_s"] = marks[-1] - marks[0]
        whole[f"whole_{step}_reports"] = len(marks) - 2
        whole[f"whole_{step}_longest_gap_s"] = max(b - a for a, b in zip(marks, marks[1:]))
    outdoor = ~obstruction.indoor
    del obstruction
    geometries = [geometry for geometry, _ in pairs]
    reports, percents = [time.perf_counter()], [0.0]

    def progress(percent: float) -> None:
        reports.append(time.perf_counter())
        percents.append(percent)

    cells = demand_cells(grid, geometries, np.ones(len(geometries)), outdoor=outdoor, progress=progress)
    reports.append(time.perf_counter())
    percents.append(100.0)
    gaps = [b - a for a, b in zip(reports, reports[1:])]
    widest = int(np.argmax(gaps))
    return {
        **whole,
        "demand_features": len(geometries),
        "demand_cells_found": len(cells.cell_ids),
        "demand_cells_s": reports[-1] - reports[0],
        "demand_progress_reports": len(reports) - 2,
        "demand_longest_gap_s": gaps[widest],
        "demand_longest_gap_between_pct": f"{percents[widest]:.1f}–{percents[widest + 1]:.1f}",
        "demand_peak_mb": peak_mb(),
    }


def compare_rasters(ours: str, peer: str) -> dict:
    """Cell by cell, block by block: max |Δ| dB where both have a signal, cells where one has a
    signal and the other none, cells with a signal."""
    from osgeo import gdal

    first, second = gdal.Open(ours), gdal.Open(peer)  # kept open while their bands are read
    a, b = first.GetRasterBand(1), second.GetRasterBand(1)
    worst, only, cells = 0.0, 0, 0
    for top in range(0, a.YSize, 1024):
        rows = min(1024, a.YSize - top)
        x = a.ReadAsArray(0, top, a.XSize, rows)
        y = b.ReadAsArray(0, top, b.XSize, rows)
        has_x, has_y = x != RSSI_NODATA, y != RSSI_NODATA
        both = has_x & has_y
        if both.any():
            worst = max(worst, float(np.abs(x[both] - y[both]).max()))
        only += int((has_x != has_y).sum())
        cells += int(has_x.sum())
    return {"max_abs_diff_db": worst, "cells_signal_on_one_side_only": only, "cells_with_signal": cells}


def coverage(arguments) -> None:
    """Ours then the peer, each in its own process (its own peak memory), then the comparison."""
    print(
        "  compared: whole run (read + obstruct + compute + write), both in process, in full, "
        "each run three times (order swapped each time), the fastest kept; extrapolated: nothing",
        flush=True,
    )
    for key, value in versions().items():
        say(key, value)
    say("memory_warmed_s", warm_memory())
    with tempfile.TemporaryDirectory(dir=arguments.scratch) as folder:
        files = {
            "--hotspots-file": str(Path(folder) / "hotspots.json"),
            "--rssi-file": str(Path(folder) / "ours.tif"),
            "--peer-rssi-file": str(Path(folder) / "peer.tif"),
        }
        forwarded = [*sys.argv[1:], *(item for pair in files.items() for item in pair)]
        figures = {}
        subprocess.run(
            [sys.executable, "-u", __file__, "--phase", "hotspots", *forwarded],
            check=True,
            capture_output=True,
        )
        # Three rounds, the order swapped each time: on a virtual machine the first touch of
        # memory no process has used lately costs up to ~4 ms/MB (host-side faults), and the
        # machine may be shared, so one run of each side proves little.  Each side's fastest
        # whole run is kept; all are printed.
        rounds: dict[str, list[dict]] = {"coverage": [], "coverage_peer": []}
        ours_first = ("coverage", "coverage_peer")
        for order in (ours_first, ours_first[::-1], ours_first):
            for phase in order:
                completed = subprocess.run(
                    [sys.executable, "-u", __file__, "--phase", phase, *forwarded],
                    check=True,
                    capture_output=True,
                    text=True,
                )
                rounds[phase].append(json.loads(completed.stdout.strip().splitlines()[-1]))
        for phase, runs in rounds.items():
            figures[phase] = min(runs, key=lambda run: run["whole_s"])
            rounds_text = " / ".join(f"{run['whole_s']:.2f}" for run in runs)
            say(f"{figures[phase]['side']}_whole_s_rounds", rounds_text)
            for key, value in figures[phase].items():
                say(f"{figures[phase]['side']}_{key}", value)
        agreement = compare_rasters(files["--rssi-file"], files["--peer-rssi-file"])
    grid = coverage_grid(arguments)
    say("cells", grid.n_rows * grid.n_cols)
    say("hotspots", arguments.hotspots)
    for key, value in agreement.items():
        say(key, value)
    say(
        "ratio_whole_run_peer_over_ours", figures["coverage_peer"]["whole_s"] / figures["coverage"]["whole_s"]
    )
    say(
        "ratio_compute_peer_over_ours",
        figures["coverage_peer"]["compute_s"] / figures["coverage"]["compute_s"],
    )


def versions() -> dict:
    """Library versions and cores the figures were measured with."""
    import scipy
    import shapely
    from osgeo import gdal

    figures = {
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "shapely": shapely.__version__,
        "gdal": gdal.__version__,
        "cores": os.cpu_count(),
    }
    try:
        import highspy

        figures["highspy"] = importlib.metadata.version("highspy")
        del highspy
    except ImportError:
        figures["highspy"] = "not installed"
    return figures


def old_method(matrix, weights: np.ndarray, k: int, time_limit: float) -> dict:
    """The method before the certificate (engine of 2026-11-29), same steps and same calls:
    merged rows, greedy + swap, then ``scipy.optimize.milp`` (HiGHS, its default dual simplex for
    the root LP) within the time limit; the better plan, the tightest of HiGHS' dual bound and
    the greedy bounds."""
    from scipy import optimize

    from territoire_numerique.engine.wifi_placement import (
        _covered_weight,
        _greedy,
        _online_bound,
        _swap,
        merge_rows,
    )

    started = time.perf_counter()
    reduced, merged = merge_rows(matrix, weights)
    m, n = reduced.shape
    costs = np.ones(n)
    selected, bounds = _greedy(reduced, merged, costs, k, None, None, bound_k=k)
    heuristic = _swap(reduced, merged, costs, selected, None, None, time.monotonic() + time_limit / 4)
    bounds.append(_online_bound(reduced, merged, heuristic, k))
    objective = _covered_weight(reduced, merged, heuristic)
    a = sparse.csr_matrix(reduced, dtype=np.float64)
    link = sparse.hstack([-a, sparse.identity(m, format="csr")], format="csr")
    cardinality = sparse.hstack([np.ones((1, n)), sparse.csr_matrix((1, m))], format="csr")
    result = optimize.milp(
        np.concatenate([np.zeros(n), -merged]),
        constraints=[
            optimize.LinearConstraint(link, -np.inf, 0.0),
            optimize.LinearConstraint(cardinality, 0, k),
        ],
        integrality=np.concatenate([np.ones(n), np.zeros(m)]),
        bounds=optimize.Bounds(0, 1),
        options={"time_limit": float(time_limit - (time.perf_counter() - started)), "disp": False},
    )
    method = "greedy + swap"
    if result.x is not None:
        plan = [int(j) for j in np.flatnonzero(result.x[:n] > 0.5)]
        value = _covered_weight(reduced, merged, plan)
        if value >= objective - 1e-9:
            objective, method = value, "HiGHS MILP"
    dual = getattr(result, "mip_dual_bound", None)
    if dual is not None and math.isfinite(dual):
        bounds.append(-dual)
    bound = max(min(bounds), objective)
    return {
        "s": time.perf_counter() - started,
        "method": method,
        "objective": objective,
        "bound": bound,
        "gap": (bound - objective) / bound,
        "highs_status": result.message,
    }


def say(key: str, value: object) -> None:
    """Print one figure at once (the slow runs come after it)."""
    print(f"  {key:34s} {value:.7g}" if isinstance(value, float) else f"  {key:34s} {value}", flush=True)


def solve_new(matrix, weights: np.ndarray, k: int, time_limit: float, highspy: bool) -> dict:
    """Ours: place() with its certificate; ``highspy=False`` hides highspy (SciPy's HiGHS only)."""
    hidden = sys.modules.get("highspy", "absent")
    if not highspy:
        sys.modules["highspy"] = None  # import fails: SciPy's milp for branch-and-bound
    try:
        started = time.perf_counter()
        result = place(matrix, weights, np.zeros(len(weights), bool), count=k, time_limit=time_limit)
        seconds = time.perf_counter() - started
    finally:
        if hidden == "absent":
            sys.modules.pop("highspy", None)
        else:
            sys.modules["highspy"] = hidden
    return {
        "s": seconds,
        "method": result.method,
        "objective": result.objective,
        "bound": result.bound,
        "bound_method": result.bound_method,
        "gap": result.gap,
        "reduced": f"{result.reduced[0]} rows × {result.reduced[1]} candidates",
        "steps": ", ".join(f"{name} {value:.2f} s" for name, value in result.seconds.items()),
    }


def placement_instance(cells: float, arguments, seed: int):
    """Grid, obstruction, candidate sites, demand points and weights (random, on open ground)."""
    grid, pairs, terrain, label = territory(cells, arguments.cell_size)
    obstruction = build_obstruction(grid, terrain=terrain, buildings=pairs)
    generator = np.random.default_rng(seed)
    sites = [
        Hotspot(i + 1, x, y)
        for i, (x, y) in enumerate(open_points(obstruction, arguments.candidates, generator))
    ]
    points = open_points(obstruction, arguments.demand, generator)
    weights = generator.integers(1, 20, len(points)).astype(float)
    return grid, obstruction, sites, points, weights, label


def compare(name: str, matrix, weights: np.ndarray, arguments) -> dict:
    """Old method and ours (SciPy only, and with highspy when installed) on one matrix."""
    figures: dict = {}

    def record(tag: str, values: dict) -> None:
        for key, value in values.items():
            figures[f"{name}_{tag}_{key}"] = value
            say(f"{name}_{tag}_{key}", value)

    record("new_scipy", solve_new(matrix, weights, arguments.k, arguments.time_limit, highspy=False))
    if importlib.util.find_spec("highspy"):
        record("new_highspy", solve_new(matrix, weights, arguments.k, arguments.time_limit, highspy=True))
    old = old_method(matrix, weights, arguments.k, arguments.time_limit)
    record("old", old)
    new = figures[f"{name}_new_scipy_objective"], figures[f"{name}_new_scipy_bound"]
    checks = {
        # each plan within the other's proven bound (both bounds valid), ours within its target
        "bounds_consistent": old["objective"] <= new[1] + 1e-9 and new[0] <= old["bound"] + 1e-9,
        "new_gap_le_0.5pct": figures[f"{name}_new_scipy_gap"] <= 0.005,
        "time_new_scipy_over_old": figures[f"{name}_new_scipy_s"] / old["s"],
    }
    record("check", checks)
    return figures


def qgis_process_town(grid, sites, points, weights, arguments) -> dict:
    """The town-like layout through ``qgis_process`` (the plugin as users run it, system Python):
    candidate and demand layers written to a GeoPackage, the sample's buildings and terrain."""
    import geopandas as gpd
    from osgeo import gdal
    from shapely.geometry import Point

    with tempfile.TemporaryDirectory(dir=arguments.scratch) as folder:
        layers = Path(folder) / "town.gpkg"
        crs = "EPSG:2154"
        gpd.GeoDataFrame(
            {"building_id": [f"c{s.key}" for s in sites]}, geometry=[Point(s.x, s.y) for s in sites], crs=crs
        ).to_file(layers, layer="candidates", driver="GPKG")
        gpd.GeoDataFrame({"population": weights}, geometry=[Point(x, y) for x, y in points], crs=crs).to_file(
            layers, layer="demand", driver="GPKG"
        )
        x0, y1 = grid.x_min, grid.y_max
        x1, y0 = x0 + grid.n_cols * grid.cell_size, y1 - grid.n_rows * grid.cell_size
        parameters = {
            "CANDIDATES": f"{layers}|layername=candidates",
            "DEMAND": f"{layers}|layername=demand",
            "BUILDINGS": f"{SAMPLE}|layername=buildings",
            "TERRAIN": gdal.Translate(
                str(Path(folder) / "terrain.tif"), f"GPKG:{SAMPLE}:terrain"
            ).GetDescription(),
            "COUNT": arguments.k,
            "TIME_LIMIT": arguments.time_limit,
            "CELL_SIZE": grid.cell_size,
            "EXTENT": f"{x0},{x1},{y0},{y1} [EPSG:2154]",
            "SELECTED": str(Path(folder) / "selected.gpkg"),
            "CURVE": str(Path(folder) / "curve.gpkg"),
            "UNCOVERED": str(Path(folder) / "uncovered.gpkg"),
        }
        profile = Path(folder) / "profile"
        environment = dict(
            os.environ,
            QGIS_PLUGINPATH=str(REPO / ".build" / "pkg"),
            QGIS_CUSTOM_CONFIG_PATH=str(profile),
            QT_QPA_PLATFORM="offscreen",
        )
        subprocess.run(
            ["/usr/bin/qgis_process.bin", "plugins", "enable", "territoire_numerique"],
            env=environment,
            check=True,
            capture_output=True,
        )
        started = time.perf_counter()
        completed = subprocess.run(
            [
                "/usr/bin/qgis_process.bin",
                "run",
                "territoire:wifi_placement",
                "--json",
                "--",
                *(f"{key}={value}" for key, value in parameters.items()),
            ],
            env=environment,
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - started
    if completed.returncode != 0:
        return {"qgis_process": f"failed: {completed.stderr[-500:]}"}
    outputs = json.loads(completed.stdout)["results"]
    return {
        "qgis_process_s": seconds,
        "qgis_process_method": outputs["METHOD"],
        "qgis_process_objective": outputs["OBJECTIVE"],
        "qgis_process_bound": outputs["BOUND"],
        "qgis_process_gap": outputs["GAP"],
        "qgis_process_summary": outputs["SUMMARY"],
    }


def phase_placement(arguments) -> dict:
    """Full size (2,000 candidates × 50,000 demand, k = 50, the sample's 4 M-cell centre) and the
    town-like layout (the same counts spread over 36 km²), each solved by the old method and ours
    in this run; the town-like one also through qgis_process."""
    settings = RadioSettings()
    result: dict = {
        "compared": "ours (reduction + LP by interior point + B&B if needed) vs the old "
        "method (greedy + swap + scipy milp, time limit), same matrix, same run",
        "extrapolated": "nothing",
        **versions(),
    }
    for key, value in result.items():
        say(key, value)
    for name, cells in (("full", arguments.placement_cells), ("town", arguments.town_cells)):
        grid, obstruction, sites, points, weights, label = placement_instance(cells, arguments, SEED + 1)
        from shapely.geometry import Point

        cells_ = demand_cells(grid, [Point(x, y) for x, y in points], weights)
        started = time.perf_counter()
        matrix = coverage_matrix(obstruction, sites, cells_, settings)
        figures = {
            f"{name}_data": label,
            f"{name}_area_km2": grid.n_rows * grid.n_cols * grid.cell_size**2 / 1e6,
            f"{name}_candidates": len(sites),
            f"{name}_demand": len(points),
            f"{name}_k": arguments.k,
            f"{name}_links": int(matrix.nnz),
            f"{name}_matrix_s": time.perf_counter() - started,
        }
        del obstruction
        for key, value in figures.items():
            say(key, value)
        result.update(figures)
        result.update(compare(name, matrix, weights, arguments))
        if name == "town" and not arguments.no_qgis_process:
            town = qgis_process_town(grid, sites, points, weights, arguments)
            for key, value in town.items():
                say(key, value)
            result.update(town)
    result["peak_mb"] = peak_mb()
    say("peak_mb", result["peak_mb"])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phase", choices=("hotspots", "coverage", "coverage_peer", "demand", "placement"))
    parser.add_argument("--only", choices=("coverage", "demand", "placement"), help="run one of the benches")
    parser.add_argument("--hotspots-file", default="")
    parser.add_argument("--rssi-file", default="")
    parser.add_argument("--peer-rssi-file", default="")
    parser.add_argument("--cells", type=float, default=74e6)
    parser.add_argument("--cell-size", type=float, default=2.0)
    parser.add_argument("--hotspots", type=int, default=500)
    parser.add_argument("--placement-cells", type=float, default=4e6)
    parser.add_argument("--candidates", type=int, default=2000)
    parser.add_argument("--demand", type=int, default=50_000)
    parser.add_argument("-k", type=int, default=50)
    parser.add_argument("--time-limit", type=float, default=120.0)
    parser.add_argument("--town-cells", type=float, default=9e6, help="town-like layout: 36 km² of 2 m cells")
    parser.add_argument("--no-qgis-process", action="store_true")
    parser.add_argument("--scratch", default=os.environ.get("TMPDIR", "/tmp"))
    arguments = parser.parse_args()
    if arguments.phase in ("hotspots", "coverage", "coverage_peer", "demand"):
        worker = {
            "hotspots": phase_hotspots,
            "coverage": phase_coverage,
            "coverage_peer": phase_coverage_peer,
            "demand": phase_demand,
        }[arguments.phase]
        print(json.dumps(worker(arguments)), flush=True)
        return
    if arguments.phase == "placement":
        figures = phase_placement(arguments)  # prints each figure as it comes
        print(json.dumps(figures), flush=True)
        return
    if arguments.only in (None, "coverage"):
        print("--- coverage", flush=True)
        coverage(arguments)
    if arguments.only in (None, "demand"):
        print("--- progress cadence: whole-grid obstruction, demand cells (issue #16)", flush=True)
        completed = subprocess.run(
            [sys.executable, "-u", __file__, "--phase", "demand", *sys.argv[1:]],
            check=True,
            capture_output=True,
            text=True,
        )
        for key, value in json.loads(completed.stdout.strip().splitlines()[-1]).items():
            say(key, value)
    if arguments.only in (None, "placement"):
        print("--- placement", flush=True)
        subprocess.run([sys.executable, "-u", __file__, "--phase", "placement", *sys.argv[1:]], check=True)


if __name__ == "__main__":
    main()
