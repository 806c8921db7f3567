"""Engine tests of the zone tools and fibre coverage (no QGIS): checked against direct counts."""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point, Polygon, box

from territoire_numerique.engine.errors import EngineError
from territoire_numerique.engine.fibre import (
    coverage_by_zone,
    down_class_floor_mbps,
    normalise_premises,
    site_access,
)
from territoire_numerique.engine.indicators import (
    as_bool,
    make_grid,
    nearest_to_geometries,
    rate_pct,
    sum_by_zone,
    zone_of_points,
)
from territoire_numerique.engine.shapely_compat import union_all

# Four square zones of 1 km; the fourth (far east) receives no building.
ZONE_BOXES = [(0, 0, 1000, 1000), (1000, 0, 2000, 1000), (0, 1000, 1000, 2000), (5000, 0, 6000, 1000)]
CLASSES = ["1G+", "100M-1G", "30-100M", "8-30M", "<8M", None]
TECHNOS = ["FO", "COAX", "CU", "4GF", "SAT", "THDR"]


@pytest.fixture()
def buildings() -> gpd.GeoDataFrame:
    generator = np.random.default_rng(7)
    count = 300
    x = generator.uniform(0, 2000, count)
    y = generator.uniform(0, 2000, count)
    premises = generator.integers(1, 12, count).astype(float)
    premises[::17] = np.nan  # unknown premises count: one premise
    return gpd.GeoDataFrame(
        {
            "building_id": [f"B{i}" for i in range(count)],
            "premises": premises,
            "ftth": generator.random(count) < 0.6,
            "best_down_class": generator.choice(np.array(CLASSES, dtype=object), count),
            "best_techno": generator.choice(TECHNOS, count),
        },
        geometry=gpd.points_from_xy(x, y),
        crs="EPSG:2154",
    )


def zones() -> gpd.GeoSeries:
    return gpd.GeoSeries([box(*b) for b in ZONE_BOXES], crs="EPSG:2154")


def expected_thd(ftth: bool, label: object, techno: str) -> bool:
    floors = {"1G+": 1000, "100M-1G": 100, "30-100M": 30, "8-30M": 8, "<8M": 0}
    if ftth:
        return True
    if label is not None:
        return floors[label] >= 30
    return techno in ("FO", "COAX", "THDR")


def test_coverage_by_zone_matches_a_direct_count(buildings: gpd.GeoDataFrame) -> None:
    premises = normalise_premises(buildings)
    result = coverage_by_zone(buildings.geometry, premises, zones(), target_pct=60.0)
    counted = 0
    for position, (xmin, ymin, xmax, ymax) in enumerate(ZONE_BOXES):
        total = ftth = no_thd = 0
        for row in buildings.itertuples():
            if xmin <= row.geometry.x < xmax and ymin <= row.geometry.y < ymax:
                count = 1 if math.isnan(row.premises) else int(row.premises)
                total += count
                ftth += count if row.ftth else 0
                no_thd += 0 if expected_thd(row.ftth, row.best_down_class, row.best_techno) else count
        counted += total
        line = result.iloc[position]
        assert (line.premises, line.premises_ftth, line.premises_no_thd) == (total, ftth, no_thd)
        if total:
            assert line.ftth_rate == pytest.approx(100.0 * ftth / total, abs=0.005)
            assert line.below_target is (100.0 * ftth / total < 60.0)
    assert result["premises"].sum() == counted  # nothing counted twice
    outside = (buildings.geometry.x >= 1000) & (buildings.geometry.y >= 1000)
    assert counted + premises["premises"][outside].sum() == premises["premises"].sum()


def test_zone_without_premises_has_null_rate_not_zero(buildings: gpd.GeoDataFrame) -> None:
    result = coverage_by_zone(buildings.geometry, normalise_premises(buildings), zones(), 80.0)
    empty = result.iloc[3]
    assert empty.premises == 0 and empty.premises_ftth == 0
    assert np.isnan(empty.ftth_rate)
    assert empty.below_target is None


def test_rate_pct_is_nan_where_the_whole_is_zero() -> None:
    rate = rate_pct(np.array([1, 0, 3]), np.array([4, 0, 3]))
    assert rate[0] == 25.0 and np.isnan(rate[1]) and rate[2] == 100.0


def test_point_on_a_shared_border_is_counted_once() -> None:
    points = gpd.GeoSeries([Point(1000, 500), Point(500, 500), Point(9000, 9000)])
    zone = zone_of_points(points, zones())
    assert list(zone) == [0, 0, -1]


