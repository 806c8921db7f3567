"""Algorithm ``territoire:waste_access``: residents' access to déchèteries and drop-off points."""

from __future__ import annotations

from qgis.core import (
    QgsFields,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsWkbTypes,
)

from ..engine.symbiosis_options import WasteAccessOptions as Options
from ..i18n_support import format_number
from ..resources_paths import style_path
from ._engine_io import RoadsChecked, add_km_aliases, roads_parameter
from ._options import add_options
from .base import TerritoireAlgorithm

DEMAND_FIELDS = [("distance_km", "float"), ("facility_id", "text"), ("within", "bool"), ("snap_m", "float")]
COMMUNE_FIELDS = [("population", "float"), ("served_pop", "float"), ("share_served", "float")]
UNDERSERVED_FIELDS = [
    ("area_id", "int"),
    ("population", "float"),
    ("features", "int"),
    ("mean_km", "float"),
    ("unreachable", "int"),
]


class WasteAccessAlgorithm(RoadsChecked, TerritoireAlgorithm):
    """Distance to the nearest waste point, share of population served, underserved areas."""

    ALGORITHM_ID = "waste_access"
    GROUP = "analysis"
    EMPTY_IS_GOOD = ("UNDERSERVED",)
    REQUIRES = ("numpy", "scipy", "geopandas")
    TAGS = ("waste", "recycling centre", "access", "commune")
    ADVANCED = ("WEIGHT_FIELD", "FACILITY_ID_FIELD", "KIND_FIELD")
    #: Deprecated parameters in km (older models and scripts) and their successors in metres.
    KM_ALIASES = (("THRESHOLD", "THRESHOLD_M"),)

    DEMAND = "DEMAND"
    WEIGHT_FIELD = "WEIGHT_FIELD"
    FACILITIES = "FACILITIES"
    FACILITY_ID_FIELD = "FACILITY_ID_FIELD"
    KIND_FIELD = "KIND_FIELD"
    KINDS = "KINDS"
    DISTANCE = "DISTANCE"
    ROADS = "ROADS"
    SNAP_TOLERANCE = "SNAP_TOLERANCE"
    THRESHOLD = "THRESHOLD"
    COMMUNES = "COMMUNES"
    CLUSTER_DISTANCE = "CLUSTER_DISTANCE"
    OUTPUT = "OUTPUT"
    COMMUNES_OUTPUT = "COMMUNES_OUTPUT"
    UNDERSERVED = "UNDERSERVED"

    def displayName(self) -> str:
        return self.tr("Access to waste drop-off points")

    def shortHelpString(self) -> str:
        return self.tr(
            "For each demand feature (buildings with a population or dwellings field, or communes), "
            "the distance to the nearest waste facility (déchèterie, drop-off point; optionally only "
            "some kinds), in a straight line or along the roads (one shortest-path run from all "
            "facilities). Gives the share of the population within the threshold per commune and the "
            "underserved areas: underserved features closer than the grouping distance merged into "
            "polygons, with the population they hold. Features farther than the snapping tolerance "
            "from the roads have no distance and count as underserved."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.DEMAND,
                self.tr("Demand (buildings or communes)"),
                [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon],
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.WEIGHT_FIELD,
                self.tr("Population or dwellings field (empty = 1 per feature)"),
                defaultValue="population",
                parentLayerParameterName=self.DEMAND,
                optional=True,
                type=QgsProcessingParameterField.DataType.Numeric,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.FACILITIES,
                self.tr("Waste facilities (déchèteries, drop-off points)"),
                [QgsProcessing.SourceType.TypeVectorPoint],
            )
        )
        for name, description, default in (
            (self.FACILITY_ID_FIELD, self.tr("Facility identifier field"), "point_id"),
            (self.KIND_FIELD, self.tr("Facility kind field"), "kind"),
        ):
            self.addParameter(
                QgsProcessingParameterField(
                    name,
                    description,
                    defaultValue=default,
                    parentLayerParameterName=self.FACILITIES,
                    optional=True,
                )
            )
        add_options(self, Options, only=("kinds", "distance"))
        self.addParameter(roads_parameter())
        add_options(self, Options, self.DEMAND, only=("snap_tolerance", "threshold"))
        add_km_aliases(self)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.COMMUNES,
                self.tr("Communes (share of the population served in each)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        add_options(self, Options, self.DEMAND, only=("cluster_distance",))
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Distance to the nearest waste point"))
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.COMMUNES_OUTPUT,
                self.tr("Population served per commune"),
                QgsProcessing.SourceType.TypeVectorPolygon,
                optional=True,
                createByDefault=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.UNDERSERVED, self.tr("Underserved areas"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )

    def _weight(self, parameters, demand, demand_source, context, feedback):
        """Population (or dwellings) per demand feature: the weight field's numbers, else 1."""
        import numpy as np

        from ._layer_io import optional_field

        field = optional_field(demand_source, self.parameterAsString(parameters, self.WEIGHT_FIELD, context))
        if not field:
            return np.ones(len(demand))
        return np.nan_to_num(self.numeric_column(demand[field], self.WEIGHT_FIELD, field, feedback))

    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback):
        from ..engine.waste_access import run_waste_access
        from ..engine.waste_flows import point_xy
        from ._engine_io import field_mapping, metres_for_km, run_engine, with_network
        from ._layer_io import read_frame
        from ._options import read_options

        demand_source = self.parameterAsSource(parameters, self.DEMAND, context)
        facility_source = self.parameterAsSource(parameters, self.FACILITIES, context)
        if demand_source is None or facility_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.DEMAND))
        crs = demand_source.sourceCrs()
        self.require_projected_crs(crs, demand_source.sourceName())
        parameters = metres_for_km(self, parameters, context, feedback)
        options = read_options(self, Options, parameters, context)
        feedback.setProgressText(self.tr("Reading demand and facilities"))
        demand = read_frame(demand_source, crs, context, demand_source.fields().names(), feedback, (0, 25))
        weight = self._weight(parameters, demand, demand_source, context, feedback)
        columns = {"id": self.FACILITY_ID_FIELD, "kind": self.KIND_FIELD}
        mapping = field_mapping(self, parameters, facility_source, context, columns)
        facilities = read_frame(facility_source, crs, context, mapping, feedback)
        communes_source = self.parameterAsSource(parameters, self.COMMUNES, context)
        communes = None
        if communes_source is not None:
            communes = read_frame(communes_source, crs, context, communes_source.fields().names(), feedback)
        self.raise_if_canceled(feedback)
        options = with_network(self, options, parameters, crs, context, feedback)
        feedback.setProgressText(self.tr("Measuring distances to the nearest facility"))
        feedback.setProgress(30)
        run = run_engine(
            run_waste_access,
            point_xy(demand),
            weight,
            point_xy(facilities),
            options,
            facilities["id"].tolist() if "id" in facilities else None,
            facilities["kind"].tolist() if "kind" in facilities else None,
            None if communes is None else list(communes.geometry),
        )
        self.raise_if_canceled(feedback)
        feedback.setProgress(60)
        results = self._write(
            run, demand, demand_source, communes, communes_source, parameters, context, feedback
        )
        self._report(run, options, feedback)
        return results

    def _write(
        self, run, demand, demand_source, communes, communes_source, parameters, context, feedback
    ) -> dict:
        """The three outputs: per demand feature, per commune (when communes are given), areas."""
        from ._layer_io import extended_fields, style_output, write_features

        crs = demand_source.sourceCrs()
        access = run.access
        rows = demand.drop(columns="geometry").to_dict("records")
        for k, row in enumerate(rows):
            row.update(distance_km=access.distance_km[k], facility_id=run.facility_id[k],
                       within=bool(access.within[k]), snap_m=access.snap_m[k])  # fmt: skip
        outputs = [
            (self.OUTPUT, demand_source, DEMAND_FIELDS, list(demand.geometry), rows, (60.0, 80.0),
             "waste_access", self.tr("Distance to a waste point")),
        ]  # fmt: skip
        if communes is not None and run.shares is not None:
            commune_rows = communes.drop(columns="geometry").to_dict("records")
            for k, row in enumerate(commune_rows):
                row.update({name: values[k] for name, values in run.shares.items()})
            outputs.append(
                (self.COMMUNES_OUTPUT, communes_source, COMMUNE_FIELDS, list(communes.geometry),
                 commune_rows, (80.0, 90.0), "waste_access_communes",
                 self.tr("Residents within reach of a facility, per commune"))
            )  # fmt: skip
        area_rows = [dict(values, area_id=k + 1) for k, (_, values) in enumerate(run.areas)]
        outputs.append(
            (self.UNDERSERVED, None, UNDERSERVED_FIELDS, [polygon for polygon, _ in run.areas], area_rows,
             (90.0, 100.0), "waste_access_underserved", self.tr("Underserved areas"))
        )  # fmt: skip
        results = {}
        for name, source, schema, geometries, records, span, style, title in outputs:
            base = source.fields() if source is not None else QgsFields()
            wkb_type = source.wkbType() if source is not None else QgsWkbTypes.Type.Polygon
            fields = extended_fields(base, schema)
            sink, destination = self.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
            if sink is None:
                if name == self.COMMUNES_OUTPUT:  # optional output not asked for
                    continue
                raise QgsProcessingException(self.invalidSinkError(parameters, name))
            write_features(sink, fields, geometries, records, feedback, span)
            results[name] = destination
            style_output(self, context, destination, style_path(style), title)
        return results

    def _report(self, run, options, feedback) -> None:
        total, served = run.population, run.served
        km = options.threshold / 1000.0
        feedback.pushInfo(
            self.tr("{served} of {total} inhabitants ({share} %) are within {km} km of a facility.").format(
                served=format_number(round(served)),
                total=format_number(round(total)),
                share=format_number(100 * served / total if total else 0.0, 1),
                km=format_number(km),
            )
        )
        if total > 0 and served == 0:
            from ..engine.errors import EngineWarning

            self.warn(
                feedback,
                EngineWarning(
                    "Nobody is within {km} km of a facility: check the facilities, the kinds kept and the "
                    "distance.",
                    km=self.local_number(km, 1),
                ),
            )
