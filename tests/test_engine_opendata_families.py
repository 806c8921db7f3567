"""Online families through the replay server: fibre, waste_points, port_zones, buildings, roads,
solar, industrial_sites joined with IREP; bad answers; the whole CUD chain online then offline."""

from __future__ import annotations

import sqlite3

import pytest
from opendata_replay import PREFIXES, add_all_families, add_overpass, point_sources_at
from osgeo import ogr, osr
from replay_server import ReplayServer, Reply, fixture
from test_engine_opendata_online import add_geo_api, fetcher, tables

from territoire_numerique.engine.errors import EngineError
from territoire_numerique.engine.opendata import bdtopo
from territoire_numerique.engine.opendata.arcep import building_layout, down_class
from territoire_numerique.engine.opendata.loader import load_open_data
from territoire_numerique.engine.opendata.schema import FAMILIES
from territoire_numerique.engine.opendata.solar import parse_field_mapping
from territoire_numerique.engine.opendata.tabular import CsvStream
from territoire_numerique.engine.provenance import read_sources

TWO = "59183,59271"  # Dunkerque, Grande-Synthe
CUD = "245900428"
ONLINE_FAMILIES = [name for name, family in FAMILIES.items() if not family.raster][:9]


@pytest.fixture
def server(monkeypatch):
    with ReplayServer() as replay:
        monkeypatch.setenv("TERRITOIRE_URL_GEO_API", replay.url)
        add_geo_api(replay)
        add_all_families(replay, monkeypatch, irep_year=2019, page_size=2)
        yield replay


@pytest.fixture
def bare(monkeypatch):
    """A replay server with the territory routes only: each test adds the answers it is about."""
    with ReplayServer() as replay:
        monkeypatch.setenv("TERRITOIRE_URL_GEO_API", replay.url)
        add_geo_api(replay)
        point_sources_at(replay, monkeypatch)
        yield replay


def load(server, tmp_path, families, territory=TWO, name="out.gpkg", **options):
    output = tmp_path / name
    report = load_open_data(
        territory,
        families,
        output,
        fetcher=fetcher("online", tmp_path / "cache"),
        options={"irep_year": 2019, **options},
    )
    return report, output


def rows(path, sql):
    with sqlite3.connect(path) as connection:
        return connection.execute(sql).fetchall()


def test_fibre_streamed_per_building_and_commune(server, tmp_path):
    report, output = load(server, tmp_path, ["fibre"])
    (family,) = report.families
    assert family.ok, family.error
    assert family.counts == {"fibre": 5, "fibre_communes": 2}  # Lille left out
    base, eligibility = family.tallies
    assert (base.read, base.written, base.skipped) == (8, 5, {"buildings of other communes": 1})
    assert base.dropped == {
        "without position or id": 1,
        "position outside the territory (more than 500 m)": 1,  # imb_x = imb_y = 0
    }
    assert (eligibility.read, eligibility.written) == (10, 9)
    assert eligibility.dropped == {"short CSV rows (truncated file?)": 1}
    got = rows(
        output, "SELECT building_id, premises, best_techno, ftth, best_down_class FROM fibre ORDER BY 1"
    )
    assert got == [
        ("IMB/59183/X/0001", 1, "FO", 1, "1G+"),  # THD1G
        ("IMB/59183/X/0002", 24, "FO", 1, "1G+"),
        ("IMB/59183/X/0004", 2, None, 0, None),  # no eligibility row
        ("IMB/59271/X/0001", 1, "4GF", 0, "30-100M"),  # CU BHD8, 4GF THD30
        ("IMB/59271/X/0002", 12, "FO", 1, "100M-1G"),  # THD100
    ]
    # 2 of 7 buildings of the territory dropped (no position, the one at 0,0), 1 eligibility row
    # truncated: both warn
    assert [warning.values["dropped"] for warning in family.warnings] == [2, 1]
    assert rows(output, "SELECT * FROM fibre_communes ORDER BY code_insee")[0][1:] == (
        "59183",
        3,
        27,
        25,
        0.9259,
    )
    sources = read_sources(output)
    assert (
        sources["fibre"].publisher.startswith("Arcep") and sources["fibre_communes"].layer == "fibre_communes"
    )


def lambert_93(longitude: float, latitude: float) -> tuple[float, float]:
    wgs84, l93 = osr.SpatialReference(), osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    l93.ImportFromEPSG(2154)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    x, y, _ = osr.CoordinateTransformation(wgs84, l93).TransformPoint(longitude, latitude)
    return x, y