def test_building_polygons_are_placed_by_an_inside_point() -> None:
    footprints = gpd.GeoSeries([box(1100, 100, 1200, 200), Polygon([(10, 10), (900, 10), (10, 900)])])
    assert list(zone_of_points(footprints, zones())) == [1, 0]


@pytest.mark.parametrize(
    ("label", "floor"),
    [
        ("1G+", 1000),
        ("100M-1G", 100),
        ("30-100M", 30),
        ("8-30M", 8),
        ("<8M", 0),
        ("≥ 1 Gbit/s", 1000),
        ("Entre 30 et 100 Mbit/s", 30),
    ],
)
def test_down_class_floor(label: str, floor: float) -> None:
    assert down_class_floor_mbps(label) == floor


def test_down_class_floor_unknown_is_nan() -> None:
    assert np.isnan(down_class_floor_mbps(None))
    assert np.isnan(down_class_floor_mbps(""))
    assert np.isnan(down_class_floor_mbps("inconnu"))


def test_normalise_premises_reads_text_booleans_and_needs_ftth() -> None:
    frame = pd.DataFrame({"premises": ["3", None, "-2"], "ftth": ["oui", "0", None]})
    premises = normalise_premises(frame, down_class=None, techno=None)
    assert list(premises["premises"]) == [3, 1, 0]
    assert list(premises["ftth"]) == [True, False, False]
    with pytest.raises(EngineError, match="no field eligible"):
        normalise_premises(frame, ftth="eligible")


def test_as_bool_values() -> None:
    assert list(as_bool(pd.Series([True, 0, 1.0, "True", "non", None, np.nan]))) == [
        True,
        False,
        True,
        True,
        False,
        False,
        False,
    ]


def test_target_out_of_range_is_refused(buildings: gpd.GeoDataFrame) -> None:
    with pytest.raises(EngineError, match="between 0 and 100"):
        coverage_by_zone(buildings.geometry, normalise_premises(buildings), zones(), 120.0)


# --- grids ------------------------------------------------------------------------------------


def test_square_grid_tiles_the_extent() -> None:
    grid = make_grid("square", (0, 0, 950, 420), 100.0, crs="EPSG:2154")
    assert len(grid) == 10 * 5
    assert list(grid["zone_id"]) == list(range(1, 51))
    assert np.allclose(grid.area, 10_000.0)
    assert union_all(grid.geometry).covers(box(0, 0, 950, 420))
    assert grid.crs.to_epsg() == 2154


def test_hexagon_grid_covers_the_extent_with_equal_cells() -> None:
    size = 200.0
    grid = make_grid("hexagon", (0, 0, 1000, 800), size)
    assert np.allclose(grid.area, math.sqrt(3) / 2 * size**2)
    generator = np.random.default_rng(3)
    points = gpd.GeoSeries(
        gpd.points_from_xy(generator.uniform(0, 1000, 500), generator.uniform(0, 800, 500))
    )
    assert (zone_of_points(points, grid.geometry) >= 0).all()
    centres = np.array([(c.x, c.y) for c in grid.centroid])
    nearest = np.sort(np.hypot(*(centres[:, None, :] - centres[None, :, :]).transpose(2, 0, 1)), axis=1)[:, 1]
    assert np.allclose(nearest, size)
    # cells do not overlap
    assert grid.area.sum() == pytest.approx(union_all(grid.geometry).area, rel=1e-9)


def test_grid_clipped_to_zones_keeps_only_touching_cells() -> None:
    territory = gpd.GeoSeries([box(0, 0, 250, 250)])
    grid = make_grid("square", (0, 0, 1000, 1000), 100.0, clip_to=territory)
    assert len(grid) == 9  # 3 × 3 cells touch the 250 m square (interiors)
    assert all(cell.intersects(territory[0]) for cell in grid.geometry)


def test_grid_refuses_too_many_cells_and_bad_sizes() -> None:
    with pytest.raises(EngineError, match="larger cell size"):
        make_grid("square", (0, 0, 100_000, 100_000), 10.0)
    with pytest.raises(EngineError, match="positive"):
        make_grid("hexagon", (0, 0, 10, 10), 0.0)
    with pytest.raises(EngineError, match="Unknown grid kind"):
        make_grid("triangle", (0, 0, 10, 10), 1.0)


