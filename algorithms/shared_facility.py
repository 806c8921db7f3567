"""Algorithm ``territoire:shared_facility``: the best site(s) among candidates for a service several
actors share (a restaurant, a sorting platform, a seawater intake, a heat substation)."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateTransform,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..engine.symbiosis_options import SharedFacilityOptions as Options
from ._engine_io import RoadsChecked, add_km_aliases, roads_parameter
from ._options import add_options
from .base import TerritoireAlgorithm


class SharedFacilityAlgorithm(RoadsChecked, TerritoireAlgorithm):
    """Demand-weighted 1-median (enumeration) or p-median (MILP) among candidate sites."""

    ALGORITHM_ID = "shared_facility"
    GROUP = "analysis"
    REQUIRES = ("numpy", "scipy", "geopandas", "osgeo")
    TAGS = ("symbiosis", "shared facility", "access", "decision")
    ADVANCED = ("NAME_FIELD", "WEIGHT_FIELD", "CANDIDATE_ID_FIELD")
    #: Deprecated parameters in km (older models and scripts) and their successors in metres.
    KM_ALIASES = (("MAX_DISTANCE", "MAX_DISTANCE_M"),)

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
        add_options(self, Options, only=("count", "distance"))
        self.addParameter(roads_parameter())
        add_options(self, Options, self.CANDIDATES, only=("snap_tolerance", "max_distance"))
        add_km_aliases(self)
        self.addParameter(
            QgsProcessingParameterRasterLayer(
                self.SUITABILITY, self.tr("Suitability raster (0-100)"), optional=True
            )
        )
        add_options(
            self,
            Options,
            only=("suitability_mode", "min_suitability", "suitability_weight", "threshold", "threshold_unit",
                  "speed_kmh"),
        )  # fmt: skip
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
        return True, ""

    def _actors(self, parameters, context, crs, feedback):
        import numpy as np

        from ._engine_io import field_mapping
        from ._layer_io import read_points
        from ._survey_io import read_checked_survey

        source = self.parameterAsSource(parameters, self.ACTORS, context)
        if source is not None:
            columns = {"name": self.NAME_FIELD, "weight": self.WEIGHT_FIELD}
            frame, _ = read_points(
                source, crs, context, field_mapping(self, parameters, source, context, columns), feedback
            )
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

    def _candidates(self, parameters, context, crs, feedback):
        """Identifiers and coordinates of the candidate sites that have a geometry."""
        from ._layer_io import optional_field, read_points

        candidates = self.parameterAsSource(parameters, self.CANDIDATES, context)
        id_field = optional_field(
            candidates, self.parameterAsString(parameters, self.CANDIDATE_ID_FIELD, context)
        )
        frame, _ = read_points(candidates, crs, context, {"id": id_field} if id_field else {}, feedback)
        keep = frame["x"].notna().to_numpy()
        ids = [str(v) for v in frame["id"]] if id_field else [str(i + 1) for i in range(len(frame))]
        return [v for v, k in zip(ids, keep) if k], frame[["x", "y"]].to_numpy(float)[keep]

    def processAlgorithm(self, parameters, context, feedback):
        from dataclasses import replace

        from ..engine.shared_facility import ACTOR_FIELDS, SITE_FIELDS, SUMMARY_FIELDS, locate
        from ._engine_io import metres_for_km, run_engine, with_network, write_record_outputs
        from ._options import read_options

        candidates = self.parameterAsSource(parameters, self.CANDIDATES, context)
        if candidates is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.CANDIDATES))
        crs = candidates.sourceCrs()
        self.require_projected_crs(crs, candidates.sourceName())
        parameters = metres_for_km(self, parameters, context, feedback)
        options = read_options(self, Options, parameters, context)
        names, demand, weight = self._actors(parameters, context, crs, feedback)
        ids, xy = self._candidates(parameters, context, crs, feedback)
        options = with_network(self, options, parameters, crs, context, feedback)
        options = replace(options, suitability=self._suitability(parameters, context, xy, crs))
        self.raise_if_canceled(feedback)
        feedback.setProgressText(self.tr("Choosing the site"))
        result = run_engine(locate, names, demand, weight, ids, xy, options)
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
        summary = {row["indicator"]: row["value"] for row in result.summary}
        feedback.pushInfo(
            self.tr("Chosen: {sites}; {share} % of the weight within {threshold} m.").format(
                sites=chosen,
                share=self.local_number(float(summary["share of the weight within the threshold"] or 0)),
                threshold=self.local_number(float(options.threshold_m)),
            )
        )
        results["CHOSEN"] = chosen
        return results
