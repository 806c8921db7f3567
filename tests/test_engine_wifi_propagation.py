"""Wi-Fi propagation engine on small synthetic grids (no QGIS)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from osgeo import gdal
from shapely.geometry import Point, box

from territoire_numerique.engine.arrays import Buffers
from territoire_numerique.engine.errors import EngineError
from territoire_numerique.engine.wifi_propagation import (
    BEST_SERVER_NODATA,
    P1411_LOS,
    P1411_NLOS,
    Grid,
    Hotspot,
    RadioSettings,
    best_server_coverage,
    build_obstruction,
    building_entry_loss,
    demand_cells,
    eirp_warning,
    free_space_loss,
    frequency_from_band,
    hotspot_field,
    location_margin,
    p1411_loss,
    path_loss,
    polygonize_classes,
    sector_gain,
    write_raster,
    zone_shares,
)

CELL = 2.0


def flat_grid(size_m: float = 400.0) -> Grid:
    return Grid.from_bounds(0.0, 0.0, size_m, size_m, CELL)


def cell_centres(grid: Grid, field) -> tuple[np.ndarray, np.ndarray]:
    xs = grid.x_min + (np.arange(field.cols.start, field.cols.stop) + 0.5) * grid.cell_size
    ys = grid.y_max - (np.arange(field.rows.start, field.rows.stop) + 0.5) * grid.cell_size
    return np.meshgrid(xs, ys)


def test_formulas_match_reference_values():
    # Free space at 100 m, 2437 MHz: 40 + 67.74 − 27.55.
    assert free_space_loss(100.0, 2437.0) == pytest.approx(80.19, abs=0.01)
    # P.1411 LoS at 100 m, 2.437 GHz: 42.4 + 29.2 + 21.1·log10(2.437).
    assert p1411_loss(100.0, 2437.0, P1411_LOS) == pytest.approx(42.4 + 29.2 + 21.1 * math.log10(2.437))
    # NLoS urban is never taken below free space at short range (LoS may be, as fitted).
    settings = RadioSettings(location_probability=50.0)
    short = np.array([5.0, 100.0])
    nlos = path_loss(short, np.array([False, False]), 2437.0, settings)
    assert nlos[0] == pytest.approx(free_space_loss(5.0, 2437.0))
    assert nlos[1] == pytest.approx(p1411_loss(100.0, 2437.0, P1411_NLOS["urban"]))
    assert location_margin(90.0, 5.06) == pytest.approx(1.2816 * 5.06, abs=1e-3)
    assert location_margin(50.0, 7.6) == pytest.approx(0.0)
    # P.2109 medians at 2.4 GHz (≈ 15 dB traditional, ≈ 31 dB thermally efficient).
    assert building_entry_loss(2400.0, "traditional") == pytest.approx(15.2, abs=0.1)
    assert building_entry_loss(2400.0, "thermally_efficient") == pytest.approx(30.6, abs=0.2)
    assert building_entry_loss(2400.0, "none") == 0.0
    with pytest.raises(EngineError):
        location_margin(100.0, 3.0)


def test_range_at_90_percent_matches_domain_notes():
    """−75 dBm at 90 % with 20 dBm EIRP and 3 dB body loss: ≈ 187 m LoS, ≈ 108 m NLoS residential."""
    budget = 20.0 - 3.0 + 75.0
    distances = np.arange(1.0, 400.0, 0.5)
    los = p1411_loss(distances, 2437.0, P1411_LOS) + location_margin(90, P1411_LOS.sigma)
    residential = P1411_NLOS["residential"]
    nlos = p1411_loss(distances, 2437.0, residential) + location_margin(90, residential.sigma)
    assert distances[los <= budget].max() == pytest.approx(187, abs=5)
    assert distances[nlos <= budget].max() == pytest.approx(108, abs=5)


def test_eirp_caps_and_bands():
    assert eirp_warning(20.0, 2437.0) is None
    assert "20 dBm" in eirp_warning(23.0, 2437.0)
    assert eirp_warning(30.0, 5500.0) is None
    assert "not allowed" in eirp_warning(20.0, 5200.0)
    assert eirp_warning(20.0, 900.0) is not None
    assert frequency_from_band(2.4) == 2437.0
    assert frequency_from_band(5) == 5500.0
    assert frequency_from_band(5180.0) == 5180.0
    with pytest.raises(EngineError):
        frequency_from_band(0)


def test_free_space_on_flat_ground_matches_formula_cell_by_cell():
    grid = flat_grid()
    obstruction = build_obstruction(grid)
    hotspot = Hotspot(1, 201.0, 199.0, eirp_dbm=20.0, height_m=4.0, frequency_mhz=2437.0)
    settings = RadioSettings(model="free_space", body_loss=0.0, max_range=150.0)
    field = hotspot_field(obstruction, hotspot, settings)
    assert field is not None and field.los[~np.isnan(field.rssi)].all()
    x, y = cell_centres(grid, field)
    horizontal = np.hypot(x - hotspot.x, y - hotspot.y)
    inside = horizontal <= 150.0 - CELL
    assert np.isfinite(field.rssi[inside]).all()
    assert np.isnan(field.rssi[horizontal > 150.0]).all()
    d3 = np.sqrt(horizontal**2 + (4.0 - 1.5) ** 2)
    near = free_space_loss(np.maximum(d3 - CELL, 1.0), 2437.0)
    far = free_space_loss(d3 + CELL, 2437.0)
    loss = 20.0 - field.rssi[inside]
    assert (loss >= near[inside] - 1e-3).all()
    assert (loss <= far[inside] + 1e-3).all()
    # And the exact 3-D distance gives the formula itself.
    assert loss == pytest.approx(free_space_loss(np.maximum(d3[inside], 1.0), 2437.0), abs=1e-3)


def test_building_between_hotspot_and_receiver_switches_to_nlos():
    grid = flat_grid()
    wall = box(230.0, 150.0, 240.0, 250.0)  # 10 m thick, 12 m high, east of the hotspot
    open_ground = build_obstruction(grid)
    built = build_obstruction(grid, buildings=[(wall, 12.0)])
    hotspot = Hotspot(1, 201.0, 199.0)
    settings = RadioSettings(model="p1411", environment="urban", body_loss=3.0)
    clear = hotspot_field(open_ground, hotspot, settings)
    shadow = hotspot_field(built, hotspot, settings)
    row, col = (int(v) for v in grid.cell_of(301.0, 199.0))  # 100 m east, behind the wall
    r, c = row - shadow.rows.start, col - shadow.cols.start
    assert clear.los[r, c] and not shadow.los[r, c]
    distance = math.sqrt(100.0**2 + 2.5**2)
    urban = P1411_NLOS["urban"]
    expected_nlos = 20.0 - 3.0 - (p1411_loss(distance, 2437.0, urban) + location_margin(90, urban.sigma))
    expected_los = 20.0 - 3.0 - (p1411_loss(distance, 2437.0, P1411_LOS) + location_margin(90, 5.06))
    assert shadow.rssi[r, c] == pytest.approx(expected_nlos, abs=1e-3)
    assert clear.rssi[r, c] == pytest.approx(expected_los, abs=1e-3)
    # West of the hotspot (nothing in the way) both agree.
    row, col = (int(v) for v in grid.cell_of(101.0, 199.0))
    assert shadow.los[row - shadow.rows.start, col - shadow.cols.start]


def test_hotspot_inside_a_building_is_mounted_above_its_roof():
    grid = flat_grid()
    hall = box(190.0, 190.0, 212.0, 212.0)
    obstruction = build_obstruction(grid, buildings=[(hall, 10.0)])
    field = hotspot_field(obstruction, Hotspot(1, 201.0, 201.0, height_m=4.0), RadioSettings())
    assert field is not None
    assert np.nanmax(field.rssi) > -75.0
    assert field.los.sum() > 100  # sees over its own roof edge onto the square around


def test_best_server_with_two_hotspots():
    grid = flat_grid()
    obstruction = build_obstruction(grid)
    a = Hotspot(7, 101.0, 199.0, eirp_dbm=20.0)
    b = Hotspot(9, 301.0, 199.0, eirp_dbm=14.0)
    settings = RadioSettings(model="free_space", body_loss=0.0, max_range=300.0)
    result = best_server_coverage(obstruction, [a, b], settings)
    fa, fb = hotspot_field(obstruction, a, settings), hotspot_field(obstruction, b, settings)
    full_a = np.full(grid.shape, np.nan, np.float32)
    full_b = full_a.copy()
    full_a[fa.rows, fa.cols] = fa.rssi
    full_b[fb.rows, fb.cols] = fb.rssi
    expected = np.fmax(full_a, full_b)
    reached = np.isfinite(result.rssi)
    assert np.array_equal(reached, np.isfinite(expected))
    assert np.array_equal(result.rssi[reached], expected[reached])
    # Equal-distance point: the stronger hotspot (a) serves it; 6 dB weaker b serves only near itself.
    row, col = (int(v) for v in grid.cell_of(201.0, 199.0))
    assert result.best[row, col] == 7
    row, col = (int(v) for v in grid.cell_of(295.0, 199.0))
    assert result.best[row, col] == 9
    assert set(np.unique(result.best)) <= {7, 9, BEST_SERVER_NODATA}
    stats = {s.key: s for s in result.stats}
    assert stats[7].covered_cells > stats[9].covered_cells > 0
    assert stats[7].best_cells + stats[9].best_cells == int(result.covered().sum())
    assert 0 < stats[9].overlap_cells <= stats[9].covered_cells
    assert stats[7].overlap_cells == stats[9].overlap_cells  # the same cells, covered by both


def test_sector_antenna_pattern_and_field():
    assert sector_gain(np.array([90.0, 120.0, 270.0, 60.0]), 90.0, 60.0) == pytest.approx([0, -3, -20, -3])
    assert sector_gain(np.array([10.0]), None, None) == pytest.approx([0.0])
    grid = flat_grid()
    obstruction = build_obstruction(grid)
    settings = RadioSettings(model="free_space", body_loss=0.0)
    east_facing = Hotspot(1, 201.0, 199.0, azimuth_deg=90.0, beamwidth_deg=60.0)
    sector = hotspot_field(obstruction, east_facing, settings)
    omni = hotspot_field(obstruction, Hotspot(1, 201.0, 199.0), settings)
    east = (int(v) for v in grid.cell_of(281.0, 199.0))
    r, c = next(east) - sector.rows.start, next(east) - sector.cols.start
    assert sector.rssi[r, c] == pytest.approx(omni.rssi[r, c], abs=1e-4)
    row, col = (int(v) for v in grid.cell_of(121.0, 199.0))  # west: back lobe
    assert sector.rssi[row - sector.rows.start, col - sector.cols.start] == pytest.approx(
        omni.rssi[row - omni.rows.start, col - omni.cols.start] - 20.0, abs=1e-4
    )


def test_indoor_entry_loss_applies_inside_buildings_only():
    grid = flat_grid()
    house = box(240.0, 190.0, 250.0, 210.0)
    obstruction = build_obstruction(grid, buildings=[(house, 6.0)])
    hotspot = Hotspot(1, 201.0, 199.0)
    outdoor = hotspot_field(obstruction, hotspot, RadioSettings())
    indoor = hotspot_field(obstruction, hotspot, RadioSettings(indoor="traditional"))
    inside = obstruction.indoor[outdoor.rows, outdoor.cols] & np.isfinite(outdoor.rssi)
    assert inside.any()
    assert (outdoor.rssi[inside] - indoor.rssi[inside]) == pytest.approx(
        building_entry_loss(2437.0, "traditional"), abs=1e-4
    )
    assert np.allclose(outdoor.rssi[~inside], indoor.rssi[~inside], equal_nan=True)


def test_terrain_ridge_blocks_and_raster_output(tmp_path):
    grid = flat_grid()
    ridge = np.zeros(grid.shape, np.float32)
    ridge[:, 130:133] = 25.0  # a 6 m wide ridge at x = 260–266 m
    terrain = tmp_path / "terrain.tif"
    write_raster(terrain, grid, ridge, -9999.0)
    obstruction = build_obstruction(grid, terrain=str(terrain))
    assert obstruction.ground[0, 131] == pytest.approx(25.0)
    assert not obstruction.indoor.any()
    field = hotspot_field(obstruction, Hotspot(1, 201.0, 199.0), RadioSettings())
    row, col = (int(v) for v in grid.cell_of(321.0, 199.0))
    assert not field.los[row - field.rows.start, col - field.cols.start]
    dataset = gdal.Open(str(terrain))
    assert dataset.GetGeoTransform() == grid.geotransform


def test_terrain_nodata_and_cells_beyond_it_are_ground_level_zero(tmp_path):
    small = Grid.from_bounds(0.0, 0.0, 100.0, 100.0, 10.0)
    values = np.full(small.shape, 7.0, np.float32)
    values[2:5, 2:5] = -9999.0  # a hole of nodata
    terrain = tmp_path / "terrain.tif"
    write_raster(terrain, small, values, -9999.0)
    grid = Grid.from_bounds(0.0, -50.0, 150.0, 100.0, 2.0)  # reaches 50 m past two edges
    ground = build_obstruction(grid, terrain=str(terrain)).ground
    assert ground[int(grid.cell_of(50.0, 50.0)[0]), int(grid.cell_of(50.0, 50.0)[1])] == pytest.approx(7.0)
    hole = grid.cell_of(35.0, 65.0)  # centre of the nodata cells
    assert ground[int(hole[0]), int(hole[1])] == 0.0
    assert (ground[:, grid.n_cols - 10 :] == 0.0).all() and (ground[grid.n_rows - 10 :, :] == 0.0).all()


def test_taller_building_wins_where_footprints_overlap():
    grid = flat_grid(100.0)
    obstruction = build_obstruction(grid, buildings=[(box(20, 20, 60, 60), 15.0), (box(40, 40, 80, 80), 6.0)])
    row, col = (int(v) for v in grid.cell_of(50.0, 50.0))
    assert obstruction.surface[row, col] == pytest.approx(15.0)
    row, col = (int(v) for v in grid.cell_of(70.0, 70.0))
    assert obstruction.surface[row, col] == pytest.approx(6.0)
    assert obstruction.indoor.sum() == pytest.approx((1600 + 1600 - 400) / CELL**2)


def test_degenerate_inputs():
    grid = flat_grid()
    obstruction = build_obstruction(grid)
    outside = Hotspot(3, -50.0, 199.0)
    assert hotspot_field(obstruction, outside, RadioSettings()) is None
    result = best_server_coverage(obstruction, [outside], RadioSettings())
    assert result.stats[0].status == "outside the grid"
    assert (result.best == BEST_SERVER_NODATA).all() and not result.covered().any()
    with pytest.raises(EngineError):
        RadioSettings(model="hata")
    with pytest.raises(EngineError):
        RadioSettings(max_range=0)
    with pytest.raises(EngineError):
        Grid.from_bounds(0, 0, 10, 10, 0)


def test_demand_cells_and_classes():
    grid = flat_grid(100.0)
    demand = [box(10.0, 10.0, 20.0, 20.0), Point(51.0, 51.0), box(60.3, 60.3, 60.9, 60.9), Point(500.0, 5.0)]
    cells = demand_cells(grid, demand, [10.0, 1.0, 2.0, 5.0])
    assert cells.inside.tolist() == [True, True, True, False]
    mask = np.zeros(grid.shape, bool)
    row, col = (int(v) for v in grid.cell_of(15.0, 15.0))
    mask[row, col] = True
    mask[grid.cell_of(60.5, 60.5)] = True  # the tiny polygon counts through its representative point
    assert cells.hit_by_mask(mask).tolist() == [True, False, True, False]
    flat = np.array([int(v) for v in grid.cell_of(51.0, 51.0)])
    assert cells.hit_by_cells(np.array([flat[0] * grid.n_cols + flat[1]])).tolist() == [1]
    with pytest.raises(EngineError):
        demand_cells(grid, demand[:1], [-1.0])
    classes = np.zeros(grid.shape, np.uint8)
    classes[:10, :10] = 2
    classes[:10, 10:15] = 1
    polygons = polygonize_classes(grid, classes, {1: "usable", 2: "good"})
    areas = {label: area for _, _, label, area in polygons}
    assert areas == {"good": pytest.approx(400.0), "usable": pytest.approx(200.0)}


def test_zone_shares_count_demand_by_representative_point():
    zones = [box(0, 0, 100, 100), box(100, 0, 200, 100), box(500, 500, 600, 600)]
    demand = [box(10, 10, 20, 20), Point(150, 50), Point(160, 50), box(95, 10, 102, 12)]
    weights = np.array([10.0, 5.0, 1.0, 4.0])
    usable = np.array([True, True, False, False])
    good = np.array([False, True, False, False])
    shares = zone_shares(zones, demand, weights, usable, good)
    assert [(s.total, s.usable, s.good) for s in shares] == [
        (14.0, 10.0, 0.0),
        (6.0, 5.0, 5.0),
        (0.0, 0.0, 0.0),
    ]
    assert shares[0].usable_pct == pytest.approx(100 * 10 / 14) and shares[2].usable_pct is None


def test_demand_in_front_of_buildings_reads_the_outdoor_ring():
    grid = flat_grid(100.0)
    house = box(20.0, 20.0, 30.0, 30.0)  # 5 × 5 cells of 2 m
    terrace = [box(60.0, 60.0, 70.0, 70.0), box(70.0, 60.0, 80.0, 70.0)]  # two houses wall to wall
    courtyard = box(44.0, 44.0, 46.0, 46.0)  # enclosed: a ring of other buildings all around it
    ring = box(40.0, 40.0, 50.0, 50.0).difference(courtyard)
    tiny = box(90.3, 10.3, 90.9, 10.9)  # holds no cell centre
    obstruction = build_obstruction(
        grid,
        buildings=[(house, 6.0), *((t, 6.0) for t in terrace), (ring, 9.0), (courtyard, 6.0), (tiny, 3.0)],
    )
    outdoor = ~obstruction.indoor
    demand = [house, *terrace, courtyard, tiny, Point(5.0, 5.0)]
    cells = demand_cells(grid, demand, [1.0] * len(demand), outdoor=outdoor)
    by_demand = cells.incidence.tocsc()
    members = [set(cells.cell_ids[by_demand[:, i].indices].tolist()) for i in range(len(demand))]

    def flat_of(x: float, y: float) -> int:
        row, col = grid.cell_of(x, y)
        return int(row) * grid.n_cols + int(col)

    # The house: the 24 outdoor cells around its 5 × 5 cells, none of its own.
    assert len(members[0]) == 7 * 7 - 5 * 5
    assert flat_of(25.0, 25.0) not in members[0] and flat_of(19.0, 25.0) in members[0]
    assert flat_of(17.0, 25.0) not in members[0]  # 2 cells away: beyond 3 m
    # Terraced houses share a wall: each keeps its own street frontage, not the neighbour's cells.
    assert flat_of(71.0, 65.0) not in members[1] and flat_of(69.0, 65.0) not in members[2]
    assert flat_of(65.0, 71.0) in members[1] and flat_of(75.0, 71.0) in members[2]
    assert flat_of(71.0, 71.0) in members[1] & members[2]  # the corner cell in front of both
    # Enclosed by other buildings: the building's own cells; the tiny one: around its point's cell.
    assert members[3] == {flat_of(45.0, 45.0)}
    assert flat_of(93.0, 11.0) in members[4] and flat_of(91.0, 11.0) not in members[4]
    assert members[5] == {flat_of(5.0, 5.0)}  # a point of interest: its own cell
    # Signal only in front of the house (e.g. a hotspot facing it) covers it; inside does not.
    mask = np.zeros(grid.shape, bool)
    mask[grid.cell_of(19.0, 25.0)] = True
    assert cells.hit_by_mask(mask).tolist() == [True, False, False, False, False, False]
    mask[:] = False
    mask[grid.cell_of(25.0, 25.0)] = True
    assert not cells.hit_by_mask(mask).any()
    # Without an outdoor mask, the building's own cells (the former convention).
    on_buildings = demand_cells(grid, demand, [1.0] * len(demand))
    assert on_buildings.hit_by_mask(mask).tolist() == [True, False, False, False, False, False]


def test_obstruction_build_stops_when_cancelled(tmp_path):
    """Warping the terrain and burning the buildings stop at the user's Cancel (GDAL callbacks)."""
    from territoire_numerique.engine.errors import Cancelled

    grid = flat_grid()
    terrain = tmp_path / "terrain.tif"
    write_raster(terrain, grid, np.zeros(grid.shape, np.float32), -9999.0)
    houses = [(box(x, 100.0, x + 8.0, 110.0), 6.0) for x in range(0, 390, 10)]
    with pytest.raises(Cancelled):
        build_obstruction(grid, terrain=str(terrain), cancelled=lambda: True)
    with pytest.raises(Cancelled):
        build_obstruction(grid, buildings=houses, cancelled=lambda: True)
    built = build_obstruction(grid, buildings=houses, cancelled=lambda: False)
    assert built.surface.max() == pytest.approx(6.0)