def test_fibre_coverage_on_a_grid(buildings: gpd.GeoDataFrame) -> None:
    grid = make_grid("hexagon", buildings.total_bounds, 400.0)
    result = coverage_by_zone(buildings.geometry, normalise_premises(buildings), grid.geometry, 50.0)
    assert result["premises"].sum() == normalise_premises(buildings)["premises"].sum()
    empty = result["premises"] == 0
    assert result.loc[empty, "ftth_rate"].isna().all()
    assert result.loc[~empty, "ftth_rate"].between(0, 100).all()


# --- distances to the nearest eligible building ------------------------------------------------


def test_nearest_to_geometries_matches_brute_force() -> None:
    generator = np.random.default_rng(11)
    xy = generator.uniform(0, 5000, (400, 2))
    shapes = [
        Point(2500, 2500),
        box(100, 100, 900, 300),
        Polygon([(4000, 4000), (4900, 4100), (4200, 4900)]).buffer(30),
        box(-3000, -3000, -2000, -2500),
        None,
    ]
    distance, row = nearest_to_geometries(shapes, xy)
    for i, shape in enumerate(shapes[:-1]):
        brute = np.array([shape.distance(Point(p)) for p in xy])
        assert distance[i] == pytest.approx(brute.min())
        assert brute[row[i]] == pytest.approx(brute.min())
    assert np.isnan(distance[-1]) and row[-1] == -1
    empty_distance, empty_row = nearest_to_geometries(shapes[:2], np.empty((0, 2)))
    assert np.isnan(empty_distance).all() and (empty_row == -1).all()


def test_site_access(buildings: gpd.GeoDataFrame) -> None:
    premises = normalise_premises(buildings)
    sites = gpd.GeoSeries([Point(3000, 3000), box(400, 400, 1200, 1200), Point(-500, 1000)])
    result = site_access(
        sites, buildings.geometry, premises["ftth"].to_numpy(), buildings["building_id"], 100.0
    )
    eligible = buildings[premises["ftth"].to_numpy()]
    for i, site in enumerate(sites):
        distances = eligible.geometry.distance(site)
        assert result.nearest_ftth_m.iloc[i] == pytest.approx(distances.min(), abs=0.05)
        named = eligible.building_id == result.nearest_ftth_id.iloc[i]
        assert distances[named].iloc[0] == pytest.approx(distances.min())  # ties inside a site: any
        assert result.fibre_at_site.iloc[i] == (distances.min() <= 100.0)
    assert result.nearest_ftth_m.iloc[1] == 0.0 and result.fibre_at_site.iloc[1]


def test_site_access_without_any_eligible_building(buildings: gpd.GeoDataFrame) -> None:
    result = site_access(
        gpd.GeoSeries([Point(0, 0)]), buildings.geometry, np.zeros(len(buildings), bool), None, 50
    )
    assert np.isnan(result.nearest_ftth_m.iloc[0])
    assert result.nearest_ftth_id.iloc[0] is None
    assert not result.fibre_at_site.iloc[0]


def test_zone_of_points_takes_coordinate_arrays_and_respects_holes() -> None:
    ring = box(0, 0, 1000, 1000).difference(box(400, 400, 600, 600))  # a zone with a hole
    zones_with_hole = gpd.GeoSeries([ring, box(400, 400, 600, 600)])
    generator = np.random.default_rng(2)
    xy = generator.uniform(-100, 1100, (2000, 2))
    from_array = zone_of_points(xy, zones_with_hole)
    from_geometries = zone_of_points(gpd.GeoSeries(gpd.points_from_xy(xy[:, 0], xy[:, 1])), zones_with_hole)
    assert (from_array == from_geometries).all()
    in_hole = (np.abs(xy - 500) < 100).all(axis=1)
    outside = ((xy < 0) | (xy > 1000)).any(axis=1)
    assert (from_array[in_hole] == 1).all()
    assert (from_array[outside] == -1).all()
    assert (from_array[~in_hole & ~outside] == 0).all()
    with_nan = zone_of_points(np.array([[np.nan, 5.0], [10.0, 10.0]]), zones_with_hole)
    assert list(with_nan) == [-1, 0]


def test_sum_by_zone_adds_weights_and_counts_points_of_each_zone() -> None:
    zone = np.array([1, -1, 1, 0, 1])
    weights = np.array([2.0, 100.0, np.nan, 0.5, 3.0])
    assert list(sum_by_zone(zone, 3, weights)) == [0.5, 5.0, 0.0]
    counts = sum_by_zone(zone, 3)
    assert list(counts) == [1, 3, 0]
    assert counts.dtype.kind == "i"
    assert list(sum_by_zone(np.array([], dtype=np.int64), 2)) == [0, 0]
