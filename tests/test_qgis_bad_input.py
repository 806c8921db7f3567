"""Bad input, as a new user gives it, to every algorithm through the real ``qgis_process``.

One table of cases: each names an algorithm, its parameters (``{d}`` is the case's own folder,
holding copies of the inputs), how the inputs are spoilt first, and the outcome expected:
``refused`` (exit code not 0), ``warned`` (exit 0 with a warning) or ``succeeded`` (exit 0, no
warning); the words the message must hold (the parameter as the dialog names it); no traceback;
every input file (and a previous output) byte for byte as before.  The cases run in parallel
processes (qgis_process's start-up dominates), once, in a module fixture; some in French.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SAMPLE = REPO_ROOT / "resources" / "sample" / "territoire_sample.gpkg"
TS = REPO_ROOT / "i18n" / "territoire_numerique_fr.ts"
QM = REPO_ROOT / "i18n" / "territoire_numerique_fr.qm"
#: A 4 km square of the sample around the Wi-Fi hotspots (every table but the terrain).
BBOX = (652500, 7102500, 656500, 7106300)
WHOLE_TABLES = ("communes", "industrial_sites", "industrial_waste", "waste_facilities")
TABLES = (
    *WHOLE_TABLES,
    "waste_points",
    "buildings",
    "fibre",
    "solar",
    "port_zones",
    "roads",
    "public_buildings",
    "wifi_hotspots",
    "street_furniture",
)
MODEL = """{"name": "Mini", "criteria": [
 {"name": "fibre", "layer": "mini.gpkg|layername=fibre", "measure": "distance",
  "transform": {"function": "linear", "direction": "cost", "low": 0, "high": 400}},
 {"name": "roads", "layer": "mini.gpkg|layername=roads", "measure": "distance",
  "transform": {"function": "linear", "direction": "cost", "low": 0, "high": 800}}],
 "weights": {"method": "direct", "values": {"fibre": 0.6, "roads": 0.4}},
 "aggregation": {"method": "wlc"},
 "constraints": [{"layer": "mini.gpkg|layername=port_zones", "mode": "exclude", "buffer": 0}]}"""
TRACEBACK_MARKERS = ("Traceback (most recent call last)", 'File "/', "line 1, in")


# --- how inputs are spoilt --------------------------------------------------------------------
def sql(*statements: str, file: str = "mini.gpkg") -> Callable[[Path], None]:
    """Run SQL (GDAL's SQLite dialect knows the GeoPackage functions) on a case's copy."""

    def apply(folder: Path) -> None:
        from osgeo import ogr

        dataset = ogr.Open(str(folder / file), 1)
        for statement in statements:
            dataset.ExecuteSQL(statement)
        dataset = None

    return apply


def first(table: str, count: int, skip: int = 0) -> str:
    """SQL condition on the first ``count`` rows of ``table`` after ``skip`` (fids are the sample's)."""
    return f"fid IN (SELECT fid FROM {table} ORDER BY fid LIMIT {count} OFFSET {skip})"


def text_column(table: str, column: str, source: str, values: dict[int, str]) -> Callable[[Path], None]:
    """A TEXT column ``column`` copied from ``source`` as French text (decimal comma), with some
    rows (by position, from 1) given ``values`` — what a spreadsheet export looks like."""
    updates = [
        f"UPDATE {table} SET {column} = '{text}' WHERE {first(table, 1, row - 1)}"
        for row, text in values.items()
    ]
    return sql(
        f"ALTER TABLE {table} ADD COLUMN {column} TEXT",
        f"UPDATE {table} SET {column} = replace(CAST({source} AS TEXT), '.', ',')",
        *updates,
    )


def write_text(name: str, text: str) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")

    return apply


def bowtie_zones(folder: Path) -> None:
    """zones.gpkg: one self-intersecting commune (a bow tie) over the fibre points."""
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(folder / "zones.gpkg"))
    layer = dataset.CreateLayer("zones", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("code_insee", ogr.OFTString))
    x0, y0, x1, y1 = BBOX
    for code, wkt in (
        ("A", f"POLYGON(({x0} {y0},{x1} {y1},{x1} {y0},{x0} {y1},{x0} {y0}))"),
        ("B", f"POLYGON(({x0} {y0},{x0} {y1},{x0 - 500} {y1},{x0 - 500} {y0},{x0} {y0}))"),
    ):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("code_insee", code)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    dataset = None


def strip_crs(name: str) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        from osgeo import gdal

        gdal.Translate(str(folder / name), str(folder / "terrain.tif"))
        dataset = gdal.Open(str(folder / name), gdal.GA_Update)
        dataset.SetProjection("")
        dataset = None

    return apply


def into_accented_folder(folder: Path) -> None:
    target = folder / "dossier été" / "données communes.gpkg"
    target.parent.mkdir()
    shutil.copyfile(folder / "mini.gpkg", target)


def stale_temporary(name: str) -> Callable[[Path], None]:
    """A hidden temporary file left by a killed run (process 2**22 + 1 does not exist)."""
    return write_text(name, "partial")


def combine(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        for step in steps:
            step(folder)

    return apply


def png(name: str) -> Callable[[Path], None]:
    """A real (1×1) PNG image."""

    def apply(folder: Path) -> None:
        import struct
        import zlib

        def chunk(kind: bytes, data: bytes) -> bytes:
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

        header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
        body = (
            chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x80\x00")) + chunk(b"IEND", b"")
        )
        (folder / name).write_bytes(b"\x89PNG\r\n\x1a\n" + body)

    return apply


# --- the table ---------------------------------------------------------------------------------
@dataclass
class Case:
    id: str
    algorithm: str
    parameters: dict[str, str]
    expected: str  # refused, warned, succeeded
    words: tuple[str, ...] = ()
    setup: Callable[[Path], None] | None = None
    french: bool = False
    gone: tuple[str, ...] = ()  # files the run must remove (stale temporaries)
    previous: tuple[str, ...] = ()  # files there after the run (an earlier output a failed run keeps)
    grows: tuple[str, ...] = ()  # input GeoPackages that get a new table: their tables must stay
    absent: tuple[str, ...] = ()  # words that must not be shown (a library's raw message)
    env: dict[str, str] = field(default_factory=dict)  # environment of the run (service addresses)
    outcome: dict = field(default_factory=dict)


G = "{d}/mini.gpkg"


def lyr(table: str, file: str = G) -> str:
    return f"{file}|layername={table}"


WF = {
    "PRODUCERS": lyr("industrial_waste"),
    "RECEIVERS": lyr("waste_facilities"),
    "FLOWS": "{d}/flows.gpkg",
    "NODES": "{d}/nodes.gpkg",
    "UNALLOCATED": "{d}/unallocated.gpkg",
    "SYNERGIES": "{d}/synergies.gpkg",
    "SUMMARY": "{d}/summary.gpkg",
}
WA = {
    "DEMAND": lyr("buildings"),
    "WEIGHT_FIELD": "population",
    "FACILITIES": lyr("waste_points"),
    "OUTPUT": "{d}/access.gpkg",
    "UNDERSERVED": "{d}/underserved.gpkg",
}
FC = {"FIBRE": lyr("fibre"), "ZONES": lyr("communes"), "OUTPUT": "{d}/fibre_out.gpkg"}
SP = {"ROOFS": lyr("solar"), "OUTPUT": "{d}/roofs.gpkg", "TOP_OUTPUT": "{d}/top.gpkg"}
TP = {"COMMUNES": lyr("communes"), "OUTPUT": "{d}/profile.gpkg"}
WC = {
    "HOTSPOTS": lyr("wifi_hotspots"),
    "CELL_SIZE": "10",
    "RSSI": "{d}/rssi.tif",
    "BEST_SERVER": "{d}/best.tif",
    "COVERAGE": "{d}/coverage.gpkg",
    "HOTSPOT_STATS": "{d}/stats.gpkg",
}
WP = {
    "CANDIDATES": lyr("street_furniture"),
    "DEMAND": lyr("public_buildings"),
    "COUNT": "2",
    "CELL_SIZE": "20",
    "SELECTED": "{d}/selected.gpkg",
    "CURVE": "{d}/curve.gpkg",
    "UNCOVERED": "{d}/uncovered.gpkg",
}
SS = {
    "MODEL": "{d}/model.json",
    "CELL_SIZE": "20",
    "OUTPUT": "{d}/suitability.tif",
    "SITES": "{d}/sites.gpkg",
}
EM = {"LAYERS": lyr("communes"), "DPI": "50", "OUTPUT": "{d}/map.png"}
DD = {"SITES": lyr("port_zones"), "OUTPUT": "{d}/dossier.pdf"}
#: The port zone as a site of Site suitability (its rank and score).
RANKED_SITES = sql(
    "ALTER TABLE port_zones ADD COLUMN rank INTEGER",
    "ALTER TABLE port_zones ADD COLUMN score REAL",
    "UPDATE port_zones SET rank = 1, score = 80",
)
LO = {"TERRITORY": "59183", "SOURCE": "2", "LAYERS": "0", "OUTPUT": "{d}/loaded.gpkg"}


def case(id: str, algorithm: str, base: dict, expected: str, *words: str, **options) -> Case:
    changes = options.pop("changes", {})
    parameters = {key: value for key, value in {**base, **changes}.items() if value is not None}
    return Case(id, algorithm, parameters, expected, words, **options)


CASES = [
    # waste_flows
    case(
        "wf_output_is_input",
        "waste_flows",
        WF,
        "refused",
        "Waste flows",
        "Waste producers",
        changes={"FLOWS": G},
    ),
    case(
        "wf_output_is_input_table",
        "waste_flows",
        WF,
        "refused",
        "Waste sites",
        "Waste receivers",
        changes={"NODES": "ogr:dbname='{d}/mini.gpkg' table=\"waste_facilities\" (geom)"},
    ),
    case(
        "wf_new_table_in_input",
        "waste_flows",
        WF,
        "succeeded",
        grows=("mini.gpkg",),
        changes={"FLOWS": "ogr:dbname='{d}/mini.gpkg' table=\"flows\" (geom)"},
    ),
    case(
        "wf_two_outputs_one_file",
        "waste_flows",
        WF,
        "refused",
        "Waste flows",
        "Waste sites",
        changes={"NODES": "{d}/flows.gpkg"},
    ),
    case(
        "wf_tonnes_as_french_text",
        "waste_flows",
        WF,
        "warned",
        "Tonnes per year field",
        "douze",
        setup=text_column(
            "industrial_waste", "tonnes_txt", "tonnes", {1: "1 200,5", 2: "1.200,5", 3: "douze"}
        ),
        changes={"TONNES_FIELD": "tonnes_txt"},
    ),
    case(
        "wf_vague_accepted_codes",
        "waste_flows",
        WF,
        "warned",
        "accept every waste code",
        "“17 0x 01”",
        setup=sql(
            f"UPDATE waste_facilities SET accepts = '**' WHERE {first('waste_facilities', 1)}",
            f"UPDATE waste_facilities SET accepts = '17 0x 01, 19 *' WHERE {first('waste_facilities', 1, 1)}",
        ),
    ),
    case(
        "wf_negative_capacity",
        "waste_flows",
        WF,
        "refused",
        "Capacity field",
        "-5",
        setup=sql(f"UPDATE waste_facilities SET capacity_t = -5 WHERE {first('waste_facilities', 1)}"),
    ),
    case(
        "wf_missing_field",
        "waste_flows",
        WF,
        "refused",
        "poids",
        "Tonnes per year field",
        changes={"TONNES_FIELD": "poids"},
    ),
    case(
        "wf_communes_as_receivers",
        "waste_flows",
        WF,
        "refused",
        "accepts",
        "ACCEPTS_FIELD",
        changes={"RECEIVERS": lyr("communes")},
    ),
    case(
        "wf_empty_producers",
        "waste_flows",
        WF,
        "refused",
        "Waste producers",
        "no feature",
        setup=sql("DELETE FROM industrial_waste"),
    ),
    case(
        "wf_failed_run_keeps_previous_output",
        "waste_flows",
        WF,
        "refused",
        "Capacity field",
        setup=combine(
            sql(f"UPDATE waste_facilities SET capacity_t = -1 WHERE {first('waste_facilities', 1, 1)}"),
            write_text("flows.gpkg", "previous"),
        ),
        previous=("flows.gpkg",),
    ),
    # waste_access
    case(
        "wa_output_is_input",
        "waste_access",
        WA,
        "refused",
        "Distance to the nearest waste point",
        "Demand",
        changes={"OUTPUT": G},
    ),
    case(
        "wa_population_as_text",
        "waste_access",
        WA,
        "warned",
        "Population or dwellings field",
        "n/a",
        setup=text_column("buildings", "pop_txt", "population", {1: "n/a", 2: "1 200,5"}),
        changes={"WEIGHT_FIELD": "pop_txt"},
    ),
    case(
        "wa_missing_weight_field",
        "waste_access",
        WA,
        "refused",
        "popu",
        "Population or dwellings field",
        changes={"WEIGHT_FIELD": "popu"},
    ),
    case(
        "wa_polygons_as_facilities",
        "waste_access",
        WA,
        "refused",
        "Waste facilities",
        "points",
        changes={"FACILITIES": lyr("communes")},
    ),
    case(
        "wa_some_geometries_null",
        "waste_access",
        WA,
        "warned",
        "no geometry",
        setup=sql("UPDATE buildings SET geom = NULL WHERE fid % 2 = 0"),
    ),
    case(
        "wa_accents_and_spaces_in_paths",
        "waste_access",
        WA,
        "succeeded",
        setup=into_accented_folder,
        changes={
            "DEMAND": lyr("buildings", "{d}/dossier été/données communes.gpkg"),
            "FACILITIES": lyr("waste_points", "{d}/dossier été/données communes.gpkg"),
            "OUTPUT": "{d}/dossier été/accès déchèteries.gpkg",
        },
    ),
    case(
        "wa_shapefile_output_written_aside",
        "waste_access",
        WA,
        "succeeded",
        changes={"OUTPUT": "{d}/access.shp"},
        previous=("access.shp", "access.dbf", "access.shx"),
    ),
    case(
        "wa_symlink_to_input",
        "waste_access",
        WA,
        "refused",
        "Distance to the nearest waste point",
        setup=lambda folder: (folder / "lien.gpkg").symlink_to(folder / "mini.gpkg"),
        changes={"OUTPUT": "{d}/lien.gpkg"},
    ),
    # fibre_coverage
    case(
        "fc_output_is_input",
        "fibre_coverage",
        FC,
        "refused",
        "Fibre coverage per zone",
        "Fibre eligibility",
        changes={"OUTPUT": G},
    ),
    case(
        "fc_missing_ftth_field",
        "fibre_coverage",
        FC,
        "refused",
        "eligible",
        "FTTH eligibility field",
        changes={"FIELD_FTTH": "eligible"},
    ),
    case(
        "fc_premises_as_text",
        "fibre_coverage",
        FC,
        "warned",
        "Number of premises field",
        "beaucoup",
        setup=text_column("fibre", "locaux", "premises", {1: "beaucoup", 2: "1 200"}),
        changes={"FIELD_PREMISES": "locaux"},
    ),
    case(
        "fc_points_as_zones",
        "fibre_coverage",
        FC,
        "refused",
        "Zones",
        "polygons",
        changes={"ZONES": lyr("public_buildings")},
    ),
    case(
        "fc_text_file_named_gpkg",
        "fibre_coverage",
        FC,
        "refused",
        "Fibre eligibility",
        "not a GeoPackage",
        setup=write_text("fibre.gpkg", "hello"),
        changes={"FIBRE": "{d}/fibre.gpkg"},
    ),
    case(
        "fc_self_intersecting_zone",
        "fibre_coverage",
        FC,
        "warned",
        "repaired",
        setup=bowtie_zones,
        changes={"ZONES": lyr("zones", "{d}/zones.gpkg")},
    ),
    case("fc_target_over_100", "fibre_coverage", FC, "refused", "TARGET", changes={"TARGET": "150"}),
    case(
        "fc_missing_file",
        "fibre_coverage",
        FC,
        "refused",
        "Fibre eligibility",
        "does not exist",
        changes={"FIBRE": "{d}/absent.gpkg"},
    ),
    # solar_potential
    case(
        "sp_output_is_input",
        "solar_potential",
        SP,
        "refused",
        "Solar potential per roof",
        "Roofs",
        changes={"OUTPUT": G},
    ),
    case(
        "sp_areas_as_french_text",
        "solar_potential",
        SP,
        "warned",
        "Usable roof area field",
        "—",
        setup=text_column("solar", "surface", "usable_area", {1: "—", 2: "12,5"}),
        changes={"FIELD_USABLE_AREA": "surface"},
    ),
    case(
        "sp_negative_area",
        "solar_potential",
        SP,
        "warned",
        "Roof area field",
        "-40",
        setup=sql(f"UPDATE solar SET roof_area = -40 WHERE {first('solar', 5)}"),
    ),
    case(
        "sp_points_as_zones",
        "solar_potential",
        SP,
        "refused",
        "Zones for totals",
        "polygons",
        changes={"ZONES": lyr("fibre"), "ZONES_OUTPUT": "{d}/zones_out.gpkg"},
    ),
    case(
        "sp_missing_field",
        "solar_potential",
        SP,
        "refused",
        "irr",
        "Irradiation field",
        changes={"FIELD_IRRADIATION": "irr"},
    ),
    case(
        "sp_all_geometries_null",
        "solar_potential",
        SP,
        "refused",
        "solar",
        "geometry",
        setup=sql("UPDATE solar SET geom = NULL"),
    ),
    case(
        "sp_no_roof_above_minimum",
        "solar_potential",
        SP,
        "warned",
        "is empty",
        changes={"MIN_AREA": "1000000"},
    ),
    # territory_profile
    case(
        "tp_output_is_input",
        "territory_profile",
        TP,
        "refused",
        "Territory profile",
        "Communes",
        changes={"OUTPUT": G},
    ),
    case(
        "tp_population_as_text",
        "territory_profile",
        TP,
        "warned",
        "Population field",
        "inconnue",
        setup=text_column("communes", "pop_txt", "population", {1: "inconnue", 2: "86 279"}),
        changes={"FIELD_POPULATION": "pop_txt"},
    ),
    case(
        "tp_negative_population",
        "territory_profile",
        TP,
        "warned",
        "Population field",
        "-100",
        setup=sql(f"UPDATE communes SET population = -100 WHERE {first('communes', 1)}"),
    ),
    case(
        "tp_missing_field",
        "territory_profile",
        TP,
        "refused",
        "pop",
        "Population field",
        changes={"FIELD_POPULATION": "pop"},
    ),
    case(
        "tp_points_as_communes",
        "territory_profile",
        TP,
        "refused",
        "Communes",
        "polygons",
        changes={"COMMUNES": lyr("fibre")},
    ),
    case(
        "tp_points_as_wifi_coverage",
        "territory_profile",
        TP,
        "refused",
        "Wi-Fi coverage polygons",
        "points",
        changes={"WIFI_COVERAGE": lyr("wifi_hotspots")},
    ),
    case(
        "tp_text_file_named_gpkg",
        "territory_profile",
        TP,
        "refused",
        "Communes",
        "not a GeoPackage",
        setup=write_text("communes.gpkg", "code;nom\n59183;Dunkerque\n"),
        changes={"COMMUNES": "{d}/communes.gpkg"},
    ),
    # wifi_coverage
    case(
        "wc_output_is_terrain",
        "wifi_coverage",
        WC,
        "refused",
        "Received power",
        "Terrain",
        changes={"TERRAIN": "{d}/terrain.tif", "RSSI": "{d}/terrain.tif"},
    ),
    case(
        "wc_negative_antenna_height",
        "wifi_coverage",
        WC,
        "warned",
        "Antenna height field",
        "-3",
        setup=sql(f"UPDATE wifi_hotspots SET height_m = -3 WHERE {first('wifi_hotspots', 1)}"),
    ),
    case(
        "wc_height_as_french_text",
        "wifi_coverage",
        WC,
        "succeeded",
        setup=text_column("wifi_hotspots", "hauteur", "height_m", {}),
        changes={"HEIGHT_FIELD": "hauteur"},
    ),
    case(
        "wc_polygons_as_hotspots",
        "wifi_coverage",
        WC,
        "refused",
        "Wi-Fi hotspots",
        "points",
        changes={"HOTSPOTS": lyr("buildings")},
    ),
    case(
        "wc_terrain_without_crs",
        "wifi_coverage",
        WC,
        "refused",
        "Terrain",
        "coordinate reference system",
        setup=strip_crs("nocrs.tif"),
        changes={"TERRAIN": "{d}/nocrs.tif"},
    ),
    case(
        "wc_absurd_cell_size",
        "wifi_coverage",
        WC,
        "refused",
        "million cells",
        "MB of memory",
        changes={"CELL_SIZE": "0.25", "EXTENT": "640000,660000,7090000,7110000 [EPSG:2154]"},
    ),
    case(
        "wc_negative_building_height",
        "wifi_coverage",
        WC,
        "warned",
        "Building height field",
        setup=sql(f"UPDATE buildings SET height = -8 WHERE {first('buildings', 10)}"),
        changes={"BUILDINGS": lyr("buildings"), "BUILDING_HEIGHT_FIELD": "height"},
    ),
    # wifi_placement
    case(
        "wp_output_is_input",
        "wifi_placement",
        WP,
        "refused",
        "New hotspot sites",
        "Candidate sites",
        changes={"SELECTED": G},
    ),
    case(
        "wp_negative_cost",
        "wifi_placement",
        WP,
        "refused",
        "Candidate cost field",
        setup=sql(f"UPDATE street_furniture SET cost_eur = -100 WHERE {first('street_furniture', 1)}"),
        changes={"COST_FIELD": "cost_eur"},
    ),
    case(
        "wp_cost_as_french_text",
        "wifi_placement",
        WP,
        "succeeded",
        setup=text_column("street_furniture", "cout", "cost_eur", {1: "1 200,50"}),
        changes={"COST_FIELD": "cout"},
    ),
    case(
        "wp_demand_weight_as_text",
        "wifi_placement",
        WP,
        "warned",
        "Demand weight field",
        "n/a",
        setup=text_column("buildings", "pop_txt", "population", {1: "n/a"}),
        changes={"DEMAND": lyr("buildings"), "DEMAND_WEIGHT": "pop_txt"},
    ),
    case(
        "wp_absurd_cell_size",
        "wifi_placement",
        WP,
        "refused",
        "million cells",
        "MB of memory",
        changes={"CELL_SIZE": "0.25", "EXTENT": "640000,660000,7090000,7110000 [EPSG:2154]"},
    ),
    case(
        "wp_negative_candidate_height",
        "wifi_placement",
        WP,
        "warned",
        "Candidate antenna height field",
        setup=sql(f"UPDATE street_furniture SET height_m = -4 WHERE {first('street_furniture', 3)}"),
        changes={"CANDIDATE_HEIGHT_FIELD": "height_m"},
    ),
    # site_suitability
    case(
        "ss_output_is_model_layer",
        "site_suitability",
        SS,
        "refused",
        "Best sites",
        "Suitability model",
        changes={"SITES": G},
    ),
    case("ss_model_not_json", "site_suitability", SS, "refused", "JSON", changes={"MODEL": "{not json"}),
    case(
        "ss_model_layer_missing",
        "site_suitability",
        SS,
        "refused",
        "absent.gpkg",
        setup=write_text(
            "model.json", MODEL.replace("mini.gpkg|layername=roads", "absent.gpkg|layername=roads")
        ),
    ),
    case("ss_absurd_cell_size", "site_suitability", SS, "refused", "GB", changes={"CELL_SIZE": "0.01"}),
    case(
        "ss_invalid_where",
        "site_suitability",
        SS,
        "refused",
        "The filter 'ftth ===' on layer 'fibre' is invalid",
        absent=("SELECT",),
        setup=write_text(
            "model.json", MODEL.replace('"name": "fibre", ', '"name": "fibre", "where": "ftth ===", ')
        ),
    ),
    case(
        "ss_geographic_crs",
        "site_suitability",
        SS,
        "refused",
        "EPSG:4326",
        changes={"TARGET_CRS": "EPSG:4326"},
    ),
    case(
        "ss_output_is_model_file",
        "site_suitability",
        SS,
        "refused",
        "Suitability model",
        changes={"OUTPUT": "{d}/model.json"},
    ),
    case(
        "ss_two_outputs_one_file",
        "site_suitability",
        SS,
        "refused",
        "Best sites",
        changes={"OUTPUT": "{d}/both.gpkg", "SITES": "{d}/both.gpkg"},
    ),
    case(
        "ss_candidates_as_points",
        "site_suitability",
        SS,
        "refused",
        "Candidate polygons",
        "polygons",
        changes={"CANDIDATES": lyr("fibre")},
    ),
    case(
        "wp_empty_candidates",
        "wifi_placement",
        WP,
        "refused",
        "Candidate sites",
        "no feature",
        setup=sql("DELETE FROM street_furniture"),
    ),
    case(
        "wp_missing_cost_field",
        "wifi_placement",
        WP,
        "refused",
        "prix",
        "Candidate cost field",
        changes={"COST_FIELD": "prix"},
    ),
    case(
        "wp_text_file_as_demand",
        "wifi_placement",
        WP,
        "refused",
        "Demand",
        "not a GeoPackage",
        setup=write_text("demande.gpkg", "x"),
        changes={"DEMAND": "{d}/demande.gpkg"},
    ),
    case(
        "sp_text_file_as_roofs",
        "solar_potential",
        SP,
        "refused",
        "Roofs",
        "not a GeoPackage",
        setup=write_text("toits.gpkg", ""),
        changes={"ROOFS": "{d}/toits.gpkg"},
    ),
    case("em_missing_style", "export_map", EM, "refused", "absent.qml", changes={"STYLES": "{d}/absent.qml"}),
    case(
        "tp_empty_communes",
        "territory_profile",
        TP,
        "refused",
        "Communes",
        "no feature",
        setup=sql("DELETE FROM communes"),
    ),
    # export_map
    case(
        "em_output_is_logo",
        "export_map",
        EM,
        "refused",
        "Map",
        "Logo",
        setup=png("logo.png"),
        changes={"LOGO": "{d}/logo.png", "OUTPUT": "{d}/logo.png"},
    ),
    case(
        "em_logo_not_an_image",
        "export_map",
        EM,
        "refused",
        "Logo",
        "not an image",
        setup=write_text("logo.png", "not a picture"),
        changes={"LOGO": "{d}/logo.png"},
    ),
    case(
        "em_extent_without_feature",
        "export_map",
        EM,
        "warned",
        "no feature",
        changes={"EXTENT": "100000,101000,6000000,6001000 [EPSG:2154]"},
    ),
    case(
        "em_missing_template",
        "export_map",
        EM,
        "refused",
        "absent.qpt",
        changes={"TEMPLATE": "{d}/absent.qpt"},
    ),
    case(
        "em_accents_and_spaces_in_output",
        "export_map",
        EM,
        "succeeded",
        changes={"OUTPUT": "{d}/carte été/ma carte.png"},
    ),
    case(
        "em_text_file_as_layer",
        "export_map",
        EM,
        "refused",
        "not a GeoPackage",
        setup=write_text("couche.gpkg", "x"),
        changes={"LAYERS": "{d}/couche.gpkg"},
    ),
    case(
        "em_failed_run_keeps_previous_map",
        "export_map",
        EM,
        "refused",
        "Logo",
        setup=combine(write_text("logo.png", "not a picture"), png("map.png")),
        changes={"LOGO": "{d}/logo.png"},
        previous=("map.png",),
    ),
    # decision_dossier
    case(
        "dd_output_is_logo",
        "decision_dossier",
        DD,
        "refused",
        "Dossier",
        "Logo",
        setup=png("logo.png"),
        changes={"LOGO": "{d}/logo.png", "OUTPUT": "{d}/logo.png"},
    ),
    case(
        "dd_logo_not_an_image",
        "decision_dossier",
        DD,
        "refused",
        "Logo",
        "not an image",
        setup=combine(RANKED_SITES, write_text("logo.svg", "hello")),
        changes={"LOGO": "{d}/logo.svg"},
    ),
    case(
        "dd_empty_sites",
        "decision_dossier",
        DD,
        "refused",
        "Candidate sites",
        "no feature",
        setup=sql("DELETE FROM port_zones"),
    ),
    case(
        "dd_model_not_json",
        "decision_dossier",
        DD,
        "refused",
        "JSON",
        setup=RANKED_SITES,
        changes={"MODEL": "{not json"},
    ),
    case(
        "dd_suitability_without_crs",
        "decision_dossier",
        DD,
        "refused",
        "Suitability raster",
        "coordinate reference system",
        setup=combine(RANKED_SITES, strip_crs("nocrs.tif")),
        changes={"SUITABILITY": "{d}/nocrs.tif"},
    ),
    case(
        "dd_text_file_as_sites",
        "decision_dossier",
        DD,
        "refused",
        "Candidate sites",
        "not a GeoPackage",
        setup=write_text("sites.gpkg", "x"),
        changes={"SITES": "{d}/sites.gpkg"},
    ),
    case(
        "dd_missing_sites_file",
        "decision_dossier",
        DD,
        "refused",
        "Candidate sites",
        "does not exist",
        changes={"SITES": "{d}/absent.gpkg"},
    ),
    case(
        "dd_output_is_input",
        "decision_dossier",
        DD,
        "refused",
        "Dossier",
        "Candidate sites",
        changes={"OUTPUT": G},
    ),
    case(
        "dd_text_file_as_suitability",
        "decision_dossier",
        DD,
        "refused",
        "Suitability raster",
        "not a GeoTIFF",
        setup=combine(RANKED_SITES, write_text("suitability.tif", "0;1\n")),
        changes={"SUITABILITY": "{d}/suitability.tif"},
    ),
    case(
        "dd_logo_missing",
        "decision_dossier",
        DD,
        "refused",
        "Logo",
        "does not exist",
        changes={"LOGO": "{d}/absent.png"},
    ),
    case(
        "em_logo_missing",
        "export_map",
        EM,
        "refused",
        "Logo",
        "does not exist",
        changes={"LOGO": "{d}/absent.png"},
    ),
    case(
        "fc_two_outputs_one_file",
        "fibre_coverage",
        FC,
        "refused",
        "Fibre at sites",
        changes={"SITES": lyr("industrial_sites"), "SITES_OUTPUT": "{d}/fibre_out.gpkg"},
    ),
    case(
        "lo_port_limits_missing",
        "load_open_data",
        LO,
        "refused",
        "Official port limits",
        "does not exist",
        changes={"LAYERS": "6", "PORT_ZONES_FILE": "{d}/absent.gpkg"},
    ),
    case(
        "ss_output_is_model_table",
        "site_suitability",
        SS,
        "refused",
        "Best sites",
        "Suitability model",
        changes={"SITES": "ogr:dbname='{d}/mini.gpkg' table=\"roads\" (geom)"},
    ),
    case(
        "sp_missing_file",
        "solar_potential",
        SP,
        "refused",
        "Roofs",
        "does not exist",
        changes={"ROOFS": "{d}/absent.gpkg"},
    ),
    case(
        "tp_missing_file",
        "territory_profile",
        TP,
        "refused",
        "Communes",
        "does not exist",
        changes={"COMMUNES": "{d}/absent.gpkg"},
    ),
    case(
        "wa_output_is_input_table",
        "waste_access",
        WA,
        "refused",
        "Distance to the nearest waste point",
        "Demand",
        changes={"OUTPUT": "ogr:dbname='{d}/mini.gpkg' table=\"buildings\" (geom)"},
    ),
    case(
        "wc_surface_text_file",
        "wifi_coverage",
        WC,
        "refused",
        "Surface model",
        "not a GeoTIFF",
        setup=write_text("dsm.tif", "x"),
        changes={"SURFACE": "{d}/dsm.tif"},
    ),
    case(
        "wp_two_outputs_one_file",
        "wifi_placement",
        WP,
        "refused",
        "Demand left uncovered",
        changes={"UNCOVERED": "{d}/selected.gpkg"},
    ),
    # load_open_data
    case(
        "lo_output_is_port_limits",
        "load_open_data",
        LO,
        "refused",
        "Output GeoPackage",
        "Official port limits",
        changes={"LAYERS": "6", "PORT_ZONES_FILE": G, "OUTPUT": G},
    ),
    case("lo_unknown_territory", "load_open_data", LO, "refused", "abc", changes={"TERRITORY": "abc"}),
    case(
        "lo_output_not_gpkg", "load_open_data", LO, "refused", ".gpkg", changes={"OUTPUT": "{d}/loaded.shp"}
    ),
    case(
        "lo_terrain_tif_without_terrain",
        "load_open_data",
        LO,
        "refused",
        "terrain",
        changes={"TERRAIN_OUTPUT": "{d}/terrain_out.tif"},
    ),
    case(
        "lo_stale_temporary_removed",
        "load_open_data",
        LO,
        "succeeded",
        setup=combine(
            stale_temporary(".loaded.tn4194305-0123abcd.gpkg"),
            stale_temporary(".loaded.tn4194305-0123abcd.gpkg-journal"),
        ),
        gone=(".loaded.tn4194305-0123abcd.gpkg", ".loaded.tn4194305-0123abcd.gpkg-journal"),
    ),
    case(
        "lo_failed_run_keeps_previous_output",
        "load_open_data",
        LO,
        "refused",
        "abc",
        setup=write_text("loaded.gpkg", "previous"),
        changes={"TERRITORY": "abc"},
        previous=("loaded.gpkg",),
    ),
    case(
        "lo_offline_is_not_not_found",
        "load_open_data",
        LO,
        "refused",
        "The network seems down and the cache is empty",  # source 0: the cache, then online
        "Sample",
        absent=("not found", "urllib3", "Errno"),
        changes={"SOURCE": "0"},
        env={"TERRITOIRE_URL_GEO_API": "http://127.0.0.1:9"},  # nobody listens on the discard port
    ),
    # a full disk, a read-only folder (small file systems mounted for the module, where allowed)
    case(
        "lo_full_disk",
        "load_open_data",
        LO,
        "refused",
        "disk space",
        "MB",
        changes={"OUTPUT": "{full}/lo/loaded.gpkg"},
    ),
    case(
        "wc_nothing_covered",
        "wifi_coverage",
        WC,
        "warned",
        "Nothing is covered",
        changes={"THRESHOLD": "-20", "DEMAND": lyr("public_buildings")},
    ),
    case(
        "wa_nobody_served",
        "waste_access",
        WA,
        "warned",
        "Nobody is within",
        changes={"THRESHOLD": "0.001"},
    ),
    case(
        "wc_full_disk",
        "wifi_coverage",
        WC,
        "refused",
        "disk space",
        changes={"CELL_SIZE": "2", "RSSI": "{full}/wc/rssi.tif"},
    ),
    case(
        "wa_read_only_folder",
        "waste_access",
        WA,
        "refused",
        "cannot be written",
        "Distance to the nearest waste point",
        changes={"OUTPUT": "{readonly}/access.gpkg"},
    ),
    # French QGIS
    case(
        "fr_lo_full_disk",
        "load_open_data",
        LO,
        "refused",
        "Espace disque insuffisant",
        "Mo",
        changes={"OUTPUT": "{full}/fr/loaded.gpkg"},
        french=True,
    ),
    case(
        "fr_wf_output_is_input",
        "waste_flows",
        WF,
        "refused",
        "Flux de déchets",
        "détruirait",
        changes={"FLOWS": G},
        french=True,
    ),
    case(
        "fr_wa_missing_field",
        "waste_access",
        WA,
        "refused",
        "popu",
        "n'est pas dans la couche",
        changes={"WEIGHT_FIELD": "popu"},
        french=True,
    ),
    case(
        "fr_wf_tonnes_as_text",
        "waste_flows",
        WF,
        "warned",
        "ne sont pas des nombres",
        "douze",
        setup=text_column("industrial_waste", "tonnes_txt", "tonnes", {3: "douze"}),
        changes={"TONNES_FIELD": "tonnes_txt"},
        french=True,
    ),
    case(
        "fr_fc_text_file_named_gpkg",
        "fibre_coverage",
        FC,
        "refused",
        "n'est pas un GeoPackage",
        "fichier texte",
        setup=write_text("fibre.gpkg", "hello"),
        changes={"FIBRE": "{d}/fibre.gpkg"},
        french=True,
    ),
    case(
        "fr_tp_points_as_communes",
        "territory_profile",
        TP,
        "refused",
        "Communes",
        "polygones",
        changes={"COMMUNES": lyr("fibre")},
        french=True,
    ),
    case(
        "fr_wc_terrain_without_crs",
        "wifi_coverage",
        WC,
        "refused",
        "système de coordonnées",
        setup=strip_crs("nocrs.tif"),
        changes={"TERRAIN": "{d}/nocrs.tif"},
        french=True,
    ),
    case(
        "fr_sp_no_roof_above_minimum",
        "solar_potential",
        SP,
        "warned",
        "est vide",
        changes={"MIN_AREA": "1000000"},
        french=True,
    ),
    case(
        "fr_em_logo_not_an_image",
        "export_map",
        EM,
        "refused",
        "n'est pas une image",
        setup=write_text("logo.png", "x"),
        changes={"LOGO": "{d}/logo.png"},
        french=True,
    ),
]


# --- running them ------------------------------------------------------------------------------
def build_inputs(folder: Path) -> Path:
    """mini.gpkg (the sample around the hotspots), terrain.tif and model.json, once.

    Written by GDAL's command-line tools: the Python bindings' VectorTranslate crashed the test
    process on GDAL 3.10 (QGIS 3.40), where QGIS holds the same library."""
    gpkg = folder / "mini.gpkg"
    # a private copy: the suite's QGIS session may hold the sample open (WAL), which crashed
    # GDAL 3.10's ogr2ogr reading it from another process
    sample = folder / "sample.gpkg"
    shutil.copyfile(SAMPLE, sample)
    for position, table in enumerate(TABLES):
        command = ["ogr2ogr", "-f", "GPKG"]
        if position:
            command.append("-update")
        if table not in WHOLE_TABLES:
            command += ["-spat", *(str(value) for value in BBOX)]
        command += [str(gpkg), str(sample), table]
        subprocess.run(command, check=True, capture_output=True, timeout=120)
    west, south, east, north = BBOX
    subprocess.run(
        ["gdal_translate", "-q", "-projwin", str(west), str(north), str(east), str(south),
         f"GPKG:{sample}:terrain", str(folder / "terrain.tif")],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    (folder / "model.json").write_text(MODEL, encoding="utf-8")
    sample.unlink()
    return folder


def profile(folder: Path, plugins: Path, french: bool) -> Path:
    """A throw-away QGIS profile with the plugin enabled (and the French locale)."""
    subprocess.run(
        ["/usr/bin/qgis_process.bin", "plugins", "enable", "territoire_numerique"],
        env=environment(plugins, folder, french),
        capture_output=True,
        check=True,
        timeout=120,
    )
    if french:
        ini = folder / "profiles" / "default" / "QGIS" / "QGIS3.ini"
        with ini.open("a", encoding="utf-8") as handle:
            handle.write("\n[locale]\nuserLocale=fr_FR\noverrideFlag=true\n")
    return folder


def environment(plugins: Path, profile_folder: Path, french: bool) -> dict[str, str]:
    variables = dict(os.environ, QGIS_PLUGINPATH=str(plugins), QGIS_CUSTOM_CONFIG_PATH=str(profile_folder))
    variables["QT_QPA_PLATFORM"] = "offscreen"
    if french:
        variables.update(LANG="fr_FR.UTF-8", LC_ALL="fr_FR.UTF-8", LANGUAGE="fr")
    return variables


def table_digests(path: Path) -> dict[str, str]:
    """A digest of every table of a GeoPackage (rows in fid order)."""
    import sqlite3

    with sqlite3.connect(path) as connection:
        tables = [name for (name,) in connection.execute("SELECT table_name FROM gpkg_contents")]
        return {
            table: hashlib.md5(
                repr(connection.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()).encode()
            ).hexdigest()
            for table in tables
        }


def checksums(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.md5(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def run_case(
    item: Case, inputs: Path, root: Path, plugins: Path, profiles: dict[bool, Path], mounts: dict[str, Path]
) -> dict:
    if any(f"{{{name}}}" in value for name in MOUNTS for value in item.parameters.values()) and not mounts:
        return {"skipped": True}
    folder = root / item.id
    folder.mkdir()
    for name in ("mini.gpkg", "terrain.tif", "model.json"):
        shutil.copyfile(inputs / name, folder / name)
    if item.setup is not None:
        item.setup(folder)
    before = checksums(folder)
    tables_before = {name: table_digests(folder / name) for name in item.grows}
    places = {"d": folder, **mounts}

    def place(value: str) -> str:
        for name, path in places.items():
            value = value.replace(f"{{{name}}}", str(path))
        return value

    arguments = [f"{key}={place(value)}" for key, value in item.parameters.items()]
    completed = subprocess.run(
        ["/usr/bin/qgis_process.bin", "run", f"territoire:{item.algorithm}", "--", *arguments],
        env={**environment(plugins, profiles[item.french], item.french), **item.env},
        capture_output=True,
        text=True,
        timeout=300,
        cwd=folder,
    )
    after = checksums(folder)
    grown = []
    for name, digests in tables_before.items():
        now = table_digests(folder / name)
        grown += [f"{name}|{table}" for table, digest in digests.items() if now.get(table) != digest]
        before.pop(name)
    text = completed.stdout + completed.stderr
    # a warning may follow the progress dots on their line ("..20.WARNING:\t…")
    warnings = [line for line in text.splitlines() if re.search(r"(WARNING|AVERTISSEMENT)\s*:", line)]
    return {
        "returncode": completed.returncode,
        "text": text,
        "warnings": warnings,
        "changed": sorted(grown + [name for name, digest in before.items() if after.get(name) != digest]),
        "present": sorted(after),
    }


#: Small file systems the module mounts (as root): a 1 MB one (a full disk) and a read-only one.
MOUNTS = {"full": "size=1m", "readonly": "ro,size=1m"}


def mount_small_file_systems(base: Path) -> dict[str, Path]:
    """Mount MOUNTS under ``base``; {} where mounting is not allowed (not root, no tmpfs)."""
    mounted: dict[str, Path] = {}
    for name, options in MOUNTS.items():
        point = base / name
        point.mkdir()
        command = ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(point)]
        if shutil.which("mount") is None or subprocess.run(command, capture_output=True).returncode != 0:
            unmount(mounted)
            return {}
        mounted[name] = point
    return mounted


def unmount(mounted: dict[str, Path]) -> None:
    for point in mounted.values():
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory, request) -> Iterator[dict[str, dict]]:
    """Every selected case run once, in parallel (``-k`` runs only the cases it selects)."""
    selected = {
        test.callspec.params["item"].id
        for test in request.session.items
        if hasattr(test, "callspec") and "item" in test.callspec.params
    }
    if not QM.exists() or QM.stat().st_mtime < TS.stat().st_mtime:
        subprocess.run(["lrelease", "-silent", str(TS), "-qm", str(QM)], check=True)
    base = tmp_path_factory.mktemp("bad_input")
    plugins = base / "plugins"
    plugins.mkdir()
    (plugins / "territoire_numerique").symlink_to(REPO_ROOT, target_is_directory=True)
    inputs = build_inputs(base)
    profiles = {french: profile(base / f"profile_{french}", plugins, french) for french in (False, True)}
    root = base / "cases"
    root.mkdir()
    mounts = mount_small_file_systems(base)
    try:
        with ThreadPoolExecutor(max_workers=3) as pool:
            futures = {
                item.id: pool.submit(run_case, item, inputs, root, plugins, profiles, mounts)
                for item in CASES
                if item.id in selected
            }
            yield {name: future.result() for name, future in futures.items()}
    finally:
        unmount(mounts)


def outcome_class(result: dict) -> str:
    if result["returncode"] != 0:
        return "refused"
    return "warned" if result["warnings"] else "succeeded"


@pytest.mark.parametrize("item", CASES, ids=[item.id for item in CASES])
def test_bad_input(outcomes, item):
    result = outcomes[item.id]
    if result.get("skipped"):
        pytest.skip("small file systems cannot be mounted here (mount needs root)")
    text = result["text"]
    assert outcome_class(result) == item.expected, text[-3000:]
    shown = text if item.expected != "warned" else "\n".join(result["warnings"])
    for word in item.words:
        assert word in shown, f"{word!r} not in:\n{shown[-3000:]}"
    for word in item.absent:
        assert word not in text, f"{word!r} shown:\n{text[-3000:]}"
    assert not any(marker in text for marker in TRACEBACK_MARKERS), text[-3000:]
    changed = [name for name in result["changed"] if name not in item.gone]
    assert not changed, f"inputs changed: {changed}\n{text[-2000:]}"
    for name in item.previous:
        assert name in result["present"], f"{name} is not there after the run"
    for name in item.gone:
        assert name not in result["present"], f"the stale temporary {name} was left"
    leftovers = [name for name in result["present"] if ".tn" in name and name not in item.gone]
    assert not leftovers, leftovers


def test_the_table_covers_every_algorithm_and_outcome():
    algorithms = {item.algorithm for item in CASES}
    assert len(algorithms) == 11
    for algorithm in algorithms:
        assert len([item for item in CASES if item.algorithm == algorithm]) >= 10, algorithm
    assert {item.expected for item in CASES} == {"refused", "warned", "succeeded"}
    assert sum(item.french for item in CASES) >= 6
