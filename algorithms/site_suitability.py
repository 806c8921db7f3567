"""Algorithm ``territoire:site_suitability``: multi-criteria suitability raster and best sites."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsFields,
    QgsMapLayer,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..engine.errors import Cancelled, EngineError
from ..i18n_support import format_number, translated
from ..resources_paths import style_path
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
        self.addParameter(
            QgsProcessingParameterNumber(
                self.CELL_SIZE,
                self.tr("Cell size (m)"),
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=10.0,
                minValue=0.01,
            )
        )
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
        numbers = [
            (self.N_SITES, self.tr("Number of sites"), QgsProcessingParameterNumber.Type.Integer, 5, 1),
            (self.MIN_AREA, self.tr("Site area (m²)"), QgsProcessingParameterNumber.Type.Double, 5000.0, 0.0),
            (
                self.MIN_SPACING,
                self.tr("Minimum spacing between sites (m)"),
                QgsProcessingParameterNumber.Type.Double,
                500.0,
                0.0,
            ),
            (
                self.SENSITIVITY,
                self.tr("Sensitivity: Monte Carlo runs (0 = none)"),
                QgsProcessingParameterNumber.Type.Integer,
                0,
                0,
            ),
            (
                self.PERTURBATION,
                self.tr("Sensitivity: weight perturbation (± %)"),
                QgsProcessingParameterNumber.Type.Double,
                20.0,
                0.0,
            ),
        ]
        for name, description, kind, default, minimum in numbers:
            self.addParameter(
                QgsProcessingParameterNumber(name, description, kind, defaultValue=default, minValue=minimum)
            )
        memory = QgsProcessingParameterNumber(
            self.MAX_MEMORY,
            self.tr(
                "Memory limit (MB): larger grids are computed by blocks of rows, or refused with an estimate"
            ),
            QgsProcessingParameterNumber.Type.Integer,
            defaultValue=4096,
            minValue=64,
        )
        memory.setFlags(memory.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(memory)
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
    def checkParameterValues(self, parameters, context):
        """Refuse bad models, missing layers and, before anything is computed, a grid that
        fits in memory neither whole nor by blocks (the message gives the estimate and the limit)."""
        from ..engine.suitability import check_layers, check_memory

        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        crs = self.target_crs(parameters, context)
        try:
            self.require_projected_crs(crs, self.tr("The target CRS"))
            model = self.model(parameters, context)
            check_layers(model)
            output = explicit_destination(parameters, self.OUTPUT, context)
            check_memory(model, self.options(parameters, context, output))
        except QgsProcessingException as error:
            return False, str(error)
        except EngineError as error:
            return False, self.engine_message(error)
        output = explicit_destination(parameters, self.OUTPUT, context)
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
        for item in (*model.criteria, *model.constraints):
            path, layer = split_uri(item.layer, model.base_dir)
            name = getattr(item, "name", "") or layer_label(item.layer)
            found.append((f"{label}: {name}", f"{path}|layername={layer}" if layer else path))
        return found

    def target_crs(self, parameters, context) -> QgsCoordinateReferenceSystem:
        crs = self.parameterAsCrs(parameters, self.TARGET_CRS, context)
        return crs if crs.isValid() else QgsCoordinateReferenceSystem(DEFAULT_CRS)

    def model(self, parameters, context: QgsProcessingContext) -> Model:
        """The validated model, its layers resolved to paths (project layers are exported if needed)."""
        from ..engine.suitability import load_model

        text = self.parameterAsString(parameters, self.MODEL, context)
        if not text.strip():
            raise QgsProcessingException(
                self.tr("Give a suitability model: a JSON file path or the JSON text.")
            )
        project = context.project() or QgsProject.instance()
        home = project.homePath() if project is not None else ""
        allow = self.parameterAsBoolean(parameters, self.ALLOW_INCONSISTENT, context)
        model = load_model(text.strip(), base_dir=home or os.getcwd(), allow_inconsistent=allow)
        model.criteria = [
            replace(c, layer=self.layer_path(c.layer, model.base_dir, context)) for c in model.criteria
        ]
        model.constraints = [
            replace(c, layer=self.layer_path(c.layer, model.base_dir, context)) for c in model.constraints
        ]
        return model

    def layer_path(self, reference: str, base_dir: str | None, context: QgsProcessingContext) -> str:
        """A file path/URI for ``reference``: kept when it is a file, else a project layer's source."""
        from ..engine.raster_grid import split_uri

        path, _ = split_uri(reference, base_dir)
        if os.path.exists(path):
            return reference
        layer = QgsProcessingUtils.mapLayerFromString(reference, context)
        if layer is None:
            return reference  # the engine reports it cannot be opened
        source_path, _ = split_uri(layer.source())
        plain = layer.providerType() in ("ogr", "gdal") and os.path.exists(source_path)
        if plain and (layer.type() != QgsMapLayer.LayerType.VectorLayer or not layer.subsetString()):
            return layer.source()
        if layer.type() != QgsMapLayer.LayerType.VectorLayer:
            raise QgsProcessingException(
                self.tr("Layer {layer} is not a file-based raster: save it as a GeoTIFF first.").format(
                    layer=layer.name()
                )
            )
        export = QgsProcessingUtils.generateTempFilename(f"{layer.id()}.gpkg")
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(
            layer, export, context.transformContext(), options
        )
        if error != QgsVectorFileWriter.WriterError.NoError:
            raise QgsProcessingException(
                self.tr("Layer {layer} could not be exported for the analysis: {reason}").format(
                    layer=layer.name(), reason=message
                )
            )
        return export

    # --- run --------------------------------------------------------------------------------
    def options(self, parameters, context: QgsProcessingContext, output: str = ""):
        """The engine's options of a run with ``parameters`` writing ``output`` (its folder holds
        the work files; the processing folder when it is not known yet). The candidates are read
        apart."""
        from ..engine.suitability import Options

        crs = self.target_crs(parameters, context)
        wants_sites = self.SITES in parameters and parameters[self.SITES] is not None
        options = Options(
            cell_size=self.parameterAsDouble(parameters, self.CELL_SIZE, context),
            target_crs=crs.toWkt(),
            sites=wants_sites,
            n_sites=self.parameterAsInt(parameters, self.N_SITES, context),
            min_area=self.parameterAsDouble(parameters, self.MIN_AREA, context),
            min_spacing=self.parameterAsDouble(parameters, self.MIN_SPACING, context),
            sensitivity_runs=self.parameterAsInt(parameters, self.SENSITIVITY, context) if wants_sites else 0,
            perturbation=self.parameterAsDouble(parameters, self.PERTURBATION, context) / 100.0,
            criteria_folder=self.parameterAsString(parameters, self.CRITERIA_OUTPUT, context) or None,
            max_memory=self.parameterAsInt(parameters, self.MAX_MEMORY, context) * 2**20,
            work_dir=str(Path(output).parent) if output else QgsProcessingUtils.tempFolder(),
            threads=max(QgsApplication.maxThreads(), 0),  # the QGIS setting; -1 (all cores) → 0
        )
        if parameters.get(self.EXTENT):
            extent = self.parameterAsExtent(parameters, self.EXTENT, context, crs)
            options.extent = (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())
        return options

    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback):
        from ..engine.suitability import final_sites, run, write_suitability
        from ._layer_io import style_output

        crs = self.target_crs(parameters, context)
        self.require_projected_crs(crs, self.tr("The target CRS"))
        wants_sites = self.SITES in parameters and parameters[self.SITES] is not None
        candidates_source = self.parameterAsSource(parameters, self.CANDIDATES, context)
        # asked once: each call for a temporary output makes up a new file and queues it for loading
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        options = self.options(parameters, context, output)
        if candidates_source is not None and wants_sites:
            self.require_projected_crs(candidates_source.sourceCrs(), candidates_source.sourceName())
            options.candidates = self.candidates(candidates_source, crs, context, feedback)
        try:
            model = self.model(parameters, context)
            result = run(
                model,
                options,
                progress=lambda percent, text: (
                    feedback.setProgress(percent * 0.95),
                    feedback.setProgressText(translated(text)),
                ),
                is_cancelled=feedback.isCanceled,
            )
        except Cancelled as error:
            raise QgsProcessingException(self.tr("The run was cancelled: no output was written.")) from error
        except EngineError as error:
            raise QgsProcessingException(self.engine_message(error)) from error
        for warning in result.warnings:
            feedback.pushWarning(warning)
        self.note_model_sources(model)
        if model.ahp is not None:
            feedback.pushInfo(
                self.tr("AHP weights: consistency ratio CR = {cr}, λmax = {lmax}").format(
                    cr=format_number(model.ahp.cr, 3), lmax=format_number(model.ahp.lambda_max, 3)
                )
            )
        for criterion, weight in zip(model.criteria, model.weights):
            feedback.pushInfo(f"  {criterion.name}: {format_number(weight, 3)}")
        outputs = {}
        if wants_sites:
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
