"""territoire:site_suitability through real QGIS Processing, on small GeoPackages made here."""

from __future__ import annotations

import json
import math
import sqlite3
from pathlib import Path

import numpy as np
import pytest
import rasterio
from affine import Affine
from osgeo import ogr, osr
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

X0, Y0 = 650_000.0, 7_100_000.0
SIZE = 400.0  # a 400 m square, 10 m cells


def write_layer(path: Path, name: str, wkts: list[str], fields: dict | None = None, epsg: int = 2154) -> None:
    driver = ogr.GetDriverByName("GPKG")
    source = driver.Open(str(path), 1) if path.exists() else driver.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    layer = source.CreateLayer(name, srs, ogr.wkbUnknown)
    fields = fields or {}
    for field_name in fields:
        layer.CreateField(ogr.FieldDefn(field_name, ogr.OFTInteger))
    for index, wkt in enumerate(wkts):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        for field_name, values in fields.items():
            feature.SetField(field_name, values[index])
        layer.CreateFeature(feature)
    source = None


def square(x0: float, y0: float, x1: float, y1: float) -> str:
    return f"POLYGON (({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))"


@pytest.fixture()
def territory(tmp_path: Path) -> Path:
    """A tiny territory: fibre points (ftth 0/1), a road, a port zone, a commune, a terrain raster."""
    gpkg = tmp_path / "territory.gpkg"
    write_layer(
        gpkg,
        "fibre",
        [f"POINT ({X0 + 80} {Y0 + 320})", f"POINT ({X0 + 300} {Y0 + 100})", f"POINT ({X0 + 350} {Y0 + 350})"],
        {"ftth": [1, 1, 0]},
    )
    write_layer(gpkg, "roads", [f"LINESTRING ({X0} {Y0 + 200}, {X0 + SIZE} {Y0 + 210})"])
    write_layer(gpkg, "port_zones", [square(X0 + 300, Y0 + 300, X0 + SIZE, Y0 + SIZE)])
    write_layer(gpkg, "communes", [square(X0, Y0, X0 + SIZE, Y0 + SIZE)])
    write_layer(gpkg, "wgs84", ["POINT (2.3 51.0)"], epsg=4326)
    terrain = np.linspace(0, 20, 40, dtype=np.float32)[None, :].repeat(40, axis=0)
    with rasterio.open(
        tmp_path / "terrain.tif",
        "w",
        driver="GTiff",
        width=40,
        height=40,
        count=1,
        dtype="float32",
        crs="EPSG:2154",
        transform=Affine(10, 0, X0, 0, -10, Y0 + SIZE),
    ) as dataset:
        dataset.write(terrain, 1)
    return tmp_path


def model(fibre_layer: str = "territory.gpkg|layername=fibre", **changes) -> dict:
    data = {
        "name": "tiers-lieu test",
        "criteria": [
            {
                "name": "fibre",
                "layer": fibre_layer,
                "measure": "distance",
                "where": "ftth = 1",
                "transform": {"function": "linear", "direction": "cost", "low": 0, "high": 300},
            },
            {
                "name": "roads",
                "layer": "territory.gpkg|layername=roads",
                "measure": "distance",
                "transform": {"function": "sigmoid", "direction": "cost", "midpoint": 100, "spread": 30},
            },
            {
                "name": "terrain",
                "layer": "terrain.tif",
                "measure": "value",
                "transform": {"function": "linear", "direction": "cost", "low": 0, "high": 20},
            },
        ],
        "weights": {
            "method": "ahp",
            "order": ["fibre", "roads", "terrain"],
            "pairwise": [[1, 2, 4], ["1/2", 1, 2], ["1/4", "1/2", 1]],
        },
        "aggregation": {"method": "wlc"},
        "constraints": [
            {"layer": "territory.gpkg|layername=port_zones", "mode": "exclude", "buffer": 20},
            {"layer": "territory.gpkg|layername=communes", "mode": "include"},
        ],
    }
    data.update(changes)
    return data


def run(parameters: dict, feedback: QgsProcessingFeedback | None = None) -> dict:
    from qgis import processing

    return processing.run("territoire:site_suitability", parameters, feedback=feedback)


