"""Pages of the decision dossier (Qt side): cover, territory map, one page per site, method, sources.

The layout is built in code on A4 landscape pages.  Everything is vector (text stays text in the
PDF): the contribution bar chart is drawn with layout shapes, tables are manual tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import (
    Qgis,
    QgsColorRampShader,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutTableStyle,
    QgsLegendStyle,
    QgsMapLayer,
    QgsPalLayerSettings,
    QgsPathResolver,
    QgsPrintLayout,
    QgsProject,
    QgsRasterLayer,
    QgsRasterShader,
    QgsRectangle,
    QgsRuleBasedRenderer,
    QgsScaleBarSettings,
    QgsSingleBandPseudoColorRenderer,
    QgsSingleSymbolRenderer,
    QgsSymbolLayerUtils,
    QgsTableCell,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

from ..engine import dossier as words
from ..engine.provenance import Source
from ..qgis_compat import null_extent, set_label_font, set_legend_font
from . import layout as _layout

MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters
NORTH_ARROW_SVG = "arrows/NorthArrow_02.svg"  # shipped with QGIS
FONT = "Arial"
INK, GREY, ACCENT, LIGHT = "#1b1b1b", "#555555", "#1f4e79", "#e8eef5"
BAR, BAR_MAX = "#0072b2", "#d9e3ee"
WIDTH, HEIGHT, MARGIN = 297.0, 210.0, 12.0
SUITABILITY_CLASSES = (  # upper bound, colour (viridis, colour-blind safe), French, English
    (20, "#440154", "Très peu favorable (0–20)", "Very unsuitable (0–20)"),
    (40, "#3b528b", "Peu favorable (20–40)", "Unsuitable (20–40)"),
    (60, "#21918c", "Moyen (40–60)", "Average (40–60)"),
    (80, "#5ec962", "Favorable (60–80)", "Suitable (60–80)"),
    (100, "#fde725", "Très favorable (80–100)", "Very suitable (80–100)"),
)

TEXTS = {
    "fr": {
        "dossier": "Dossier d'aide à la décision",
        "territory_map": "Le territoire et les sites candidats",
        "site": "Site n° {rank}",
        "score": "Score d'aptitude",
        "rank": "Rang",
        "min_score": "Score le plus bas dans le site",
        "area": "Surface",
        "stability": "Stabilité du classement",
        "contributions": "Ce qui fait le score (points par critère)",
        "max_hint": "barre claire : points possibles ; barre foncée : points obtenus",
        "constraints": "Contraintes",
        "facts": "Repères",
        "fibre": "Fibre (FTTH) à moins de {radius} m",
        "fibre_value": "{share} des {premises} locaux raccordables",
        "fibre_none": "aucun local recensé",
        "port": "Distance au port",
        "waste": "Exutoire déchets le plus proche",
        "method": "Méthode",
        "sources": "Sources des données",
        "summary": "En bref",
        "contents": "Sommaire",
        "made_on": "Document réalisé le {date}",
        "author": "Auteur : {author}",
        "page": "Page",
        "sites_label": "Sites candidats (numéro = rang)",
        "suitability_label": "Aptitude (0–100)",
        "exclude": "À plus de {buffer} de : {layer}",
        "exclude_plain": "En dehors de : {layer}",
        "include": "Dans : {layer}",
        "met": "respectée",
        "not_met": "NON respectée",
        "distance_now": "(distance : {distance})",
        "unchecked": "non vérifiable ici",
        "no_model": "Modèle non fourni : les contraintes ne sont pas rappelées.",
        "layer": "Couche",
        "publisher": "Producteur",
        "licence": "Licence",
        "vintage": "Millésime",
        "nature": "Nature",
        "real": "réelle",
        "synthetic": "synthétique (exemple)",
        "criterion": "Critère",
        "measures": "Mesure",
        "transform": "Transformation en aptitude (0 à 1)",
        "weight": "Poids",
    },
    "en": {
        "dossier": "Decision dossier",
        "territory_map": "The territory and the candidate sites",
        "site": "Site no. {rank}",
        "score": "Suitability score",
        "rank": "Rank",
        "min_score": "Lowest score within the site",
        "area": "Area",
        "stability": "Stability of the ranking",
        "contributions": "What makes the score (points per criterion)",
        "max_hint": "light bar: possible points; dark bar: points obtained",
        "constraints": "Constraints",
        "facts": "Key facts",
        "fibre": "Fibre (FTTH) within {radius} m",
        "fibre_value": "{share} of {premises} premises can connect",
        "fibre_none": "no premises recorded",
        "port": "Distance to the port",
        "waste": "Nearest waste outlet",
        "method": "Method",
        "sources": "Data sources",
        "summary": "Summary",
        "contents": "Contents",
        "made_on": "Made on {date}",
        "author": "Author: {author}",
        "page": "Page",
        "sites_label": "Candidate sites (number = rank)",
        "suitability_label": "Suitability (0–100)",
        "exclude": "More than {buffer} from: {layer}",
        "exclude_plain": "Outside: {layer}",
        "include": "Within: {layer}",
        "met": "met",
        "not_met": "NOT met",
        "distance_now": "(distance: {distance})",
        "unchecked": "cannot be checked here",
        "no_model": "No model given: the constraints are not listed.",
        "layer": "Layer",
        "publisher": "Publisher",
        "licence": "Licence",
        "vintage": "Vintage",
        "nature": "Nature",
        "real": "real",
        "synthetic": "synthetic (sample)",
        "criterion": "Criterion",
        "measures": "Measure",
        "transform": "Transformation into suitability (0 to 1)",
        "weight": "Weight",
    },
}


# --- what the pages say ----------------------------------------------------------------------
@dataclass
class SitePage:
    """Everything one site's page shows."""

    site_id: object
    rank: int
    score: float
    min_score: float | None
    area_m2: float
    stay_top_prob: float | None
    geometry: QgsGeometry
    contributions: list[words.Contribution]
    constraints: list[tuple[str, str]] = field(default_factory=list)  # (constraint, verdict)
    facts: list[tuple[str, str]] = field(default_factory=list)  # (what, value)


