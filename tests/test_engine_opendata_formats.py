"""The four services in the layouts they really publish (docs/open_data_formats.md), replayed:
ARCEP redirect + gzip + ``;`` and the cartefibre export, SINOE's two layouts with per-year
duplicates, an IREP archive of the lower-case era, Géorisques with bad positions; a source read
in the wrong coordinate system is an error that names the likely one."""

from __future__ import annotations

import gzip
import json
import sqlite3

import pytest
from opendata_replay import ARCEP_STORAGE, PREFIXES, add_sinoe, irep_zip, point_sources_at
from osgeo import ogr, osr
from replay_server import FIXTURES, ReplayServer, Reply, fixture
from test_engine_opendata_online import add_geo_api, fetcher

from territoire_numerique.engine.opendata.loader import load_open_data
from territoire_numerique.engine.provenance import read_sources

TWO = "59183,59271"  # Dunkerque, Grande-Synthe
EMPTY_OVERPASS = b'{"version": 0.6, "elements": []}'


@pytest.fixture
def bare(monkeypatch):
    with ReplayServer() as replay:
        monkeypatch.setenv("TERRITOIRE_URL_GEO_API", replay.url)
        add_geo_api(replay)
        point_sources_at(replay, monkeypatch)
        yield replay


def load(tmp_path, families, territory=TWO, **options):
    output = tmp_path / "out.gpkg"
    report = load_open_data(
        territory, families, output, fetcher=fetcher("online", tmp_path / "cache"), options=options
    )
    return report, output


def rows(path, sql):
    with sqlite3.connect(path) as connection:
        return connection.execute(sql).fetchall()


def position(path, table: str, where: str) -> tuple[float, float]:
    dataset = ogr.Open(str(path))
    layer = dataset.GetLayerByName(table)
    layer.SetAttributeFilter(where)
    feature = layer.GetNextFeature()
    point = feature.GetGeometryRef()
    return point.GetX(), point.GetY()


def transform(source: int, target: int):
    srs = []
    for code in (source, target):
        reference = osr.SpatialReference()
        reference.ImportFromEPSG(code)
        reference.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        srs.append(reference)
    return osr.CoordinateTransformation(*srs)


def serve_arcep(server, base_imb: bytes) -> None:
    """The two files of the Nord behind data.arcep.fr's redirect to object storage."""
    for path, body in (
        ("base_imb/last/departement/base_imb_59.csv.gz", base_imb),
        ("eligibilite/last/departement/actuel_59.csv.gz", fixture("arcep/actuel_59.csv")),
    ):
        stored = f"{ARCEP_STORAGE}/{path}"
        server.add(f"/arcep/{path}", Reply(status=302, headers={"Location": server.url + stored}))
        server.add(stored, Reply(gzip.compress(body), content_type="application/gzip"))


def test_arcep_redirect_followed_to_the_gzip_files(bare, tmp_path):
    serve_arcep(bare, fixture("arcep/base_imb_59.csv"))
    report, output = load(tmp_path, ["fibre"])
    (family,) = report.families
    assert family.ok and family.counts["fibre"] == 5
    paths = [seen.path for seen in bare.seen if "base_imb" in seen.path]
    assert paths == ["/arcep/base_imb/last/departement/base_imb_59.csv.gz", ARCEP_STORAGE + paths[0][6:]]
    note = read_sources(output)["fibre"].note
    assert "ARCEP base_imb 59 (Ma connexion internet base_imb): 8 read, 5 written" in note


def test_arcep_file_in_lambert_93_is_an_error_naming_the_crs(bare, tmp_path):
    """imb_x/imb_y given in Lambert-93 instead of Web Mercator: the buildings would land ~640 km away."""
    to_l93 = transform(3857, 2154)
    header, *lines = fixture("arcep/base_imb_59.csv").decode("utf-8").splitlines()
    moved = [header]
    for line in lines:
        values = line.split(";")
        if values[1] not in ("", "0"):
            x, y, _ = to_l93.TransformPoint(float(values[1]), float(values[2]))
            values[1:3] = [f"{x:.2f}", f"{y:.2f}"]
        moved.append(";".join(values))
    serve_arcep(bare, "\n".join(moved).encode("utf-8"))
    report, _output = load(tmp_path, ["boundaries", "fibre"])
    failed = {family.family: family.error for family in report.families if not family.ok}
    assert "look like EPSG:2154 (Lambert-93), not EPSG:3857" in failed["fibre"]
    assert "6 of 6 positions fall outside" in failed["fibre"]


