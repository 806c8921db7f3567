"""Algorithm ``territoire:fibre_coverage``: FTTH rate per zone, fibre gaps and fibre at sites."""

from __future__ import annotations

from qgis.core import (
    QgsFields,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterDistance,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..engine.errors import Cancelled, EngineError
from ..resources_paths import style_path
from .base import TerritoireAlgorithm

ZONE_FIELDS = [
    ("premises", "int"),
    ("premises_ftth", "int"),
    ("ftth_rate", "float"),
    ("premises_no_thd", "int"),
    ("below_target", "bool"),
    ("target", "float"),
]
SITE_FIELDS = [("fibre_at_site", "bool"), ("nearest_ftth_m", "float"), ("nearest_ftth_id", "text")]
ZONE_KINDS = ("layer", "square", "hexagon")


class FibreCoverageAlgorithm(TerritoireAlgorithm):
    """Premises, FTTH premises and FTTH rate per zone or grid cell; sites' access to fibre."""

    ALGORITHM_ID = "fibre_coverage"
    GROUP = "analysis"
    REQUIRES = ("numpy", "scipy", "geopandas")
    TAGS = ("fibre", "broadband", "coverage", "territory")
    ADVANCED = (
        "FIELD_FTTH",
        "FIELD_PREMISES",
        "FIELD_DOWN_CLASS",
        "FIELD_TECHNO",
        "FIELD_BUILDING_ID",
    )

    FIBRE = "FIBRE"
    FIELD_PREMISES = "FIELD_PREMISES"
    FIELD_FTTH = "FIELD_FTTH"
    FIELD_DOWN_CLASS = "FIELD_DOWN_CLASS"
    FIELD_TECHNO = "FIELD_TECHNO"
    FIELD_BUILDING_ID = "FIELD_BUILDING_ID"
    ZONES = "ZONES"
    ZONE_TYPE = "ZONE_TYPE"
    CELL_SIZE = "CELL_SIZE"
    TARGET = "TARGET"
    SITES = "SITES"
    SITE_DISTANCE = "SITE_DISTANCE"
    OUTPUT = "OUTPUT"
    SITES_OUTPUT = "SITES_OUTPUT"

    def displayName(self) -> str:
        return self.tr("Fibre coverage and gaps")

    def shortHelpString(self) -> str:
        return self.tr(
            'From per-building fibre eligibility points (ARCEP "Ma connexion internet" or the '
            "open-data loader's fibre layer), counts per zone the premises, the premises with FTTH, "
            "the FTTH rate and the premises without any very-high-speed option (at least 30 Mbit/s). "
            "Zones are a polygon layer (communes, IRIS) or a square or hexagon grid of the given cell "
            "size. Zones below the target FTTH rate are flagged; a zone without premises has a NULL "
            "rate (no data), not 0 %. For the optional sites (industrial sites, port zones, candidate "
            "sites) it gives the distance to the nearest FTTH-eligible building and whether fibre is "
            "at the site (an eligible building inside it or within the given distance)."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.FIBRE,
                self.tr("Fibre eligibility per building"),
                [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon],
            )
        )
        fields = [
            (self.FIELD_FTTH, self.tr("FTTH eligibility field (true / false)"), "ftth", True),
            (self.FIELD_PREMISES, self.tr("Number of premises field"), "premises", True),
            (
                self.FIELD_DOWN_CLASS,
                self.tr("Best download class field (e.g. 30-100M)"),
                "best_down_class",
                True,
            ),
            (self.FIELD_TECHNO, self.tr("Best technology field (FO, COAX, CU, ...)"), "best_techno", True),
            (self.FIELD_BUILDING_ID, self.tr("Building identifier field"), "building_id", True),
        ]
        for name, description, default, optional in fields:
            self.addParameter(
                QgsProcessingParameterField(
                    name,
                    description,
                    defaultValue=default,
                    parentLayerParameterName=self.FIBRE,
                    optional=optional,
                )
            )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ZONES,
                self.tr("Zones (communes, IRIS...); with a grid, the grid covers them"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.ZONE_TYPE,
                self.tr("Count per"),
                options=[
                    self.tr("Zone of the zones layer"),
                    self.tr("Square grid cell"),
                    self.tr("Hexagon grid cell"),
                ],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterDistance(
                self.CELL_SIZE,
                self.tr("Grid cell size"),
                defaultValue=500.0,
                parentParameterName=self.FIBRE,
                minValue=1.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.TARGET,
                self.tr("Target FTTH rate (%): zones below it are flagged"),
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=80.0,
                minValue=0.0,
                maxValue=100.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SITES,
                self.tr("Sites to check (industrial sites, port zones, candidate sites)"),
                [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterDistance(
                self.SITE_DISTANCE,
                self.tr("Fibre counts as at a site within"),
                defaultValue=100.0,
                parentParameterName=self.FIBRE,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Fibre coverage per zone"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.SITES_OUTPUT,
                self.tr("Fibre at sites"),
                QgsProcessing.SourceType.TypeVectorAnyGeometry,
                optional=True,
                createByDefault=True,
            )
        )

    def checkParameterValues(self, parameters, context):
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        kind = ZONE_KINDS[self.parameterAsEnum(parameters, self.ZONE_TYPE, context)]
        if kind == "layer" and not parameters.get(self.ZONES):
            return False, self.tr("Give a zones layer, or choose a square or hexagon grid.")
        return True, ""

    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback):
        from ..engine.fibre import coverage_by_zone, normalise_premises, site_access
        from ..engine.indicators import make_grid, points_bounds
        from ._layer_io import (
            extended_fields,
            optional_field,
            read_frame,
            read_points,
            style_output,
            write_features,
        )

        fibre = self.parameterAsSource(parameters, self.FIBRE, context)
        if fibre is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.FIBRE))
        zones = self.parameterAsSource(parameters, self.ZONES, context)
        sites = self.parameterAsSource(parameters, self.SITES, context)
        kind = ZONE_KINDS[self.parameterAsEnum(parameters, self.ZONE_TYPE, context)]
        crs = (zones or fibre).sourceCrs()
        self.require_projected_crs(crs, (zones or fibre).sourceName())
        target = self.parameterAsDouble(parameters, self.TARGET, context)
        ftth_field = self.parameterAsString(parameters, self.FIELD_FTTH, context)
        if optional_field(fibre, ftth_field) is None:
            raise QgsProcessingException(
                self.tr("The fibre layer {layer} has no FTTH eligibility field {field}: choose one.").format(
                    layer=fibre.sourceName(), field=ftth_field
                )
            )
        mapping = {"ftth": ftth_field}
        for column, parameter in (
            ("premises", self.FIELD_PREMISES),
            ("best_down_class", self.FIELD_DOWN_CLASS),
            ("best_techno", self.FIELD_TECHNO),
            ("building_id", self.FIELD_BUILDING_ID),
        ):
            field = optional_field(fibre, self.parameterAsString(parameters, parameter, context))
            if field:
                mapping[column] = field
        feedback.setProgressText(self.tr("Reading the fibre layer"))
        buildings, _ = read_points(fibre, crs, context, mapping, feedback, progress=(0.0, 28.0))
        if "premises" in mapping:
            buildings["premises"] = self.numeric_column(
                buildings["premises"], self.FIELD_PREMISES, mapping["premises"], feedback
            )
        xy = buildings[["x", "y"]].to_numpy(dtype=float)
        self.raise_if_canceled(feedback)
        feedback.setProgress(30)
        try:
            premises = normalise_premises(
                buildings,
                premises="premises" if "premises" in mapping else None,
                down_class="best_down_class" if "best_down_class" in mapping else None,
                techno="best_techno" if "best_techno" in mapping else None,
            )
            zone_frame = read_frame(zones, crs, context, zones.fields().names(), feedback) if zones else None
            self.raise_if_canceled(feedback)
            if kind == "layer":
                output_fields = extended_fields(zones.fields(), ZONE_FIELDS)
                zone_geometries, zone_rows = zone_frame.geometry, zone_frame.drop(columns="geometry")
                wkb_type = zones.wkbType()
            else:
                feedback.setProgressText(self.tr("Making the grid"))
                grid = make_grid(
                    kind,
                    zone_frame.total_bounds if zone_frame is not None else points_bounds(xy),
                    self.parameterAsDouble(parameters, self.CELL_SIZE, context),
                    clip_to=zone_frame.geometry if zone_frame is not None else None,
                    progress=lambda fraction: feedback.setProgress(30 + 15 * fraction),
                    is_cancelled=feedback.isCanceled,
                )
                output_fields = extended_fields(QgsFields(), [("zone_id", "int"), *ZONE_FIELDS])
                zone_geometries, zone_rows = grid.geometry, grid.drop(columns="geometry")
                wkb_type = QgsWkbTypes.Type.Polygon
            feedback.setProgressText(self.tr("Counting premises per zone"))
            coverage = coverage_by_zone(
                xy,
                premises,
                zone_geometries,
                target,
                progress=lambda fraction: feedback.setProgress(45 + 15 * fraction),
                is_cancelled=feedback.isCanceled,
            )
            self.raise_if_canceled(feedback)
            site_result = None
            if sites is not None:
                site_frame = read_frame(sites, crs, context, sites.fields().names(), feedback)
                site_result = site_access(
                    site_frame.geometry,
                    xy,
                    premises["ftth"].to_numpy(),
                    buildings.get("building_id"),
                    self.parameterAsDouble(parameters, self.SITE_DISTANCE, context),
                )
        except Cancelled as error:
            raise QgsProcessingException(self.tr("The run was cancelled: no output was written.")) from error
        except EngineError as error:
            raise QgsProcessingException(self.engine_message(error)) from error
        feedback.setProgress(60)
        coverage["target"] = target
        sink, destination = self.parameterAsSink(
            parameters, self.OUTPUT, context, output_fields, wkb_type, crs
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        rows = zone_rows.to_dict("records")
        for row, values in zip(rows, coverage.to_dict("records")):
            row.update(values)
        write_features(sink, output_fields, list(zone_geometries), rows, feedback, (60.0, 90.0))
        results = {self.OUTPUT: destination}
        style_output(self, context, destination, style_path("fibre_coverage"), self.tr("FTTH rate"))
        self._report(coverage, target, feedback)
        if site_result is not None:
            site_fields = extended_fields(sites.fields(), SITE_FIELDS)
            site_sink, site_destination = self.parameterAsSink(
                parameters, self.SITES_OUTPUT, context, site_fields, sites.wkbType(), crs
            )
            if site_sink is not None:
                site_rows = site_frame.drop(columns="geometry").to_dict("records")
                for row, values in zip(site_rows, site_result.to_dict("records")):
                    row.update(values)
                write_features(
                    site_sink, site_fields, list(site_frame.geometry), site_rows, feedback, (90.0, 100.0)
                )
                results[self.SITES_OUTPUT] = site_destination
                style_output(self, context, site_destination, "", self.tr("Fibre at sites"))
        return results

    def _report(self, coverage, target: float, feedback: QgsProcessingFeedback) -> None:
        total = int(coverage["premises"].sum())
        ftth = int(coverage["premises_ftth"].sum())
        flagged = int(coverage["below_target"].eq(True).sum())
        empty = int(coverage["ftth_rate"].isna().sum())
        feedback.pushInfo(
            self.tr(
                "{ftth} of {total} premises have FTTH; {flagged} zones are below {target} %; "
                "{empty} zones have no premises (NULL rate)."
            ).format(ftth=ftth, total=total, flagged=flagged, target=target, empty=empty)
        )