@dataclass
class CriterionRow:
    name: str
    measure: str
    transform: str
    weight: float


@dataclass
class Dossier:
    """The content of the dossier, measured and worded, ready to lay out."""

    title: str
    subtitle: str
    territory: str
    author: str
    logo: str
    language: str
    sites: list[SitePage]
    crs: QgsCoordinateReferenceSystem
    sites_layer: QgsVectorLayer
    context_layers: list[QgsMapLayer]
    suitability: QgsRasterLayer | None
    criteria: list[CriterionRow]
    method: list[str]
    sources: list[Source]
    credits: str


def t(dossier: Dossier, key: str) -> str:
    return TEXTS[dossier.language][key]


# --- styles made in code (no shared QML for these outputs) -----------------------------------
def style_suitability(layer: QgsRasterLayer, language: str) -> None:
    """Five classes of 20 points, viridis (colour-blind safe), plain labels."""
    ramp = QgsColorRampShader(0, 100, None, QgsColorRampShader.Type.Discrete)
    ramp.setColorRampItemList([
        QgsColorRampShader.ColorRampItem(upper, QColor(colour), fr if language == "fr" else en)
        for upper, colour, fr, en in SUITABILITY_CLASSES
    ])  # fmt: skip
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(ramp)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(0)
    renderer.setClassificationMax(100)
    renderer.setOpacity(0.8)
    layer.setRenderer(renderer)


