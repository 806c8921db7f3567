"""Engine tests of site suitability: transforms, AHP, aggregation, grids, constraints, sites."""

from __future__ import annotations

import json
import math
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
import rasterio
from affine import Affine
from osgeo import ogr, osr
from pyproj import Transformer
from shapely.geometry import LineString, Point, box

from territoire_numerique.engine import mcda, suitability
from territoire_numerique.engine.arrays import sparse_cells
from territoire_numerique.engine.errors import Cancelled, EngineError
from territoire_numerique.engine.raster_grid import (
    Grid,
    VectorData,
    distance_bands,
    distance_to,
    proximity,
    rasterize,
    split_uri,
)
from territoire_numerique.engine.suitability import (
    Options,
    blocked_estimate,
    final_sites,
    load_model,
    margin_cells,
    memory_estimate,
    model_grid,
    run,
    thread_count,
    write_suitability,
)

# A 100 m × 100 m square near Dunkerque (Lambert-93), 10 m cells: cell (r, c) centre is
# (X0 + 10c + 5, Y1 − 10r − 5).
X0, Y0, X1, Y1 = 650_000.0, 7_100_000.0, 650_100.0, 7_100_100.0


def centre(row: int, col: int) -> tuple[float, float]:
    return X0 + 10 * col + 5, Y1 - 10 * row - 5


def write_layer(path: Path, name: str, geometries: list, fields: dict | None = None, epsg: int = 2154) -> str:
    """Write WKT geometries (with optional field columns) as a GeoPackage layer; return its URI."""
    driver = ogr.GetDriverByName("GPKG")
    source = driver.Open(str(path), 1) if path.exists() else driver.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    layer = source.CreateLayer(name, srs, ogr.wkbUnknown)
    fields = fields or {}
    for field_name, values in fields.items():
        kind = ogr.OFTString if isinstance(values[0], str) else ogr.OFTReal
        layer.CreateField(ogr.FieldDefn(field_name, kind))
    for index, wkt in enumerate(geometries):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        for field_name, values in fields.items():
            feature.SetField(field_name, values[index])
        layer.CreateFeature(feature)
    source = None
    return f"{path}|layername={name}"


def write_tif(path: Path, array: np.ndarray, transform: Affine, crs: str = "EPSG:2154", nodata=None) -> str:
    with rasterio.open(
        path,
        "w",
        driver="GTiff",
        width=array.shape[1],
        height=array.shape[0],
        count=1,
        dtype="float32",
        crs=crs,
        transform=transform,
        nodata=nodata,
    ) as dataset:
        dataset.write(array.astype(np.float32), 1)
    return str(path)


def model(criteria: list[dict], weights: dict | None = None, **extra) -> dict:
    weights = weights or {"method": "direct", "values": {c["name"]: 1 for c in criteria}}
    return {"name": "test", "criteria": criteria, "weights": weights, **extra}


def options(**values) -> Options:
    return Options(cell_size=10, extent=(X0, Y0, X1, Y1), **values)


def point(x: float, y: float) -> str:
    return f"POINT ({x} {y})"


# --- transforms ---------------------------------------------------------------------------------
def test_linear_benefit_and_cost():
    benefit = mcda.Transform("linear", "benefit", low=100, high=300)
    assert benefit.evaluate([0, 100, 200, 300, 500]).tolist() == [0, 0, 0.5, 1, 1]
    cost = mcda.Transform("linear", "cost", low=100, high=300)
    assert cost.evaluate([0, 150, 300, 1e9]).tolist() == [1, 0.75, 0, 0]
    assert np.isnan(cost.evaluate([np.nan])[0])


def test_sigmoid_gaussian_threshold_categories():
    sigmoid = mcda.Transform("sigmoid", "cost", midpoint=1500, spread=400)
    values = sigmoid.evaluate([1500, 1900, 1100])
    assert values == pytest.approx([0.5, 1 / (1 + math.e), 1 / (1 + math.exp(-1))], rel=1e-6)
    mirror = mcda.Transform("sigmoid", "benefit", midpoint=1500, spread=400).evaluate([1900])
    assert mirror[0] == pytest.approx(1 - values[1], rel=1e-6)
    gaussian = mcda.Transform("gaussian", ideal=10, spread=2).evaluate([10, 12, 6])
    assert gaussian == pytest.approx([1, math.exp(-0.5), math.exp(-2)], rel=1e-6)
    assert mcda.Transform("threshold", "benefit", value=5).evaluate([4, 5, 6]).tolist() == [0, 1, 1]
    assert mcda.Transform("threshold", "cost", value=5).evaluate([4, 5, 6]).tolist() == [1, 1, 0]
    categories = mcda.Transform("categories", categories={"1": 1.0, "2": 0.7}, default=0.1)
    assert categories.evaluate([1, 2, 3]).tolist() == pytest.approx([1.0, 0.7, 0.1])
    strict = mcda.Transform("categories", categories={"U": 1.0, "AU": 0.7})
    assert strict.category_value("AU") == 0.7 and math.isnan(strict.category_value("N"))


def test_saturation_distance_of_each_transform():
    assert mcda.Transform("linear", "cost", low=0, high=2000).saturation() == 2000
    sigmoid = mcda.Transform("sigmoid", "cost", midpoint=1500, spread=400)
    beyond = sigmoid.saturation()
    assert sigmoid.evaluate([beyond])[0] == pytest.approx(mcda.SATURATION_TOLERANCE, rel=1e-3)


# --- AHP ----------------------------------------------------------------------------------------
BRIGHTNESS = [[1, 5, 6, 7], [1 / 5, 1, 4, 6], [1 / 6, 1 / 4, 1, 4], [1 / 7, 1 / 6, 1 / 4, 1]]