def test_windowed_obstruction_gives_the_whole_grid_results(tmp_path, monkeypatch):
    """Computed window by window (terrain warped, buildings burnt per window), or on the whole
    grid at once: the same obstruction, viewsheds and signal, cell for cell."""
    from territoire_numerique.engine import wifi_propagation
    from territoire_numerique.engine.wifi_propagation import Obstruction

    grid = Grid.from_bounds(0.0, 0.0, 1200.0, 900.0, CELL)
    rows, cols = np.mgrid[0 : grid.n_rows, 0 : grid.n_cols]
    relief = (3.0 * np.sin(cols / 40.0) + 2.0 * np.cos(rows / 25.0)).astype(np.float32)
    terrain = tmp_path / "terrain.tif"
    write_raster(terrain, grid, relief, -9999.0)
    houses = [
        (box(x, y, x + 14.0, y + 9.0), 4.0 + (x + y) % 11)
        for x in range(20, 1180, 37)
        for y in range(30, 880, 41)
    ]
    houses.append((box(590.0, 440.0, 640.0, 470.0), None))  # no height: the default storeys
    lazy = build_obstruction(grid, terrain=str(terrain), buildings=houses)
    hotspots = [
        Hotspot(1, 101.0, 99.0),
        Hotspot(2, 611.0, 455.0),
        Hotspot(3, 1191.0, 21.0),
        Hotspot(4, 700.0, 480.0),
    ]
    settings = RadioSettings(max_range=200.0, indoor="traditional")
    windowed = [hotspot_field(lazy, h, settings) for h in hotspots]
    assert lazy._ground is None  # nothing computed on the whole grid so far
    whole = Obstruction(grid, lazy.ground.copy(), lazy.surface.copy())
    assert (whole.surface - whole.ground).max() == pytest.approx(14.0)
    for hotspot, field in zip(hotspots, windowed):
        reference = hotspot_field(whole, hotspot, settings)
        assert (field.rows, field.cols) == (reference.rows, reference.cols)
        assert np.array_equal(field.los, reference.los)
        assert np.array_equal(field.rssi, reference.rssi, equal_nan=True)
    monkeypatch.setattr(wifi_propagation, "WINDOWS_BEFORE_WHOLE", 0.05)  # beyond: the whole grid once
    again = build_obstruction(grid, terrain=str(terrain), buildings=houses)
    a = best_server_coverage(again, hotspots, settings)
    assert again._ground is not None
    b = best_server_coverage(whole, hotspots, settings)
    assert np.array_equal(a.rssi, b.rssi) and np.array_equal(a.best, b.best)
    assert [(s.covered_cells, s.best_cells, s.overlap_cells) for s in a.stats] == [
        (s.covered_cells, s.best_cells, s.overlap_cells) for s in b.stats
    ]
    assert a.best.dtype == np.int16


