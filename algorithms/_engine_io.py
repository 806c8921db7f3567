"""What the algorithms hand to the engine and take back from it, beyond plain layers: the road
network of the distances along the roads, the engine's progress callback, the engine's records
written to sinks, and the distances older models and scripts still give in kilometres.

Shared by territoire:waste_flows, waste_access, resource_synergies and shared_facility (no
algorithm module imports another).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, TypeVar

from qgis.core import (
    QgsFeatureSource,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
)

from ..i18n_support import format_number, tr

Options = TypeVar("Options")

ROADS = "ROADS"


def roads_parameter() -> QgsProcessingParameterFeatureSource:
    """ROADS: the line layer the distances follow when DISTANCE is along the roads."""
    return QgsProcessingParameterFeatureSource(
        ROADS,
        tr("Roads (for distances along the roads)"),
        [QgsProcessing.SourceType.TypeVectorLine],
        optional=True,
    )


def along_roads(parameters: dict) -> bool:
    """Whether DISTANCE asks for distances along the roads (given as key or index)."""
    from ..engine.symbiosis_options import distance_kind_option

    value = parameters.get("DISTANCE")
    if value is None or value == "":
        return False
    try:
        return distance_kind_option().metadata["option"].choice_key(value) == "network"
    except Exception:  # a value Processing will refuse itself
        return False


def roads_missing(parameters: dict) -> str:
    """checkParameterValues' message when distances along the roads have no road layer, else ""."""
    if along_roads(parameters) and not parameters.get(ROADS):
        return tr("Distances along the roads need a road layer (ROADS).")
    return ""


class RoadsChecked:
    """Mixin before TerritoireAlgorithm: distances along the roads without a road layer are
    refused before the run (checkParameterValues)."""

    def checkParameterValues(self, parameters, context):
        ok, message = super().checkParameterValues(parameters, context)
        if ok:
            message = roads_missing(parameters)
        return not message, message


def with_network(algorithm, options: Options, parameters: dict, crs, context, feedback) -> Options:
    """``options`` with the road network of ROADS when their distance is along the roads."""
    if getattr(options, "distance", "straight") != "network":
        return options
    feedback.setProgressText(tr("Building the road network"))
    roads = algorithm.parameterAsSource(parameters, ROADS, context)
    return replace(options, network=read_network(roads, crs, context, feedback))  # type: ignore[type-var]


def read_network(
    roads: QgsFeatureSource | None, crs, context: QgsProcessingContext, feedback: QgsProcessingFeedback
):
    """A RoadNetwork from a line layer (multi-lines split into parts), or a clear error."""
    import numpy as np

    from ..engine.errors import EngineError
    from ..engine.road_network import RoadNetwork
    from ._layer_io import read_frame

    if roads is None:
        raise QgsProcessingException(tr("Network distances need a road layer (ROADS)."))
    frame = read_frame(roads, crs, context, (), feedback)
    lines = []
    for geometry in frame.geometry:
        if geometry is None or geometry.is_empty:
            continue
        parts = geometry.geoms if geometry.geom_type.startswith("Multi") else [geometry]
        lines += [np.asarray(part.coords)[:, :2] for part in parts if len(part.coords) >= 2]
    try:
        network = RoadNetwork(lines, node_tolerance=0.5)
    except EngineError as error:
        raise QgsProcessingException(tr(error.message).format(**error.values)) from error
    feedback.pushInfo(
        tr("Road network: {edges} lines, {parts} connected parts.").format(
            edges=network.edge_count, parts=network.components()
        )
    )
    return network


def engine_progress(feedback: QgsProcessingFeedback, start: float, end: float):
    """Engine progress callback: maps a fraction onto [start, end] %, False once cancelled."""

    def report(fraction: float, *_: object) -> bool:
        feedback.setProgress(start + (end - start) * fraction)
        return not feedback.isCanceled()

    return report