def style_sites(layer: QgsVectorLayer) -> None:
    """Dark blue outlines, the rank written beside each site."""
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
        "color": "255,255,255,60", "outline_color": ACCENT, "outline_width": "0.6", "joinstyle": "round",
    })))  # fmt: skip
    settings = QgsPalLayerSettings()
    settings.fieldName = "rank"
    text = QgsTextFormat()
    bold = QFont(FONT)
    bold.setBold(True)
    text.setFont(bold)
    text.setSize(10)
    text.setColor(QColor(ACCENT))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(1.0)
    buffer.setColor(QColor("#ffffff"))
    text.setBuffer(buffer)
    settings.setFormat(text)
    settings.placement = QgsPalLayerSettings.Placement.OverPoint
    settings.priority = 10
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def site_highlight(sites: QgsVectorLayer, site_id: object) -> QgsVectorLayer:
    """A copy of the sites layer that outlines one site in vermilion."""
    highlight = sites.clone()
    symbol = QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "outline_color": _layout.HIGHLIGHT, "outline_width": "1.1", "joinstyle": "round"}
    )
    root = QgsRuleBasedRenderer.Rule(None)
    literal = site_id if isinstance(site_id, (int, float)) else f"'{site_id}'"
    root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, f'"site_id" = {literal}'))
    highlight.setRenderer(QgsRuleBasedRenderer(root))
    highlight.setLabelsEnabled(False)
    return highlight


# --- measuring the sites -----------------------------------------------------------------------
def features_near(layer: QgsVectorLayer, geometry: QgsGeometry, crs, radius: float, project: QgsProject):
    """(feature, geometry in ``crs``) of ``layer`` within ``radius`` of ``geometry``."""
    to_layer = QgsCoordinateTransform(crs, layer.crs(), project)
    to_map = QgsCoordinateTransform(layer.crs(), crs, project)
    box = geometry.boundingBox()
    box.grow(radius)
    request = QgsFeatureRequest().setFilterRect(to_layer.transformBoundingBox(box))
    for feature in layer.getFeatures(request):
        other = QgsGeometry(feature.geometry())
        moved = other.transform(to_map) == Qgis.GeometryOperationResult.Success
        if moved and other.distance(geometry) <= radius:
            yield feature, other


def nearest(layer: QgsVectorLayer, geometry: QgsGeometry, crs, project: QgsProject):
    """(feature, distance in metres) of the feature of ``layer`` nearest to ``geometry``."""
    to_map = QgsCoordinateTransform(layer.crs(), crs, project)
    best, best_distance = None, float("inf")
    for feature in layer.getFeatures():
        other = QgsGeometry(feature.geometry())
        if other.isEmpty() or other.transform(to_map) != Qgis.GeometryOperationResult.Success:
            continue
        gap = other.distance(geometry)
        if gap < best_distance:
            best, best_distance = feature, gap
    return best, best_distance


def feature_name(feature, layer: QgsVectorLayer) -> str:
    for name in ("name", "nom", "site_name"):
        if layer.fields().indexOf(name) >= 0 and feature[name]:
            return str(feature[name])
    return ""


# --- laying out ----------------------------------------------------------------------------------
def place(item, page: int, x: float, y: float, width: float, height: float) -> None:
    item.attemptResize(QgsLayoutSize(width, height, MM))
    item.attemptMove(QgsLayoutPoint(x, y, MM), True, False, page)


def font(size: float, bold: bool = False) -> QFont:
    """The layouts' text font at ``size`` points."""
    text_font = QFont(FONT)
    text_font.setPointSizeF(size)
    text_font.setBold(bold)
    return text_font


def label(
    layout,
    page: int,
    x: float,
    y: float,
    width: float,
    height: float,
    value: str,
    size: float,
    colour: str = INK,
    bold: bool = False,
    align=Qt.AlignmentFlag.AlignLeft,
) -> QgsLayoutItemLabel:
    item = QgsLayoutItemLabel(layout)
    set_label_font(item, font(size, bold), QColor(colour))
    item.setText(value)
    item.setHAlign(align)
    item.setVAlign(Qt.AlignmentFlag.AlignTop)
    item.setMarginX(0)
    item.setMarginY(0)
    layout.addLayoutItem(item)
    place(item, page, x, y, width, height)
    return item


