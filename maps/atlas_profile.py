"""The profile sheet beside the map on each page of an atlas of a territory profile (Qt side).

When the atlas layer is the output of ``territoire:territory_profile`` (indicators with their
``_median``), each page shows the commune's figures beside the territory's median: the map gives
up part of its frame (its right side when wider than tall, else its bottom) to a table
(indicator, commune, median); a value cell reads the page's feature from a map of
pre-formatted texts.
"""

from __future__ import annotations

from qgis.core import (
    QgsExpression,
    QgsLayout,
    QgsLayoutItemMap,
    QgsLayoutPoint,
    QgsLayoutUtils,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt

from ..engine.profile_sheet import profile_sheet, sheet_lines
from . import layout as _layout
from .dossier import ACCENT, LIGHT, MM, box, font, label, place
from .texts import PROFILE_SHEET

MIN_LINES = 3  # fewer indicators than this: not a profile, no sheet
SHARE = 0.40  # part of the map frame given to the sheet
GAP, PAD = 4.0, 3.0  # mm between map and sheet, inside the sheet
PT = 0.3528  # mm per typographic point
SHADE = "#d9e3ee"  # every other row


def add_profile_sheet(
    layout: QgsLayout, the_map: QgsLayoutItemMap, coverage: QgsVectorLayer, language: str
) -> bool:
    """Lay the sheet out when ``coverage`` is a territory profile; False (nothing done) otherwise."""
    names = coverage.fields().names()
    rows = {feature.id(): dict(zip(names, feature.attributes())) for feature in coverage.getFeatures()}
    lines = sheet_lines(names, rows.values())
    if len(lines) < MIN_LINES:
        return False
    sheet = profile_sheet(rows, lines, language)
    x, y, width, height = _make_room(layout, the_map)
    page = layout.pageCollection().page(0).pageSize()
    size = 7.5 * min(page.width(), page.height()) / 210.0
    box(layout, 0, x, y, width, height, LIGHT)
    headers = PROFILE_SHEET.get(language, PROFILE_SHEET["en"])
    title, value_header, median_header = headers["title"], headers["value"], headers["median"]
    inner, left = width - 2 * PAD, x + PAD
    title_height = 1.3 * size * PT * 1.6
    label(layout, 0, left, y + PAD, inner, title_height, title, size * 1.3, ACCENT, bold=True)
    widths = (inner * 0.44, inner * 0.28, inner * 0.28)
    columns = (sheet.labels, [text for texts in sheet.values.values() for text in texts], sheet.medians)
    size = _fitting_size(size, widths, columns)
    header_y = y + PAD + title_height + 1.0
    header_height = 2 * size * PT * 1.4  # two lines
    for column, text in ((1, value_header), (2, median_header)):
        header = label(layout, 0, left + sum(widths[:column]), header_y, widths[column] - 1.0, header_height,
                       text, size, bold=True, align=Qt.AlignmentFlag.AlignRight)  # fmt: skip
        header.setVAlign(Qt.AlignmentFlag.AlignBottom)
    top = header_y + header_height + 1.5
    pitch = min(2.8 * size * PT, (y + height - PAD - top) / len(lines))
    for row, (name, median) in enumerate(zip(sheet.labels, sheet.medians)):
        row_y = top + row * pitch
        if row % 2 == 0:
            box(layout, 0, left - 1.0, row_y, inner + 2.0, pitch, SHADE)
        cells = (name, _value_expression(sheet.values, row), median)
        for column, text in enumerate(cells):
            align = Qt.AlignmentFlag.AlignRight if column else Qt.AlignmentFlag.AlignLeft
            cell_x = left + sum(widths[:column])
            cell = label(layout, 0, cell_x, row_y, widths[column] - 1.0, pitch, text, size, align=align)
            cell.setVAlign(Qt.AlignmentFlag.AlignVCenter)
    return True


def _make_room(layout: QgsLayout, the_map: QgsLayoutItemMap) -> tuple[float, float, float, float]:
    """Shrink the map frame and move the items drawn on its freed part; the sheet's rectangle."""
    position, frame = the_map.positionWithUnits(), the_map.sizeWithUnits()
    x, y, width, height = position.x(), position.y(), frame.width(), frame.height()
    if width >= height:  # the sheet on the right, the north arrow follows the map's edge
        sheet_width = round(width * SHARE)
        place(the_map, 0, x, y, width - sheet_width - GAP, height)
        _shift(layout, "north_arrow", -(sheet_width + GAP), 0.0)
        return x + width - sheet_width, y, sheet_width, height
    sheet_height = round(height * SHARE)  # a tall frame: the sheet below, the scale bar moves up
    place(the_map, 0, x, y, width, height - sheet_height - GAP)
    _shift(layout, "scalebar", 0.0, -(sheet_height + GAP))
    return x, y + height - sheet_height, width, sheet_height


def _shift(layout: QgsLayout, item_id: str, dx: float, dy: float) -> None:
    moved = _layout.item(layout, item_id)
    if moved is not None:
        position = moved.positionWithUnits()
        moved.attemptMove(QgsLayoutPoint(position.x() + dx, position.y() + dy, MM))


def _fitting_size(size: float, widths: tuple[float, ...], columns: tuple[list[str], ...]) -> float:
    """The largest font size (at most ``size``, at least 5 pt) at which every cell fits its column."""
    text_font = font(size)
    scale = 1.0
    for width, texts in zip(widths, columns):
        widest = max(QgsLayoutUtils.textWidthMM(text_font, text) for text in texts)
        scale = min(scale, (width - 1.5) / widest if widest else 1.0)
    return max(5.0, size * scale)


def _value_expression(values: dict[object, list[str]], row: int) -> str:
    """A label text showing the atlas feature's pre-formatted value of the ``row``-th indicator."""
    pairs = ", ".join(
        f"{QgsExpression.quotedString(str(key))}, {QgsExpression.quotedString(texts[row])}"
        for key, texts in values.items()
    )
    return f"[% map_get(map({pairs}), to_string(@atlas_featureid)) %]"
