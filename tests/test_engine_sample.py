"""The bundled sample territory (resources/sample/territoire_sample.gpkg) and its generator."""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import sqlite3
import sys
from pathlib import Path

import fiona
import geopandas as gpd
import networkx as nx
import numpy as np
import pytest
import rasterio
from shapely.geometry import Point
from shapely.ops import unary_union

from territoire_numerique.engine.provenance import read_sources
from territoire_numerique.engine.shapely_compat import GEOS_VERSION, GeometryIndex

REPO = Path(__file__).resolve().parents[1]
GPKG = REPO / "resources" / "sample" / "territoire_sample.gpkg"
TERRITORIES = REPO / "resources" / "territories.csv"
SHARED_DATA = REPO.parent / "shared" / "data"

SCHEMA = {  # DEVELOPERS.md, "Sample territory"
    "communes": ("MultiPolygon", ["code_insee", "name", "epci", "population"]),
    "industrial_sites": ("Point", [
        "site_id", "name", "siret", "code_insee", "commune", "naf", "naf_label", "eprtr_activity", "regime",
        "seveso", "ied", "status", "geocode_source", "geocode_quality", "raw_x", "raw_y", "raw_crs"]),
    "industrial_waste": ("Point", [
        "site_id", "site_name", "waste_code", "hazardous", "tonnes", "operation", "destination", "year"]),
    "waste_facilities": ("Point", [
        "facility_id", "name", "kind", "accepts", "capacity_t", "hazardous_ok", "operation"]),
    "waste_points": ("Point", [
        "point_id", "name", "kind", "streams", "operator", "opening_hours", "code_insee"]),
    "buildings": ("Polygon", [
        "building_id", "code_insee", "usage", "height", "dwellings", "population", "floor_area"]),
    "fibre": ("Point", ["building_id", "code_insee", "premises", "best_techno", "ftth", "best_down_class"]),
    "solar": ("Polygon", [
        "roof_id", "building_id", "usage", "roof_area", "usable_area", "irradiation", "potential_kwp",
        "potential_kwh"]),
    "port_zones": ("MultiPolygon", ["zone_id", "name", "kind"]),
    "roads": ("LineString", ["road_id", "name", "road_class"]),
    "public_buildings": ("Point", ["building_id", "name", "kind", "code_insee", "has_wifi"]),
    "wifi_hotspots": ("Point", ["hotspot_id", "name", "eirp_dbm", "height_m", "frequency_mhz", "code_insee"]),
    "street_furniture": ("Point", ["furniture_id", "name", "kind", "height_m", "cost_eur", "code_insee"]),
}
REAL = {"communes", "industrial_sites"}


def load_generator():
    """scripts/make_sample.py as a module (scripts/ is not a package)."""
    if "make_sample" not in sys.modules:
        spec = importlib.util.spec_from_file_location("make_sample", REPO / "scripts" / "make_sample.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["make_sample"] = module
        spec.loader.exec_module(module)
    return sys.modules["make_sample"]


def layer(name: str) -> gpd.GeoDataFrame:
    return gpd.read_file(GPKG, layer=name)


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, (float, np.floating)):
        return f"{value:.3f}"
    return str(value)


def frame_digest(frame: gpd.GeoDataFrame, columns: list[str]) -> str:
    """A hash of the attributes of a layer."""
    digest = hashlib.sha256()
    for row in frame[columns].itertuples(index=False):
        digest.update("|".join(_text(value) for value in row).encode())
    return digest.hexdigest()


#: How far a regenerated geometry may lie from the committed one (m): GEOS versions round and
#: node buffers and intersections differently, by far less than this.
GEOMETRY_TOLERANCE_M = 0.05


def assert_same_layer(
    frame: gpd.GeoDataFrame, committed: gpd.GeoDataFrame, columns: list[str], name: str
) -> None:
    """Same rows, same attributes, geometries within GEOMETRY_TOLERANCE_M of the committed ones."""
    assert len(frame) == len(committed), name
    assert frame_digest(frame, columns) == frame_digest(committed, columns), name
    apart = [
        made.hausdorff_distance(stored) for made, stored in zip(frame.geometry, committed.geometry)
    ]
    assert max(apart, default=0.0) < GEOMETRY_TOLERANCE_M, name


