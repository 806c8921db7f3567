"""Algorithm ``territoire:territory_profile``: key figures per commune (or EPCI) with the median."""

from __future__ import annotations

import unicodedata

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
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..engine.errors import EngineError
from ..engine.indicator_names import INDICATORS
from ..resources_paths import style_path
from .base import TerritoireAlgorithm

INTEGER_INDICATORS = {"icpe_count", "seveso_count", "decheteries_near"}
PROFILE_FIELDS = [
    ("zone_id", "text"),
    ("name", "text"),
    ("premises", "int"),
    *[(name, "int" if name in INTEGER_INDICATORS else "float") for name in INDICATORS],
    *[(f"{name}_median", "float") for name in INDICATORS],
]


def _plain(text: object) -> str:
    """Lower case without accents, to compare kinds such as "Déchèterie" and "decheterie"."""
    return unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().strip().lower()


class TerritoryProfileAlgorithm(TerritoireAlgorithm):
    """One row per commune or EPCI: population, FTTH, industry, waste, solar, Wi-Fi, port."""

    ALGORITHM_ID = "territory_profile"
    GROUP = "analysis"
    REQUIRES = ("numpy", "scipy", "geopandas")
    TAGS = ("indicators", "commune", "territory", "fibre", "waste", "solar")
    ADVANCED = (
        "FIELD_ID",
        "FIELD_NAME",
        "FIELD_POPULATION",
        "FIELD_PREMISES",
        "FIELD_FTTH",
        "FIELD_SEVESO",
        "FIELD_TONNES",
        "FIELD_KIND",
        "KIND_VALUE",
        "FIELD_SOLAR_KWH",
    )

    COMMUNES = "COMMUNES"
    FIELD_ID = "FIELD_ID"
    FIELD_NAME = "FIELD_NAME"
    FIELD_POPULATION = "FIELD_POPULATION"
    GROUP_FIELD = "GROUP_FIELD"
    FIBRE = "FIBRE"
    FIELD_PREMISES = "FIELD_PREMISES"
    FIELD_FTTH = "FIELD_FTTH"
    INDUSTRIAL_SITES = "INDUSTRIAL_SITES"
    FIELD_SEVESO = "FIELD_SEVESO"
    INDUSTRIAL_WASTE = "INDUSTRIAL_WASTE"
    FIELD_TONNES = "FIELD_TONNES"
    WASTE_POINTS = "WASTE_POINTS"
    FIELD_KIND = "FIELD_KIND"
    KIND_VALUE = "KIND_VALUE"
    DISTANCE = "DISTANCE"
    SOLAR = "SOLAR"
    FIELD_SOLAR_KWH = "FIELD_SOLAR_KWH"
    WIFI_COVERAGE = "WIFI_COVERAGE"
    PORT_ZONES = "PORT_ZONES"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:
        return self.tr("Territory profile per commune")

    def shortHelpString(self) -> str:
        return self.tr(
            "One row and one polygon per commune (or per EPCI when a grouping field is given) with: "
            "population, area (km²), density, FTTH rate (% of premises), number of industrial sites "
            "(ICPE) and of Seveso sites where the status is known, declared waste (t/yr), déchèteries "
            "within the given distance of the commune's centroid, rooftop solar potential (MWh/yr), "
            "share of the area covered by Wi-Fi (when a coverage layer is given) and port area (ha). "
            "Each indicator has a <name>_median field with the territory's median for comparison. "
            "An indicator whose layer is not given is NULL, as is the FTTH rate of a commune without "
            "premises. The export atlas turns the result into one profile page per commune."
        )

    def _source(self, name: str, description: str, types: list) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(name, description, types, optional=True))

    def _field(self, name: str, description: str, default: str, parent: str) -> None:
        self.addParameter(
            QgsProcessingParameterField(
                name, description, defaultValue=default, parentLayerParameterName=parent, optional=True
            )
        )

    def initAlgorithm(self, config=None) -> None:
        points = [QgsProcessing.SourceType.TypeVectorPoint]
        polygons = [QgsProcessing.SourceType.TypeVectorPolygon]
        any_geometry = [QgsProcessing.SourceType.TypeVectorAnyGeometry]
        self.addParameter(QgsProcessingParameterFeatureSource(self.COMMUNES, self.tr("Communes"), polygons))
        self._field(self.FIELD_ID, self.tr("Commune code field"), "code_insee", self.COMMUNES)
        self._field(self.FIELD_NAME, self.tr("Commune name field"), "name", self.COMMUNES)
        self._field(self.FIELD_POPULATION, self.tr("Population field"), "population", self.COMMUNES)
        self.addParameter(
            QgsProcessingParameterField(
                self.GROUP_FIELD,
                self.tr("Group communes by (e.g. epci; empty: one profile per commune)"),
                parentLayerParameterName=self.COMMUNES,
                optional=True,
            )
        )
        self._source(self.FIBRE, self.tr("Fibre eligibility per building"), any_geometry)
        self._field(self.FIELD_PREMISES, self.tr("Number of premises field"), "premises", self.FIBRE)
        self._field(self.FIELD_FTTH, self.tr("FTTH eligibility field"), "ftth", self.FIBRE)
        self._source(self.INDUSTRIAL_SITES, self.tr("Industrial sites (ICPE)"), any_geometry)
        self._field(self.FIELD_SEVESO, self.tr("Seveso status field"), "seveso", self.INDUSTRIAL_SITES)
        self._source(self.INDUSTRIAL_WASTE, self.tr("Declared industrial waste"), points)
        self._field(self.FIELD_TONNES, self.tr("Tonnes per year field"), "tonnes", self.INDUSTRIAL_WASTE)
        self._source(self.WASTE_POINTS, self.tr("Waste points (déchèteries)"), points)
        self._field(self.FIELD_KIND, self.tr("Waste point kind field"), "kind", self.WASTE_POINTS)
        self.addParameter(
            QgsProcessingParameterString(
                self.KIND_VALUE,
                self.tr("Kind of a déchèterie (empty: every waste point counts)"),
                defaultValue="decheterie",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterDistance(
                self.DISTANCE,
                self.tr("Count déchèteries within"),
                defaultValue=10_000.0,
                parentParameterName=self.COMMUNES,
                minValue=0.0,
            )
        )
        self._source(self.SOLAR, self.tr("Roofs with solar potential"), any_geometry)
        self._field(
            self.FIELD_SOLAR_KWH, self.tr("Yearly solar energy field (kWh)"), "potential_kwh", self.SOLAR
        )
        self._source(self.WIFI_COVERAGE, self.tr("Wi-Fi coverage polygons"), polygons)
        self._source(self.PORT_ZONES, self.tr("Port zones"), polygons)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Territory profile"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )

    def _field_value(self, parameters, name: str, source, context, what: str) -> str:
        """The chosen field, checked against ``source``; raises naming the layer when absent."""
        from ._layer_io import optional_field

        field = self.parameterAsString(parameters, name, context)
        if optional_field(source, field) is None:
            raise QgsProcessingException(
                self.tr("The layer {layer} has no field {field} ({what}): choose one.").format(
                    layer=source.sourceName(), field=field, what=what
                )
            )
        return field

    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback):
        from ..engine.fibre import normalise_premises
        from ..engine.profile import ProfileLayers, dissolve_zones, seveso_status, territory_profile
        from ._layer_io import extended_fields, read_frame, read_points, style_output, write_features

        communes = self.parameterAsSource(parameters, self.COMMUNES, context)
        if communes is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.COMMUNES))
        crs = communes.sourceCrs()
        self.require_projected_crs(crs, communes.sourceName())

        def source(name: str):
            return self.parameterAsSource(parameters, name, context)

        def field(name: str, layer) -> str | None:
            from ._layer_io import optional_field

            return optional_field(layer, self.parameterAsString(parameters, name, context))

        mapping = {
            column: field(parameter, communes)
            for column, parameter in (
                ("zone_id", self.FIELD_ID),
                ("name", self.FIELD_NAME),
                ("population", self.FIELD_POPULATION),
                ("group", self.GROUP_FIELD),
            )
        }
        group_field = self.parameterAsString(parameters, self.GROUP_FIELD, context)
        if group_field and mapping["group"] is None:
            raise QgsProcessingException(
                self.tr("The layer {layer} has no field {field} to group by.").format(
                    layer=communes.sourceName(), field=group_field
                )
            )
        zones = read_frame(communes, crs, context, {k: v for k, v in mapping.items() if v}, feedback)
        if mapping["population"]:
            zones["population"] = self.numeric_column(
                zones["population"], self.FIELD_POPULATION, mapping["population"], feedback
            )
        layers = ProfileLayers()
        fibre = source(self.FIBRE)
        if fibre is not None:
            ftth = self._field_value(parameters, self.FIELD_FTTH, fibre, context, self.tr("FTTH eligibility"))
            premises = field(self.FIELD_PREMISES, fibre)
            frame, _ = read_points(
                fibre, crs, context, {"ftth": ftth, **({"premises": premises} if premises else {})}, feedback
            )
            if premises:
                frame["premises"] = self.numeric_column(
                    frame["premises"], self.FIELD_PREMISES, premises, feedback
                )
            counts = normalise_premises(
                frame, premises="premises" if premises else None, down_class=None, techno=None
            )
            layers.fibre = counts.assign(x=frame["x"], y=frame["y"])
        feedback.setProgress(20)
        self.raise_if_canceled(feedback)
        sites = source(self.INDUSTRIAL_SITES)
        if sites is not None:
            seveso = field(self.FIELD_SEVESO, sites)
            frame, _ = read_points(sites, crs, context, {"seveso": seveso} if seveso else {}, feedback)
            if seveso:
                frame["seveso"] = frame["seveso"].map(seveso_status).astype(object)
            else:
                feedback.pushWarning(
                    self.tr("The industrial sites have no Seveso field: Seveso count is NULL.")
                )
            layers.sites = frame
        waste = source(self.INDUSTRIAL_WASTE)
        if waste is not None:
            tonnes = self._field_value(parameters, self.FIELD_TONNES, waste, context, self.tr("tonnes"))
            layers.waste, _ = read_points(waste, crs, context, {"tonnes": tonnes}, feedback)
            layers.waste["tonnes"] = self.numeric_column(
                layers.waste["tonnes"], self.FIELD_TONNES, tonnes, feedback
            )
        feedback.setProgress(40)
        self.raise_if_canceled(feedback)
        points = source(self.WASTE_POINTS)
        if points is not None:
            kind = field(self.FIELD_KIND, points)
            wanted = _plain(self.parameterAsString(parameters, self.KIND_VALUE, context) or "")
            frame, _ = read_points(points, crs, context, {"kind": kind} if kind else {}, feedback)
            if wanted and kind:
                frame = frame[frame["kind"].map(lambda value: value is not None and _plain(value) == wanted)]
            elif wanted:
                feedback.pushWarning(self.tr("The waste points have no kind field: every point counts."))
            layers.decheteries = frame[["x", "y"]].to_numpy(dtype=float)
        solar = source(self.SOLAR)
        if solar is not None:
            kwh = self._field_value(parameters, self.FIELD_SOLAR_KWH, solar, context, self.tr("solar energy"))
            layers.solar, _ = read_points(solar, crs, context, {"potential_kwh": kwh}, feedback)
            layers.solar["potential_kwh"] = self.numeric_column(
                layers.solar["potential_kwh"], self.FIELD_SOLAR_KWH, kwh, feedback
            )
        feedback.setProgress(60)
        self.raise_if_canceled(feedback)
        for name, attribute in ((self.WIFI_COVERAGE, "wifi"), (self.PORT_ZONES, "ports")):
            polygons = source(name)
            if polygons is not None:
                setattr(layers, attribute, read_frame(polygons, crs, context).geometry.dropna())
        try:
            if mapping["group"]:
                zones = dissolve_zones(zones, "group", "population" if mapping["population"] else None)
            profile = territory_profile(
                zones,
                layers,
                population="population" if "population" in zones else None,
                decheterie_distance_m=self.parameterAsDouble(parameters, self.DISTANCE, context),
            )
        except EngineError as error:
            raise QgsProcessingException(self.tr(error.message).format(**error.values)) from error
        feedback.setProgress(80)
        fields = extended_fields(QgsFields(), PROFILE_FIELDS)
        sink, destination = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.MultiPolygon, crs
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        rows = profile.to_dict("records")
        for row, zone_id, name in zip(
            rows,
            zones["zone_id"] if "zone_id" in zones else range(1, len(zones) + 1),
            zones["name"] if "name" in zones else [None] * len(zones),
        ):
            row.update(zone_id=None if zone_id is None else str(zone_id), name=name)
        geometries = [None if g is None else _multi(g) for g in zones.geometry]
        write_features(sink, fields, geometries, rows, feedback, (80.0, 100.0))
        style_output(
            self, context, destination, style_path("territory_profile"), self.tr("Territory profile")
        )
        return {self.OUTPUT: destination}


def _multi(geometry):
    """Every output geometry as a MultiPolygon (communes may be single polygons)."""
    from shapely.geometry import MultiPolygon

    return MultiPolygon([geometry]) if geometry.geom_type == "Polygon" else geometry