def test_one_grid_and_one_writer(tmp_path):
    """raster_grid's Grid and write_raster serve the Wi-Fi engine: same class, Int16 and Float32
    bands, non-finite values written as nodata, the grid's georeferencing."""
    from territoire_numerique.engine import raster_grid

    grid = Grid.from_bounds(10.0, 20.0, 30.0, 26.0, 2.0, "EPSG:2154")
    assert (
        grid is not None and isinstance(grid, raster_grid.Grid) and write_raster is raster_grid.write_raster
    )
    assert (
        (grid.n_rows, grid.n_cols, grid.x_min, grid.y_max)
        == (grid.height, grid.width, 10.0, 26.0)
        == (3, 10, 10.0, 26.0)
    )
    assert grid.contains(10.0, 26.0) and not grid.contains(30.0, 23.0)
    values = np.arange(30, dtype=np.float32).reshape(3, 10)
    values[0, 0], values[1, 1], values[2, 2] = -np.inf, np.nan, np.inf
    keys = np.full((3, 10), BEST_SERVER_NODATA, np.int16)
    keys[1] = 7
    write_raster(tmp_path / "rssi.tif", grid, values, -9999.0)
    write_raster(tmp_path / "best.tif", grid, keys, BEST_SERVER_NODATA)
    rssi, best = gdal.Open(str(tmp_path / "rssi.tif")), gdal.Open(str(tmp_path / "best.tif"))
    assert rssi.GetGeoTransform() == grid.geotransform and "2154" in rssi.GetProjection()
    read = rssi.GetRasterBand(1).ReadAsArray()
    assert read[0, 0] == read[1, 1] == read[2, 2] == -9999.0 and read[2, 9] == 29.0
    assert best.GetRasterBand(1).DataType == gdal.GDT_Int16
    assert np.array_equal(best.GetRasterBand(1).ReadAsArray(), keys)
    assert best.GetRasterBand(1).GetNoDataValue() == BEST_SERVER_NODATA