def test_model_file_gives_raster_and_explained_sites(territoire_plugin, territory):
    path = territory / "model.json"
    path.write_text(json.dumps(model()))
    sites_path = territory / "sites.gpkg"
    result = run(
        {
            "MODEL": str(path),
            "CELL_SIZE": 10,
            "N_SITES": 3,
            "MIN_AREA": 2000,
            "MIN_SPACING": 50,
            "SENSITIVITY": 20,
            "OUTPUT": str(territory / "suit.tif"),
            "SITES": str(sites_path),
            "CRITERIA_OUTPUT": str(territory / "criteria"),
        }
    )
    with rasterio.open(result["OUTPUT"]) as dataset:
        array = dataset.read(1, masked=True)
        assert dataset.shape == (40, 40) and dataset.crs.to_epsg() == 2154
        assert array.min() >= 0 and array.max() <= 100
        assert array.mask[:8, 28:].all()  # port zone and its 20 m buffer
        assert not array.mask[20:, :20].any()
    layer = QgsVectorLayer(result["SITES"], "sites", "ogr")
    names = layer.fields().names()
    for name in (
        "site_id",
        "rank",
        "score",
        "min_score",
        "area_m2",
        "stay_top_prob",
        "c_fibre",
        "c_roads",
        "c_terrain",
    ):
        assert name in names
    features = sorted(layer.getFeatures(), key=lambda f: f["rank"])
    assert [f["rank"] for f in features] == [1, 2, 3]
    assert features[0]["score"] >= features[1]["score"] >= features[2]["score"]
    for feature in features:
        parts = feature["c_fibre"] + feature["c_roads"] + feature["c_terrain"]
        assert parts == pytest.approx(feature["score"], abs=0.01)
        assert feature["area_m2"] == pytest.approx(2000)
        assert 0 <= feature["stay_top_prob"] <= 1
    assert sorted(p.name for p in (territory / "criteria").iterdir()) == [
        "fibre.tif",
        "roads.tif",
        "terrain.tif",
    ]
    # outputs carry their style and title: .qml/.qmd beside the raster, default style in the GeoPackage
    assert "Très bonne (80–100)" in (territory / "suit.qml").read_text(encoding="utf-8")
    assert "<title>Suitability (0–100)</title>" in (territory / "suit.qmd").read_text(encoding="utf-8")
    with sqlite3.connect(sites_path) as connection:
        styles = connection.execute(
            "SELECT styleQML, description FROM layer_styles WHERE useAsDefault"
        ).fetchall()
    assert len(styles) == 1 and 'fieldName="rank"' in styles[0][0]
    assert styles[0][1] == "Candidate sites (rank)"
    # the same model given as JSON text (paths relative to the project home) gives the same raster
    QgsProject.instance().setFileName(str(territory / "project.qgs"))
    try:
        again = run({"MODEL": path.read_text(), "CELL_SIZE": 10, "OUTPUT": str(territory / "again.tif")})
    finally:
        QgsProject.instance().setFileName("")
    with rasterio.open(again["OUTPUT"]) as first, rasterio.open(result["OUTPUT"]) as second:
        assert np.array_equal(first.read(1), second.read(1))


def test_the_model_is_read_once_per_run_and_again_when_its_file_changes(
    territoire_plugin, territory, monkeypatch
):
    from territoire_numerique.engine import suitability

    calls = []
    real = suitability.load_model

    def counted(*arguments, **keywords):
        calls.append(arguments[0])
        return real(*arguments, **keywords)

    monkeypatch.setattr(suitability, "load_model", counted)
    path = territory / "model.json"
    path.write_text(json.dumps(model()))
    parameters = {"MODEL": str(path), "CELL_SIZE": 20, "OUTPUT": str(territory / "once.tif")}
    run(parameters)  # checks (inputs, layers, memory) and the run itself
    assert calls == [str(path)]
    path.write_text(json.dumps(model(aggregation={"method": "min"})))
    changed = run({**parameters, "OUTPUT": str(territory / "changed.tif")})
    assert calls == [str(path)] * 2  # a new run reads the file it names again
    with rasterio.open(changed["OUTPUT"]) as minimum, rasterio.open(territory / "once.tif") as weighted:
        assert not np.array_equal(minimum.read(1), weighted.read(1))