def box(
    layout,
    page: int,
    x: float,
    y: float,
    width: float,
    height: float,
    colour: str,
    outline: str | None = None,
) -> QgsLayoutItemShape:
    shape = QgsLayoutItemShape(layout)
    shape.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
    properties = (
        {"color": colour, "outline_style": "no"}
        if outline is None
        else {"color": colour, "outline_color": outline, "outline_width": "0.25"}
    )
    shape.setSymbol(QgsFillSymbol.createSimple(properties))
    layout.addLayoutItem(shape)
    place(shape, page, x, y, width, height)
    return shape


def table(
    layout,
    page: int,
    x: float,
    y: float,
    width: float,
    height: float,
    header: list[str],
    rows: list[list[str]],
    widths: list[float],
    size: float = 8.0,
) -> QgsLayoutItemManualTable:
    """A vector table that wraps its cells."""
    manual = QgsLayoutItemManualTable.create(layout)
    layout.addMultiFrame(manual)
    frame = QgsLayoutFrame(layout, manual)
    place(frame, page, x, y, width, height)
    manual.addFrame(frame)
    content = QgsTextFormat()
    content.setFont(QFont(FONT))
    content.setSize(size)
    content.setColor(QColor(INK))
    heading = QgsTextFormat(content)
    bold = QFont(FONT)
    bold.setBold(True)
    heading.setFont(bold)
    heading.setColor(QColor("#ffffff"))
    manual.setContentTextFormat(content)
    manual.setHeaderTextFormat(heading)
    manual.setBackgroundColor(QColor("#ffffff"))
    manual.setGridColor(QColor("#c8c8c8"))
    manual.setGridStrokeWidth(0.2)
    manual.setCellMargin(1.5)
    manual.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    manual.setHeaderHAlignment(QgsLayoutTable.HeaderHAlignment.HeaderLeft)
    manual.setHeaders([QgsLayoutTableColumn(title) for title in header])
    manual.setIncludeTableHeader(True)
    manual.setTableContents([[QgsTableCell(value) for value in row] for row in rows])
    manual.setColumnWidths(widths)
    for group, colour in (
        (QgsLayoutTable.CellStyleGroup.HeaderRow, QColor(ACCENT)),
        (QgsLayoutTable.CellStyleGroup.OddRows, QColor("#f3f6fa")),
    ):
        style = QgsLayoutTableStyle()  # a fresh style: the copy from cellStyle() drops colours
        style.enabled = True
        style.cellBackgroundColor = colour
        manual.setCellStyle(group, style)
    manual.recalculateFrameSizes()
    return manual


def map_item(
    layout,
    page: int,
    rect: tuple[float, float, float, float],
    layers: list[QgsMapLayer],
    crs,
    extent: QgsRectangle,
    margin: float,
) -> QgsLayoutItemMap:
    the_map = QgsLayoutItemMap(layout)
    layout.addLayoutItem(the_map)
    place(the_map, page, *rect)
    the_map.setFrameEnabled(True)
    the_map.setFrameStrokeColor(QColor("#7f7f7f"))
    the_map.setFrameStrokeWidth(QgsLayoutMeasurement(0.3, MM))
    the_map.setCrs(crs)
    the_map.setLayers(list(reversed(layers)))
    the_map.setKeepLayerSet(True)
    the_map.setExtent(_layout.fitted_extent(extent, the_map, margin))
    return the_map


def map_furniture(layout, page: int, the_map: QgsLayoutItemMap, rect) -> None:
    """North arrow (top right) and scale bar (bottom left) inside the map frame."""
    x, y, width, height = rect
    north = QgsLayoutItemPicture(layout)
    # a name on QGIS's SVG paths must be resolved here (a template's is resolved when it is read)
    north.setPicturePath(QgsSymbolLayerUtils.svgSymbolNameToPath(NORTH_ARROW_SVG, QgsPathResolver()))
    north.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    north.setBackgroundEnabled(True)
    north.setBackgroundColor(QColor(255, 255, 255, 215))
    layout.addLayoutItem(north)
    place(north, page, x + width - 13, y + 3, 10, 14)
    north.setLinkedMap(the_map)
    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setStyle("Single Box")
    scalebar.setNumberOfSegments(2)
    scalebar.setNumberOfSegmentsLeft(0)
    scalebar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFitWidth)
    scalebar.setMinimumBarWidth(20)
    scalebar.setMaximumBarWidth(40)
    scalebar.setHeight(1.8)
    text = QgsTextFormat()
    text.setFont(QFont(FONT))
    text.setSize(7.5)
    scalebar.setTextFormat(text)
    scalebar.setBackgroundEnabled(True)
    scalebar.setBackgroundColor(QColor(255, 255, 255, 215))
    layout.addLayoutItem(scalebar)
    scalebar.setLinkedMap(the_map)
    _layout.fit_scalebar_units(scalebar, the_map)
    place(scalebar, page, x + 3, y + height - 14, 48, 11)


