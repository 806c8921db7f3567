"""Raster grids: define a grid, burn vector layers onto it, measure distances, resample rasters.

General helpers for every raster analysis of the plugin (the one :class:`Grid` and the one
:func:`write_raster` of the suitability and Wi-Fi engines).  A layer is named by a path or an
OGR/GDAL URI of the form used by QGIS: ``/data/territoire.gpkg|layername=roads``; an optional
``where`` clause (OGR SQL) filters vector features.  Arrays are row-major, north up, Float32.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import rasterio
from affine import Affine
from osgeo import gdal, gdal_array, ogr, osr
from rasterio.crs import CRS
from rasterio.warp import Resampling, reproject, transform_bounds
from scipy import ndimage
from shapely import wkb
from shapely.geometry import MultiLineString, MultiPoint
from shapely.geometry.base import BaseGeometry

from .arrays import ArrayPool, Buffers, sparse_cells
from .bilinear import bilinear_onto, bilinear_source
from .errors import EngineError
from .outputs import atomic_output

#: OGR's in-memory vector driver: "MEM" since GDAL 3.11 ("Memory", deprecated there, before).
OGR_MEMORY_DRIVER = "MEM" if int(gdal.VersionInfo()) >= 3110000 else "Memory"

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()

#: The windowed distance is used when (feature cells × window cells) ≤ this × grid cells.
WINDOWED_WORK = 12
#: Cells per strip of columns when distances are computed from the feature transform.
CHUNK_CELLS = 1 << 18
#: Rows written at a time by write_raster (a multiple of the 256-row tiles).
WRITE_BLOCK_ROWS = 1024

RESAMPLING = {
    "nearest": Resampling.nearest,
    "bilinear": Resampling.bilinear,
    "cubic": Resampling.cubic,
    "average": Resampling.average,
}


@dataclass(frozen=True)
class Grid:
    """A north-up grid of square cells: top-left corner, cell size (CRS units), shape, CRS."""

    xmin: float
    ymax: float
    cell_size: float
    width: int
    height: int
    crs: str = ""  # WKT or "EPSG:n" ("" when unknown)

    @classmethod
    def from_bounds(
        cls, x_min: float, y_min: float, x_max: float, y_max: float, cell_size: float, crs: str = ""
    ) -> Grid:
        """:meth:`covering` with the bounds as separate arguments (the Wi-Fi engine's spelling)."""
        return cls.covering((x_min, y_min, x_max, y_max), cell_size, crs)

    @classmethod
    def covering(cls, bounds: tuple[float, float, float, float], cell_size: float, crs: str) -> Grid:
        """The grid snapped to multiples of ``cell_size`` that covers ``(xmin, ymin, xmax, ymax)``."""
        if cell_size <= 0:
            raise EngineError("The cell size must be positive, not {size}.", size=cell_size)
        xmin, ymin, xmax, ymax = bounds
        if not (xmax > xmin and ymax > ymin):
            raise EngineError("The extent {bounds} is empty.", bounds=tuple(round(v, 2) for v in bounds))
        left = math.floor(xmin / cell_size) * cell_size
        top = math.ceil(ymax / cell_size) * cell_size
        width = max(1, math.ceil((xmax - left) / cell_size - 1e-9))
        height = max(1, math.ceil((top - ymin) / cell_size - 1e-9))
        return cls(left, top, cell_size, width, height, crs)

    @property
    def shape(self) -> tuple[int, int]:
        return (self.height, self.width)

    @property
    def cells(self) -> int:
        return self.width * self.height

    @property
    def cell_area(self) -> float:
        return self.cell_size * self.cell_size

    @property
    def transform(self) -> Affine:
        return Affine(self.cell_size, 0.0, self.xmin, 0.0, -self.cell_size, self.ymax)

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        return (
            self.xmin,
            self.ymax - self.height * self.cell_size,
            self.xmin + self.width * self.cell_size,
            self.ymax,
        )

    @property
    def rasterio_crs(self) -> CRS | None:
        return CRS.from_user_input(self.crs) if self.crs else None

    @property
    def geotransform(self) -> tuple[float, float, float, float, float, float]:
        """GDAL's geotransform of the grid."""
        return (self.xmin, self.cell_size, 0.0, self.ymax, 0.0, -self.cell_size)

    # The Wi-Fi engine's names of the same fields (read-only aliases).
    x_min = property(lambda self: self.xmin, doc="Left edge (alias of ``xmin``).")
    y_max = property(lambda self: self.ymax, doc="Top edge (alias of ``ymax``).")
    n_rows = property(lambda self: self.height, doc="Number of rows (alias of ``height``).")
    n_cols = property(lambda self: self.width, doc="Number of columns (alias of ``width``).")
    crs_wkt = property(lambda self: self.crs, doc="CRS (alias of ``crs``).")

    def contains(self, x: float, y: float) -> bool:
        """Whether the point lies on the grid (left and top edges included)."""
        xmin, ymin, xmax, ymax = self.bounds
        return xmin <= x < xmax and ymin < y <= ymax

    def cell_of(self, x: np.ndarray | float, y: np.ndarray | float) -> tuple[np.ndarray, np.ndarray]:
        """Row and column of points (may fall outside the grid)."""
        col = np.floor((np.asarray(x) - self.xmin) / self.cell_size).astype(np.int64)
        row = np.floor((self.ymax - np.asarray(y)) / self.cell_size).astype(np.int64)
        return row, col

    def rows(self, top: int, count: int) -> Grid:
        """The band of ``count`` rows of this grid starting at row ``top``."""
        return Grid(self.xmin, self.ymax - top * self.cell_size, self.cell_size, self.width, count, self.crs)

    def padded(self, cells: int) -> Grid:
        """The same grid grown by ``cells`` on every side."""
        return Grid(
            self.xmin - cells * self.cell_size,
            self.ymax + cells * self.cell_size,
            self.cell_size,
            self.width + 2 * cells,
            self.height + 2 * cells,
            self.crs,
        )


# --- layer names --------------------------------------------------------------------------
def split_uri(uri: str, base_dir: str | os.PathLike[str] | None = None) -> tuple[str, str | None]:
    """``(path, layer name or None)`` of ``"path|layername=x"``; relative paths against ``base_dir``."""
    parts = [part.strip() for part in str(uri).split("|")]
    path, layer = parts[0], None
    for option in parts[1:]:
        key, _, value = option.partition("=")
        if key.strip().lower() == "layername":
            layer = value.strip()
    if base_dir is not None and not os.path.isabs(path) and "://" not in path and not path.startswith("/vsi"):
        path = str(Path(base_dir) / path)
    return path, layer


def layer_label(uri: str) -> str:
    """A short human name of a layer URI (its layer name, else its file name)."""
    path, layer = split_uri(uri)
    return layer or Path(path).name


def _srs(crs: str) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.SetFromUserInput(crs)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def crs_is_geographic(crs: str) -> bool:
    return bool(_srs(crs).IsGeographic())


def require_projected(crs_wkt: str | None, label: str) -> None:
    """Refuse a layer without CRS or in a geographic CRS, naming it."""
    if not crs_wkt:
        raise EngineError(
            "Layer '{layer}' has no coordinate reference system: set one (e.g. EPSG:2154).", layer=label
        )
    if crs_is_geographic(crs_wkt):
        raise EngineError(
            "Layer '{layer}' uses a geographic CRS (degrees): distances and areas need a projected "
            "CRS in metres, such as Lambert-93 (EPSG:2154). Reproject it first.",
            layer=label,
        )


# --- vectors ------------------------------------------------------------------------------
@dataclass
class VectorData:
    """Features of a vector layer reprojected to a grid CRS: geometries and optional field values."""

    label: str
    geometries: list[BaseGeometry]
    values: list[object]
    geometry_type: str  # "point", "line", "polygon" or "unknown"

    @property
    def bounds(self) -> tuple[float, float, float, float] | None:
        boxes = [geometry.bounds for geometry in self.geometries if not geometry.is_empty]
        if not boxes:
            return None
        array = np.array(boxes)
        return (array[:, 0].min(), array[:, 1].min(), array[:, 2].max(), array[:, 3].max())


def _open_vector(uri: str, base_dir: str | None) -> tuple[ogr.DataSource, ogr.Layer, str]:
    path, layer_name = split_uri(uri, base_dir)
    label = layer_label(uri)
    try:
        source = ogr.Open(path)
    except RuntimeError:
        source = None
    if source is None:
        raise EngineError(
            "Layer '{layer}' cannot be opened as a vector layer: {path}", layer=label, path=path
        )
    layer = source.GetLayerByName(layer_name) if layer_name else source.GetLayer(0)
    if layer is None:
        raise EngineError("Layer '{layer}' is not in {path}.", layer=label, path=path)
    return source, layer, label


def gdal_reason(error: Exception) -> str:
    """GDAL's complaint without the SQL statement it built (GDAL 3.6 puts it after a colon,
    3.12 after "Failed to prepare SQL")."""
    text = re.split(r"\bSELECT\b", str(error).split(":")[0], maxsplit=1, flags=re.IGNORECASE)[0]
    return text.strip(" :") or "syntax error"


def _checked_layer(
    uri: str, where: str | None, field: str | None, base_dir: str | None
) -> tuple[ogr.DataSource, ogr.Layer, str]:
    """Open a vector layer, check its CRS and field, set its attribute filter."""
    source, layer, label = _open_vector(uri, base_dir)
    layer_srs = layer.GetSpatialRef()
    require_projected(layer_srs.ExportToWkt() if layer_srs else None, label)
    definition = layer.GetLayerDefn()
    if field is not None and definition.GetFieldIndex(field) < 0:
        names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
        raise EngineError(
            "Layer '{layer}' has no field '{field}' (fields: {fields}).",
            layer=label,
            field=field,
            fields=", ".join(names),
        )
    if where:
        try:
            layer.SetAttributeFilter(where)
            layer.ResetReading()
            layer.GetNextFeature()  # GeoPackages check the filter only when reading
            layer.ResetReading()
        except RuntimeError as error:
            raise EngineError(
                "The filter '{where}' on layer '{layer}' is invalid: {reason}",
                where=where,
                layer=label,
                reason=gdal_reason(error),
            ) from error
    return source, layer, label


def probe_vector(
    uri: str, where: str | None = None, field: str | None = None, base_dir: str | None = None
) -> None:
    """Fail early, with a clear message, if a vector layer cannot be read as asked."""
    source, _, _ = _checked_layer(uri, where, field, base_dir)
    del source


def read_vector(
    uri: str,
    target_crs: str,
    where: str | None = None,
    field: str | None = None,
    base_dir: str | None = None,
) -> VectorData:
    """Read a vector layer (optionally filtered by an OGR SQL ``where``) reprojected to ``target_crs``."""
    source, layer, label = _checked_layer(uri, where, field, base_dir)
    layer_srs = layer.GetSpatialRef()
    layer_srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    target = _srs(target_crs)
    transformation = None if layer_srs.IsSame(target) else osr.CoordinateTransformation(layer_srs, target)
    geometries: list[BaseGeometry] = []
    values: list[object] = []
    layer.ResetReading()
    for feature in layer:
        geometry = feature.GetGeometryRef()
        if geometry is None or geometry.IsEmpty():
            continue
        geometry = geometry.Clone()
        if transformation is not None:
            geometry.Transform(transformation)
        geometries.append(wkb.loads(bytes(geometry.ExportToIsoWkb())))
        values.append(feature.GetField(field) if field is not None else None)
    flat = ogr.GT_Flatten(layer.GetGeomType())
    kind = {
        ogr.wkbPoint: "point",
        ogr.wkbMultiPoint: "point",
        ogr.wkbLineString: "line",
        ogr.wkbMultiLineString: "line",
        ogr.wkbPolygon: "polygon",
        ogr.wkbMultiPolygon: "polygon",
    }.get(flat, "unknown")
    del source
    return VectorData(label, geometries, values, kind)


def rasterize(
    grid: Grid,
    geometries: list[BaseGeometry],
    values: list[float] | None = None,
    fill: float = 0.0,
    dtype: str = "uint8",
    all_touched: bool = False,
    out: np.ndarray | None = None,
) -> np.ndarray:
    """Burn geometries (value 1, or ``values``) onto ``grid``; later features overwrite earlier
    ones.  Into ``out`` when given (filled first).

    By GDAL straight into the array (rasterio's rasterize burns a copy); the points and lines of
    a value-1 burn go as one multi-part feature each (a polygon stays alone: the parts of one
    feature fill by the even-odd rule)."""
    if out is None:
        out = np.empty(grid.shape, dtype=dtype)
    out.fill(fill)
    if not geometries:
        return out
    reference = _srs(grid.crs) if grid.crs else None  # the grid's, on both sides: no transformer
    vectors = ogr.GetDriverByName(OGR_MEMORY_DRIVER).CreateDataSource("")
    layer = vectors.CreateLayer("burnt", reference, ogr.wkbUnknown)
    layer.CreateField(ogr.FieldDefn("value", ogr.OFTReal))
    if values is None:
        polygons = [g for g in geometries if g.geom_type in ("Polygon", "MultiPolygon")]
        points = [part for g in geometries if g.geom_type in ("Point", "MultiPoint") for part in _parts(g)]
        lines = [part for g in geometries if "LineString" in g.geom_type for part in _parts(g)]
        shapes = polygons + [MultiPoint(points)] * bool(points) + [MultiLineString(lines)] * bool(lines)
        values = [1.0] * len(shapes)
    else:
        shapes = geometries
    definition = layer.GetLayerDefn()
    for blob, value in zip(wkb_of(shapes), values):
        feature = ogr.Feature(definition)
        feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(blob))
        feature.SetField(0, float(value))
        layer.CreateFeature(feature)
    target = gdal_array.OpenArray(out)  # the array's memory: GDAL burns into ``out``
    target.SetGeoTransform(grid.geotransform)
    if reference is not None:
        target.SetProjection(reference.ExportToWkt())
    options = ["ATTRIBUTE=value"] + (["ALL_TOUCHED=TRUE"] if all_touched else [])
    gdal.RasterizeLayer(target, [1], layer, options=options)
    target.FlushCache()
    return out


