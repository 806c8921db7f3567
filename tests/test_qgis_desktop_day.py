"""A GIS officer's day with the dock: the sample loaded into a saved project stays after a
close/reopen, in drawing order; reloading updates in place; offline, the dock offers the cache
or the sample; analyses run from dialogs and batches raise no "layers not generated" alarm."""

from __future__ import annotations

import inspect
import json
import socket
import time
from pathlib import Path

import pytest
from qgis.core import (
    QgsApplication,
    QgsLayerTreeLayer,
    QgsProcessing,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsRasterLayer,
    QgsSettings,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QTimer, QUrl
from qgis.PyQt.QtWidgets import QApplication
from test_qgis_site_suitability import model
from test_qgis_site_suitability import territory as territory

from territoire_numerique import settings
from territoire_numerique.engine.cache import DiskCache
from territoire_numerique.messages import LOG_TAG

GROUP = "Communauté urbaine de Dunkerque"


class Recorder(QgsProcessingFeedback):
    """Feedback keeping what Processing reports as errors (the red lines of the dialog's log)."""

    def __init__(self) -> None:
        super().__init__()
        self.errors: list[str] = []

    def reportError(self, error: str, fatalError: bool = False) -> None:
        self.errors.append(error)


class LogTab:
    """Messages of the plugin's message-log tab while in use."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def __enter__(self) -> LogTab:
        QgsApplication.messageLog().messageReceived.connect(self.received)
        return self

    def received(self, message: str, tag: str, _level) -> None:
        if tag == LOG_TAG:
            self.lines.append(message)

    def __exit__(self, *_exc) -> None:
        QgsApplication.messageLog().messageReceived.disconnect(self.received)


def wait_for(condition, seconds: float = 120.0) -> None:
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        QgsApplication.processEvents()
        time.sleep(0.01)
    assert condition()


@pytest.fixture
def saved_project(tmp_path, monkeypatch):
    """An empty project saved in a temporary folder, the data folder left to its default."""
    monkeypatch.setattr(settings, "DATA_FOLDER", settings.PREFIX + "test_data_folder")
    QgsSettings().remove(settings.DATA_FOLDER)
    project = QgsProject.instance()
    project.clear()
    path = tmp_path / "territoire.qgz"
    project.setFileName(str(path))
    assert project.write()
    yield project
    project.clear()


def load_from_dock(dock) -> dict:
    """What the dock's Load button runs, through Processing's own result handling."""
    from qgis import processing

    from territoire_numerique.algorithms.load_open_data import enum_indices

    return processing.runAndLoadResults("territoire:load_open_data", enum_indices(dock.load_parameters()))


def territory_layers(project: QgsProject):
    group = project.layerTreeRoot().findGroup(GROUP)
    assert group is not None
    return [node.layer() for node in group.children() if isinstance(node, QgsLayerTreeLayer)]


def drawing_rank(layer) -> int:
    if isinstance(layer, QgsRasterLayer):
        return 5
    if layer.source().endswith("layername=communes"):
        return 0
    return {
        QgsWkbTypes.GeometryType.PointGeometry: 1,
        QgsWkbTypes.GeometryType.LineGeometry: 2,
        QgsWkbTypes.GeometryType.PolygonGeometry: 3,
        QgsWkbTypes.GeometryType.NullGeometry: 4,  # a table (fibre per commune)
    }[layer.geometryType()]


def test_sample_stays_after_reopen_in_drawing_order_and_reloads_in_place(
    territoire_plugin, saved_project, dialogs
):
    dock = territoire_plugin.dock
    assert dock.widget().widget().minimumSizeHint().width() <= 380  # usable in a narrow dock
    dock.choose_territory("245900428")
    dock.source.setCurrentIndex(dock.source.findData("sample"))
    # a group selected in the layer tree must not change the order
    saved_project.layerTreeRoot().addGroup(GROUP)
    with LogTab() as log:
        result = load_from_dock(dock)
    gpkg = saved_project.absolutePath() + f"/{GROUP}.gpkg"
    assert result["OUTPUT"] == gpkg  # beside the saved project, named after the territory
    layers = territory_layers(saved_project)
    assert len(layers) == 15 and len(saved_project.mapLayers()) == 15
    assert all(GROUP in layer.name() for layer in layers)
    ranks = [drawing_rank(layer) for layer in layers]
    assert ranks == sorted(ranks) and ranks[0] == 0 and ranks[-1] == 5
    buildings = next(layer for layer in layers if layer.source().endswith("layername=buildings"))
    assert buildings.hasScaleBasedVisibility() and buildings.minimumScale() == 25000
    waste_points = next(layer for layer in layers if layer.source().endswith("layername=waste_points"))
    states = {c.value(): c.renderState() for c in waste_points.renderer().categories()}
    assert states["container"] is False and states["decheterie"] is True
    assert any("15 layers added" in line for line in log.lines)
    assert any("finished in" in line for line in log.lines)

    # dialogs opened from the dock come filled with the territory's layers
    by_table = {layer.source().split("layername=")[-1].split(":")[-1]: layer for layer in layers}
    prefilled = dock.territory_parameters("territoire:wifi_placement")
    assert prefilled["CANDIDATES"] == by_table["street_furniture"].id()
    assert prefilled["EXISTING"] == by_table["wifi_hotspots"].id()
    assert prefilled["TERRAIN"] == by_table["terrain"].id()
    seen: dict = {}
    close_dialog_later(seen)
    dock._open_dialog("territoire:wifi_coverage", dock.territory_parameters("territoire:wifi_coverage"))
    assert seen["HOTSPOTS"] in (by_table["wifi_hotspots"].id(), by_table["wifi_hotspots"].source())

    names = [layer.name() for layer in layers]
    assert saved_project.write()
    path = saved_project.fileName()
    saved_project.clear()
    assert saved_project.read(path)
    reopened = territory_layers(saved_project)
    assert [layer.name() for layer in reopened] == names
    assert all(layer.isValid() for layer in reopened)
    assert all(layer.source().startswith((gpkg, f"GPKG:{gpkg}")) for layer in reopened)

    with LogTab() as log:
        load_from_dock(dock)
    assert len(saved_project.mapLayers()) == 15
    assert [layer.name() for layer in territory_layers(saved_project)] == names
    assert any("15 layers updated in place, 0 added" in line for line in log.lines), log.lines
    assert all(layer.isValid() for layer in saved_project.mapLayers().values())


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def close_dialog_later(seen: dict) -> None:
    """Read the parameters of the algorithm dialog the dock opens, then close it."""

    from processing.gui.AlgorithmDialog import AlgorithmDialog

    def close() -> None:
        widgets = QApplication.topLevelWidgets()
        shown = [w for w in widgets if isinstance(w, AlgorithmDialog) and w.isVisible()]
        dialog = shown[0] if shown else None
        if dialog is None:
            QTimer.singleShot(100, close)
            return
        seen.update(dialog.mainWidget().createProcessingParameters())
        dialog.reject()

    QTimer.singleShot(100, close)


def write_empty_list(path) -> None:
    path.write_text("[]", encoding="utf-8")


@pytest.fixture
def dialogs(qgis_iface, monkeypatch):
    """Processing's algorithm dialogs build in the test QGIS: its interface gets a real browser model."""
    from qgis.gui import QgsBrowserGuiModel

    browser = QgsBrowserGuiModel()
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: browser, raising=False)
    yield