def legend_item(
    layout, page: int, rect, the_map: QgsLayoutItemMap, layers: list[QgsMapLayer], language: str
) -> QgsLayoutItemLegend:
    legend = QgsLayoutItemLegend(layout)
    layout.addLayoutItem(legend)
    place(legend, page, *rect)
    legend.setLinkedMap(the_map)
    for style, size, bold in (
        (QgsLegendStyle.Style.Title, 11, True),
        (QgsLegendStyle.Style.Group, 9, True),
        (QgsLegendStyle.Style.Subgroup, 8.5, True),
        (QgsLegendStyle.Style.SymbolLabel, 8, False),
    ):
        font = QFont(FONT)
        font.setPointSizeF(size)
        font.setBold(bold)
        set_legend_font(legend, style, font)
    legend.setSymbolWidth(7)
    legend.setSymbolHeight(4.5)
    legend.rstyle(QgsLegendStyle.Style.Symbol).setMargin(QgsLegendStyle.Side.Top, 1.6)
    legend.setResizeToContents(False)
    _layout.fill_legend_item(legend, layers, language)
    return legend


def page_frame(layout, dossier: Dossier, page: int, title: str, pages: int) -> None:
    """Section title, accent rule, credits and page number of an inner page."""
    label(layout, page, MARGIN, 9, WIDTH - 2 * MARGIN - 60, 10, title, 18, bold=True)
    label(
        layout,
        page,
        WIDTH - MARGIN - 80,
        11,
        80,
        6,
        dossier.title,
        8.5,
        GREY,
        align=Qt.AlignmentFlag.AlignRight,
    )
    box(layout, page, MARGIN, 21, WIDTH - 2 * MARGIN, 0.7, ACCENT)
    label(layout, page, MARGIN, HEIGHT - 10, WIDTH - 2 * MARGIN - 30, 6, dossier.credits, 6.5, GREY)
    label(
        layout,
        page,
        WIDTH - MARGIN - 28,
        HEIGHT - 10,
        28,
        5,
        f"{t(dossier, 'page')} {page + 1} / {pages}",
        7.5,
        GREY,
        align=Qt.AlignmentFlag.AlignRight,
    )


def new_layout(project: QgsProject, pages: int) -> QgsPrintLayout:
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    collection = layout.pageCollection()
    collection.page(0).setPageSize("A4", QgsLayoutItemPage.Orientation.Landscape)
    for _ in range(pages - 1):
        page = QgsLayoutItemPage(layout)
        page.setPageSize("A4", QgsLayoutItemPage.Orientation.Landscape)
        collection.addPage(page)
    return layout


