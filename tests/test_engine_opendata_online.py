"""The online chain for the CUD through the replay server: geo.api, IREP; then offline from the cache."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from opendata_replay import irep_zip, point_sources_at
from replay_server import ReplayServer, Reply, fixture

from territoire_numerique.engine.cache import DiskCache, Fetcher
from territoire_numerique.engine.errors import EngineError
from territoire_numerique.engine.http_client import HttpClient
from territoire_numerique.engine.numbers import number_or_none as parse_number
from territoire_numerique.engine.opendata.geo_api import search_territories
from territoire_numerique.engine.opendata.irep import Placer, waste_code
from territoire_numerique.engine.opendata.loader import load_open_data
from territoire_numerique.engine.provenance import read_sources

CUD = "245900428"
GEOJSON = "application/geo+json"


def add_geo_api(server: ReplayServer) -> None:
    server.add("/epcis/245900428", Reply(fixture("geo_api/epci_245900428.json")))
    server.add(
        "/epcis/245900428/communes",
        Reply(fixture("geo_api/epci_245900428_communes.geojson"), content_type=GEOJSON),
        format="geojson",
        geometry="contour",
    )
    for code in ("59067", "59183", "59271"):
        server.add(
            f"/communes/{code}", Reply(fixture(f"geo_api/commune_{code}.geojson"), content_type=GEOJSON)
        )
    server.add("/communes", Reply(fixture("geo_api/communes_nom_dunk.json")), nom="dunk")
    server.add("/epcis", Reply(fixture("geo_api/epcis_nom_dunk.json")), nom="dunk")


@pytest.fixture
def server(monkeypatch):
    with ReplayServer() as replay:
        point_sources_at(replay, monkeypatch)  # every source on the replay server, none online
        monkeypatch.setenv("TERRITOIRE_URL_GEO_API", replay.url)
        add_geo_api(replay)
        yield replay


def fetcher(mode: str, cache_dir, **client) -> Fetcher:
    options = {"timeout": 2.0, "retries": 1, "backoff": 0.05, "default_interval": 0.0, **client}
    return Fetcher(mode, DiskCache(cache_dir), HttpClient(**options))


def tables(path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        names = [row[0] for row in connection.execute("SELECT table_name FROM gpkg_contents")]
        return {name: connection.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] for name in names}


def test_cud_online_then_offline(server, tmp_path):
    server.add("/2019.zip", Reply(irep_zip(), content_type="application/zip"))
    output = tmp_path / "cud.gpkg"
    families = ["boundaries", "industrial_waste", "fibre"]
    report = load_open_data(
        CUD, families, output, fetcher=fetcher("online", tmp_path / "cache"), options={"irep_year": 2019}
    )
    assert report.territory.name == "CU de Dunkerque" and len(report.territory.codes) == 17
    by_family = {family.family: family for family in report.families}
    assert by_family["boundaries"].ok and by_family["industrial_waste"].ok
    assert not by_family["fibre"].ok and "HTTP 404" in by_family["fibre"].error  # the others kept
    counts = tables(output)
    assert counts["communes"] == 17
    # DK6 (Lambert II étendu): 3 rows; Loon-Plage in km: 1; Loon-Plage in Lambert I Nord: 1;
    # Gravelines in WGS84: 1 (its second row is truncated); Le Havre is elsewhere.
    assert counts["industrial_waste"] == 6
    # Loon-Plage "59.11, 10.6", Grande-Synthe "595850, 267005000", Loon-Plage "60003, 26728"
    assert counts["industrial_waste_unplaced"] == 3
    with sqlite3.connect(output) as connection:
        unplaced = dict(connection.execute("SELECT raw_x, rows FROM industrial_waste_unplaced"))
        codes = {
            row[0] for row in connection.execute("SELECT waste_code FROM industrial_waste WHERE hazardous")
        }
        treated = connection.execute(
            "SELECT operation FROM industrial_waste WHERE operation = 'R1'"
        ).fetchall()
    assert unplaced == {"59.11": 2, "595850": 0, "60003": 0}
    assert codes == {"10 01 14*", "07 07 08*", "13 02 05*"}
    assert treated == [("R1",)]
    dropped = by_family["industrial_waste"].dropped
    assert 2 in dropped.values() and 1 in dropped.values()
    sources = read_sources(output)
    assert (
        sources["industrial_waste"].vintage == "2019" and sources["communes"].licence == "Licence Ouverte 2.0"
    )
    assert sources["industrial_waste"].url.endswith("/2019.zip")

    requests_online = len(server.seen)
    offline = tmp_path / "offline.gpkg"
    load_open_data(
        CUD,
        families[:2],
        offline,
        mode="cache",
        fetcher=fetcher("cache", tmp_path / "cache"),
        options={"irep_year": 2019},
    )
    assert len(server.seen) == requests_online  # no request at all
    assert tables(offline)["industrial_waste"] == 6


def test_a_failing_source_keeps_the_others(server, tmp_path):
    server.add("/2019.zip", Reply(b"down", status=500))
    output = tmp_path / "partial.gpkg"
    report = load_open_data(
        "59183,59067",
        ["boundaries", "industrial_waste"],
        output,
        fetcher=fetcher("online", tmp_path / "cache"),
        options={"irep_year": 2019},
    )
    failed = [family for family in report.families if not family.ok]
    assert [family.family for family in failed] == ["industrial_waste"] and "HTTP 500" in failed[0].error
    assert tables(output)["communes"] == 2
    assert "industrial_waste" not in tables(output)


def test_cache_mode_without_cache_fails_cleanly(server, tmp_path):
    with pytest.raises(EngineError, match="Not in the cache"):
        load_open_data(
            CUD,
            ["boundaries"],
            tmp_path / "x.gpkg",
            mode="cache",
            fetcher=fetcher("cache", tmp_path / "empty"),
        )
    assert not (tmp_path / "x.gpkg").exists()
    assert server.seen == []


def test_search_offline_list_then_geo_api(server, tmp_path):
    territories = tmp_path / "territories.csv"
    territories.write_text(
        "code;name;kind\n59183;Dunkerque;commune\n59271;Grande-Synthe;commune\n", encoding="utf-8"
    )
    offline = search_territories("dunk", 5, territories)
    assert [(match.code, match.kind) for match in offline] == [("59183", "commune")]
    online = search_territories("dunk", 5, territories, fetcher("online", tmp_path / "cache"))
    # name prefixes first (by name), then word starts: the EPCI "CU de Dunkerque"
    assert [(match.code, match.kind) for match in online] == [
        ("59183", "commune"),
        ("59999", "commune"),
        ("245900428", "epci"),
    ]
    assert search_territories("d", 5, territories) == []


def test_irep_parsing_helpers():
    assert parse_number("599 262,61") == 599262.61 and parse_number("n/a") is None
    assert waste_code("070708*") == ("07 07 08*", True)
    assert waste_code("17 04 05") == ("17 04 05", False)
    assert waste_code("17 0") is None


def test_placer_on_the_real_register():
    """Every CUD establishment of the real 2019 file is placed near its corrected geocoding, or refused."""
    import csv
    import json

    from shapely.geometry import Point, shape

    from territoire_numerique.engine.opendata.gpkg import reproject
    from territoire_numerique.engine.opendata.territory import Commune, Territory, fold

    collection = json.loads(fixture("geo_api/epci_245900428_communes.geojson"))
    communes = [
        Commune(f["properties"]["code"], f["properties"]["nom"], CUD, None, shape(f["geometry"]).buffer(0))
        for f in collection["features"]
    ]
    territory = Territory("CUD", communes, "EPSG:4326")
    placer = Placer(territory)
    names = {fold(commune.name) for commune in communes}
    placed = refused = 0
    with (Path(__file__).resolve().parent / "fixtures" / "real" / "irep_2019_emissions_59_62_76.csv").open(
        encoding="utf-8"
    ) as handle:
        seen = {}
        for row in csv.DictReader(handle):
            seen.setdefault(row["Identifiant"], row)
    for row in seen.values():
        if fold(row["Commune"]) not in names:
            continue
        placement = placer.place(row["Coordonnees_X"], row["Coordonnees_Y"])
        if placement.point is None:
            refused += 1
            continue
        placed += 1
        geocoded = reproject(Point(float(row["longitude"]), float(row["latitude"])), "EPSG:4326", "EPSG:2154")
        assert placement.point.distance(geocoded) < 6000, (row["Nom_Etablissement"], placement.crs)
    assert (placed, refused) == (20, 3)


def test_georisques_pages_429_non_icpe_and_bad_positions(server, tmp_path, monkeypatch):
    monkeypatch.setenv("TERRITOIRE_URL_GEORISQUES", server.url)
    path = "/installations_classees"
    server.add(path, Reply(fixture("georisques/59183_page1.json")), code_insee="59183", page="1")
    server.add(
        path,
        Reply(b"busy", status=429, headers={"Retry-After": "1"}),
        Reply(fixture("georisques/59183_page2.json")),
        code_insee="59183",
        page="2",
    )
    server.add(path, Reply(fixture("georisques/empty_page.json")), code_insee="59271", page="1")
    output = tmp_path / "sites.gpkg"
    report = load_open_data(
        "59183,59271", ["industrial_sites"], output, fetcher=fetcher("online", tmp_path / "cache")
    )
    (family,) = report.families
    assert family.ok and family.counts == {"industrial_sites": 3}
    (tally,) = family.tallies
    assert (tally.read, tally.written) == (6, 3)
    assert tally.skipped == {"Non ICPE entries (referenced, not classified)": 1}
    assert tally.dropped == {
        "without coordinates": 1,
        "impossible position (near 0,0 or outside France)": 1,
    }
    with sqlite3.connect(output) as connection:
        got = {
            row[0]: row[1:]
            for row in connection.execute(
                "SELECT name, seveso, icpe_rubriques, eprtr_activity, ied, naf, naf_label, icpe_classified, "
                "raw_crs FROM industrial_sites"
            )
        }
    assert got["ENGIE Thermique France - Centrale DK6"] == (
        "Non Seveso", "2910, 3110", None, "yes", "35.11Z", None, 1, "EPSG:4326"
    )
    # a 2-digit NAF division is kept as it is, and said to be one
    assert got["Dépôt pétrolier de la Côte d'Opale"][4:6] == ("52", "NAF division 52")
    # longitude/latitude omitted (null fields are not sent): placed from the AIOT Lambert-93 pair
    assert got["Terminal méthanier"][-1] == "EPSG:2154"
    pages = [(seen.query.get("page"), seen.path) for seen in server.seen if seen.path == path]
    # page 2 retried after the 429; Grande-Synthe has an empty first page
    assert pages == [("1", path), ("2", path), ("2", path), ("1", path)]
    kept = tmp_path / "kept.gpkg"
    report = load_open_data(
        "59183,59271",
        ["industrial_sites"],
        kept,
        fetcher=fetcher("online", tmp_path / "cache"),
        options={"keep_non_icpe": True},
    )
    with sqlite3.connect(kept) as connection:
        flags = dict(connection.execute("SELECT name, icpe_classified FROM industrial_sites"))
    assert flags["GARAGE DU PORT"] == 0 and flags["Terminal méthanier"] == 1 and len(flags) == 4