def test_gpkg_is_small_and_has_every_table_with_the_schema_fields():
    assert GPKG.exists()
    assert GPKG.stat().st_size < 25e6
    assert set(fiona.listlayers(GPKG)) >= {*SCHEMA, "sources"}
    for name, (geometry_type, fields) in SCHEMA.items():
        with fiona.open(GPKG, layer=name) as source:
            assert source.schema["geometry"] == geometry_type, name
            assert list(source.schema["properties"]) == fields, name
            assert source.crs_wkt and fiona.crs.CRS.from_wkt(source.crs_wkt).to_epsg() == 2154, name
            assert len(source) > 0, name


def test_boolean_fields_are_geopackage_booleans():
    with sqlite3.connect(f"file:{GPKG}?mode=ro", uri=True) as connection:
        for table, column in [("fibre", "ftth"), ("industrial_waste", "hazardous"),
                              ("public_buildings", "has_wifi"), ("waste_facilities", "hazardous_ok")]:
            declared = {row[1]: row[2] for row in connection.execute(f"PRAGMA table_info({table})")}
            assert declared[column] == "BOOLEAN", (table, column)


def test_communes_are_the_17_of_the_cud_with_populations():
    communes = layer("communes")
    assert len(communes) == 17
    assert set(communes["epci"]) == {"245900428"}
    assert {"59183", "59271", "59273", "59155"} <= set(communes["code_insee"])
    assert communes["population"].between(200, 100_000).all()
    assert 150_000 < communes["population"].sum() < 250_000
    assert communes.total_bounds == pytest.approx([634_400, 7_090_900, 670_200, 7_110_450], abs=500)


def test_industrial_sites_are_real_irep_establishments_in_the_cud():
    sites = layer("industrial_sites")
    assert sites["site_id"].is_unique
    assert any("ARCELORMITTAL" in name.upper() for name in sites["name"])
    assert any("DK6" in name for name in sites["name"])
    near = unary_union(list(layer("communes").geometry)).buffer(2000)
    assert all(near.contains(point) for point in sites.geometry)
    quality = sites["geocode_quality"].dropna()
    assert quality.between(0, 1).all()
    assert sites["raw_x"].notna().all() and sites["raw_crs"].notna().all()
    assert {"EPSG:27572", "EPSG:4326", "unknown"} <= set(sites["raw_crs"])


def test_raw_crs_guess_checks_the_raw_coordinates_against_the_corrected_point():
    generator = load_generator()
    dk6 = Point(generator.l93(2.317675, 51.029202))  # corrected geocoding of the DK6 power plant
    assert generator.guess_raw_crs("599262.61", "2672819.46", dk6) == "EPSG:27572"
    assert generator.guess_raw_crs("599.26261", "2672.81946", dk6) == "EPSG:27572 (km)"
    assert generator.guess_raw_crs("2.317675", "51.029202", dk6) == "EPSG:4326"
    assert generator.guess_raw_crs("51.029202", "2.317675", dk6) == "EPSG:4326 (X/Y swapped)"
    x, y = generator.l93(2.317675, 51.029202)
    assert generator.guess_raw_crs(str(x), str(y), dk6) == "EPSG:2154"
    assert generator.guess_raw_crs("59.11", "10.6", dk6) == "unknown"
    assert generator.guess_raw_crs("", "n/a", dk6) == "unknown"
    far = Point(generator.l93(0.1, 49.5))  # the same raw values do not fit a point near Le Havre
    assert generator.guess_raw_crs("599262.61", "2672819.46", far) == "unknown"


def test_buildings_are_inside_the_communes_and_do_not_overlap():
    buildings = layer("buildings")
    assert 15_000 <= len(buildings) <= 25_000
    assert buildings["building_id"].is_unique
    land = unary_union(list(layer("communes").geometry)).buffer(0.01)
    assert all(land.contains(geometry) for geometry in buildings.geometry)
    usages = {"residential", "industrial", "commercial", "public", "agricultural", "annex"}
    assert set(buildings["usage"]) <= usages
    assert (buildings["height"] > 0).all()
    residential = buildings[buildings["usage"] == "residential"]
    assert (residential["dwellings"] >= 1).all()
    assert residential["population"].to_numpy() == pytest.approx(residential["dwellings"].to_numpy() * 2.1)
    # dense centres: Dunkerque has more buildings than any other commune
    per_commune = buildings.groupby("code_insee").size()
    assert per_commune.idxmax() == "59183"
    sample = buildings.sample(2000, random_state=1)
    geometries = list(buildings.geometry)
    tree = GeometryIndex(geometries)
    for geometry in sample.geometry:
        overlapping = [k for k in tree.query(geometry) if geometries[k].intersection(geometry).area > 0.01]
        assert len(overlapping) == 1  # itself


