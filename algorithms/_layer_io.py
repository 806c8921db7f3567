"""Qt-side bridge between Processing and the engine: feature sources in, sinks out.

``read_frame`` turns a ``QgsFeatureSource`` into a GeoPandas GeoDataFrame (reprojected into the
CRS the algorithm works in); ``write_features`` writes rows of values to a Processing sink,
turning NaN, pandas NA and numpy scalars into what QGIS expects.  ``StyleOnLoad`` applies a QML
style of ``resources/styles/`` to an output when Processing loads it into the project.
Modules starting with ``_`` are not algorithms: other algorithms may reuse this one.
"""

from __future__ import annotations

import math
import os
import shutil
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TypeVar

import geopandas as gpd
import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFeatureSource,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsLayerMetadata,
    QgsMapLayer,
    QgsPalettedRasterRenderer,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
    QgsProviderRegistry,
    QgsRasterLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtXml import QDomDocument
from shapely import wkb
from shapely.geometry.base import BaseGeometry

from ..engine.gpkg_styles import store_default_style
from ..engine.provenance import Source, read_sources, write_sources
from ..i18n_support import tr
from ..qgis_compat import FIELD_TYPES


def python_value(value: object) -> object:
    """A value QGIS can store: None for NaN / NA / None, plain Python for numpy scalars."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, QVariant):
        return None if value.isNull() else value.value()
    return value


#: What ``_read`` makes of each QgsGeometry (a Shapely geometry, or the QgsGeometry itself).
Converted = TypeVar("Converted")


def _read(
    source: QgsFeatureSource,
    crs: QgsCoordinateReferenceSystem,
    context: QgsProcessingContext,
    fields: Mapping[str, str] | Sequence[str],
    feedback: QgsProcessingFeedback | None,
    convert: Callable[[QgsGeometry], Converted],
    progress: tuple[float, float] | None = None,
) -> tuple[pd.DataFrame, list[Converted]]:
    """Attributes (object columns, NULL → None) and converted geometries of every feature; with
    ``progress``, the share read moves the progress bar within that range."""
    mapping = dict(fields) if isinstance(fields, Mapping) else {name: name for name in fields}
    columns = list(mapping)
    source_fields = source.fields()
    indexes = [source_fields.lookupField(mapping[column]) for column in columns]
    unknown = [mapping[column] for column, index in zip(columns, indexes) if index < 0]
    if unknown:
        raise QgsProcessingException(
            tr("The layer {layer} has no field {field}.").format(
                layer=source.sourceName(), field=", ".join(unknown)
            )
        )
    request = QgsFeatureRequest().setSubsetOfAttributes(indexes)
    request.setDestinationCrs(crs, context.transformContext())
    total = max(source.featureCount(), 1)
    polygons = QgsWkbTypes.geometryType(source.wkbType()) == QgsWkbTypes.GeometryType.PolygonGeometry
    has_geometry = QgsWkbTypes.geometryType(source.wkbType()) not in (
        QgsWkbTypes.GeometryType.NullGeometry,
        QgsWkbTypes.GeometryType.UnknownGeometry,
    )
    missing = repaired = 0
    geometries: list[Converted] = []
    rows: list[list[object]] = []
    for position, feature in enumerate(source.getFeatures(request)):
        if feedback is not None and position % 1000 == 0:
            if feedback.isCanceled():
                raise QgsProcessingException(tr("The run was cancelled: no output was written."))
            feedback.setProgressText(
                tr("Reading {layer}: {count} of {total} features").format(
                    layer=source.sourceName(), count=position, total=total
                )
            )
            if progress is not None:
                feedback.setProgress(progress[0] + (progress[1] - progress[0]) * position / total)
        geometry = feature.geometry()
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            missing += 1
        elif polygons and not geometry.isGeosValid():
            geometry = geometry.makeValid()
            repaired += 1
        geometries.append(convert(geometry))
        attributes = feature.attributes()
        rows.append([python_value(attributes[index]) for index in indexes])
    if has_geometry and rows and missing == len(rows):
        raise QgsProcessingException(
            tr("No feature of the layer {layer} has a geometry (all {count} are NULL or empty).").format(
                layer=source.sourceName(), count=missing
            )
        )
    if feedback is not None and has_geometry and missing:
        feedback.pushWarning(
            tr(
                "{count} of {total} features of the layer {layer} have no geometry: they are left out."
            ).format(count=missing, total=len(rows), layer=source.sourceName())
        )
    if feedback is not None and repaired:
        feedback.pushWarning(
            tr("{count} invalid polygons of the layer {layer} (self-intersecting…) were repaired.").format(
                count=repaired, layer=source.sourceName()
            )
        )
    return pd.DataFrame(rows, columns=columns, dtype=object), geometries


def _shapely(geometry: QgsGeometry) -> BaseGeometry | None:
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    return wkb.loads(bytes(geometry.asWkb()))


def read_frame(
    source: QgsFeatureSource,
    crs: QgsCoordinateReferenceSystem,
    context: QgsProcessingContext,
    fields: Mapping[str, str] | Sequence[str] = (),
    feedback: QgsProcessingFeedback | None = None,
    progress: tuple[float, float] | None = None,
) -> gpd.GeoDataFrame:
    """The features of ``source`` in ``crs`` as a GeoDataFrame (index 0, 1, ... in read order).

    ``fields`` names the attributes to read: a sequence keeps the names, a mapping
    ``{column: source field}`` renames them (how a user's field mapping reaches the engine).
    Missing or empty geometries and NULL attributes become None (object columns).  Raises a
    QgsProcessingException when ``feedback`` is cancelled while reading; ``progress``: the range
    of the progress bar the reading moves through (default: the bar is left alone).
    """
    frame, geometries = _read(source, crs, context, fields, feedback, _shapely, progress)
    return gpd.GeoDataFrame(
        frame,
        geometry=gpd.GeoSeries(geometries),
        crs=crs.authid() if crs.authid().upper().startswith("EPSG:") else None,
    )


def read_points(
    source: QgsFeatureSource,
    crs: QgsCoordinateReferenceSystem,
    context: QgsProcessingContext,
    fields: Mapping[str, str] | Sequence[str] = (),
    feedback: QgsProcessingFeedback | None = None,
    progress: tuple[float, float] | None = None,
) -> tuple[pd.DataFrame, list[QgsGeometry]]:
    """Attributes plus ``x``, ``y`` anchor coordinates (the point, or a point on the surface of a
    polygon, computed by QGIS), and the QgsGeometry of each feature.

    The fast way to big point layers: Shapely 1.8 objects are never made (the engine takes the
    coordinates as arrays); NaN coordinates for missing geometries. ``progress``: the range of
    the progress bar the reading moves through (default: the bar is left alone).
    """
    frame, geometries = _read(source, crs, context, fields, feedback, QgsGeometry, progress)
    xy = np.full((len(geometries), 2), np.nan)
    for row, geometry in enumerate(geometries):
        if not geometry.isEmpty():
            point = (
                geometry.asPoint()
                if geometry.type() == QgsWkbTypes.GeometryType.PointGeometry and not geometry.isMultipart()
                else geometry.pointOnSurface().asPoint()
            )
            xy[row] = point.x(), point.y()
    frame["x"], frame["y"] = xy[:, 0], xy[:, 1]
    return frame, geometries


def optional_field(source: QgsFeatureSource | None, name: str) -> str | None:
    """``name`` when the source has that field, else None (field parameters with a default name)."""
    if source is None or not name:
        return None
    return name if source.fields().lookupField(name) >= 0 else None


def extended_fields(base: QgsFields, extra: Iterable[tuple[str, str]]) -> QgsFields:
    """``base`` plus ``(name, kind)`` fields (kind from FIELD_TYPES); an input field of the same
    name is replaced, so outputs never hold two fields with one name."""
    extra = list(extra)
    names = {name.lower() for name, _ in extra}
    fields = QgsFields()
    for field in base:
        if field.name().lower() not in names:
            fields.append(QgsField(field))
    for name, kind in extra:
        fields.append(QgsField(name, FIELD_TYPES[kind]))
    return fields


def write_features(
    sink: QgsFeatureSink,
    fields: QgsFields,
    geometries: Sequence[BaseGeometry | QgsGeometry | None],
    rows: Iterable[Mapping[str, object]],
    feedback: QgsProcessingFeedback | None = None,
    progress: tuple[float, float] = (0.0, 100.0),
) -> int:
    """Write one feature per (geometry, row) to ``sink``; a row maps field names to values.

    Returns the number written; honours cancellation and reports progress within ``progress``.
    """
    names = fields.names()
    count = len(geometries)
    start, end = progress
    written = 0
    for position, (geometry, row) in enumerate(zip(geometries, rows)):
        if feedback is not None and position % 500 == 0:
            if feedback.isCanceled():
                raise QgsProcessingException(tr("The run was cancelled: no output was written."))
            feedback.setProgress(start + (end - start) * position / max(count, 1))
        feature = QgsFeature(fields)
        if isinstance(geometry, QgsGeometry):
            feature.setGeometry(geometry)
        elif geometry is not None and not geometry.is_empty:
            qgs_geometry = QgsGeometry()
            qgs_geometry.fromWkb(geometry.wkb)
            feature.setGeometry(qgs_geometry)
        feature.setAttributes([python_value(row.get(name)) for name in names])
        if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
            raise QgsProcessingException(tr("A feature could not be written to the output."))
        written += 1
    if feedback is not None:
        feedback.setProgress(end)
    return written


def layer_sources(layers: Iterable[QgsMapLayer | None]) -> list[Source]:
    """Provenance of input layers read from GeoPackage tables (their ``sources`` rows)."""
    found: list[Source] = []
    tables: dict[str, dict[str, Source]] = {}
    for layer in layers:
        if layer is None or layer.providerType() != "ogr":
            continue
        parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
        path = parts.get("path") or ""
        if not path.lower().endswith(".gpkg") or not os.path.isfile(path):
            continue
        if path not in tables:
            try:
                tables[path] = read_sources(path)
            except sqlite3.Error:  # a locked or foreign GeoPackage: no provenance
                tables[path] = {}
        table = parts.get("layerName") or Path(path).stem
        if table in tables[path] and tables[path][table] not in found:
            found.append(tables[path][table])
    return found


def derived_source(table: str, title: str, algorithm_id: str, inputs: Sequence[Source]) -> Source:
    """Provenance of a computed layer: its inputs' credits and vintages, synthetic if any input is."""

    def unique(values: Iterable[str]) -> str:
        return " ; ".join(dict.fromkeys(value for value in values if value))

    return Source(
        layer=table,
        title=title,
        publisher="Territoire numérique",
        url="",
        licence=unique(source.licence for source in inputs),
        attribution=unique(
            f"{source.attribution} {source.vintage}"
            if source.vintage and source.vintage not in source.attribution
            else source.attribution
            for source in inputs
        ),
        vintage="",
        retrieved=date.today().isoformat(),
        synthetic=any(source.synthetic for source in inputs),
        note=f"Computed by territoire:{algorithm_id} from {unique(source.layer for source in inputs)}",
    )


def gpkg_table(destination: str) -> tuple[str, str]:
    """(GeoPackage path, table) that a destination (``f.gpkg`` or ``f.gpkg|layername=t``) names;
    ("", "") when it is not a GeoPackage."""
    parts = QgsProviderRegistry.instance().decodeUri("ogr", destination)
    path = parts.get("path") or ""
    if not path.lower().endswith(".gpkg") or not os.path.isfile(path):
        return "", ""
    return path, parts.get("layerName") or Path(path).stem


def finish_gpkg_output(destination: str, style: str, source: Source) -> bool:
    """When ``destination`` is a GeoPackage table, store ``style`` as its default style (QGIS
    applies it whenever the layer is opened, in a project or under qgis_process) and ``source``
    as its ``sources`` row (credits of the map exports).  False when it is not a GeoPackage."""
    path, table = gpkg_table(destination)
    if not path:
        return False
    if style and os.path.exists(style):
        store_default_style(path, table, style, source.title)
    write_sources(path, [replace(source, layer=table)])
    return True


class StyleOnLoad(QgsProcessingLayerPostProcessorInterface):
    """Apply a bundled QML style and a readable name to an output when it is loaded."""

    def __init__(self, style: str, name: str) -> None:
        super().__init__()
        self.style = style
        self.name = name

    def postProcessLayer(self, layer: QgsMapLayer, context: QgsProcessingContext, feedback) -> None:
        if self.style and os.path.exists(self.style):
            layer.loadNamedStyle(self.style)
        layer.setName(self.name)
        layer.triggerRepaint()


#: Post-processors Processing will call: it keeps only a C++ pointer and calls them after the
#: algorithm instance is gone (processing.run, batch rows delete their copy first), so they are
#: kept here (bounded).
_KEPT: deque[QgsProcessingLayerPostProcessorInterface] = deque(maxlen=500)


def keep_alive(post_processor: QgsProcessingLayerPostProcessorInterface) -> None:
    _KEPT.append(post_processor)


#: Qualitative colours (ColorBrewer Set3 then Dark2) for categories without an order.
CATEGORY_COLOURS = (
    "#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5",
    "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f", "#1b9e77", "#d95f02", "#7570b3", "#e7298a",
)  # fmt: skip


class CategoriesOnLoad(QgsProcessingLayerPostProcessorInterface):
    """A raster of category codes drawn with one colour and label per code (a paletted renderer),
    e.g. the best-server hotspot of each cell, instead of a grey ramp."""

    def __init__(self, name: str, categories: list[tuple[int, str]]) -> None:
        super().__init__()
        self.name = name
        self.categories = categories

    def postProcessLayer(self, layer: QgsMapLayer, context: QgsProcessingContext, feedback) -> None:
        count = len(CATEGORY_COLOURS)
        colours = [QColor(CATEGORY_COLOURS[index % count]) for index in range(len(self.categories))]
        classes = [
            QgsPalettedRasterRenderer.Class(value, colour, label)
            for (value, label), colour in zip(self.categories, colours)
        ]
        if isinstance(layer, QgsRasterLayer) and classes:
            layer.setRenderer(QgsPalettedRasterRenderer(layer.dataProvider(), 1, classes))
        layer.setName(self.name)
        layer.triggerRepaint()


def style_categories(
    context: QgsProcessingContext, destination: str, name: str, categories: list[tuple[int, str]]
) -> None:
    """Draw the raster output ``destination``, when Processing loads it, one colour per category."""
    if not destination or not context.willLoadLayerOnCompletion(destination):
        return
    post_processor = CategoriesOnLoad(name, categories)
    keep_alive(post_processor)
    context.layerToLoadOnCompletionDetails(destination).setPostProcessor(post_processor)


def style_output(
    algorithm: object, context: QgsProcessingContext, destination: str | None, style: str, name: str
) -> None:
    """Name and style (``style`` may be "") the output ``destination`` now if Processing loads it
    into a project; ``finish_outputs`` later stores the style and provenance in a GeoPackage.

    The post-processor is kept alive by ``keep_alive`` (it must outlive the algorithm).
    """
    if not destination:
        return
    algorithm.__dict__.setdefault("_styled_outputs", []).append((destination, style, name))
    if not context.willLoadLayerOnCompletion(destination):
        return
    post_processor = StyleOnLoad(style, name)
    keep_alive(post_processor)
    context.layerToLoadOnCompletionDetails(destination).setPostProcessor(post_processor)


def finish_outputs(
    algorithm: QgsProcessingAlgorithm,
    inputs: Sequence[Source],
    feedback: QgsProcessingFeedback,
    warnings: Sequence[str] = (),
) -> None:
    """From postProcessAlgorithm (sinks are closed then): default style and provenance of every
    output written to a GeoPackage, derived from the inputs' provenance; the run's ``warnings``
    go into each output's note (metadata), so an empty or partial result says so where it is kept."""
    suffix = (" " + tr("Warnings: {warnings}").format(warnings=" ".join(warnings))) if warnings else ""

    def source_of(table: str, name: str) -> Source:
        source = derived_source(table, name, algorithm.name(), inputs)
        return replace(source, note=source.note + suffix)

    for destination, style, name in algorithm.__dict__.get("_styled_outputs", []):
        _, table = gpkg_table(destination)
        if table and finish_gpkg_output(destination, style, source_of(table, name)):
            feedback.pushInfo(
                tr("Style and sources stored in the GeoPackage table {table}.").format(table=table)
            )
        elif not table and os.path.isfile(destination):
            finish_file_output(destination, style, source_of(Path(destination).stem, name))


def finish_file_output(destination: str, style: str, source: Source) -> None:
    """Beside a file output (a GeoTIFF): ``<name>.qml``, the default style QGIS applies when the
    file is opened, and ``<name>.qmd``, its metadata (title, credits, licence, synthetic)."""
    stem = Path(destination).with_suffix("")
    if style and os.path.exists(style):
        shutil.copyfile(style, f"{stem}.qml")
    metadata = QgsLayerMetadata()
    metadata.setTitle(source.title)
    metadata.setAbstract(source.note)
    metadata.setRights([source.attribution])
    metadata.setLicenses([source.licence])
    if source.synthetic:
        metadata.addKeywords("territoire", ["synthetic"])
    document = QDomDocument("qgis")
    root = document.createElement("qgis")
    document.appendChild(root)
    metadata.writeMetadataXml(root, document)
    Path(f"{stem}.qmd").write_text(document.toString(), encoding="utf-8")