def _parts(geometry: BaseGeometry) -> list[BaseGeometry]:
    """The non-empty single parts of a geometry."""
    parts = list(geometry.geoms) if hasattr(geometry, "geoms") else [geometry]
    return [part for part in parts if not part.is_empty]


def wkb_of(geometries: list) -> list[bytes]:
    """WKB of Shapely geometries: in one call with Shapely 2, through one reused writer with 1.8
    (its ``.wkb`` makes a new writer for each geometry)."""
    import shapely

    if hasattr(shapely, "to_wkb"):
        return list(shapely.to_wkb(np.array(geometries, dtype=object)))
    from shapely.geos import WKBWriter, lgeos

    writer = WKBWriter(lgeos)
    return [writer.write(geometry) for geometry in geometries]


def feature_mask(grid: Grid, data: VectorData, out: np.ndarray | None = None) -> np.ndarray:
    """Cells holding a feature (1, else 0): polygons by cell centre, lines and points by every
    touched cell.  Into the uint8 ``out`` when given."""
    polygons = [g for g in data.geometries if g.geom_type in ("Polygon", "MultiPolygon")]
    others = [g for g in data.geometries if g.geom_type not in ("Polygon", "MultiPolygon")]
    if not polygons:
        return rasterize(grid, others, all_touched=True, out=out)
    mask = rasterize(grid, polygons, out=out)
    if others:
        mask |= rasterize(grid, others, all_touched=True)
    return mask