def test_roads_form_one_connected_graph_with_shared_endpoints():
    roads = layer("roads")
    assert {"motorway", "primary", "local"} <= set(roads["road_class"])
    graph = nx.Graph()
    for line in roads.geometry:
        graph.add_edge(line.coords[0], line.coords[-1])
    assert nx.is_connected(graph)
    assert graph.number_of_nodes() > 1000
    names = set(roads.loc[roads["road_class"] == "motorway", "name"])
    assert names == {"A16", "A25"}


def test_port_zones_and_derived_layers_are_consistent():
    ports = layer("port_zones")
    assert set(ports["name"]) == {"Port Est", "Port Ouest"}
    land = unary_union(list(layer("communes").geometry)).buffer(0.01)
    assert all(land.contains(zone) for zone in ports.geometry)
    buildings = layer("buildings").set_index("building_id")
    industrial = buildings[buildings["usage"] == "industrial"]
    assert len(industrial) > 100
    fibre = layer("fibre")
    assert fibre["building_id"].is_unique and fibre["building_id"].isin(buildings.index).all()
    assert fibre["best_techno"].isin(["FO", "COAX", "CU", "4GF", "THDR", "SAT"]).all()
    assert (fibre["ftth"] == (fibre["best_techno"] == "FO")).all()
    rates = fibre.groupby("code_insee")["ftth"].mean()
    assert rates["59183"] > 0.8 and rates.min() < 0.6  # gaps in villages
    solar = layer("solar")
    assert (solar["usable_area"] <= solar["roof_area"] * 0.7 + 0.1).all()
    assert solar["irradiation"].between(1000, 1150).all()
    assert solar["potential_kwp"].to_numpy() == pytest.approx(solar["usable_area"].to_numpy() * 0.2, abs=0.01)
    public = layer("public_buildings")
    assert public["building_id"].isin(buildings.index).all()
    assert (buildings.loc[public["building_id"], "usage"] == "public").all()
    assert (public["kind"] == "town_hall").sum() == 17
    assert 8 <= public["has_wifi"].sum() <= 12
    hotspots = layer("wifi_hotspots")
    assert len(hotspots) == 14 and (hotspots["code_insee"] == "59183").all()
    assert set(hotspots["eirp_dbm"]) == {20.0} and set(hotspots["frequency_mhz"]) == {2437.0}
    # the hotspots of public buildings hang on their facade: just outside the footprint
    footprints = buildings.geometry
    for name, point in zip(hotspots["name"], hotspots.geometry):
        building = public.loc[public["name"] == name.removeprefix("Wi-Fi public – "), "building_id"]
        if len(building):
            footprint = footprints[building.iloc[0]]
            assert not footprint.contains(point) and footprint.distance(point) == pytest.approx(1.5, abs=0.02)


def test_street_furniture_lines_the_streets_of_the_dense_centres():
    furniture = layer("street_furniture")
    assert furniture["furniture_id"].is_unique and furniture["code_insee"].notna().all()
    counts = furniture["kind"].value_counts()
    assert counts["lamp_post"] > 1000 and counts["bus_shelter"] >= 20 and counts["kiosk"] >= 8
    heights = furniture.groupby("kind")["height_m"].unique()
    assert {kind: list(values) for kind, values in heights.items()} == {
        "bus_shelter": [2.7], "kiosk": [3.0], "lamp_post": [4.0]}
    assert (furniture["cost_eur"] > 0).all()
    assert furniture["name"].str.match(r"^(Lampadaire|Abribus|Kiosque) \d+ – ").all()
    roads = unary_union(list(layer("roads").geometry))
    assert all(roads.distance(point) < 0.01 for point in furniture.geometry.iloc[::25])
    centre = furniture[furniture["name"].str.endswith("– Dunkerque-Centre")]
    assert len(centre) > 150 and (centre["code_insee"] == "59183").all()
    style = (REPO / "resources" / "styles" / "street_furniture.qml").read_text(encoding="utf-8")
    assert 'attr="kind"' in style and all(f'value="{kind}"' in style for kind in counts.index)