def test_ahp_saaty_brightness_example():
    """Saaty (1977), relative brightness of four chairs: w ≈ (0.61, 0.24, 0.10, 0.05), λmax = 4.39."""
    result = mcda.ahp(np.array(BRIGHTNESS))
    assert result.weights == pytest.approx([0.61, 0.24, 0.10, 0.05], abs=0.01)
    assert result.lambda_max == pytest.approx(4.39, abs=0.005)
    assert result.ci == pytest.approx((result.lambda_max - 4) / 3)
    assert result.cr == pytest.approx(result.ci / 0.90)
    assert result.cr == pytest.approx(0.145, abs=0.001)


def test_ahp_consistent_matrix_gives_exact_weights_and_zero_cr():
    weights = np.array([0.5, 0.25, 0.15, 0.1])
    result = mcda.ahp(weights[:, None] / weights[None, :])
    assert result.weights == pytest.approx(weights)
    assert result.cr == pytest.approx(0, abs=1e-9)


def test_ahp_random_index_is_saatys():
    assert [mcda.RANDOM_INDEX[n] for n in range(3, 11)] == [0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]


def test_inconsistent_ahp_stops_with_cr_and_pair_unless_allowed(tmp_path):
    names = ["a", "b", "c", "d"]
    criteria = [
        {
            "name": n,
            "layer": "x.gpkg",
            "measure": "distance",
            "transform": {"function": "linear", "direction": "cost", "low": 0, "high": 100},
        }
        for n in names
    ]
    pairwise = [[1, 5, 6, 7], ["1/5", 1, 4, 6], ["1/6", "1/4", 1, 4], ["1/7", "1/6", "1/4", 1]]
    data = model(criteria, {"method": "ahp", "order": names, "pairwise": pairwise})
    with pytest.raises(EngineError) as error:
        load_model(data)
    assert "CR = 0.145" in str(error.value) and " vs " in str(error.value)
    allowed = load_model(data, allow_inconsistent=True)
    assert allowed.weights == pytest.approx([0.619, 0.235, 0.101, 0.045], abs=0.001)
    # one judgement changed so that the matrix is consistent except for the pair c vs d
    weights = np.array([0.4, 0.3, 0.2, 0.1])
    matrix = (weights[:, None] / weights[None, :]).tolist()
    matrix[2][3], matrix[3][2] = 9, 1 / 9
    assert mcda.ahp(np.array(matrix)).worst_pair == (2, 3)


def test_model_errors_are_located(tmp_path):
    good = {
        "name": "fibre",
        "layer": "f.gpkg",
        "measure": "distance",
        "transform": {"function": "linear", "direction": "cost", "low": 0, "high": 2000},
    }
    bad = {**good, "name": "port", "transform": {"function": "linear", "low": 5, "high": "far"}}
    with pytest.raises(EngineError, match=r"criteria\[1\] \(port\)\.transform: 'high' must be a number"):
        load_model(model([good, bad]))
    with pytest.raises(EngineError, match="missing: fibre"):
        load_model(model([good], {"method": "direct", "values": {"other": 1}}))
    with pytest.raises(EngineError, match=r"pairwise\[1\]\[0\] must be the reciprocal"):
        load_model(
            model(
                [good, {**good, "name": "b"}],
                {"method": "ahp", "order": ["fibre", "b"], "pairwise": [[1, 3], [3, 1]]},
            )
        )
    with pytest.raises(EngineError, match="line 1, column"):
        load_model('{"name": ')
    path = tmp_path / "m.json"
    path.write_text(json.dumps(model([good])))
    loaded = load_model(str(path))
    assert loaded.base_dir == str(tmp_path) and loaded.weights.tolist() == [1.0]


# --- aggregation --------------------------------------------------------------------------------
def test_aggregations_on_a_stack():
    stack = np.array([[0.2, 1.0, 0.0], [0.8, 0.5, 0.5]], dtype=np.float32)
    weights = np.array([0.25, 0.75])
    assert mcda.aggregate(stack, weights, "wlc") == pytest.approx([0.65, 0.625, 0.375])
    assert mcda.aggregate(stack, weights, "geometric") == pytest.approx(
        [0.2**0.25 * 0.8**0.75, 0.5**0.75, 0.0], rel=1e-5
    )
    assert mcda.aggregate(stack, weights, "min") == pytest.approx([0.2, 0.5, 0.0])
    equal = mcda.aggregate(stack, weights, "owa", np.array([0.5, 0.5]))
    assert equal == pytest.approx(mcda.aggregate(stack, weights, "wlc"), rel=1e-6)
    optimistic = mcda.aggregate(stack, weights, "owa", np.array([1.0, 0.0]))
    assert optimistic == pytest.approx(stack.max(axis=0))
    running = None
    for index in range(2):
        running = mcda.accumulate(running, stack[index].copy(), weights[index], "geometric")
    assert mcda.finish(running, "geometric") == pytest.approx(mcda.aggregate(stack, weights, "geometric"))


# --- grids --------------------------------------------------------------------------------------
def test_proximity_is_the_exact_euclidean_distance():
    mask = np.zeros((40, 60), dtype=bool)
    targets = [(3, 5), (20, 50), (35, 12), (36, 13)]
    for row, col in targets:
        mask[row, col] = True
    rows, cols = np.mgrid[0:40, 0:60]
    expected = np.min([np.hypot(rows - r, cols - c) * 5 for r, c in targets], axis=0)
    assert proximity(mask, 5.0) == pytest.approx(expected, abs=1e-3)
    assert np.isinf(proximity(np.zeros((3, 3), dtype=bool), 5.0)).all()