def cover(layout, dossier: Dossier, pages: int) -> None:
    box(layout, 0, 0, 0, WIDTH, 78, ACCENT)
    label(layout, 0, MARGIN + 4, 16, WIDTH - 80, 8, t(dossier, "dossier").upper(), 11, "#cfe0f1", bold=True)
    label(layout, 0, MARGIN + 4, 27, WIDTH - 80, 26, dossier.title, 26, "#ffffff", bold=True)
    label(layout, 0, MARGIN + 4, 55, WIDTH - 80, 16, dossier.subtitle, 14, "#e8eef5")
    if dossier.logo:
        box(layout, 0, WIDTH - MARGIN - 52, 14, 52, 36, "#ffffff")
        logo = QgsLayoutItemPicture(layout)
        logo.setPicturePath(dossier.logo)
        logo.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
        layout.addLayoutItem(logo)
        place(logo, 0, WIDTH - MARGIN - 49, 17, 46, 30)
    if dossier.territory:
        label(layout, 0, MARGIN + 4, 86, WIDTH - 2 * MARGIN, 10, dossier.territory, 15, ACCENT, bold=True)
    language = dossier.language
    best = dossier.sites[0] if dossier.sites else None
    summary = []
    if dossier.sites:
        summary.append(
            f"{len(dossier.sites)} sites candidats classés par un score d'aptitude sur 100."
            if language == "fr"
            else f"{len(dossier.sites)} candidate sites ranked by a suitability score out of 100."
        )
        score = words.number(best.score, language)
        summary.append(
            f"Meilleur site : n° {best.rank}, {score}/100, {words.area(best.area_m2, language)}."
            if language == "fr"
            else f"Best site: no. {best.rank}, {score}/100, {words.area(best.area_m2, language)}."
        )
        summary.append(words.stability_text(best.stay_top_prob, len(dossier.sites), language))
    if dossier.criteria:
        parts = ", ".join(f"{row.name} {words.percent(row.weight, language)}" for row in dossier.criteria)
        summary.append(
            f"Critères et poids : {parts}." if language == "fr" else f"Criteria and weights: {parts}."
        )
    box(layout, 0, MARGIN + 4, 102, 160, 62, LIGHT)
    label(layout, 0, MARGIN + 10, 106, 150, 7, t(dossier, "summary"), 12, ACCENT, bold=True)
    label(layout, 0, MARGIN + 10, 115, 148, 48, "\n\n".join(summary), 10)
    sites_pages = f"3–{2 + len(dossier.sites)}" if len(dossier.sites) > 1 else "3"
    contents = [
        f"1. {t(dossier, 'territory_map')} — p. 2",
        f"2. {'Fiches des sites' if language == 'fr' else 'Site sheets'} — p. {sites_pages}",
        f"3. {t(dossier, 'method')} — p. {pages - 1}",
        f"4. {t(dossier, 'sources')} — p. {pages}",
    ]
    label(layout, 0, 190, 106, 95, 7, t(dossier, "contents"), 12, ACCENT, bold=True)
    label(layout, 0, 190, 115, 95, 48, "\n\n".join(contents), 10)
    date = _layout.formatted_date(language)
    footer = TEXTS[language]["made_on"].format(date=date)
    if dossier.author:
        footer = f"{TEXTS[language]['author'].format(author=dossier.author)} — {footer}"
    label(layout, 0, MARGIN + 4, 176, WIDTH - 2 * MARGIN, 6, footer, 10, GREY)
    label(layout, 0, MARGIN + 4, HEIGHT - 14, WIDTH - 2 * MARGIN - 8, 8, dossier.credits, 7, GREY)


def map_layers(dossier: Dossier) -> list[QgsMapLayer]:
    """Bottom to top: background context (communes, rasters), suitability, other context, sites."""
    background = [
        layer
        for layer in dossier.context_layers
        if isinstance(layer, QgsRasterLayer) or _layout.layer_location(layer)[1] == "communes"
    ]
    others = [layer for layer in dossier.context_layers if layer not in background]
    suitability = [dossier.suitability] if dossier.suitability is not None else []
    return [*background, *suitability, *others, dossier.sites_layer]


def territory_page(layout, dossier: Dossier, page: int, pages: int) -> None:
    page_frame(layout, dossier, page, t(dossier, "territory_map"), pages)
    rect = (MARGIN, 26, 205, HEIGHT - 26 - 14)
    layers = map_layers(dossier)
    extent = null_extent()
    territory = [layer for layer in dossier.context_layers if _layout.layer_location(layer)[1] == "communes"]
    for layer in territory or [dossier.sites_layer]:
        layer_extent = QgsCoordinateTransform(
            layer.crs(), dossier.crs, QgsProject.instance()
        ).transformBoundingBox(layer.extent())
        extent.combineExtentWith(layer_extent)
    the_map = map_item(layout, page, rect, layers, dossier.crs, extent, 0.03)
    map_furniture(layout, page, the_map, rect)
    legend_item(
        layout,
        page,
        (MARGIN + 210, 26, WIDTH - 2 * MARGIN - 210, HEIGHT - 26 - 14),
        the_map,
        layers,
        dossier.language,
    )


