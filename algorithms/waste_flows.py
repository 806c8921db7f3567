"""Algorithm ``territoire:waste_flows``: map, allocate and find synergies between waste producers
and receivers (in the manner of AGUR's Toile industrielle), with a closure scenario."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import (
    QgsFeatureSource,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..engine.errors import Cancelled, EngineError
from ..resources_paths import style_path
from .base import TerritoireAlgorithm

if TYPE_CHECKING:
    import numpy as np

    from ..engine.road_network import RoadNetwork
    from ..engine.waste_flows import Producers, Receivers

DISTANCE_KINDS = ("straight", "network")
TRUE_WORDS = {"1", "true", "t", "yes", "y", "oui", "o", "vrai"}


def truthy(value: object) -> bool:
    """A boolean field value that may be stored as text or a number."""
    if isinstance(value, bool):
        return value
    return value is not None and str(value).strip().lower() in TRUE_WORDS


def point_xy(frame) -> np.ndarray:
    """(n, 2) coordinates of point (or centroids of other) geometries; NaN for missing ones."""
    import numpy as np

    xy = np.full((len(frame), 2), np.nan)
    for i, geometry in enumerate(frame.geometry):
        if geometry is not None and not geometry.is_empty:
            point = geometry if geometry.geom_type == "Point" else geometry.centroid
            xy[i] = (point.x, point.y)
    return xy


def read_network(
    algorithm: TerritoireAlgorithm,
    roads: QgsFeatureSource | None,
    crs,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
) -> RoadNetwork:
    """A RoadNetwork from a line layer (multi-lines split into parts), or a clear error."""
    import numpy as np

    from ..engine.road_network import RoadNetwork
    from ._layer_io import read_frame

    if roads is None:
        raise QgsProcessingException(algorithm.tr("Network distances need a road layer (ROADS)."))
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
        raise QgsProcessingException(algorithm.tr(error.message).format(**error.values)) from error
    feedback.pushInfo(
        algorithm.tr("Road network: {edges} lines, {parts} connected parts.").format(
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


def qgs_fields(schema: list[tuple[str, str]]) -> QgsFields:
    from ._layer_io import extended_fields

    return extended_fields(QgsFields(), schema)


class WasteFlowsAlgorithm(TerritoireAlgorithm):
    """Optimal allocation of waste to receivers, closure scenario, synergy candidates."""

    ALGORITHM_ID = "waste_flows"
    GROUP = "analysis"
    EMPTY_IS_GOOD = ("UNALLOCATED", "SYNERGIES")
    REQUIRES = ("numpy", "scipy", "geopandas")
    TAGS = ("waste", "circular economy", "industrial synergies")
    ADVANCED = (
        "WASTE_CODE_FIELD",
        "TONNES_FIELD",
        "SITE_ID_FIELD",
        "SITE_NAME_FIELD",
        "DESTINATION_FIELD",
        "RECEIVER_ID_FIELD",
        "RECEIVER_NAME_FIELD",
        "ACCEPTS_FIELD",
        "CAPACITY_FIELD",
        "HAZARDOUS_OK_FIELD",
        "OPERATION_FIELD",
        "SNAP_TOLERANCE",
        "TOP_SYNERGIES",
    )

    PRODUCERS = "PRODUCERS"
    WASTE_CODE_FIELD = "WASTE_CODE_FIELD"
    TONNES_FIELD = "TONNES_FIELD"
    SITE_ID_FIELD = "SITE_ID_FIELD"
    SITE_NAME_FIELD = "SITE_NAME_FIELD"
    DESTINATION_FIELD = "DESTINATION_FIELD"
    RECEIVERS = "RECEIVERS"
    RECEIVER_ID_FIELD = "RECEIVER_ID_FIELD"
    RECEIVER_NAME_FIELD = "RECEIVER_NAME_FIELD"
    ACCEPTS_FIELD = "ACCEPTS_FIELD"
    CAPACITY_FIELD = "CAPACITY_FIELD"
    HAZARDOUS_OK_FIELD = "HAZARDOUS_OK_FIELD"
    OPERATION_FIELD = "OPERATION_FIELD"
    DISTANCE = "DISTANCE"
    ROADS = "ROADS"
    SNAP_TOLERANCE = "SNAP_TOLERANCE"
    MAX_DISTANCE = "MAX_DISTANCE"
    REMOVE_SITES = "REMOVE_SITES"
    TERRITORY = "TERRITORY"
    TOP_SYNERGIES = "TOP_SYNERGIES"
    FLOWS = "FLOWS"
    NODES = "NODES"
    UNALLOCATED = "UNALLOCATED"
    SYNERGIES = "SYNERGIES"
    SUMMARY = "SUMMARY"

    def displayName(self) -> str:
        return self.tr("Waste flows, synergies and closure scenario")

    def shortHelpString(self) -> str:
        return self.tr(
            "Maps who produces which waste and where it can go, in the manner of AGUR's Toile "
            'industrielle. Producer rows (site, List of Waste code such as "07 07 08*", t/yr) are '
            'allocated to receivers whose accepted codes or patterns ("17 01 01, 17 02 *, 19 *") match, '
            "hazardous waste (*) only where it is allowed, within the maximum distance (straight or "
            "along the roads) and the receivers' capacities. The allocation is an exact transportation "
            "problem (linear programme, HiGHS): it places as many tonnes as possible, then minimises "
            "tonne-kilometres; what cannot be placed is reported with its cause. Rows whose destination "
            "names a receiver are kept as declared flows. Removing sites (closure scenario) re-allocates "
            "their flows and reports the waste that loses its outlet. Synergy candidates list, for each "
            "waste, the recovery sites that could take it, with a score explained by the match on the "
            "code hierarchy (code, sub-chapter, chapter, material family), distance, quantity fit and "
            "confidence. Flows are 3-vertex lines drawn as curved arrows (width by tonnes, colour by "
            "waste family, hazardous waste outlined in red)."
        )

    def initAlgorithm(self, config=None) -> None:
        point_or_polygon = [
            QgsProcessing.SourceType.TypeVectorPoint,
            QgsProcessing.SourceType.TypeVectorPolygon,
        ]
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.PRODUCERS, self.tr("Waste producers (one row per site and waste code)"), point_or_polygon
            )
        )
        # every field parameter is optional with a default name: the required ones are checked
        # when the layers are read (a missing value then falls back to the default name)
        producer_fields = [
            (
                self.WASTE_CODE_FIELD,
                self.tr("Waste code field (List of Waste, e.g. 07 07 08*)"),
                "waste_code",
            ),
            (self.TONNES_FIELD, self.tr("Tonnes per year field"), "tonnes"),
            (self.SITE_ID_FIELD, self.tr("Site identifier field"), "site_id"),
            (self.SITE_NAME_FIELD, self.tr("Site name field"), "site_name"),
            (self.DESTINATION_FIELD, self.tr("Declared destination field (receiver id or name)"), None),
        ]
        receiver_fields = [
            (self.RECEIVER_ID_FIELD, self.tr("Receiver identifier field"), "facility_id"),
            (self.RECEIVER_NAME_FIELD, self.tr("Receiver name field"), "name"),
            (
                self.ACCEPTS_FIELD,
                self.tr("Accepted codes or patterns field (17 01 01, 17 02 *, 19 *)"),
                "accepts",
            ),
            (self.CAPACITY_FIELD, self.tr("Capacity field (t/yr, empty = unlimited)"), "capacity_t"),
            (
                self.HAZARDOUS_OK_FIELD,
                self.tr("Hazardous waste allowed field (true / false)"),
                "hazardous_ok",
            ),
            (self.OPERATION_FIELD, self.tr("Operation field (R/D code)"), "operation"),
        ]
        for layer, fields in ((self.PRODUCERS, producer_fields), (self.RECEIVERS, receiver_fields)):
            if layer == self.RECEIVERS:
                self.addParameter(
                    QgsProcessingParameterFeatureSource(
                        self.RECEIVERS,
                        self.tr("Waste receivers (treatment, recyclers, industrial users)"),
                        point_or_polygon,
                    )
                )
            for name, description, default in fields:
                self.addParameter(
                    QgsProcessingParameterField(
                        name, description, defaultValue=default, parentLayerParameterName=layer, optional=True
                    )
                )
        self.addParameter(self.distance_kind_parameter())
        for definition in self.road_parameters(snap_tolerance_m=500.0, parent=self.PRODUCERS):
            self.addParameter(definition)
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_DISTANCE,
                self.tr("Maximum distance (km, 0 = no limit)"),
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=100.0,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.REMOVE_SITES,
                self.tr("Closure scenario: identifiers of the sites removed (comma-separated)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.TERRITORY,
                self.tr("Territory (for the share treated within it)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.TOP_SYNERGIES,
                self.tr("Synergy candidates per waste (0 = none)"),
                QgsProcessingParameterNumber.Type.Integer,
                defaultValue=3,
                minValue=0,
                maxValue=50,
            )
        )
        line, point = QgsProcessing.SourceType.TypeVectorLine, QgsProcessing.SourceType.TypeVectorPoint
        for name, description, kind in (
            (self.FLOWS, self.tr("Waste flows"), line),
            (self.NODES, self.tr("Waste sites (tonnes out, in, unallocated)"), point),
            (self.UNALLOCATED, self.tr("Unallocated waste"), point),
            (self.SYNERGIES, self.tr("Synergy candidates"), line),
            (self.SUMMARY, self.tr("Waste flows summary"), QgsProcessing.SourceType.TypeVector),
        ):
            self.addParameter(QgsProcessingParameterFeatureSink(name, description, kind))

    def checkParameterValues(self, parameters, context):
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        network = DISTANCE_KINDS[self.parameterAsEnum(parameters, self.DISTANCE, context)] == "network"
        if network and not parameters.get(self.ROADS):
            return False, self.tr("Distances along the roads need a road layer (ROADS).")
        return True, ""

    def _required_field(self, parameters, name: str, default: str, source: QgsFeatureSource, context) -> str:
        """The field chosen for ``name`` (or its default name), which the layer must have."""
        from ._layer_io import optional_field

        field = self.parameterAsString(parameters, name, context) or default
        if optional_field(source, field) is None:
            raise QgsProcessingException(
                self.tr("The layer {layer} has no field {field}: choose it with {parameter}.").format(
                    layer=source.sourceName(), field=field, parameter=name
                )
            )
        return field

    def _receivers(self, parameters, context, feedback, crs) -> Receivers:
        import numpy as np

        from ..engine.waste_flows import Receivers
        from ._layer_io import optional_field, read_frame

        source = self.parameterAsSource(parameters, self.RECEIVERS, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.RECEIVERS))
        mapping = {
            "accepts": self._required_field(parameters, self.ACCEPTS_FIELD, "accepts", source, context)
        }
        for column, parameter in (
            ("id", self.RECEIVER_ID_FIELD),
            ("name", self.RECEIVER_NAME_FIELD),
            ("capacity", self.CAPACITY_FIELD),
            ("hazardous_ok", self.HAZARDOUS_OK_FIELD),
            ("operation", self.OPERATION_FIELD),
        ):
            field = optional_field(source, self.parameterAsString(parameters, parameter, context))
            if field:
                mapping[column] = field
        if "hazardous_ok" not in mapping:
            feedback.pushWarning(
                self.tr("No hazardous-waste field on the receivers: hazardous waste stays unallocated.")
            )
        frame = read_frame(source, crs, context, mapping, feedback)
        n = len(frame)
        ids = [str(v) for v in frame["id"]] if "id" in frame else [f"R{i + 1}" for i in range(n)]
        names = [str(v) if v is not None else "" for v in frame["name"]] if "name" in frame else ids
        capacity = np.full(n, np.nan)
        if "capacity" in frame:
            from ..engine.numbers import read_numbers

            numbers = read_numbers(frame["capacity"], minimum=0.0)
            if numbers.unreadable or numbers.out_of_range:
                bad = [*numbers.unreadable, *(f"{value:g}" for value in numbers.out_of_range)]
                raise QgsProcessingException(
                    self.tr(
                        "{field}: {count} capacities are negative or not numbers (e.g. {examples}); "
                        "a capacity is a number of tonnes per year, 0 or more (empty = unlimited). "
                        "Correct them."
                    ).format(
                        field=self.field_label(self.CAPACITY_FIELD, mapping["capacity"]),
                        count=len(bad),
                        examples=", ".join(bad[:3]),
                    )
                )
            capacity = numbers.values
        self._check_accepts(frame["accepts"], names, mapping["accepts"], feedback)
        receivers = Receivers(
            site_id=ids,
            name=names,
            xy=point_xy(frame),
            accepts=list(frame["accepts"]),
            capacity=capacity,
            hazardous_ok=np.array(
                [truthy(v) for v in frame["hazardous_ok"]] if "hazardous_ok" in frame else [False] * n
            ),
            operation=[v or "" for v in frame["operation"]] if "operation" in frame else [""] * n,
        )
        return receivers

    def _check_accepts(self, texts, names, field: str, feedback) -> None:
        """Warn about accepted-code items that cannot be read, and receivers that accept everything."""
        from ..engine.errors import EngineWarning
        from ..engine.waste_codes import parse_patterns, unreadable_patterns

        label = self.field_label(self.ACCEPTS_FIELD, field)
        unreadable = [item for text in texts for item in unreadable_patterns(text)]
        if unreadable:
            self.warn(
                feedback,
                EngineWarning(
                    "{count} items of {field} are neither a waste code nor a wildcard (17 01 01, 17 02 *, "
                    "19 *) and are ignored (e.g. {examples}).",
                    count=len(unreadable),
                    field=label,
                    examples=", ".join(f"\u201c{item}\u201d" for item in unreadable[:3]),
                ),
            )
        everything = [
            name for text, name in zip(texts, names) if any(not p.prefix for p in parse_patterns(text))
        ]
        if everything:
            self.warn(
                feedback,
                EngineWarning(
                    "{count} receivers accept every waste code (a lone \u201c*\u201d in {field}): {names}.",
                    count=len(everything),
                    field=label,
                    names=", ".join(everything[:5]),
                ),
            )

    def _producers(self, parameters, context, feedback, crs) -> Producers:
        import numpy as np

        from ..engine.waste_flows import Producers
        from ._layer_io import optional_field, read_frame

        source = self.parameterAsSource(parameters, self.PRODUCERS, context)
        mapping = {
            "code": self._required_field(parameters, self.WASTE_CODE_FIELD, "waste_code", source, context),
            "tonnes": self._required_field(parameters, self.TONNES_FIELD, "tonnes", source, context),
        }
        for column, parameter in (
            ("site_id", self.SITE_ID_FIELD),
            ("site_name", self.SITE_NAME_FIELD),
            ("destination", self.DESTINATION_FIELD),
        ):
            field = optional_field(source, self.parameterAsString(parameters, parameter, context))
            if field:
                mapping[column] = field
        frame = read_frame(source, crs, context, mapping, feedback)
        xy = point_xy(frame)
        # without a site id, rows at the same place are the same site
        ids = (
            [str(v) for v in frame["site_id"]] if "site_id" in frame else [f"{x:.0f} {y:.0f}" for x, y in xy]
        )
        tonnes = self.numeric_column(frame["tonnes"], self.TONNES_FIELD, mapping["tonnes"], feedback)
        keep = ~np.isnan(xy).any(axis=1)
        if not keep.all():
            feedback.pushWarning(
                self.tr("{count} producer rows without a geometry were skipped.").format(
                    count=int((~keep).sum())
                )
            )
        names = list(frame["site_name"]) if "site_name" in frame else ids
        return Producers(
            site_id=[v for v, k in zip(ids, keep) if k],
            site_name=[("" if v is None else str(v)) for v, k in zip(names, keep) if k],
            xy=xy[keep],
            code=[v for v, k in zip(frame["code"], keep) if k],
            tonnes=np.asarray(tonnes, float)[keep],
            destination=[v for v, k in zip(frame["destination"], keep) if k]
            if "destination" in frame
            else None,
        )

    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback):
        import numpy as np
        from shapely.geometry import Point
        from shapely.ops import unary_union

        from ..engine.waste_flows import (
            FLOW_FIELDS,
            NODE_FIELDS,
            SUMMARY_FIELDS,
            SYNERGY_FIELDS,
            UNALLOCATED_FIELDS,
            Options,
            run_waste_flows,
        )
        from ._layer_io import read_frame, style_output, write_features

        producers_source = self.parameterAsSource(parameters, self.PRODUCERS, context)
        if producers_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.PRODUCERS))
        crs = producers_source.sourceCrs()
        self.require_projected_crs(crs, producers_source.sourceName())
        feedback.setProgressText(self.tr("Reading producers and receivers"))
        producers = self._producers(parameters, context, feedback, crs)
        receivers = self._receivers(parameters, context, feedback, crs)
        self.raise_if_canceled(feedback)
        territory = self.parameterAsSource(parameters, self.TERRITORY, context)
        if territory is not None:
            area = unary_union(
                [g for g in read_frame(territory, crs, context, (), feedback).geometry if g is not None]
            )
            receivers.inside = np.array([area.intersects(Point(x, y)) for x, y in receivers.xy], bool)
        kind = DISTANCE_KINDS[self.parameterAsEnum(parameters, self.DISTANCE, context)]
        network = None
        if kind == "network":
            roads = self.parameterAsSource(parameters, self.ROADS, context)
            feedback.setProgressText(self.tr("Building the road network"))
            network = read_network(self, roads, crs, context, feedback)
        removed = self.parameterAsString(parameters, self.REMOVE_SITES, context) or ""
        remove_sites = frozenset(part.strip() for part in removed.split(",") if part.strip())
        known = set(producers.site_id) | set(receivers.site_id)
        unknown = sorted(remove_sites - known)
        if unknown:
            raise QgsProcessingException(
                self.tr("Closure scenario: no producer or receiver has the identifier {ids}.").format(
                    ids=", ".join(unknown)
                )
            )
        options = Options(
            distance=kind,
            network=network,
            snap_tolerance=self.parameterAsDouble(parameters, self.SNAP_TOLERANCE, context),
            max_distance_km=self.parameterAsDouble(parameters, self.MAX_DISTANCE, context),
            remove_sites=remove_sites,
            top_synergies=self.parameterAsInt(parameters, self.TOP_SYNERGIES, context),
        )
        feedback.setProgressText(self.tr("Allocating waste to receivers"))
        try:
            result = run_waste_flows(producers, receivers, options, engine_progress(feedback, 10.0, 85.0))
        except Cancelled as error:
            raise QgsProcessingException(self.tr("The run was cancelled: no output was written.")) from error
        except EngineError as error:
            raise QgsProcessingException(self.tr(error.message).format(**error.values)) from error
        outputs = (
            (
                self.FLOWS,
                FLOW_FIELDS,
                result.flows,
                QgsWkbTypes.Type.LineString,
                "waste_flows",
                self.tr("Waste flows"),
            ),
            (
                self.NODES,
                NODE_FIELDS,
                result.nodes,
                QgsWkbTypes.Type.Point,
                "waste_nodes",
                self.tr("Waste sites"),
            ),
            (
                self.UNALLOCATED,
                UNALLOCATED_FIELDS,
                result.unallocated,
                QgsWkbTypes.Type.Point,
                "waste_unallocated",
                self.tr("Unallocated waste"),
            ),
            (
                self.SYNERGIES,
                SYNERGY_FIELDS,
                result.synergies,
                QgsWkbTypes.Type.LineString,
                "waste_synergies",
                self.tr("Synergy candidates"),
            ),
            (self.SUMMARY, SUMMARY_FIELDS, result.summary, QgsWkbTypes.Type.NoGeometry, "", ""),
        )
        results = {}
        for step, (name, schema, records, wkb_type, style, title) in enumerate(outputs):
            fields = qgs_fields(schema)
            sink, destination = self.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
            if sink is None:
                raise QgsProcessingException(self.invalidSinkError(parameters, name))
            geometries = [_geometry(record.get("geometry")) for record in records]
            write_features(sink, fields, geometries, records, feedback, (85.0 + 3 * step, 88.0 + 3 * step))
            results[name] = destination
            if style:
                style_output(self, context, destination, style_path(style), title)
        self._report(result, feedback)
        return results

    def _report(self, result, feedback: QgsProcessingFeedback) -> None:
        for row in result.summary:
            values = [row[k] for k in ("baseline", "scenario") if row[k] is not None]
            if values:
                feedback.pushInfo(
                    self.tr("{indicator}: {values} {unit}").format(
                        indicator=row["indicator"],
                        values=" → ".join(f"{v:,.1f}" for v in values),
                        unit=row["unit"],
                    )
                )


def _geometry(shape) -> QgsGeometry | None:
    """QgsGeometry from an engine geometry: (x, y) point or list of (x, y) vertices."""
    import numpy as np

    if shape is None:
        return None
    if isinstance(shape[0], (int, float, np.floating)):
        return QgsGeometry.fromPointXY(QgsPointXY(float(shape[0]), float(shape[1])))
    return QgsGeometry.fromPolylineXY([QgsPointXY(x, y) for x, y in shape])