def run_engine(function, *args: Any, **kwargs: Any) -> Any:
    """``function(*args, **kwargs)``, its EngineError (translated) or cancellation in words."""
    from ..engine.errors import Cancelled, EngineError

    try:
        return function(*args, **kwargs)
    except Cancelled as error:
        raise QgsProcessingException(tr("The run was cancelled: no output was written.")) from error
    except EngineError as error:
        raise QgsProcessingException(tr(error.message).format(**error.values)) from error


def geometry_of(shape) -> QgsGeometry | None:
    """QgsGeometry from an engine geometry: (x, y) point or list of (x, y) vertices."""
    import numpy as np

    if shape is None:
        return None
    if isinstance(shape[0], (int, float, np.floating)):
        return QgsGeometry.fromPointXY(QgsPointXY(float(shape[0]), float(shape[1])))
    return QgsGeometry.fromPolylineXY([QgsPointXY(x, y) for x, y in shape])


def write_record_outputs(
    algorithm, parameters, context, feedback, crs, outputs, start: float, step: float
) -> dict:
    """Write each ``(name, schema, records, wkb_type, style, title)`` of ``outputs`` to its sink
    (geometries from the records' ``geometry``), styled; progress from ``start`` by ``step`` per
    output. Returns {output name: destination}."""
    from qgis.core import QgsFields

    from ..resources_paths import style_path
    from ._layer_io import extended_fields, style_output, write_features

    results = {}
    for index, (name, schema, records, wkb_type, style, title) in enumerate(outputs):
        fields = extended_fields(QgsFields(), schema)
        sink, destination = algorithm.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
        if sink is None:
            raise QgsProcessingException(algorithm.invalidSinkError(parameters, name))
        geometries = [geometry_of(record.get("geometry")) for record in records]
        span = (start + step * index, start + step * (index + 1))
        write_features(sink, fields, geometries, records, feedback, span)
        results[name] = destination
        style_output(algorithm, context, destination, style_path(style) if style else "", title)
    return results


# --- distances in kilometres (issue #16: one unit, the metre) ----------------------------------
def add_km_aliases(algorithm) -> None:
    """Keep each deprecated parameter in km of ``algorithm.KM_ALIASES`` ((old, new metres
    parameter) pairs), as older models and scripts give it, hidden: see :func:`metres_for_km`."""
    for old, new in algorithm.KM_ALIASES:
        definition = QgsProcessingParameterNumber(
            old,
            tr("{parameter} in km (deprecated: use {new} in metres)").format(parameter=old, new=new),
            QgsProcessingParameterNumber.Type.Double,
            None,
            optional=True,
            minValue=0.0,
        )
        definition.setFlags(definition.flags() | QgsProcessingParameterDefinition.Flag.FlagHidden)
        algorithm.addParameter(definition)


def metres_for_km(algorithm, parameters: dict, context, feedback) -> dict:
    """``parameters`` where each deprecated km parameter of ``algorithm.KM_ALIASES`` that was given
    sets its metres parameter (× 1000), unless that one was given too: then the metres win."""
    parameters = dict(parameters)
    for old, new in algorithm.KM_ALIASES:
        if parameters.get(old) is None or parameters.get(old) == "":
            continue
        if parameters.get(new) is not None and parameters.get(new) != "":
            feedback.pushWarning(
                tr("{old} (km) is deprecated and ignored: {new} (m) is given too.").format(old=old, new=new)
            )
            continue
        km = algorithm.parameterAsDouble(parameters, old, context)
        parameters[new] = km * 1000.0
        feedback.pushWarning(
            tr("{old} (km) is deprecated: {km} km read as {new} = {metres} m; give {new} in metres.").format(
                old=old, new=new, km=format_number(km), metres=format_number(km * 1000.0)
            )
        )
    return parameters


def field_mapping(algorithm, parameters: dict, source, context, columns: dict[str, str]) -> dict[str, str]:
    """{engine column: the layer's field} for each ``columns`` entry ({column: field parameter})
    whose chosen field the layer has (field parameters are optional with a default name)."""
    from ._layer_io import optional_field

    mapping = {}
    for column, parameter in columns.items():
        field = optional_field(source, algorithm.parameterAsString(parameters, parameter, context))
        if field:
            mapping[column] = field
    return mapping
