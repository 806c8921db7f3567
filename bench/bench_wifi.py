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


def say(key: str, value: object) -> None:
    """Print one figure at once (the peer may run for many minutes after it)."""
    print(f"  {key:24s} {value:.3f}" if isinstance(value, float) else f"  {key:24s} {value}", flush=True)


def spopt_worker(matrix, weights: np.ndarray, k: int, time_limit: float, memory_gb: float, messages) -> None:
    """Child process: PySAL spopt's MCLP on ``matrix``; sends ("stage", name), then ("done", figures)
    or ("error", message).  Runs in its own process group so that CBC, started by PuLP, is
    stopped with it; its address space is capped at ``memory_gb``."""
    os.setsid()
    limit = int(memory_gb * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    import pulp
    from spopt.locate import MCLP

    try:
        messages.put(("stage", "dense cost matrix"))
        started = time.perf_counter()
        cost = np.where(matrix.toarray(), 0.0, 2.0)  # spopt wants a dense client × facility cost matrix
        messages.put(("stage", "model building"))
        model = MCLP.from_cost_matrix(cost, weights, service_radius=1.0, p_facilities=k, name="bench")
        build_seconds = time.perf_counter() - started
        messages.put(("stage", "solving (CBC)"))
        model = model.solve(pulp.PULP_CBC_CMD(msg=False, timeLimit=int(time_limit)))
        seconds = time.perf_counter() - started
    except MemoryError:
        messages.put(("error", f"ran out of memory (address space capped at {memory_gb:g} GB)"))
        return
    chosen = [j for j, variable in enumerate(model.fac_vars) if variable.value() and variable.value() > 0.5]
    covered = np.asarray(matrix[:, chosen].sum(axis=1)).ravel() > 0
    messages.put(
        (
            "done",
            {
                "s": seconds,
                "build_s": build_seconds,
                "objective": float(weights[covered].sum()),
                "status": pulp.LpStatus[model.problem.status],
                "peak_mb": peak_mb(),
            },
        )
    )


def child_peak_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of a running process, MB (NaN once it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return math.nan


def run_spopt(matrix, weights: np.ndarray, arguments, k: int, ours_seconds: float, tag: str) -> dict:
    """spopt's MCLP in a child process (forkserver: its max RSS is its own) with a wall-clock limit
    of ``--peer-timeout`` s counted once spopt is imported; figures prefixed with ``tag``."""
    import multiprocessing
    import queue

    context = multiprocessing.get_context("forkserver")
    messages = context.Queue()
    child = context.Process(
        target=spopt_worker,
        args=(matrix, weights, k, arguments.time_limit, arguments.peer_memory_gb, messages),
    )
    child.start()
    stages: list[tuple[str, float]] = []  # (stage, monotonic start) once spopt is imported
    outcome, figures = None, {}
    deadline = time.monotonic() + arguments.peer_timeout
    while outcome is None and time.monotonic() < deadline and child.is_alive():
        try:
            kind, payload = messages.get(timeout=1.0)
        except queue.Empty:
            continue
        if kind == "stage":
            if not stages:
                deadline = time.monotonic() + arguments.peer_timeout
            stages.append((payload, time.monotonic()))
        else:
            outcome, figures = kind, payload
    result: dict = {}
    if outcome == "done":
        child.join()
        result = {
            f"{tag}_s": figures["s"],
            f"{tag}_model_build_s": figures["build_s"],
            f"{tag}_objective": figures["objective"],
            f"{tag}_status": figures["status"],
            f"{tag}_peak_mb": figures["peak_mb"],
            f"{tag}_ratio_time": figures["s"] / ours_seconds,
        }
    else:
        stopped = time.monotonic()
        peak = child_peak_mb(child.pid)
        if child.is_alive():
            os.killpg(child.pid, 9)  # the child and the CBC it may have started
        child.join()
        stage = stages[-1][0] if stages else "importing spopt"
        elapsed = stopped - stages[0][1] if stages else 0.0
        if outcome == "error":
            result[tag] = f"{figures} after {elapsed:.0f} s ({stage})"
        elif child.exitcode not in (None, 0, -9):
            result[tag] = f"exited with code {child.exitcode} after {elapsed:.0f} s ({stage})"
        else:
            result[tag] = f"did not finish in {arguments.peer_timeout:g} s ({stage})"
            result[f"{tag}_ratio_time_lower_bound"] = arguments.peer_timeout / ours_seconds
        ends = [start for _, start in stages[1:]] + [stopped]
        result[f"{tag}_stages"] = ", ".join(
            f"{name} {end - start:.1f} s" for (name, start), end in zip(stages, ends)
        )
        result[f"{tag}_peak_mb_when_stopped"] = peak
    for key, value in result.items():
        say(key, value)
    return result


def solve_ours(matrix, weights: np.ndarray, k: int, arguments, tag: str) -> dict:
    """Ours on one instance: HiGHS (greedy + swap fallback), then greedy + swap alone."""
    started = time.perf_counter()
    ours = place(matrix, weights, np.zeros(len(weights), bool), count=k, time_limit=arguments.time_limit)
    ours_seconds = time.perf_counter() - started
    started = time.perf_counter()
    greedy = place(matrix, weights, np.zeros(len(weights), bool), count=k, exact=False)
    greedy_seconds = time.perf_counter() - started
    result = {
        f"{tag}_s": ours_seconds,
        f"{tag}_method": ours.method,
        f"{tag}_objective": ours.objective,
        f"{tag}_bound": ours.bound,
        f"{tag}_gap": ours.gap,
        f"{tag}_pct": ours.after_pct,
        f"{tag}_greedy_swap_s": greedy_seconds,
        f"{tag}_greedy_swap_objective": greedy.objective,
    }
    for key, value in result.items():
        say(key, value)
    return result


def phase_placement(arguments) -> dict:
    """Ours at full size, then spopt on a sub-instance where it finishes (with ours on the same
    sub-instance), then spopt at full size; every figure is printed as soon as it is known."""
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
    result = {
        "data": label,
        "grid_cells": grid.n_rows * grid.n_cols,
        "candidates": len(sites),
        "demand": len(points),
        "k": arguments.k,
        "links": int(matrix.nnz),
        "matrix_s": matrix_seconds,
    }
    for key, value in result.items():
        say(key, value)
    result.update(solve_ours(matrix, weights, arguments.k, arguments, "ours"))
    result["ours_peak_mb"] = peak_mb()
    say("ours_peak_mb", result["ours_peak_mb"])
    try:
        import pulp  # noqa: F401
        import spopt  # noqa: F401
    except ImportError as error:
        result["spopt"] = f"not installed ({error})"
        say("spopt", result["spopt"])
        return result
    # Same instance for both, small enough for spopt: the first demand points and candidates
    # (both drawn at random, so a random sub-instance).
    small_k = arguments.peer_k or arguments.k
    small = sparse.csc_matrix(matrix[: arguments.peer_demand, : arguments.peer_candidates])
    small_weights = weights[: arguments.peer_demand]
    for key, value in {
        "small_candidates": small.shape[1],
        "small_demand": small.shape[0],
        "small_k": small_k,
        "small_links": int(small.nnz),
    }.items():
        result[key] = value
        say(key, value)
    result.update(solve_ours(small, small_weights, small_k, arguments, "small_ours"))
    result.update(run_spopt(small, small_weights, arguments, small_k, result["small_ours_s"], "small_spopt"))
    if "small_spopt_objective" in result:
        check = result["small_ours_objective"] >= result["small_spopt_objective"] - 1e-6
        result["small_ours_ge_spopt"] = check
        result["small_ours_proven_optimal"] = result["small_ours_method"] == "HiGHS MILP (optimal)"
        say("small_ours_ge_spopt", check)
        say("small_ours_proven_optimal", result["small_ours_proven_optimal"])
    result.update(run_spopt(matrix, weights, arguments, arguments.k, result["ours_s"], "spopt"))
    if "spopt_objective" in result:
        result["ours_ge_spopt"] = result["ours_objective"] >= result["spopt_objective"] - 1e-6
        say("ours_ge_spopt", result["ours_ge_spopt"])
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
    parser.add_argument("--peer-timeout", type=float, default=900.0, help="wall clock per spopt run, s")
    parser.add_argument("--peer-memory-gb", type=float, default=12.0, help="address space cap of spopt")
    parser.add_argument("--peer-demand", type=int, default=5000, help="sub-instance where spopt finishes")
    parser.add_argument("--peer-candidates", type=int, default=500)
    parser.add_argument("--peer-k", type=int, default=0, help="k of the sub-instance (default: -k)")
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
