"""territoire:load_open_data in real QGIS: replay server online, bundled-sample mode, project group."""

from __future__ import annotations

import json
import sqlite3

import pytest
from opendata_replay import GEOJSON, add_all_families
from opendata_support import CUD, build_sample
from replay_server import FIXTURES, ReplayServer, Reply, fixture
from test_engine_opendata_online import add_geo_api

from territoire_numerique.engine.opendata.irep import default_year
from territoire_numerique.engine.opendata.schema import FAMILIES

ONLINE_FAMILIES = [name for name, family in FAMILIES.items() if not family.raster][:9]
#: Ten communes of the CUD, as a planner would type them in batch mode.
TEN = ["59016", "59094", "59107", "59131", "59155", "59159", "59183", "59260", "59271", "59272"]


def add_communes(server: ReplayServer) -> None:
    """``/communes/<code>`` for every CUD commune, from the recorded EPCI answer."""
    collection = json.loads(fixture("geo_api/epci_245900428_communes.geojson"))
    for feature in collection["features"]:
        code = feature["properties"]["code"]
        server.add(f"/communes/{code}", Reply(json.dumps(feature).encode("utf-8"), content_type=GEOJSON))


@pytest.fixture
def replay(monkeypatch, tmp_path):
    monkeypatch.setenv("TERRITOIRE_CACHE_DIR", str(tmp_path / "cache"))
    with ReplayServer() as server:
        monkeypatch.setenv("TERRITOIRE_URL_GEO_API", server.url)
        add_communes(server)
        add_geo_api(server)
        add_all_families(server, monkeypatch, irep_year=default_year())
        yield server


def table_counts(path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        names = [row[0] for row in connection.execute("SELECT table_name FROM gpkg_contents")]
        return {name: connection.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] for name in names}


def test_online_cud_into_project_group(territoire_plugin, replay, tmp_path):
    from qgis import processing
    from qgis.core import QgsProject

    project = QgsProject.instance()
    project.clear()
    output = tmp_path / "cud.gpkg"
    result = processing.runAndLoadResults(
        "territoire:load_open_data",
        {
            "TERRITORY": CUD,
            "LAYERS": ["boundaries", "industrial_waste", "port_zones"],
            "SOURCE": "online",
            "OUTPUT": str(output),
        },
    )
    assert result["OUTPUT"] == str(output)
    with sqlite3.connect(output) as connection:
        assert connection.execute("SELECT COUNT(*) FROM communes").fetchone()[0] == 17
        # the lower-case archive (tests/fixtures/replay/irep/2022): 8 rows of placed establishments
        assert connection.execute("SELECT COUNT(*) FROM industrial_waste").fetchone()[0] == 8
    group = project.layerTreeRoot().findGroup("CU de Dunkerque")
    assert group is not None
    # layer names carry the territory
    suffix = " — CU de Dunkerque"
    layers = {node.layer().name().removesuffix(suffix): node.layer() for node in group.findLayers()}
    assert all(node.layer().name().endswith(suffix) for node in group.findLayers())
    assert set(layers) == {
        "Communes",
        "Déchets industriels (IREP)",
        "Déchets industriels non localisés",
        "Zones portuaires",
    }
    assert layers["Zones portuaires"].metadata().rights() == ["© les contributeurs d'OpenStreetMap (ODbL)"]
    communes = layers["Communes"]
    assert communes.crs().authid() == "EPSG:2154"
    assert communes.metadata().licenses() == ["Licence Ouverte 2.0"]
    assert communes.metadata().links()[0].url == "https://geo.api.gouv.fr/decoupage-administratif"
    waste = layers["Déchets industriels (IREP)"]
    assert waste.renderer().type() == "categorizedSymbol"  # resources/styles/industrial_waste.qml
    assert waste.metadata().keywords()["vintage"] == [str(default_year())]
    # points drawn above polygons in the group
    # communes (boundaries, labels) on top, then points above polygons
    names = [node.layer().name().removesuffix(suffix) for node in group.findLayers()]
    assert names[0] == "Communes"
    assert names.index("Déchets industriels (IREP)") < names.index("Zones portuaires")
    project.clear()


def test_sample_source_with_bundled_geopackage(territoire_plugin, tmp_path, monkeypatch):
    from qgis import processing

    from territoire_numerique.algorithms import load_open_data

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


