"""Print layouts for elected officials: fill a template, export it safely (Qt side).

Shared by ``export_map`` and ``decision_dossier``.  A template is a ``.qpt`` whose items are
found by their id (``map``, ``title``, ``subtitle``, ``logo``, ``legend``, ``scalebar``,
``north_arrow``, ``credits``, ``author``, ``date``); items a user template lacks are skipped.
Map texts are French unless the QGIS locale is English.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsArrowSymbolLayer,
    QgsColorRampShader,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeedback,
    QgsLayerTreeLayer,
    QgsLayerTreeModelLegendNode,
    QgsLayout,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutUtils,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsLineSymbol,
    QgsMapHitTest,
    QgsMapLayer,
    QgsMapLayerLegendUtils,
    QgsPrintLayout,
    QgsProject,
    QgsProviderRegistry,
    QgsRasterLayer,
    QgsReadWriteContext,
    QgsRectangle,
    QgsRuleBasedRenderer,
    QgsSingleBandPseudoColorRenderer,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QLocale, QSizeF
from qgis.PyQt.QtXml import QDomDocument

from .. import settings as plugin_settings
from ..engine.errors import Cancelled, EngineError
from ..engine.outputs import atomic_output
from ..engine.provenance import (
    SYNTHETIC_NOTICE_EN,
    SYNTHETIC_NOTICE_FR,
    Source,
    credits_line,
    read_sources,
)
from ..i18n_support import tr
from ..qgis_compat import input_band, legend_font, null_extent, set_legend_font
from ..resources_paths import style_path, template_path
from .texts import MAP

HIGHLIGHT = "#d55e00"  # Okabe–Ito vermilion: the feature a page is about
HIT_TEST_DPI = 96.0  # resolution of the render that finds which legend classes the map shows
TITLE_STYLE = "legend/title-style"  # layer tree custom property read by the legend renderer
BUNDLED_TEMPLATES = ("a4_landscape", "a4_portrait", "a3_landscape")
FORMATS = ("pdf", "png", "svg")


def map_language() -> str:
    """Language of the map texts: French unless the QGIS user locale is English."""
    locale = plugin_settings.user_locale()
    return "en" if locale.lower().startswith("en") else "fr"


def text(key: str, language: str) -> str:
    return MAP[language][key]


def formatted_date(language: str, date: QDate | None = None) -> str:
    """Today's date written out ("3 mars 2025" / "3 March 2025")."""
    locale = QLocale(QLocale.Language.French if language == "fr" else QLocale.Language.English)
    return locale.toString(date or QDate.currentDate(), "d MMMM yyyy")


# --- templates -------------------------------------------------------------------------
def resolve_template(value: str | None) -> str:
    """Path of a template given by bundled name (``a4_portrait``) or file path; default A4 landscape."""
    value = (value or "").strip()
    if not value:
        return template_path("a4_landscape.qpt")
    name = value[:-4] if value.lower().endswith(".qpt") else value
    if name in BUNDLED_TEMPLATES:
        return template_path(f"{name}.qpt")
    if not os.path.isfile(value) or not value.lower().endswith(".qpt"):
        raise EngineError(
            "Layout template not found: {path}. Give the path of a .qpt file or one of the bundled "
            "templates: {names}.",
            path=value,
            names=", ".join(BUNDLED_TEMPLATES),
        )
    return value


def load_template(path: str, project: QgsProject) -> QgsPrintLayout:
    """A print layout made from the ``.qpt`` at ``path``; it must hold a map item."""
    document = QDomDocument()
    with open(path, encoding="utf-8") as handle:
        content = handle.read()
    if not document.setContent(content):
        raise EngineError("The layout template {path} is not a valid .qpt (XML) file.", path=path)
    layout = QgsPrintLayout(project)
    _, loaded = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not loaded:
        raise EngineError("The layout template {path} could not be read.", path=path)
    if map_item(layout) is None:
        raise EngineError("The layout template {path} has no map item.", path=path)
    return layout


