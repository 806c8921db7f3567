"""Parameters and checks shared by the layout algorithms (export_map and the dossiers)."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
)

from ..i18n_support import tr
from .base import TerritoireAlgorithm

LOGO = "LOGO"
CONTEXT_LAYERS = "CONTEXT_LAYERS"
OUTPUT = "OUTPUT"


class LayoutAlgorithm(TerritoireAlgorithm):
    """An algorithm that makes a print layout: layouts render project layers, so it runs in the
    main thread."""

    def flags(self):
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading


def add_logo_parameter(algorithm) -> None:
    algorithm.addParameter(
        QgsProcessingParameterFile(
            LOGO,
            tr("Logo of the commune (SVG or image)"),
            QgsProcessingParameterFile.Behavior.File,
            fileFilter=tr("Images (*.svg *.png *.jpg *.jpeg)"),
            optional=True,
        )
    )


def add_context_layers_parameter(algorithm) -> None:
    algorithm.addParameter(
        QgsProcessingParameterMultipleLayers(
            CONTEXT_LAYERS,
            tr("Context layers for the maps, bottom to top (communes, roads…)"),
            QgsProcessing.SourceType.TypeMapLayer,
            optional=True,
        )
    )


def add_pdf_output(algorithm) -> None:
    algorithm.addParameter(
        QgsProcessingParameterFileDestination(OUTPUT, tr("Dossier"), fileFilter="PDF (*.pdf)")
    )


def output_folder_problem(algorithm, parameters, context) -> str:
    """Why the output cannot be written ("" when it can)."""
    from ..maps.layout import output_folder_usable

    output = algorithm.parameterAsFileOutput(parameters, OUTPUT, context)
    if output and not output_folder_usable(output):
        return tr("The output folder {folder} cannot be written to.").format(folder=str(Path(output).parent))
    return ""


def pdf_output(algorithm, parameters, context) -> str:
    """The output path, ending in ``.pdf``."""
    output = algorithm.parameterAsFileOutput(parameters, OUTPUT, context)
    return output if Path(output).suffix.lower() == ".pdf" else f"{output}.pdf"