def proximity(
    mask: np.ndarray,
    cell_size: float,
    crop: tuple[int, int, int, int] | None = None,
    out: np.ndarray | None = None,
    work: Buffers | None = None,
) -> np.ndarray:
    """Float32 Euclidean distance (CRS units) from each cell centre to the nearest non-zero cell.

    Exact: the feature transform of ``scipy.ndimage.distance_transform_edt`` gives each cell's
    nearest feature cell, from which distances are computed by strips of columns (about 13 bytes
    a cell at the peak, against 22 for scipy's own float64 distances).  GDAL's ComputeProximity
    is faster but its two-pass propagation errs by up to about a fifth of a cell.  All ``inf``
    when the mask is empty.  Only the cells ``crop`` = (top, bottom, left, right) when given,
    into ``out`` when given; the feature transform's arrays taken from ``work``.
    """
    top, bottom, left, right = crop or (0, mask.shape[0], 0, mask.shape[1])
    distance = np.empty((bottom - top, right - left), np.float32) if out is None else out
    if not mask.any():
        distance.fill(np.inf)
        return distance
    # column-major: nearest[column, row] is the (row, column) of that cell's nearest feature
    nearest = _feature_transform(mask, work or Buffers()).transpose(2, 1, 0)
    rows = np.arange(top, bottom, dtype=np.int32)
    step = max(1, CHUNK_CELLS // len(rows))
    for first in range(left, right, step):
        end = min(first + step, right)
        strip = nearest[first:end, top:bottom]
        squared = np.subtract(strip[..., 0], rows)  # int32: exact up to 46,340 cells apart
        np.multiply(squared, squared, out=squared)
        columns = np.subtract(strip[..., 1], np.arange(first, end, dtype=np.int32)[:, None])
        squared += np.multiply(columns, columns, out=columns)
        length = np.sqrt(squared, dtype=np.float64)
        distance[:, first - left : end - left] = np.multiply(length, cell_size, out=length).T
    return distance


def _feature_transform(mask: np.ndarray, work: Buffers) -> np.ndarray:
    """The (row, column) index of each cell's nearest non-zero cell of ``mask``, shape
    ``(2, *mask.shape)``: SciPy's feature transform.

    Called as ``distance_transform_edt`` calls it (SciPy 1.10 to 1.17), but on column-major
    arrays with each cell's two indices side by side: the pass along the rows, SciPy's strided
    one, then walks memory far more locally (0.7 s instead of 1.1 s for 28 M cells), and there is
    no 0/1 int64 copy of the input.  The public call where the private one is missing.
    """
    try:
        from scipy.ndimage import _nd_image

        transform = _nd_image.euclidean_feature_transform
    except (ImportError, AttributeError):
        transform = None
    if transform is None or mask.ndim != 2:
        return ndimage.distance_transform_edt(mask == 0, return_distances=False, return_indices=True)
    height, width = mask.shape
    background = work.get("feature_background", (width, height), np.int8)
    np.equal(mask.T, 0, out=background.view(bool))
    nearest = work.get("feature_nearest", (width, height, 2), np.int32).transpose(2, 1, 0)
    transform(background.T, None, nearest)
    return nearest


def padding(grid: Grid, data: VectorData, margin: float | None) -> tuple[int, int, int, int]:
    """Cells to add (left, top, right, bottom) so that features up to ``margin`` outside count.

    Only as far as the features reach: a side with no feature beyond it gets no padding.
    """
    bounds = data.bounds
    if margin is None or bounds is None:
        return (0, 0, 0, 0)
    reach = math.ceil(margin / grid.cell_size)
    xmin, ymin, xmax, ymax = grid.bounds
    size = grid.cell_size

    def cells(outside: float) -> int:
        return min(reach, max(0, math.ceil(outside / size)))

    return (
        cells(xmin - bounds[0]),
        cells(bounds[3] - ymax),
        cells(bounds[2] - xmax),
        cells(ymin - bounds[1]),
    )


def distance_to(grid: Grid, data: VectorData, margin: float | None, limit: float | None = None) -> np.ndarray:
    """Distance from each cell centre of ``grid`` to the nearest feature cell of ``data`` (0 inside polygons).

    Features up to ``margin`` beyond the grid edge count.  With ``limit``, distances are exact up
    to ``limit`` and only known to exceed it beyond (where they may be ``inf``): when features are
    few, each one then updates a window of radius ``limit`` around it, much faster than a full
    proximity pass.  Distance is ``inf`` where no feature is within reach.
    """
    return distance_task(grid, data, margin, limit)()


def distance_task(
    grid: Grid, data: VectorData, margin: float | None, limit: float | None = None
) -> Callable[[], np.ndarray]:
    """:func:`distance_to` in two steps: burn the features now (GEOS work, in the calling thread),
    return the distance computation, which touches only arrays and may run in a worker thread."""
    return distance_bands(grid, data, margin, limit, 1)[0][2]


def distance_bands(
    grid: Grid,
    data: VectorData,
    margin: float | None,
    limit: float | None,
    bands: int,
    within_limit: bool = False,
    pool: ArrayPool | None = None,
) -> list[tuple[int, int, Callable[[], np.ndarray]]]:
    """:func:`distance_task` split into bands of rows that workers can compute side by side:
    ``[(first row, end row, computation of those rows' distances)]``.

    With several bands or ``within_limit`` (``limit`` given), only distances up to ``limit``
    are exact; beyond they are above ``limit`` (``inf`` or more than the true distance): each
    band runs the exact proximity on the window around the features that lie within ``limit``
    of its rows, grown by ``limit``, and is ``inf`` outside that window.  One band when the
    windowed distance applies or when the extra rows would cost more than a quarter of the grid.
    Arrays are taken from ``pool`` when given (the mask given back once spent).
    """
    pool = pool or ArrayPool()
    left, top, right, bottom = padding(grid, data, margin)
    work = Grid(
        grid.xmin - left * grid.cell_size,
        grid.ymax + top * grid.cell_size,
        grid.cell_size,
        grid.width + left + right,
        grid.height + top + bottom,
        grid.crs,
    )
    mask = feature_mask(work, data, out=pool.take(work.shape, np.uint8))
    halo = 0
    if limit is not None:
        radius = math.ceil(limit / grid.cell_size)
        # counted first: listing the cells of a dense mask (roads) costs more than the count
        if np.count_nonzero(mask) * (2 * radius + 1) ** 2 <= WINDOWED_WORK * grid.cells:
            rows, cols = np.divmod(sparse_cells(mask), mask.shape[1])
            pool.give(mask)
            del mask

            def windowed() -> np.ndarray:
                distance = pool.take(grid.shape, np.float32)
                return _windowed_distance(rows - top, cols - left, radius, grid.cell_size, distance)

            return [(0, grid.height, windowed)]
        halo = radius
    if limit is None or 2 * halo * (bands - 1) > grid.height / 4:
        bands = 1
    if bands == 1 and not within_limit:
        halo = 0  # the whole proximity, exact everywhere

    def band(first: int, end: int) -> Callable[[], np.ndarray]:
        def compute() -> np.ndarray:
            if not halo:
                crop = (top + first, top + end, left, left + grid.width)
                out = pool.take((end - first, grid.width))
                distance = proximity(mask, grid.cell_size, crop, out, pool.buffers())
            else:
                distance = _distance_window(
                    mask, (top + first, top + end), (left, left + grid.width), halo, grid.cell_size, pool
                )
            if bands == 1:
                pool.give(mask)
            return distance

        return compute

    edges = [round(grid.height * index / bands) for index in range(bands + 1)]
    return [(first, end, band(first, end)) for first, end in zip(edges, edges[1:])]


def _distance_window(
    mask: np.ndarray,
    rows: tuple[int, int],
    cols: tuple[int, int],
    halo: int,
    cell_size: float,
    pool: ArrayPool,
) -> np.ndarray:
    """Distances of the cells ``mask[rows, cols]`` exact up to ``halo`` cells, ``inf`` or above
    beyond: the proximity on the window around the features within ``halo`` rows, grown by
    ``halo`` cells (every feature within ``halo`` of a cell in the window is in it)."""
    (first, end), (west, east) = rows, cols
    distance = pool.take((end - first, east - west))
    distance.fill(np.inf)
    above, below = max(first - halo, 0), min(end + halo, mask.shape[0])
    near = mask[above:below]
    feature_rows = np.flatnonzero(near.any(axis=1))
    if not len(feature_rows):
        return distance
    feature_cols = np.flatnonzero(near.any(axis=0))
    top, bottom = (
        max(above + feature_rows[0] - halo, 0),
        min(above + feature_rows[-1] + 1 + halo, mask.shape[0]),
    )
    left, right = max(feature_cols[0] - halo, 0), min(feature_cols[-1] + 1 + halo, mask.shape[1])
    inner_top, inner_bottom = max(top, first), min(bottom, end)
    inner_left, inner_right = max(left, west), min(right, east)
    if inner_top < inner_bottom and inner_left < inner_right:
        proximity(
            mask[top:bottom, left:right],
            cell_size,
            (inner_top - top, inner_bottom - top, inner_left - left, inner_right - left),
            distance[inner_top - first : inner_bottom - first, inner_left - west : inner_right - west],
            pool.buffers(),
        )
    return distance


def _windowed_distance(
    rows: np.ndarray, cols: np.ndarray, radius: int, cell_size: float, distance: np.ndarray
) -> np.ndarray:
    """Exact distances up to ``radius`` cells from the given feature cells (may lie outside
    the grid) written into ``distance``, ``inf`` beyond."""
    height, width = distance.shape
    offsets = np.arange(-radius, radius + 1, dtype=np.float32)
    # the distances themselves (the root of a minimum is the minimum of the roots): no pass after
    kernel = np.multiply(np.sqrt(offsets[:, None] ** 2 + offsets[None, :] ** 2), cell_size, dtype=np.float32)
    distance.fill(np.inf)
    for row, col in zip(rows.tolist(), cols.tolist()):
        top, bottom = max(row - radius, 0), min(row + radius + 1, height)
        left, right = max(col - radius, 0), min(col + radius + 1, width)
        if top >= bottom or left >= right:
            continue
        window = distance[top:bottom, left:right]
        k_top, k_left = top - (row - radius), left - (col - radius)
        np.minimum(window, kernel[k_top : k_top + bottom - top, k_left : k_left + right - left], out=window)
    return distance


# --- rasters ------------------------------------------------------------------------------
def raster_path(uri: str, base_dir: str | None = None) -> str:
    """The GDAL name of a raster URI (a GeoPackage raster table becomes ``GPKG:path:table``)."""
    path, layer = split_uri(uri, base_dir)
    if layer and path.lower().endswith(".gpkg"):
        return f"GPKG:{path}:{layer}"
    return path


def raster_info(uri: str, base_dir: str | None = None) -> tuple[str, tuple[float, float, float, float], int]:
    """``(CRS WKT, bounds, band count)`` of a raster layer; refuses a geographic or missing CRS."""
    label = layer_label(uri)
    try:
        with rasterio.open(raster_path(uri, base_dir)) as dataset:
            crs = dataset.crs.to_wkt() if dataset.crs else None
            left, bottom, right, top = dataset.bounds
            bounds, count = (left, bottom, right, top), int(dataset.count)
    except rasterio.errors.RasterioIOError as error:
        raise EngineError(
            "Layer '{layer}' cannot be opened as a raster: {reason}", layer=label, reason=str(error)
        ) from error
    require_projected(crs, label)
    return str(crs), bounds, count  # require_projected refused a missing CRS


#: Cells of the destination resampled between two progress reports (a few tenths of a second).
RESAMPLE_BAND_CELLS = 1 << 22


def resample_to(
    grid: Grid,
    uri: str,
    band: int = 1,
    method: str = "bilinear",
    base_dir: str | None = None,
    progress: Callable[[float], None] | None = None,
    threads: int = 1,
    out: np.ndarray | None = None,
) -> np.ndarray:
    """Band ``band`` of a raster resampled onto ``grid`` as Float32 (into ``out`` when given),
    NaN where it has no data, by GDAL on ``threads`` threads (each cell is resampled alone: the
    same values on any number) or, bilinear where it reduces to the formula, in numpy
    (:mod:`.bilinear`: GDAL's values to one float32 rounding step, several times faster).

    With ``progress`` (0–1; it may raise ``Cancelled``), by bands of rows of the destination,
    reported after each band."""
    label = layer_label(uri)
    _, _, count = raster_info(uri, base_dir)
    if not 1 <= band <= count:
        raise EngineError(
            "Layer '{layer}' has no band {band} (it has {count}).", layer=label, band=band, count=count
        )
    destination = np.empty(grid.shape, dtype=np.float32) if out is None else out
    step = grid.height if progress is None else max(1, RESAMPLE_BAND_CELLS // grid.width)
    path = raster_path(uri, base_dir)
    done = _bilinear_by_bands(grid, path, band, destination, step, progress) if method == "bilinear" else 0.0
    if done == 1.0:
        return destination
    destination.fill(np.nan)
    with rasterio.open(path) as dataset:
        for top in range(0, grid.height, step):
            rows = grid.rows(top, min(step, grid.height - top))
            reproject(
                source=rasterio.band(dataset, band),
                destination=destination[top : top + rows.height],
                src_nodata=dataset.nodatavals[band - 1],
                dst_transform=rows.transform,
                dst_crs=grid.rasterio_crs,
                dst_nodata=np.nan,
                resampling=RESAMPLING[method],
                num_threads=max(1, threads),
            )
            if progress is not None:  # after the share the numpy path did before it gave up
                progress(done + (1.0 - done) * (top + rows.height) / grid.height)
    return destination


def _bilinear_by_bands(
    grid: Grid,
    path: str,
    band: int,
    destination: np.ndarray,
    step: int,
    progress: Callable[[float], None] | None,
) -> float:
    """The bilinear resampling in numpy by bands of ``step`` rows, where the raster allows:
    the share of the grid reported done, 1 when all is, less when GDAL must do it (then
    ``destination`` holds nothing of use)."""
    source = bilinear_source(gdal.Open(path), band, grid)
    if source is None:
        return 0.0
    work = Buffers()
    for top in range(0, grid.height, step):
        rows = grid.rows(top, min(step, grid.height - top))
        if not bilinear_onto(source, rows, destination[top : top + rows.height], work):
            return top / grid.height
        if progress is not None:
            progress((top + rows.height) / grid.height)
    return 1.0


def extent_in(
    crs: str, source_crs: str, bounds: tuple[float, float, float, float]
) -> tuple[float, float, float, float]:
    """``bounds`` from ``source_crs`` to ``crs`` (densified edges)."""
    if _srs(crs).IsSame(_srs(source_crs)):
        return bounds
    return tuple(transform_bounds(CRS.from_user_input(source_crs), CRS.from_user_input(crs), *bounds))


def open_raster(
    path: str | os.PathLike[str],
    grid: Grid,
    count: int = 1,
    nodata: float | None = None,
    threads: int = 0,
    dtype: str = "float32",
) -> rasterio.io.DatasetWriter:
    """Open a raster of ``grid`` for writing (``dtype``, Float32 by default): a tiled, compressed
    GeoTIFF (or by extension), compressed on ``threads`` threads (0: all processors)."""
    suffix = Path(path).suffix.lower()
    driver = "GTiff" if suffix in ("", ".tif", ".tiff") else rasterio.drivers.driver_from_extension(path)
    workers = str(threads) if threads > 0 else "ALL_CPUS"
    predictor = 3 if np.dtype(dtype).kind == "f" else 2
    options = (
        {"tiled": True, "compress": "deflate", "predictor": predictor, "zlevel": 1, "num_threads": workers}
        if driver == "GTiff"
        else {}
    )
    return rasterio.open(
        path,
        "w",
        driver=driver,
        width=grid.width,
        height=grid.height,
        count=count,
        dtype=dtype,
        crs=grid.rasterio_crs,
        transform=grid.transform,
        nodata=nodata,
        **options,
    )


def write_raster(
    path: str | os.PathLike[str],
    grid: Grid,
    arrays: np.ndarray | list[np.ndarray],
    nodata: float | None = None,
    threads: int = 0,
) -> None:
    """Write bands (one 2-D array, or a list of them, all of one numeric type) as a tiled,
    compressed GeoTIFF (or by the file's extension), atomically, by blocks of rows flushed one by
    one (no full-size copy, and GDAL's cache does not fill with the whole raster).  With
    ``nodata``, float values that are not finite (NaN, ±inf) are written as ``nodata``.
    Compressed on ``threads`` threads (0: all processors)."""
    from osgeo import gdal_array

    bands = [arrays] if isinstance(arrays, np.ndarray) else list(arrays)
    dtype = np.result_type(*(band.dtype for band in bands))
    if dtype == np.bool_:
        dtype = np.dtype(np.uint8)
    suffix = Path(path).suffix.lower()
    driver = "GTiff" if suffix in ("", ".tif", ".tiff") else rasterio.drivers.driver_from_extension(path)
    workers = str(threads) if threads > 0 else "ALL_CPUS"
    options = (
        ["TILED=YES", "COMPRESS=DEFLATE", f"PREDICTOR={3 if dtype.kind == 'f' else 2}", "ZLEVEL=1",
         f"NUM_THREADS={workers}", "BIGTIFF=IF_SAFER"]
        if driver == "GTiff"
        else []
    )  # fmt: skip
    with atomic_output(path) as temporary:
        dataset = gdal.GetDriverByName(driver).Create(
            str(temporary),
            grid.width,
            grid.height,
            len(bands),
            gdal_array.NumericTypeCodeToGDALTypeCode(dtype),
            options,
        )
        dataset.SetGeoTransform(grid.geotransform)
        if grid.crs:
            dataset.SetProjection(_srs(grid.crs).ExportToWkt())
        scratch = None  # one block-sized buffer for the blocks whose non-finite values are replaced
        for index, values in enumerate(bands, start=1):
            band = dataset.GetRasterBand(index)
            if nodata is not None:
                band.SetNoDataValue(nodata)
            for top in range(0, grid.height, WRITE_BLOCK_ROWS):
                block = values[top : top + WRITE_BLOCK_ROWS].astype(dtype, copy=False)
                if nodata is not None and block.dtype.kind == "f":
                    bad = ~np.isfinite(block)
                    if bad.any():
                        if scratch is None:
                            scratch = np.empty((WRITE_BLOCK_ROWS, grid.width), dtype)
                        replaced = scratch[: len(block)]
                        np.copyto(replaced, block)
                        np.putmask(replaced, bad, dtype.type(nodata))
                        block = replaced
                band.WriteArray(block, 0, top)
                band.FlushCache()  # written out now: the cache keeps no block of it
        dataset.FlushCache()
        dataset = None
