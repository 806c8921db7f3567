"""Algorithm ``territoire:shared_facility``: the best site(s) among candidates for a service several
actors share (a restaurant, a sorting platform, a seawater intake, a heat substation)."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateTransform,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..i18n_support import user_qlocale
from .base import TerritoireAlgorithm


class SharedFacilityAlgorithm(TerritoireAlgorithm):
    """Demand-weighted 1-median (enumeration) or p-median (MILP) among candidate sites."""

    ALGORITHM_ID = "shared_facility"
    GROUP = "analysis"
    REQUIRES = ("numpy", "scipy", "geopandas", "osgeo")
    TAGS = ("symbiosis", "shared facility", "access", "decision")
    ADVANCED = (
        "NAME_FIELD", "WEIGHT_FIELD", "CANDIDATE_ID_FIELD", "SNAP_TOLERANCE", "MAX_DISTANCE",
        "SUITABILITY_MODE", "MIN_SUITABILITY", "SUITABILITY_WEIGHT", "THRESHOLD_UNIT", "SPEED",
    )  # fmt: skip

    ACTORS = "ACTORS"
    NAME_FIELD = "NAME_FIELD"
    WEIGHT_FIELD = "WEIGHT_FIELD"
    SURVEY = "SURVEY"
    SERVICE = "SERVICE"
    PLACES = "PLACES"
    CANDIDATES = "CANDIDATES"
    CANDIDATE_ID_FIELD = "CANDIDATE_ID_FIELD"
    COUNT = "COUNT"
    DISTANCE = "DISTANCE"
    ROADS = "ROADS"
    SNAP_TOLERANCE = "SNAP_TOLERANCE"
    MAX_DISTANCE = "MAX_DISTANCE"
    SUITABILITY = "SUITABILITY"
    SUITABILITY_MODE = "SUITABILITY_MODE"
    MIN_SUITABILITY = "MIN_SUITABILITY"
    SUITABILITY_WEIGHT = "SUITABILITY_WEIGHT"
    THRESHOLD = "THRESHOLD"
    THRESHOLD_UNIT = "THRESHOLD_UNIT"
    SPEED = "SPEED"
    SITES = "SITES"
    ASSIGNMENTS = "ASSIGNMENTS"
    SUMMARY = "SUMMARY"

    def displayName(self) -> str:
        return self.tr("Shared facility site")

    def shortHelpString(self) -> str:
        return self.tr(
            "Chooses the best site among candidate points or parcels for a service several actors need "
            "(a restaurant, a sorting platform, a seawater intake, a heat-network substation): the one "
            "that minimises the demand-weighted distance, straight or along the roads (1-median), or the "
            "best COUNT sites together (p-median). Exact: every candidate is evaluated for one site; a "
            "mixed-integer programme (HiGHS) chooses several. The actors are a point layer with a weight "
            "field (people, tonnes...) or the needs of one service in a symbiosis survey (weight: the "
            "quantity). A suitability raster (0-100, e.g. territoire:site_suitability) is either a "
            "constraint (sites below the minimum are left out) or a weight (a site's distances count "
            "1 + k x (100 - suitability) / 100 times). Reports each actor's distance and time and the "
            "share of the weight within the threshold (metres or minutes at the given speed)."
        )

    def initAlgorithm(self, config=None) -> None:
        points = [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon]
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ACTORS, self.tr("Actors (points)"), points, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.NAME_FIELD,
                self.tr("Actor name field"),
                parentLayerParameterName=self.ACTORS,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.WEIGHT_FIELD,
                self.tr("Weight field (empty: 1 per actor)"),
                parentLayerParameterName=self.ACTORS,
                type=QgsProcessingParameterField.DataType.Numeric,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.SURVEY,
                self.tr("Or a symbiosis survey (GeoPackage, CSV or XLSX)"),
                QgsProcessingParameterFile.Behavior.File,
                fileFilter="Survey (*.gpkg *.csv *.xlsx)",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.SERVICE, self.tr("Service of the survey's needs (e.g. restaurant)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.PLACES,
                self.tr("ICPE / IREP sites, to place survey rows without a point"),
                QgsProcessing.SourceType.TypeVectorAnyGeometry,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.CANDIDATES, self.tr("Candidate sites"), points)
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.CANDIDATE_ID_FIELD,
                self.tr("Candidate identifier field"),
                parentLayerParameterName=self.CANDIDATES,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.COUNT,
                self.tr("Number of sites"),
                QgsProcessingParameterNumber.Type.Integer,
                1,
                minValue=1,
            )
        )
        self.addParameter(self.distance_kind_parameter())
        for definition in self.road_parameters(snap_tolerance_m=500.0):
            self.addParameter(definition)
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_DISTANCE,
                self.tr("Maximum distance (km, 0 = no limit)"),
                QgsProcessingParameterNumber.Type.Double,
                0.0,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterLayer(
                self.SUITABILITY, self.tr("Suitability raster (0-100)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.SUITABILITY_MODE,
                self.tr("Suitability used as"),
                options=[self.tr("Constraint (minimum)"), self.tr("Weight on distances")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MIN_SUITABILITY,
                self.tr("Minimum suitability"),
                QgsProcessingParameterNumber.Type.Double,
                50.0,
                minValue=0.0,
                maxValue=100.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.SUITABILITY_WEIGHT,
                self.tr("Weight k of unsuitability on distances"),
                QgsProcessingParameterNumber.Type.Double,
                1.0,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.THRESHOLD,
                self.tr("Threshold for the share within"),
                QgsProcessingParameterNumber.Type.Double,
                1000.0,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.THRESHOLD_UNIT,
                self.tr("Threshold unit"),
                options=[self.tr("Metres"), self.tr("Minutes")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.SPEED,
                self.tr("Speed for the times (km/h)"),
                QgsProcessingParameterNumber.Type.Double,
                30.0,
                minValue=0.1,
            )
        )
        for name, description, kind in (
            (self.SITES, self.tr("Candidate sites ranked"), QgsProcessing.SourceType.TypeVectorPoint),
            (self.ASSIGNMENTS, self.tr("Actors and their site"), QgsProcessing.SourceType.TypeVectorLine),
            (self.SUMMARY, self.tr("Shared facility summary"), QgsProcessing.SourceType.TypeVector),
        ):
            self.addParameter(QgsProcessingParameterFeatureSink(name, description, kind))
        self.addOutput(QgsProcessingOutputString("CHOSEN", self.tr("Chosen sites")))

    def checkParameterValues(self, parameters, context):
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        if not parameters.get(self.ACTORS) and not (
            parameters.get(self.SURVEY) and parameters.get(self.SERVICE)
        ):
            return False, self.tr("Give the actors: a point layer (ACTORS), or a survey and a service.")
        if self.parameterAsEnum(parameters, self.DISTANCE, context) == 1 and not parameters.get(self.ROADS):
            return False, self.tr("Distances along the roads need a road layer (ROADS).")
        return True, ""

    def _actors(self, parameters, context, crs, feedback):
        import numpy as np

        from ._layer_io import optional_field, read_points
        from ._survey_io import read_checked_survey

        source = self.parameterAsSource(parameters, self.ACTORS, context)
        if source is not None:
            mapping = {}
            for column, parameter in (("name", self.NAME_FIELD), ("weight", self.WEIGHT_FIELD)):
                field = optional_field(source, self.parameterAsString(parameters, parameter, context))
                if field:
                    mapping[column] = field
            frame, _ = read_points(source, crs, context, mapping, feedback)
            keep = frame["x"].notna().to_numpy()
            names = (
                [str(v) for v in frame["name"]]
                if "name" in frame
                else [f"{i + 1}" for i in range(len(frame))]
            )
            weights = (
                [np.nan if v is None else float(v) for v in frame["weight"]]
                if "weight" in frame
                else [1.0] * len(frame)
            )
            xy = frame[["x", "y"]].to_numpy(float)
            return [n for n, k in zip(names, keep) if k], xy[keep], np.asarray(weights, float)[keep]
        from ..engine.symbiosis_survey import parse_spec

        service = parse_spec("service", "need", self.parameterAsString(parameters, self.SERVICE, context))
        survey = read_checked_survey(self, parameters, self.SURVEY, self.PLACES, context, crs, feedback)
        rows = [
            r for r in survey.rows if r.role == "need" and r.resource == "service" and r.quality == service
        ]
        if not rows:
            raise QgsProcessingException(
                self.tr("The survey has no need for the service {service}.").format(service=service)
            )
        names = [self.tr("Confidential actor {number}").format(number=i + 1) if r.confidential else r.actor
                 for i, r in enumerate(rows)]  # fmt: skip
        return names, np.array([[r.x, r.y] for r in rows]), np.array([r.quantity for r in rows])

    def _suitability(self, parameters, context, xy, crs):
        import numpy as np

        raster = self.parameterAsRasterLayer(parameters, self.SUITABILITY, context)
        if raster is None:
            return None
        transform = QgsCoordinateTransform(crs, raster.crs(), context.transformContext())
        values = []
        for x, y in xy:
            value, ok = raster.dataProvider().sample(transform.transform(QgsPointXY(x, y)), 1)
            values.append(float(value) if ok else np.nan)
        return np.asarray(values, float)

    def processAlgorithm(self, parameters, context, feedback):
        import numpy as np

        from ..engine.errors import EngineError
        from ..engine.shared_facility import ACTOR_FIELDS, SITE_FIELDS, SUMMARY_FIELDS, Options, locate
        from ._layer_io import optional_field, read_points
        from ._survey_io import write_record_outputs
        from .waste_flows import read_network

        candidates = self.parameterAsSource(parameters, self.CANDIDATES, context)
        if candidates is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.CANDIDATES))
        crs = candidates.sourceCrs()
        self.require_projected_crs(crs, candidates.sourceName())
        names, demand, weight = self._actors(parameters, context, crs, feedback)
        id_field = optional_field(
            candidates, self.parameterAsString(parameters, self.CANDIDATE_ID_FIELD, context)
        )
        frame, _ = read_points(candidates, crs, context, {"id": id_field} if id_field else {}, feedback)
        keep = frame["x"].notna().to_numpy()
        ids = [str(v) for v in frame["id"]] if id_field else [str(i + 1) for i in range(len(frame))]
        ids = [v for v, k in zip(ids, keep) if k]
        xy = frame[["x", "y"]].to_numpy(float)[keep]
        speed = self.parameterAsDouble(parameters, self.SPEED, context)
        threshold = self.parameterAsDouble(parameters, self.THRESHOLD, context)
        if self.parameterAsEnum(parameters, self.THRESHOLD_UNIT, context) == 1:
            threshold = threshold * speed * 1000.0 / 60.0  # minutes → metres
        network = None
        distance = "network" if self.parameterAsEnum(parameters, self.DISTANCE, context) == 1 else "straight"
        if distance == "network":
            network = read_network(
                self, self.parameterAsSource(parameters, self.ROADS, context), crs, context, feedback
            )
        max_km = self.parameterAsDouble(parameters, self.MAX_DISTANCE, context)
        options = Options(
            count=self.parameterAsInt(parameters, self.COUNT, context),
            distance=distance,
            network=network,
            snap_tolerance=self.parameterAsDouble(parameters, self.SNAP_TOLERANCE, context),
            limit_m=max_km * 1000.0 if max_km > 0 else np.inf,
            threshold_m=threshold,
            speed_kmh=speed,
            suitability=self._suitability(parameters, context, xy, crs),
            suitability_mode="weight"
            if self.parameterAsEnum(parameters, self.SUITABILITY_MODE, context)
            else "constraint",
            min_suitability=self.parameterAsDouble(parameters, self.MIN_SUITABILITY, context),
            suitability_weight=self.parameterAsDouble(parameters, self.SUITABILITY_WEIGHT, context),
        )
        self.raise_if_canceled(feedback)
        feedback.setProgressText(self.tr("Choosing the site"))
        try:
            result = locate(names, demand, weight, ids, xy, options)
        except EngineError as error:
            raise QgsProcessingException(self.tr(error.message).format(**error.values)) from error
        outputs = (
            (self.SITES, SITE_FIELDS, result.sites, QgsWkbTypes.Type.Point, "shared_facility_sites",
             self.tr("Candidate sites ranked")),
            (self.ASSIGNMENTS, ACTOR_FIELDS, result.actors, QgsWkbTypes.Type.LineString,
             "shared_facility_actors", self.tr("Actors and their site")),
            (self.SUMMARY, SUMMARY_FIELDS, result.summary, QgsWkbTypes.Type.NoGeometry, "",
             self.tr("Shared facility summary")),
        )  # fmt: skip
        results = write_record_outputs(self, parameters, context, feedback, crs, outputs, 90.0, 3.0)
        chosen = ", ".join(result.sites[j]["site_id"] for j in result.chosen)
        locale = user_qlocale()
        summary = {row["indicator"]: row["value"] for row in result.summary}
        feedback.pushInfo(
            self.tr("Chosen: {sites}; {share} % of the weight within {threshold} m.").format(
                sites=chosen,
                share=locale.toString(
                    float(summary["share of the weight within the threshold"] or 0), "f", 0
                ),
                threshold=locale.toString(float(threshold), "f", 0),
            )
        )
        results["CHOSEN"] = chosen
        return results