def test_waste_layers():
    points = layer("waste_points")
    counts = points["kind"].value_counts()
    assert counts["decheterie"] >= 8 and counts["container"] >= 100 and counts["transfer_station"] >= 1
    assert points["code_insee"].notna().all()
    facilities = layer("waste_facilities")
    assert len(facilities) >= 12
    assert facilities["kind"].isin(["incinerator", "recycler", "landfill", "industrial_user",
                                    "transfer_station"]).all()
    assert facilities["hazardous_ok"].any() and facilities["capacity_t"].isna().any()
    waste = layer("industrial_waste")
    sites = layer("industrial_sites")
    assert set(waste["site_id"]) == set(sites["site_id"])
    assert waste.groupby("site_id").size().between(2, 6).all()
    assert (waste["hazardous"] == waste["waste_code"].str.endswith("*")).all()
    assert waste["waste_code"].str.match(r"^\d\d \d\d \d\d\*?$").all()
    assert (waste["tonnes"] > 0).all() and set(waste["year"]) == {2019}
    assert waste["operation"].str.match(r"^[RD]\d+$").all()
    steel = waste[waste["site_name"].str.upper().str.contains("ARCELORMITTAL")]
    assert steel["waste_code"].str.startswith("10 02").any()


def test_terrain_raster_is_a_float32_dtm_in_the_gpkg():
    with rasterio.open(f"GPKG:{GPKG}:terrain") as raster:
        assert raster.crs.to_epsg() == 2154
        assert raster.res == (10.0, 10.0)
        assert raster.dtypes[0] == "float32"
        values = raster.read(1, masked=True)
        # nodata outside the communes, polders low, dunes up to ~25 m
        assert 0.2 < values.mask.mean() < 0.8
        assert values.min() >= 0 and 15 < values.max() < 35
        assert np.ma.median(values) < 5
        coast_east = next(raster.sample([(665_000, 7_108_500)]))[0]
        inland = next(raster.sample([(643_000, 7_095_000)]))[0]
        assert coast_east > inland


def test_sources_describe_every_layer():
    sources = read_sources(GPKG)
    assert set(sources) == {*SCHEMA, "terrain"}
    for name, source in sources.items():
        assert source.synthetic == (name not in REAL), name
        assert source.title and source.licence and source.attribution
        if source.synthetic:
            assert "synthétique" in source.title.lower() and "synthétiques" in source.note
    assert "IREP 2019" in sources["industrial_sites"].attribution
    assert "ODbL" in sources["industrial_sites"].licence


def test_territories_csv_lists_the_communes_and_the_epci():
    with open(TERRITORIES, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["code", "name", "kind", "departement", "epci"]
    epci = [row for row in rows if row["kind"] == "epci"]
    assert [(row["code"], row["name"]) for row in epci] == [("245900428", "Communauté urbaine de Dunkerque")]
    communes = [row for row in rows if row["kind"] == "commune"]
    assert len({row["code"] for row in communes}) == len(communes) > 2000
    assert {row["departement"] for row in communes} == {"59", "62", "76"}
    cud = [row for row in communes if row["epci"] == "245900428"]
    assert len(cud) == 17 and {row["departement"] for row in cud} == {"59"}
    havre = next(row for row in communes if row["code"] == "76351")
    assert "Havre" in havre["name"] and havre["epci"] == ""  # the source drops articles: "Havre"


@pytest.mark.skipif(not SHARED_DATA.exists(), reason="needs ../shared/data (the real extracts)")
def test_generator_is_deterministic_and_matches_the_committed_gpkg():
    """Regenerate the core layers (the ones all others derive from): with the GEOS that made the
    committed file they are the file's; with another GEOS (which nodes roads differently) a
    second run gives the same layers again."""
    generator = load_generator()
    core = ("communes", "industrial_sites", "port_zones", "roads", "buildings")
    made = dict(zip(core, generator.core_layers(generator.SEED, SHARED_DATA)))
    if GEOS_VERSION[:2] == generator.MADE_WITH_GEOS:
        reference = {name: layer(name) for name in core}
    else:
        reference = dict(zip(core, generator.core_layers(generator.SEED, SHARED_DATA)))
    columns = {name: SCHEMA[name][1] for name in core}
    columns["buildings"] = ["building_id", "code_insee", "height", "floor_area"]
    for name in core:
        assert_same_layer(made[name], reference[name], columns[name], name)
    # another seed gives another territory
    other = generator.make_roads(unary_union(list(made["communes"].geometry)), np.random.default_rng([1, 9]))
    assert frame_digest(other, ["name"]) != frame_digest(made["roads"], ["name"])
