"""Algorithm ``territoire:waste_access``: residents' access to déchèteries and drop-off points."""

from __future__ import annotations

from qgis.core import (
    QgsFields,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterDistance,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..engine.errors import EngineError
from ..i18n_support import format_number
from ..resources_paths import style_path
from .base import TerritoireAlgorithm
from .waste_flows import DISTANCE_KINDS, point_xy, read_network

DEMAND_FIELDS = [("distance_km", "float"), ("facility_id", "text"), ("within", "bool"), ("snap_m", "float")]
COMMUNE_FIELDS = [("population", "float"), ("served_pop", "float"), ("share_served", "float")]
UNDERSERVED_FIELDS = [
    ("area_id", "int"),
    ("population", "float"),
    ("features", "int"),
    ("mean_km", "float"),
    ("unreachable", "int"),
]


class WasteAccessAlgorithm(TerritoireAlgorithm):
    """Distance to the nearest waste point, share of population served, underserved areas."""

    ALGORITHM_ID = "waste_access"
    GROUP = "analysis"
    EMPTY_IS_GOOD = ("UNDERSERVED",)
    REQUIRES = ("numpy", "scipy", "geopandas")
    TAGS = ("waste", "recycling centre", "access", "commune")
    ADVANCED = (
        "WEIGHT_FIELD",
        "FACILITY_ID_FIELD",
        "KIND_FIELD",
        "SNAP_TOLERANCE",
        "CLUSTER_DISTANCE",
    )

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
        self.addParameter(
            QgsProcessingParameterString(
                self.KINDS, self.tr("Keep only these kinds (comma-separated, empty = all)"), optional=True
            )
        )
        self.addParameter(self.distance_kind_parameter())
        for definition in self.road_parameters(snap_tolerance_m=300.0, parent=self.DEMAND):
            self.addParameter(definition)
        self.addParameter(
            QgsProcessingParameterNumber(
                self.THRESHOLD,
                self.tr("Served within (km)"),
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=5.0,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.COMMUNES,
                self.tr("Communes (share of the population served in each)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterDistance(
                self.CLUSTER_DISTANCE,
                self.tr("Grouping distance of underserved areas"),
                defaultValue=200.0,
                parentParameterName=self.DEMAND,
                minValue=1.0,
            )
        )
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

    def checkParameterValues(self, parameters, context):
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        if DISTANCE_KINDS[
            self.parameterAsEnum(parameters, self.DISTANCE, context)
        ] == "network" and not parameters.get(self.ROADS):
            return False, self.tr("Distances along the roads need a road layer (ROADS).")
        return True, ""

    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback):
        import numpy as np

        from ..engine.waste_access import nearest_facility, share_by_zone, underserved_areas, zone_of_points
        from ._layer_io import extended_fields, optional_field, read_frame, style_output, write_features

        demand_source = self.parameterAsSource(parameters, self.DEMAND, context)
        facility_source = self.parameterAsSource(parameters, self.FACILITIES, context)
        if demand_source is None or facility_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.DEMAND))
        crs = demand_source.sourceCrs()
        self.require_projected_crs(crs, demand_source.sourceName())
        weight_field = optional_field(
            demand_source, self.parameterAsString(parameters, self.WEIGHT_FIELD, context)
        )
        feedback.setProgressText(self.tr("Reading demand and facilities"))
        demand = read_frame(
            demand_source, crs, context, demand_source.fields().names(), feedback, progress=(0.0, 25.0)
        )
        fac_mapping = {}
        for column, parameter in (("id", self.FACILITY_ID_FIELD), ("kind", self.KIND_FIELD)):
            field = optional_field(facility_source, self.parameterAsString(parameters, parameter, context))
            if field:
                fac_mapping[column] = field
        facilities = read_frame(facility_source, crs, context, fac_mapping, feedback)
        kinds = {
            k.strip().lower()
            for k in (self.parameterAsString(parameters, self.KINDS, context) or "").split(",")
        }
        kinds.discard("")
        if kinds:
            if "kind" not in facilities:
                raise QgsProcessingException(
                    self.tr("A kind filter needs the facility kind field (KIND_FIELD).")
                )
            facilities = facilities[[str(k).strip().lower() in kinds for k in facilities["kind"]]]
        facility_xy = point_xy(facilities)
        known = ~np.isnan(facility_xy).any(axis=1)
        facilities, facility_xy = facilities[known], facility_xy[known]
        facility_ids = (
            [str(v) for v in facilities["id"]]
            if "id" in facilities
            else [str(i + 1) for i in range(len(facilities))]
        )
        demand_xy = point_xy(demand)
        weight = (
            np.nan_to_num(
                self.numeric_column(demand[weight_field], self.WEIGHT_FIELD, weight_field, feedback)
            )
            if weight_field
            else np.ones(len(demand))
        )
        self.raise_if_canceled(feedback)
        network = None
        if DISTANCE_KINDS[self.parameterAsEnum(parameters, self.DISTANCE, context)] == "network":
            feedback.setProgressText(self.tr("Building the road network"))
            network = read_network(
                self, self.parameterAsSource(parameters, self.ROADS, context), crs, context, feedback
            )
        threshold = self.parameterAsDouble(parameters, self.THRESHOLD, context)
        feedback.setProgressText(self.tr("Measuring distances to the nearest facility"))
        feedback.setProgress(30)
        has_xy = ~np.isnan(demand_xy).any(axis=1)
        try:
            result = nearest_facility(
                np.where(has_xy[:, None], demand_xy, 0.0),
                facility_xy,
                threshold,
                network,
                self.parameterAsDouble(parameters, self.SNAP_TOLERANCE, context),
            )
        except EngineError as error:
            raise QgsProcessingException(self.tr(error.message).format(**error.values)) from error
        result.distance_km[~has_xy] = np.nan
        result.within[~has_xy] = False
        self.raise_if_canceled(feedback)
        feedback.setProgress(60)
        # per demand feature
        fields = extended_fields(demand_source.fields(), DEMAND_FIELDS)
        sink, destination = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, demand_source.wkbType(), crs
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        rows = demand.drop(columns="geometry").to_dict("records")
        for k, row in enumerate(rows):
            row.update(
                distance_km=result.distance_km[k],
                facility_id=facility_ids[result.facility[k]] if result.facility[k] >= 0 else None,
                within=bool(result.within[k]),
                snap_m=result.snap_m[k],
            )
        write_features(sink, fields, list(demand.geometry), rows, feedback, (60.0, 80.0))
        results = {self.OUTPUT: destination}
        style_output(
            self, context, destination, style_path("waste_access"), self.tr("Distance to a waste point")
        )
        # per commune
        communes_source = self.parameterAsSource(parameters, self.COMMUNES, context)
        if communes_source is not None:
            communes = read_frame(communes_source, crs, context, communes_source.fields().names(), feedback)
            zone = zone_of_points(demand_xy, list(communes.geometry))
            shares = share_by_zone(zone, weight, result.within, len(communes))
            commune_fields = extended_fields(communes_source.fields(), COMMUNE_FIELDS)
            commune_sink, commune_destination = self.parameterAsSink(
                parameters, self.COMMUNES_OUTPUT, context, commune_fields, communes_source.wkbType(), crs
            )
            if commune_sink is not None:
                commune_rows = communes.drop(columns="geometry").to_dict("records")
                for k, row in enumerate(commune_rows):
                    row.update({name: values[k] for name, values in shares.items()})
                write_features(
                    commune_sink, commune_fields, list(communes.geometry), commune_rows, feedback, (80, 90)
                )
                results[self.COMMUNES_OUTPUT] = commune_destination
                style_output(
                    self,
                    context,
                    commune_destination,
                    style_path("waste_access_communes"),
                    self.tr("Residents within reach of a facility, per commune"),
                )
        # underserved areas
        radius = self.parameterAsDouble(parameters, self.CLUSTER_DISTANCE, context)
        areas = underserved_areas(
            demand_xy[has_xy], weight[has_xy], result.distance_km[has_xy], result.within[has_xy], radius
        )
        area_fields = extended_fields(QgsFields(), UNDERSERVED_FIELDS)
        area_sink, area_destination = self.parameterAsSink(
            parameters, self.UNDERSERVED, context, area_fields, QgsWkbTypes.Type.Polygon, crs
        )
        if area_sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.UNDERSERVED))
        area_rows = [dict(values, area_id=k + 1) for k, (_, values) in enumerate(areas)]
        write_features(
            area_sink, area_fields, [polygon for polygon, _ in areas], area_rows, feedback, (90, 100)
        )
        results[self.UNDERSERVED] = area_destination
        underserved_style = style_path("waste_access_underserved")
        style_output(self, context, area_destination, underserved_style, self.tr("Underserved areas"))
        total = float(weight.sum())
        served = float((weight * result.within).sum())
        feedback.pushInfo(
            self.tr("{served} of {total} inhabitants ({share} %) are within {km} km of a facility.").format(
                served=format_number(round(served)),
                total=format_number(round(total)),
                share=format_number(100 * served / total if total else 0.0, 1),
                km=format_number(threshold),
            )
        )
        if total > 0 and served == 0:
            from ..engine.errors import EngineWarning

            self.warn(
                feedback,
                EngineWarning(
                    "Nobody is within {km} km of a facility: check the facilities, the kinds kept and the "
                    "distance.",
                    km=self.local_number(threshold, 1),
                ),
            )
        return results