def item(layout: QgsLayout, item_id: str):
    """The layout item with this id, or None."""
    return layout.itemById(item_id)


def map_item(layout: QgsLayout) -> QgsLayoutItemMap | None:
    """The item ``map``, else the first map item of the layout."""
    found = layout.itemById("map")
    if isinstance(found, QgsLayoutItemMap):
        return found
    maps = [candidate for candidate in layout.items() if isinstance(candidate, QgsLayoutItemMap)]
    return maps[0] if maps else None


# --- layers and provenance ---------------------------------------------------------------
def layer_location(layer: QgsMapLayer) -> tuple[str, str]:
    """(file path, table name) of a layer read from a file; ("", "") otherwise."""
    if layer.providerType() not in ("ogr", "gdal"):
        return "", ""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path = parts.get("path") or ""
    name = parts.get("layerName") or (Path(path).stem if path else "")
    return path, name


def layer_file_and_table(layer: QgsMapLayer) -> tuple[str, str]:
    """The file (real path) and table a layer reads, whatever its provider ("" when none)."""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path = parts.get("path") or ""
    return (os.path.realpath(path) if path else "", parts.get("layerName") or "")


class ProvenanceIndex:
    """``sources`` tables of the GeoPackages the layers come from (read once per file)."""

    def __init__(self) -> None:
        self._tables: dict[str, dict[str, Source]] = {}

    def source(self, layer: QgsMapLayer) -> Source | None:
        path, name = layer_location(layer)
        if path.lower().endswith(".gpkg") and os.path.isfile(path):
            if path not in self._tables:
                try:
                    self._tables[path] = read_sources(path)
                except Exception:  # a locked or foreign GeoPackage: no provenance, still a map
                    self._tables[path] = {}
            if name in self._tables[path]:
                return self._tables[path][name]
        return metadata_source(layer)

    def title(self, layer: QgsMapLayer) -> str:
        """Readable name of a layer read from a file: its provenance title, else its table name."""
        source = self.source(layer)
        if source is not None and source.title:
            return source.title
        return layer_location(layer)[1] or layer.name()


def metadata_source(layer: QgsMapLayer) -> Source | None:
    """Provenance from the layer metadata (set by the plugin's loader or by the user, or in a
    ``.qmd`` file beside the layer's file, as the plugin writes for its raster outputs)."""
    metadata = layer.metadata()
    sidecar = Path(layer.source().split("|")[0]).with_suffix(".qmd")
    if not metadata.rights() and sidecar.is_file():
        layer.loadNamedMetadata(str(sidecar))
        metadata = layer.metadata()
    attribution = " ; ".join(right for right in metadata.rights() if right)
    if not attribution:
        return None
    keywords = " ".join(word for words in metadata.keywords().values() for word in words).lower()
    return Source(
        layer=layer.name(),
        title=metadata.title() or layer.name(),
        publisher="",
        url="",
        licence=" ; ".join(metadata.licenses()),
        attribution=attribution,
        vintage="",
        retrieved="",
        synthetic="synthetic" in keywords or "synthétique" in keywords,
    )


def readable_layers(
    layers: list[QgsMapLayer], project: QgsProject | None, index: ProvenanceIndex
) -> set[str]:
    """Give the layers read from a file (not the project's own) the plugin's style and a readable
    name; the ids of the project's layers (their style is the user's, never changed)."""
    in_project = {layer.id() for layer in layers if project is not None and project.mapLayer(layer.id())}
    for layer in layers:
        if layer.id() not in in_project:
            apply_family_style(layer, index.source(layer))
            layer.setName(index.title(layer))
    return in_project


COMPUTED_BY = re.compile(r"territoire:([a-z_]+)")