def test_network_down_offers_the_cache_with_its_date_or_the_sample(
    territoire_plugin, dialogs, tmp_path, monkeypatch
):
    monkeypatch.setenv("TERRITOIRE_URL_GEO_API", f"http://127.0.0.1:{closed_port()}")
    monkeypatch.setenv("TERRITOIRE_CACHE_DIR", str(tmp_path / "cache"))
    dock = territoire_plugin.dock
    dock.choose_territory("245900428")
    assert dock.source.itemData(0) == "online"  # "cache, then online", the default
    dock.source.setCurrentIndex(0)
    dock.load_data()
    assert dock.offline_box.isVisibleTo(dock)
    assert "network is down" in dock.offline_label.text() and "sample" in dock.offline_label.text()
    assert not dock.use_cache_button.isEnabled()  # nothing downloaded yet

    cache = DiskCache(tmp_path / "cache")
    cache.store("GEO_API", "https://geo.api.gouv.fr/epcis", None, write_empty_list, 30)
    dock.load_data()
    assert dock.use_cache_button.isEnabled()
    assert time.strftime("%Y") in dock.offline_label.text()  # the date of the last download

    # the algorithm itself (toolbox, scripts): offline, the cache alone; what is missing, in one sentence
    from qgis import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match=r"network seems down.*source Cache .*or Sample"):
        processing.run(
            "territoire:load_open_data",
            {"TERRITORY": "245900428", "SOURCE": 0, "OUTPUT": str(tmp_path / "offline.gpkg")},
        )
    assert not (tmp_path / "offline.gpkg").exists()

    seen: dict = {}
    close_dialog_later(seen)
    dock.use_sample_button.click()
    assert seen["SOURCE"] == 2 and seen["TERRITORY"] == "245900428"
    assert dock.source.currentData() == "sample" and not dock.offline_box.isVisibleTo(dock)