def test_fibre_point_position_is_where_the_building_is(server, tmp_path):
    """imb_x/imb_y of base_imb are Web Mercator: 12 rue de l'Amiral Ronarc'h lands on itself."""
    _report, output = load(server, tmp_path, ["fibre"])
    dataset = ogr.Open(str(output))
    layer = dataset.GetLayerByName("fibre")
    layer.SetAttributeFilter("building_id = 'IMB/59183/X/0001'")
    feature = layer.GetNextFeature()
    point = feature.GetGeometryRef()
    x, y = lambert_93(2.37302, 51.03448)  # the building's WGS84 position
    assert abs(point.GetX() - x) < 1 and abs(point.GetY() - y) < 1


def test_arcep_helpers():
    assert [
        down_class(text) for text in ("supérieur ou égal à 1 Gbit/s", "de 30 à 100 Mbit/s", "< 8 Mbit/s")
    ] == [4, 2, 0]
    assert down_class("250") == 3 and down_class("") is None
    assert [down_class(code) for code in ("INEL", "HD05", "HD3", "BHD8", "THD30", "THD100", "THD1G")] == [
        0, 0, 0, 1, 2, 3, 4,
    ]
    assert building_layout(["imb_id", "imb_x", "imb_y", "imb_code_insee"], "f").crs == "EPSG:3857"
    cartefibre = building_layout(["x", "y", "imb_id", "nom_voie", "imb_etat", "pm_ref"], "f")
    assert (cartefibre.crs, cartefibre.insee, cartefibre.state) == ("EPSG:4326", None, "imb_etat")
    with pytest.raises(EngineError, match="not an ARCEP buildings file"):
        building_layout(["imb_id", "x_l93", "y_l93"], "f")


def test_csv_stream_encodings(tmp_path):
    bom = tmp_path / "bom.csv"
    bom.write_bytes("\ufeffC_SERVICE;N_SERVICE\r\n1;Déchèterie\r\n2".encode())
    latin = tmp_path / "latin.csv"
    latin.write_bytes("a,b\n1,Bergues é\n".encode("latin-1"))
    stream = CsvStream(bom)
    assert list(stream) == [{"c_service": "1", "n_service": "Déchèterie"}] and stream.short_rows == 1
    assert list(CsvStream(latin)) == [{"a": "1", "b": "Bergues é"}]


def test_waste_points_sinoe_pages_and_osm_merged(server, tmp_path):
    report, output = load(server, tmp_path, ["waste_points"])
    (family,) = report.families
    assert family.ok, family.error
    got = dict(
        rows(
            output,
            "SELECT point_id, kind || '|' || IFNULL(streams, '') || '|' || code_insee FROM waste_points",
        )
    )
    assert got == {
        "sinoe:30511": "decheterie|glass, paper, wood|59183",  # completed by the OSM centre 33 m away
        "sinoe:30512": "decheterie||59271",
        "osm:node/202": "container|glass_bottles|59183",
        "osm:node/203": "transfer_station||59271",
        "osm:way/104": "decheterie|green_waste|59183",  # 4 km from any SINOE déchèterie
    }
    (hours, operator), *_ = rows(
        output, "SELECT opening_hours, operator FROM waste_points WHERE point_id='sinoe:30511'"
    )
    assert (hours, operator) == ("Mo-Sa 09:00-18:00", "Communauté Urbaine de Dunkerque")
    sinoe, osm = family.tallies
    assert (sinoe.read, sinoe.written) == (7, 2)  # liste des services de déchèteries, 2 pages
    assert sinoe.skipped == {
        "older survey years of a service": 2,
        "closed services (date_fermeture_service)": 1,
        "services outside the territory": 1,  # Lille
    }
    assert sinoe.dropped == {"without position": 1}
    assert (osm.read, osm.written) == (5, 3)
    assert osm.skipped == {
        "elements that are not waste points": 1,
        "centres within 150 m of a SINOE déchèterie (merged into it)": 1,
    }
    source = read_sources(output)["waste_points"]
    assert "ODbL" in source.licence and "Licence Ouverte" in source.licence
    assert "© les contributeurs d'OpenStreetMap (ODbL)" in source.attribution
    assert "SINOE 2023" in source.vintage
    assert "Load report: SINOE: 7 read, 2 written" in source.note
    afters = [seen.query.get("after") for seen in server.seen if seen.path == "/sinoe/lines"]
    assert afters == [None, "30512"]  # second page through the next cursor, on the mirror