def apply_family_style(layer: QgsMapLayer, source: Source | None = None) -> bool:
    """Style a layer read from a file, first match wins.

    1. ``resources/styles/<table>.qml`` (the base families of the schema);
    2. the style saved with the data (GeoPackage ``layer_styles`` default, or a ``.qml`` beside
       the file) — Processing opens layers without it;
    3. the style of the algorithm that computed the layer, named in its provenance note
       ("Computed by territoire:fibre_coverage …" → ``fibre_coverage.qml``).
    """
    _, name = layer_location(layer)
    if name and os.path.isfile(style_path(name)) and layer.loadNamedStyle(style_path(name))[1]:
        return True
    if layer.loadDefaultStyle()[1]:
        return True
    match = COMPUTED_BY.search(source.note) if source is not None else None
    if match and os.path.isfile(style_path(match.group(1))):
        return bool(layer.loadNamedStyle(style_path(match.group(1)))[1])
    return False


def default_extent(
    layers: list[QgsMapLayer], crs: QgsCoordinateReferenceSystem, project: QgsProject
) -> QgsRectangle:
    """The territory's extent (a ``communes`` layer) or else all the layers', in ``crs``."""
    territory = [layer for layer in layers if layer_location(layer)[1] == "communes"]
    extent = null_extent()
    for layer in territory or layers:
        layer_extent = layer.extent()
        if layer_extent.isEmpty() and not isinstance(layer, QgsVectorLayer):
            continue
        if layer.crs() != crs:
            transform = QgsCoordinateTransform(layer.crs(), crs, project)
            layer_extent = transform.transformBoundingBox(layer_extent)
        extent.combineExtentWith(layer_extent)
    return extent


def extent_holds_features(
    layers: list[QgsMapLayer], extent: QgsRectangle, crs: QgsCoordinateReferenceSystem, project: QgsProject
) -> bool:
    """True when some vector feature, or some raster, of ``layers`` lies within ``extent`` (in ``crs``)."""
    from qgis.core import QgsFeatureRequest

    for layer in layers:
        area = extent
        if layer.crs() != crs:
            area = QgsCoordinateTransform(crs, layer.crs(), project).transformBoundingBox(extent)
        if isinstance(layer, QgsVectorLayer):
            request = QgsFeatureRequest().setFilterRect(area).setNoAttributes().setLimit(1)
            if next(iter(layer.getFeatures(request)), None) is not None:
                return True
        elif layer.extent().intersects(area):
            return True
    return False


# --- filling a layout ----------------------------------------------------------------------
@dataclass
class MapTexts:
    title: str
    subtitle: str = ""
    author: str = ""
    credits: str = ""
    logo: str = ""
    language: str = "fr"


def set_label(layout: QgsLayout, item_id: str, value: str) -> None:
    label = item(layout, item_id)
    if isinstance(label, QgsLayoutItemLabel):
        label.setText(value)
        label.setVisibility(bool(value))


def fit_on_one_line(layout: QgsLayout, item_id: str, smallest_points: float = 6.5) -> None:
    """Shrink a label's font (down to ``smallest_points``) so that its text fits its width."""
    label = item(layout, item_id)
    if not isinstance(label, QgsLayoutItemLabel) or not label.text():
        return
    modern = hasattr(label, "textFormat")  # QGIS >= 3.24; font() before
    font = label.textFormat().toQFont() if modern else label.font()
    needed = QgsLayoutUtils.textWidthMM(font, label.text()) + 2.0
    available = label.rect().width()
    if needed <= available:
        return
    points = max(smallest_points, font.pointSizeF() * available / needed)
    if modern:
        text_format = label.textFormat()
        text_format.setSize(points)
        label.setTextFormat(text_format)
    else:
        font.setPointSizeF(points)
        label.setFont(font)


def fill_texts(layout: QgsLayout, texts: MapTexts) -> None:
    """Title, subtitle, credits, author, date and logo."""
    set_label(layout, "title", texts.title)
    set_label(layout, "subtitle", texts.subtitle)
    fit_on_one_line(layout, "subtitle")
    set_label(layout, "credits", texts.credits)
    author = text("author", texts.language).format(author=texts.author) if texts.author else ""
    set_label(layout, "author", author)
    set_label(layout, "date", text("made_on", texts.language).format(date=formatted_date(texts.language)))
    logo = item(layout, "logo")
    if isinstance(logo, QgsLayoutItemPicture):
        logo.setPicturePath(texts.logo)
        logo.setVisibility(bool(texts.logo))