def run_as_batch(algorithm_id: str, parameters: dict) -> list[str]:
    """One row of Processing's batch dialog: run, then its result handling; the errors reported."""
    from processing.gui.Postprocessing import handleAlgorithmResults
    from processing.tools import dataobjects

    feedback = Recorder()
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
    context = dataobjects.createContext(feedback)
    ok, message = algorithm.checkParameterValues(parameters, context)
    assert ok, message
    _results, ok = algorithm.run(parameters, context, feedback)
    assert ok, feedback.errors
    # QGIS 3.22 takes a showResults flag before the parameters; 3.40 dropped it
    takes_flag = "showResults" in inspect.signature(handleAlgorithmResults).parameters
    quiet = {"showResults": False} if takes_flag else {}
    handleAlgorithmResults(algorithm, context, feedback, parameters=parameters, **quiet)
    return feedback.errors


def test_suitability_and_batch_load_give_no_false_alarm(territoire_plugin, territory, tmp_path):
    path = territory / "model.json"
    path.write_text(json.dumps(model()))
    project = QgsProject.instance()
    project.clear()
    temporary = QgsProcessingOutputLayerDefinition("TEMPORARY_OUTPUT", project)
    with LogTab() as log:
        errors = run_as_batch(
            "territoire:site_suitability",
            {"MODEL": str(path), "CELL_SIZE": 10, "OUTPUT": temporary, "SITES": temporary},
        )
    assert errors == []
    assert len(project.mapLayers()) == 2
    assert all(layer.isValid() for layer in project.mapLayers().values())
    assert [line for line in log.lines if "finished in" in line]  # one summary line for the run
    for code in ("59183", "59271"):
        errors = run_as_batch(
            "territoire:load_open_data",
            {
                "TERRITORY": code,
                "LAYERS": [0, 8],
                "SOURCE": 2,
                "OUTPUT": QgsProcessingOutputLayerDefinition(str(tmp_path / f"{code}.gpkg"), project),
            },
        )
        assert errors == []
    layers = project.mapLayers().values()
    assert len(layers) == 2 + 2 * 2 and all(layer.isValid() for layer in layers)
    project.clear()


