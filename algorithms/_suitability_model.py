"""The suitability model of a run, read once: the one resolver of the algorithms that take a model
(``territoire:site_suitability``, ``territoire:decision_dossier``).

``suitability_model(algorithm, parameters, context)`` reads the parameter MODEL (a JSON file path
or the JSON text), parses and validates it with the engine's ``load_model(text_or_path,
base_dir)`` — relative layer paths start from the model file's folder, or for a model given as
text from the project's folder (else the working folder) — and resolves project layer names to
files.  The model is kept on the algorithm between ``checkParameterValues`` and
``processAlgorithm`` (and handed to the copy Processing runs, see ``share_models``), keyed by the
parameter's value, the base folder, the AHP flag and the model file's modification time, so a
run parses it once; ``processAlgorithm`` takes it with ``keep=False`` so the next run reads the
file and the project layers again.
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import TYPE_CHECKING

from qgis.core import (
    QgsMapLayer,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingUtils,
    QgsProject,
    QgsVectorFileWriter,
)

from ..engine.errors import EngineError
from ..i18n_support import tr

if TYPE_CHECKING:
    from ..engine.suitability import Model

MODEL = "MODEL"
ALLOW_INCONSISTENT = "ALLOW_INCONSISTENT"


def project_folder(context: QgsProcessingContext) -> str:
    """Where the relative layer paths of a model given as text start: the project's folder, else
    the working folder."""
    project = context.project() or QgsProject.instance()
    home = project.homePath() if project is not None else ""
    return home or os.getcwd()


def suitability_model(
    algorithm,
    parameters,
    context: QgsProcessingContext,
    allow_inconsistent: bool | None = None,
    keep: bool = True,
    name: str = MODEL,
) -> Model:
    """The validated model of the parameter ``name``, its layers resolved to file paths.

    ``allow_inconsistent``: run an AHP matrix with CR ≥ 0.10 (default: the parameter
    ALLOW_INCONSISTENT).  Raises QgsProcessingException with the engine's message, translated.
    """
    from ..engine.suitability import load_model

    text = algorithm.parameterAsString(parameters, name, context).strip()
    if not text:
        raise QgsProcessingException(tr("Give a suitability model: a JSON file path or the JSON text."))
    if allow_inconsistent is None:
        allow_inconsistent = algorithm.parameterAsBoolean(parameters, ALLOW_INCONSISTENT, context)
    base_dir = project_folder(context)
    key = (text, base_dir, allow_inconsistent, _modified(text))
    models = algorithm.__dict__.setdefault("_models", {})
    model = models.get(key) if keep else models.pop(key, None)
    if model is not None:
        return model
    try:
        model = load_model(text, base_dir, allow_inconsistent=allow_inconsistent)
    except EngineError as error:
        raise QgsProcessingException(algorithm.engine_message(error)) from error
    model.criteria = [replace(c, layer=layer_path(c.layer, model.base_dir, context)) for c in model.criteria]
    model.constraints = [
        replace(c, layer=layer_path(c.layer, model.base_dir, context)) for c in model.constraints
    ]
    if keep:
        models.clear()  # only the model of the run at hand
        models[key] = model
    return model


def share_models(algorithm, instance) -> None:
    """Hand the model read by ``algorithm``'s checks to ``instance``, the copy Processing runs."""
    instance.__dict__["_models"] = algorithm.__dict__.setdefault("_models", {})


def _modified(text: str) -> float | None:
    """The modification time of the model file ``text`` names; None for a model given as text."""
    if text.lstrip().startswith("{"):
        return None
    try:
        return os.stat(os.path.expanduser(text)).st_mtime
    except OSError:
        return None


def layer_path(reference: str, base_dir: str | None, context: QgsProcessingContext) -> str:
    """A file path/URI for ``reference``: kept when it is a file, else a project layer's source
    (a filtered or non-file vector layer is exported to a temporary GeoPackage)."""
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
            tr("Layer {layer} is not a file-based raster: save it as a GeoTIFF first.").format(
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
            tr("Layer {layer} could not be exported for the analysis: {reason}").format(
                layer=layer.name(), reason=message
            )
        )
    return export
