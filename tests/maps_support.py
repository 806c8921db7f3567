"""A small GeoPackage for the map tests: three communes, roads, port zone, industrial sites.

Lambert-93, with a ``sources`` table (engine/provenance) so legends and credits can be checked.
Written with OGR (no QGIS needed), in a few milliseconds.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from osgeo import ogr, osr

from territoire_numerique.engine.provenance import Source, write_sources

X0, Y0 = 640000.0, 7100000.0
COMMUNES = (("59183", "Dunkerque", 86000), ("59271", "Grande-Synthe", 20000), ("59273", "Gravelines", 11000))
ROADS = (("motorway", 1000), ("primary", 2500), ("secondary", 3500), ("local", 4200))
SOURCES = [
    Source("communes", "Communes d'essai", "IGN", "", "Licence Ouverte 2.0", "IGN Admin Express", "2024",
           "2025-01-01"),
    Source("roads", "Routes d'essai", "test", "", "", "Données d'exemple synthétiques", "graine 1",
           "2025-01-01", synthetic=True),
    Source("port_zones", "Zone portuaire d'essai", "test", "", "ODbL",
           "© les contributeurs d'OpenStreetMap (ODbL)", "", "2025-01-01"),
    Source("industrial_sites", "Sites industriels d'essai", "Géorisques", "", "Licence Ouverte",
           "Géorisques IREP", "2019", "2025-01-01"),
    Source("fibre", "Fibre d'essai", "test", "", "Licence Ouverte 2.0", "Données d'exemple synthétiques",
           "graine 1", "2025-01-01", synthetic=True),
    Source("waste_points", "Déchèteries d'essai", "test", "", "Licence Ouverte 2.0",
           "Données d'exemple synthétiques", "graine 1", "2025-01-01", synthetic=True),
]  # fmt: skip


def _layer(dataset, name: str, geometry: int, fields: list[tuple[str, int]]):
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(2154)
    layer = dataset.CreateLayer(name, reference, geometry)
    for field_name, field_type in fields:
        layer.CreateField(ogr.FieldDefn(field_name, field_type))
    return layer


def _add(layer, wkt: str, **values: object) -> None:
    feature = ogr.Feature(layer.GetLayerDefn())
    for name, value in values.items():
        feature.SetField(name, value)
    feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
    layer.CreateFeature(feature)


def box(xmin: float, ymin: float, xmax: float, ymax: float) -> str:
    return f"(({xmin} {ymin},{xmax} {ymin},{xmax} {ymax},{xmin} {ymax},{xmin} {ymin}))"


def make_test_gpkg(path: Path) -> Path:
    """Communes side by side (6 × 5 km each), four road classes, a port zone, four sites."""
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    string, integer = ogr.OFTString, ogr.OFTInteger
    communes = _layer(dataset, "communes", ogr.wkbMultiPolygon,
                      [("code_insee", string), ("name", string), ("population", integer)])
    for index, (code, name, population) in enumerate(COMMUNES):
        left = X0 + index * 6000
        _add(communes, f"MULTIPOLYGON({box(left, Y0, left + 6000, Y0 + 5000)})",
             code_insee=code, name=name, population=population)
    roads = _layer(dataset, "roads", ogr.wkbLineString, [("road_id", string), ("name", string),
                                                         ("road_class", string)])
    for index, (road_class, offset) in enumerate(ROADS):
        _add(roads, f"LINESTRING({X0 + 200} {Y0 + offset},{X0 + 17800} {Y0 + offset + 300})",
             road_id=str(index), name=f"Route {index}", road_class=road_class)
    port = _layer(dataset, "port_zones", ogr.wkbMultiPolygon, [("zone_id", string), ("name", string),
                                                               ("kind", string)])
    _add(port, f"MULTIPOLYGON({box(X0 + 7000, Y0 + 4000, X0 + 11000, Y0 + 4900)})",
         zone_id="1", name="Port Est", kind="port_industrial")
    sites = _layer(dataset, "industrial_sites", ogr.wkbPoint, [("site_id", string), ("name", string),
                                                               ("seveso", string)])
    for index, seveso in enumerate(("Seveso seuil haut", "Seveso seuil bas", "Non Seveso", "Non Seveso")):
        _add(sites, f"POINT({X0 + 2000 + index * 3500} {Y0 + 3000})",
             site_id=str(index), name=f"Usine {index}", seveso=seveso)
    fibre = _layer(dataset, "fibre", ogr.wkbPoint, [("building_id", string), ("premises", integer),
                                                    ("ftth", integer)])
    for index in range(10):  # around site 1: 4 of 10 buildings (1 premise each) have FTTH
        _add(fibre, f"POINT({X0 + 1900 + index * 20} {Y0 + 1900})", building_id=str(index), premises=1,
             ftth=int(index < 4))
    outlets = _layer(dataset, "waste_points", ogr.wkbPoint, [("point_id", string), ("name", string)])
    _add(outlets, f"POINT({X0 + 3000} {Y0 + 2000})", point_id="D1", name="Déchèterie d'essai")
    dataset = None  # close: flush to disk
    write_sources(path, SOURCES)
    return path


SITE_ROWS = (  # site_id, rank, score, min_score, stay_top_prob, c_fibre, c_roads, lower-left corner
    (11, 1, 87.5, 80.0, 0.93, 52.2, 35.3, (X0 + 1800, Y0 + 1800)),
    (12, 2, 71.0, 60.5, None, 40.0, 31.0, (X0 + 12000, Y0 + 1500)),
    (13, 3, 55.0, 41.0, 0.4, 25.0, 30.0, (X0 + 8000, Y0 + 3700)),  # 100 m from the port zone
)


def make_sites_gpkg(path: Path) -> Path:
    """Three 200 m × 200 m candidate sites as Site suitability writes them."""
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    real = ogr.OFTReal
    sites = _layer(dataset, "sites", ogr.wkbMultiPolygon, [
        ("site_id", ogr.OFTInteger), ("rank", ogr.OFTInteger), ("score", real), ("min_score", real),
        ("area_m2", real), ("stay_top_prob", real), ("c_fibre", real), ("c_roads", real),
    ])  # fmt: skip
    for site_id, rank, score, low, stay, fibre, roads, (x, y) in SITE_ROWS:
        feature = ogr.Feature(sites.GetLayerDefn())
        for name, value in (("site_id", site_id), ("rank", rank), ("score", score), ("min_score", low),
                            ("area_m2", 40000.0), ("c_fibre", fibre), ("c_roads", roads)):  # fmt: skip
            feature.SetField(name, value)
        if stay is None:
            feature.SetFieldNull("stay_top_prob")
        else:
            feature.SetField("stay_top_prob", stay)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"MULTIPOLYGON({box(x, y, x + 200, y + 200)})"))
        sites.CreateFeature(feature)
    dataset = None
    return path


def write_model(path: Path, gpkg: Path) -> Path:
    """A two-criterion model (direct weights 60/40) with an exclusion and an inclusion constraint."""
    model = {
        "name": "Modèle d'essai",
        "criteria": [
            {"name": "fibre", "layer": f"{gpkg.name}|layername=fibre", "measure": "distance",
             "where": "ftth = 1",
             "transform": {"function": "linear", "direction": "cost", "low": 0, "high": 400}},
            {"name": "roads", "layer": f"{gpkg.name}|layername=roads", "measure": "distance",
             "transform": {"function": "linear", "direction": "cost", "low": 100, "high": 1500}},
        ],
        "weights": {"method": "direct", "values": {"fibre": 0.6, "roads": 0.4}},
        "aggregation": {"method": "wlc"},
        "constraints": [
            {"layer": f"{gpkg.name}|layername=port_zones", "mode": "exclude", "buffer": 200},
            {"layer": f"{gpkg.name}|layername=communes", "mode": "include"},
        ],
    }  # fmt: skip
    path.write_text(json.dumps(model, ensure_ascii=False), encoding="utf-8")
    return path


LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})


def pdf_text(path: Path, page: int | None = None) -> str:
    """Text of a PDF (one page or all) with pdftotext, lines joined with spaces, ligatures spelt out.

    Whether "fi" comes out as the ligature "ﬁ" depends on the fonts the machine has.
    """
    arguments = ["pdftotext", "-layout"]
    if page is not None:
        arguments += ["-f", str(page), "-l", str(page)]
    completed = subprocess.run([*arguments, str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(completed.stdout.translate(LIGATURES).split())


def pdf_pages(path: Path) -> int:
    completed = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    for line in completed.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError(f"pdfinfo gave no page count for {path}")
