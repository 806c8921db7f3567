"""The page kit of the dossiers (Qt side): labels, boxes, tables, maps, legends, page frames.

The dossiers (``maps.decision_dossier``, ``maps.synergy_dossier``) are built in code on A4
landscape pages with these pieces.  Everything is vector (text stays text in the PDF): bar charts
are layout shapes, tables are manual tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from qgis.core import (
    QgsFillSymbol,
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
    QgsPathResolver,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsScaleBarSettings,
    QgsSymbolLayerUtils,
    QgsTableCell,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

from ..qgis_compat import set_label_font, set_legend_font
from . import layout as _layout
from .texts import DOSSIER_PAGE

MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters
NORTH_ARROW_SVG = "arrows/NorthArrow_02.svg"  # shipped with QGIS
FONT = "Arial"
INK, GREY, ACCENT, LIGHT = "#1b1b1b", "#555555", "#1f4e79", "#e8eef5"
BAR, BAR_MAX = "#0072b2", "#d9e3ee"
WIDTH, HEIGHT, MARGIN = 297.0, 210.0, 12.0


class Framed(Protocol):
    """What a page frame reads: the dossier's title, its credits and its language."""

    title: str
    credits: str
    language: str


@dataclass
class Sheet:
    """What the frame of an inner page shows: the dossier's title, the credits, the language."""

    title: str
    credits: str
    language: str


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


def page_frame(layout, sheet: Framed, page: int, title: str, pages: int) -> None:
    """Section title, accent rule, credits and page number of an inner page."""
    label(layout, page, MARGIN, 9, WIDTH - 2 * MARGIN - 60, 10, title, 18, bold=True)
    label(
        layout,
        page,
        WIDTH - MARGIN - 80,
        11,
        80,
        6,
        sheet.title,
        8.5,
        GREY,
        align=Qt.AlignmentFlag.AlignRight,
    )
    box(layout, page, MARGIN, 21, WIDTH - 2 * MARGIN, 0.7, ACCENT)
    label(layout, page, MARGIN, HEIGHT - 10, WIDTH - 2 * MARGIN - 30, 6, sheet.credits, 6.5, GREY)
    label(
        layout,
        page,
        WIDTH - MARGIN - 28,
        HEIGHT - 10,
        28,
        5,
        f"{DOSSIER_PAGE[sheet.language]} {page + 1} / {pages}",
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
