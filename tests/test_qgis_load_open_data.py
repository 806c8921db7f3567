"""territoire:load_open_data in real QGIS: replay server online, bundled-sample mode, project group."""

from __future__ import annotations

import sqlite3

import pytest
from opendata_support import CUD, build_sample
from replay_server import ReplayServer, Reply
from test_engine_opendata_online import add_geo_api, irep_zip

from territoire_numerique.engine.opendata.irep import default_year


@pytest.fixture
def replay(monkeypatch, tmp_path):
    monkeypatch.setenv("TERRITOIRE_CACHE_DIR", str(tmp_path / "cache"))
    with ReplayServer() as server:
        for source in ("GEO_API", "IREP"):
            monkeypatch.setenv(f"TERRITOIRE_URL_{source}", server.url)
        add_geo_api(server)
        server.add(f"/{default_year()}.zip", Reply(irep_zip(), content_type="application/zip"))
        yield server


def test_online_cud_into_project_group(territoire_plugin, replay, tmp_path):
    from qgis.core import QgsProject

    import processing

    project = QgsProject.instance()
    project.clear()
    output = tmp_path / "cud.gpkg"
    result = processing.runAndLoadResults(
        "territoire:load_open_data",
        {
            "TERRITORY": CUD,
            "LAYERS": ["boundaries", "industrial_waste", "fibre"],
            "SOURCE": "online",
            "OUTPUT": str(output),
        },
    )
    assert result["OUTPUT"] == str(output)
    with sqlite3.connect(output) as connection:
        assert connection.execute("SELECT COUNT(*) FROM communes").fetchone()[0] == 17
        assert connection.execute("SELECT COUNT(*) FROM industrial_waste").fetchone()[0] == 6
    group = project.layerTreeRoot().findGroup("CU de Dunkerque")
    assert group is not None
    layers = {node.layer().name(): node.layer() for node in group.findLayers()}
    assert set(layers) == {"Communes", "Déchets industriels (IREP)", "Déchets industriels non localisés"}
    communes = layers["Communes"]
    assert communes.crs().authid() == "EPSG:2154"
    assert communes.metadata().licenses() == ["Licence Ouverte 2.0"]
    assert communes.metadata().links()[0].url == "https://geo.api.gouv.fr/decoupage-administratif"
    waste = layers["Déchets industriels (IREP)"]
    assert waste.renderer().type() == "categorizedSymbol"  # resources/styles/industrial_waste.qml
    assert waste.metadata().keywords()["vintage"] == [str(default_year())]
    # points drawn above polygons in the group
    names = [node.layer().name() for node in group.findLayers()]
    assert names.index("Déchets industriels (IREP)") < names.index("Communes")
    project.clear()


def test_sample_source_with_bundled_geopackage(territoire_plugin, tmp_path, monkeypatch):
    import processing
    from territoire_numerique.processing import load_open_data

    monkeypatch.setattr(load_open_data, "SAMPLE_GPKG", build_sample(tmp_path / "sample.gpkg"))
    output = tmp_path / "sample_out.gpkg"
    processing.run(
        "territoire:load_open_data",
        {"TERRITORY": "59183,59271", "SOURCE": "sample", "TARGET_CRS": "EPSG:3949", "OUTPUT": str(output)},
    )
    with sqlite3.connect(output) as connection:
        tables = {row[0] for row in connection.execute("SELECT table_name FROM gpkg_contents")}
        srs = connection.execute(
            "SELECT organization_coordsys_id FROM gpkg_geometry_columns JOIN gpkg_spatial_ref_sys "
            "USING (srs_id) WHERE table_name = 'communes'"
        ).fetchone()
    assert {"communes", "fibre", "fibre_communes", "roads", "terrain", "sources"} <= tables
    assert srs == (3949,)


def test_geographic_target_crs_is_refused(territoire_plugin, tmp_path):
    from qgis.core import QgsProcessingException

    import processing

    with pytest.raises(QgsProcessingException, match="geographic"):
        processing.run(
            "territoire:load_open_data",
            {
                "TERRITORY": CUD,
                "SOURCE": "sample",
                "TARGET_CRS": "EPSG:4326",
                "OUTPUT": str(tmp_path / "x.gpkg"),
            },
        )