def bar_chart(
    layout, dossier: Dossier, page: int, x: float, y: float, width: float, site: SitePage, scale_max: float
) -> float:
    """Horizontal bars: possible points (light) and obtained points (dark) per criterion."""
    language = dossier.language
    name_width, value_width = 46, 20
    bar_width = width - name_width - value_width - 2
    row = 7.0
    for index, part in enumerate(site.contributions):
        top = y + index * row
        label(
            layout, page, x, top + 1, name_width - 2, 5, words.criterion_name(part.criterion, language), 8.5
        )
        if part.maximum:
            box(layout, page, x + name_width, top + 0.8, bar_width * part.maximum / scale_max, 4.4, BAR_MAX)
        length = max(0.4, bar_width * max(part.points, 0) / scale_max)
        box(layout, page, x + name_width, top + 0.8, length, 4.4, BAR)
        points = words.number(part.points, language, 1)
        maximum = f" / {words.number(part.maximum, language)}" if part.maximum else ""
        label(
            layout,
            page,
            x + width - value_width,
            top + 1,
            value_width,
            5,
            f"{points}{maximum}",
            8,
            align=Qt.AlignmentFlag.AlignRight,
        )
    bottom = y + len(site.contributions) * row
    if any(part.maximum for part in site.contributions):
        label(layout, page, x, bottom + 0.5, width, 4, t(dossier, "max_hint"), 6.5, GREY)
        bottom += 5
    return bottom


def site_page(
    layout, dossier: Dossier, page: int, pages: int, site: SitePage, scale_max: float, keep: list
) -> None:
    language = dossier.language
    title = f"{t(dossier, 'site').format(rank=site.rank)} — {words.number(site.score, language)}/100"
    page_frame(layout, dossier, page, title, pages)
    rect = (MARGIN, 26, 140, 112)
    highlight = site_highlight(dossier.sites_layer, site.site_id)
    keep.append(highlight)
    layers = [*map_layers(dossier), highlight]
    extent = site.geometry.boundingBox()
    if extent.width() < 1500 or extent.height() < 1000:
        centre = extent.center()
        half_width, half_height = max(extent.width(), 1500) / 2, max(extent.height(), 1000) / 2
        extent = QgsRectangle(
            centre.x() - half_width,
            centre.y() - half_height,
            centre.x() + half_width,
            centre.y() + half_height,
        )
    the_map = map_item(layout, page, rect, layers, dossier.crs, extent, 0.15)
    map_furniture(layout, page, the_map, rect)
    legend_item(layout, page, (MARGIN, 141, 140, HEIGHT - 141 - 12), the_map, map_layers(dossier), language)

    x = MARGIN + 146
    panel = WIDTH - MARGIN - x
    box(layout, page, x, 26, panel, 27, LIGHT)
    label(layout, page, x + 4, 28, 60, 5, t(dossier, "score"), 8.5, GREY)
    label(layout, page, x + 4, 33, 60, 14, f"{words.number(site.score, language)}/100", 24, ACCENT, bold=True)
    label(layout, page, x + 60, 28, 34, 5, t(dossier, "rank"), 8.5, GREY)
    label(
        layout,
        page,
        x + 60,
        34,
        34,
        8,
        words.rank_text(site.rank, len(dossier.sites), language),
        14,
        bold=True,
    )
    label(layout, page, x + 96, 28, 40, 5, t(dossier, "area"), 8.5, GREY)
    label(layout, page, x + 96, 34, 40, 8, words.area(site.area_m2, language), 14, bold=True)
    if site.min_score is not None:
        label(
            layout,
            page,
            x + 4,
            47,
            panel - 8,
            5,
            f"{t(dossier, 'min_score')} : {words.number(site.min_score, language)}/100"
            if language == "fr"
            else f"{t(dossier, 'min_score')}: {words.number(site.min_score, language)}/100",
            8,
            GREY,
        )

    y = 57
    label(layout, page, x, y, panel, 5, t(dossier, "stability"), 10, ACCENT, bold=True)
    label(
        layout,
        page,
        x,
        y + 5.5,
        panel,
        9,
        words.stability_text(site.stay_top_prob, len(dossier.sites), language),
        8.5,
    )
    y += 16
    label(layout, page, x, y, panel, 5, t(dossier, "contributions"), 10, ACCENT, bold=True)
    y = bar_chart(layout, dossier, page, x, y + 6, panel, site, scale_max) + 2
    if site.constraints:
        label(layout, page, x, y, panel, 5, t(dossier, "constraints"), 10, ACCENT, bold=True)
        lines = [
            f"• {what} : {verdict}" if language == "fr" else f"• {what}: {verdict}"
            for what, verdict in site.constraints
        ]
        label(layout, page, x, y + 5.5, panel, 4.2 * len(lines) + 1, "\n".join(lines), 8)
        y += 7 + 4.2 * len(lines)
    if site.facts:
        label(layout, page, x, y, panel, 5, t(dossier, "facts"), 10, ACCENT, bold=True)
        lines = [
            f"• {what} : {value}" if language == "fr" else f"• {what}: {value}" for what, value in site.facts
        ]
        label(layout, page, x, y + 5.5, panel, 4.2 * len(lines) + 1, "\n".join(lines), 8)


