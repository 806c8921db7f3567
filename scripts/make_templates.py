"""Build the bundled print layout templates ``resources/templates/*.qpt`` with PyQGIS.

Run ``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_templates.py``; the output is
committed.  Every template holds the items ``maps/layout.py`` fills by their id:
``map``, ``title``, ``subtitle``, ``logo``, ``legend``, ``scalebar``, ``north_arrow``,
``credits``, ``author`` and ``date``.  A user template can use the same ids.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsFillSymbol,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsScaleBarSettings,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "resources" / "templates"
FONT = "Arial"  # Liberation Sans through fontconfig on Linux: clean text in PDFs
INK = QColor("#1b1b1b")
GREY = QColor("#555555")
ACCENT = QColor("#1f4e79")
NORTH_ARROW_SVG = "arrows/NorthArrow_02.svg"  # shipped with QGIS, resolved on the SVG paths


@dataclass(frozen=True)
class PageDesign:
    """Geometry of one template (millimetres)."""

    name: str
    width: float
    height: float
    portrait: bool
    title_size: int


DESIGNS = (
    PageDesign("a4_landscape", 297, 210, False, 20),
    PageDesign("a4_portrait", 210, 297, True, 18),
    PageDesign("a3_landscape", 420, 297, False, 26),
)


def font(size: float, bold: bool = False) -> QFont:
    result = QFont(FONT)
    result.setPointSizeF(size)
    result.setBold(bold)
    return result


def place(item, x: float, y: float, width: float, height: float) -> None:
    item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    item.attemptResize(QgsLayoutSize(width, height, QgsUnitTypes.LayoutUnit.LayoutMillimeters))


def add_label(layout, item_id: str, text: str, size: float, colour: QColor, bold: bool = False,
              align=Qt.AlignmentFlag.AlignLeft) -> QgsLayoutItemLabel:
    label = QgsLayoutItemLabel(layout)
    label.setId(item_id)
    label.setText(text)
    label.setFont(font(size, bold))
    label.setFontColor(colour)
    label.setHAlign(align)
    label.setVAlign(Qt.AlignmentFlag.AlignTop)
    label.setMarginX(0)
    label.setMarginY(0)
    layout.addLayoutItem(label)
    return label


def build(design: PageDesign) -> QgsPrintLayout:
    """One template: header (title, subtitle, logo), map, legend, scale, north, footer."""
    layout = QgsPrintLayout(QgsProject.instance())
    layout.initializeDefaults()
    layout.setName(design.name)
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(design.width, design.height, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    width, height, margin = design.width, design.height, 10.0
    scale = design.title_size / 20

    logo_width = 40 * scale
    title = add_label(layout, "title", "Titre de la carte", design.title_size, INK, bold=True)
    place(title, margin, margin, width - 2 * margin - logo_width - 5, 10 * scale)
    subtitle = add_label(layout, "subtitle", "Sous-titre", 11 * scale, GREY)
    place(subtitle, margin, margin + 11 * scale, width - 2 * margin - logo_width - 5, 7 * scale)
    logo = QgsLayoutItemPicture(layout)
    logo.setId("logo")
    logo.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    logo.setPictureAnchor(QgsLayoutItemPicture.ReferencePoint.UpperRight)
    layout.addLayoutItem(logo)
    place(logo, width - margin - logo_width, margin - 2, logo_width, 20 * scale)

    rule_y = margin + 19 * scale
    rule = QgsLayoutItemShape(layout)
    rule.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
    rule.setSymbol(QgsFillSymbol.createSimple({"color": ACCENT.name(), "outline_style": "no"}))
    rule.setId("header_rule")
    layout.addLayoutItem(rule)
    place(rule, margin, rule_y, width - 2 * margin, 0.8)

    footer_height = 13 * scale
    top = rule_y + 3
    bottom = height - margin - footer_height
    map_item = QgsLayoutItemMap(layout)
    map_item.setId("map")
    map_item.setFrameEnabled(True)
    map_item.setFrameStrokeColor(QColor("#7f7f7f"))
    map_item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    map_item.setBackgroundColor(QColor("#ffffff"))
    layout.addLayoutItem(map_item)

    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle("Légende")
    legend.setAutoUpdateModel(False)
    legend.setLegendFilterByMapEnabled(True)
    legend.setStyleFont(QgsLegendStyle.Style.Title, font(11 * scale, bold=True))
    legend.setStyleFont(QgsLegendStyle.Style.Group, font(9 * scale, bold=True))
    legend.setStyleFont(QgsLegendStyle.Style.Subgroup, font(8.5 * scale, bold=True))
    legend.setStyleFont(QgsLegendStyle.Style.SymbolLabel, font(8 * scale))
    legend.setFontColor(INK)
    legend.setSymbolWidth(7 * scale)
    legend.setSymbolHeight(4.5 * scale)
    legend.rstyle(QgsLegendStyle.Style.Subgroup).setMargin(QgsLegendStyle.Side.Top, 2.5)
    legend.rstyle(QgsLegendStyle.Style.Symbol).setMargin(QgsLegendStyle.Side.Top, 1.6)
    legend.setBackgroundEnabled(False)
    legend.setFrameEnabled(False)
    legend.setResizeToContents(False)
    layout.addLayoutItem(legend)

    north = QgsLayoutItemPicture(layout)
    north.setId("north_arrow")
    north.setPicturePath(NORTH_ARROW_SVG)
    north.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    layout.addLayoutItem(north)

    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setId("scalebar")
    scalebar.setStyle("Single Box")
    scalebar.setUnits(QgsUnitTypes.DistanceUnit.DistanceKilometers)
    scalebar.setUnitLabel("km")
    scalebar.setMapUnitsPerScaleBarUnit(1)
    scalebar.setNumberOfSegments(2)
    scalebar.setNumberOfSegmentsLeft(0)
    scalebar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFitWidth)
    scalebar.setMinimumBarWidth(20 * scale)
    scalebar.setMaximumBarWidth(40 * scale)
    scalebar.setHeight(1.8 * scale)
    scalebar_text = QgsTextFormat()
    scalebar_text.setFont(font(7.5 * scale))
    scalebar_text.setSize(7.5 * scale)
    scalebar_text.setColor(INK)
    scalebar.setTextFormat(scalebar_text)
    layout.addLayoutItem(scalebar)

    if design.portrait:
        map_width, map_height = width - 2 * margin, bottom - top - 74
        place(legend, margin, top + map_height + 4, map_width, bottom - top - map_height - 6)
    else:
        panel_width = 62 * scale
        map_width, map_height = width - 2 * margin - panel_width - 4, bottom - top - 2
        place(legend, margin + map_width + 5, top, panel_width - 1, map_height)
    place(map_item, margin, top, map_width, map_height)
    # North arrow (top right) and scale bar (bottom left) sit inside the map, on a light box.
    inset = 3 * scale
    place(north, margin + map_width - inset - 10 * scale, top + inset, 10 * scale, 14 * scale)
    place(scalebar, margin + inset, top + map_height - inset - 11 * scale, 48 * scale, 11 * scale)
    for inside in (north, scalebar):
        inside.setBackgroundEnabled(True)
        inside.setBackgroundColor(QColor(255, 255, 255, 215))

    footer_top = height - margin - footer_height + 2
    right_width = 62 * scale
    credits = add_label(layout, "credits", "Sources : …", 7 * scale, GREY)
    place(credits, margin, footer_top, width - 2 * margin - right_width - 6, footer_height)
    author = add_label(layout, "author", "", 7.5 * scale, INK, align=Qt.AlignmentFlag.AlignRight)
    place(author, width - margin - right_width, footer_top, right_width, 4.5 * scale)
    date = add_label(
        layout, "date", "[% format_date(now(), 'dd/MM/yyyy') %]", 7.5 * scale, GREY,
        align=Qt.AlignmentFlag.AlignRight,
    )
    place(date, width - margin - right_width, footer_top + 5 * scale, right_width, 4.5 * scale)

    legend.setLinkedMap(map_item)
    scalebar.setLinkedMap(map_item)
    north.setLinkedMap(map_item)
    return layout


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    application = QgsApplication([], False)
    application.initQgis()
    TEMPLATES_DIR.mkdir(parents=True, exist_ok=True)
    for design in DESIGNS:
        layout = build(design)
        target = TEMPLATES_DIR / f"{design.name}.qpt"
        if not layout.saveAsTemplate(str(target), QgsReadWriteContext()):
            sys.exit(f"could not write {target}")
        print("wrote", target)
    application.exitQgis()


if __name__ == "__main__":
    main()
