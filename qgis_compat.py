"""The QGIS API calls whose spelling changed between QGIS 3.22 and 3.40/3.44 (where the old one is
deprecated) and that QGIS 4 drops. One place for each version test; the rest of the plugin calls
these."""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLegendStyle,
    QgsRasterRenderer,
    QgsRectangle,
    QgsTextFormat,
)
from qgis.PyQt.QtCore import QMetaType, QVariant
from qgis.PyQt.QtGui import QColor, QFont

#: QgsField takes a QMetaType.Type since QGIS 3.38 (a QVariant.Type before, deprecated since).
if Qgis.QGIS_VERSION_INT >= 33800:
    FIELD_TYPES = {
        "int": QMetaType.Type.LongLong, "float": QMetaType.Type.Double,
        "bool": QMetaType.Type.Bool, "text": QMetaType.Type.QString,
    }  # fmt: skip
else:
    FIELD_TYPES = {
        "int": QVariant.Type.LongLong, "float": QVariant.Type.Double,
        "bool": QVariant.Type.Bool, "text": QVariant.Type.String,
    }  # fmt: skip


def input_band(renderer: QgsRasterRenderer) -> int:
    """The band a single-band renderer draws (``inputBand()`` since 3.38, ``band()`` before)."""
    return renderer.inputBand() if hasattr(renderer, "inputBand") else renderer.band()


def null_extent() -> QgsRectangle:
    """An extent that holds nothing yet, to grow with ``combineExtentWith``."""
    extent = QgsRectangle()
    if hasattr(extent, "setNull"):
        extent.setNull()
    else:
        extent.setMinimal()
    return extent


def legend_font(legend: QgsLayoutItemLegend, style: QgsLegendStyle.Style) -> QFont:
    """The font of one legend style, at its point size."""
    legend_style = legend.rstyle(style)
    if not hasattr(legend_style, "textFormat"):  # before QGIS 3.30
        return legend_style.font()
    text_format = legend_style.textFormat()
    font = text_format.font()
    font.setPointSizeF(text_format.size())
    return font


def set_legend_font(legend: QgsLayoutItemLegend, style: QgsLegendStyle.Style, font: QFont) -> None:
    """Set the font (family, weight, point size) of one legend style, keeping its colour."""
    legend_style = legend.rstyle(style)
    if not hasattr(legend_style, "textFormat"):  # before QGIS 3.30
        legend.setStyleFont(style, font)
        return
    text_format = legend_style.textFormat()
    text_format.setFont(font)
    text_format.setSize(font.pointSizeF())
    text_format.setSizeUnit(Qgis.RenderUnit.Points)
    legend_style.setTextFormat(text_format)


def set_label_font(item: QgsLayoutItemLabel, font: QFont, colour: QColor) -> None:
    """Font and colour of a layout label (a text format since QGIS 3.24)."""
    if not hasattr(item, "setTextFormat"):
        item.setFont(font)
        item.setFontColor(colour)
        return
    text_format = QgsTextFormat.fromQFont(font)
    text_format.setSize(font.pointSizeF())
    text_format.setColor(colour)
    item.setTextFormat(text_format)