def test_project_layer_name_and_candidates(territoire_plugin, territory):
    memory = QgsVectorLayer("Point?crs=EPSG:2154&field=ftth:integer", "fibre points", "memory")
    feature = QgsFeature(memory.fields())
    feature.setGeometry(QgsGeometry.fromWkt(f"POINT ({X0 + 80} {Y0 + 320})"))
    feature.setAttributes([1])
    memory.dataProvider().addFeatures([feature])
    QgsProject.instance().addMapLayer(memory)
    candidates = QgsVectorLayer("Polygon?crs=EPSG:2154", "candidates", "memory")
    parcels = []
    for wkt in (square(X0 + 40, Y0 + 280, X0 + 120, Y0 + 360), square(X0 + 200, Y0 + 20, X0 + 260, Y0 + 80)):
        parcel = QgsFeature()
        parcel.setGeometry(QgsGeometry.fromWkt(wkt))
        parcels.append(parcel)
    candidates.dataProvider().addFeatures(parcels)
    path = territory / "model.json"
    path.write_text(json.dumps(model(fibre_layer="fibre points")))
    try:
        result = run(
            {
                "MODEL": str(path),
                "CANDIDATES": candidates,
                "N_SITES": 1,
                "OUTPUT": str(territory / "s.tif"),
                "SITES": "memory:",
            }
        )
    finally:
        QgsProject.instance().removeMapLayer(memory.id())
    scored = {f["site_id"]: f for f in result["SITES"].getFeatures()}
    assert len(scored) == 2
    near_fibre = next(
        f
        for f in scored.values()
        if f.geometry().contains(QgsGeometry.fromWkt(f"POINT ({X0 + 80} {Y0 + 320})"))
    )
    assert near_fibre["rank"] == 1
    assert near_fibre["area_m2"] == pytest.approx(6400)


def test_geographic_layer_and_inconsistent_ahp_are_refused(territoire_plugin, territory):
    path = territory / "model.json"
    path.write_text(json.dumps(model(fibre_layer="territory.gpkg|layername=wgs84")))
    with pytest.raises(QgsProcessingException, match="wgs84"):
        run({"MODEL": str(path), "OUTPUT": str(territory / "x.tif")})
    inconsistent = model(
        weights={
            "method": "ahp",
            "order": ["fibre", "roads", "terrain"],
            "pairwise": [[1, 9, "1/9"], ["1/9", 1, 9], [9, "1/9", 1]],
        }
    )
    path.write_text(json.dumps(inconsistent))
    with pytest.raises(QgsProcessingException, match="CR ="):
        run({"MODEL": str(path), "OUTPUT": str(territory / "x.tif")})
    assert not (territory / "x.tif").exists()
    allowed = run({"MODEL": str(path), "ALLOW_INCONSISTENT": True, "OUTPUT": str(territory / "x.tif")})
    assert Path(allowed["OUTPUT"]).exists()


def test_grid_beyond_the_memory_limit_is_computed_by_blocks(territoire_plugin, territory):
    from territoire_numerique.engine import suitability

    path = territory / "model.json"
    path.write_text(json.dumps(model()))
    engine_model = suitability.load_model(str(path))
    options = suitability.Options(cell_size=0.5)
    grid = suitability.model_grid(engine_model, options)
    margin = suitability.margin_cells(engine_model, grid)
    limit = math.ceil(suitability.blocked_estimate(grid, engine_model, margin, 1) / 2**20)
    assert limit * 2**20 < suitability.memory_estimate(grid, engine_model, options, margin)
    blocks = run(
        {"MODEL": str(path), "CELL_SIZE": 0.5, "MAX_MEMORY": limit, "OUTPUT": str(territory / "blocks.tif")}
    )
    whole = run({"MODEL": str(path), "CELL_SIZE": 0.5, "OUTPUT": str(territory / "whole.tif")})
    with rasterio.open(blocks["OUTPUT"]) as first, rasterio.open(whole["OUTPUT"]) as second:
        np.testing.assert_array_equal(first.read(1), second.read(1))
    assert (territory / "blocks.qml").exists()
    assert [p.name for p in territory.iterdir() if p.name.startswith(".")] == []