def test_terrain_also_as_geotiff(territoire_plugin, tmp_path, monkeypatch):
    from osgeo import gdal
    from qgis import processing
    from qgis.core import QgsProcessingException

    from territoire_numerique.algorithms import load_open_data

    monkeypatch.setattr(load_open_data, "SAMPLE_GPKG", build_sample(tmp_path / "sample.gpkg"))
    terrain = tmp_path / "terrain.tif"
    result = processing.run(
        "territoire:load_open_data",
        {
            "TERRITORY": "59183",
            "SOURCE": "sample",
            "LAYERS": ["boundaries", "terrain"],
            "OUTPUT": str(tmp_path / "out.gpkg"),
            "TERRAIN_OUTPUT": str(terrain),
        },
    )
    assert result["TERRAIN_OUTPUT"] == str(terrain)
    copy, original = gdal.Open(str(terrain)), gdal.Open(f"GPKG:{tmp_path / 'out.gpkg'}:terrain")
    assert (copy.RasterXSize, copy.RasterYSize) == (original.RasterXSize, original.RasterYSize)
    assert copy.GetGeoTransform() == pytest.approx(original.GetGeoTransform())
    with pytest.raises(QgsProcessingException, match="terrain"):
        processing.run(
            "territoire:load_open_data",
            {
                "TERRITORY": "59183",
                "SOURCE": "sample",
                "LAYERS": ["boundaries"],
                "OUTPUT": str(tmp_path / "out2.gpkg"),
                "TERRAIN_OUTPUT": str(tmp_path / "none.tif"),
            },
        )
    assert not (tmp_path / "none.tif").exists()
    assert not (tmp_path / "out2.gpkg").exists()


def test_geographic_target_crs_is_refused(territoire_plugin, tmp_path):
    from qgis import processing
    from qgis.core import QgsProcessingException

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


def test_every_online_family_for_the_cud_then_offline(territoire_plugin, replay, tmp_path):
    from qgis import processing
    from qgis.core import QgsProcessingFeedback

    class Recorder(QgsProcessingFeedback):
        def __init__(self) -> None:
            super().__init__()
            self.warnings: list[str] = []

        def pushWarning(self, warning: str) -> None:
            self.warnings.append(warning)

    from qgis.core import Qgis, QgsApplication

    online = tmp_path / "online.gpkg"
    feedback = Recorder()
    told: list[tuple[str, object]] = []

    def received(message: str, tag: str, level) -> None:
        if tag == "Territoire numérique":
            told.append((message, level))

    QgsApplication.messageLog().messageReceived.connect(received)
    processing.run(
        "territoire:load_open_data",
        {"TERRITORY": CUD, "LAYERS": ONLINE_FAMILIES, "SOURCE": "online", "OUTPUT": str(online)},
        feedback=feedback,
    )
    QgsApplication.messageLog().messageReceived.disconnect(received)
    # the summary for the message bar and the log tab says there are warnings, as a warning
    assert any(
        "warnings: see the Processing log" in text and level == Qgis.MessageLevel.Warning
        for text, level in told
    )
    # the ARCEP buildings at 0,0 and without position are a warning, in the user's language
    assert any(
        warning.startswith("ARCEP base_imb 59 (Ma connexion internet base_imb) : 2 des 7 lignes")
        or warning.startswith("ARCEP base_imb 59 (Ma connexion internet base_imb): 2 of 7 rows")
        for warning in feedback.warnings
    ), feedback.warnings
    counts = table_counts(online)
    assert {
        table: counts[table]
        for table in ("communes", "fibre", "fibre_communes", "industrial_sites", "waste_points", "solar")
    } == {
        "communes": 17,
        "fibre": 5,
        "fibre_communes": 2,
        "industrial_sites": 4,  # Non ICPE entries and impossible positions left out
        "waste_points": 5,
        "solar": 4,
    }
    assert counts["port_zones"] == 2 and counts["buildings"] == 5 and counts["roads"] == 3
    served = len(replay.seen)
    offline = tmp_path / "offline.gpkg"
    processing.run(
        "territoire:load_open_data",
        {"TERRITORY": CUD, "LAYERS": ONLINE_FAMILIES, "SOURCE": "cache", "OUTPUT": str(offline)},
    )
    assert len(replay.seen) == served  # offline: not one request
    assert table_counts(offline) == counts


def test_ten_communes_as_in_batch_mode(territoire_plugin, replay, tmp_path):
    from qgis import processing

    output = tmp_path / "ten.gpkg"
    result = processing.run(
        "territoire:load_open_data",
        {
            "TERRITORY": ", ".join(TEN),
            "LAYERS": "boundaries,fibre,waste_points,roads",
            "SOURCE": "online",
            "TARGET_CRS": "EPSG:2154",
            "OUTPUT": str(output),
        },
    )
    assert result["OUTPUT"] == str(output)
    counts = table_counts(output)
    assert counts["communes"] == 10 and counts["roads"] == 3
    assert counts["fibre_communes"] == 2  # Dunkerque and Grande-Synthe have buildings in the file
    with sqlite3.connect(output) as connection:
        codes = {row[0] for row in connection.execute("SELECT code_insee FROM communes")}
    assert codes == set(TEN)
    overpass = [seen.query["data"] for seen in replay.seen if seen.path.endswith("/interpreter")]
    assert overpass and all(code in overpass[0] for code in TEN)  # one query for the ten commune areas
    assert "59273" not in overpass[0]