def test_demand_cells_report_progress_and_stop_at_cancel(monkeypatch):
    """demand_cells calls its progress callback all along (chunks of features, blocks of rows) and
    stops when it raises Cancelled; the cells found are the same with or without it."""
    from territoire_numerique.engine import wifi_propagation
    from territoire_numerique.engine.errors import Cancelled

    monkeypatch.setattr(wifi_propagation, "REPORT_EVERY_S", 0.0)
    monkeypatch.setattr(wifi_propagation, "BLOCK_CELLS", 4000)
    monkeypatch.setattr(wifi_propagation, "DEMAND_CHUNK", 7)
    grid = flat_grid(200.0)
    houses = [box(x, y, x + 6.0, y + 6.0) for x in range(4, 190, 12) for y in range(4, 190, 16)]
    obstruction = build_obstruction(grid, buildings=[(h, 6.0) for h in houses])
    demand = [*houses, Point(10.0, 199.0)]
    calls: list[float] = []
    cells = demand_cells(
        grid, demand, [1.0] * len(demand), outdoor=~obstruction.indoor, progress=calls.append
    )
    plain = demand_cells(grid, demand, [1.0] * len(demand), outdoor=~obstruction.indoor)
    assert np.array_equal(cells.cell_ids, plain.cell_ids) and (cells.incidence != plain.incidence).nnz == 0
    assert len(calls) > 20 and calls == sorted(calls) and calls[-1] == 100.0
    for stop_at in (5.0, 30.0, 50.0, 80.0):

        def cancel(percent: float, stop_at: float = stop_at) -> None:
            if percent >= stop_at:
                raise Cancelled()

        with pytest.raises(Cancelled):
            demand_cells(grid, demand, [1.0] * len(demand), outdoor=~obstruction.indoor, progress=cancel)


