"""The map of ``export_map`` (Qt side): layers styled, a template filled, written page by page.

``style_layers`` gives the layers read from files the plugin's style and readable names and
applies the styles asked for; ``compose`` fills the template (texts, map, legend); ``export``
writes one page (PDF, PNG, SVG) or an atlas (one PDF page per feature), with its progress.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeedback,
    QgsLayoutItemMap,
    QgsMapLayer,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)

from ..engine.errors import EngineError, EngineWarning
from ..engine.layout_options import MapOptions
from ..i18n_support import tr
from . import atlas as _atlas
from . import layout as _layout


def style_layers(
    layers: list[QgsMapLayer],
    project: QgsProject | None,
    qml_files: list[str],
    index: _layout.ProvenanceIndex,
) -> tuple[list[QgsMapLayer], set[str]]:
    """The layers to map and the ids of the project's among them: those read from a file styled by
    family and named by their provenance, then the ``.qml`` files given in the layers' order
    applied (to a copy of a project layer: the user's layer keeps its style)."""
    layers = list(layers)
    in_project = _layout.readable_layers(layers, project, index)
    for position, qml in enumerate(qml_files[: len(layers)]):
        if not qml:
            continue
        if layers[position].id() in in_project:
            layers[position] = layers[position].clone()
        message, loaded = layers[position].loadNamedStyle(qml)
        if not loaded:
            raise EngineError(
                "The style {qml} could not be applied to {layer}: {reason}",
                qml=qml,
                layer=layers[position].name(),
                reason=message,
            )
    return layers, in_project


def territory_crs(layers: list[QgsMapLayer]) -> QgsCoordinateReferenceSystem:
    """The CRS of the territory's layer (``communes``), else of the first layer."""
    territory = [layer for layer in layers if _layout.layer_location(layer)[1] == "communes"]
    return (territory or layers)[0].crs()


@dataclass
class MapRequest:
    """What one map (or atlas) is made of: the algorithm's inputs, read."""

    layers: list[QgsMapLayer]  # bottom to top
    crs: QgsCoordinateReferenceSystem
    extent: QgsRectangle | None  # None: the territory's or the layers'
    template: str  # a .qpt path
    logo: str
    options: MapOptions
    language: str
    index: _layout.ProvenanceIndex
    atlas_layer: QgsVectorLayer | None = None
    atlas_title_field: str = ""


def compose(
    request: MapRequest, project: QgsProject, warn: Callable[[EngineWarning], None]
) -> tuple[QgsPrintLayout, QgsLayoutItemMap]:
    """The filled template and its map item (``warn`` hears of an extent that shows nothing)."""
    layers, crs, options = request.layers, request.crs, request.options
    extent = request.extent
    if extent is None or extent.isNull() or extent.isEmpty():
        extent = _layout.default_extent(layers, crs, project)
    if not _layout.extent_holds_features(layers, extent, crs, project):
        warn(
            EngineWarning(
                "The map extent holds no feature of the layers: the map will be blank. Check "
                "the extent and the layers' coordinate reference systems."
            )
        )
    layout = _layout.load_template(request.template, project)
    _layout.fill_texts(
        layout,
        _layout.MapTexts(
            title=options.title.strip() or layers[-1].name(),
            subtitle=options.subtitle.strip(),
            author=options.author.strip(),
            credits=_layout.credits_for(layers, request.index, request.language),
            logo=request.logo,
            language=request.language,
        ),
    )
    the_map = _layout.fill_map(layout, layers, crs, extent)
    _layout.fill_legend(layout, layers, request.language)
    return layout, the_map


def export(
    request: MapRequest,
    layout: QgsPrintLayout,
    the_map: QgsLayoutItemMap,
    output: str,
    fmt: str,
    feedback: QgsFeedback | None = None,
) -> None:
    """Write the map to ``output`` (progress 30–95 %: page by page for an atlas)."""
    options = request.options
    coverage = request.atlas_layer
    if coverage is None:
        _layout.export_layout(layout, output, fmt, options.dpi, options.author.strip(), feedback)
        return
    from . import atlas_profile as _atlas_profile

    _layout.set_progress_text(feedback, tr("Preparing the atlas…"))
    highlight = _atlas.prepare(layout, the_map, coverage, request.atlas_title_field, options.title.strip())
    profile = _atlas_profile.add_profile_sheet(layout, the_map, coverage, request.language)
    if feedback is not None:
        if profile:
            feedback.pushInfo(tr("Each page shows its profile beside the median."))
        feedback.pushInfo(tr("Atlas of {count} pages.").format(count=coverage.featureCount()))
    _atlas.export_pdf(layout, output, options.dpi, feedback, options.author.strip(), (30.0, 95.0))
    del highlight
