"""Replay routes of every open-data family (ARCEP, SINOE, Overpass, IGN WFS, PVGIS, Géorisques, IREP).

Each source's base URL points at its own prefix on the replay server, through the
``TERRITOIRE_URL_<SOURCE>`` environment variables, as an administration's mirror would.
"""

from __future__ import annotations

import gzip
import io
import json
import zipfile

from replay_server import FIXTURES, ReplayServer, Reply, fixture

GEOJSON = "application/geo+json"
PREFIXES = {
    "ARCEP": "/arcep",
    "SINOE": "/sinoe",
    "OVERPASS": "/overpass/api/interpreter",
    "GEOPF_WFS": "/wfs/ows",
    "PVGIS": "/pvgis",
    "GEORISQUES": "",
    "IREP": "",
}
WFS_PAGES = 4  # batiment_page1..4.json, 2 features a page (the last one empty)


def point_sources_at(server: ReplayServer, monkeypatch) -> None:
    for source, prefix in PREFIXES.items():
        monkeypatch.setenv(f"TERRITOIRE_URL_{source}", server.url + prefix)


def irep_zip(edition: str = "2019") -> bytes:
    """An IREP yearly archive: the CSV files of ``irep/<edition>/`` under a ``<edition>/`` folder."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted((FIXTURES / "irep" / edition).glob("*.csv")):
            archive.write(path, f"{edition}/{path.name}")
    return buffer.getvalue()


def wfs_collection(pages: list[int]) -> bytes:
    """One GeoJSON answer holding the features of the ``batiment_page<n>.json`` pages."""
    collections = [json.loads(fixture(f"geopf_wfs/batiment_page{page}.json")) for page in pages]
    merged = dict(collections[0], features=[f for c in collections for f in c["features"]])
    merged["numberReturned"] = len(merged["features"])
    return json.dumps(merged).encode("utf-8")


#: Where data.arcep.fr redirects (302) the ``last`` files: object storage, per quarter.
ARCEP_STORAGE = "/storage/arcep/fixe/maconnexioninternet/2026_T2"


def add_arcep(server: ReplayServer) -> None:
    """``base_imb`` and ``actuel`` (eligibility) of the Nord: 302 to object storage, gzip, ``;``."""
    for path, name in (
        ("base_imb/last/departement/base_imb_59.csv.gz", "base_imb_59.csv"),
        ("eligibilite/last/departement/actuel_59.csv.gz", "actuel_59.csv"),
    ):
        stored = f"{ARCEP_STORAGE}/{path.replace('/last', '')}"
        server.add(f"/arcep/{path}", Reply(status=302, headers={"Location": server.url + stored}))
        server.add(stored, Reply(gzip.compress(fixture(f"arcep/{name}")), content_type="application/gzip"))


def add_sinoe(server: ReplayServer, layout: str = "services") -> None:
    """Two ``/lines`` pages of a layout (``services``: liste des services de déchèteries;
    ``annuaire``: annuaire des déchèteries DMA), the second one reached through the ``next``
    cursor, and the ``/raw`` CSV of the annuaire."""
    server.add("/sinoe/lines", Reply(fixture(f"sinoe/{layout}_lines_page1.json")), size="1000")
    server.add("/sinoe/lines", Reply(fixture(f"sinoe/{layout}_lines_page2.json")), size="1000", after="30512")
    server.add("/sinoe/raw", Reply(fixture("sinoe/raw.csv"), content_type="text/csv; charset=utf-8"))


def add_overpass(server: ReplayServer) -> None:
    path = PREFIXES["OVERPASS"]
    server.add(path, Reply(fixture("overpass/waste_points.json")), contains={"data": '"amenity"="recycling"'})
    server.add(path, Reply(fixture("overpass/port_zones.json")), contains={"data": '"landuse"="harbour"'})
    server.add(path, Reply(fixture("overpass/buildings.json")), contains={"data": 'way["building"]'})


def add_wfs(server: ReplayServer, page_size: int) -> None:
    """BD TOPO buildings paged by ``page_size`` (2: the recorded pages; else one answer) and roads."""
    path = PREFIXES["GEOPF_WFS"]
    if page_size == 2:
        for page in range(1, WFS_PAGES + 1):
            server.add(
                path,
                Reply(fixture(f"geopf_wfs/batiment_page{page}.json"), content_type=GEOJSON),
                TYPENAMES="BDTOPO_V3:batiment",
                STARTINDEX=str(2 * (page - 1)),
            )
    else:
        server.add(
            path,
            Reply(wfs_collection(list(range(1, WFS_PAGES + 1))), content_type=GEOJSON),
            TYPENAMES="BDTOPO_V3:batiment",
            STARTINDEX="0",
        )
    server.add(
        path,
        Reply(fixture("geopf_wfs/troncon_de_route_page1.json"), content_type=GEOJSON),
        TYPENAMES="BDTOPO_V3:troncon_de_route",
        STARTINDEX="0",
    )


def add_georisques(server: ReplayServer) -> None:
    path = "/installations_classees"
    server.add(path, Reply(fixture("georisques/empty_page.json")))  # any other commune: no installation
    server.add(path, Reply(fixture("georisques/59183_page1.json")), code_insee="59183", page="1")
    server.add(path, Reply(fixture("georisques/59183_page2.json")), code_insee="59183", page="2")
    server.add(path, Reply(fixture("georisques/59271_page1.json")), code_insee="59271", page="1")


def add_all_families(server: ReplayServer, monkeypatch, irep_year: int, page_size: int = 1000) -> None:
    """Routes of every online family (the territory routes are added by ``add_geo_api``)."""
    point_sources_at(server, monkeypatch)
    add_arcep(server)
    add_sinoe(server)
    add_overpass(server)
    add_wfs(server, page_size)
    add_georisques(server)
    server.add("/pvgis/PVcalc", Reply(fixture("pvgis/pvcalc.json")))
    edition = "2019" if irep_year == 2019 else "2022"
    server.add(f"/{irep_year}.zip", Reply(irep_zip(edition), content_type="application/zip"))
