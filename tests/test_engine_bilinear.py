"""The numpy bilinear resampling against GDAL's warp (rasterio's reproject), nodata included."""

from __future__ import annotations

import numpy as np
import pytest
from osgeo import gdal, osr

from territoire_numerique.engine import raster_grid
from territoire_numerique.engine.arrays import Buffers
from territoire_numerique.engine.bilinear import bilinear_onto, bilinear_source
from territoire_numerique.engine.raster_grid import Grid, resample_to, write_raster


def _lambert() -> str:
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(2154)
    return reference.ExportToWkt()


def _terrain(path, seed: int = 3, nodata: float | None = -9999.0) -> Grid:
    """A 10 m raster of 60 × 45 pixels: random heights, a sea in one corner, nodata specks."""
    source = Grid.from_bounds(650_000.0, 6_860_000.0, 650_600.0, 6_860_450.0, 10.0, _lambert())
    generator = np.random.default_rng(seed)
    heights = (generator.random(source.shape) * 40.0 - 5.0).astype(np.float32)
    if nodata is not None:
        rows, cols = np.indices(source.shape)
        heights[rows + cols < 20] = nodata  # the sea, a diagonal coast
        heights[generator.random(source.shape) < 0.03] = nodata
        heights[20:24, 30:33] = nodata
    write_raster(path, source, heights, nodata)
    return source


def _by_gdal(monkeypatch, grid: Grid, path) -> np.ndarray:
    with monkeypatch.context() as patch:
        patch.setattr(raster_grid, "_bilinear_by_bands", lambda *arguments: 0.0)
        return resample_to(grid, str(path))


@pytest.mark.parametrize(
    "x_min, y_max, cell, width, height",
    [
        (650_000.0, 6_860_450.0, 5.0, 120, 90),  # the raster exactly, halves of its pixels
        (649_990.0, 6_860_470.0, 5.0, 130, 100),  # beyond it on every side
        (649_996.0, 6_860_452.0, 5.0, 122, 91),  # centres just before its first pixels
        (650_003.7, 6_860_441.1, 7.3, 80, 60),  # an odd cell size and offset
        (650_000.0, 6_860_450.0, 10.0, 60, 45),  # its own pixels
        (650_137.0, 6_860_302.0, 2.5, 100, 80),  # inside, finer
    ],
)
def test_numpy_bilinear_is_gdals_warp_nodata_included(
    tmp_path, monkeypatch, x_min, y_max, cell, width, height
):
    path = tmp_path / "terrain.tif"
    _terrain(path)
    grid = Grid(x_min, y_max, cell, width, height, _lambert())
    dataset = gdal.Open(str(path))
    source = bilinear_source(dataset, 1, grid)
    assert source is not None
    mine = np.full(grid.shape, 123.0, np.float32)
    assert bilinear_onto(source, grid, mine, Buffers())
    theirs = _by_gdal(monkeypatch, grid, path)
    np.testing.assert_array_equal(np.isnan(mine), np.isnan(theirs))  # the same cells without data
    valid = ~np.isnan(theirs)
    assert valid.sum() > grid.cells / 3 and (~valid).sum() > 50
    steps = np.abs(mine[valid] - theirs[valid]) / np.spacing(np.abs(theirs[valid]))
    assert steps.max() <= 1.0
    assert np.count_nonzero(steps) <= valid.sum() / 100
    # resample_to takes this path for the raster, all of it
    taken = np.empty(grid.shape, np.float32)
    assert raster_grid._bilinear_by_bands(grid, str(path), 1, taken, grid.height, None) == 1.0
    np.testing.assert_array_equal(taken, mine)
    np.testing.assert_array_equal(resample_to(grid, str(path)), mine)


def test_numpy_bilinear_leaves_gdal_what_it_cannot_do(tmp_path):
    path = tmp_path / "terrain.tif"
    _terrain(path)
    dataset = gdal.Open(str(path))
    inside = Grid(650_100.0, 6_860_400.0, 5.0, 40, 30, _lambert())
    out = np.zeros(inside.shape, np.float32)
    # without partial cells allowed, a nodata pixel among those needed leaves it all to GDAL
    assert not bilinear_onto(bilinear_source(dataset, 1, inside), inside, out, Buffers(), partial=False)
    assert not out.any()
    coarse = Grid(650_000.0, 6_860_450.0, 20.0, 30, 22, _lambert())  # pixels finer than the cells
    assert bilinear_source(dataset, 1, coarse) is None
    mercator = osr.SpatialReference()
    mercator.ImportFromEPSG(3857)
    assert bilinear_source(dataset, 1, Grid(0.0, 0.0, 5.0, 10, 10, mercator.ExportToWkt())) is None
    nan_path = tmp_path / "nan.tif"
    source_grid = _terrain(nan_path, nodata=None)
    values = gdal.Open(str(nan_path)).ReadAsArray()
    values[10, 15] = np.nan  # under the grid
    write_raster(nan_path, source_grid, values, None)
    with_nan = gdal.Open(str(nan_path))
    assert not bilinear_onto(bilinear_source(with_nan, 1, inside), inside, out, Buffers())  # NaN: GDAL's


def test_numpy_bilinear_without_nodata_equals_gdal(tmp_path, monkeypatch):
    path = tmp_path / "terrain.tif"
    _terrain(path, nodata=None)
    grid = Grid(649_993.0, 6_860_455.0, 5.0, 125, 95, _lambert())  # beyond the raster a little
    mine = resample_to(grid, str(path))
    theirs = _by_gdal(monkeypatch, grid, path)
    np.testing.assert_array_equal(np.isnan(mine), np.isnan(theirs))
    valid = ~np.isnan(theirs)
    steps = np.abs(mine[valid] - theirs[valid]) / np.spacing(np.abs(theirs[valid]))
    assert steps.max() <= 1.0


def test_a_nan_pixel_midway_hands_the_rest_to_gdal_with_progress_going_on(tmp_path, monkeypatch):
    path = tmp_path / "terrain.tif"
    source_grid = _terrain(path)
    values = gdal.Open(str(path)).ReadAsArray()
    values[30, 20] = np.nan  # in the lower rows: the first bands are done in numpy
    write_raster(path, source_grid, values, -9999.0)
    grid = Grid(650_000.0, 6_860_450.0, 5.0, 120, 90, _lambert())
    monkeypatch.setattr(raster_grid, "RESAMPLE_BAND_CELLS", 120 * 10)  # bands of 10 rows
    shares: list[float] = []
    mixed = resample_to(grid, str(path), progress=shares.append)
    assert shares == sorted(shares) and shares[-1] == 1.0
    assert 0 < sum(share < 0.5 for share in shares) < len(shares)
    np.testing.assert_array_equal(mixed, _by_gdal(monkeypatch, grid, path))  # GDAL's, all of it