@pytest.mark.parametrize("shape", [(1, 1), (1, 9), (9, 1), (13, 29), (200, 301), (517, 64)])
@pytest.mark.parametrize("share", [0.002, 0.05, 0.6])
def test_proximity_is_scipys_exact_distance(shape, share):
    from scipy import ndimage

    mask = np.random.default_rng(shape[0] * shape[1]).random(shape) < share
    mask.flat[len(mask.flat) // 2] = True
    exact = ndimage.distance_transform_edt(~mask).astype(np.float32)
    np.testing.assert_array_equal(proximity(mask.astype(np.uint8), 1.0), exact)
    nearest = ndimage.distance_transform_edt(~mask, return_distances=False, return_indices=True)
    distance = np.sqrt(((nearest - np.indices(shape)) ** 2).sum(axis=0)) * 2.5
    np.testing.assert_array_equal(proximity(mask, 2.5), distance.astype(np.float32))


@pytest.mark.parametrize("all_touched", [False, True])
def test_rasterize_burns_as_rasterio_does(all_touched):
    from rasterio import features
    from shapely.geometry import MultiLineString, MultiPoint, MultiPolygon, Polygon

    grid = Grid(1000.0, 2000.0, 5.0, 90, 70, "EPSG:2154")
    on_edges = [Point(1000 + 5 * k, 2000 - 5 * k) for k in range(40)]  # cell corners
    shapes = [
        *on_edges,
        Point(1012.3, 1987.1),
        Point(1012.3, 1987.1),
        MultiPoint([(1100.01, 1900), (1200, 1700.5)]),
        LineString([(1000, 1650), (1450, 1990)]),
        MultiLineString([[(1020, 1700), (1020, 1800)], [(1300, 1800), (1400, 1800)]]),
        box(1050, 1750, 1200, 1900),
        box(1150, 1800, 1300, 1950),  # overlaps the one before: both burnt
        MultiPolygon([box(1330, 1700, 1380, 1760), box(1390, 1700, 1420, 1740)]),
        Polygon([(1200, 1660), (1300, 1660), (1250, 1740)], [[(1240, 1680), (1260, 1680), (1250, 1700)]]),
    ]
    expected = features.rasterize(
        [(shape, 1) for shape in shapes],
        out_shape=grid.shape,
        transform=grid.transform,
        all_touched=all_touched,
    )
    np.testing.assert_array_equal(rasterize(grid, shapes, all_touched=all_touched), expected)
    values = [float(index) for index in range(len(shapes))]  # later features overwrite earlier ones
    expected = features.rasterize(
        zip(shapes, values), out_shape=grid.shape, transform=grid.transform, fill=-1, dtype="float32",
        all_touched=all_touched,
    )  # fmt: skip
    out = np.zeros(grid.shape, np.float32)
    burnt = rasterize(grid, shapes, values, fill=-1, all_touched=all_touched, out=out)
    assert burnt is out
    np.testing.assert_array_equal(out, expected)
    np.testing.assert_array_equal(rasterize(grid, [], fill=7), np.full(grid.shape, 7, np.uint8))


@pytest.mark.parametrize("size", [0, 1, 7, 8, 9, 4096, 40_001])
def test_sparse_cells_lists_every_non_zero_cell(size):
    mask = np.zeros(size, dtype=np.uint8)
    mask[np.random.default_rng(size).integers(0, max(size, 1), size // 50 + 1)[: size]] = 3
    if size:
        mask[-1] = 1
    np.testing.assert_array_equal(sparse_cells(mask.reshape(1, -1)), np.flatnonzero(mask))
    np.testing.assert_array_equal(sparse_cells(mask.astype(bool)), np.flatnonzero(mask))


def test_windowed_distance_is_exact_up_to_its_limit():
    grid = Grid(0.0, 500.0, 5.0, 100, 100, "EPSG:2154")
    points = [Point(12.5, 487.5), Point(260, 240), Point(497.5, 2.5), Point(530, 250)]  # the last is outside
    data = VectorData("p", points, [None] * 4, "point")
    exact = distance_to(grid, data, margin=200)  # full proximity pass on the padded grid
    windowed = distance_to(grid, data, margin=200, limit=120)
    within = exact <= 120
    assert within.sum() > 1000 and (~within).sum() > 1000
    assert windowed[within] == pytest.approx(exact[within], abs=1e-3)
    assert (windowed[~within] > 120).all()


@pytest.mark.parametrize("bands, within_limit", [(3, False), (1, True), (4, True)])
@pytest.mark.parametrize("spread", [True, False])
def test_distance_by_bands_is_exact_up_to_its_limit(bands, within_limit, spread):
    grid = Grid(0.0, 1000.0, 5.0, 200, 200, "EPSG:2154")
    if spread:  # crossing the grid, and one outside within the margin
        lines = [LineString([(0, 37 * k + 3), (1000, 991 - 41 * k)]) for k in range(12)]
        lines.append(LineString([(1030, 0), (1030, 1000)]))
    else:  # in the top rows only: lower bands see no feature within the limit
        lines = [LineString([(100, 990 - 9 * k), (900, 990 - 9 * k)]) for k in range(12)]
    data = VectorData("l", lines, [None] * len(lines), "line")
    exact = distance_to(grid, data, margin=60)
    parts = distance_bands(grid, data, margin=60, limit=40, bands=bands, within_limit=within_limit)
    assert len(parts) == bands and parts[0][0] == 0 and parts[-1][1] == 200
    banded = np.concatenate([compute() for _, _, compute in parts])
    within = exact <= 40
    assert within.sum() > 1000 and (~within).sum() > 1000
    np.testing.assert_array_equal(banded[within], exact[within])
    assert (banded[~within] > 40).all()
    assert len(distance_bands(grid, data, margin=60, limit=None, bands=3)) == 1  # no limit: whole


def test_waiting_for_a_criterion_reports_its_share_and_cancels_without_waiting(monkeypatch):
    monkeypatch.setattr(suitability, "REPORT_SECONDS", 0.01)
    release = threading.Event()
    with ThreadPoolExecutor(max_workers=1) as pool:
        future = pool.submit(release.wait, 60)
        reports = []
        parts = suitability._Parts(2, [(10**6, future)])
        with pytest.raises(Cancelled):
            parts.result(lambda: len(reports) >= 3, lambda index, share: reports.append((index, share)))
        assert not future.done()  # cancelled while the part was still running
        release.set()
    shares = [share for _, share in reports]
    assert [index for index, _ in reports] == [2, 2, 2] and shares == sorted(shares)
    assert shares[0] > 0 and shares[-1] < 1


def test_grid_snaps_to_cell_multiples_and_uri_parsing(tmp_path):
    grid = Grid.covering((650_003, 7_100_001, 650_096, 7_100_099), 10, "EPSG:2154")
    assert (grid.xmin, grid.ymax, grid.width, grid.height) == (650_000, 7_100_100, 10, 10)
    assert split_uri("data.gpkg|layername=roads", tmp_path) == (str(tmp_path / "data.gpkg"), "roads")


def test_tiny_grid_matches_independent_computation(tmp_path):
    gpkg = tmp_path / "t.gpkg"
    fibre = write_layer(gpkg, "fibre", [point(*centre(2, 3)), point(*centre(8, 8))], {"ftth": [1.0, 0.0]})
    zones = write_layer(
        gpkg,
        "zones",
        [box(X0, Y0, X0 + 50, Y1).wkt, box(X0 + 50, Y0, X1, Y1).wkt],
        {"typezone": ["U", "A"]},
    )
    # terrain value = row index × 10 on the same grid
    terrain = write_tif(
        tmp_path / "dem.tif",
        np.repeat(np.arange(10.0)[:, None] * 10, 10, axis=1),
        Affine(10, 0, X0, 0, -10, Y1),
    )
    data = model(
        [
            {
                "name": "fibre",
                "layer": fibre,
                "measure": "distance",
                "where": "ftth = 1",
                "transform": {"function": "linear", "direction": "cost", "low": 0, "high": 50},
            },
            {
                "name": "terrain",
                "layer": terrain,
                "measure": "value",
                "transform": {"function": "sigmoid", "direction": "benefit", "midpoint": 45, "spread": 10},
            },
            {
                "name": "zoning",
                "layer": zones,
                "measure": "attribute",
                "field": "typezone",
                "transform": {"function": "categories", "values": {"U": 1, "A": 0.2}},
            },
        ],
        {"method": "direct", "values": {"fibre": 2, "terrain": 1, "zoning": 1}},
    )
    result = run(load_model(data), options())
    fx, fy = centre(2, 3)
    expected = np.empty((10, 10))
    for row in range(10):
        for col in range(10):
            x, y = centre(row, col)
            distance = math.hypot(x - fx, y - fy)  # the ftth = 0 point is filtered out
            fibre_value = min(max(1 - distance / 50, 0), 1)
            terrain_value = 1 / (1 + math.exp(-(row * 10 - 45) / 10))
            zoning_value = 1.0 if x < X0 + 50 else 0.2
            expected[row, col] = 100 * (0.5 * fibre_value + 0.25 * terrain_value + 0.25 * zoning_value)
    assert result.suitability == pytest.approx(expected, abs=1e-3)
    path = tmp_path / "out.tif"
    write_suitability(path, result)
    with rasterio.open(path) as dataset:
        assert dataset.dtypes[0] == "float32" and dataset.crs.to_epsg() == 2154
        assert dataset.read(1) == pytest.approx(expected, abs=1e-3)


def test_distance_counts_features_beyond_the_extent(tmp_path):
    layer = write_layer(tmp_path / "p.gpkg", "p", [point(X1 + 35, Y1 - 5)])
    data = model(
        [
            {
                "name": "near",
                "layer": layer,
                "measure": "distance",
                "transform": {"function": "linear", "direction": "cost", "low": 0, "high": 1000},
            }
        ]
    )
    result = run(load_model(data), options())
    # nearest cell centre is (X1 − 5, Y1 − 5): 40 m away
    assert result.suitability[0, 9] == pytest.approx(100 * (1 - 40 / 1000), abs=1e-3)


# --- misaligned rasters and nodata ---------------------------------------------------------------
def test_raster_with_other_cell_size_and_origin(tmp_path):
    # value = easting, on 7 m cells starting off-grid.  GDAL's bilinear kernel, widened when
    # downsampling, reproduces a plane to within 0.1 m; a half-cell misalignment would be 3.5 m.
    xs = 649_950 + 7 * np.arange(40) + 3.5
    array = np.repeat(xs[None, :] - X0, 40, axis=0)  # minus X0: Float32 keeps centimetres
    path = write_tif(tmp_path / "east.tif", array, Affine(7, 0, 649_950, 0, -7, 7_100_180))
    data = model(
        [
            {
                "name": "east",
                "layer": path,
                "measure": "value",
                "transform": {"function": "linear", "low": 0, "high": 100},
            }
        ]
    )
    result = run(load_model(data), options())
    expected = np.array([[(centre(r, c)[0] - X0) for c in range(10)] for r in range(10)])
    assert result.suitability == pytest.approx(expected, abs=0.15)


def test_raster_in_another_crs(tmp_path):
    to_utm = Transformer.from_crs("EPSG:2154", "EPSG:32631", always_xy=True)
    east, north = to_utm.transform(X0, Y1)
    left, top = math.floor(east) - 100, math.ceil(north) + 100
    xs = left + 5 * np.arange(80) + 2.5
    array = np.repeat(xs[None, :] - east, 80, axis=0)  # value = UTM easting − east
    path = write_tif(tmp_path / "utm.tif", array, Affine(5, 0, left, 0, -5, top), crs="EPSG:32631")
    data = model(
        [
            {
                "name": "utm",
                "layer": path,
                "measure": "value",
                "transform": {"function": "linear", "low": -50, "high": 150},
            }
        ]
    )
    result = run(load_model(data), options())
    for row, col in ((0, 0), (4, 7), (9, 9)):
        utm_x, _ = to_utm.transform(*centre(row, col))
        assert result.suitability[row, col] == pytest.approx(100 * (utm_x - east + 50) / 200, abs=0.05)


def test_nodata_cells_stay_nodata_unless_filled(tmp_path):
    array = np.full((10, 10), 50.0)
    array[:, :3] = -1
    path = write_tif(tmp_path / "v.tif", array, Affine(10, 0, X0, 0, -10, Y1), nodata=-1)
    criterion = {
        "name": "v",
        "layer": path,
        "measure": "value",
        "resampling": "nearest",
        "transform": {"function": "linear", "low": 0, "high": 100},
    }
    result = run(load_model(model([criterion])), options())
    assert np.isnan(result.suitability[:, :3]).all()
    assert result.suitability[:, 3:] == pytest.approx(50)
    filled = run(load_model(model([{**criterion, "fill": 0.2}])), options())
    assert filled.suitability[:, :3] == pytest.approx(20)
    out = tmp_path / "s.tif"
    write_suitability(out, result)
    with rasterio.open(out) as dataset:
        assert dataset.nodata == -9999 and (dataset.read(1)[:, :3] == -9999).all()


# --- constraints --------------------------------------------------------------------------------
def flat_criterion(tmp_path: Path) -> dict:
    path = write_tif(tmp_path / "flat.tif", np.full((10, 10), 80.0), Affine(10, 0, X0, 0, -10, Y1))
    return {
        "name": "flat",
        "layer": path,
        "measure": "value",
        "transform": {"function": "linear", "low": 0, "high": 100},
    }


def test_exclude_with_buffer_and_include(tmp_path):
    gpkg = tmp_path / "c.gpkg"
    port = write_layer(gpkg, "port", [box(X0, Y0, X0 + 20, Y1).wkt])
    commune = write_layer(gpkg, "commune", [box(X0, Y1 - 60, X1, Y1).wkt])
    data = model(
        [flat_criterion(tmp_path)],
        constraints=[
            {"layer": port, "mode": "exclude", "buffer": 10},
            {"layer": commune, "mode": "include"},
        ],
    )
    result = run(load_model(data), options())
    expected = np.full((10, 10), 80.0)
    expected[:, :3] = np.nan  # centres X0 + 5, 15, 25 lie within 10 m of the port (x ≤ X0 + 20)
    expected[6:, :] = np.nan  # centres below Y1 − 60 lie outside the commune
    assert np.array_equal(np.isnan(result.suitability), np.isnan(expected))
    assert np.nanmax(result.suitability) == pytest.approx(80)


def test_empty_constraint_layers(tmp_path):
    gpkg = tmp_path / "e.gpkg"
    empty = write_layer(gpkg, "empty", [])
    result = run(
        load_model(model([flat_criterion(tmp_path)], constraints=[{"layer": empty, "mode": "exclude"}])),
        options(),
    )
    assert not np.isnan(result.suitability).any()
    assert any("no features" in warning for warning in result.warnings)
    with pytest.raises(EngineError, match="include constraint layer 'empty' has no features"):
        run(
            load_model(model([flat_criterion(tmp_path)], constraints=[{"layer": empty, "mode": "include"}])),
            options(),
        )


def test_geographic_layer_is_refused_by_name(tmp_path):
    layer = write_layer(tmp_path / "g.gpkg", "wgs84_points", [point(2.3, 51.0)], epsg=4326)
    data = model(
        [
            {
                "name": "p",
                "layer": layer,
                "measure": "distance",
                "transform": {"function": "linear", "direction": "cost", "low": 0, "high": 100},
            }
        ]
    )
    with pytest.raises(EngineError, match="'wgs84_points' uses a geographic CRS"):
        run(load_model(data), options())
    with pytest.raises(EngineError, match="geographic"):
        run(load_model(model([flat_criterion(tmp_path)])), Options(target_crs="EPSG:4326"))


def test_too_large_grid_is_refused_with_an_estimate(tmp_path):
    fibre = write_layer(tmp_path / "f.gpkg", "fibre", [point(*centre(2, 3))])
    distance = {
        "name": "fibre",
        "layer": fibre,
        "measure": "distance",
        "transform": {"function": "linear", "direction": "cost", "low": 0, "high": 500},
    }
    with pytest.raises(EngineError, match=r"needs about [\d.]+ GB of memory"):
        run(
            load_model(model([distance])),
            Options(cell_size=0.5, extent=(X0, Y0, X0 + 50_000, Y0 + 50_000)),
        )


# --- runs by blocks ------------------------------------------------------------------------------
BLOCK_EXTENT = (X0, Y0, X0 + 200, Y0 + 300)  # 40 × 60 cells of 5 m


def mixed_criteria(tmp_path: Path, distances: bool = True) -> list[dict]:
    """A raster on another grid (7 m cells, shifted origin), a zoning attribute and two distances."""
    rows, cols = np.mgrid[0:50, 0:35]
    raster = write_tif(
        tmp_path / "misaligned.tif",
        50 + 40 * np.sin(rows / 6.0) * np.cos(cols / 5.0),
        Affine(7, 0, X0 - 13, 0, -7, Y0 + 317),
    )
    gpkg = tmp_path / "mixed.gpkg"
    zones = write_layer(
        gpkg,
        "zones",
        [box(X0, Y0, X0 + 90, Y0 + 300).wkt, box(X0 + 90, Y0, X0 + 200, Y0 + 170).wkt],
        {"typezone": ["U", "AU"]},
    )
    criteria = [
        {
            "name": "terrain",
            "layer": raster,
            "measure": "value",
            "transform": {"function": "linear", "direction": "benefit", "low": 20, "high": 80},
        },
        {
            "name": "zoning",
            "layer": zones,
            "measure": "attribute",
            "field": "typezone",
            "transform": {"function": "categories", "values": {"U": 1, "AU": 0.6}, "default": 0.1},
        },
    ]
    if distances:
        fibre = write_layer(
            gpkg,
            "fibre",
            [point(X0 + 33, Y0 + 251), point(X0 + 151, Y0 + 62), point(X0 + 120, Y0 + 200)],
            {"ftth": [1.0, 1.0, 0.0]},
        )
        roads = write_layer(gpkg, "roads", [f"LINESTRING ({X0 - 30} {Y0 + 140}, {X0 + 230} {Y0 + 190})"])
        criteria += [
            {
                "name": "fibre",
                "layer": fibre,
                "measure": "distance",
                "where": "ftth = 1",
                "transform": {"function": "linear", "direction": "cost", "low": 0, "high": 120},
            },
            {
                "name": "roads",
                "layer": roads,
                "measure": "distance",
                "transform": {"function": "sigmoid", "direction": "cost", "midpoint": 60, "spread": 15},
            },
        ]
    return criteria


def mixed_constraints(tmp_path: Path) -> list[dict]:
    gpkg = tmp_path / "constraints.gpkg"
    port = write_layer(gpkg, "port", [box(X0 + 150, Y0 + 230, X0 + 200, Y0 + 300).wkt])
    commune = write_layer(gpkg, "commune", [box(X0, Y0 + 20, X0 + 200, Y0 + 300).wkt])
    return [{"layer": port, "mode": "exclude", "buffer": 12}, {"layer": commune, "mode": "include"}]


def read_band(path: Path) -> np.ndarray:
    with rasterio.open(path) as dataset:
        return dataset.read(1)


def run_whole_and_by_blocks(tmp_path: Path, data: dict, budget) -> tuple[np.ndarray, np.ndarray, object]:
    """The suitability raster computed whole and within ``budget(grid, model, margin)`` bytes."""
    suitability = load_model(data)
    whole = run(suitability, Options(cell_size=5, extent=BLOCK_EXTENT, criteria_folder=str(tmp_path / "c1")))
    assert whole.block_rows is None
    write_suitability(tmp_path / "whole.tif", whole)
    grid = model_grid(suitability, Options(cell_size=5, extent=BLOCK_EXTENT))
    limit = budget(grid, suitability, margin_cells(suitability, grid))
    work = tmp_path / "work"
    blocks = run(
        suitability,
        Options(
            cell_size=5,
            extent=BLOCK_EXTENT,
            criteria_folder=str(tmp_path / "c2"),
            max_memory=limit,
            work_dir=str(work),
        ),
    )
    assert blocks.suitability is None and blocks.memory_estimate <= limit
    write_suitability(tmp_path / "blocks.tif", blocks)
    assert list(work.iterdir()) == []  # scratch distances and the staged raster are gone
    for name in [c["name"] for c in data["criteria"]]:
        np.testing.assert_array_equal(
            read_band(tmp_path / "c2" / f"{name}.tif"), read_band(tmp_path / "c1" / f"{name}.tif")
        )
    return read_band(tmp_path / "whole.tif"), read_band(tmp_path / "blocks.tif"), blocks


def test_blocks_of_three_rows_give_the_same_raster(tmp_path):
    data = model(mixed_criteria(tmp_path, distances=False), constraints=mixed_constraints(tmp_path))
    whole, blocks, result = run_whole_and_by_blocks(
        tmp_path, data, lambda grid, suitability, margin: blocked_estimate(grid, suitability, margin, 3)
    )
    assert result.block_rows == 3  # 20 blocks of 3 rows
    np.testing.assert_array_equal(blocks, whole)
    assert (whole == -9999).sum() > 100 and (whole != -9999).sum() > 1000


@pytest.mark.parametrize(
    "aggregation",
    [{"method": "wlc"}, {"method": "geometric"}, {"method": "owa", "order_weights": [4, 3, 2, 1]}],
)
def test_distances_whole_then_blocks_give_the_same_raster(tmp_path, aggregation):
    data = model(mixed_criteria(tmp_path), constraints=mixed_constraints(tmp_path), aggregation=aggregation)
    whole, blocks, result = run_whole_and_by_blocks(
        tmp_path, data, lambda grid, suitability, margin: blocked_estimate(grid, suitability, margin, 1)
    )
    assert result.block_rows is not None
    np.testing.assert_array_equal(blocks, whole)


@pytest.mark.parametrize("aggregation", [{"method": "wlc"}, {"method": "owa", "order_weights": [4, 3, 2, 1]}])
def test_criteria_in_worker_threads_give_the_same_rasters_and_warnings(tmp_path, aggregation):
    criteria = mixed_criteria(tmp_path)
    criteria.append({**criteria[2], "name": "nothing", "where": "ftth = 7"})  # no features: a warning
    data = model(criteria, constraints=mixed_constraints(tmp_path), aggregation=aggregation)
    if aggregation["method"] == "owa":
        data["aggregation"]["order_weights"].append(1)
    runs = same_on_one_and_three_threads(tmp_path, data)
    assert runs[3].warnings == runs[1].warnings and "nothing" in runs[1].warnings[0]


def same_on_one_and_three_threads(tmp_path: Path, data: dict) -> dict:
    """Run ``data`` on one and three threads; check that the rasters (and criteria) are the same."""
    runs = {}
    for threads in (1, 3):
        folder = str(tmp_path / f"t{threads}")
        options = Options(cell_size=5, extent=BLOCK_EXTENT, threads=threads, criteria_folder=folder)
        runs[threads] = run(load_model(data), options)
    np.testing.assert_array_equal(runs[3].suitability, runs[1].suitability)
    for criterion in data["criteria"]:
        name = f"{criterion['name']}.tif"
        np.testing.assert_array_equal(read_band(tmp_path / "t3" / name), read_band(tmp_path / "t1" / name))
    return runs


def test_a_distance_by_bands_on_threads_gives_the_same_rasters(tmp_path):
    lines = [f"LINESTRING ({X0} {Y0 + 23 * k + 2}, {X0 + 200} {Y0 + 290 - 19 * k})" for k in range(12)]
    roads = write_layer(tmp_path / "bands.gpkg", "roads", lines)
    criteria = [
        {"name": "roads", "layer": roads, "measure": "distance",
         "transform": {"function": "linear", "direction": "cost", "low": 0, "high": 15}},
        {"name": "far", "layer": roads, "measure": "distance",
         "transform": {"function": "linear", "direction": "benefit", "low": 5, "high": 20}},
    ]  # fmt: skip
    data = model(criteria)
    grid = model_grid(load_model(data), Options(cell_size=5, extent=BLOCK_EXTENT))
    features = suitability._criterion_features(load_model(data).criteria[0], grid, None, [])
    assert len(suitability._distance(load_model(data).criteria[0], grid, features, 3)) == 3
    same_on_one_and_three_threads(tmp_path, data)


def test_threads_are_limited_by_the_memory_allowed(tmp_path):
    suitability = load_model(model(mixed_criteria(tmp_path), constraints=mixed_constraints(tmp_path)))
    grid = model_grid(suitability, Options(cell_size=5, extent=BLOCK_EXTENT))
    margin = margin_cells(suitability, grid)
    two = memory_estimate(grid, suitability, Options(), margin, threads=2)
    three = memory_estimate(grid, suitability, Options(), margin, threads=3)
    assert memory_estimate(grid, suitability, Options(), margin) < two < three
    assert thread_count(grid, suitability, Options(threads=3, max_memory=three), margin) == 3
    assert thread_count(grid, suitability, Options(threads=3, max_memory=three - 1), margin) == 2
    assert thread_count(grid, suitability, Options(threads=3, max_memory=two - 1), margin) == 1
    assert thread_count(grid, suitability, Options(threads=8, max_memory=10 * three), margin) == 4  # criteria


def test_what_does_not_fit_even_by_blocks_is_refused_with_estimates(tmp_path):
    suitability = load_model(model(mixed_criteria(tmp_path), constraints=mixed_constraints(tmp_path)))
    grid = model_grid(suitability, Options(cell_size=5, extent=BLOCK_EXTENT))
    least = blocked_estimate(grid, suitability, margin_cells(suitability, grid), 1)
    with pytest.raises(
        EngineError, match=r"needs about [\d.]+ GB .* even by blocks of rows it needs at least"
    ):
        run(suitability, Options(cell_size=5, extent=BLOCK_EXTENT, max_memory=least - 1))
    with pytest.raises(EngineError, match="the sites need the whole grid"):
        run(suitability, Options(cell_size=5, extent=BLOCK_EXTENT, max_memory=least, sites=True))


def test_cancelled_run_by_blocks_leaves_nothing(tmp_path):
    suitability = load_model(model(mixed_criteria(tmp_path), constraints=mixed_constraints(tmp_path)))
    grid = model_grid(suitability, Options(cell_size=5, extent=BLOCK_EXTENT))
    least = blocked_estimate(grid, suitability, margin_cells(suitability, grid), 1)
    calls = []

    def cancel_at_third_check() -> bool:
        calls.append(1)
        return len(calls) > 2

    work, folder = tmp_path / "work", tmp_path / "criteria"
    with pytest.raises(Cancelled):
        run(
            suitability,
            Options(
                cell_size=5,
                extent=BLOCK_EXTENT,
                max_memory=least,
                work_dir=str(work),
                criteria_folder=str(folder),
            ),
            is_cancelled=cancel_at_third_check,
        )
    assert list(work.iterdir()) == [] and list(folder.iterdir()) == []


def test_a_cancelled_run_does_not_wait_for_the_criterion_under_way(tmp_path, monkeypatch):
    release, ended = threading.Event(), []

    def blocked() -> None:
        release.wait(20)
        ended.append(1)

    monkeypatch.setattr(suitability, "REPORT_SECONDS", 0.01)
    monkeypatch.setattr(suitability, "_criterion_parts", lambda *arguments: [(1, blocked)])
    reports = []
    try:
        with pytest.raises(Cancelled):
            run(
                load_model(model([flat_criterion(tmp_path)])),
                options(),
                progress=lambda percent, message: reports.append(percent),
                is_cancelled=lambda: len(reports) > 3,
            )
        assert ended == []  # cancelled while the criterion was still being computed
        assert 5 < reports[-1] < 75  # its share reported while it ran
    finally:
        release.set()


def test_cancelled_run_leaves_no_criteria_output(tmp_path):
    folder = tmp_path / "criteria"
    criteria = [flat_criterion(tmp_path), {**flat_criterion(tmp_path), "name": "second"}]
    calls = []

    def cancel_at_second() -> bool:
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(Cancelled):
        run(load_model(model(criteria)), options(criteria_folder=str(folder)), is_cancelled=cancel_at_second)
    assert list(folder.iterdir()) == []
    run(load_model(model(criteria)), options(criteria_folder=str(folder)))
    assert sorted(p.name for p in folder.iterdir()) == ["flat.tif", "second.tif"]


# --- sites --------------------------------------------------------------------------------------
def two_hills(tmp_path: Path) -> str:
    rows, cols = np.mgrid[0:40, 0:40]
    hill = 90 * np.exp(-((rows - 8) ** 2 + (cols - 8) ** 2) / 20) + 60 * np.exp(
        -((rows - 30) ** 2 + (cols - 28) ** 2) / 20
    )
    return write_tif(tmp_path / "hills.tif", hill, Affine(10, 0, X0, 0, -10, Y0 + 400))


def test_locate_sites_ranks_contiguous_spaced_regions(tmp_path):
    second = write_tif(tmp_path / "const.tif", np.full((40, 40), 50.0), Affine(10, 0, X0, 0, -10, Y0 + 400))
    data = model(
        [
            {
                "name": "hills",
                "layer": two_hills(tmp_path),
                "measure": "value",
                "transform": {"function": "linear", "low": 0, "high": 100},
            },
            {
                "name": "flat",
                "layer": second,
                "measure": "value",
                "transform": {"function": "linear", "low": 0, "high": 100},
            },
        ],
        {"method": "direct", "values": {"hills": 3, "flat": 1}},
    )
    opts = Options(
        cell_size=10,
        extent=(X0, Y0, X0 + 400, Y0 + 400),
        sites=True,
        n_sites=2,
        min_area=1200,
        min_spacing=100,
    )
    result = run(load_model(data), opts)
    sites = final_sites(result, opts)
    assert [site.rank for site in sites] == [1, 2]
    first, runner_up = sites
    assert first.score > runner_up.score
    assert first.area_m2 == 1200 and first.geometry.area == pytest.approx(1200)
    assert first.geometry.geom_type == "Polygon"  # contiguous
    assert first.geometry.distance(runner_up.geometry) >= 100 - 1e-6
    t = result.grid.transform
    centre_of_cell_8_8 = Point(t.c + 8.5 * t.a + 8.5 * t.b, t.f + 8.5 * t.d + 8.5 * t.e)
    assert first.geometry.centroid.distance(centre_of_cell_8_8) < 30
    for site in sites:
        assert sum(site.contributions.values()) == pytest.approx(site.score, abs=1e-3)
        assert site.contributions["flat"] == pytest.approx(0.25 * 0.5 * 100, abs=1e-3)
        assert site.score >= site.min_score


def test_candidates_are_scored_and_sensitivity_is_reported(tmp_path):
    data = model(
        [
            {
                "name": "hills",
                "layer": two_hills(tmp_path),
                "measure": "value",
                "transform": {"function": "linear", "low": 0, "high": 100},
            }
        ]
    )
    near_first = box(X0 + 50, Y0 + 290, X0 + 120, Y0 + 360)  # around the 90 hill
    near_second = box(X0 + 250, Y0 + 70, X0 + 330, Y0 + 150)  # around the 60 hill
    tiny = box(X0 + 3, Y0 + 3, X0 + 6, Y0 + 6)  # smaller than a cell
    opts = Options(
        cell_size=10,
        extent=(X0, Y0, X0 + 400, Y0 + 400),
        n_sites=1,
        sensitivity_runs=50,
        candidates=[(11, near_first), (12, near_second), (13, tiny)],
    )
    result = run(load_model(data), opts)
    by_id = {site.site_id: site for site in final_sites(result, opts)}
    assert by_id[11].rank == 1 and by_id[12].rank == 2 and by_id[13].rank == 3
    assert by_id[11].area_m2 == pytest.approx(near_first.area)
    assert by_id[13].area_m2 == 100  # the one cell it touches
    cells = result.suitability[4:11, 5:12]
    assert by_id[11].score == pytest.approx(float(cells.mean()), rel=1e-5)
    assert by_id[11].min_score == pytest.approx(float(cells.min()), rel=1e-5)
    assert by_id[11].stay_top_prob == 1.0 and by_id[12].stay_top_prob == 0.0


def test_example_model_is_valid_against_the_schema_and_the_engine():
    jsonschema = pytest.importorskip("jsonschema")
    root = Path(__file__).resolve().parents[1]
    schema = json.loads((root / "docs" / "suitability_model.schema.json").read_text(encoding="utf-8"))
    path = root / "resources" / "models" / "tiers_lieu_cud.json"
    example = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(example, schema)
    model = load_model(str(path))
    assert [c.name for c in model.criteria] == [
        "fibre",
        "centres",
        "roads",
        "population",
        "industry",
        "terrain",
    ]
    assert model.ahp.cr < 0.10
    broken = {**example, "weights": {"method": "direct", "values": {"fibre": -1}}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_rasters_resample_by_bands_with_progress_and_the_same_values(monkeypatch):
    """A raster criterion is resampled by bands of rows when progress is asked for: a report
    after each band up to 1, Cancel honoured between bands, and the values of one whole warp."""
    from territoire_numerique.engine import raster_grid

    sample = Path(__file__).resolve().parents[1] / "resources" / "sample" / "territoire_sample.gpkg"
    uri = f"{sample}|layername=terrain"
    grid = raster_grid.Grid(640_000.0, 7_105_000.0, 3.0, 2400, 1300, "EPSG:2154")
    whole = raster_grid.resample_to(grid, uri)
    monkeypatch.setattr(raster_grid, "RESAMPLE_BAND_CELLS", 2400 * 100)
    shares: list[float] = []
    banded = raster_grid.resample_to(grid, uri, progress=shares.append)
    assert np.array_equal(whole, banded, equal_nan=True) and np.isfinite(whole).mean() > 0.5
    assert len(shares) == 13 and shares[-1] == 1.0 and shares == sorted(shares)

    def cancel(share: float) -> None:
        if share > 0.3:
            raise Cancelled()

    with pytest.raises(Cancelled):
        raster_grid.resample_to(grid, uri, progress=cancel)