@pytest.mark.parametrize("source_cell", [10.0, 3.0, 2.0])
def test_terrain_resampled_in_numpy_matches_gdal_warp(tmp_path, source_cell):
    """The separable bilinear path (same CRS, source pixels not finer than the cells) gives GDAL's
    warp on windows at every offset: equal on all but a few cells, which differ by one float32
    rounding step; where a window needs a nodata pixel or reaches past the source it leaves the
    window to GDAL."""
    import dataclasses

    from territoire_numerique.engine import wifi_propagation

    lambert = gdal.osr.SpatialReference()
    lambert.ImportFromEPSG(2154)
    source_grid = Grid.from_bounds(
        650_000.0, 6_860_000.0, 650_600.0, 6_860_450.0, source_cell, lambert.ExportToWkt()
    )
    generator = np.random.default_rng(7)
    heights = (generator.random(source_grid.shape) * 40.0).astype(np.float32)
    heights[5:7, 9:12] = -9999.0
    terrain = tmp_path / "terrain.tif"
    write_raster(terrain, source_grid, heights, -9999.0)
    grid = Grid.from_bounds(649_950.0, 6_859_990.0, 650_640.0, 6_860_460.0, CELL, lambert.ExportToWkt())
    from territoire_numerique.engine.bilinear import bilinear_onto

    fast = wifi_propagation._open_raster(str(terrain), grid)
    assert fast.bilinear is not None
    by_gdal = dataclasses.replace(fast, bilinear=None)
    work, used = Buffers(), {True: 0, False: 0}
    differing = cells = 0
    for top in range(0, grid.n_rows - 1, 23):
        for left in range(0, grid.n_cols - 1, 29):
            part = Grid(grid.x_min + left * CELL, grid.y_max - top * CELL, CELL, 61, 47, grid.crs_wkt)
            mine, theirs = np.zeros(part.shape, np.float32), np.zeros(part.shape, np.float32)
            done = bilinear_onto(fast.bilinear, part, mine, work, partial=False)
            wifi_propagation._warp_onto(by_gdal, part, out=theirs)
            used[done] += 1
            if done:
                steps = np.abs(mine - theirs) / np.spacing(np.maximum(np.abs(theirs), np.float32(1.0)))
                assert steps.max() <= 1.0
                differing += int(np.count_nonzero(steps))
                cells += mine.size
            else:
                assert not mine.any()  # nothing written: GDAL does the window
                again = np.zeros(part.shape, np.float32)
                assert np.array_equal(wifi_propagation._warp_onto(fast, part, out=again, work=work), theirs)
    assert used[True] > 20 and used[False] > 20  # both paths met
    assert differing <= cells / 200
    coarse = Grid(grid.x_min, grid.y_max, source_cell * 2, 10, 10, grid.crs_wkt)  # pixels finer: GDAL
    assert wifi_propagation._open_raster(str(terrain), coarse).bilinear is None
    other = gdal.osr.SpatialReference()
    other.ImportFromEPSG(3857)
    elsewhere = dataclasses.replace(grid, crs=other.ExportToWkt())
    assert wifi_propagation._open_raster(str(terrain), elsewhere).bilinear is None


