"""Build the QML styles of territoire:resource_synergies and territoire:shared_facility with PyQGIS.

Run ``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_symbiosis_styles.py``; the output is
committed.  Synergies are curved arrows (QGIS's arrow symbol layer on the 3-vertex lines), one
colour per resource in hues of its family (matter: browns, energy: reds, water: blue, services:
purple), width by quantity relative to the largest flow of the same resource (units differ);
flows removed by a closure scenario in light grey.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsArrowSymbolLayer,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMapLayer,
    QgsMarkerLineSymbolLayer,
    QgsMarkerSymbol,
    QgsProperty,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsSymbolLayer,
    QgsTemplatedLineSymbolLayerBase,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

STYLES_DIR = Path(__file__).resolve().parents[1] / "resources" / "styles"
STYLE_CATEGORIES = QgsMapLayer.StyleCategory.AllStyleCategories

#: (resource, French legend label, colour) in the order of the legend.
RESOURCES = (
    ("waste", "Déchets", "#8c510a"),
    ("material", "Matières", "#d8b365"),
    ("heat", "Chaleur", "#d7301f"),
    ("steam", "Vapeur", "#fc8d59"),
    ("water", "Eau", "#2b8cbe"),
    ("service", "Services partagés", "#7b3294"),
)
WIDTH = 'min(4, 0.5 + 3.5 * coalesce("quantity", 0) / maximum("quantity", group_by:="resource"))'


def arrow(colour: str, alpha: int = 220) -> QgsLineSymbol:
    layer = QgsArrowSymbolLayer()
    layer.setIsCurved(True)
    layer.setIsRepeated(False)
    layer.setHeadType(QgsArrowSymbolLayer.HeadType.HeadSingle)
    layer.setArrowType(QgsArrowSymbolLayer.ArrowType.ArrowPlain)
    for key, expression in (
        (QgsSymbolLayer.Property.PropertyArrowWidth, WIDTH),
        (QgsSymbolLayer.Property.PropertyArrowStartWidth, WIDTH),
        (QgsSymbolLayer.Property.PropertyArrowHeadLength, f"1.5 + 0.5 * ({WIDTH})"),
        (QgsSymbolLayer.Property.PropertyArrowHeadThickness, f"1 + 0.4 * ({WIDTH})"),
    ):
        layer.setDataDefinedProperty(key, QgsProperty.fromExpression(expression))
    colour_alpha = QColor(colour)
    colour_alpha.setAlpha(alpha)
    fill = QgsFillSymbol.createSimple(
        {
            "color": colour_alpha.name(QColor.NameFormat.HexArgb),
            "outline_color": "#ffffffc8",
            "outline_width": "0.1",
        }
    )
    layer.setSubSymbol(fill)
    symbol = QgsLineSymbol()
    symbol.changeSymbolLayer(0, layer)
    return symbol


def synergies_renderer() -> QgsRuleBasedRenderer:
    root = QgsRuleBasedRenderer.Rule(None)
    for resource, label, colour in RESOURCES:
        rule = QgsRuleBasedRenderer.Rule(
            arrow(colour), filterExp=f"\"resource\" = '{resource}' AND \"status\" <> 'removed'", label=label
        )
        root.appendChild(rule)
    removed = QgsRuleBasedRenderer.Rule(
        arrow("#bdbdbd", 160), filterExp="\"status\" = 'removed'", label="Échange perdu (fermeture)"
    )
    root.appendChild(removed)
    return QgsRuleBasedRenderer(root)


def marker(shape: str, colour: str, size: float) -> QgsMarkerSymbol:
    return QgsMarkerSymbol.createSimple(
        {
            "name": shape,
            "color": colour,
            "outline_color": "#333333",
            "outline_width": "0.25",
            "size": str(size),
        }
    )


def balance_renderer() -> QgsCategorizedSymbolRenderer:
    expression = (
        "CASE WHEN \"needed_unmet\" > 0 THEN 'unmet' WHEN \"offered_unused\" > 0 THEN 'unused' ELSE 'ok' END"
    )
    categories = [
        QgsRendererCategory("unmet", marker("circle", "#d55e00", 3.2), "Besoin non couvert"),
        QgsRendererCategory("unused", marker("circle", "#f0e442", 2.8), "Offre non utilisée"),
        QgsRendererCategory("ok", marker("circle", "#009e73", 2.6), "Équilibré"),
    ]
    return QgsCategorizedSymbolRenderer(expression, categories)


def unmatched_renderer() -> QgsCategorizedSymbolRenderer:
    categories = [
        QgsRendererCategory("need", marker("triangle", "#d55e00", 3.6), "Besoin non couvert"),
        QgsRendererCategory("offer", marker("square", "#9e9e9e", 2.8), "Offre non utilisée"),
    ]
    return QgsCategorizedSymbolRenderer("role", categories)


def facility_renderer() -> QgsCategorizedSymbolRenderer:
    categories = [
        QgsRendererCategory(True, marker("star", "#e69f00", 6.0), "Site choisi"),
        QgsRendererCategory(False, marker("circle", "#bdbdbd", 2.2), "Site candidat"),
    ]
    return QgsCategorizedSymbolRenderer("chosen", categories)


def assignment_renderer() -> QgsRuleBasedRenderer:
    line = QgsLineSymbol.createSimple({"line_color": "#0072b2", "line_width": "0.6", "line_style": "dash"})
    actor = QgsMarkerLineSymbolLayer()
    actor.setPlacement(QgsTemplatedLineSymbolLayerBase.Placement.FirstVertex)
    actor.setSubSymbol(marker("circle", "#0072b2", 2.4))
    line.appendSymbolLayer(actor)
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(line, label="Acteur → site partagé"))
    return QgsRuleBasedRenderer(root)


STYLES = {
    "symbiosis_synergies": ("LineString", "resource:string&field=status:string&field=quantity:double",
                            synergies_renderer),
    "symbiosis_balance": ("Point", "needed_unmet:double&field=offered_unused:double", balance_renderer),
    "symbiosis_unmatched": ("Point", "role:string", unmatched_renderer),
    "shared_facility_sites": ("Point", "chosen:boolean", facility_renderer),
    "shared_facility_actors": ("LineString", "actor:string", assignment_renderer),
}  # fmt: skip


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    application = QgsApplication([], False)
    application.initQgis()
    for family, (geometry, fields, renderer) in STYLES.items():
        layer = QgsVectorLayer(f"{geometry}?crs=EPSG:2154&field={fields}", family, "memory")
        layer.setRenderer(renderer())
        target = STYLES_DIR / f"{family}.qml"
        message, ok = layer.saveNamedStyle(str(target), STYLE_CATEGORIES)
        if not ok:
            sys.exit(f"could not write {target}: {message}")
        print("wrote", target)
    application.exitQgis()


if __name__ == "__main__":
    main()
