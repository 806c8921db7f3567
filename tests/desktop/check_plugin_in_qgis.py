"""Run inside the real QGIS desktop (``qgis --code``): load, unload and reload the plugin with the
real iface, record what the GUI shows, take a screenshot, then quit.

Results go to the JSON file named by TERRITOIRE_DESKTOP_RESULT.
"""

import json
import os
import traceback

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import iface, loadPlugin, plugins, startPlugin, unloadPlugin

RESULT = os.environ["TERRITOIRE_DESKTOP_RESULT"]
SCREENSHOT = os.environ.get("TERRITOIRE_DESKTOP_SCREENSHOT", "")
NAME = "territoire_numerique"


def gui_state() -> dict:
    window = iface.mainWindow()
    menus = [action.text() for action in iface.pluginMenu().actions()]
    docks = [d for d in window.findChildren(QDockWidget) if d.objectName() == "TerritoireNumeriqueDock"]
    toolbars = [
        t.windowTitle()
        for t in window.findChildren(type(iface.pluginToolBar()))
        if t.objectName() == "TerritoireNumeriqueToolbar"
    ]
    provider = QgsApplication.processingRegistry().providerById("territoire")
    return {
        "menu": "Territoire numérique" in [m.replace("&", "") for m in menus],
        "docks": len(docks),
        "dock_visible": bool(docks) and docks[0].isVisible(),
        "toolbars": len(toolbars),
        "provider": provider is not None,
        "algorithms": sorted(a.name() for a in provider.algorithms()) if provider else [],
    }


def run() -> None:
    result = {}
    try:
        result["loaded"] = loadPlugin(NAME) and startPlugin(NAME)
        result["after_load"] = gui_state()
        plugins[NAME].dock.show()
        plugins[NAME].dock.raise_()
        QgsApplication.processEvents()
        if SCREENSHOT:
            iface.mainWindow().grab().save(SCREENSHOT)
        result["unloaded"] = unloadPlugin(NAME)
        QgsApplication.processEvents()
        result["after_unload"] = gui_state()
        result["reloaded"] = loadPlugin(NAME) and startPlugin(NAME)
        result["after_reload"] = gui_state()
    except Exception:  # reported to the test, which fails on it
        result["error"] = traceback.format_exc()
    with open(RESULT, "w", encoding="utf-8") as handle:
        json.dump(result, handle)
    os._exit(0)


QTimer.singleShot(3000, run)
