"""Wi-Fi benchmark: ours against the peers, in one run.

1. Coverage: 500 hotspots over a 2 m grid of ≈ 74 M cells with buildings — our best-server
   coverage (windowed ``gdal.ViewshedGenerate`` + signal + best server, in place) against running
   the ``gdal_viewshed`` command once per hotspot on the same surface with the same maximum range.
   The peer is timed on a sample of hotspots (``--peer-sample``) and extrapolated to all of them.
2. Placement: 2,000 candidates × 50,000 demand points, k = 50, on one coverage matrix computed by
   our propagation: ours (HiGHS MILP, greedy + swap fallback) against PySAL spopt's MCLP (PuLP/CBC,
   dense cost matrix) — time and covered weight.

Each phase runs in its own process so that its peak memory (max RSS) is its own.  Data: the sample
territory's buildings and terrain when resources/sample/territoire_sample.gpkg exists, else a
synthetic city of street blocks (seeded).  Usage: bench_wifi.py [--peer-sample 40] [--cells 74e6]
"""

from __future__ import annotations

import argparse
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


def phase_placement(arguments) -> dict:
    settings = RadioSettings()
    grid, pairs, terrain, label = territory(arguments.placement_cells, arguments.cell_size)
    obstruction = build_obstruction(grid, terrain=terrain, buildings=pairs)
    generator = np.random.default_rng(SEED + 1)
    from shapely.geometry import Point

    sites = [
        Hotspot(i + 1, x, y)
        for i, (x, y) in enumerate(open_points(obstruction, arguments.candidates, generator))
    ]
    points = open_points(obstruction, arguments.demand, generator)
    weights = generator.integers(1, 20, len(points)).astype(float)
    cells = demand_cells(grid, [Point(x, y) for x, y in points], weights)
    started = time.perf_counter()
    matrix = coverage_matrix(obstruction, sites, cells, settings)
    matrix_seconds = time.perf_counter() - started
    del obstruction
    started = time.perf_counter()
    ours = place(
        matrix, weights, np.zeros(len(weights), bool), count=arguments.k, time_limit=arguments.time_limit
    )
    ours_seconds = time.perf_counter() - started
    started = time.perf_counter()
    greedy = place(matrix, weights, np.zeros(len(weights), bool), count=arguments.k, exact=False)
    greedy_seconds = time.perf_counter() - started
    ours_peak = peak_mb()
    result = {
        "data": label,
        "grid_cells": grid.n_rows * grid.n_cols,
        "candidates": len(sites),
        "demand": len(points),
        "k": arguments.k,
        "links": int(matrix.nnz),
        "matrix_s": matrix_seconds,
        "ours_s": ours_seconds,
        "ours_method": ours.method,
        "ours_objective": ours.objective,
        "ours_gap": ours.gap,
        "ours_pct": ours.after_pct,
        "greedy_swap_s": greedy_seconds,
        "greedy_swap_objective": greedy.objective,
        "ours_peak_mb": ours_peak,
    }
    try:
        import pulp
        from spopt.locate import MCLP
    except ImportError as error:
        result["spopt"] = f"not installed ({error})"
        return result
    started = time.perf_counter()
    cost = np.where(matrix.toarray(), 0.0, 2.0)  # spopt wants a dense client × facility cost matrix
    model = MCLP.from_cost_matrix(cost, weights, service_radius=1.0, p_facilities=arguments.k, name="bench")
    model = model.solve(pulp.PULP_CBC_CMD(msg=False, timeLimit=int(arguments.time_limit)))
    spopt_seconds = time.perf_counter() - started
    chosen = [j for j, variable in enumerate(model.fac_vars) if variable.value() and variable.value() > 0.5]
    covered = np.asarray(matrix[:, chosen].sum(axis=1)).ravel() > 0
    result.update(
        {
            "spopt_s": spopt_seconds,
            "spopt_objective": float(weights[covered].sum()),
            "spopt_status": pulp.LpStatus[model.problem.status],
            "spopt_peak_mb": peak_mb(),
            "ratio_time": spopt_seconds / ours_seconds,
        }
    )
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
    parser.add_argument("--scratch", default=os.environ.get("TMPDIR", "/tmp"))
    arguments = parser.parse_args()
    if arguments.phase:
        phase = phase_coverage if arguments.phase == "coverage" else phase_placement
        print(json.dumps(phase(arguments)))
        return
    forwarded = sys.argv[1:]
    for name in ("coverage", "placement"):
        completed = subprocess.run(
            [sys.executable, __file__, "--phase", name, *forwarded],
            capture_output=True,
            text=True,
            check=True,
        )
        figures = json.loads(completed.stdout.strip().splitlines()[-1])
        print(f"--- {name}")
        for key, value in figures.items():
            print(f"  {key:24s} {value:.3f}" if isinstance(value, float) else f"  {key:24s} {value}")


if __name__ == "__main__":
    main()