def test_whole_grid_obstruction_reports_progress_by_block_and_stops_at_cancel(tmp_path, monkeypatch):
    """Placement computes the obstruction of the whole grid (its candidates' windows cover it):
    progress after every block of rows, up to 100, and Cancel honoured between blocks."""
    from territoire_numerique.engine import wifi_propagation
    from territoire_numerique.engine.errors import Cancelled

    monkeypatch.setattr(wifi_propagation, "BLOCK_CELLS", 200 * 50)  # 50 rows a block: 4 blocks
    grid = flat_grid()
    houses = [(box(x, 100.0, x + 8.0, 110.0), 6.0) for x in range(0, 390, 10)]
    obstruction = build_obstruction(grid, buildings=houses)
    assert obstruction.needs_whole(3, 300.0) and not obstruction.needs_whole(1, 50.0)
    reports: list[float] = []
    obstruction.materialise(reports.append)
    assert reports == [25.0, 50.0, 75.0, 100.0] and obstruction.held
    indoor_reports: list[float] = []
    assert obstruction.indoor_mask(indoor_reports.append).sum() == obstruction.indoor.sum() > 0
    assert indoor_reports == [25.0, 50.0, 75.0, 100.0]

    def cancel_after_two(percent: float) -> None:
        if percent >= 50.0:
            raise Cancelled()

    again = build_obstruction(grid, buildings=houses)
    with pytest.raises(Cancelled):
        again.materialise(cancel_after_two)
    assert not again.held