def test_cartefibre_export_on_disk_recognised_by_its_header(bare, tmp_path):
    path = FIXTURES / "arcep" / "cartefibre_immeubles_59.csv"
    report, output = load(tmp_path, ["fibre"], fibre_file=str(path))
    (family,) = report.families
    assert family.ok, family.error
    (tally,) = family.tallies
    assert tally.source == "cartefibre_immeubles_59.csv (cartefibre immeubles)"
    assert (tally.read, tally.written, tally.skipped) == (5, 4, {"buildings of other communes": 1})
    sql = "SELECT building_id, code_insee, best_techno, ftth, deployment FROM fibre ORDER BY 1"
    assert rows(output, sql) == [
        ("IMB/59183/X/0001", "59183", "FO", 1, "deploye"),
        ("IMB/59183/X/0002", "59183", "FO", 1, "raccordable demande"),
        ("IMB/59183/X/0004", "59183", None, 0, "en cours de deploiement"),
        ("IMB/59271/X/0001", "59271", None, 0, "cible"),
    ]
    assert not [seen for seen in bare.seen if seen.path.startswith("/arcep")]  # nothing downloaded


def test_older_cartefibre_export_without_commune_column(bare, tmp_path):
    path = FIXTURES / "arcep" / "cartefibre_immeubles_2019_59.csv"
    report, output = load(tmp_path, ["fibre"], fibre_file=str(path))
    (family,) = report.families
    assert family.ok, family.error
    assert family.tallies[0].skipped == {"buildings outside the territory": 1}  # Lille, by position
    assert rows(output, "SELECT building_id, code_insee, ftth FROM fibre ORDER BY 1") == [
        ("IMB/59183/X/0001", "59183", 1),
        ("IMB/59183/X/0004", "59183", 0),
        ("IMB/59271/X/0001", "59271", 1),
    ]


def test_sinoe_annuaire_layout_latest_year_and_bad_position(bare, tmp_path):
    add_sinoe(bare, layout="annuaire")
    bare.add(PREFIXES["OVERPASS"], Reply(EMPTY_OVERPASS))
    report, output = load(tmp_path, ["waste_points"])
    (family,) = report.families
    assert family.ok, family.error
    sinoe, osm = family.tallies
    assert (sinoe.read, sinoe.written) == (8, 2)
    assert sinoe.skipped == {"older survey years of a service": 3, "services of other communes": 1}
    assert sinoe.dropped == {
        "without position": 1,
        "impossible position (near 0,0 or outside France)": 1,  # GPS_LAT = GPS_LONG = 0
    }
    assert (osm.read, osm.written) == (0, 0)
    got = rows(output, "SELECT point_id, name, operator, code_insee FROM waste_points ORDER BY 1")
    assert got == [
        ("sinoe:30511", "Déchèterie de Petite-Synthe", "Communauté Urbaine de Dunkerque", "59183"),
        ("sinoe:30512", "Déchèterie de Grande-Synthe", "Communauté Urbaine de Dunkerque", "59271"),
    ]
    # the 2023 position of 30511 (51.0292 N, 2.3431 E), within a metre
    x, y = position(output, "waste_points", "point_id = 'sinoe:30511'")
    expected = transform(4326, 2154).TransformPoint(2.3431, 51.0292)
    assert abs(x - expected[0]) < 1 and abs(y - expected[1]) < 1
    assert [warning.values["dropped"] for warning in family.warnings] == [2]  # 2 of 4 of the territory
    assert "SINOE 2023" in read_sources(output)["waste_points"].vintage


def test_sinoe_nothing_for_the_territory_says_so(bare, tmp_path):
    bare.add("/sinoe/lines", Reply(b'{"total": 0, "results": []}'), size="1000")
    bare.add(PREFIXES["OVERPASS"], Reply(fixture("overpass/waste_points.json")))
    report, output = load(tmp_path, ["waste_points"])
    (family,) = report.families
    assert family.ok and family.counts["waste_points"] > 0  # OSM points only
    (warning,) = family.warnings
    assert str(warning).startswith("SINOE: nothing was loaded for this territory (0 rows read")
    assert "SINOE: 0 read, 0 written" in read_sources(output)["waste_points"].note