def test_waste_points_raw_csv_when_lines_fail_and_malformed_overpass(bare, tmp_path):
    bare.add("/sinoe/lines", Reply(b"oops", status=500))
    bare.add("/sinoe/raw", Reply(fixture("sinoe/raw.csv"), content_type="text/csv"))
    bare.add(PREFIXES["OVERPASS"], Reply(b'{"elements": [ {"type": "node",'))
    report, output = load(bare, tmp_path, ["waste_points"])
    (family,) = report.families
    assert family.ok, family.error
    assert {row[0] for row in rows(output, "SELECT point_id FROM waste_points")} == {
        "sinoe:30511",
        "sinoe:30512",
    }
    problem, dropped = family.warnings
    assert str(problem).startswith("OpenStreetMap: Malformed JSON")
    # the national /raw CSV (annuaire layout): 0,0 and no position among the territory's rows
    assert dropped.values["dropped"] == 2 and "impossible position" in dropped.values["reasons"]
    assert "warnings: OpenStreetMap: Malformed JSON" in family.summary()
    assert "Malformed JSON" in read_sources(output)["waste_points"].note


def test_waste_points_both_sources_down_fails_alone(bare, tmp_path):
    bare.add("/sinoe/lines", Reply(b"down", status=503))
    bare.add("/sinoe/raw", Reply(fixture("sinoe/raw.csv"), truncate=True))
    bare.add(PREFIXES["OVERPASS"], Reply(b"slow", delay=1.5))
    report, output = load_with_client(bare, tmp_path, ["boundaries", "waste_points"], timeout=0.5)
    failed = {family.family: family.error for family in report.families if not family.ok}
    assert list(failed) == ["waste_points"]
    # each source says why, in our words (the libraries' own wording changes between versions)
    assert "SINOE: The download from 127.0.0.1 was interrupted" in failed[
        "waste_points"
    ] or "SINOE: Download truncated" in failed["waste_points"]
    assert "OpenStreetMap: The service 127.0.0.1 did not answer (no network?)" in failed["waste_points"]
    assert "urllib3" not in failed["waste_points"] and "Traceback" not in failed["waste_points"]
    assert "waste_points" not in tables(output) and tables(output)["communes"] == 2


def load_with_client(server, tmp_path, families, **client):
    output = tmp_path / "out.gpkg"
    report = load_open_data(TWO, families, output, fetcher=fetcher("online", tmp_path / "cache", **client))
    return report, output


def test_port_zones_from_osm_ways_and_relations(server, tmp_path):
    report, output = load(server, tmp_path, ["port_zones"])
    (family,) = report.families
    assert family.ok and family.counts == {"port_zones": 2}
    assert family.dropped == {"OSM elements that are not areas": 1}
    got = dict(rows(output, "SELECT zone_id, name || '|' || kind FROM port_zones"))
    assert got == {"osm:way/301": "Port Est|port", "osm:relation/302": "Port Ouest|harbour"}
    dataset = ogr.Open(str(output))
    layer = dataset.GetLayerByName("port_zones")
    layer.SetAttributeFilter("zone_id = 'osm:relation/302'")
    feature = layer.GetNextFeature()
    polygon = feature.GetGeometryRef()
    assert polygon.GetGeometryRef(0).GetGeometryCount() == 2  # outer ring joined from two ways + inner hole
    assert read_sources(output)["port_zones"].licence == "ODbL 1.0"


def test_port_zones_from_a_user_file(server, tmp_path):
    path = tmp_path / "limits.gpkg"
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = dataset.CreateLayer("limites", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("NOM", ogr.OFTString))
    for name, x in (("Circonscription portuaire", 650000), ("Ailleurs", 100000)):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("NOM", name)
        feature.SetGeometry(
            ogr.CreateGeometryFromWkt(
                f"POLYGON(({x} 7102000,{x + 900} 7102000,{x + 900} 7103000,{x} 7102000))"
            )
        )
        layer.CreateFeature(feature)
    dataset = None
    report, output = load(server, tmp_path, ["port_zones"], port_zones_file=str(path))
    (family,) = report.families
    assert family.ok and family.counts == {"port_zones": 1}
    assert rows(output, "SELECT name, kind FROM port_zones") == [
        ("Circonscription portuaire", "official_limit")
    ]
    assert not any(seen.path == PREFIXES["OVERPASS"] for seen in server.seen)


