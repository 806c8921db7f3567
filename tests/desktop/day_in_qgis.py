"""Run inside the real QGIS desktop (``qgis --code``), twice: ``TERRITOIRE_DAY_PHASE=load`` loads
the sample territory from the dock into a saved project, screenshots the window and saves;
``reopen`` (QGIS started again with ``--project``) records whether every layer came back.

Results go to the JSON file named by TERRITOIRE_DESKTOP_RESULT.
"""

import json
import os
import traceback

from qgis.core import QgsLayerTreeLayer, QgsProject
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.utils import iface, plugins

RESULT = os.environ["TERRITOIRE_DESKTOP_RESULT"]
PHASE = os.environ["TERRITOIRE_DAY_PHASE"]
PROJECT = os.environ["TERRITOIRE_DAY_PROJECT"]
SCREENSHOT = os.environ.get("TERRITOIRE_DESKTOP_SCREENSHOT", "")
NAME = "territoire_numerique"
GROUP = "Communauté urbaine de Dunkerque"


def territory_layers() -> list:
    group = QgsProject.instance().layerTreeRoot().findGroup(GROUP)
    children = group.children() if group is not None else []
    return [node.layer() for node in children if isinstance(node, QgsLayerTreeLayer)]


def state() -> dict:
    layers = territory_layers()
    return {
        "names": [layer.name() for layer in layers],
        "valid": [layer.isValid() for layer in layers],
        "sources": [layer.source() for layer in layers],
        "all_layers": len(QgsProject.instance().mapLayers()),
    }


def load() -> dict:
    from qgis import processing

    from territoire_numerique.algorithms.load_open_data import enum_indices

    project = QgsProject.instance()
    project.setFileName(PROJECT)
    project.write()
    dock = plugins[NAME].dock
    dock.show()
    iface.mainWindow().resizeDocks([dock], [380], Qt.Orientation.Horizontal)
    dock.choose_territory("245900428")
    dock.source.setCurrentIndex(dock.source.findData("sample"))
    processing.runAndLoadResults("territoire:load_open_data", enum_indices(dock.load_parameters()))
    first = state()
    processing.runAndLoadResults("territoire:load_open_data", enum_indices(dock.load_parameters()))
    result = {"first": first, "second": state(), "saved": project.write()}
    return result


def run() -> None:
    result = {}
    try:
        result = load() if PHASE == "load" else state()
    except Exception:  # reported to the test, which fails on it
        result["error"] = traceback.format_exc()
    if SCREENSHOT:
        QTimer.singleShot(4000, lambda: finish(result))
    else:
        finish(result)


def finish(result: dict) -> None:
    if SCREENSHOT:
        iface.mainWindow().grab().save(SCREENSHOT)
    with open(RESULT, "w", encoding="utf-8") as handle:
        json.dump(result, handle)
    os._exit(0)


QTimer.singleShot(4000, run)
