"""Atlases (Qt side): one page per feature of a coverage layer, in one PDF, with progress per page.

``prepare`` turns a filled template into an atlas (the map zoomed on each feature and the feature
outlined, the page title from a field, the legend of what each page shows); ``export_pdf`` writes
it, reporting each page and stopping between pages when the run is cancelled.
"""

from __future__ import annotations

from qgis.core import (
    QgsFeedback,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPrintLayout,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..engine.errors import Cancelled, EngineError
from ..engine.outputs import atomic_output
from ..i18n_support import tr
from . import layout as _layout
from .layout import HIGHLIGHT


def prepare(layout: QgsPrintLayout, the_map: QgsLayoutItemMap, coverage: QgsVectorLayer, field: str,
            title: str) -> QgsVectorLayer:  # fmt: skip
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
    highlight = atlas_highlight(coverage)
    the_map.setLayers([highlight, *the_map.layers()])
    page_title = atlas_title_expression(field) if field else ""
    title_item = layout.itemById("title")
    subtitle_item = layout.itemById("subtitle")
    if page_title and isinstance(title_item, QgsLayoutItemLabel):
        title_item.setText(page_title)
        title_item.setVisibility(True)
        if title and isinstance(subtitle_item, QgsLayoutItemLabel) and not subtitle_item.text():
            subtitle_item.setText(title)
            subtitle_item.setVisibility(True)
    if not atlas.updateFeatures():
        raise EngineError(
            "The atlas layer {name} has no feature: there is no page to make.", name=coverage.name()
        )
    return highlight


def export_pdf(layout: QgsPrintLayout, output: str, dpi: int, feedback: QgsFeedback | None = None,
               author: str = "", progress: tuple[float, float] = (0.0, 100.0)) -> None:  # fmt: skip
    """One PDF with a page per atlas feature, atomically.

    The exporter reports each feature it renders: the run's progress goes from ``progress[0]``
    to ``progress[1]`` page by page, the progress text names the page, and a cancelled run stops
    before the next page and writes nothing.
    """
    atlas = layout.atlas()
    count = atlas.count()
    pages = QgsFeedback()  # the exporter's own feedback, tied to the run's
    if feedback is not None:
        start, end = progress
        if feedback.isCanceled():
            raise Cancelled()
        feedback.canceled.connect(pages.cancel)

        shown = [0]  # the page the progress text names

        def report(percent: float) -> None:
            page = min(count, int(percent * count / 100.0 + 0.5) + 1)
            feedback.setProgress(start + (end - start) * percent / 100.0)
            if page != shown[0]:
                shown[0] = page
                text = tr("Atlas page {page} of {count}…").format(page=page, count=count)
                _layout.set_progress_text(feedback, text)

        pages.progressChanged.connect(report)
        report(0.0)  # the exporter says nothing before the first page (its progress starts at 0)
    try:
        with atomic_output(output) as temporary, _layout.pdf_author(layout, author):
            settings = _layout.pdf_settings(dpi)
            result, error = QgsLayoutExporter.exportToPdf(atlas, str(temporary), settings, pages)
            if pages.isCanceled():
                raise Cancelled()
            _layout.check_export(result, output, error)
    finally:
        if feedback is not None:
            feedback.canceled.disconnect(pages.cancel)


def atlas_highlight(coverage: QgsVectorLayer) -> QgsVectorLayer:
    """A copy of the atlas layer that outlines only the current page's feature (not in the legend)."""
    highlight = coverage.clone()
    if coverage.geometryType() == QgsWkbTypes.GeometryType.PointGeometry:
        symbol = QgsMarkerSymbol.createSimple(
            {
                "name": "circle",
                "size": "7",
                "color": "0,0,0,0",
                "outline_color": HIGHLIGHT,
                "outline_width": "0.8",
            }
        )
    elif coverage.geometryType() == QgsWkbTypes.GeometryType.LineGeometry:
        symbol = QgsLineSymbol.createSimple({"line_color": HIGHLIGHT, "line_width": "1.2"})
    else:
        symbol = QgsFillSymbol.createSimple(
            {"color": "0,0,0,0", "outline_color": HIGHLIGHT, "outline_width": "0.9", "joinstyle": "round"}
        )
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, "$id = @atlas_featureid"))
    highlight.setRenderer(QgsRuleBasedRenderer(root))
    if isinstance(highlight, QgsVectorLayer):
        highlight.setLabelsEnabled(False)
    return highlight


def atlas_title_expression(field: str) -> str:
    """A label text showing ``field`` of the atlas feature."""
    escaped = field.replace('"', '""')
    return f'[% "{escaped}" %]'
