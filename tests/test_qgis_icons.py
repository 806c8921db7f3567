"""Every registered algorithm has an icon of its own, shipped under resources/icons/ and drawable."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtSvg import QSvgRenderer

from territoire_numerique.resources_paths import RESOURCES_DIR

ICONS_DIR = RESOURCES_DIR / "icons"
PLUGIN_ICON = ICONS_DIR / "territoire.svg"


def drawn_pixels(image) -> int:
    """Number of pixels of ``image`` that are not fully transparent."""
    return sum(
        1 for y in range(image.height()) for x in range(image.width()) if image.pixelColor(x, y).alpha() > 0
    )


def test_every_algorithm_has_its_own_icon_file(territoire_plugin):
    algorithms = QgsApplication.processingRegistry().providerById("territoire").algorithms()
    assert {algorithm.name() for algorithm in algorithms} >= {"load_open_data", "export_map"}
    files = {}
    for algorithm in algorithms:
        path = ICONS_DIR / algorithm.icon_file()
        assert path.is_file(), f"territoire:{algorithm.name()}: no icon file {path}"
        assert path != PLUGIN_ICON, f"territoire:{algorithm.name()} shows the plugin's icon"
        # No silent fall-back to the plugin icon: QGIS is given this very file.
        assert Path(algorithm.svgIconPath()) == path
        files[algorithm.name()] = path
    shared = {path for path in files.values() if list(files.values()).count(path) > 1}
    assert not shared, f"icons shared by several algorithms: {sorted(p.name for p in shared)}"


def test_every_algorithm_icon_draws(territoire_plugin):
    for algorithm in QgsApplication.processingRegistry().providerById("territoire").algorithms():
        renderer = QSvgRenderer(algorithm.svgIconPath())
        assert renderer.isValid(), f"territoire:{algorithm.name()}: invalid SVG"
        icon = algorithm.icon()
        assert not icon.isNull(), f"territoire:{algorithm.name()}: null icon"
        for size in (16, 24):
            pixmap = icon.pixmap(QSize(size, size))
            assert not pixmap.isNull() and pixmap.width() == size
            # Something is drawn, and more than a speck: a legible icon covers a good part of its square.
            assert drawn_pixels(pixmap.toImage()) > size * size // 5, algorithm.name()
