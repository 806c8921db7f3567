"""Algorithm ``territoire:waste_flows``: map, allocate and find synergies between waste producers
and receivers (in the manner of AGUR's Toile industrielle), with a closure scenario."""

from __future__ import annotations

from qgis.core import (
    QgsFeatureSource,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsWkbTypes,
)

from ..engine.symbiosis_options import WasteFlowsOptions as Options
from ._engine_io import RoadsChecked, add_km_aliases, roads_parameter
from ._options import add_options
from .base import TerritoireAlgorithm


class WasteFlowsAlgorithm(RoadsChecked, TerritoireAlgorithm):
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
    )
    #: Deprecated parameters in km (older models and scripts) and their successors in metres.
    KM_ALIASES = (("MAX_DISTANCE", "MAX_DISTANCE_M"),)

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
        # every field parameter is optional with a default name: the required ones are checked
        # when the layers are read (a missing value then falls back to the default name)
        fields = {
            self.PRODUCERS: (
                self.tr("Waste producers (one row per site and waste code)"),
                (
                    (self.WASTE_CODE_FIELD, self.tr("Waste code field (List of Waste, e.g. 07 07 08*)"),
                     "waste_code"),
                    (self.TONNES_FIELD, self.tr("Tonnes per year field"), "tonnes"),
                    (self.SITE_ID_FIELD, self.tr("Site identifier field"), "site_id"),
                    (self.SITE_NAME_FIELD, self.tr("Site name field"), "site_name"),
                    (self.DESTINATION_FIELD, self.tr("Declared destination field (receiver id or name)"),
                     None),
                ),
            ),
            self.RECEIVERS: (
                self.tr("Waste receivers (treatment, recyclers, industrial users)"),
                (
                    (self.RECEIVER_ID_FIELD, self.tr("Receiver identifier field"), "facility_id"),
                    (self.RECEIVER_NAME_FIELD, self.tr("Receiver name field"), "name"),
                    (self.ACCEPTS_FIELD,
                     self.tr("Accepted codes or patterns field (17 01 01, 17 02 *, 19 *)"),
                     "accepts"),
                    (self.CAPACITY_FIELD, self.tr("Capacity field (t/yr, empty = unlimited)"), "capacity_t"),
                    (self.HAZARDOUS_OK_FIELD, self.tr("Hazardous waste allowed field (true / false)"),
                     "hazardous_ok"),
                    (self.OPERATION_FIELD, self.tr("Operation field (R/D code)"), "operation"),
                ),
            ),
        }  # fmt: skip
        for layer, (description, layer_fields) in fields.items():
            self.addParameter(QgsProcessingParameterFeatureSource(layer, description, point_or_polygon))
            for name, label, default in layer_fields:
                self.addParameter(
                    QgsProcessingParameterField(
                        name, label, defaultValue=default, parentLayerParameterName=layer, optional=True
                    )
                )
        add_options(self, Options, only=("distance",))
        self.addParameter(roads_parameter())
        add_options(self, Options, self.PRODUCERS, only=("snap_tolerance", "max_distance", "remove_sites"))
        add_km_aliases(self)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.TERRITORY,
                self.tr("Territory (for the share treated within it)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        add_options(self, Options, only=("top_synergies",))
        line, point = QgsProcessing.SourceType.TypeVectorLine, QgsProcessing.SourceType.TypeVectorPoint
        for name, description, kind in (
            (self.FLOWS, self.tr("Waste flows"), line),
            (self.NODES, self.tr("Waste sites (tonnes out, in, unallocated)"), point),
            (self.UNALLOCATED, self.tr("Unallocated waste"), point),
            (self.SYNERGIES, self.tr("Synergy candidates"), line),
            (self.SUMMARY, self.tr("Waste flows summary"), QgsProcessing.SourceType.TypeVector),
        ):
            self.addParameter(QgsProcessingParameterFeatureSink(name, description, kind))

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

    def _source(self, parameters, name: str, context) -> QgsFeatureSource:
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        return source

    def _receivers(self, parameters, context, feedback, crs):
        from ..engine.waste_flows import accepts_warnings, receivers_from_frame
        from ._engine_io import field_mapping
        from ._layer_io import read_frame

        source = self._source(parameters, self.RECEIVERS, context)
        accepts = self._required_field(parameters, self.ACCEPTS_FIELD, "accepts", source, context)
        mapping = {"accepts": accepts} | field_mapping(
            self, parameters, source, context,
            {"id": self.RECEIVER_ID_FIELD, "name": self.RECEIVER_NAME_FIELD, "capacity": self.CAPACITY_FIELD,
             "hazardous_ok": self.HAZARDOUS_OK_FIELD, "operation": self.OPERATION_FIELD},
        )  # fmt: skip
        if "hazardous_ok" not in mapping:
            feedback.pushWarning(
                self.tr("No hazardous-waste field on the receivers: hazardous waste stays unallocated.")
            )
        frame = read_frame(source, crs, context, mapping, feedback)
        capacity = None
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
        receivers = receivers_from_frame(frame, capacity)
        for warning in accepts_warnings(receivers, self.field_label(self.ACCEPTS_FIELD, accepts)):
            self.warn(feedback, warning)
        return receivers

    def _producers(self, parameters, context, feedback, crs):
        from ..engine.waste_flows import producers_from_frame
        from ._engine_io import field_mapping
        from ._layer_io import read_frame

        source = self._source(parameters, self.PRODUCERS, context)
        mapping = {
            "code": self._required_field(parameters, self.WASTE_CODE_FIELD, "waste_code", source, context),
            "tonnes": self._required_field(parameters, self.TONNES_FIELD, "tonnes", source, context),
        } | field_mapping(
            self, parameters, source, context,
            {"site_id": self.SITE_ID_FIELD, "site_name": self.SITE_NAME_FIELD,
             "destination": self.DESTINATION_FIELD},
        )  # fmt: skip
        frame = read_frame(source, crs, context, mapping, feedback)
        tonnes = self.numeric_column(frame["tonnes"], self.TONNES_FIELD, mapping["tonnes"], feedback)
        producers, skipped = producers_from_frame(frame, tonnes)
        if skipped:
            feedback.pushWarning(
                self.tr("{count} producer rows without a geometry were skipped.").format(count=skipped)
            )
        return producers

    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback):
        from ..engine.waste_flows import (
            FLOW_FIELDS,
            NODE_FIELDS,
            SUMMARY_FIELDS,
            SYNERGY_FIELDS,
            UNALLOCATED_FIELDS,
            run_waste_flows,
        )
        from ._engine_io import engine_progress, metres_for_km, run_engine, with_network, write_record_outputs
        from ._layer_io import read_frame
        from ._options import read_options

        crs = self._source(parameters, self.PRODUCERS, context).sourceCrs()
        self.require_projected_crs(crs, self._source(parameters, self.PRODUCERS, context).sourceName())
        parameters = metres_for_km(self, parameters, context, feedback)
        options = read_options(self, Options, parameters, context)
        feedback.setProgressText(self.tr("Reading producers and receivers"))
        producers = self._producers(parameters, context, feedback, crs)
        receivers = self._receivers(parameters, context, feedback, crs)
        self.raise_if_canceled(feedback)
        territory = self.parameterAsSource(parameters, self.TERRITORY, context)
        area = None if territory is None else list(read_frame(territory, crs, context, (), feedback).geometry)
        options = with_network(self, options, parameters, crs, context, feedback)
        feedback.setProgressText(self.tr("Allocating waste to receivers"))
        progress = engine_progress(feedback, 10.0, 85.0)
        result = run_engine(run_waste_flows, producers, receivers, options, progress, territory=area)
        line, point, none = QgsWkbTypes.Type.LineString, QgsWkbTypes.Type.Point, QgsWkbTypes.Type.NoGeometry
        outputs = (
            (self.FLOWS, FLOW_FIELDS, result.flows, line, "waste_flows", self.tr("Waste flows")),
            (self.NODES, NODE_FIELDS, result.nodes, point, "waste_nodes", self.tr("Waste sites")),
            (self.UNALLOCATED, UNALLOCATED_FIELDS, result.unallocated, point, "waste_unallocated",
             self.tr("Unallocated waste")),
            (self.SYNERGIES, SYNERGY_FIELDS, result.synergies, line, "waste_synergies",
             self.tr("Synergy candidates")),
            (self.SUMMARY, SUMMARY_FIELDS, result.summary, none, "", self.tr("Waste flows summary")),
        )  # fmt: skip
        results = write_record_outputs(self, parameters, context, feedback, crs, outputs, 85.0, 3.0)
        self._report(result, feedback)
        return results

    def _report(self, result, feedback: QgsProcessingFeedback) -> None:
        for row in result.summary:
            values = [row[k] for k in ("baseline", "scenario") if row[k] is not None]
            if values:
                feedback.pushInfo(
                    self.tr("{indicator}: {values} {unit}").format(
                        indicator=row["indicator"],
                        values=" → ".join(self.local_number(v, 1) for v in values),
                        unit=row["unit"],
                    )
                )
