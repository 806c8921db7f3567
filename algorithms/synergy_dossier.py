"""``territoire:synergy_dossier``: a PDF with a page per proposed synergy (actors, quantities,
distance, savings, confidence), from the outputs of territoire:resource_synergies."""

from __future__ import annotations

from qgis.core import QgsProcessing, QgsProcessingParameterVectorLayer, QgsProject

from ..engine.layout_options import SynergyDossierOptions
from ._maps import add_context_layers_parameter, add_pdf_output, pdf_output
from ._options import add_options, read_options
from .base import TerritoireAlgorithm


class SynergyDossierAlgorithm(TerritoireAlgorithm):
    """Cover, the Toile, one page per synergy, factors and sources, in one PDF."""

    ALGORITHM_ID = "synergy_dossier"
    GROUP = "maps"
    REQUIRES = ("numpy", "scipy")
    TAGS = ("symbiosis", "decision", "PDF", "map")

    SYNERGIES = "SYNERGIES"
    FACTORS = "FACTORS"
    CONTEXT_LAYERS = "CONTEXT_LAYERS"
    TITLE = "TITLE"
    SUBTITLE = "SUBTITLE"
    TERRITORY = "TERRITORY"
    AUTHOR = "AUTHOR"
    SHOW_CONFIDENTIAL = "SHOW_CONFIDENTIAL"
    MAX_PAGES = "MAX_PAGES"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:
        return self.tr("Synergy dossier (PDF)")

    def shortHelpString(self) -> str:
        return self.tr(
            "A PDF for the actors and the council from the outputs of Resource synergies: a cover with "
            "the totals, the Toile of the proposed synergies, then one page per synergy (ranked by net "
            "saving) with its map, the actors, quantities taken and delivered, distance, months, cost, "
            "value of the substituted supply, net saving, CO2 avoided and confidence, and a page of the "
            "factors and their sources. Confidential actors are never printed by name unless asked, "
            "whatever the synergies layer holds."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.SYNERGIES,
                self.tr("Synergies (output of Resource synergies)"),
                [QgsProcessing.SourceType.TypeVectorLine],
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.FACTORS,
                self.tr("Factors and their sources (output of Resource synergies)"),
                [QgsProcessing.SourceType.TypeVector],
                optional=True,
            )
        )
        add_context_layers_parameter(self)
        add_options(self, SynergyDossierOptions)
        add_pdf_output(self)

    def processAlgorithm(self, parameters, context, feedback):
        from ..maps import layout as _layout
        from ..maps import synergy_dossier as _dossier

        output = pdf_output(self, parameters, context)
        synergies = self.parameterAsVectorLayer(parameters, self.SYNERGIES, context)
        self.require_projected_crs(synergies.crs(), synergies.name())
        request = _dossier.SynergyRequest(
            synergies=synergies,
            factors=self.parameterAsVectorLayer(parameters, self.FACTORS, context),
            context_layers=self.parameterAsLayerList(parameters, self.CONTEXT_LAYERS, context),
            options=read_options(self, SynergyDossierOptions, parameters, context),
            language=_layout.map_language(),
        )
        project = context.project() or QgsProject()  # lives as long as the layout
        layout, keep = _dossier.compose(request, project, feedback)
        feedback.setProgress(85)
        _layout.export_layout(layout, output, "pdf", 150, feedback=feedback)
        del keep
        pages = layout.pageCollection().pageCount()
        feedback.pushInfo(
            self.tr("Dossier of {pages} pages written to {path}").format(pages=pages, path=output)
        )
        return {self.OUTPUT: output}
