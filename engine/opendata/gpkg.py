"""GeoPackage writing with GDAL/OGR: normalised tables, filtered copies, raster and table moves."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from osgeo import gdal, ogr, osr
from shapely import wkb
from shapely.geometry.base import BaseGeometry

from ..errors import EngineError
from .schema import Table

gdal.UseExceptions()
ogr.UseExceptions()

_FIELD_TYPES = {
    "str": (ogr.OFTString, ogr.OFSTNone),
    "int": (ogr.OFTInteger64, ogr.OFSTNone),
    "float": (ogr.OFTReal, ogr.OFSTNone),
    "bool": (ogr.OFTInteger, ogr.OFSTBoolean),
}
_GEOMETRY_TYPES = {
    "Point": ogr.wkbPoint,
    "LineString": ogr.wkbLineString,
    "Polygon": ogr.wkbPolygon,
    "MultiPolygon": ogr.wkbMultiPolygon,
}


def spatial_reference(text: str) -> osr.SpatialReference:
    """An OSR spatial reference (x = easting/longitude) from ``EPSG:xxxx``, WKT or PROJ text."""
    srs = osr.SpatialReference()
    try:
        srs.SetFromUserInput(text)
    except RuntimeError as error:
        raise EngineError("Unknown coordinate reference system: {crs}", crs=text) from error
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def reproject(geometry: BaseGeometry, source: str, target: str) -> BaseGeometry:
    """``geometry`` from CRS ``source`` to CRS ``target``."""
    ogr_geometry = ogr.CreateGeometryFromWkb(geometry.wkb)
    ogr_geometry.Transform(osr.CoordinateTransformation(spatial_reference(source), spatial_reference(target)))
    return wkb.loads(bytes(ogr_geometry.ExportToWkb()))


class Reprojector:
    """Shapely geometries from one CRS to another, with one OSR transformation, made 2D."""

    def __init__(self, source: str, target: str) -> None:
        source_srs, target_srs = spatial_reference(source), spatial_reference(target)
        self._transform = (
            None if source_srs.IsSame(target_srs) else osr.CoordinateTransformation(source_srs, target_srs)
        )

    def __call__(self, geometry: BaseGeometry) -> BaseGeometry:
        ogr_geometry = ogr.CreateGeometryFromWkb(geometry.wkb)
        ogr_geometry.FlattenTo2D()
        if self._transform is not None:
            ogr_geometry.Transform(self._transform)
        return wkb.loads(bytes(ogr_geometry.ExportToWkb()))


def _parts(geometry: ogr.Geometry, wanted: int) -> list[ogr.Geometry]:
    """``geometry`` made to fit a layer of type ``wanted`` (multi forced, or exploded into parts)."""
    flat = ogr.GT_Flatten(geometry.GetGeometryType())
    if flat == wanted:
        return [geometry]
    if wanted == ogr.wkbMultiPolygon and flat == ogr.wkbPolygon:
        return [ogr.ForceToMultiPolygon(geometry)]
    if ogr.GT_IsSubClassOf(flat, ogr.wkbGeometryCollection):
        parts = [geometry.GetGeometryRef(index).Clone() for index in range(geometry.GetGeometryCount())]
        return [part for item in parts for part in _parts(item, wanted)]
    return []


class TableWriter:
    """Write rows of one normalised :class:`Table` into a GeoPackage, reprojecting geometries.

    Use as a context manager on a temporary GeoPackage (rows go in one transaction); the caller
    moves finished tables into the output and discards the file on error.  Geometries of
    another type are fitted: polygons become multipolygons, multi-geometries are exploded into
    parts for single-geometry tables, anything else is counted in ``skipped_geometries``.
    """

    def __init__(
        self, path: str | Path, table: Table, target_crs: str, source_crs: str | None = None
    ) -> None:
        self.table = table
        self.count = 0
        self.skipped_geometries = 0
        path = Path(path)
        driver = ogr.GetDriverByName("GPKG")
        self._dataset = ogr.Open(str(path), 1) if path.exists() else driver.CreateDataSource(str(path))
        target = spatial_reference(target_crs)
        if table.geometry is None:
            self._layer = self._dataset.CreateLayer(table.name, geom_type=ogr.wkbNone)
            self._geometry_type = ogr.wkbNone
        else:
            self._geometry_type = _GEOMETRY_TYPES[table.geometry]
            self._layer = self._dataset.CreateLayer(
                table.name, srs=target, geom_type=self._geometry_type, options=["GEOMETRY_NAME=geom"]
            )
        for name, kind in table.fields:
            field_type, subtype = _FIELD_TYPES[kind]
            definition = ogr.FieldDefn(name, field_type)
            definition.SetSubType(subtype)
            self._layer.CreateField(definition)
        self._transform = None
        if source_crs is not None and table.geometry is not None:
            source = spatial_reference(source_crs)
            if not source.IsSame(target):
                self._transform = osr.CoordinateTransformation(source, target)
        self._kinds = dict(table.fields)
        self._layer.StartTransaction()

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, kind: Any, value: Any, traceback: Any) -> None:
        # committed even on error: writers fill temporary files that the caller discards on error
        self._layer.CommitTransaction()
        self._dataset = None  # closes the file

    def add(self, values: dict[str, Any], geometry: BaseGeometry | ogr.Geometry | None = None) -> None:
        """Add one row; ``values`` keys outside the schema are ignored, missing ones are NULL."""
        definition = self._layer.GetLayerDefn()
        geometries: list[ogr.Geometry | None] = [None]
        if self._geometry_type != ogr.wkbNone:
            if geometry is None:
                self.skipped_geometries += 1
                return
            ogr_geometry = (
                geometry.Clone()
                if isinstance(geometry, ogr.Geometry)
                else ogr.CreateGeometryFromWkb(geometry.wkb)
            )
            if self._transform is not None:
                ogr_geometry.Transform(self._transform)
            geometries = _parts(ogr_geometry, self._geometry_type)
            if not geometries:
                self.skipped_geometries += 1
                return
        for part in geometries:
            feature = ogr.Feature(definition)
            for name, value in values.items():
                kind = self._kinds.get(name)
                if kind is None or value is None or value == "":
                    continue
                feature.SetField(name, _cast(value, kind))
            if part is not None:
                feature.SetGeometry(part)
            self._layer.CreateFeature(feature)
            self.count += 1


def _cast(value: Any, kind: str) -> Any:
    if kind == "str":
        return str(value)
    if kind == "int":
        return round(float(value))
    if kind == "float":
        return float(value)
    return int(bool(value))


def read_table(
    path: str | Path, name: str, bbox: tuple[float, float, float, float] | None = None
) -> Iterator[tuple[dict[str, Any], ogr.Geometry | None]]:
    """Rows of a GeoPackage table as (values, OGR geometry or None), optionally within ``bbox``."""
    dataset = ogr.Open(str(path))
    layer = dataset.GetLayerByName(name)
    if layer is None:
        raise EngineError("The GeoPackage {path} has no table {table}.", path=str(path), table=name)
    if bbox is not None and layer.GetGeomType() != ogr.wkbNone:
        layer.SetSpatialFilterRect(*bbox)
    definition = layer.GetLayerDefn()
    names = [definition.GetFieldDefn(index).GetName() for index in range(definition.GetFieldCount())]
    for feature in layer:
        geometry = feature.GetGeometryRef()
        values = {name: feature.GetField(name) for name in names}
        yield values, (geometry.Clone() if geometry is not None else None)
    dataset = None


def table_crs(path: str | Path, name: str) -> str | None:
    """The CRS of a table as WKT (None for attribute tables)."""
    dataset = ogr.Open(str(path))
    layer = dataset.GetLayerByName(name)
    if layer is None:
        raise EngineError("The GeoPackage {path} has no table {table}.", path=str(path), table=name)
    srs = layer.GetSpatialRef()
    return srs.ExportToWkt() if srs is not None else None


def table_names(path: str | Path) -> list[str]:
    """Vector and attribute tables of a GeoPackage."""
    dataset = ogr.Open(str(path))
    return [dataset.GetLayerByIndex(index).GetName() for index in range(dataset.GetLayerCount())]


def has_raster(path: str | Path, name: str) -> bool:
    """True when the GeoPackage holds a raster (tiles or gridded coverage) table ``name``."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        row = connection.execute(
            "SELECT 1 FROM gpkg_contents WHERE table_name = ? "
            "AND data_type IN ('tiles', '2d-gridded-coverage')",
            (name,),
        ).fetchone()
    return row is not None


