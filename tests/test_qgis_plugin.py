"""The plugin loads in real QGIS, registers its provider and dock, and unloads cleanly."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QDockWidget

import territoire_numerique
from territoire_numerique.engine.opendata.schema import FAMILY_NAMES
from territoire_numerique.metadata import plugin_metadata

EXPECTED_ALGORITHMS = {"load_open_data", "export_map"}


def territoire_docks(iface) -> list[QDockWidget]:
    return [
        d for d in iface.mainWindow().findChildren(QDockWidget) if d.objectName() == "TerritoireNumeriqueDock"
    ]


def test_metadata_declares_qgis_range_and_provider():
    metadata = plugin_metadata()
    assert metadata["name"] == "Territoire numérique"
    assert metadata["qgisminimumversion"] == "3.22"
    assert metadata["qgismaximumversion"].startswith("4.")
    assert metadata["supportsqt6"] == "True"
    assert metadata["hasprocessingprovider"] == "yes"


def test_provider_registers_algorithms(territoire_plugin):
    provider = QgsApplication.processingRegistry().providerById("territoire")
    assert provider is not None
    ids = {algorithm.name() for algorithm in provider.algorithms()}
    assert ids >= EXPECTED_ALGORITHMS
    assert {algorithm.groupId() for algorithm in provider.algorithms()} <= {"data", "analysis", "maps"}
    assert not provider.icon().isNull()


def test_dock_opens_with_sample_territory(territoire_plugin):
    dock = territoire_plugin.dock
    assert dock is not None
    assert dock.territory is not None
    dock.choose_territory("245900428")
    assert dock.territory.code == "245900428"
    parameters = dock.load_parameters()
    assert parameters["TERRITORY"] == "245900428"
    assert parameters["LAYERS"] == FAMILY_NAMES  # every family, ticked by default
    assert parameters["SOURCE"] in {"online", "cache", "sample"}
    from territoire_numerique.algorithms.load_open_data import enum_indices

    assert enum_indices(parameters)["LAYERS"] == list(range(len(FAMILY_NAMES)))  # what the dialog takes
    assert dock.algorithms.topLevelItemCount() >= 1
    dock.open_suitability()
    assert dock.suitability_editor.isVisible()
    dock.suitability_editor.close()


def test_load_unload_load_leaves_nothing_behind(qgis_iface, territoire_plugin):
    registry = QgsApplication.processingRegistry()
    menu_before = len(qgis_iface.mainWindow().findChildren(QDockWidget))
    second = territoire_numerique.classFactory(qgis_iface)
    # The session plugin already holds the provider id: unload it first, as the Plugin Manager does.
    territoire_plugin.unload()
    assert registry.providerById("territoire") is None
    second.initGui()
    assert registry.providerById("territoire") is not None
    second.unload()
    assert registry.providerById("territoire") is None
    assert not second.actions and second.dock is None and second.toolbar is None
    territoire_plugin.initGui()
    assert registry.providerById("territoire") is not None
    assert len(qgis_iface.mainWindow().findChildren(QDockWidget)) <= menu_before + 1


def test_import_processing_is_qgis_own_module(qgis_processing):
    """The plugin holds no top-level ``processing`` package: the name is QGIS's Processing plugin."""
    import processing  # noqa: QGS111 (the bare name is what this test is about)

    assert hasattr(processing, "run") and hasattr(processing, "execAlgorithmDialog")
    assert Path(processing.__file__).resolve().parent.parent.name == "plugins"
    assert not (Path(__file__).resolve().parents[1] / "processing").exists()