def fill_map(
    layout: QgsLayout,
    layers: list[QgsMapLayer],
    crs: QgsCoordinateReferenceSystem,
    extent: QgsRectangle,
    margin: float = 0.04,
) -> QgsLayoutItemMap:
    """Show ``layers`` (listed bottom to top) over ``extent`` with a small margin."""
    the_map = map_item(layout)
    if the_map is None:  # load_template refuses a template without one
        raise EngineError("The layout has no map item.")
    the_map.setCrs(crs)
    the_map.setLayers(list(reversed(layers)))  # the map item lists the top layer first
    the_map.setKeepLayerSet(True)
    the_map.setExtent(fitted_extent(extent, the_map, margin))
    for item_id in ("scalebar", "north_arrow", "legend"):
        linked = item(layout, item_id)
        if isinstance(linked, (QgsLayoutItemScaleBar, QgsLayoutItemLegend, QgsLayoutItemPicture)):
            linked.setLinkedMap(the_map)
    scalebar = item(layout, "scalebar")
    if isinstance(scalebar, QgsLayoutItemScaleBar):
        fit_scalebar_units(scalebar, the_map)
    return the_map


def fitted_extent(extent: QgsRectangle, the_map: QgsLayoutItemMap, margin: float) -> QgsRectangle:
    """``extent`` grown by ``margin`` and widened to the map frame's proportions, same centre."""
    size = the_map.sizeWithUnits()
    frame_ratio = size.width() / size.height() if size.height() > 0 else 1.0
    width = max(extent.width(), 1.0) * (1 + 2 * margin)
    height = max(extent.height(), 1.0) * (1 + 2 * margin)
    if width / height < frame_ratio:
        width = height * frame_ratio
    else:
        height = width / frame_ratio
    centre = extent.center()
    return QgsRectangle(
        centre.x() - width / 2, centre.y() - height / 2, centre.x() + width / 2, centre.y() + height / 2
    )


def fit_scalebar_units(scalebar: QgsLayoutItemScaleBar, the_map: QgsLayoutItemMap) -> None:
    """Kilometres for territories, metres for a street-level map."""
    if the_map.extent().width() < 3000:
        scalebar.setUnits(QgsUnitTypes.DistanceUnit.DistanceMeters)
        scalebar.setUnitLabel("m")
    else:
        scalebar.setUnits(QgsUnitTypes.DistanceUnit.DistanceKilometers)
        scalebar.setUnitLabel("km")
    scalebar.setMapUnitsPerScaleBarUnit(1)
    scalebar.update()


def fill_legend(layout: QgsLayout, layers: list[QgsMapLayer], language: str) -> None:
    """Legend of the mapped layers only (top layer first), with readable titles, filtered by map.

    Legend titles are the layer names.  Layers with one symbol show as one line (symbol + name);
    classified layers show their name then their classes.  Long labels wrap to the legend's
    width; the legend splits into columns, then shrinks its text, to fit its frame.
    """
    legend = item(layout, "legend")
    if isinstance(legend, QgsLayoutItemLegend):
        fill_legend_item(legend, layers, language)


def fill_legend_item(legend: QgsLayoutItemLegend, layers: list[QgsMapLayer], language: str) -> None:
    """Fill one legend item with ``layers`` (bottom to top), see :func:`fill_legend`."""
    legend.setTitle(text("legend", language))
    legend.setAutoUpdateModel(False)
    legend.setLegendFilterByMapEnabled(False)  # filter_legend_by_map does it, keeping legend-only rules
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer in reversed(layers):
        node = root.addLayer(layer)
        renderer = layer.renderer() if isinstance(layer, QgsRasterLayer) else None
        if isinstance(renderer, QgsSingleBandPseudoColorRenderer):
            # Skip the band-name line ("Band 1 (Gray)") above the classes.
            classes = renderer.shader().rasterShaderFunction().colorRampItemList()
            QgsMapLayerLegendUtils.setLegendNodeOrder(node, list(range(1, len(classes) + 1)))
    legend.updateLegend()
    filter_legend_by_map(legend)
    fit_legend(legend)


