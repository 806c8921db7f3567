"""``territoire:export_map``: a print-ready map (PDF, PNG, SVG) or a PDF atlas for elected officials."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsMapLayer,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterExtent,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
)

from ..engine.errors import EngineError
from ..engine.layout_options import MapOptions, output_format
from ..resources_paths import style_path
from ._maps import LayoutAlgorithm, add_logo_parameter, output_folder_problem
from ._options import add_options, read_options


class ExportMap(LayoutAlgorithm):
    """Fill a layout template with layers, title, legend, scale, north, date and credits; export it."""

    ALGORITHM_ID = "export_map"
    GROUP = "maps"
    REQUIRES = ("numpy", "scipy")
    TAGS = ("map", "PDF", "territory")

    LAYERS = "LAYERS"
    TITLE = "TITLE"
    SUBTITLE = "SUBTITLE"
    AUTHOR = "AUTHOR"
    STYLES = "STYLES"
    TEMPLATE = "TEMPLATE"
    LOGO = "LOGO"
    EXTENT = "EXTENT"
    FORMAT = "FORMAT"
    DPI = "DPI"
    ATLAS_LAYER = "ATLAS_LAYER"
    ATLAS_TITLE_FIELD = "ATLAS_TITLE_FIELD"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:
        return self.tr("Export map")

    def shortHelpString(self) -> str:
        return self.tr(
            "Exports a print-ready map for elected officials: title, subtitle, a legend of what is "
            "on the map with readable layer names, scale bar, north arrow, date, author, the commune's "
            "logo and a credits line built from the layers' provenance (it says 'synthetic sample "
            "data' when any layer is synthetic).\n\n"
            "Layers are listed from bottom to top (the first one is drawn first, under the others); "
            "without layers, the visible layers of the project are used. Layers read from a file "
            "(e.g. 'territoire.gpkg|layername=communes') get the plugin's style for their family.\n\n"
            "Template: a4_landscape (default), a4_portrait, a3_landscape or the path of a .qpt file "
            "whose items have the ids map, title, subtitle, legend, scalebar, north_arrow, credits, "
            "author, date, logo.\n\n"
            "Atlas: with an atlas layer, one page per feature (commune, candidate site) in one PDF, "
            "the map zoomed on the feature and the page title taken from a field."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.LAYERS,
                self.tr("Layers, bottom to top (default: the visible layers of the project)"),
                QgsProcessing.SourceType.TypeMapLayer,
                optional=True,
            )
        )
        add_options(self, MapOptions, only=("title", "subtitle", "author"))
        self.addParameter(
            QgsProcessingParameterString(
                self.STYLES,
                self.tr(
                    "Styles, in the order of the layers, separated by ';': a style family "
                    "(waste_flows, wifi_rssi…) or a .qml file; empty keeps the automatic style"
                ),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.TEMPLATE,
                self.tr("Layout template (a4_landscape, a4_portrait, a3_landscape or a .qpt file)"),
                QgsProcessingParameterFile.Behavior.File,
                # "*" also admits the bare name of a bundled template (a4_portrait)
                fileFilter=self.tr("Layout templates (*.qpt *)"),
                optional=True,
            )
        )
        add_logo_parameter(self)
        self.addParameter(
            QgsProcessingParameterExtent(
                self.EXTENT, self.tr("Extent (default: the territory or the layers)"), optional=True
            )
        )
        add_options(self, MapOptions, only=("output_format", "dpi"))
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.ATLAS_LAYER,
                self.tr("Atlas: one page per feature of this layer (PDF)"),
                [QgsProcessing.SourceType.TypeVectorAnyGeometry],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.ATLAS_TITLE_FIELD,
                self.tr("Atlas: page title field"),
                parentLayerParameterName=self.ATLAS_LAYER,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT,
                self.tr("Map"),
                fileFilter=self.tr("PDF (*.pdf);;PNG image (*.png);;SVG drawing (*.svg)"),
            )
        )

    # --- checks ----------------------------------------------------------------------------
    def output_format(self, parameters, context, output: str) -> str:
        options = read_options(self, MapOptions, parameters, context)
        return output_format(options.output_format, Path(output).suffix)

    def checkParameterValues(self, parameters, context):
        from ..maps import layout as _layout

        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        problem = output_folder_problem(self, parameters, context)
        if problem:
            return False, problem
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        try:
            _layout.resolve_template(self.parameterAsFile(parameters, self.TEMPLATE, context))
            fmt = self.output_format(parameters, context, output)
        except EngineError as error:
            return False, self.engine_message(error)
        missing = [
            entry for entry in self.style_entries(parameters, context) if entry and not Path(entry).is_file()
        ]
        if missing:
            return False, self.tr(
                "Style not found: {styles} (give a family of resources/styles or a .qml file)."
            ).format(styles=", ".join(missing))
        if self.parameterAsVectorLayer(parameters, self.ATLAS_LAYER, context) is not None and fmt != "pdf":
            return False, self.tr("An atlas is exported as one PDF: choose the pdf format.")
        return True, ""

    def style_entries(self, parameters, context) -> list[str]:
        """The STYLES entries as .qml paths ('' where the automatic style stays)."""
        text = self.parameterAsString(parameters, self.STYLES, context)
        entries = [entry.strip() for entry in text.split(";")] if text.strip() else []
        return [
            entry if not entry or entry.lower().endswith(".qml") else style_path(entry) for entry in entries
        ]

    # --- run -------------------------------------------------------------------------------
    def map_layers(self, parameters, context) -> list[QgsMapLayer]:
        """The layers, bottom to top: those given, else the visible layers of the project."""
        project = context.project()
        layers = self.parameterAsLayerList(parameters, self.LAYERS, context)
        if not layers and project is not None:
            layers = list(reversed(project.layerTreeRoot().checkedLayers()))
        if not layers:
            raise QgsProcessingException(
                self.tr("There is nothing to map: give layers, or show some layers in the project.")
            )
        return layers

    def map_crs(
        self, layers: list[QgsMapLayer], in_project: set[str], context
    ) -> QgsCoordinateReferenceSystem:
        from ..maps.export import territory_crs

        project = context.project()
        use_project = in_project and project is not None and project.crs().isValid()
        crs = project.crs() if use_project else territory_crs(layers)
        self.require_projected_crs(crs, self.tr("The map"))
        return crs

    def processAlgorithm(self, parameters, context, feedback):
        from ..maps import export as _export
        from ..maps import layout as _layout

        options = read_options(self, MapOptions, parameters, context)
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        fmt = output_format(options.output_format, Path(output).suffix)
        if Path(output).suffix.lower() != f".{fmt}":
            output = f"{output}.{fmt}"
        layers = self.map_layers(parameters, context)
        feedback.pushInfo(self.tr("Mapping {count} layers.").format(count=len(layers)))
        feedback.setProgressText(self.tr("Styling the layers…"))
        index = _layout.ProvenanceIndex()
        project = context.project()
        qml_files = self.style_entries(parameters, context)
        layers, in_project = _export.style_layers(layers, project, qml_files, index)
        crs = self.map_crs(layers, in_project, context)
        feedback.setProgress(10)
        self.raise_if_canceled(feedback)
        feedback.setProgressText(self.tr("Filling the layout template…"))
        request = _export.MapRequest(
            layers=layers,
            crs=crs,
            extent=self.parameterAsExtent(parameters, self.EXTENT, context, crs),
            template=_layout.resolve_template(self.parameterAsFile(parameters, self.TEMPLATE, context)),
            logo=self.parameterAsFile(parameters, self.LOGO, context),
            options=options,
            language=_layout.map_language(),
            index=index,
            atlas_layer=self.parameterAsVectorLayer(parameters, self.ATLAS_LAYER, context),
            atlas_title_field=self.parameterAsString(parameters, self.ATLAS_TITLE_FIELD, context),
        )
        # qgis_process runs without a project: the layout then gets a private one, which must
        # live as long as the layout (until the export is written).
        layout_project = project or QgsProject()
        layout, the_map = _export.compose(request, layout_project, lambda w: self.warn(feedback, w))
        feedback.setProgress(30)
        self.raise_if_canceled(feedback)
        _export.export(request, layout, the_map, output, fmt, feedback)
        feedback.setProgress(100)
        feedback.pushInfo(self.tr("Map written to {path}").format(path=output))
        return {self.OUTPUT: output}