def method_page(layout, dossier: Dossier, page: int, pages: int) -> None:
    page_frame(layout, dossier, page, t(dossier, "method"), pages)
    label(layout, page, MARGIN, 27, WIDTH - 2 * MARGIN, 50, "\n\n".join(dossier.method), 9.5)
    if dossier.criteria:
        rows = [
            [row.name, row.measure, row.transform, words.percent(row.weight, dossier.language)]
            for row in dossier.criteria
        ]
        header = [
            t(dossier, "criterion"),
            t(dossier, "measures"),
            t(dossier, "transform"),
            t(dossier, "weight"),
        ]
        table(layout, page, MARGIN, 98, WIDTH - 2 * MARGIN, 95, header, rows, [48, 86, 102, 16])


def sources_page(layout, dossier: Dossier, page: int, pages: int) -> None:
    page_frame(layout, dossier, page, t(dossier, "sources"), pages)
    rows = [
        [
            source.title,
            source.publisher,
            source.licence,
            "—" if source.synthetic or not source.vintage else source.vintage,  # a seed is no vintage
            t(dossier, "synthetic") if source.synthetic else t(dossier, "real"),
        ]
        for source in dossier.sources
    ]
    header = [
        t(dossier, "layer"),
        t(dossier, "publisher"),
        t(dossier, "licence"),
        t(dossier, "vintage"),
        t(dossier, "nature"),
    ]
    table(layout, page, MARGIN, 27, WIDTH - 2 * MARGIN, HEIGHT - 27 - 14, header, rows, [90, 58, 45, 27, 35])


def build(dossier: Dossier, project: QgsProject, feedback=None) -> tuple[QgsPrintLayout, list]:
    """The dossier's layout, and the helper layers it draws (keep them until exported)."""
    pages = 2 + len(dossier.sites) + 2
    layout = new_layout(project, pages)
    keep: list = []
    cover(layout, dossier, pages)
    territory_page(layout, dossier, 1, pages)
    scale_max = max(
        [part.maximum or part.points for site in dossier.sites for part in site.contributions] or [1.0]
    )
    for index, site in enumerate(dossier.sites):
        if feedback is not None:
            if feedback.isCanceled():
                break
            feedback.setProgress(40 + 40 * index / max(len(dossier.sites), 1))
        site_page(layout, dossier, 2 + index, pages, site, scale_max, keep)
    method_page(layout, dossier, pages - 2, pages)
    sources_page(layout, dossier, pages - 1, pages)
    return layout, keep
