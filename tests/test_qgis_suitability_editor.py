"""The suitability model editor, driven through its real widgets: every field of the model it
opened survives open → save, and criteria are chosen from the project's layers while the saved
model keeps file paths, so a headless run of it finds the same layers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rasterio
import test_qgis_site_suitability as site
from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest

pytestmark = pytest.mark.qgis
model, run, territory = site.model, site.run, site.territory  # territory: the fixture


def full_model() -> dict:
    """A model using every field of docs/suitability_model.schema.json, and keys it does not know."""
    fibre, roads, _ = model()["criteria"]
    fibre["note"] = "FTTH only"
    fibre["transform"]["high"] = 300.125
    return {
        "name": "Tiers-lieu, tous les champs",
        "description": "Every field of the schema; the editor must give each one back.",
        "author": "Service SIG",  # a key outside the schema
        "criteria": [
            fibre,
            roads,
            {
                "name": "terrain",
                "layer": "terrain.tif",
                "measure": "value",
                "band": 1,
                "resampling": "cubic",
                "fill": 0.25,
                "transform": {"function": "gaussian", "ideal": 8.5, "spread": 4},
            },
            {
                "name": "flat",
                "layer": "terrain.tif",
                "measure": "value",
                "resampling": "average",
                "transform": {"function": "threshold", "direction": "cost", "value": 15},
            },
            {
                "name": "zoning",
                "layer": "territory.gpkg|layername=communes",
                "measure": "attribute",
                "field": "zone",
                "resampling": "nearest",
                "transform": {"function": "categories", "values": {"1": 1, "2": 0.4}, "default": 0.1},
            },
        ],
        "weights": {
            "method": "ahp",
            "order": ["fibre", "roads", "terrain", "flat", "zoning"],
            "pairwise": [
                [1, 2, 3, 3, 4],
                [0.5, 1, 2, 2, 3],
                ["1/3", 0.5, 1, 1, 2],
                ["1/3", "1/2", 1, 1, 2],
                ["1/4", "1/3", 0.5, "1/2", 1],
            ],
            "comment": "judged by the working group",
        },
        "aggregation": {"method": "owa", "order_weights": [0.4, 0.3, 0.15, 0.1, 0.05]},
        "constraints": [
            {"layer": "territory.gpkg|layername=port_zones", "mode": "exclude", "buffer": 20.5},
            {"layer": "territory.gpkg|layername=communes", "mode": "include", "where": "zone > 0"},
        ],
    }


@pytest.fixture()
def editor(territoire_plugin):
    from territoire_numerique.ui.suitability_editor import SuitabilityEditor

    dialog = SuitabilityEditor()
    dialog.show()
    yield dialog
    dialog.close()
    QgsProject.instance().removeAllMapLayers()


def test_open_save_keeps_every_field(editor, territory):
    from territoire_numerique.engine.suitability import load_model

    for data in (full_model(), {**full_model(), "weights": {"method": "direct", "values": {
        "fibre": 0.3333333333, "roads": 2, "terrain": 1, "flat": 0.5, "zoning": 1.25}}}):  # fmt: skip
        source = territory / "full.json"
        source.write_text(json.dumps(data), encoding="utf-8")
        load_model(str(source))  # the model is valid
        editor.load(str(source))
        saved = territory / "saved.json"
        editor.save(str(saved))
        assert json.loads(saved.read_text(encoding="utf-8")) == data
        for row in range(len(data["criteria"])):  # showing each criterion changes nothing
            editor.criteria_list.setCurrentRow(row)
        assert editor.model_dict() == data


def test_edits_keep_the_fields_the_dialog_does_not_show(editor, territory):
    source = territory / "full.json"
    source.write_text(json.dumps(full_model()), encoding="utf-8")
    editor.load(str(source))
    editor.criteria_list.setCurrentRow(2)  # terrain: gaussian, cubic resampling, fill 0.25
    editor.parameters["ideal"].setValue(9)
    editor.criteria_list.setCurrentRow(0)
    editor.parameters["low"].setValue(10)
    edited = editor.model_dict()
    assert edited["description"] == full_model()["description"] and edited["author"] == "Service SIG"
    assert edited["criteria"][2] == {**full_model()["criteria"][2], "transform": {
        "function": "gaussian", "ideal": 9, "spread": 4}}  # fmt: skip
    fibre = edited["criteria"][0]
    assert fibre["note"] == "FTTH only" and fibre["layer"] == "territory.gpkg|layername=fibre"
    assert fibre["transform"] == {"function": "linear", "direction": "cost", "low": 10, "high": 300.125}
    assert edited["weights"]["comment"] == "judged by the working group"
    # a new function drops the old one's parameters, keeps what the dialog does not show
    editor.function.setCurrentIndex(editor.function.findData("threshold"))
    assert editor.model_dict()["criteria"][0]["transform"] == {
        "function": "threshold", "direction": "cost", "value": pytest.approx(0)
    }
    assert editor.model_dict()["criteria"][0]["note"] == "FTTH only"


def test_criteria_are_chosen_from_project_layers_and_saved_as_files(editor, territory):
    gpkg = territory / "territory.gpkg"
    project = QgsProject.instance()
    fibre = QgsVectorLayer(f"{gpkg}|layername=fibre", "Fibre (Dunkerque)", "ogr")
    roads = QgsVectorLayer(f"{gpkg}|layername=roads", "Routes (Dunkerque)", "ogr")
    terrain = QgsRasterLayer(str(territory / "terrain.tif"), "Relief")
    memory = QgsVectorLayer("Point?crs=EPSG:2154", "scratch points", "memory")
    for layer in (fibre, roads, terrain, memory):
        assert layer.isValid()
        project.addMapLayer(layer)
    source = territory / "model.json"
    source.write_text(json.dumps(model()), encoding="utf-8")
    editor.load(str(source))

    # a criterion whose file is a loaded layer shows the layer's name, not its path
    editor.criteria_list.setCurrentRow(0)
    assert editor.layer.currentText() == "Fibre (Dunkerque)"
    listed = [editor.layer.itemText(i) for i in range(editor.layer.count())]
    assert listed == ["Fibre (Dunkerque)", "Relief", "Routes (Dunkerque)"]  # file layers only
    constraint_layers = [editor.constraints.cellWidget(row, 0).currentText() for row in range(2)]
    assert constraint_layers == ["territory.gpkg|layername=port_zones", "territory.gpkg|layername=communes"]

    # choosing another project layer (as a user does, from the list) stores its file and table
    editor.layer.setFocus()
    editor.layer.setCurrentIndex(editor.layer.findText("Routes (Dunkerque)"))
    assert editor.criteria[0]["layer"] == f"{gpkg}|layername=roads"
    editor.where.clear()  # roads have no ftth field
    editor.criteria_list.setCurrentRow(2)
    assert editor.layer.currentText() == "Relief"  # terrain.tif, written relative in the model
    editor.parameters["high"].setValue(25)
    assert editor.criteria[2]["layer"] == "terrain.tif"  # the same file: its relative path stays
    editor.criteria_list.setCurrentRow(1)
    editor.layer.lineEdit().selectAll()
    QTest.keyClicks(editor.layer.lineEdit(), "territory.gpkg|layername=fibre")
    QTest.keyClick(editor.layer.lineEdit(), Qt.Key.Key_Return)  # Enter opens no file dialog
    assert editor.criteria[1]["layer"] == "territory.gpkg|layername=fibre"  # a typed path stays as typed
    constraint = editor.constraints.cellWidget(0, 0)
    constraint.setCurrentIndex(constraint.findText("Fibre (Dunkerque)"))
    assert editor.constraints_list()[0]["layer"] == f"{gpkg}|layername=fibre"

    # saved elsewhere, the model still names files (relative ones rebased): a run without the
    # project's layers finds them
    elsewhere = territory / "models"
    elsewhere.mkdir()
    editor.save(str(elsewhere / "chosen.json"))
    saved = json.loads((elsewhere / "chosen.json").read_text(encoding="utf-8"))
    assert saved["criteria"][2]["layer"] == "../terrain.tif"
    assert saved["constraints"][1]["layer"] == "../territory.gpkg|layername=communes"
    project.removeAllMapLayers()
    result = run({"MODEL": str(elsewhere / "chosen.json"), "OUTPUT": str(territory / "chosen.tif")})
    with rasterio.open(result["OUTPUT"]) as dataset:
        assert dataset.shape == (40, 40)


def test_a_geopackage_raster_is_named_by_its_table(editor, territory):
    from territoire_numerique.ui.suitability_editor import layer_reference

    sample = Path(__file__).resolve().parents[1] / "resources" / "sample" / "territoire_sample.gpkg"
    terrain = QgsRasterLayer(f"GPKG:{sample}:terrain", "Relief (Dunkerque)")
    assert terrain.isValid()
    assert layer_reference(terrain) == f"{sample}|layername=terrain"
    QgsProject.instance().addMapLayer(terrain)
    example = sample.parents[1] / "models" / "tiers_lieu_cud.json"
    editor.load(str(example))
    editor.criteria_list.setCurrentRow(5)
    assert editor.layer.currentText() == "Relief (Dunkerque)"
    assert editor.model_dict() == json.loads(example.read_text(encoding="utf-8"))