class Texts(Recorder):
    """Feedback keeping every line of the Processing log."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def pushInfo(self, info: str) -> None:
        self.lines.append(info)

    def pushWarning(self, warning: str) -> None:
        self.lines.append(warning)


@pytest.fixture
def french(qgis_app):
    """QGIS in French: the locale setting and the plugin's compiled translation."""
    import subprocess

    from qgis.PyQt.QtCore import QCoreApplication

    from territoire_numerique.i18n_support import I18N_DIR, install_translator

    ts, qm = I18N_DIR / "territoire_numerique_fr.ts", I18N_DIR / "territoire_numerique_fr.qm"
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        subprocess.run(["lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)
    previous = QgsSettings().value(settings.USER_LOCALE, "")
    QgsSettings().setValue(settings.USER_LOCALE, "fr_FR")
    translator = install_translator()
    yield
    QCoreApplication.removeTranslator(translator)
    QgsSettings().setValue(settings.USER_LOCALE, previous)


def test_a_french_run_speaks_french(territoire_plugin, french, saved_project):
    from qgis import processing

    from territoire_numerique.i18n_support import format_number

    assert format_number(0.012, 3) == "0,012"
    feedback = Texts()
    with LogTab() as log:
        result = processing.run(
            "territoire:load_open_data",
            {"TERRITORY": "59183", "LAYERS": [0, 8], "SOURCE": 2, "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT},
            feedback=feedback,
        )
    # the dialog's default "temporary" output is the territory's GeoPackage in the data folder
    assert result["OUTPUT"] == saved_project.absolutePath() + "/Dunkerque.gpkg"
    assert any(line.startswith("Territoire : Dunkerque") for line in feedback.lines), feedback.lines
    assert not any(line.startswith("Territory:") for line in feedback.lines)
    assert log.lines and all("terminé en" in line or "couches ajoutées" in line for line in log.lines)
    assert any("terminé en" in line for line in log.lines)


def test_dialogs_light_with_local_help_and_tags(territoire_plugin):
    from qgis.core import QgsProcessingParameterDefinition

    flags = QgsProcessingParameterDefinition.Flag
    provider = QgsApplication.processingRegistry().providerById("territoire")
    for algorithm in provider.algorithms():
        names = {definition.name() for definition in algorithm.parameterDefinitions()}
        assert set(type(algorithm).ADVANCED) <= names, algorithm.id()  # no misspelt name
        visible = [
            definition.name()
            for definition in algorithm.parameterDefinitions()
            if not definition.isDestination()
            and not definition.flags() & (flags.FlagAdvanced | flags.FlagHidden)
        ]
        assert len(visible) <= 12, (algorithm.id(), visible)
        # help shipped with the plugin, opened locally (offline too); toolbox search words
        help_file = QUrl(algorithm.helpUrl()).toLocalFile()
        assert help_file.endswith(f"docs/{algorithm.name()}.md") and Path(help_file).is_file()
        assert algorithm.tags(), algorithm.id()
    assert "Wi-Fi" in provider.algorithm("wifi_placement").tags()


def test_wifi_outputs_read_best_server_per_hotspot_zones_see_through(territoire_plugin, tmp_path):
    from qgis import processing
    from qgis.core import QgsPalettedRasterRenderer

    from territoire_numerique.resources_paths import SAMPLE_GPKG

    project = QgsProject.instance()
    project.clear()
    hotspots = f"{SAMPLE_GPKG}|layername=wifi_hotspots"
    processing.runAndLoadResults(
        "territoire:wifi_coverage",
        {
            "HOTSPOTS": hotspots,
            "CELL_SIZE": 10.0,
            "RSSI": str(tmp_path / "rssi.tif"),
            "BEST_SERVER": str(tmp_path / "best.tif"),
            "COVERAGE": "TEMPORARY_OUTPUT",
            "HOTSPOT_STATS": "TEMPORARY_OUTPUT",
            "ZONES": f"{SAMPLE_GPKG}|layername=communes",
            "DEMAND": f"{SAMPLE_GPKG}|layername=public_buildings",
            "ZONE_STATS": "TEMPORARY_OUTPUT",
        },
    )
    # the per-zone shares drawn in classes, see-through: the coverage beneath stays readable
    zones = project.mapLayersByName("Demand within usable signal, per zone")[0]
    assert zones.renderer().type() == "RuleRenderer" and zones.opacity() < 1
    best = next(
        layer for layer in project.mapLayers().values() if layer.source() == str(tmp_path / "best.tif")
    )
    renderer = best.renderer()
    assert isinstance(renderer, QgsPalettedRasterRenderer)  # not a grey ramp
    assert best.name() == "Best-server hotspot"
    names = {feature["name"] for feature in QgsVectorLayer(hotspots, "", "ogr").getFeatures()}
    labels = [entry.label for entry in renderer.classes()]
    assert set(labels) == names and len({entry.color.name() for entry in renderer.classes()}) > 1
    project.clear()