def test_buildings_paged_wfs_normalised(server, tmp_path, monkeypatch):
    monkeypatch.setattr(bdtopo, "PAGE_SIZE", 2)
    report, output = load(server, tmp_path, ["buildings"])
    (buildings,) = report.families
    assert buildings.ok, buildings.error
    assert buildings.counts == {"buildings": 5} and buildings.dropped == {"outside the territory": 1}
    starts = [
        seen.query["STARTINDEX"]
        for seen in server.seen
        if seen.query.get("TYPENAMES") == "BDTOPO_V3:batiment"
    ]
    assert starts == ["0", "2", "4", "6"]  # until a page holds fewer than COUNT
    got = {
        row[0][-1]: row[1:]
        for row in rows(
            output, "SELECT building_id, code_insee, usage, height, dwellings, population FROM buildings"
        )
    }
    assert got["1"] == ("59183", "residential", 7.5, 1, 2.2)
    assert got["2"] == ("59183", "residential", 18.0, 24, 52.8)
    assert got["3"] == ("59271", "industrial", 15.0, 0, 0.0)
    assert got["4"][:2] == ("59271", "commercial")
    assert got["6"][1] == "annex"
    area_3 = rows(output, "SELECT floor_area FROM buildings WHERE building_id LIKE '%3'")[0][0]
    assert 5 * 14000 < area_3 < 5 * 24000  # 140 × 167 m footprint × 5 storeys (15 m / 3 m)
    assert read_sources(output)["buildings"].publisher.startswith("IGN")


def test_roads_from_the_wfs(server, tmp_path):
    report, output = load(server, tmp_path, ["roads"])
    (roads,) = report.families
    assert roads.ok and roads.counts == {"roads": 3}, roads.error
    assert dict(rows(output, "SELECT name, road_class FROM roads")) == {
        "A16": "motorway",
        "Route de Bourbourg": "primary",
        "Rue de la Paix": "local",
    }


def test_buildings_fall_back_to_osm(bare, tmp_path):
    add_overpass(bare)
    bare.add(PREFIXES["GEOPF_WFS"], Reply(b"<ows:ExceptionReport/>", status=500, content_type="text/xml"))
    report, output = load(bare, tmp_path, ["buildings"])
    (family,) = report.families
    assert family.ok and family.origin == "OpenStreetMap (fallback)"
    assert dict(rows(output, "SELECT building_id, usage FROM buildings")) == {
        "osm:way/401": "residential",
        "osm:way/402": "industrial",
    }
    assert rows(output, "SELECT height FROM buildings WHERE building_id = 'osm:way/402'") == [(12.0,)]
    source = read_sources(output)["buildings"]
    assert source.licence == "ODbL 1.0" and "HTTP 500" in source.note


def test_solar_roofs_times_pvgis(server, tmp_path, monkeypatch):
    monkeypatch.setattr(bdtopo, "PAGE_SIZE", 2)
    server.routes = [route for route in server.routes if route.path != "/pvgis/PVcalc"]
    server.add(
        "/pvgis/PVcalc",
        Reply(b"slow down", status=429, headers={"Retry-After": "1"}),
        Reply(fixture("pvgis/pvcalc.json")),
    )
    report, output = load(server, tmp_path, ["solar"])
    (family,) = report.families
    assert family.ok, family.error
    assert family.counts == {"solar": 4} and family.dropped["roofs under 10 m²"] == 1
    ((roof, usable, kwp, kwh, irradiation),) = rows(
        output,
        "SELECT roof_area, usable_area, potential_kwp, potential_kwh, irradiation FROM solar "
        "WHERE building_id LIKE '%1'",
    )
    assert usable == pytest.approx(roof * 0.6, abs=0.1) and kwp == pytest.approx(usable * 0.2, abs=0.01)
    assert kwh == pytest.approx(kwp * 971.3, abs=1) and irradiation == 1285.6
    pvgis = [seen for seen in server.seen if seen.path == "/pvgis/PVcalc"]
    assert len(pvgis) == 2 and pvgis[-1].query["peakpower"] == "1" and pvgis[-1].query["loss"] == "14"
    assert pvgis[1].at - pvgis[0].at >= 0.9  # Retry-After honoured
    assert "971 kWh/kWp" in read_sources(output)["solar"].note


def test_solar_from_a_cadastre_with_field_mapping(server, tmp_path):
    path = tmp_path / "cadastre.gpkg"
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = dataset.CreateLayer("toits", srs, ogr.wkbPolygon)
    for name in ("IRR_MOY", "SURF_UTILE", "PUISS_KWC"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTReal))
    feature = ogr.Feature(layer.GetLayerDefn())
    for name, value in (("IRR_MOY", 1100.0), ("SURF_UTILE", 50.0), ("PUISS_KWC", 9.0)):
        feature.SetField(name, value)
    feature.SetGeometry(
        ogr.CreateGeometryFromWkt("POLYGON((653800 7103900,653810 7103900,653810 7103910,653800 7103900))")
    )
    layer.CreateFeature(feature)
    dataset = None
    report, output = load(
        server,
        tmp_path,
        ["solar"],
        solar_cadastre=str(path),
        solar_fields="irradiation=IRR_MOY;usable_area=SURF_UTILE;potential_kwp=PUISS_KWC",
    )
    (family,) = report.families
    assert family.ok, family.error
    assert rows(
        output, "SELECT roof_area, usable_area, irradiation, potential_kwp, potential_kwh FROM solar"
    ) == [
        (50.0, 50.0, 1100.0, 9.0, 7920.0)  # 9 kWp × 1100 kWh/m² × PR 0.8
    ]
    assert not any(seen.path == "/pvgis/PVcalc" for seen in server.seen)
    with pytest.raises(Exception, match="Unknown solar field"):
        parse_field_mapping("colour=RED")


