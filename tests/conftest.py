"""Test set-up shared by engine and QGIS tests.

The repo root is the plugin folder; whatever the checkout is called, the package is imported
as ``territoire_numerique`` through a link under ``.build/pkg``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
PACKAGE_NAME = "territoire_numerique"
PKG_PARENT = REPO_ROOT / ".build" / "pkg"


def _link_package() -> None:
    PKG_PARENT.mkdir(parents=True, exist_ok=True)
    link = PKG_PARENT / PACKAGE_NAME
    if link.is_symlink() and link.resolve() != REPO_ROOT:
        link.unlink()
    if not link.exists():
        os.symlink(REPO_ROOT, link, target_is_directory=True)
    if str(PKG_PARENT) not in sys.path:
        sys.path.insert(0, str(PKG_PARENT))


_link_package()


def _qgis_available() -> bool:
    try:
        import qgis.core  # noqa: F401
    except ImportError:
        return False
    return True


if _qgis_available():
    import pytest

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QGIS_PREFIX_PATH", "/usr")
    # QGIS's own Python plugins (the core "processing" plugin among them).
    for plugins_dir in ("/usr/share/qgis/python/plugins",):
        if os.path.isdir(plugins_dir) and plugins_dir not in sys.path:
            sys.path.append(plugins_dir)

    @pytest.fixture(scope="session")
    def territoire_plugin(qgis_app, qgis_iface, qgis_processing):
        """The real plugin loaded as QGIS does (classFactory + initGui), Processing ready.

        ``processing.run("territoire:<id>", ...)`` works in tests that use it.
        """
        from qgis.core import QgsLayerTreeModel, QgsProject
        from qgis.gui import QgsLayerTreeView

        import territoire_numerique

        # pytest-qgis's interface has no layer tree view (it answers a MagicMock), which QGIS's
        # Processing post-processing hands to C++ since 3.40: give it a real one over the project.
        view = QgsLayerTreeView()
        view.setModel(QgsLayerTreeModel(QgsProject.instance().layerTreeRoot(), view))
        qgis_iface.layerTreeView = lambda: view

        plugin = territoire_numerique.classFactory(qgis_iface)
        plugin.initGui()
        yield plugin
        plugin.unload()