def test_grid_beyond_the_memory_limit_is_refused_with_the_estimates(territoire_plugin, territory):
    path = territory / "model.json"
    path.write_text(json.dumps(model()))
    with pytest.raises(
        QgsProcessingException, match=r"needs about .* even by blocks of rows it needs at least"
    ):
        run({"MODEL": str(path), "CELL_SIZE": 0.5, "MAX_MEMORY": 64, "OUTPUT": str(territory / "big.tif")})
    assert not (territory / "big.tif").exists()
    assert [p.name for p in territory.iterdir() if p.name.startswith(".")] == []


def test_cancelled_run_leaves_no_output(territoire_plugin, territory):
    path = territory / "model.json"
    path.write_text(json.dumps(model()))
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda percent: percent > 10 and feedback.cancel())
    output = territory / "cancelled.tif"
    with pytest.raises(QgsProcessingException, match="cancelled"):
        run(
            {
                "MODEL": str(path),
                "OUTPUT": str(output),
                "SITES": str(territory / "cancelled_sites.gpkg"),
                "CRITERIA_OUTPUT": str(territory / "crit"),
            },
            feedback,
        )
    assert not output.exists()
    assert not (territory / "cancelled_sites.gpkg").exists()
    assert not (territory / "crit").exists() or not any((territory / "crit").iterdir())


def test_editor_round_trip_live_consistency_and_curve(territoire_plugin, tmp_path):
    from territoire_numerique.engine import mcda
    from territoire_numerique.engine.suitability import MEASURES, load_model
    from territoire_numerique.ui.suitability_editor import SuitabilityEditor

    example = Path(__file__).resolve().parents[1] / "resources" / "models" / "tiers_lieu_cud.json"
    editor = SuitabilityEditor()
    editor.load(str(example))
    # the lists show labels and hold every keyword of the model format
    assert [editor.measure.itemData(i) for i in range(editor.measure.count())] == list(MEASURES)
    assert [editor.function.itemData(i) for i in range(editor.function.count())] == list(mcda.FUNCTIONS)
    aggregations = [editor.aggregation.itemData(i) for i in range(editor.aggregation.count())]
    assert aggregations == list(mcda.AGGREGATIONS)
    original = json.loads(example.read_text(encoding="utf-8"))
    edited = editor.model_dict()
    assert edited["criteria"] == original["criteria"]
    assert edited["constraints"] == original["constraints"]
    assert edited["description"] == original["description"]  # fields the editor does not show are kept
    assert load_model(edited).weights == pytest.approx(load_model(original).weights)
    assert "CR = 0.012" in editor.consistency.text()

    # the curve of the first criterion (fibre: linear cost 0–400 m)
    editor.criteria_list.setCurrentRow(0)
    values, suitability = editor.plot.samples()
    assert editor.plot.value_range[0] == 0 and editor.plot.value_range[1] >= 400
    assert suitability[0] == pytest.approx(1) and suitability[values >= 400] == pytest.approx(0)
    editor.parameters["high"].setValue(800)  # live: the model and the curve follow the spin box
    assert editor.criteria[0]["transform"]["high"] == 800
    values, suitability = editor.plot.samples()
    assert suitability[np.searchsorted(values, 400)] == pytest.approx(0.5, abs=0.02)

    # an inconsistent judgement is flagged live, with the pair to revise
    editor.matrix.item(0, 5).setText("1/9")
    assert editor.matrix.item(5, 0).text() == "9"
    assert "inconsistent" in editor.consistency.text() and "fibre vs terrain" in editor.consistency.text()

    saved = tmp_path / "model.json"
    editor.save(str(saved))
    again = SuitabilityEditor()
    again.load(str(saved))
    assert again.model_dict() == editor.model_dict()
