"""Wi-Fi benchmark: ours against the peers, in one run.

1. Coverage: 500 hotspots over a 2 m grid of ≈ 74 M cells with buildings — our best-server
   coverage (windowed ``gdal.ViewshedGenerate`` + signal + best server, in place) against running
   the ``gdal_viewshed`` command once per hotspot on the same surface with the same maximum range.
   The peer is timed on a sample of hotspots (``--peer-sample``) and extrapolated to all of them.
2. Placement: 2,000 candidates × 50,000 demand points, k = 50, on one coverage matrix computed by
   our propagation: ours (HiGHS MILP, greedy + swap fallback) against PySAL spopt's MCLP (PuLP/CBC,
   dense cost matrix) — time and covered weight.  Ours is printed as soon as it is known; spopt
   runs in a child process with a wall-clock limit (``--peer-timeout``), at full size and on a
   sub-instance where it finishes (``--peer-demand`` × ``--peer-candidates``, ours on the same
   sub-instance), so that there is a measured ratio and an objective check in any case.

Each phase runs in its own process so that its peak memory (max RSS) is its own.  Data: the sample
territory's buildings and terrain when resources/sample/territoire_sample.gpkg exists, else a
synthetic city of street blocks (seeded).
Usage: bench_wifi.py [--phase placement] [--peer-sample 40] [--cells 74e6] [--peer-timeout 900]
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

from territoire_numerique.engine.wifi_placement import coverage_matrix, place  # noqa: E402
from territoire_numerique.engine.wifi_propagation import (  # noqa: E402
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


def phase_coverage(arguments) -> dict:
    settings = RadioSettings()
    started = time.perf_counter()
    grid, pairs, terrain, label = territory(arguments.cells, arguments.cell_size)
    obstruction = build_obstruction(grid, terrain=terrain, buildings=pairs)
    build_seconds = time.perf_counter() - started
    generator = np.random.default_rng(SEED)
    hotspots = [
        Hotspot(i + 1, x, y)
        for i, (x, y) in enumerate(open_points(obstruction, arguments.hotspots, generator))
    ]
    started = time.perf_counter()
    result = best_server_coverage(obstruction, hotspots, settings)
    coverage_seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory(dir=arguments.scratch) as folder:
        started = time.perf_counter()
        rssi = np.where(np.isfinite(result.rssi), result.rssi, np.float32(-9999.0)).astype(np.float32)
        write_raster(Path(folder) / "rssi.tif", grid, rssi, -9999.0)
        write_seconds = time.perf_counter() - started
        del rssi
        ours_peak = peak_mb()
        # Peer: the gdal_viewshed command per hotspot on the same surface (uncompressed GeoTIFF).
        surface = Path(folder) / "surface.tif"
        from osgeo import gdal

        dataset = gdal.GetDriverByName("GTiff").Create(
            str(surface), grid.n_cols, grid.n_rows, 1, gdal.GDT_Float32, ["TILED=YES", "BIGTIFF=YES"]
        )
        dataset.SetGeoTransform(grid.geotransform)
        dataset.SetProjection(grid.crs_wkt)
        dataset.GetRasterBand(1).WriteArray(obstruction.surface)
        dataset = None
        sample = hotspots[: arguments.peer_sample]
        peer_peak = 0.0
        started = time.perf_counter()
        for hotspot in sample:
            completed = subprocess.run(
                [
                    "/usr/bin/time",
                    "-f",
                    "%M",
                    "gdal_viewshed",
                    "-q",
                    "-md",
                    str(settings.max_range),
                    "-ox",
                    str(hotspot.x),
                    "-oy",
                    str(hotspot.y),
                    "-oz",
                    str(hotspot.height_m),
                    "-tz",
                    str(settings.rx_height),
                    "-cc",
                    "0",
                    str(surface),
                    str(Path(folder) / "view.tif"),
                ],
                check=True,
                capture_output=True,
                text=True,
            )
            peer_peak = max(peer_peak, int(completed.stderr.split()[-1]) / 1024.0)  # max RSS, kB
        peer_seconds = time.perf_counter() - started
    peer_total = peer_seconds * len(hotspots) / len(sample)
    return {
        "data": label,
        "cells": grid.n_rows * grid.n_cols,
        "rows": grid.n_rows,
        "cols": grid.n_cols,
        "cell_size": grid.cell_size,
        "buildings": len(pairs),
        "hotspots": len(hotspots),
        "obstruction_s": build_seconds,
        "coverage_s": coverage_seconds,
        "write_rssi_s": write_seconds,
        "ours_total_s": build_seconds + coverage_seconds,
        "ours_peak_mb": ours_peak,
        "covered_km2": float(result.covered().sum()) * grid.cell_size**2 / 1e6,
        "peer_sample": len(sample),
        "peer_sample_s": peer_seconds,
        "peer_extrapolated_s": peer_total,
        "peer_peak_mb": peer_peak,
        "ratio_viewshed_only": peer_total / coverage_seconds,
    }


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
    parser.add_argument("--phase", choices=("coverage", "placement"))
    parser.add_argument("--cells", type=float, default=74e6)
    parser.add_argument("--cell-size", type=float, default=2.0)
    parser.add_argument("--hotspots", type=int, default=500)
    parser.add_argument("--peer-sample", type=int, default=40)
    parser.add_argument("--placement-cells", type=float, default=4e6)
    parser.add_argument("--candidates", type=int, default=2000)
    parser.add_argument("--demand", type=int, default=50_000)
    parser.add_argument("-k", type=int, default=50)
    parser.add_argument("--time-limit", type=float, default=120.0)
    parser.add_argument("--town-cells", type=float, default=9e6, help="town-like layout: 36 km² of 2 m cells")
    parser.add_argument("--no-qgis-process", action="store_true")
    parser.add_argument("--scratch", default=os.environ.get("TMPDIR", "/tmp"))
    arguments = parser.parse_args()
    if arguments.phase == "coverage":
        for key, value in phase_coverage(arguments).items():
            say(key, value)
        return
    if arguments.phase == "placement":
        figures = phase_placement(arguments)  # prints each figure as it comes
        print(json.dumps(figures), flush=True)
        return
    forwarded = sys.argv[1:]
    for name in ("coverage", "placement"):
        print(f"--- {name}", flush=True)
        subprocess.run([sys.executable, "-u", __file__, "--phase", name, *forwarded], check=True)


if __name__ == "__main__":
    main()
