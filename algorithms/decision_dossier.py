"""``territoire:decision_dossier``: a multi-page PDF for a council from the site suitability results."""

from __future__ import annotations

import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
)

from ..engine.layout_options import DecisionDossierOptions
from ._maps import (
    LayoutAlgorithm,
    add_context_layers_parameter,
    add_logo_parameter,
    add_pdf_output,
    output_folder_problem,
    pdf_output,
)
from ._options import add_options, read_options


class DecisionDossier(LayoutAlgorithm):
    """Cover, territory map, one page per candidate site, method and sources, in one PDF."""

    ALGORITHM_ID = "decision_dossier"
    GROUP = "maps"
    REQUIRES = ("numpy", "scipy", "shapely", "rasterio", "osgeo")
    TAGS = ("decision", "PDF", "map", "suitability")

    SITES = "SITES"
    SUITABILITY = "SUITABILITY"
    MODEL = "MODEL"
    CONTEXT_LAYERS = "CONTEXT_LAYERS"
    FIBRE = "FIBRE"
    PORT_ZONES = "PORT_ZONES"
    WASTE_OUTLETS = "WASTE_OUTLETS"
    TITLE = "TITLE"
    SUBTITLE = "SUBTITLE"
    TERRITORY = "TERRITORY"
    AUTHOR = "AUTHOR"
    LOGO = "LOGO"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:
        return self.tr("Decision dossier (PDF)")

    def shortHelpString(self) -> str:
        return self.tr(
            "A multi-page PDF for a council meeting, from the results of Site suitability: a cover with "
            "a summary, the map of the territory with the suitability and the candidate sites, one page "
            "per site (map, score, rank, stability under weight changes, the contribution of each "
            "criterion as a bar chart, the constraints met and key facts: fibre at the site, distance to "
            "the port, nearest waste outlet), then the method and the sources with their vintages.\n\n"
            "The sites layer is the 'Best sites' output of Site suitability (fields site_id, rank, score, "
            "min_score, area_m2, stay_top_prob and c_<criterion>). Give the same model to word the "
            "criteria, weights and constraints. The dossier is in French, in English when the QGIS "
            "locale is English."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.SITES,
                self.tr("Candidate sites (output of Site suitability)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterLayer(
                self.SUITABILITY, self.tr("Suitability raster (0–100)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.MODEL, self.tr("Suitability model (JSON file path or JSON text)"), optional=True
            )
        )
        add_context_layers_parameter(self)
        for name, description, kind in (
            (self.FIBRE, self.tr("Fibre eligibility per building (points)"),
             QgsProcessing.SourceType.TypeVectorPoint),
            (self.PORT_ZONES, self.tr("Port zones (polygons)"), QgsProcessing.SourceType.TypeVectorPolygon),
            (self.WASTE_OUTLETS, self.tr("Waste outlets: déchèteries, facilities (points)"),
             QgsProcessing.SourceType.TypeVectorPoint),
        ):  # fmt: skip
            self.addParameter(QgsProcessingParameterVectorLayer(name, description, [kind], optional=True))
        add_options(self, DecisionDossierOptions)
        add_logo_parameter(self)
        add_pdf_output(self)

    # --- checks ------------------------------------------------------------------------------------
    def checkParameterValues(self, parameters, context):
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        problem = output_folder_problem(self, parameters, context)
        if problem:
            return False, problem
        sites = self.parameterAsVectorLayer(parameters, self.SITES, context)
        if sites is not None:
            missing = [name for name in ("rank", "score") if sites.fields().indexOf(name) < 0]
            if missing:
                return False, self.tr(
                    "The sites layer {name} lacks the fields {fields}: use the 'Best sites' output of "
                    "Site suitability."
                ).format(name=sites.name(), fields=", ".join(missing))
        return True, ""

    # --- run ---------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        from ..maps import decision_dossier as _dossier
        from ..maps import layout as _layout

        output = pdf_output(self, parameters, context)
        project = context.project() or QgsProject()
        sites_layer = self.parameterAsVectorLayer(parameters, self.SITES, context)
        self.require_projected_crs(sites_layer.crs(), sites_layer.name())
        request = _dossier.DossierRequest(
            sites_layer=sites_layer,
            model=self.load_model(parameters, context),
            context_layers=self.parameterAsLayerList(parameters, self.CONTEXT_LAYERS, context),
            suitability=self.parameterAsRasterLayer(parameters, self.SUITABILITY, context),
            fibre=self.parameterAsVectorLayer(parameters, self.FIBRE, context),
            ports=self.parameterAsVectorLayer(parameters, self.PORT_ZONES, context),
            outlets=self.parameterAsVectorLayer(parameters, self.WASTE_OUTLETS, context),
            options=read_options(self, DecisionDossierOptions, parameters, context),
            logo=self.parameterAsFile(parameters, self.LOGO, context),
            language=_layout.map_language(),
        )
        feedback.setProgress(5)
        feedback.setProgressText(self.tr("Measuring the sites…"))
        layout, keep = _dossier.compose(request, project, feedback)
        feedback.setProgress(85)
        _layout.export_layout(layout, output, "pdf", 200, request.options.author.strip(), feedback)
        del keep
        feedback.setProgress(100)
        feedback.pushInfo(
            self.tr("Dossier of {pages} pages written to {path}").format(
                pages=layout.pageCollection().pageCount(), path=output
            )
        )
        return {self.OUTPUT: output}

    def load_model(self, parameters, context):
        """The suitability model, read once, its relative paths against the folder Site suitability
        used: the model file's folder, else the project's (else the working folder)."""
        from ..engine.suitability import load_model

        text = self.parameterAsString(parameters, self.MODEL, context).strip()
        if not text:
            return None
        project = context.project() or QgsProject.instance()
        home = project.homePath() if project is not None else ""
        return load_model(text, base_dir=home or os.getcwd(), allow_inconsistent=True)