def test_irep_archive_of_the_lower_case_era(bare, tmp_path):
    bare.add("/2022.zip", Reply(irep_zip("2022"), content_type="application/zip"))
    report, output = load(tmp_path, ["industrial_waste"], irep_year=2022)
    (family,) = report.families
    assert family.ok, family.error
    sites, waste = family.tallies
    assert (sites.read, sites.written) == (7, 4)
    assert sites.dropped == {"establishments of the territory that cannot be placed": 1}  # Ferroglobe
    assert sites.skipped == {"establishments elsewhere": 2}  # Gravelines, Gonfreville-l'Orcher
    assert (waste.read, waste.written) == (11, 8)
    assert waste.skipped == {"rows of establishments elsewhere": 1}
    assert waste.dropped == {
        "rows of establishments that cannot be placed": 1,
        "rows without a valid waste code or quantity (truncated file?)": 1,
    }
    got = rows(
        output,
        "SELECT site_name, waste_code, hazardous, tonnes, operation, destination FROM industrial_waste "
        "ORDER BY site_name, waste_code",
    )
    assert got == [
        ("ARCELORMITTAL FRANCE", "16 11 01*", 1, 35.0, "D10", "59"),
        ("ARCELORMITTAL FRANCE", "17 04 05", 0, 2300.0, "R4", "59"),
        ("BIOGIE", "19 02 05*", 1, 400.0, "R1", "treated on site"),  # quantite_traitee
        ("BIOGIE", "19 08 13*", 1, 12.3, "R1", "Belgique"),
        ("DILLINGER FRANCE", "12 01 09*", 1, 8.0, "R9", "01"),  # code_departement "1"
        ("ENGIE Thermique France - Centrale DK6", "10 01 01", 0, 5400.0, "R5", "59"),
        ("ENGIE Thermique France - Centrale DK6", "10 01 14*", 1, 120.5, "D10", "62"),
        ("ENGIE Thermique France - Centrale DK6", "19 12 10", 0, 800.0, "R1", "treated on site"),
    ]
    # Dillinger declares code_epsg 4326 for metre values: placed in Lambert II étendu, not at sea
    x, y = position(output, "industrial_waste", "site_name = 'DILLINGER FRANCE'")
    expected = transform(27572, 2154).TransformPoint(596353.0, 2669184.0)
    assert abs(x - expected[0]) < 1 and abs(y - expected[1]) < 1


def test_georisques_positions_swapped_is_an_error_naming_it(bare, tmp_path):
    page = json.loads(fixture("georisques/59183_page1.json"))
    for item in page["data"]:
        if "longitude" in item:
            item["longitude"], item["latitude"] = item["latitude"], item["longitude"]
    page["next"] = None
    bare.add("/installations_classees", Reply(fixture("georisques/empty_page.json")))
    bare.add("/installations_classees", Reply(json.dumps(page).encode()), code_insee="59183", page="1")
    bare.add("/installations_classees", Reply(json.dumps(page).encode()), code_insee="59271", page="1")
    report, _output = load(tmp_path, ["boundaries", "industrial_sites"])
    family = report.families[1]
    assert "4 of 4 positions fall outside the territory" in family.error
    assert "look like EPSG:4326 with latitude and longitude swapped" in family.error


def test_overpass_remark_and_empty_centre_still_read(bare, tmp_path):
    """Overpass answers HTTP 200 with a ``remark`` on a runtime error; a way may have an empty centre."""
    add_sinoe(bare)
    bare.add(
        PREFIXES["OVERPASS"],
        Reply(
            b'{"version": 0.6, "elements": [], '
            b'"remark": "runtime error: Query timed out in \\"query\\" at line 1 after 61 seconds."}'
        ),
    )
    report, _output = load(tmp_path, ["waste_points"])
    (family,) = report.families
    assert family.ok and family.counts["waste_points"] == 2  # SINOE kept
    assert str(family.warnings[0]).startswith("OpenStreetMap: Overpass could not answer")
    assert [tally.source for tally in family.tallies] == ["SINOE"]

    answer = json.loads(fixture("overpass/waste_points.json"))
    answer["elements"].append(
        {"type": "way", "id": 999, "center": {}, "tags": {"amenity": "recycling", "recycling_type": "centre"}}
    )
    bare.routes = [route for route in bare.routes if route.path != PREFIXES["OVERPASS"]]
    bare.add(PREFIXES["OVERPASS"], Reply(json.dumps(answer).encode()))
    report, _output = load(tmp_path / "again", ["waste_points"])
    (family,) = report.families
    osm = family.tallies[1]
    assert family.ok and osm.dropped == {"elements without position": 1}


def test_a_page_instead_of_the_buildings_file_is_refused(bare, tmp_path):
    """A mirror answering an HTML page (or any other table) is an error, not 0 buildings."""
    serve_arcep(bare, b"<html><head><title>Maintenance</title></head></html>\n")
    report, _output = load(tmp_path, ["boundaries", "fibre"])
    failed = {family.family: family.error for family in report.families if not family.ok}
    assert "is not an ARCEP buildings file" in failed["fibre"]


def test_an_irep_file_of_another_layout_is_refused(bare, tmp_path):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("2022/etablissements.csv", fixture("irep/2022/etablissements.csv"))
        archive.writestr(
            "2022/Prod_dechets_dangereux.csv", "identifiant;code_dechet;tonnage\n070.01279;10 01 14*;3\n"
        )
    bare.add("/2022.zip", Reply(buffer.getvalue(), content_type="application/zip"))
    report, _output = load(tmp_path, ["boundaries", "industrial_waste"], irep_year=2022)
    failed = {family.family: family.error for family in report.families if not family.ok}
    assert failed["industrial_waste"] == (
        "The IREP file 2022/Prod_dechets_dangereux.csv has no quantite column (its columns: code_dechet, "
        "identifiant, tonnage)."
    )