def test_family_and_source_as_keys_or_option_numbers(territoire_plugin, tmp_path, monkeypatch):
    from qgis import processing

    from territoire_numerique.algorithms import load_open_data

    monkeypatch.setattr(load_open_data, "SAMPLE_GPKG", build_sample(tmp_path / "sample.gpkg"))
    by_key, by_index = tmp_path / "keys.gpkg", tmp_path / "indices.gpkg"
    processing.run(
        "territoire:load_open_data",
        {"TERRITORY": "59183", "LAYERS": ["boundaries", "roads"], "SOURCE": "sample", "OUTPUT": str(by_key)},
    )
    roads = load_open_data.FAMILY_NAMES.index("roads")
    processing.run(
        "territoire:load_open_data",
        {"TERRITORY": "59183", "LAYERS": [0, roads], "SOURCE": 2, "OUTPUT": str(by_index)},
    )
    assert table_counts(by_key) == table_counts(by_index)
    assert set(table_counts(by_key)) == {"communes", "roads", "sources"}
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="LAYERS"):
        processing.run(
            "territoire:load_open_data",
            {
                "TERRITORY": "59183",
                "LAYERS": ["boundaries", "rivers"],
                "SOURCE": "sample",
                "OUTPUT": str(by_key),
            },
        )


def test_port_limits_file_and_solar_field_check(territoire_plugin, tmp_path, monkeypatch):
    from qgis import processing
    from qgis.core import QgsProcessingException

    from territoire_numerique.algorithms import load_open_data

    monkeypatch.setattr(load_open_data, "SAMPLE_GPKG", build_sample(tmp_path / "sample.gpkg"))
    limits = tmp_path / "limits.geojson"
    limits.write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"nom": "GPMD"}, '
        '"geometry": {"type": "Polygon", "coordinates": [[[2.33, 51.03], [2.36, 51.03], [2.36, 51.05], '
        "[2.33, 51.03]]]}}]}",
        encoding="utf-8",
    )
    output = tmp_path / "ports.gpkg"
    processing.run(
        "territoire:load_open_data",
        {
            "TERRITORY": "59183",
            "LAYERS": "port_zones",
            "SOURCE": "sample",
            "PORT_ZONES_FILE": str(limits),
            "OUTPUT": str(output),
        },
    )
    with sqlite3.connect(output) as connection:
        assert connection.execute("SELECT name, kind FROM port_zones").fetchall() == [
            ("GPMD", "official_limit")
        ]
    for fields, message in (
        ("colour=RED", "Unknown solar field"),
        ("irradiation=IRR", "without a solar cadastre"),
    ):
        with pytest.raises(QgsProcessingException, match=message):
            processing.run(
                "territoire:load_open_data",
                {
                    "TERRITORY": "59183",
                    "LAYERS": "solar",
                    "SOURCE": "sample",
                    "SOLAR_FIELDS": fields,
                    "OUTPUT": str(tmp_path / "x.gpkg"),
                },
            )


def test_fibre_file_and_non_icpe_entries_kept(territoire_plugin, replay, tmp_path):
    """FIBRE_FILE (a cartefibre export on disk) and KEEP_NON_ICPE reach the loaders."""
    from qgis import processing

    output = tmp_path / "kept.gpkg"
    processing.run(
        "territoire:load_open_data",
        {
            "TERRITORY": "59183,59271",
            "LAYERS": ["fibre", "industrial_sites"],
            "SOURCE": "online",
            "FIBRE_FILE": str(FIXTURES / "arcep" / "cartefibre_immeubles_59.csv"),
            "KEEP_NON_ICPE": True,
            "OUTPUT": str(output),
        },
    )
    with sqlite3.connect(output) as connection:
        deployment = dict(connection.execute("SELECT building_id, deployment FROM fibre"))
        classified = dict(connection.execute("SELECT name, icpe_classified FROM industrial_sites"))
    assert deployment["IMB/59271/X/0001"] == "cible" and len(deployment) == 4
    assert classified["GARAGE DU PORT"] == 0 and classified["SUPERMARCHE DU PUYTHOUCK"] == 0
    assert len(classified) == 6  # 4 classified installations + 2 Non ICPE entries, flagged
    assert not [seen for seen in replay.seen if seen.path.startswith("/arcep")]
