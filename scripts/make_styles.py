"""Build the QML styles of the base layer families, ``resources/styles/<family>.qml``, with PyQGIS.

Run ``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_styles.py``; the output is committed.
Colours come from colour-blind-safe palettes (Okabe–Ito for categories, ColorBrewer sequential
ramps for quantities); point classes also differ by shape; legend labels are plain French.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsColorRampShader,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsLinePatternFillSymbolLayer,
    QgsLineSymbol,
    QgsMapLayer,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProperty,
    QgsRasterLayer,
    QgsRasterShader,
    QgsRendererCategory,
    QgsRendererRange,
    QgsRuleBasedRenderer,
    QgsSimpleLineSymbolLayer,
    QgsSingleBandPseudoColorRenderer,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

STYLES_DIR = Path(__file__).resolve().parents[1] / "resources" / "styles"

# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
ORANGE, SKY, GREEN, YELLOW, BLUE, VERMILION, PURPLE, BLACK = (
    "#e69f00",
    "#56b4e9",
    "#009e73",
    "#f0e442",
    "#0072b2",
    "#d55e00",
    "#cc79a7",
    "#000000",
)
OTHER = "#9e9e9e"
OUTLINE = "#333333"
FONT = "Arial"

# Fields of each vector family (DEVELOPERS.md schema): name -> QGIS field type name.
GEOMETRIES = {
    "communes": "MultiPolygon",
    "industrial_sites": "Point",
    "industrial_waste": "Point",
    "waste_facilities": "Point",
    "waste_points": "Point",
    "buildings": "Polygon",
    "fibre": "Point",
    "solar": "Polygon",
    "port_zones": "MultiPolygon",
    "roads": "LineString",
    "public_buildings": "Point",
    "wifi_hotspots": "Point",
    "street_furniture": "Point",
}
FIELDS = {
    "communes": "code_insee:string&field=name:string&field=population:integer",
    "industrial_sites": "site_id:string&field=name:string&field=seveso:string",
    "industrial_waste": "site_id:string&field=waste_code:string&field=hazardous:boolean&field=tonnes:double",
    "waste_facilities": "facility_id:string&field=name:string&field=kind:string",
    "waste_points": "point_id:string&field=name:string&field=kind:string",
    "buildings": "building_id:string&field=usage:string&field=height:double",
    "fibre": "building_id:string&field=best_down_class:string&field=ftth:boolean",
    "solar": "roof_id:string&field=irradiation:double&field=potential_kwh:double",
    "port_zones": "zone_id:string&field=name:string&field=kind:string",
    "roads": "road_id:string&field=name:string&field=road_class:string",
    "public_buildings": "building_id:string&field=name:string&field=kind:string",
    "wifi_hotspots": "hotspot_id:string&field=name:string&field=eirp_dbm:double",
    "street_furniture": "furniture_id:string&field=name:string&field=kind:string",
}


def marker(
    shape: str, colour: str, size: float, outline: str = "#ffffff", width: float = 0.3
) -> QgsMarkerSymbol:
    return QgsMarkerSymbol.createSimple(
        {
            "name": shape,
            "color": colour,
            "size": str(size),
            "size_unit": "MM",
            "outline_color": outline,
            "outline_width": str(width),
            "outline_width_unit": "MM",
        }
    )


def fill(colour: str, outline: str = OUTLINE, width: float = 0.2, style: str = "solid") -> QgsFillSymbol:
    return QgsFillSymbol.createSimple(
        {
            "color": colour,
            "style": style,
            "outline_color": outline,
            "outline_width": str(width),
            "outline_width_unit": "MM",
        }
    )


def line(colour: str, width: float) -> QgsLineSymbol:
    return QgsLineSymbol.createSimple(
        {
            "line_color": colour,
            "line_width": str(width),
            "line_width_unit": "MM",
            "capstyle": "round",
            "joinstyle": "round",
        }
    )


def cased_line(colour: str, width: float, casing: str = "#5f5f5f", core_pass: int = 2) -> QgsLineSymbol:
    """A road drawn with a darker casing under a lighter core (legible on any background).

    With symbol levels, every casing (pass 0) is drawn before the cores (``core_pass``), so
    joined segments read as one road.
    """
    symbol = line(casing, width + 0.5)
    core = QgsSimpleLineSymbolLayer(QColor(colour), width)
    core.setWidthUnit(QgsUnitTypes.RenderUnit.RenderMillimeters)
    core.setRenderingPass(core_pass)
    symbol.appendSymbolLayer(core)
    return symbol


def categorized(
    field: str, classes: list[tuple[object, str, object]], other=None
) -> QgsCategorizedSymbolRenderer:
    """Categories (value, French label, symbol); ``other`` catches values not listed ("Autre")."""
    categories = [QgsRendererCategory(value, symbol, label) for value, label, symbol in classes]
    if other is not None:
        categories.append(QgsRendererCategory(None, other, "Autre"))
    return QgsCategorizedSymbolRenderer(field, categories)


def graduated(field: str, ranges: list[tuple[float, float, str, object]]) -> QgsGraduatedSymbolRenderer:
    renderer = QgsGraduatedSymbolRenderer(
        field, [QgsRendererRange(low, high, symbol, label) for low, high, label, symbol in ranges]
    )
    return renderer


def scaled_rules(rules: list[tuple[str, str, object, float]]) -> QgsRuleBasedRenderer:
    """Rules (filter, French label, symbol, most zoomed-out scale denominator or 0 for always)."""
    root = QgsRuleBasedRenderer.Rule(None)
    for expression, label, symbol, zoomed_out in rules:
        if symbol.symbolLayerCount() == 1:
            symbol.symbolLayer(0).setRenderingPass(1)  # above the casings, under the cores
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, zoomed_out, expression, label))
    renderer = QgsRuleBasedRenderer(root)
    renderer.setUsingSymbolLevels(True)
    return renderer


def labels(
    field: str, size: float, colour: str, italic: bool = False, bold: bool = False
) -> QgsVectorLayerSimpleLabeling:
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    text = QgsTextFormat()
    font = QFont(FONT)
    font.setItalic(italic)
    font.setBold(bold)
    text.setFont(font)
    text.setSize(size)
    text.setColor(QColor(colour))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor("#ffffff"))
    buffer.setOpacity(0.85)
    text.setBuffer(buffer)
    settings.setFormat(text)
    settings.placement = QgsPalLayerSettings.Placement.OverPoint
    settings.priority = 8
    return QgsVectorLayerSimpleLabeling(settings)


def down_class_label(value: str) -> str:
    return {
        "1G+": "1 Gbit/s et plus",
        "100M-1G": "100 Mbit/s à 1 Gbit/s",
        "30-100M": "30 à 100 Mbit/s",
        "8-30M": "8 à 30 Mbit/s",
        "<8M": "Moins de 8 Mbit/s",
    }[value]


def vector_styles() -> dict[str, tuple[object, QgsVectorLayerSimpleLabeling | None]]:
    """Renderer and labelling of each vector family."""
    hazardous_size = 'coalesce(scale_linear("tonnes", 0, 5000, 2.2, 7), 2.2)'
    waste_hazardous = marker("circle", VERMILION, 3.0)
    waste_hazardous.setDataDefinedSize(QgsProperty.fromExpression(hazardous_size))
    waste_plain = marker("circle", BLUE, 3.0)
    waste_plain.setDataDefinedSize(QgsProperty.fromExpression(hazardous_size))
    viridis = ["#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"]  # perceptually uniform, CVD-safe
    solar_ramp = ["#fff5d6", "#fed976", "#fd8d3c", "#e31a1c", "#800026"]  # YlOrRd
    return {
        "communes": (
            QgsSingleSymbolRenderer(fill("#f4f1ea", "#4d4d4d", 0.35)),
            labels("name", 8, "#3a3a3a", bold=True),
        ),
        "industrial_sites": (
            # Categories of an expression (a rule-based ELSE drops out of map-filtered legends).
            categorized(
                "CASE WHEN lower(\"seveso\") LIKE '%haut%' THEN 'haut' "
                "WHEN lower(\"seveso\") LIKE '%bas%' THEN 'bas' ELSE 'autre' END",
                [
                    ("haut", "Seveso seuil haut", marker("triangle", VERMILION, 3.6, BLACK, 0.25)),
                    ("bas", "Seveso seuil bas", marker("triangle", ORANGE, 3.2, BLACK, 0.25)),
                    ("autre", "Site industriel", marker("square", PURPLE, 2.4, BLACK, 0.25)),
                ],
            ),
            None,
        ),
        "industrial_waste": (
            categorized(
                "hazardous",
                [
                    (True, "Déchets dangereux (taille : tonnes/an)", waste_hazardous),
                    (False, "Déchets non dangereux (taille : tonnes/an)", waste_plain),
                ],
            ),
            None,
        ),
        "waste_facilities": (
            categorized(
                "kind",
                [
                    (
                        "incinerator",
                        "Incinérateur, valorisation énergétique",
                        marker("diamond", VERMILION, 3.6, BLACK),
                    ),
                    ("recycler", "Recyclage, régénération", marker("square", GREEN, 3.0, BLACK)),
                    ("landfill", "Installation de stockage", marker("triangle", "#8c6d31", 3.6, BLACK)),
                    ("industrial_user", "Valorisation industrielle", marker("pentagon", BLUE, 3.4, BLACK)),
                    ("transfer_station", "Centre de transit", marker("circle", ORANGE, 3.0, BLACK)),
                ],
                other=marker("circle", OTHER, 2.6, BLACK),
            ),
            None,
        ),
        "waste_points": (
            categorized(
                "kind",
                [
                    ("decheterie", "Déchèterie", marker("square", GREEN, 3.2, BLACK)),
                    ("container", "Point d'apport volontaire", marker("circle", SKY, 1.8, "#1f4e79", 0.2)),
                    ("transfer_station", "Quai de transfert", marker("triangle", ORANGE, 3.2, BLACK)),
                ],
                other=marker("circle", OTHER, 1.8, BLACK),
            ),
            None,
        ),
        "buildings": (
            categorized(
                "usage",
                [
                    ("residential", "Habitat", fill("#e8d8c3", "#a08c74", 0.1)),
                    ("industrial", "Industrie, entrepôts", fill("#9aa9b8", "#5e6e7e", 0.1)),
                    ("commercial", "Commerces, bureaux", fill(ORANGE, "#8f6300", 0.1)),
                    ("public", "Équipements publics", fill(BLUE, "#003e61", 0.1)),
                    ("agricultural", "Bâtiments agricoles", fill("#b8d8a0", "#6d8f56", 0.1)),
                    ("annex", "Annexes", fill("#dcdcdc", "#9e9e9e", 0.1)),
                ],
                other=fill("#cccccc", "#888888", 0.1),
            ),
            None,
        ),
        "fibre": (
            categorized(
                "best_down_class",
                [
                    (value, down_class_label(value), marker("circle", colour, 1.6, "#ffffff", 0.1))
                    for value, colour in zip(("1G+", "100M-1G", "30-100M", "8-30M", "<8M"), reversed(viridis))
                ],
                other=marker("circle", OTHER, 1.4, "#ffffff", 0.1),
            ),
            None,
        ),
        "solar": (
            graduated(
                "irradiation",
                [
                    (0, 950, "Moins de 950 kWh/m²/an", fill(solar_ramp[0], "#8c8c8c", 0.1)),
                    (950, 1025, "950 à 1 025 kWh/m²/an", fill(solar_ramp[1], "#8c8c8c", 0.1)),
                    (1025, 1075, "1 025 à 1 075 kWh/m²/an", fill(solar_ramp[2], "#8c8c8c", 0.1)),
                    (1075, 1125, "1 075 à 1 125 kWh/m²/an", fill(solar_ramp[3], "#8c8c8c", 0.1)),
                    (1125, 10000, "1 125 kWh/m²/an et plus", fill(solar_ramp[4], "#8c8c8c", 0.1)),
                ],
            ),
            None,
        ),
        "port_zones": (
            QgsSingleSymbolRenderer(_hatched(fill("#cfe3f3", BLUE, 0.4))),
            labels("name", 8, "#003e61", italic=True),
        ),
        "roads": (
            # Streets only from 1:40 000 in: at territory scale they would grey out the centres.
            scaled_rules(
                [
                    (
                        "\"road_class\" = 'motorway'",
                        "Autoroute",
                        cased_line("#f4a582", 1.2, "#8c3b12", core_pass=3),
                        0,
                    ),
                    (
                        "\"road_class\" = 'primary'",
                        "Route principale",
                        cased_line("#fddbc7", 0.8, "#7f7f7f"),
                        0,
                    ),
                    ("\"road_class\" = 'secondary'", "Route secondaire", line("#8c8c8c", 0.5), 0),
                    (
                        '"road_class" = \'local\' OR "road_class" IS NULL OR "road_class" NOT IN '
                        "('motorway', 'primary', 'secondary')",
                        "Voie locale",
                        line("#b3b3b3", 0.25),
                        40000,
                    ),
                ]
            ),
            None,
        ),
        "public_buildings": (
            categorized(
                "kind",
                [
                    ("town_hall", "Mairie", marker("star", VERMILION, 4.2, BLACK)),
                    ("library", "Médiathèque, bibliothèque", marker("square", BLUE, 2.8, "#ffffff")),
                    ("school", "École", marker("triangle", ORANGE, 3.2, BLACK)),
                    ("harbour_office", "Capitainerie, bureau du port", marker("diamond", SKY, 3.4, BLACK)),
                    ("sports", "Équipement sportif", marker("circle", GREEN, 2.8, "#ffffff")),
                    ("culture", "Équipement culturel", marker("pentagon", PURPLE, 3.2, BLACK)),
                ],
                other=marker("circle", OTHER, 2.4, BLACK),
            ),
            None,
        ),
        "wifi_hotspots": (
            QgsSingleSymbolRenderer(_wifi_symbol()),
            None,
        ),
        # candidate sites: small and neutral, under the hotspots and the signal's blues
        "street_furniture": (
            categorized(
                "kind",
                [
                    ("lamp_post", "Lampadaire", marker("circle", "#ffffff", 1.4, OUTLINE, 0.3)),
                    ("bus_shelter", "Abribus", marker("square", "#ffffff", 1.8, OUTLINE, 0.3)),
                    ("kiosk", "Kiosque", marker("diamond", "#ffffff", 2.2, OUTLINE, 0.3)),
                ],
                other=marker("circle", OTHER, 1.4, OUTLINE, 0.3),
            ),
            None,
        ),
    }


def _hatched(symbol: QgsFillSymbol) -> QgsFillSymbol:
    """A light fill with a diagonal hatch on top (reads in black and white too)."""
    hatch = QgsLinePatternFillSymbolLayer()
    hatch.setLineAngle(45)
    hatch.setDistance(1.6)
    hatch.setDistanceUnit(QgsUnitTypes.RenderUnit.RenderMillimeters)
    hatch.setLineWidth(0.2)
    hatch.setLineWidthUnit(QgsUnitTypes.RenderUnit.RenderMillimeters)
    hatch.setColor(QColor(BLUE))
    hatch.subSymbol().setColor(QColor(BLUE))
    symbol.insertSymbolLayer(1, hatch)
    return symbol


def _wifi_symbol() -> QgsMarkerSymbol:
    symbol = marker("circle", BLUE, 3.4, "#ffffff", 0.5)
    dot = marker("circle", "#ffffff", 1.1, "#ffffff", 0)
    symbol.appendSymbolLayer(dot.symbolLayer(0).clone())
    return symbol


def terrain_renderer(layer: QgsRasterLayer) -> QgsSingleBandPseudoColorRenderer:
    """Altitude in classes with meaningful breaks (polders, dunes), YlOrBr sequential ramp."""
    classes = [
        (1, "#ffffe5", "Moins de 1 m"),
        (2, "#fff7bc", "1 à 2 m"),
        (3, "#fee391", "2 à 3 m"),
        (5, "#fec44f", "3 à 5 m"),
        (10, "#fe9929", "5 à 10 m"),
        (20, "#d95f0e", "10 à 20 m"),
        (float("inf"), "#993404", "20 m et plus"),
    ]
    ramp = QgsColorRampShader(0, 60, None, QgsColorRampShader.Type.Discrete)
    ramp.setColorRampItemList(
        [QgsColorRampShader.ColorRampItem(v, QColor(c), label) for v, c, label in classes]
    )
    ramp.setClassificationMode(QgsColorRampShader.ClassificationMode.EqualInterval)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(ramp)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(0)
    renderer.setClassificationMax(60)
    renderer.setOpacity(0.85)
    return renderer


STYLE_CATEGORIES = (
    QgsMapLayer.StyleCategory.Symbology
    | QgsMapLayer.StyleCategory.Labeling
    | QgsMapLayer.StyleCategory.Rendering
)


def save(layer: QgsMapLayer, family: str) -> None:
    target = STYLES_DIR / f"{family}.qml"
    message, ok = layer.saveNamedStyle(str(target), STYLE_CATEGORIES)
    if not ok:
        sys.exit(f"could not write {target}: {message}")
    print("wrote", target)


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    application = QgsApplication([], False)
    application.initQgis()
    STYLES_DIR.mkdir(parents=True, exist_ok=True)
    for family, (renderer, labelling) in vector_styles().items():
        layer = QgsVectorLayer(f"{GEOMETRIES[family]}?crs=EPSG:2154&field={FIELDS[family]}", family, "memory")
        layer.setRenderer(renderer)
        if labelling is not None:
            layer.setLabeling(labelling)
            layer.setLabelsEnabled(True)
        save(layer, family)
    with tempfile.TemporaryDirectory() as folder:
        save(_tiny_raster(folder), "terrain")
    application.exitQgis()


def _tiny_raster(folder: str) -> QgsRasterLayer:
    """A 2×2 ASCII grid, only to carry the terrain renderer."""
    path = os.path.join(folder, "terrain.asc")
    with open(path, "w", encoding="ascii") as handle:
        handle.write("ncols 2\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 10\n1 2\n3 4\n")
    layer = QgsRasterLayer(path, "terrain", "gdal")
    layer.setRenderer(terrain_renderer(layer))
    return layer


if __name__ == "__main__":
    main()
