"""``territoire:export_map``: a print-ready map (PDF, PNG, SVG) or a PDF atlas for elected officials."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsMapLayer,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
)

from ..engine.errors import EngineError
from ..maps import layout as _layout
from ..resources_paths import style_path
from .base import TerritoireAlgorithm


class ExportMap(TerritoireAlgorithm):
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

    def flags(self):
        # Layouts render project layers: run in the main thread.
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.LAYERS,
                self.tr("Layers, bottom to top (default: the visible layers of the project)"),
                QgsProcessing.SourceType.TypeMapLayer,
                optional=True,
            )
        )
        self.addParameter(QgsProcessingParameterString(self.TITLE, self.tr("Title"), optional=True))
        self.addParameter(QgsProcessingParameterString(self.SUBTITLE, self.tr("Subtitle"), optional=True))
        self.addParameter(QgsProcessingParameterString(self.AUTHOR, self.tr("Author"), optional=True))
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
        self.addParameter(
            QgsProcessingParameterFile(
                self.LOGO,
                self.tr("Logo of the commune (SVG or image)"),
                QgsProcessingParameterFile.Behavior.File,
                fileFilter=self.tr("Images (*.svg *.png *.jpg *.jpeg)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterExtent(
                self.EXTENT, self.tr("Extent (default: the territory or the layers)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.FORMAT,
                self.tr("Format (default: from the output file name)"),
                options=list(_layout.FORMATS),
                optional=True,
                usesStaticStrings=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.DPI,
                self.tr("Resolution (dpi)"),
                QgsProcessingParameterNumber.Type.Integer,
                defaultValue=200,
                minValue=50,
                maxValue=1200,
            )
        )
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
        chosen = self.parameterAsEnumString(parameters, self.FORMAT, context)
        suffix = Path(output).suffix.lower().lstrip(".")
        if chosen and suffix in _layout.FORMATS and suffix != chosen:
            raise QgsProcessingException(
                self.tr(
                    "The output file name ends in .{suffix} but the format is {format}: make them agree."
                ).format(suffix=suffix, format=chosen)
            )
        return chosen or (suffix if suffix in _layout.FORMATS else "pdf")

    def checkParameterValues(self, parameters, context):
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if output and not _layout.output_folder_usable(output):
            return False, self.tr("The output folder {folder} cannot be written to.").format(
                folder=str(Path(output).parent)
            )
        template = self.parameterAsFile(parameters, self.TEMPLATE, context)
        try:
            _layout.resolve_template(template)
        except EngineError as error:
            return False, self.tr(error.message).format(**error.values)
        try:
            fmt = self.output_format(parameters, context, output)
        except QgsProcessingException as error:
            return False, str(error)
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
    def map_layers(self, parameters, context) -> tuple[list[QgsMapLayer], set[str]]:
        """Layers bottom to top, and the ids of those that belong to the project (keep their style)."""
        project = context.project()
        layers = self.parameterAsLayerList(parameters, self.LAYERS, context)
        if not layers and project is not None:
            checked = project.layerTreeRoot().checkedLayers()
            layers = list(reversed(checked))
        if not layers:
            raise QgsProcessingException(
                self.tr("There is nothing to map: give layers, or show some layers in the project.")
            )
        in_project = {layer.id() for layer in layers if project is not None and project.mapLayer(layer.id())}
        return layers, in_project

    def map_crs(
        self, layers: list[QgsMapLayer], in_project: set[str], context
    ) -> QgsCoordinateReferenceSystem:
        project = context.project()
        if in_project and project is not None and project.crs().isValid():
            crs = project.crs()
        else:
            territory = [layer for layer in layers if _layout.layer_location(layer)[1] == "communes"]
            crs = (territory or layers)[0].crs()
        self.require_projected_crs(crs, self.tr("The map"))
        return crs

    def processAlgorithm(self, parameters, context, feedback):
        from ..maps import atlas_profile as _atlas_profile

        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        fmt = self.output_format(parameters, context, output)
        if Path(output).suffix.lower() != f".{fmt}":
            output = f"{output}.{fmt}"
        language = _layout.map_language()
        layers, in_project = self.map_layers(parameters, context)
        feedback.pushInfo(self.tr("Mapping {count} layers.").format(count=len(layers)))
        index = _layout.ProvenanceIndex()
        for layer in layers:
            if layer.id() not in in_project:  # a copy read from a file: our style, a readable name
                _layout.apply_family_style(layer, index.source(layer))
                layer.setName(index.title(layer))
        for position, qml in enumerate(self.style_entries(parameters, context)[: len(layers)]):
            if qml:
                if layers[position].id() in in_project:  # never restyle the user's layer: a copy
                    layers[position] = layers[position].clone()
                message, loaded = layers[position].loadNamedStyle(qml)
                if not loaded:
                    raise QgsProcessingException(
                        self.tr("The style {qml} could not be applied to {layer}: {reason}").format(
                            qml=qml, layer=layers[position].name(), reason=message
                        )
                    )
        crs = self.map_crs(layers, in_project, context)
        # qgis_process runs without a project: the layout then gets a private one.
        layout_project = context.project() or QgsProject()
        extent = self.parameterAsExtent(parameters, self.EXTENT, context, crs)
        if extent is None or extent.isNull() or extent.isEmpty():
            extent = _layout.default_extent(layers, crs, layout_project)
        if not _layout.extent_holds_features(layers, extent, crs, layout_project):
            from ..engine.errors import EngineWarning

            self.warn(
                feedback,
                EngineWarning(
                    "The map extent holds no feature of the layers: the map will be blank. Check "
                    "the extent and the layers' coordinate reference systems."
                ),
            )
        atlas_layer = self.parameterAsVectorLayer(parameters, self.ATLAS_LAYER, context)
        feedback.setProgress(10)
        self.raise_if_canceled(feedback)

        title = self.parameterAsString(parameters, self.TITLE, context).strip()
        try:
            layout = _layout.load_template(
                _layout.resolve_template(self.parameterAsFile(parameters, self.TEMPLATE, context)),
                layout_project,
            )
        except EngineError as error:
            raise QgsProcessingException(self.tr(error.message).format(**error.values)) from error
        _layout.fill_texts(
            layout,
            _layout.MapTexts(
                title=title or layers[-1].name(),
                subtitle=self.parameterAsString(parameters, self.SUBTITLE, context).strip(),
                author=self.parameterAsString(parameters, self.AUTHOR, context).strip(),
                credits=_layout.credits_for(layers, index, language),
                logo=self.parameterAsFile(parameters, self.LOGO, context),
                language=language,
            ),
        )
        the_map = _layout.fill_map(layout, layers, crs, extent)
        _layout.fill_legend(layout, layers, language)
        feedback.setProgress(30)
        self.raise_if_canceled(feedback)

        dpi = self.parameterAsInt(parameters, self.DPI, context)
        author = self.parameterAsString(parameters, self.AUTHOR, context).strip()
        try:
            if atlas_layer is not None:
                field = self.parameterAsString(parameters, self.ATLAS_TITLE_FIELD, context)
                highlight = self.prepare_atlas(layout, the_map, atlas_layer, field, title)
                if _atlas_profile.add_profile_sheet(layout, the_map, atlas_layer, language):
                    feedback.pushInfo(self.tr("Each page shows its profile beside the median."))
                feedback.pushInfo(self.tr("Atlas of {count} pages.").format(count=atlas_layer.featureCount()))
                _layout.export_atlas_pdf(layout, output, dpi, feedback, author)
                del highlight
            else:
                _layout.export_layout(layout, output, fmt, dpi, author)
        except EngineError as error:
            if feedback.isCanceled():
                self.raise_if_canceled(feedback)
            raise QgsProcessingException(self.tr(error.message).format(**error.values)) from error
        feedback.setProgress(100)
        feedback.pushInfo(self.tr("Map written to {path}").format(path=output))
        return {self.OUTPUT: output}

    def prepare_atlas(self, layout, the_map: QgsLayoutItemMap, coverage, field: str, title: str):
        """One page per coverage feature: the map zoomed on it and outlined, the title from ``field``.

        Returns the outline layer, which must live until the export is done.
        """
        atlas = layout.atlas()
        atlas.setCoverageLayer(coverage)
        atlas.setEnabled(True)
        atlas.setHideCoverage(False)
        if field:
            atlas.setPageNameExpression(f'"{field}"')
            atlas.setSortFeatures(True)
            atlas.setSortExpression(f'"{field}"')
        the_map.setAtlasDriven(True)
        the_map.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
        the_map.setAtlasMargin(0.15)
        legend = _layout.item(layout, "legend")
        if isinstance(legend, QgsLayoutItemLegend):  # each page's legend lists what its map shows
            atlas.featureChanged.connect(lambda _feature: _layout.filter_legend_by_map(legend))
        highlight = _layout.atlas_highlight(coverage)
        the_map.setLayers([highlight, *the_map.layers()])
        page_title = _layout.atlas_title_expression(field) if field else ""
        title_item = layout.itemById("title")
        subtitle_item = layout.itemById("subtitle")
        if page_title and isinstance(title_item, QgsLayoutItemLabel):
            title_item.setText(page_title)
            title_item.setVisibility(True)
            if title and isinstance(subtitle_item, QgsLayoutItemLabel) and not subtitle_item.text():
                subtitle_item.setText(title)
                subtitle_item.setVisibility(True)
        if not atlas.updateFeatures():
            raise QgsProcessingException(
                self.tr("The atlas layer {name} has no feature: there is no page to make.").format(
                    name=coverage.name()
                )
            )
        return highlight