def test_fields_computed_on_three_threads_are_those_of_one(tmp_path, monkeypatch):
    """The assembly line (obstruction, viewshed and signal of successive hotspots overlapping on
    three threads) gives each hotspot the field the one-thread loop gives, in order, and a
    failure in a worker reaches the caller."""
    from territoire_numerique.engine import wifi_propagation
    from territoire_numerique.engine.wifi_propagation import hotspot_fields

    grid = Grid.from_bounds(0.0, 0.0, 800.0, 600.0, CELL)
    rows, cols = np.mgrid[0 : grid.n_rows, 0 : grid.n_cols]
    terrain = tmp_path / "terrain.tif"
    relief = (2.0 * np.sin(cols / 30.0) + np.cos(rows / 20.0)).astype(np.float32)
    write_raster(terrain, grid, relief, -9999.0)
    houses = [
        (box(x, y, x + 12.0, y + 8.0), 3.0 + (x * y) % 9)
        for x in range(10, 790, 33)
        for y in range(15, 590, 37)
    ]
    hotspots = [Hotspot(k, 20.0 + 97.0 * k % 760, 30.0 + 61.0 * k % 540) for k in range(1, 13)]
    hotspots.insert(5, Hotspot(99, -50.0, 10.0))  # outside the grid: None in its place
    settings = RadioSettings(max_range=150.0, indoor="traditional")

    def fields(threads: int) -> list:
        monkeypatch.setattr(wifi_propagation.os, "cpu_count", lambda: threads)
        obstruction = build_obstruction(grid, terrain=str(terrain), buildings=houses)
        return [
            (hotspot.key, None if f is None else (f.rows, f.cols, f.rssi.copy(), f.los.copy()))
            for hotspot, f in hotspot_fields(obstruction, hotspots, settings)
        ]

    one = fields(1)
    decide = wifi_propagation._Balance.burn_early
    turns = iter(range(1000))  # the buildings burnt with the rasters one window in two
    monkeypatch.setattr(wifi_propagation._Balance, "burn_early", lambda _self: next(turns) % 2 == 0)
    three = fields(2)
    assert [key for key, _ in one] == [h.key for h in hotspots] == [key for key, _ in three]
    assert one[5][1] is None and three[5][1] is None
    for (_, a), (_, b) in zip(one, three):
        if a is not None:
            assert (a[0], a[1]) == (b[0], b[1])
            assert np.array_equal(a[2], b[2], equal_nan=True) and np.array_equal(a[3], b[3])
    balance = wifi_propagation._Balance()
    balance.mean.update(rasters=1.0, burn=0.5, viewshed=3.0)  # GDAL 3.13: the viewshed is slow
    assert decide(balance)
    balance.mean.update(rasters=2.0, burn=0.5, viewshed=0.3)  # GDAL 3.6
    assert not decide(balance)
    from territoire_numerique.engine.errors import Cancelled

    stop = [False]
    broken = build_obstruction(grid, terrain=str(terrain), buildings=houses, cancelled=lambda: stop[0])
    stop[0] = True  # a worker thread meets the Cancel while computing a window
    with pytest.raises(Cancelled):
        list(hotspot_fields(broken, hotspots, settings))


def test_the_assembly_line_shortens_the_switch_interval_and_gives_it_back():
    import sys

    from territoire_numerique.engine import wifi_propagation

    before = sys.getswitchinterval()
    with wifi_propagation._quick_handoffs():
        assert sys.getswitchinterval() == pytest.approx(wifi_propagation.HANDOFF_SECONDS)
        with wifi_propagation._quick_handoffs():  # an overlapping run
            pass
        assert sys.getswitchinterval() == pytest.approx(wifi_propagation.HANDOFF_SECONDS)
    assert sys.getswitchinterval() == before