def legend_only_keys(layer: QgsVectorLayer) -> set[str]:
    """Keys of the rules that draw no feature and only explain the symbology in the legend.

    A rule whose filter is ``FALSE`` (the arrow widths of a flow map, a "hazardous: red
    outline" note) is never drawn: QGIS's own filter by map content would always hide it.
    """
    renderer = layer.renderer()
    if not isinstance(renderer, QgsRuleBasedRenderer):
        return set()
    keys = set()
    for rule in renderer.rootRule().descendants():
        if rule.filterExpression().strip().upper() == "FALSE":
            while rule.parent() is not None:  # with the group headings above it, up to the root
                keys.add(rule.ruleKey())
                rule = rule.parent()
    return keys


def filter_legend_by_map(legend: QgsLayoutItemLegend) -> None:
    """Keep the legend classes drawn in the linked map's current extent, and the legend-only rules.

    Run again for each atlas page (the map then shows another extent).
    """
    the_map = legend.linkedMap()
    if the_map is None:
        return
    frame = the_map.rect()
    pixels = QSizeF(frame.width() / 25.4 * HIT_TEST_DPI, frame.height() / 25.4 * HIT_TEST_DPI)
    hits = QgsMapHitTest(the_map.mapSettings(the_map.extent(), pixels, HIT_TEST_DPI, True))
    hits.run()
    model = legend.model()
    for node in model.rootGroup().findLayers():
        shown = legend_nodes_in_frame(node, hits, the_map)
        if shown is None:
            continue
        QgsMapLayerLegendUtils.setLegendNodeOrder(node, shown)
        if shown:
            node.removeCustomProperty(TITLE_STYLE)
        else:  # nothing of the layer in the frame: not even its title
            node.setCustomProperty(TITLE_STYLE, "hidden")
        model.refreshLayerLegend(node)
    legend.refresh()


def legend_nodes_in_frame(
    node: QgsLayerTreeLayer, hits: QgsMapHitTest, the_map: QgsLayoutItemMap
) -> list[int] | None:
    """Indices of the layer's legend entries to show for the map's frame; None: leave them as they are.

    Vector entries are those the hit test found drawn, plus the legend-only rules; a discrete
    classed raster's are its classes present in the frame, after its band-name line.
    """
    layer = node.layer()
    if isinstance(layer, QgsRasterLayer):
        present = raster_classes_in(layer, the_map.extent(), the_map.crs(), the_map.layout().project())
        return None if present is None else [1 + index for index in present]
    if not isinstance(layer, QgsVectorLayer) or layer.legend() is None:
        return None
    always = legend_only_keys(layer)
    keys = [  # the layer's own entries, before any order or label set on the node
        entry.data(QgsLayerTreeModelLegendNode.LegendNodeRoles.RuleKeyRole)
        for entry in layer.legend().createLayerTreeModelLegendNodes(node)
    ]
    return [index for index, key in enumerate(keys) if key in always or hits.legendKeyVisible(key, layer)]


RASTER_SAMPLE = 512  # cells per side read to find the classes a raster shows in a frame