def move_tables(source: str | Path, destination: str | Path, names: list[str]) -> None:
    """Copy finished vector/attribute tables from a temporary GeoPackage into ``destination``."""
    for name in names:
        gdal.VectorTranslate(
            str(destination),
            str(source),
            options=gdal.VectorTranslateOptions(
                format="GPKG", accessMode="update" if Path(destination).exists() else None, layers=[name]
            ),
        )


def copy_raster(
    source: str | Path,
    name: str,
    destination: str | Path,
    target_crs: str,
    bounds: tuple[float, float, float, float],
    work_dir: str | Path,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[int, int]:
    """Cut a GeoPackage raster table to ``bounds`` (in ``target_crs``), reprojected, into ``destination``.

    The raster is warped to a temporary GeoTIFF first and only then added to the destination
    as the table ``name``, so a failure leaves the destination without a half-written table.
    Returns the (columns, rows) written.
    """
    source_uri = f"GPKG:{source}:{name}"

    def callback(_complete: float, _message: str, _data: Any) -> int:
        return 0 if cancelled is not None and cancelled() else 1

    temporary = Path(work_dir) / f"{name}.tif"
    warped = gdal.Warp(
        str(temporary),
        source_uri,
        options=gdal.WarpOptions(
            format="GTiff",
            dstSRS=target_crs,
            outputBounds=bounds,
            resampleAlg="bilinear",
            targetAlignedPixels=False,
            callback=callback,
        ),
    )
    if warped is None:
        raise EngineError("The terrain could not be cut to the territory.")
    size = (warped.RasterXSize, warped.RasterYSize)
    warped = None
    gdal.Translate(
        str(destination),
        str(temporary),
        options=gdal.TranslateOptions(
            format="GPKG",
            creationOptions=["APPEND_SUBDATASET=YES", f"RASTER_TABLE={name}", "TILE_FORMAT=TIFF"],
        ),
    )
    return size
