"""Algorithm ``territoire:site_suitability``: multi-criteria suitability raster and best sites."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsFields,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..engine.errors import EngineError
from ..engine.suitability_options import Options
from ..i18n_support import format_number, translated
from ..resources_paths import style_path
from ._options import add_options
from .base import TerritoireAlgorithm, explicit_destination, output_folder_is_writable

if TYPE_CHECKING:
    from ..engine.suitability import Model

DEFAULT_CRS = "EPSG:2154"
SITE_FIELDS = [
    ("site_id", "int"),
    ("rank", "int"),
    ("score", "float"),
    ("min_score", "float"),
    ("area_m2", "float"),
    ("stay_top_prob", "float"),
]


class SiteSuitabilityAlgorithm(TerritoireAlgorithm):
    """Suitability 0–100 from a JSON model of weighted, transformed criteria and constraints."""

    ALGORITHM_ID = "site_suitability"
    GROUP = "analysis"
    REQUIRES = ("numpy", "scipy", "geopandas", "rasterio", "osgeo")
    TAGS = ("suitability", "multi-criteria", "AHP", "decision")

    MODEL = "MODEL"
    EXTENT = "EXTENT"
    CELL_SIZE = "CELL_SIZE"
    TARGET_CRS = "TARGET_CRS"
    ALLOW_INCONSISTENT = "ALLOW_INCONSISTENT"
    CANDIDATES = "CANDIDATES"
    N_SITES = "N_SITES"
    MIN_AREA = "MIN_AREA"
    MIN_SPACING = "MIN_SPACING"
    SENSITIVITY = "SENSITIVITY"
    PERTURBATION = "PERTURBATION"
    MAX_MEMORY = "MAX_MEMORY"
    OUTPUT = "OUTPUT"
    SITES = "SITES"
    CRITERIA_OUTPUT = "CRITERIA_OUTPUT"

    def displayName(self) -> str:
        return self.tr("Site suitability (multi-criteria)")

    def shortHelpString(self) -> str:
        return self.tr(
            "Where to put a tiers-lieu, a data business or a logistics platform. The model (a JSON "
            "file, or its text, as saved by the suitability model editor) lists criteria: the distance "
            "to a layer's features, a raster's value or a polygon layer's attribute, each turned into a "
            "0–1 suitability by a linear, sigmoid, gaussian, threshold or category function; their "
            "weights (direct, or an AHP pairwise matrix whose consistency ratio must stay below 0.10); "
            "the aggregation (weighted sum, geometric mean, minimum or OWA); and constraints (areas "
            "excluded, with a buffer, or the only ones allowed). The output is a 0–100 suitability "
            "raster. The optional sites layer gives the best contiguous sites of at least the minimum "
            "area, spaced apart (or the candidate polygons scored), with each criterion's contribution "
            "in points (c_<criterion>) and, with sensitivity runs, the probability of staying in the "
            "top sites when the weights vary. Layer paths in the model may be relative to the model "
            "file; in QGIS they may also be project layer names."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterString(
                self.MODEL, self.tr("Suitability model (JSON file path or JSON text)"), multiLine=True
            )
        )
        self.addParameter(
            QgsProcessingParameterExtent(
                self.EXTENT,
                self.tr("Extent (default: the include constraints, else the first criterion)"),
                optional=True,
            )
        )
        add_options(self, Options, only=("cell_size",))
        self.addParameter(
            QgsProcessingParameterCrs(
                self.TARGET_CRS,
                self.tr("Target CRS (projected; default EPSG:2154)"),
                defaultValue=DEFAULT_CRS,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.ALLOW_INCONSISTENT,
                self.tr("Run even if the AHP consistency ratio is 0.10 or more"),
                defaultValue=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.CANDIDATES,
                self.tr("Candidate polygons to score instead of locating sites (parcels, brownfields)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        add_options(
            self,
            Options,
            only=(
                "n_sites",
                "min_area",
                "min_spacing",
                "sensitivity_runs",
                "perturbation_pct",
                "max_memory_mb",
            ),
        )
        self.addParameter(
            QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Suitability (0–100)"))
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.SITES,
                self.tr("Best sites"),
                QgsProcessing.SourceType.TypeVectorPolygon,
                optional=True,
                createByDefault=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination(
                self.CRITERIA_OUTPUT,
                self.tr("Folder for each criterion's 0–1 raster"),
                optional=True,
                createByDefault=False,
            )
        )

    # --- checks -----------------------------------------------------------------------------
    def createInstance(self):
        from ._suitability_model import share_models

        instance = super().createInstance()
        share_models(self, instance)  # the run's copy reads the model these checks parsed
        return instance

    def checkParameterValues(self, parameters, context):
        """Refuse bad models, missing layers and, before anything is computed, a grid that
        fits in memory neither whole nor by blocks (the message gives the estimate and the limit)."""
        from ..engine.suitability import check_layers, check_memory

        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        output = explicit_destination(parameters, self.OUTPUT, context)
        try:
            model = self.model(parameters, context)
            check_layers(model)
            check_memory(model, self.options(parameters, context, output))
        except QgsProcessingException as error:
            return False, str(error)
        except EngineError as error:
            return False, self.engine_message(error)
        if output and not output_folder_is_writable(output):
            return False, self.tr("The output folder {folder} cannot be written to.").format(
                folder=str(Path(output).parent)
            )
        return True, ""

    def extra_input_paths(self, parameters, context) -> list[tuple[str, str]]:
        """The layers the model reads (each labelled by the model parameter and the criterion)."""
        try:
            model = self.model(parameters, context)
        except (QgsProcessingException, EngineError):
            return []  # checkParameterValues reports the model itself
        from ..engine.raster_grid import layer_label, split_uri

        label = self.parameterDefinition(self.MODEL).description()
        found = []
        items: list[Any] = [*model.criteria, *model.constraints]
        for item in items:
            path, layer = split_uri(item.layer, model.base_dir)
            name = getattr(item, "name", "") or layer_label(item.layer)
            found.append((f"{label}: {name}", f"{path}|layername={layer}" if layer else path))
        return found

    def target_crs(self, parameters, context) -> QgsCoordinateReferenceSystem:
        crs = self.parameterAsCrs(parameters, self.TARGET_CRS, context)
        return crs if crs.isValid() else QgsCoordinateReferenceSystem(DEFAULT_CRS)

    def model(self, parameters, context: QgsProcessingContext, keep: bool = True) -> Model:
        """The validated model, its layers resolved to paths, read once per run (the checks keep
        it for the run, which takes it: ``keep=False``)."""
        from ._suitability_model import suitability_model

        self.require_projected_crs(self.target_crs(parameters, context), self.tr("The target CRS"))
        return suitability_model(self, parameters, context, keep=keep)

    # --- run --------------------------------------------------------------------------------
    def options(self, parameters, context: QgsProcessingContext, output: str = "") -> Options:
        """The engine's options of a run with ``parameters`` writing ``output`` (its folder holds
        the work files; the processing folder when it is not known yet). The candidates are read
        apart."""
        from ._options import read_options

        crs = self.target_crs(parameters, context)
        wants_sites = self.SITES in parameters and parameters[self.SITES] is not None
        try:
            options = read_options(
                self,
                Options,
                parameters,
                context,
                target_crs=crs.toWkt(),
                sites=wants_sites,
                criteria_folder=self.parameterAsString(parameters, self.CRITERIA_OUTPUT, context) or None,
                work_dir=str(Path(output).parent) if output else QgsProcessingUtils.tempFolder(),
                threads=max(QgsApplication.maxThreads(), 0),  # the QGIS setting; -1 (all cores) → 0
            )
        except EngineError as error:
            raise QgsProcessingException(self.engine_message(error)) from error
        if not wants_sites:
            options.sensitivity_runs = 0
        if parameters.get(self.EXTENT):
            extent = self.parameterAsExtent(parameters, self.EXTENT, context, crs)
            options.extent = (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())
        return options

    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback):
        from ..engine.suitability import final_sites, run, write_suitability
        from ._analysis_io import engine_errors
        from ._layer_io import style_output

        model = self.model(parameters, context, keep=False)
        candidates_source = self.parameterAsSource(parameters, self.CANDIDATES, context)
        # asked once: each call for a temporary output makes up a new file and queues it for loading
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        options = self.options(parameters, context, output)
        if candidates_source is not None and options.sites:
            self.require_projected_crs(candidates_source.sourceCrs(), candidates_source.sourceName())
            crs = self.target_crs(parameters, context)
            options.candidates = self.candidates(candidates_source, crs, context, feedback)
        with engine_errors(self):
            result = run(
                model,
                options,
                progress=lambda percent, text: (
                    feedback.setProgress(percent * 0.95),
                    feedback.setProgressText(translated(text)),
                ),
                is_cancelled=feedback.isCanceled,
            )
        for warning in result.warnings:
            feedback.pushWarning(warning)
        self.note_model_sources(model)
        self.report_weights(model, feedback)
        outputs = {}
        if options.sites:
            outputs[self.SITES] = self.write_sites(
                parameters, context, feedback, model, final_sites(result, options)
            )
        self.raise_if_canceled(feedback)
        write_suitability(output, result)
        style_output(self, context, output, style_path("suitability"), self.tr("Suitability (0–100)"))
        outputs[self.OUTPUT] = output
        if options.criteria_folder:
            outputs[self.CRITERIA_OUTPUT] = options.criteria_folder
        feedback.setProgress(100)
        return outputs

    def report_weights(self, model: Model, feedback: QgsProcessingFeedback) -> None:
        """The weights of the criteria in the log (with the AHP consistency ratio)."""
        if model.ahp is not None:
            feedback.pushInfo(
                self.tr("AHP weights: consistency ratio CR = {cr}, λmax = {lmax}").format(
                    cr=format_number(model.ahp.cr, 3), lmax=format_number(model.ahp.lambda_max, 3)
                )
            )
        for criterion, weight in zip(model.criteria, model.weights):
            feedback.pushInfo(f"  {criterion.name}: {format_number(weight, 3)}")

    def note_model_sources(self, model: Model) -> None:
        """Add the provenance of the model's vector layers to the inputs' (credits of the outputs)."""
        from ..engine.raster_grid import split_uri
        from ._layer_io import layer_sources

        uris = [c.layer for c in model.criteria if c.measure != "value"]
        uris += [c.layer for c in model.constraints]
        layers = []
        for uri in dict.fromkeys(uris):
            path, table = split_uri(uri, model.base_dir)
            layers.append(QgsVectorLayer(f"{path}|layername={table}" if table else path, "", "ogr"))
        found = self.__dict__.setdefault("_input_sources", [])
        found += [source for source in layer_sources(layers) if source not in found]

    def candidates(self, source, crs: QgsCoordinateReferenceSystem, context, feedback) -> list:
        """The candidate polygons in the target CRS, as (feature id, shapely geometry)."""
        from shapely import wkb

        transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
        polygons = []
        request = QgsFeatureRequest().setNoAttributes()
        for feature in source.getFeatures(request):
            self.raise_if_canceled(feedback)
            geometry = feature.geometry()
            if geometry.isEmpty():
                continue
            geometry.transform(transform)
            polygons.append((feature.id(), wkb.loads(bytes(geometry.asWkb()))))
        return polygons

    def write_sites(self, parameters, context, feedback, model: Model, sites) -> str:
        from shapely.geometry import MultiPolygon, Polygon

        from ._layer_io import extended_fields, style_output, write_features

        fields = extended_fields(
            QgsFields(), SITE_FIELDS + [(f"c_{criterion.name}", "float") for criterion in model.criteria]
        )
        sink, destination = self.parameterAsSink(
            parameters,
            self.SITES,
            context,
            fields,
            QgsWkbTypes.Type.MultiPolygon,
            self.target_crs(parameters, context),
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.SITES))
        rows = []
        for site in sites:
            row = {
                "site_id": site.site_id,
                "rank": site.rank,
                "score": None if site.score is None else round(site.score, 3),
                "min_score": None if site.min_score is None else round(site.min_score, 3),
                "area_m2": round(site.area_m2, 2),
                "stay_top_prob": site.stay_top_prob,
            }
            row.update({f"c_{name}": round(value, 3) for name, value in site.contributions.items()})
            rows.append(row)
        geometries = [
            MultiPolygon([s.geometry]) if isinstance(s.geometry, Polygon) else s.geometry for s in sites
        ]
        write_features(sink, fields, geometries, rows, feedback, progress=(95.0, 99.0))
        style_output(
            self, context, destination, style_path("suitability_sites"), self.tr("Candidate sites (rank)")
        )
        return destination
