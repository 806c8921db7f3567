"""Outputs written aside and moved into place, as the dialog runs an algorithm (in-process)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "sample" / "territoire_sample.gpkg"


@pytest.fixture()
def inputs(tmp_path) -> Path:
    path = tmp_path / "inputs.gpkg"
    shutil.copyfile(SAMPLE, path)
    return path


def parameters(inputs: Path, flows: object) -> dict:
    return {
        "PRODUCERS": f"{inputs}|layername=industrial_waste",
        "RECEIVERS": f"{inputs}|layername=waste_facilities",
        "FLOWS": flows,
        "NODES": "TEMPORARY_OUTPUT",
        "UNALLOCATED": "TEMPORARY_OUTPUT",
        "SYNERGIES": "TEMPORARY_OUTPUT",
        "SUMMARY": "TEMPORARY_OUTPUT",
    }


def test_output_replaces_the_previous_file_and_is_loaded_under_its_own_name(
    territoire_plugin, inputs, tmp_path
):
    from qgis import processing
    from qgis.core import (
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingOutputLayerDefinition,
        QgsProject,
        QgsVectorLayer,
    )

    project = QgsProject()
    context = QgsProcessingContext()
    context.setProject(project)
    flows = tmp_path / "flows.gpkg"
    flows.write_bytes(b"an earlier, broken file")
    result = processing.run(
        "territoire:waste_flows",
        parameters(inputs, QgsProcessingOutputLayerDefinition(str(flows), project)),
        context=context,
        feedback=QgsProcessingFeedback(),
    )
    assert result["FLOWS"] == str(flows)
    assert str(flows) in context.layersToLoadOnCompletion()  # the dialog loads the final file
    layer = QgsVectorLayer(str(flows), "flows", "ogr")
    assert layer.isValid() and layer.featureCount() > 0 and layer.name() == "flows"
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_cancelled_run_leaves_the_previous_output_and_nothing_else(territoire_plugin, inputs, tmp_path):
    from qgis import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    flows = tmp_path / "flows.gpkg"
    flows.write_bytes(b"previous result")
    feedback = QgsProcessingFeedback()
    writing = []

    def cancel_while_writing(_percent: float) -> None:
        aside = [p for p in tmp_path.iterdir() if p.name.startswith(".flows.tn")]
        if aside and not feedback.isCanceled():  # the new flows are being written beside
            writing.extend(aside)
            feedback.cancel()

    feedback.progressChanged.connect(cancel_while_writing)
    with pytest.raises(QgsProcessingException, match="cancelled"):
        processing.run("territoire:waste_flows", parameters(inputs, str(flows)), feedback=feedback)
    assert writing and flows.read_bytes() == b"previous result"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["flows.gpkg", "inputs.gpkg"]


def test_a_new_table_begun_by_a_cancelled_run_is_dropped(territoire_plugin, inputs):
    from qgis import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    from territoire_numerique.engine.outputs import gpkg_tables

    before = gpkg_tables(str(inputs))
    feedback = QgsProcessingFeedback()
    begun = []

    def cancel_while_writing(_percent: float) -> None:
        if "flows" in gpkg_tables(str(inputs)) and not feedback.isCanceled():
            begun.append(True)
            feedback.cancel()

    feedback.progressChanged.connect(cancel_while_writing)
    destination = f"ogr:dbname='{inputs}' table=\"flows\" (geom)"
    with pytest.raises(QgsProcessingException, match="cancelled"):
        processing.run("territoire:waste_flows", parameters(inputs, destination), feedback=feedback)
    assert begun and gpkg_tables(str(inputs)) == before