def raster_classes_in(
    layer: QgsRasterLayer, extent: QgsRectangle, crs: QgsCoordinateReferenceSystem, project: QgsProject
) -> list[int] | None:
    """Indices of the classes of a discrete classed raster that occur in ``extent`` (in ``crs``).

    None when the raster is not drawn by discrete classes (its legend is then left whole).
    The frame is read at most RASTER_SAMPLE cells a side: a class thinner than that is not
    visible on paper either.
    """
    renderer = layer.renderer()
    if not isinstance(renderer, QgsSingleBandPseudoColorRenderer) or renderer.shader() is None:
        return None
    function = renderer.shader().rasterShaderFunction()
    if function.colorRampType() != QgsColorRampShader.Type.Discrete:
        return None
    provider = layer.dataProvider()
    import numpy as np

    dtype = {
        Qgis.DataType.Byte: np.uint8, Qgis.DataType.UInt16: np.uint16, Qgis.DataType.Int16: np.int16,
        Qgis.DataType.UInt32: np.uint32, Qgis.DataType.Int32: np.int32, Qgis.DataType.Float32: np.float32,
        Qgis.DataType.Float64: np.float64,
    }.get(provider.dataType(input_band(renderer)))  # fmt: skip
    if dtype is None:
        return None
    if crs.isValid() and layer.crs().isValid() and crs != layer.crs():
        extent = QgsCoordinateTransform(crs, layer.crs(), project).transformBoundingBox(extent)
    frame = extent.intersect(layer.extent())
    if frame.isEmpty():
        return []
    cols = max(1, min(RASTER_SAMPLE, round(frame.width() / layer.rasterUnitsPerPixelX())))
    rows = max(1, min(RASTER_SAMPLE, round(frame.height() / layer.rasterUnitsPerPixelY())))
    band = input_band(renderer)
    block = provider.block(band, frame, cols, rows)
    values = np.frombuffer(bytes(block.data()), dtype=dtype, count=cols * rows).astype(np.float64)
    valid = np.isfinite(values)
    if provider.sourceHasNoDataValue(band):
        valid &= values != provider.sourceNoDataValue(band)
    uppers = np.array([item.value for item in function.colorRampItemList()], dtype=np.float64)
    classes = np.searchsorted(uppers, values[valid], side="left")  # value <= upper bound
    return sorted(int(index) for index in np.unique(classes[classes < len(uppers)]))


def legend_labels(node: QgsLayerTreeLayer) -> list[str]:
    """Class labels of a vector layer's legend, in the legend's original order."""
    layer = node.layer()
    if not isinstance(layer, QgsVectorLayer) or layer.renderer() is None:
        return []
    return [symbol_item.label() for symbol_item in layer.renderer().legendSymbolItems()]


def wrap_text(value: str, font, width_mm: float) -> str:
    """``value`` with line breaks between words so that each line fits ``width_mm``."""
    lines: list[str] = []
    for paragraph in value.split("\n"):
        current = ""
        for word in paragraph.split(" "):
            candidate = f"{current} {word}" if current else word
            if current and QgsLayoutUtils.textWidthMM(font, candidate) > width_mm:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
    return "\n".join(lines)


MIN_COLUMN_MM = 42  # narrower legend columns wrap every label: shrink the text instead


def line_symbol_height(symbol) -> float:
    """Height (mm) a line symbol needs in a legend patch: its widest layer, arrow heads included."""
    if not isinstance(symbol, QgsLineSymbol):
        return 0.0
    heights = [0.0]
    for layer in symbol.symbolLayers():
        if isinstance(layer, QgsArrowSymbolLayer):
            heights.append(max(layer.arrowWidth(), layer.arrowStartWidth()) + 2 * layer.headThickness())
        else:
            heights.append(layer.width())
    return max(heights)


def fit_tall_symbols(legend: QgsLayoutItemLegend, node: QgsLayerTreeLayer) -> None:
    """Give line symbols wider than the legend patch (a flow-width scale) a patch of their height."""
    layer = node.layer()
    if not isinstance(layer, QgsVectorLayer) or layer.renderer() is None:
        return
    for index, item in enumerate(layer.renderer().legendSymbolItems()):
        height = line_symbol_height(item.symbol())
        if height > legend.symbolHeight():
            patch = QSizeF(max(legend.symbolWidth(), 1.4 * height), height + 1.0)  # an arrow, not a block
            QgsMapLayerLegendUtils.setLegendNodeSymbolSize(node, index, patch)


