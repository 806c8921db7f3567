"""Algorithm ``territoire:solar_potential``: rooftop solar potential per roof, zone and site."""

from __future__ import annotations

from qgis.core import (
    QgsFields,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsWkbTypes,
)

from ..engine.solar_options import DEFAULT_USAGES, USAGE_KINDS, USAGES, SolarSettings
from ..resources_paths import style_path
from ._options import add_options
from .base import TerritoireAlgorithm

# (column of the normalised schema, field parameter)
MAPPED_FIELDS = (
    ("roof_id", "FIELD_ROOF_ID"),
    ("building_id", "FIELD_BUILDING_ID"),
    ("usage", "FIELD_USAGE"),
    ("roof_area", "FIELD_ROOF_AREA"),
    ("usable_area", "FIELD_USABLE_AREA"),
    ("irradiation", "FIELD_IRRADIATION"),
)
NUMERIC_FIELDS = MAPPED_FIELDS[3:]


NUMBER_OPTIONS = (
    "panel_density",
    "performance_ratio",
    "grid_factor",
    "min_area",
    "usable_share",
    "specific_yield",
)


class SolarPotentialAlgorithm(TerritoireAlgorithm):
    """kWp, kWh/yr and CO₂ avoided per roof from a solar cadastre; totals, top roofs, sites."""

    ALGORITHM_ID = "solar_potential"
    GROUP = "analysis"
    REQUIRES = ("numpy", "scipy", "geopandas")
    TAGS = ("solar", "photovoltaic", "territory")
    ADVANCED = (
        "FIELD_ROOF_ID",
        "FIELD_BUILDING_ID",
        "FIELD_USAGE",
        "FIELD_ROOF_AREA",
        "FIELD_USABLE_AREA",
        "FIELD_IRRADIATION",
    )

    ROOFS = "ROOFS"
    PANEL_DENSITY = "PANEL_DENSITY"
    PERFORMANCE_RATIO = "PERFORMANCE_RATIO"
    SPECIFIC_YIELD = "SPECIFIC_YIELD"
    GRID_FACTOR = "GRID_FACTOR"
    USABLE_SHARE = "USABLE_SHARE"
    MIN_AREA = "MIN_AREA"
    USAGES = "USAGES"
    TOP_N = "TOP_N"
    ZONES = "ZONES"
    SITES = "SITES"
    SITE_RADIUS = "SITE_RADIUS"
    OUTPUT = "OUTPUT"
    TOP_OUTPUT = "TOP_OUTPUT"
    ZONES_OUTPUT = "ZONES_OUTPUT"
    SITES_OUTPUT = "SITES_OUTPUT"

    def displayName(self) -> str:
        return self.tr("Rooftop solar potential")

    def shortHelpString(self) -> str:
        return self.tr(
            "From a solar cadastre (or the roofs of the open-data loader), computes per roof the usable "
            "area, the peak power (panel density in kWp/m²), the yearly energy (irradiation × performance "
            "ratio, or the PVGIS specific yield for roofs without irradiation) and the CO₂ avoided (grid "
            "emission factor). Local cadastres name their fields differently: map them with the field "
            "parameters. Roofs are filtered by minimum usable area and use (industrial, commercial, "
            "public by default). Optional outputs: the top roofs, totals per zone, and for industrial "
            "sites their roof potential and its share of the total (a roof belongs to the polygonal site "
            "holding it, else to the nearest point site within the site radius)."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ROOFS,
                self.tr("Roofs (solar cadastre)"),
                [QgsProcessing.SourceType.TypeVectorPolygon, QgsProcessing.SourceType.TypeVectorPoint],
            )
        )
        descriptions = {
            "FIELD_ROOF_ID": self.tr("Roof identifier field"),
            "FIELD_BUILDING_ID": self.tr("Building identifier field"),
            "FIELD_USAGE": self.tr("Building use field (industrial, commercial, Industriel...)"),
            "FIELD_ROOF_AREA": self.tr("Roof area field (m²)"),
            "FIELD_USABLE_AREA": self.tr("Usable roof area field (m²)"),
            "FIELD_IRRADIATION": self.tr("Irradiation field (kWh/m²/yr on the roof)"),
        }
        for column, parameter in MAPPED_FIELDS:
            self.addParameter(
                QgsProcessingParameterField(
                    parameter,
                    descriptions[parameter],
                    defaultValue=column,
                    parentLayerParameterName=self.ROOFS,
                    optional=True,
                )
            )
        add_options(self, SolarSettings, only=NUMBER_OPTIONS)
        self.addParameter(
            QgsProcessingParameterEnum(
                self.USAGES,
                self.tr("Building uses to keep (none ticked: every roof)"),
                options=[self.tr(choice.label) for choice in USAGES],
                allowMultiple=True,
                defaultValue=[USAGE_KINDS.index(kind) for kind in USAGE_KINDS if kind in DEFAULT_USAGES],
                optional=True,
            )
        )
        add_options(self, SolarSettings, only=("top_n",))
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ZONES,
                self.tr("Zones for totals (communes...)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SITES,
                self.tr("Industrial sites"),
                [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        add_options(self, SolarSettings, self.ROOFS, only=("site_radius",))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Solar potential per roof")))
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.TOP_OUTPUT, self.tr("Top roofs"), optional=True, createByDefault=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.ZONES_OUTPUT,
                self.tr("Solar potential per zone"),
                QgsProcessing.SourceType.TypeVectorPolygon,
                optional=True,
                createByDefault=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.SITES_OUTPUT,
                self.tr("Solar potential of industrial sites"),
                optional=True,
                createByDefault=True,
            )
        )

    def settings(self, parameters, context) -> SolarSettings:
        """The settings of the run, the uses ticked given as indexes (or as keys in scripts)."""
        from ..engine.options import OptionSpec
        from ._options import read_options

        raw = parameters.get(self.USAGES)
        if isinstance(raw, str) or (isinstance(raw, (list, tuple)) and any(isinstance(v, str) for v in raw)):
            uses = [str(use).strip() for use in (raw.split(",") if isinstance(raw, str) else raw)]
        else:  # indexes, or nothing given: the parameter's default
            uses = self.parameterAsEnums(parameters, self.USAGES, context)
        spec = OptionSpec(self.USAGES, "", "choice", choices=USAGES)
        kinds = frozenset(spec.choice_key(use) for use in uses if str(use))
        return read_options(self, SolarSettings, parameters, context, usages=kinds or None)

    def read_roofs(self, parameters, context, feedback, settings: SolarSettings):
        """The roofs (mapped columns, x, y), their QGIS geometries and their polygon areas."""
        import numpy as np

        from ._analysis_io import mapped_fields, numeric_columns
        from ._layer_io import read_points

        roofs = self.parameterAsSource(parameters, self.ROOFS, context)
        if roofs is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.ROOFS))
        self.require_projected_crs(roofs.sourceCrs(), roofs.sourceName())
        mapping = mapped_fields(self, parameters, context, roofs, MAPPED_FIELDS)
        if "usage" not in mapping and settings.usages:
            feedback.pushWarning(self.tr("The roofs have no use field: every use is kept."))
        feedback.setProgressText(self.tr("Reading the roofs"))
        frame, shapes = read_points(roofs, roofs.sourceCrs(), context, mapping, feedback)
        numeric_columns(self, frame, mapping, NUMERIC_FIELDS, feedback)
        polygon = QgsWkbTypes.GeometryType.PolygonGeometry
        areas = np.array([g.area() if g.type() == polygon else np.nan for g in shapes])
        return roofs, frame, shapes, areas

    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback):
        from dataclasses import replace

        from ..engine.solar import solar_potential
        from ..engine.solar_options import ROOF_OUTPUT_COLUMNS, TOTAL_COLUMNS
        from ._analysis_io import engine_errors, write_table
        from ._layer_io import extended_fields, read_frame

        with engine_errors(self):
            settings = self.settings(parameters, context)
        roofs, frame, shapes, areas = self.read_roofs(parameters, context, feedback, settings)
        if "usage" not in frame:
            settings = replace(settings, usages=None)  # a use filter needs a use field
        crs = roofs.sourceCrs()
        zones = self.parameterAsSource(parameters, self.ZONES, context)
        sites = self.parameterAsSource(parameters, self.SITES, context)
        feedback.setProgress(30)
        with engine_errors(self):
            result = solar_potential(
                frame,
                settings,
                areas,
                read_frame(zones, crs, context, zones.fields().names(), feedback) if zones else None,
                read_frame(sites, crs, context, sites.fields().names(), feedback) if sites else None,
            )
        feedback.setProgress(50)
        fields = extended_fields(QgsFields(), ROOF_OUTPUT_COLUMNS)
        ordered = [shapes[i] for i in result.roofs.index]
        style, top = style_path("solar_potential"), settings.top_n
        outputs = {
            name: write_table(
                self, parameters, name, context, table, fields, roofs.wkbType(), crs, feedback, span,
                style, title, geometries=geometries, required=name == self.OUTPUT,
            )
            for name, table, geometries, span, title in (
                (self.OUTPUT, result.roofs, ordered, (50.0, 80.0), self.tr("Solar potential")),
                (self.TOP_OUTPUT, result.roofs[:top], ordered[:top], (80.0, 85.0), self.tr("Top roofs")),
            )
        }  # fmt: skip
        for name, table, source, span, style, title in (
            (self.ZONES_OUTPUT, result.zones, zones, (85.0, 92.0), style_path("solar_potential_zones"),
             self.tr("Solar potential per zone")),
            (self.SITES_OUTPUT, result.sites, sites, (92.0, 100.0), "", self.tr("Solar sites")),
        ):  # fmt: skip
            if table is not None:
                extra = [*TOTAL_COLUMNS, *([("share_pct", "float")] if "share_pct" in table else [])]
                out_fields = extended_fields(source.fields(), extra)
                outputs[name] = write_table(
                    self, parameters, name, context, table, out_fields, source.wkbType(), crs, feedback,
                    span, style, title,
                )  # fmt: skip
        feedback.pushInfo(
            self.tr(
                "{kept} of {read} roofs kept: {mwh} MWh/yr, {kwp} kWp, {co2} t CO₂ avoided per year; "
                "{unknown} roofs without irradiation or yield (energy NULL)."
            ).format(**result.summary())
        )
        return {name: destination for name, destination in outputs.items() if destination}
