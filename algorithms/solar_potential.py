"""Algorithm ``territoire:solar_potential``: rooftop solar potential per roof, zone and site."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import (
    QgsFields,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterDistance,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..engine.errors import EngineError
from ..resources_paths import style_path
from .base import TerritoireAlgorithm

if TYPE_CHECKING:
    from ..engine.solar import SolarSettings

ROOF_FIELDS = [
    ("roof_id", "text"),
    ("building_id", "text"),
    ("usage", "text"),
    ("roof_area", "float"),
    ("usable_area", "float"),
    ("irradiation", "float"),
    ("potential_kwp", "float"),
    ("potential_kwh", "float"),
    ("co2_avoided_t", "float"),
    ("yield_source", "text"),
    ("rank", "int"),
]
TOTAL_FIELDS = [
    ("roofs", "int"),
    ("usable_area", "float"),
    ("potential_kwp", "float"),
    ("potential_kwh", "float"),
    ("co2_avoided_t", "float"),
    ("roofs_without_yield", "int"),
]
# (parameter, column of the normalised schema)
MAPPED_FIELDS = (
    ("FIELD_ROOF_ID", "roof_id"),
    ("FIELD_BUILDING_ID", "building_id"),
    ("FIELD_USAGE", "usage"),
    ("FIELD_ROOF_AREA", "roof_area"),
    ("FIELD_USABLE_AREA", "usable_area"),
    ("FIELD_IRRADIATION", "irradiation"),
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
        "PANEL_DENSITY",
        "PERFORMANCE_RATIO",
        "GRID_FACTOR",
        "SPECIFIC_YIELD",
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
        for parameter, column in MAPPED_FIELDS:
            self.addParameter(
                QgsProcessingParameterField(
                    parameter,
                    descriptions[parameter],
                    defaultValue=column,
                    parentLayerParameterName=self.ROOFS,
                    optional=True,
                )
            )
        numbers = [
            (self.PANEL_DENSITY, self.tr("Panel density (kWp per m² of usable roof)"), 0.2, 0.01, 1.0, False),
            (
                self.PERFORMANCE_RATIO,
                self.tr("Performance ratio (applied to irradiation)"),
                0.8,
                0.1,
                1.0,
                False,
            ),
            (self.GRID_FACTOR, self.tr("Grid emission factor (g CO₂ per kWh)"), 52.0, 0.0, 2000.0, False),
            (self.MIN_AREA, self.tr("Minimum usable area of a roof (m²)"), 20.0, 0.0, None, False),
            (
                self.USABLE_SHARE,
                self.tr("Usable share of the roof area when the usable area is unknown"),
                0.6,
                0.01,
                1.0,
                True,
            ),
        ]
        for name, description, default, minimum, maximum, advanced in numbers:
            parameter = QgsProcessingParameterNumber(
                name,
                description,
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=default,
                minValue=minimum,
            )
            if maximum is not None:
                parameter.setMaximum(maximum)
            if advanced:
                parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(parameter)
        self.addParameter(
            QgsProcessingParameterNumber(
                self.SPECIFIC_YIELD,
                self.tr("Specific yield for roofs without irradiation (kWh/kWp/yr, e.g. PVGIS)"),
                QgsProcessingParameterNumber.Type.Double,
                optional=True,
                minValue=1.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.USAGES,
                self.tr("Building uses to keep (none ticked: every roof)"),
                options=[
                    self.tr("Industrial"),
                    self.tr("Commercial"),
                    self.tr("Public"),
                    self.tr("Residential"),
                    self.tr("Agricultural"),
                    self.tr("Annex"),
                    self.tr("Other"),
                ],
                allowMultiple=True,
                defaultValue=[0, 1, 2],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.TOP_N,
                self.tr("Number of top roofs"),
                QgsProcessingParameterNumber.Type.Integer,
                20,
                minValue=1,
            )
        )
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
        self.addParameter(
            QgsProcessingParameterDistance(
                self.SITE_RADIUS,
                self.tr("Roofs of a point site within"),
                defaultValue=150.0,
                parentParameterName=self.ROOFS,
                minValue=0.0,
            )
        )
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

    def _settings(self, parameters, context, has_usage: bool) -> SolarSettings:
        from ..engine.solar import USAGE_KINDS, SolarSettings

        specific_yield = parameters.get(self.SPECIFIC_YIELD)
        chosen = self.parameterAsEnums(parameters, self.USAGES, context)
        return SolarSettings(
            panel_density=self.parameterAsDouble(parameters, self.PANEL_DENSITY, context),
            performance_ratio=self.parameterAsDouble(parameters, self.PERFORMANCE_RATIO, context),
            specific_yield=(
                self.parameterAsDouble(parameters, self.SPECIFIC_YIELD, context)
                if specific_yield not in (None, "")
                else None
            ),
            grid_factor=self.parameterAsDouble(parameters, self.GRID_FACTOR, context),
            usable_share=self.parameterAsDouble(parameters, self.USABLE_SHARE, context),
            min_area=self.parameterAsDouble(parameters, self.MIN_AREA, context),
            usages=frozenset(USAGE_KINDS[i] for i in chosen) if chosen and has_usage else None,
        )

    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback):
        import numpy as np

        from ..engine.solar import rank_roofs, roof_potential, site_shares, totals_by_zone
        from ._layer_io import (
            extended_fields,
            optional_field,
            read_frame,
            read_points,
            style_output,
            write_features,
        )

        roofs = self.parameterAsSource(parameters, self.ROOFS, context)
        if roofs is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.ROOFS))
        crs = roofs.sourceCrs()
        self.require_projected_crs(crs, roofs.sourceName())
        mapping = {}
        for parameter, column in MAPPED_FIELDS:
            field = optional_field(roofs, self.parameterAsString(parameters, parameter, context))
            if field:
                mapping[column] = field
        if "usage" not in mapping and self.parameterAsEnums(parameters, self.USAGES, context):
            feedback.pushWarning(self.tr("The roofs have no use field: every use is kept."))
        feedback.setProgressText(self.tr("Reading the roofs"))
        frame, shapes = read_points(roofs, crs, context, mapping, feedback)
        for parameter, column in MAPPED_FIELDS:
            if column in ("roof_area", "usable_area", "irradiation") and column in mapping:
                frame[column] = self.numeric_column(frame[column], parameter, mapping[column], feedback)
        feedback.setProgress(30)
        zones = self.parameterAsSource(parameters, self.ZONES, context)
        sites = self.parameterAsSource(parameters, self.SITES, context)
        try:
            settings = self._settings(parameters, context, "usage" in mapping)
            areas = np.array(
                [g.area() if g.type() == QgsWkbTypes.GeometryType.PolygonGeometry else np.nan for g in shapes]
            )
            potential = roof_potential(frame, settings, areas)
            kept = potential["kept"].to_numpy()
            potential = potential[kept].copy()
            xy = frame[["x", "y"]].to_numpy(dtype=float)[kept]
            potential["rank"] = rank_roofs(potential)
            potential["roof_id"] = (
                frame.loc[kept, "roof_id"] if "roof_id" in frame else (np.flatnonzero(kept) + 1).astype(str)
            )
            potential["building_id"] = frame.loc[kept, "building_id"] if "building_id" in frame else None
            self.raise_if_canceled(feedback)
            zone_frame = zone_totals = site_frame = site_totals = None
            if zones is not None:
                zone_frame = read_frame(zones, crs, context, zones.fields().names(), feedback)
                zone_totals = totals_by_zone(xy, potential, zone_frame.geometry)
            if sites is not None:
                site_frame = read_frame(sites, crs, context, sites.fields().names(), feedback)
                site_totals = site_shares(
                    xy,
                    potential,
                    site_frame.geometry,
                    self.parameterAsDouble(parameters, self.SITE_RADIUS, context),
                )
        except EngineError as error:
            raise QgsProcessingException(self.tr(error.message).format(**error.values)) from error
        feedback.setProgress(50)
        fields = extended_fields(QgsFields(), ROOF_FIELDS)
        results = {}
        order = potential.sort_values("rank").index
        rows = potential.loc[order].to_dict("records")
        ordered_geometries = [shapes[i] for i in order]
        sink, destination = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, roofs.wkbType(), crs
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        write_features(sink, fields, ordered_geometries, rows, feedback, (50.0, 80.0))
        results[self.OUTPUT] = destination
        style_output(self, context, destination, style_path("solar_potential"), self.tr("Solar potential"))
        top = self.parameterAsInt(parameters, self.TOP_N, context)
        top_sink, top_destination = self.parameterAsSink(
            parameters, self.TOP_OUTPUT, context, fields, roofs.wkbType(), crs
        )
        if top_sink is not None:
            write_features(top_sink, fields, ordered_geometries[:top], rows[:top], feedback, (80.0, 85.0))
            results[self.TOP_OUTPUT] = top_destination
            style_output(self, context, top_destination, style_path("solar_potential"), self.tr("Top roofs"))
        for totals, frame_in, source, output, span in (
            (zone_totals, zone_frame, zones, self.ZONES_OUTPUT, (85.0, 92.0)),
            (site_totals, site_frame, sites, self.SITES_OUTPUT, (92.0, 100.0)),
        ):
            if totals is None:
                continue
            extra = TOTAL_FIELDS + ([("share_pct", "float")] if "share_pct" in totals else [])
            out_fields = extended_fields(source.fields(), extra)
            out_sink, out_destination = self.parameterAsSink(
                parameters, output, context, out_fields, source.wkbType(), crs
            )
            if out_sink is None:
                continue
            out_rows = frame_in.drop(columns="geometry").to_dict("records")
            for row, values in zip(out_rows, totals.to_dict("records")):
                row.update(values)
            write_features(out_sink, out_fields, list(frame_in.geometry), out_rows, feedback, span)
            results[output] = out_destination
            if output == self.ZONES_OUTPUT:
                style, title = style_path("solar_potential_zones"), self.tr("Solar potential per zone")
            else:
                style, title = "", self.tr("Solar sites")
            style_output(self, context, out_destination, style, title)
        self._report(potential, len(frame), feedback)
        return results

    def _report(self, potential, read: int, feedback: QgsProcessingFeedback) -> None:
        import numpy as np

        feedback.pushInfo(
            self.tr(
                "{kept} of {read} roofs kept: {mwh} MWh/yr, {kwp} kWp, {co2} t CO₂ avoided per year; "
                "{unknown} roofs without irradiation or yield (energy NULL)."
            ).format(
                kept=len(potential),
                read=read,
                mwh=round(float(np.nansum(potential["potential_kwh"])) / 1000.0, 1),
                kwp=round(float(potential["potential_kwp"].sum()), 1),
                co2=round(float(np.nansum(potential["co2_avoided_t"])), 1),
                unknown=int(potential["potential_kwh"].isna().sum()),
            )
        )
