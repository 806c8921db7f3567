"""Build the styles of the site suitability outputs with PyQGIS (the output is committed).

``resources/styles/suitability.qml``: the 0–100 raster in five classes (ColorBrewer YlGnBu,
colour-blind safe, light where unsuitable), nodata transparent.
``resources/styles/suitability_sites.qml``: the candidate sites outlined, a marker at their
centre (a 5000 m² site is a dot at territory scale) labelled with their rank.

Run ``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_suitability_styles.py``.
"""

from __future__ import annotations

import os
import tempfile

from make_styles import BLACK, VERMILION, fill, labels, marker, save
from qgis.core import (
    QgsApplication,
    QgsCentroidFillSymbolLayer,
    QgsColorRampShader,
    QgsPalLayerSettings,
    QgsRasterLayer,
    QgsRasterShader,
    QgsSingleBandPseudoColorRenderer,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

#: Upper bound of each class, ColorBrewer YlGnBu (5 classes), French legend label.
CLASSES = (
    (20, "#ffffcc", "Très faible (0–20)"),
    (40, "#a1dab4", "Faible (20–40)"),
    (60, "#41b6c4", "Moyenne (40–60)"),
    (80, "#2c7fb8", "Bonne (60–80)"),
    (100, "#253494", "Très bonne (80–100)"),
)


def suitability_raster(folder: str) -> QgsRasterLayer:
    """A 2×2 grid (nodata −9999) carrying the five-class renderer."""
    path = os.path.join(folder, "suitability.asc")
    with open(path, "w", encoding="ascii") as handle:
        handle.write(
            "ncols 2\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 10\nNODATA_value -9999\n10 50\n90 -9999\n"
        )
    layer = QgsRasterLayer(path, "suitability", "gdal")
    ramp = QgsColorRampShader(0, 100, None, QgsColorRampShader.Type.Discrete)
    ramp.setColorRampItemList(
        [QgsColorRampShader.ColorRampItem(upper, QColor(colour), label) for upper, colour, label in CLASSES]
    )
    ramp.setClassificationMode(QgsColorRampShader.ClassificationMode.EqualInterval)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(ramp)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(0)
    renderer.setClassificationMax(100)
    renderer.setOpacity(0.85)
    layer.setRenderer(renderer)
    return layer


def sites_layer() -> QgsVectorLayer:
    """Site outlines, a centre marker and the rank as label."""
    layer = QgsVectorLayer(
        "MultiPolygon?crs=EPSG:2154&field=site_id:integer&field=rank:integer&field=score:double",
        "suitability_sites",
        "memory",
    )
    symbol = fill("#00000000", VERMILION, 0.6)
    centre = QgsCentroidFillSymbolLayer()
    centre.setSubSymbol(marker("circle", VERMILION, 2.6, "#ffffff", 0.4))
    centre.setPointOnSurface(True)
    symbol.appendSymbolLayer(centre)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    labelling = labels("rank", 10, BLACK, bold=True)
    settings = labelling.settings()
    settings.placement = QgsPalLayerSettings.Placement.AroundPoint
    settings.dist = 1.6
    labelling.setSettings(QgsPalLayerSettings(settings))
    layer.setLabeling(labelling)
    layer.setLabelsEnabled(True)
    return layer


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    application = QgsApplication([], False)
    application.initQgis()
    with tempfile.TemporaryDirectory() as folder:
        save(suitability_raster(folder), "suitability")
    save(sites_layer(), "suitability_sites")
    application.exitQgis()


if __name__ == "__main__":
    main()