def test_industrial_sites_joined_with_irep(server, tmp_path):
    report, output = load(server, tmp_path, ["industrial_sites"])
    (family,) = report.families
    assert family.ok, family.error
    sql = "SELECT name, irep_id, substr(eprtr_activity, 1, 5) FROM industrial_sites"
    assert {row[0]: row[1:] for row in rows(output, sql)} == {
        "ENGIE Thermique France - Centrale DK6": ("070.01279", "1.(c)"),  # the IREP E-PRTR activity
        "Dépôt pétrolier de la Côte d'Opale": (None, None),
        "Terminal méthanier": (None, None),
        "FERROGLOBE MANGANESE FRANCE": ("070.00720", "2.(e)"),
    }
    assert "2 matched" in read_sources(output)["industrial_sites"].note


def test_cud_all_families_online_then_from_cache(monkeypatch, tmp_path):
    with ReplayServer() as replay:
        monkeypatch.setenv("TERRITOIRE_URL_GEO_API", replay.url)
        add_geo_api(replay)
        add_all_families(replay, monkeypatch, irep_year=2019)
        report, output = load(replay, tmp_path, ONLINE_FAMILIES, territory=CUD, name="cud.gpkg")
        assert all(family.ok for family in report.families), [family.summary() for family in report.families]
        online = tables(output)
        served = len(replay.seen)
        offline = tmp_path / "offline.gpkg"
        load_open_data(
            CUD,
            ONLINE_FAMILIES,
            offline,
            mode="cache",
            fetcher=fetcher("cache", tmp_path / "cache"),
            options={"irep_year": 2019},
        )
        assert len(replay.seen) == served  # not one request
    assert tables(offline) == online
    assert online["communes"] == 17 and online["industrial_waste"] == 6
    assert online["fibre"] == 5 and online["waste_points"] == 5 and online["buildings"] == 5
    assert online["roads"] == 3 and online["port_zones"] == 2 and online["solar"] == 4
    assert set(read_sources(output)) >= {
        f.main.name for name, f in FAMILIES.items() if name in ONLINE_FAMILIES
    }


def test_empty_overpass_answer_gives_an_empty_table(bare, tmp_path):
    bare.add(PREFIXES["OVERPASS"], Reply(b'{"version": 0.6, "elements": []}'))
    report, output = load(bare, tmp_path, ["boundaries", "port_zones"])
    assert [family.counts for family in report.families] == [{"communes": 2}, {"port_zones": 0}]
    assert tables(output)["port_zones"] == 0


def test_a_corrupted_download_fails_its_family_only(bare, tmp_path):
    bare.add(
        "/arcep/base_imb/last/departement/base_imb_59.csv.gz",
        Reply(b"PK\x03\x04 not really a zip", content_type="application/zip"),
    )
    report, output = load(bare, tmp_path, ["boundaries", "fibre"])
    failed = {family.family: family.error for family in report.families if not family.ok}
    assert list(failed) == ["fibre"] and "zip" in failed["fibre"].lower()
    assert set(tables(output)) == {"communes", "sources"}


def test_user_files_are_used_with_the_sample_source(tmp_path):
    from opendata_support import build_sample

    sample = build_sample(tmp_path / "sample.gpkg")
    limits = tmp_path / "limits.geojson"
    limits.write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"nom": "GPMD"}, '
        '"geometry": {"type": "Polygon", "coordinates": [[[2.33, 51.03], [2.36, 51.03], [2.36, 51.05], '
        "[2.33, 51.03]]]}}]}",
        encoding="utf-8",
    )
    output = tmp_path / "out.gpkg"
    report = load_open_data(
        "59183",
        ["port_zones"],
        output,
        mode="sample",
        sample_gpkg=sample,
        options={"port_zones_file": str(limits)},
    )
    (family,) = report.families
    assert family.ok and family.origin == str(limits)
    assert rows(output, "SELECT name, kind FROM port_zones") == [("GPMD", "official_limit")]
