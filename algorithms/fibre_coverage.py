"""Algorithm ``territoire:fibre_coverage``: FTTH rate per zone, fibre gaps and fibre at sites."""

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

from ..engine.errors import EngineError
from ..engine.fibre_options import SITE_COLUMNS, ZONE_COLUMNS, FibreOptions
from ..resources_paths import style_path
from ._options import add_options
from .base import TerritoireAlgorithm

# (column of the engine's building table, field parameter)
FIELD_PARAMETERS = (
    ("ftth", "FIELD_FTTH"),
    ("premises", "FIELD_PREMISES"),
    ("best_down_class", "FIELD_DOWN_CLASS"),
    ("best_techno", "FIELD_TECHNO"),
    ("building_id", "FIELD_BUILDING_ID"),
)


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
        add_options(self, FibreOptions, self.FIBRE, only=("zone_kind", "cell_size", "target"))
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SITES,
                self.tr("Sites to check (industrial sites, port zones, candidate sites)"),
                [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        add_options(self, FibreOptions, self.FIBRE, only=("site_distance",))
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
        from ._options import read_options

        try:
            kind = read_options(self, FibreOptions, parameters, context).zone_kind
        except EngineError as error:
            return False, self.engine_message(error)
        if kind == "layer" and not parameters.get(self.ZONES):
            return False, self.tr("Give a zones layer, or choose a square or hexagon grid.")
        return True, ""

    def read_inputs(self, parameters, context, feedback):
        """The CRS of the run, the buildings (mapped columns, x, y) and the zones and sites."""
        from ._analysis_io import mapped_fields, numeric_columns
        from ._layer_io import read_frame, read_points

        fibre = self.parameterAsSource(parameters, self.FIBRE, context)
        if fibre is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.FIBRE))
        zones = self.parameterAsSource(parameters, self.ZONES, context)
        sites = self.parameterAsSource(parameters, self.SITES, context)
        crs = (zones or fibre).sourceCrs()
        self.require_projected_crs(crs, (zones or fibre).sourceName())
        mapping = mapped_fields(self, parameters, context, fibre, FIELD_PARAMETERS)
        if "ftth" not in mapping:
            raise QgsProcessingException(
                self.tr("The fibre layer {layer} has no FTTH eligibility field {field}: choose one.").format(
                    layer=fibre.sourceName(),
                    field=self.parameterAsString(parameters, self.FIELD_FTTH, context),
                )
            )
        feedback.setProgressText(self.tr("Reading the fibre layer"))
        buildings, _ = read_points(fibre, crs, context, mapping, feedback, progress=(0.0, 28.0))
        numeric_columns(self, buildings, mapping, FIELD_PARAMETERS[1:2], feedback)
        zone_frame = read_frame(zones, crs, context, zones.fields().names(), feedback) if zones else None
        site_frame = read_frame(sites, crs, context, sites.fields().names(), feedback) if sites else None
        return crs, buildings, (zones, zone_frame), (sites, site_frame)

    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback):
        from ..engine.fibre import fibre_coverage
        from ._analysis_io import engine_errors, progress_span, write_table
        from ._layer_io import extended_fields
        from ._options import read_options

        with engine_errors(self):
            options = read_options(self, FibreOptions, parameters, context)
        crs, buildings, (zones, zone_frame), (sites, site_frame) = self.read_inputs(
            parameters, context, feedback
        )
        self.raise_if_canceled(feedback)
        feedback.setProgressText(self.tr("Counting premises per zone"))
        with engine_errors(self):
            result = fibre_coverage(
                buildings,
                zone_frame,
                site_frame,
                options,
                progress_span(feedback, 30, 60),
                feedback.isCanceled,
            )
        by_layer = options.zone_kind == "layer"
        results = {
            self.OUTPUT: write_table(
                self, parameters, self.OUTPUT, context, result.zones,
                extended_fields(zones.fields(), ZONE_COLUMNS) if by_layer
                else extended_fields(QgsFields(), [("zone_id", "int"), *ZONE_COLUMNS]),
                zones.wkbType() if by_layer else QgsWkbTypes.Type.Polygon, crs, feedback, (60.0, 90.0),
                style_path("fibre_coverage"), self.tr("FTTH rate"), required=True,
            )
        }  # fmt: skip
        feedback.pushInfo(
            self.tr(
                "{ftth} of {total} premises have FTTH; {flagged} zones are below {target} %; "
                "{empty} zones have no premises (NULL rate)."
            ).format(**result.summary())
        )
        if result.sites is not None:
            destination = write_table(
                self, parameters, self.SITES_OUTPUT, context, result.sites,
                extended_fields(sites.fields(), SITE_COLUMNS), sites.wkbType(), crs, feedback,
                (90.0, 100.0), "", self.tr("Fibre at sites"),
            )  # fmt: skip
            if destination:
                results[self.SITES_OUTPUT] = destination
        return results
