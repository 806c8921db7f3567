"""Algorithm ``territoire:territory_profile``: key figures per commune (or EPCI) with the median."""

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

from ..engine.profile_options import ProfileOptions
from ..resources_paths import style_path
from ._options import add_options
from .base import TerritoireAlgorithm

# (column of the engine's zone table, field parameter of the communes)
ZONE_FIELDS = (
    ("zone_id", "FIELD_ID"),
    ("name", "FIELD_NAME"),
    ("population", "FIELD_POPULATION"),
    ("group", "GROUP_FIELD"),
)
# layer parameter, ProfileLayers attribute, (column, field parameter, read as numbers) of the layer
POINT_LAYERS = (
    ("FIBRE", "fibre", (("ftth", "FIELD_FTTH", False), ("premises", "FIELD_PREMISES", True))),
    ("INDUSTRIAL_SITES", "sites", (("seveso", "FIELD_SEVESO", False),)),
    ("INDUSTRIAL_WASTE", "waste", (("tonnes", "FIELD_TONNES", True),)),
    ("WASTE_POINTS", "decheteries", (("kind", "FIELD_KIND", False),)),
    ("SOLAR", "solar", (("potential_kwh", "FIELD_SOLAR_KWH", True),)),
)
POLYGON_LAYERS = (("WIFI_COVERAGE", "wifi"), ("PORT_ZONES", "ports"))


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
        add_options(self, ProfileOptions, self.COMMUNES)
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

    def required_fields(self) -> dict[str, str]:
        """The field parameters a layer cannot do without, and what the field holds."""
        return {
            self.FIELD_FTTH: self.tr("FTTH eligibility"),
            self.FIELD_TONNES: self.tr("tonnes"),
            self.FIELD_SOLAR_KWH: self.tr("solar energy"),
        }

    def read_zones(self, parameters, context, feedback):
        """The communes (zone_id, name, population, group as mapped) and the CRS of the run."""
        from ._analysis_io import mapped_fields, numeric_columns
        from ._layer_io import read_frame

        communes = self.parameterAsSource(parameters, self.COMMUNES, context)
        if communes is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.COMMUNES))
        crs = communes.sourceCrs()
        self.require_projected_crs(crs, communes.sourceName())
        mapping = mapped_fields(self, parameters, context, communes, ZONE_FIELDS)
        group_field = self.parameterAsString(parameters, self.GROUP_FIELD, context)
        if group_field and "group" not in mapping:
            raise QgsProcessingException(
                self.tr("The layer {layer} has no field {field} to group by.").format(
                    layer=communes.sourceName(), field=group_field
                )
            )
        zones = read_frame(communes, crs, context, mapping, feedback)
        numeric_columns(self, zones, mapping, ZONE_FIELDS[2:3], feedback)
        return zones, crs

    def read_layers(self, parameters, context, feedback, crs):
        """The optional layers as the engine reads them (ProfileLayers; None: not given)."""
        from ..engine.profile import ProfileLayers
        from ._analysis_io import mapped_fields, numeric_columns
        from ._layer_io import read_frame, read_points

        layers = ProfileLayers()
        required = self.required_fields()
        for step, (name, attribute, columns) in enumerate(POINT_LAYERS):
            source = self.parameterAsSource(parameters, name, context)
            if source is None:
                continue
            pairs = [(column, parameter) for column, parameter, _numeric in columns]
            mapping = mapped_fields(self, parameters, context, source, pairs)
            for column, parameter in pairs:
                if parameter in required and column not in mapping:
                    raise QgsProcessingException(
                        self.tr("The layer {layer} has no field {field} ({what}): choose one.").format(
                            layer=source.sourceName(),
                            field=self.parameterAsString(parameters, parameter, context),
                            what=required[parameter],
                        )
                    )
            frame, _ = read_points(source, crs, context, mapping, feedback)
            numeric_columns(self, frame, mapping, [(c, p) for c, p, numeric in columns if numeric], feedback)
            setattr(layers, attribute, frame)
            feedback.setProgress(60 * (step + 1) / len(POINT_LAYERS))
            self.raise_if_canceled(feedback)
        for name, attribute in POLYGON_LAYERS:
            polygons = self.parameterAsSource(parameters, name, context)
            if polygons is not None:
                setattr(layers, attribute, read_frame(polygons, crs, context).geometry.dropna())
        return layers

    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback):
        from ..engine.profile import profile_of_zones
        from ..engine.profile_options import PROFILE_COLUMNS
        from ._analysis_io import engine_errors, write_table
        from ._layer_io import extended_fields
        from ._options import read_options

        with engine_errors(self):
            options = read_options(self, ProfileOptions, parameters, context)
        zones, crs = self.read_zones(parameters, context, feedback)
        layers = self.read_layers(parameters, context, feedback, crs)
        with engine_errors(self):
            profile = profile_of_zones(zones, layers, options)
        for warning in profile.warnings:
            self.warn(feedback, warning)
        feedback.setProgress(80)
        fields = extended_fields(QgsFields(), PROFILE_COLUMNS)
        destination = write_table(
            self, parameters, self.OUTPUT, context, profile.zones, fields, QgsWkbTypes.Type.MultiPolygon,
            crs, feedback, (80.0, 100.0), style_path("territory_profile"), self.tr("Territory profile"),
            required=True,
        )  # fmt: skip
        return {self.OUTPUT: destination}