def fit_legend(legend: QgsLayoutItemLegend) -> None:
    """Wrap long labels, split into columns, then shrink the text, patches and spacing until the
    legend fits its frame."""
    frame = legend.sizeWithUnits()
    styles = (QgsLegendStyle.Style.Group, QgsLegendStyle.Style.Subgroup, QgsLegendStyle.Style.SymbolLabel)
    base_sizes = {style: legend_font(legend, style).pointSizeF() for style in styles}
    spaced = (QgsLegendStyle.Style.Group, QgsLegendStyle.Style.Subgroup, QgsLegendStyle.Style.Symbol)
    top = QgsLegendStyle.Side.Top
    base_margins = {style: legend.rstyle(style).margin(top) for style in spaced}
    base_symbol_height = legend.symbolHeight()
    nodes = [node for node in legend.model().rootGroup().children() if isinstance(node, QgsLayerTreeLayer)]
    originals = {node.layerId(): (node.name(), legend_labels(node)) for node in nodes}
    for node in nodes:
        fit_tall_symbols(legend, node)
    context = QgsLayoutUtils.createRenderContextForLayout(legend.layout(), None)
    space = legend.columnSpace()
    max_columns = max(1, min(4, int((frame.width() + space) // (MIN_COLUMN_MM + space))))
    candidates = [(c, f) for f in (1.0, 0.9, 0.8, 0.7, 0.6) for c in range(1, max_columns + 1)]
    for columns, factor in candidates:
        legend.setColumnCount(columns)
        legend.setSplitLayer(columns > 1)
        for style in styles:
            font = legend_font(legend, style)
            font.setPointSizeF(base_sizes[style] * factor)
            set_legend_font(legend, style, font)
        for style in spaced:
            legend.setStyleMargin(style, top, base_margins[style] * factor)
        legend.setSymbolHeight(base_symbol_height * factor)
        column_width = (frame.width() - (columns - 1) * legend.columnSpace()) / columns
        text_width = column_width - legend.symbolWidth() - 3
        title_font = legend_font(legend, QgsLegendStyle.Style.Subgroup)
        label_font = legend_font(legend, QgsLegendStyle.Style.SymbolLabel)
        for node in nodes:
            title, labels = originals[node.layerId()]
            node.setCustomProperty("legend/title-label", wrap_text(title, title_font, text_width))
            for index, label in enumerate(labels):
                wrapped = wrap_text(label, label_font, text_width)
                QgsMapLayerLegendUtils.setLegendNodeUserLabel(node, index, wrapped)
            legend.model().refreshLayerLegend(node)
        size = QgsLegendRenderer(legend.model(), legend.legendSettings()).minimumSize(context)
        if size.width() <= frame.width() + 0.5 and size.height() <= frame.height() + 0.5:
            break
    legend.refresh()


def output_folder_usable(path: str) -> bool:
    """True when the folder of ``path`` exists or can be made (its nearest existing ancestor is
    a writable folder, not a file)."""
    folder = Path(path).expanduser().absolute().parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder.is_dir() and os.access(folder, os.W_OK)


# --- export ---------------------------------------------------------------------------------
EXPORT_ERRORS = {
    QgsLayoutExporter.ExportResult.FileError: "the file could not be written",
    QgsLayoutExporter.ExportResult.MemoryError: "not enough memory to render the page",
    QgsLayoutExporter.ExportResult.PrintError: "the page could not be rendered",
    QgsLayoutExporter.ExportResult.SvgLayerError: "a layer could not be exported to SVG",
    QgsLayoutExporter.ExportResult.IteratorError: "the atlas could not be prepared",
    QgsLayoutExporter.ExportResult.Canceled: "the export was cancelled",
}


def check_export(result, path: str | os.PathLike[str], detail: str = "") -> None:
    """Raise a clear error when a QgsLayoutExporter call did not succeed."""
    if result == QgsLayoutExporter.ExportResult.Success:
        return
    reason = EXPORT_ERRORS.get(result, "unknown exporter error")
    if detail:
        reason = f"{reason} ({detail})"
    raise EngineError("The map could not be exported to {path}: {reason}.", path=str(path), reason=reason)


def pdf_settings(dpi: int) -> QgsLayoutExporter.PdfExportSettings:
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = False
    settings.writeGeoPdf = False
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    settings.simplifyGeometries = True
    return settings


def document_author(author: str = "") -> str:
    """Who a PDF names as its author: ``author``, else the organisation of the plugin settings,
    else the QGIS user."""
    return author or plugin_settings.organisation() or QgsApplication.userFullName()


@contextlib.contextmanager
def pdf_author(layout: QgsLayout, author: str) -> Iterator[None]:
    """The layout's project names ``author`` while a PDF is written (QGIS writes the project
    metadata's author into the PDF, by default the login name); restored afterwards."""
    project = layout.project()
    metadata = project.metadata()
    previous, dirty = metadata.author(), project.isDirty()
    metadata.setAuthor(document_author(author))
    project.setMetadata(metadata)
    try:
        yield
    finally:
        metadata.setAuthor(previous)
        project.setMetadata(metadata)
        project.setDirty(dirty)


def export_layout(
    layout: QgsLayout, output: str, fmt: str, dpi: int, author: str = "", feedback: QgsFeedback | None = None
) -> None:
    """Export every page (PDF) or the first page (PNG, SVG) to ``output``, atomically.

    QGIS renders a layout's pages in one call, without feedback: the progress text says so
    before the render starts, and a run cancelled by then writes nothing.
    """
    if feedback is not None:
        if feedback.isCanceled():
            raise Cancelled()
        pages = layout.pageCollection().pageCount() if fmt == "pdf" else 1
        set_progress_text(
            feedback,
            tr("Rendering {pages} pages and writing {path}…").format(pages=pages, path=Path(output).name)
            if pages > 1
            else tr("Rendering the map and writing {path}…").format(path=Path(output).name),
        )
    exporter = QgsLayoutExporter(layout)
    with atomic_output(output) as temporary:
        if fmt == "pdf":
            with pdf_author(layout, author):
                result = exporter.exportToPdf(str(temporary), pdf_settings(dpi))
        elif fmt == "png":
            settings = QgsLayoutExporter.ImageExportSettings()
            settings.dpi = dpi
            settings.generateWorldFile = False
            settings.pages = [0]
            result = exporter.exportToImage(str(temporary), settings)
        else:
            settings = QgsLayoutExporter.SvgExportSettings()
            settings.dpi = dpi
            settings.forceVectorOutput = True
            settings.exportAsLayers = False
            settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
            settings.pages = [0]
            result = exporter.exportToSvg(str(temporary), settings)
        detail = exporter.errorFile() if result == QgsLayoutExporter.ExportResult.FileError else ""
        check_export(result, output, detail)


def set_progress_text(feedback: QgsFeedback | None, text: str) -> None:
    """Show ``text`` above the progress bar (a Processing feedback; another one only logs nothing)."""
    if feedback is not None and hasattr(feedback, "setProgressText"):
        feedback.setProgressText(text)


def credits_for(layers: list[QgsMapLayer], index: ProvenanceIndex, language: str) -> str:
    """The credits line of the mapped layers (synthetic notice first), empty without provenance."""
    return credits_from_sources([index.source(layer) for layer in layers], language)


def credits_from_sources(sources: Sequence[Source | None], language: str) -> str:
    """One credits line from the layers' provenance.

    A derived layer's attribution may already be a credits list ("A ; B ; Données d'exemple
    synthétiques graine 1"): it is split into its parts, and parts that only repeat the synthetic
    notice are dropped (the notice comes first once when any layer is synthetic).
    """
    notices = (SYNTHETIC_NOTICE_FR, SYNTHETIC_NOTICE_EN)
    parts: list[Source] = []
    for source in sources:
        if source is None:
            continue
        pieces = [piece.strip() for piece in source.attribution.split(" ; ")]
        kept = [piece for piece in pieces if piece and not piece.startswith(notices)]
        # the flag alone carries the notice; a lone attribution keeps its vintage
        parts.append(replace(source, attribution="", vintage=""))
        vintage = source.vintage if len(pieces) == 1 else ""
        parts += [replace(source, attribution=piece, vintage=vintage) for piece in kept]
    return credits_line(parts, language) if parts else ""
