"""Build the bundled sample territory: ``resources/sample/territoire_sample.gpkg``.

The Communauté urbaine de Dunkerque (EPCI 245900428, 17 communes) in Lambert-93 (EPSG:2154).
Communes and industrial sites are real (``../shared/data``); every other layer is synthetic,
drawn from a seeded numpy generator, so a re-run gives the same GeoPackage.  Also writes
``resources/territories.csv`` (the offline territory list of the dock).

Usage: ``.venv/bin/python scripts/make_sample.py [--seed 2154] [--output PATH] [--data DIR]``.
Qt-free: GeoPandas, Shapely 1.8, Fiona, GDAL, numpy, SciPy, pyproj.
"""

from __future__ import annotations

import argparse
import csv
import math
import sqlite3
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import fiona
import geopandas as gpd
import networkx as nx
import numpy as np
import pandas as pd
from osgeo import gdal, osr
from pyproj import Transformer
from rasterio import features
from rasterio.transform import from_origin
from scipy import ndimage
from shapely import affinity
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, Polygon, box, mapping
from shapely.ops import nearest_points, unary_union
from shapely.prepared import prep

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.append(str(REPO_ROOT))

from engine.outputs import atomic_output  # noqa: E402
from engine.provenance import Source, write_sources  # noqa: E402
from engine.shapely_compat import GeometryIndex  # noqa: E402

SEED = 2154
CRS = "EPSG:2154"
EPCI = "245900428"
EPCI_NAME = "Communauté urbaine de Dunkerque"
DATA_DIR = REPO_ROOT.parent / "shared" / "data"
OUTPUT = REPO_ROOT / "resources" / "sample" / "territoire_sample.gpkg"
TERRITORIES_CSV = REPO_ROOT / "resources" / "territories.csv"
# Fixed dates keep the output byte-for-byte reproducible (GDAL stamps gpkg_contents.last_change).
GENERATED = "2026-11-22"
#: GEOS (major, minor) the committed sample was made with (Debian 12). Other GEOS versions node
#: and buffer some geometries differently (GEOS 3.14 splits the roads into 3,122 segments instead
#: of 3,338): there the generator is deterministic but does not reproduce the committed file.
MADE_WITH_GEOS = (3, 11)
OGR_DATE = f"{GENERATED}T00:00:00Z"
SYNTHETIC_NOTE = (
    "Données d'exemple synthétiques — générées par scripts/make_sample.py (graine {seed}) ; "
    "ne décrivent pas la réalité du territoire."
)
NODATA = -9999.0
CELL = 60.0  # building grid cell (m): one block, one non-residential building or 2 x 2 houses
PORT_CELL = 200.0  # industrial building grid cell (m) in the port zones
DTM_RES = 10.0

# The 17 communes of the CUD (INSEE code -> approximate legal population, rounded).
CUD_POPULATION = {
    "59016": 2_600,  # Armbouts-Cappel
    "59094": 7_000,  # Bourbourg
    "59107": 4_500,  # Bray-Dunes
    "59131": 7_800,  # Cappelle-la-Grande
    "59155": 21_000,  # Coudekerque-Branche
    "59159": 700,  # Craywick
    "59183": 86_000,  # Dunkerque
    "59260": 4_300,  # Ghyvelde
    "59271": 20_500,  # Grande-Synthe
    "59272": 5_000,  # Grand-Fort-Philippe
    "59273": 11_200,  # Gravelines
    "59340": 4_200,  # Leffrinckoucke
    "59359": 6_200,  # Loon-Plage
    "59532": 300,  # Saint-Georges-sur-l'Aa
    "59576": 1_800,  # Spycker
    "59588": 8_300,  # Téteghem-Coudekerque-Village
    "59668": 1_600,  # Zuydcoote
}

_TO_L93 = Transformer.from_crs("EPSG:4326", CRS, always_xy=True)


def l93(lon: float, lat: float) -> tuple[float, float]:
    """Lambert-93 coordinates of a WGS84 longitude/latitude."""
    x, y = _TO_L93.transform(lon, lat)
    return float(x), float(y)


@dataclass(frozen=True)
class Centre:
    """A settlement: drives building density, streets, roads and public buildings."""

    name: str
    code_insee: str
    lon: float
    lat: float
    sigma: float  # spread of the building density (m)
    peak: float  # cell occupation probability at the centre
    dense: bool  # town centre with a street grid and apartment blocks
    main: bool  # the commune's main centre (town hall)

    @property
    def xy(self) -> tuple[float, float]:
        return l93(self.lon, self.lat)


CENTRES = [
    Centre("Dunkerque-Centre", "59183", 2.3768, 51.0344, 750, 0.95, True, True),
    Centre("Malo-les-Bains", "59183", 2.4000, 51.0475, 600, 0.95, True, False),
    Centre("Rosendaël", "59183", 2.4020, 51.0380, 650, 0.9, True, False),
    Centre("Saint-Pol-sur-Mer", "59183", 2.3450, 51.0300, 600, 0.9, True, False),
    Centre("Petite-Synthe", "59183", 2.3300, 51.0180, 650, 0.85, True, False),
    Centre("Fort-Mardyck", "59183", 2.3080, 51.0290, 350, 0.8, False, False),
    Centre("Mardyck", "59183", 2.2450, 51.0160, 220, 0.7, False, False),
    Centre("Grande-Synthe", "59271", 2.3028, 51.0139, 750, 0.92, True, True),
    Centre("Coudekerque-Branche", "59155", 2.3936, 51.0226, 700, 0.92, True, True),
    Centre("Gravelines", "59273", 2.1281, 50.9869, 600, 0.9, True, True),
    Centre("Petit-Fort-Philippe", "59273", 2.1130, 51.0040, 250, 0.8, False, False),
    Centre("Grand-Fort-Philippe", "59272", 2.1047, 51.0004, 420, 0.85, False, True),
    Centre("Loon-Plage", "59359", 2.2178, 50.9969, 480, 0.8, False, True),
    Centre("Bourbourg", "59094", 2.1958, 50.9475, 480, 0.85, False, True),
    Centre("Craywick", "59159", 2.2350, 50.9703, 230, 0.6, False, True),
    Centre("Saint-Georges-sur-l'Aa", "59532", 2.1625, 50.9697, 180, 0.6, False, True),
    Centre("Spycker", "59576", 2.3211, 50.9697, 300, 0.65, False, True),
    Centre("Armbouts-Cappel", "59016", 2.3528, 50.9783, 330, 0.7, False, True),
    Centre("Cappelle-la-Grande", "59131", 2.3656, 50.9986, 500, 0.85, False, True),
    Centre("Téteghem", "59588", 2.4431, 51.0189, 480, 0.8, False, True),
    Centre("Coudekerque-Village", "59588", 2.4200, 50.9980, 230, 0.6, False, False),
    Centre("Leffrinckoucke", "59340", 2.4633, 51.0345, 400, 0.8, False, True),
    Centre("Zuydcoote", "59668", 2.4922, 51.0617, 300, 0.75, False, True),
    Centre("Bray-Dunes", "59107", 2.5161, 51.0761, 450, 0.85, False, True),
    Centre("Ghyvelde", "59260", 2.5264, 51.0522, 330, 0.7, False, True),
]

# Port zones (WGS84 outlines, clipped to land): the western and the eastern port of Dunkerque.
PORT_ZONES = [
    (
        "PZ1",
        "Port Ouest",
        [(2.140, 51.000), (2.150, 51.030), (2.200, 51.045), (2.262, 51.052), (2.282, 51.043),
         (2.278, 51.025), (2.238, 51.010), (2.190, 51.006), (2.160, 50.998)],
    ),
    (
        "PZ2",
        "Port Est",
        [(2.286, 51.031), (2.290, 51.050), (2.325, 51.062), (2.362, 51.060), (2.368, 51.047),
         (2.352, 51.040), (2.328, 51.036), (2.300, 51.029)],
    ),
]

MOTORWAYS = [
    ("A16", [(2.060, 50.972), (2.150, 50.976), (2.220, 50.984), (2.280, 50.996), (2.330, 51.004),
             (2.372, 51.009), (2.420, 51.017), (2.470, 51.030), (2.520, 51.050), (2.565, 51.072)]),
    ("A25", [(2.372, 51.009), (2.376, 50.992), (2.386, 50.976), (2.402, 50.955), (2.420, 50.935)]),
]

# Waste families by NAF prefix: (List of Waste code, median t/yr, operation).
WASTE_BY_NAF: list[tuple[str, list[tuple[str, float, str]]]] = [
    ("2410", [("10 02 01", 150_000, "R5"), ("10 02 02", 60_000, "R5"), ("10 02 07*", 2_500, "D10"),
              ("10 02 13*", 1_800, "D5"), ("10 02 08", 4_000, "R5"), ("10 02 10", 12_000, "R4"),
              ("17 04 05", 3_000, "R4")]),
    ("2442", [("10 03 04*", 1_500, "D5"), ("10 03 08*", 2_000, "R4"), ("10 03 05", 3_000, "R5"),
              ("10 03 22*", 500, "D9"), ("17 04 02", 800, "R4")]),
    ("2014", [("07 01 08*", 900, "D10"), ("07 01 01*", 2_500, "D9"), ("07 01 04*", 400, "R2"),
              ("07 02 13", 300, "R3"), ("15 01 10*", 80, "R4"), ("16 05 06*", 20, "D10")]),
    ("2015", [("06 10 02*", 300, "D9"), ("06 10 99", 1_200, "R5"), ("07 01 01*", 600, "D9"),
              ("15 01 10*", 40, "R4")]),
    ("2016", [("07 02 13", 500, "R3"), ("07 02 08*", 200, "D10"), ("07 02 01*", 900, "D9"),
              ("15 01 02", 150, "R3")]),
    ("2110", [("07 05 01*", 700, "D9"), ("07 05 04*", 400, "R2"), ("07 05 13*", 60, "D10"),
              ("15 01 02", 100, "R3")]),
    ("3511", [("10 01 01", 20_000, "R5"), ("10 01 02", 15_000, "R5"), ("10 01 05", 5_000, "R5"),
              ("10 01 21", 300, "D5"), ("13 02 05*", 30, "R9")]),
    ("2351", [("10 13 06", 2_000, "R5"), ("10 13 14", 1_000, "R5"), ("17 01 01", 800, "R5"),
              ("15 01 01", 60, "R3")]),
    ("5210", [("05 01 03*", 400, "D10"), ("05 01 09*", 250, "D9"), ("13 05 02*", 300, "R9"),
              ("16 07 08*", 150, "D10")]),
    ("1920", [("05 01 03*", 800, "D10"), ("05 01 09*", 500, "D9"), ("05 01 17", 1_000, "R5")]),
    ("10", [("02 02 04", 1_500, "R3"), ("02 02 03", 800, "R3"), ("15 01 01", 200, "R3"),
            ("20 03 01", 300, "R1")]),
    ("11", [("02 07 02", 5_000, "R1"), ("02 07 05", 2_000, "R3"), ("15 01 01", 100, "R3")]),
    ("3", [("19 08 14", 1_500, "R3"), ("19 12 12", 4_000, "R1"), ("19 02 05*", 600, "D10"),
           ("19 08 05", 2_000, "R3")]),
]
WASTE_DEFAULT = [("15 01 01", 150, "R3"), ("15 01 02", 80, "R3"), ("20 03 01", 200, "R1"),
                 ("13 02 05*", 10, "R9"), ("15 01 10*", 15, "R4")]

FACILITIES = [
    # name, kind, accepts, capacity (t/yr, None = unlimited), hazardous_ok, operation, lon, lat
    ("Unité de valorisation énergétique", "incinerator", "20 03 01, 19 12 12, 15 01 01, 15 01 02, 02 * *",
     150_000, False, "R1", 2.335, 51.046),
    ("Incinérateur de déchets dangereux", "incinerator", "07 * *, 16 05 06*, 15 01 10*, 13 * *, 05 01 *",
     60_000, True, "D10", 2.215, 51.030),
    ("Cimenterie (laitiers sidérurgiques)", "industrial_user", "10 02 *, 10 01 02, 10 13 *",
     1_200_000, False, "R5", 2.305, 51.040),
    ("Recycleur de métaux", "recycler", "17 04 *, 19 10 *, 19 12 02", 300_000, False, "R4", 2.350, 51.050),
    ("Régénération de solvants", "recycler", "07 * *, 14 06 *", 40_000, True, "R2", 2.245, 51.040),
    ("Installation de stockage de déchets non dangereux", "landfill",
     "17 * *, 19 * *, 20 * *, 10 01 *, 10 13 *", None, False, "D5", 2.232, 50.962),
    ("Installation de stockage de déchets dangereux", "landfill",
     "10 02 07*, 10 02 13*, 10 03 *, 19 01 *, 19 02 *, 06 * *", 80_000, True, "D5", 2.185, 51.020),
    ("Plate-forme de compostage", "recycler", "02 * *, 20 02 01, 19 08 05", 30_000, False, "R3",
     2.300, 50.985),
    ("Centre de tri des emballages", "recycler", "15 01 *, 20 01 01, 20 01 39", 45_000, False, "R3",
     2.320, 51.010),
    ("Chaufferie à combustibles de récupération", "industrial_user", "19 12 10, 03 01 05, 02 07 02",
     100_000, False, "R1", 2.270, 51.035),
    ("Centre de transit de déchets dangereux", "transfer_station", "13 * *, 15 01 10*, 16 * *",
     20_000, True, "R13", 2.360, 51.045),
    ("Régénération d'huiles usagées", "recycler", "13 01 *, 13 02 *, 13 05 *", 25_000, True, "R9",
     2.200, 51.025),
    ("Valorisation des mâchefers et cendres", "recycler", "10 01 01, 10 01 02, 19 01 12",
     200_000, False, "R5", 2.255, 51.025),
    ("Recyclage des plastiques", "recycler", "07 02 13, 16 01 19, 20 01 39, 15 01 02", 15_000, False, "R3",
     2.298, 51.036),
    ("Aciérie (ferrailles)", "industrial_user", "17 04 05, 19 10 01, 19 12 02, 16 01 17", 500_000, False,
     "R4", 2.318, 51.045),
]


# --------------------------------------------------------------------------------------------
# small helpers


def rect(cx: float, cy: float, length: float, width: float, angle: float) -> Polygon:
    """A rectangle centred on (cx, cy), rotated by ``angle`` degrees, coordinates rounded to cm."""
    half_l, half_w = length / 2, width / 2
    polygon = Polygon([(-half_l, -half_w), (half_l, -half_w), (half_l, half_w), (-half_l, half_w)])
    polygon = affinity.translate(affinity.rotate(polygon, angle, origin=(0, 0)), cx, cy)
    return Polygon([(round(x, 2), round(y, 2)) for x, y in polygon.exterior.coords])


def wgs_polygon(points: Sequence[tuple[float, float]]) -> Polygon:
    return Polygon([l93(lon, lat) for lon, lat in points])


def as_multipolygon(geometry: Polygon | MultiPolygon) -> MultiPolygon:
    if isinstance(geometry, Polygon):
        return MultiPolygon([geometry])
    return MultiPolygon([part for part in geometry.geoms if isinstance(part, Polygon)])


def commune_of(points: Iterable[Point], communes: gpd.GeoDataFrame) -> list[str | None]:
    """INSEE code of the commune containing each point (None outside)."""
    frame = gpd.GeoDataFrame(geometry=list(points), crs=CRS)
    joined = gpd.sjoin(frame, communes[["code_insee", "geometry"]], how="left", predicate="within")
    joined = joined[~joined.index.duplicated(keep="first")]
    return [None if pd.isna(code) else str(code) for code in joined["code_insee"]]


# --------------------------------------------------------------------------------------------
# real layers


def load_communes(data_dir: Path) -> gpd.GeoDataFrame:
    """The 17 CUD communes (IGN Admin Express / INSEE COG), Lambert-93, MultiPolygon."""
    source = gpd.read_file(data_dir / "boundaries" / "communes-59-nord.geojson")
    cud = source[source["code"].isin(CUD_POPULATION)].sort_values("code").to_crs(CRS)
    if len(cud) != len(CUD_POPULATION):
        raise SystemExit(f"expected {len(CUD_POPULATION)} CUD communes, found {len(cud)}")
    return gpd.GeoDataFrame(
        {
            "code_insee": cud["code"].astype(str).tolist(),
            "name": cud["nom"].tolist(),
            "epci": EPCI,
            "population": [CUD_POPULATION[code] for code in cud["code"]],
        },
        geometry=[as_multipolygon(geometry) for geometry in cud.geometry],
        crs=CRS,
    )


_RAW_CRS_CANDIDATES = [
    ("EPSG:2154", 1.0),
    ("EPSG:27572", 1.0),
    ("EPSG:27561", 1.0),
    ("EPSG:27572", 1000.0),
    ("EPSG:2154", 1000.0),
    ("EPSG:4326", 1.0),
]


@cache
def _to_l93_from(crs: str) -> Transformer:
    return Transformer.from_crs(crs, CRS, always_xy=True)


def guess_raw_crs(raw_x: str, raw_y: str, corrected: Point) -> str:
    """The CRS (and unit) the raw IREP coordinates were declared in, judged by the corrected point.

    The nearest candidate within 10 km of the corrected geocoding wins (the candidates differ by
    hundreds of km); otherwise "unknown".
    """
    try:
        x, y = float(raw_x), float(raw_y)
    except ValueError:
        return "unknown"
    best, best_distance = "unknown", 10_000.0
    for crs, factor in _RAW_CRS_CANDIDATES:
        for a, b, swapped in ((x, y, False), (y, x, True)):
            px, py = _to_l93_from(crs).transform(a * factor, b * factor)
            if not (math.isfinite(px) and math.isfinite(py)):
                continue
            distance = corrected.distance(Point(px, py))
            if distance < best_distance:
                label = crs if factor == 1 else f"{crs} (km)"
                best, best_distance = (f"{label} (X/Y swapped)" if swapped else label), distance
    return best


def load_industrial_sites(data_dir: Path, communes: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """IREP 2019 establishments within 2 km of the CUD, placed with the corrected geocoding."""
    table = pd.read_csv(data_dir / "irep" / "irep_2019_emissions_59_62_76.csv", dtype=str)
    sites = table.drop_duplicates("Identifiant").sort_values("Identifiant")
    sites = sites[sites["latitude"].notna() & sites["longitude"].notna()]
    points = [Point(l93(float(lon), float(lat))) for lon, lat in zip(sites["longitude"], sites["latitude"])]
    area = prep(unary_union(list(communes.geometry)).buffer(2000))
    keep = [area.contains(point) for point in points]
    sites = sites[keep]
    points = [point for point, kept in zip(points, keep) if kept]
    quality = pd.to_numeric(sites["geocode_qualite"], errors="coerce")
    source_label = [
        src if q == q else f"{src} (précision : {raw})"  # NaN quality: a textual precision, e.g. commune
        for src, q, raw in zip(sites["geocode_src"], quality, sites["geocode_qualite"])
    ]
    return gpd.GeoDataFrame(
        {
            "site_id": sites["Identifiant"].tolist(),
            "name": sites["Nom_Etablissement"].str.strip().tolist(),
            "siret": sites["Numero_SIRET"].tolist(),
            "code_insee": commune_of(points, communes),
            "commune": sites["Commune"].str.title().tolist(),
            "naf": sites["Code_APE"].tolist(),
            "naf_label": sites["Libelle_APE"].tolist(),
            "eprtr_activity": [
                f"{code} {label}".strip() if isinstance(code, str) else None
                for code, label in zip(sites["code_eprtr"], sites["libelle_eprtr"].fillna(""))
            ],
            "regime": None,
            "seveso": None,
            "ied": None,
            "status": None,
            "geocode_source": source_label,
            "geocode_quality": [None if q != q else float(q) for q in quality],
            "raw_x": sites["Coordonnees_X"].tolist(),
            "raw_y": sites["Coordonnees_Y"].tolist(),
            "raw_crs": [
                guess_raw_crs(str(x), str(y), point)
                for x, y, point in zip(sites["Coordonnees_X"], sites["Coordonnees_Y"], points)
            ],
        },
        geometry=[Point(round(p.x, 2), round(p.y, 2)) for p in points],
        crs=CRS,
    )


# --------------------------------------------------------------------------------------------
# synthetic layers


def make_port_zones(land: Polygon | MultiPolygon) -> gpd.GeoDataFrame:
    rows, geometries = [], []
    for zone_id, name, outline in PORT_ZONES:
        rows.append({"zone_id": zone_id, "name": name, "kind": "port_industrial"})
        geometries.append(as_multipolygon(wgs_polygon(outline).intersection(land)))
    return gpd.GeoDataFrame(rows, geometry=geometries, crs=CRS)


def _snap(value: float) -> float:
    return round(value / CELL) * CELL


def _street_grid(cx: float, cy: float, radius: float, spacing: float) -> list[LineString]:
    """Streets on the building-cell boundaries around a (snapped) centre."""
    lines = []
    steps = int(radius // spacing)
    for k in range(-steps, steps + 1):
        offset = k * spacing
        half = math.sqrt(max(radius**2 - offset**2, 0.0))
        half = max(spacing, math.floor(half / spacing) * spacing)
        lines.append(LineString([(cx - half, cy + offset), (cx + half, cy + offset)]))
        lines.append(LineString([(cx + offset, cy - half), (cx + offset, cy + half)]))
    return lines


def make_roads(land: Polygon | MultiPolygon, rng: np.random.Generator) -> gpd.GeoDataFrame:
    """A connected network: motorways, primaries/secondaries between centres, local street grids.

    All lines are noded together (split at every intersection, shared endpoints), clipped to the
    territory, and only the largest connected component is kept.
    """
    drafts: list[tuple[LineString, str, str]] = []  # geometry, name, class
    for name, waypoints in MOTORWAYS:
        drafts.append((LineString([l93(lon, lat) for lon, lat in waypoints]), name, "motorway"))
    centres = [(c, (_snap(c.xy[0]), _snap(c.xy[1]))) for c in CENTRES]
    # Roads between centres: a minimum spanning tree plus each centre's second neighbour.
    graph = nx.Graph()
    for i, (_, a) in enumerate(centres):
        for j, (_, b) in enumerate(centres[:i]):
            graph.add_edge(i, j, weight=math.dist(a, b))
    edges = set(nx.minimum_spanning_tree(graph).edges())
    for i, (_, a) in enumerate(centres):
        ranked = sorted((math.dist(a, b), j) for j, (_, b) in enumerate(centres) if j != i)
        edges.add(tuple(sorted((i, ranked[1][1]))))
    for i, j in sorted(tuple(sorted(edge)) for edge in edges):
        (ca, a), (cb, b) = centres[i], centres[j]
        length = math.dist(a, b)
        bend = rng.normal(0.0, 0.06) * length
        mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
        nx_, ny_ = -(b[1] - a[1]) / length, (b[0] - a[0]) / length
        line = LineString([a, (mx + bend * nx_, my + bend * ny_), b])
        road_class = "primary" if (ca.dense or cb.dense or (ca.main and cb.main)) else "secondary"
        drafts.append((line, f"Route {ca.name} – {cb.name}", road_class))
    # Each main centre reaches its nearest motorway point (an interchange).
    motorway_union = unary_union([line for line, _, cls in drafts if cls == "motorway"])
    for centre, xy in centres:
        if not centre.main:
            continue
        target = nearest_points(Point(xy), motorway_union)[1]
        if target.distance(Point(xy)) > 120:
            drafts.append((LineString([xy, (target.x, target.y)]), f"Bretelle {centre.name}", "primary"))
    for centre, (cx, cy) in centres:
        radius = centre.sigma * (1.3 if centre.dense else 0.9)
        for line in _street_grid(cx, cy, radius, 2 * CELL if centre.dense else 3 * CELL):
            drafts.append((line, f"Rue de {centre.name}", "local"))

    area = land.buffer(1500)  # roads may leave the territory briefly (the coast is not straight)
    noded = unary_union([line for line, _, _ in drafts]).intersection(area)
    segments = [seg for seg in getattr(noded, "geoms", [noded]) if isinstance(seg, LineString)]
    rank = {"motorway": 0, "primary": 1, "secondary": 2, "local": 3}
    tree = GeometryIndex([line for line, _, _ in drafts])
    records = []
    for segment in segments:
        if segment.length < 0.5:
            continue
        middle = segment.interpolate(0.5, normalized=True)
        owners = [k for k in tree.query(middle.buffer(0.05)) if drafts[k][0].distance(middle) < 0.05]
        if not owners:
            continue
        _, name, road_class = min((drafts[k] for k in owners), key=lambda d: (rank[d[2]], d[1]))
        coords = [(round(x, 2), round(y, 2)) for x, y in segment.coords]
        records.append((LineString(coords), name, road_class))
    network = nx.Graph()
    for k, (line, _, _) in enumerate(records):
        network.add_edge(line.coords[0], line.coords[-1], key=k)
    largest = max(nx.connected_components(network), key=len)
    kept = [rec for rec in records if rec[0].coords[0] in largest]
    kept.sort(key=lambda rec: (rank[rec[2]], rec[1], rec[0].coords[0], rec[0].coords[-1]))
    return gpd.GeoDataFrame(
        {
            "road_id": [f"R{k + 1:05d}" for k in range(len(kept))],
            "name": [name for _, name, _ in kept],
            "road_class": [cls for _, _, cls in kept],
        },
        geometry=[line for line, _, _ in kept],
        crs=CRS,
    )


def _density(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Cell occupation probability and index of the nearest-weighted centre, per cell centre."""
    free = np.ones_like(x)
    best = np.zeros_like(x)
    owner = np.zeros(x.shape, dtype=int)
    for k, centre in enumerate(CENTRES):
        cx, cy = centre.xy
        value = centre.peak * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * centre.sigma**2))
        free *= 1 - value
        owner = np.where(value > best, k, owner)
        best = np.maximum(best, value)
    return 1 - free, owner


def _fit(rng: np.random.Generator, cx: float, cy: float, half_cell: float, margin: float,
         length: float, width: float, angle: float) -> Polygon:
    """A rectangle jittered inside the disc inscribed in its cell (so cells never overlap)."""
    radius = math.hypot(length, width) / 2
    slack = max(half_cell - margin - radius, 0.0) / math.sqrt(2)
    return rect(cx + rng.uniform(-slack, slack), cy + rng.uniform(-slack, slack), length, width, angle)


def make_buildings(
    land: Polygon | MultiPolygon,
    ports: gpd.GeoDataFrame,
    roads: gpd.GeoDataFrame,
    communes: gpd.GeoDataFrame,
    rng: np.random.Generator,
) -> gpd.GeoDataFrame:
    """Non-overlapping rectangular buildings: towns on a 60 m grid, industry on a 200 m grid."""
    minx, miny, maxx, maxy = land.bounds
    land_ok = prep(land.buffer(-5))
    port_union = unary_union(list(ports.geometry))
    port_ok = prep(port_union.buffer(-15))
    port_block = prep(port_union.buffer(CELL / 2))
    widths = {"motorway": 30.0, "primary": 12.0, "secondary": 9.0}
    major = roads[roads["road_class"] != "local"]
    road_block = prep(unary_union([g.buffer(widths[c]) for g, c in zip(major.geometry, major["road_class"])]))
    angles = rng.uniform(-25, 25, len(CENTRES))
    records: list[tuple[Polygon, str, float]] = []

    def accept(polygon: Polygon) -> bool:
        return land_ok.contains(polygon) and not road_block.intersects(polygon)

    # Industrial buildings in the port zones.
    xs = np.arange(math.floor(minx / PORT_CELL) * PORT_CELL + PORT_CELL / 2, maxx, PORT_CELL)
    ys = np.arange(math.floor(miny / PORT_CELL) * PORT_CELL + PORT_CELL / 2, maxy, PORT_CELL)
    for cy in ys:
        for cx in xs:
            draw = rng.random(6)
            if draw[0] > 0.45:
                continue
            length, width = 40 + 110 * draw[1], 25 + 35 * draw[2]
            polygon = _fit(rng, cx, cy, PORT_CELL / 2, 10, length, width, 90 * (draw[3] > 0.5) + 4 * draw[4])
            if port_ok.contains(polygon) and accept(polygon):
                records.append((polygon, "industrial", 10 + 30 * draw[5] ** 2))

    # Towns, villages and farms on the 60 m grid (outside the port zones).
    xs = np.arange(math.floor(minx / CELL) * CELL + CELL / 2, maxx, CELL)
    ys = np.arange(math.floor(miny / CELL) * CELL + CELL / 2, maxy, CELL)
    grid_x, grid_y = np.meshgrid(xs, ys)
    density, owner = _density(grid_x, grid_y)
    draws = rng.random((*grid_x.shape, 2))
    rural = 0.004
    for (row, col), p in np.ndenumerate(density):
        occupied = draws[row, col, 0] < max(p, rural)
        if not occupied:
            continue
        cx, cy = float(grid_x[row, col]), float(grid_y[row, col])
        cell = box(cx - CELL / 2, cy - CELL / 2, cx + CELL / 2, cy + CELL / 2)
        if not land_ok.contains(cell) or port_block.intersects(cell):
            continue
        centre = CENTRES[owner[row, col]]
        angle = float(angles[owner[row, col]] + rng.normal(0, 3))
        kind = draws[row, col, 1]
        if p < 0.05:  # a farm
            length, width = rng.uniform(15, 35), rng.uniform(10, 18)
            records.append((_fit(rng, cx, cy, CELL / 2, 4, length, width, angle), "agricultural",
                            rng.uniform(5, 9)))
            continue
        if centre.dense and p > 0.45 and kind < 0.4:  # an apartment block
            length, width = rng.uniform(28, 46), rng.uniform(12, 17)
            height = 3.0 * rng.integers(4, 11) + rng.uniform(0, 2)
            records.append((_fit(rng, cx, cy, CELL / 2, 4, length, width, angle), "residential", height))
            continue
        if kind > 0.93 or (centre.dense and kind > 0.86):  # shops, offices, halls
            length, width = rng.uniform(18, 40), rng.uniform(12, 24)
            records.append((_fit(rng, cx, cy, CELL / 2, 4, length, width, angle), "commercial",
                            rng.uniform(5, 12)))
            continue
        for dx in (-CELL / 4, CELL / 4):  # 2 x 2 houses, some with a garden annex
            for dy in (-CELL / 4, CELL / 4):
                if rng.random() > 0.6 + 0.4 * p:
                    continue
                core = centre.dense and p > 0.6  # terraced town houses
                length, width = (rng.uniform(13, 17), rng.uniform(9, 12)) if core else \
                    (rng.uniform(9, 15), rng.uniform(8, 12))
                if rng.random() < (0.05 if core else 0.12):
                    records.append((_fit(rng, cx + dx, cy + dy, CELL / 4, 2, rng.uniform(3, 6),
                                         rng.uniform(2.5, 4), angle), "annex", rng.uniform(2.5, 3.5)))
                    continue
                floors = 1 + (rng.random() < 0.7) + (core and rng.random() < 0.5)
                records.append((_fit(rng, cx + dx, cy + dy, CELL / 4, 2, length, width, angle),
                                "residential", 3.0 * floors + rng.uniform(1.5, 3)))
    records = [rec for rec in records if accept(rec[0])]
    geometries = [rec[0] for rec in records]
    usage = [rec[1] for rec in records]
    height = np.round([rec[2] for rec in records], 1)
    footprint = np.array([g.area for g in geometries])
    floors = np.maximum(1, np.round(height / 3.0))
    floors[np.isin(usage, ["industrial", "agricultural", "annex"])] = 1
    floor_area = np.round(footprint * floors, 1)
    codes = commune_of((g.centroid for g in geometries), communes)
    # Dwellings: each commune's residential floor area shared so that dwellings x 2.1 ~ population.
    dwellings = np.zeros(len(records), dtype=int)
    residential = np.array(usage) == "residential"
    population = dict(zip(communes["code_insee"], communes["population"]))
    code_array = np.array([c or "" for c in codes])
    for code, inhabitants in population.items():
        mask = residential & (code_array == code)
        if mask.any():
            share = floor_area[mask] / floor_area[mask].sum()
            dwellings[mask] = np.maximum(1, np.round(inhabitants / 2.1 * share))
    return gpd.GeoDataFrame(
        {
            "building_id": [f"B{k + 1:06d}" for k in range(len(records))],
            "code_insee": codes,
            "usage": usage,
            "height": height,
            "dwellings": dwellings,
            "population": np.round(dwellings * 2.1, 1),
            "floor_area": floor_area,
        },
        geometry=geometries,
        crs=CRS,
    )


def town_hall_name(commune: str) -> str:
    """"Mairie de Gravelines", "Mairie d'Armbouts-Cappel" (elision before a vowel)."""
    return f"Mairie d'{commune}" if commune[:1].upper() in "AEIOUYÉÈÂÎ" else f"Mairie de {commune}"


def make_public_buildings(buildings: gpd.GeoDataFrame, commune_names: dict[str, str],
                          rng: np.random.Generator) -> gpd.GeoDataFrame:
    """Town halls, libraries, schools, harbour offices, sports and culture halls on real footprints.

    The chosen buildings become ``usage = public`` (no dwellings).  Ten have Wi-Fi already.
    """
    centroids = buildings.geometry.centroid
    cx, cy = centroids.x.to_numpy(), centroids.y.to_numpy()
    footprint = buildings.geometry.area.to_numpy()
    usage = buildings["usage"].to_numpy()
    free = np.ones(len(buildings), dtype=bool)
    rows: list[dict[str, object]] = []

    def pick(x: float, y: float, radius: float, min_area: float, usages: tuple[str, ...]) -> int:
        """A random free building of these usages within ``radius`` (else the nearest one)."""
        distance = np.hypot(cx - x, cy - y)
        ok = free & np.isin(usage, usages) & (footprint >= min_area)
        near = np.flatnonzero(ok & (distance <= radius))
        index = int(rng.choice(near)) if len(near) else int(np.argmin(np.where(ok, distance, np.inf)))
        free[index] = False
        return index

    def add(index: int, name: str, kind: str) -> None:
        rows.append({"building": index, "name": name, "kind": kind})

    town_uses = ("residential", "commercial")
    plan = {  # centre name -> (libraries, schools, sports, culture)
        "Dunkerque-Centre": (1, 3, 1, 2), "Malo-les-Bains": (1, 1, 1, 0), "Rosendaël": (0, 2, 0, 0),
        "Saint-Pol-sur-Mer": (0, 1, 0, 0), "Petite-Synthe": (1, 1, 0, 0), "Grande-Synthe": (1, 3, 1, 1),
        "Coudekerque-Branche": (1, 2, 1, 0), "Gravelines": (1, 2, 1, 1), "Bourbourg": (1, 1, 0, 0),
        "Loon-Plage": (0, 1, 1, 0), "Téteghem": (0, 1, 1, 0), "Cappelle-la-Grande": (0, 1, 0, 0),
        "Bray-Dunes": (0, 1, 0, 0), "Leffrinckoucke": (0, 1, 0, 0), "Grand-Fort-Philippe": (0, 1, 0, 0),
    }
    for centre in CENTRES:
        x, y = centre.xy
        if centre.main:
            add(pick(x, y, 250, 80, town_uses), town_hall_name(commune_names[centre.code_insee]), "town_hall")
        libraries, schools, sports, culture = plan.get(centre.name, (0, 1 if centre.main else 0, 0, 0))
        radius = centre.sigma * 0.8
        for k in range(libraries):
            add(pick(x, y, radius, 150, town_uses), f"Médiathèque {centre.name}" + (f" {k + 1}" if k else ""),
                "library")
        for k in range(schools):
            add(pick(x, y, radius * 1.3, 150, town_uses), f"École {k + 1} – {centre.name}", "school")
        for k in range(sports):
            name = f"Salle de sports {k + 1} – {centre.name}"
            add(pick(x, y, radius * 1.5, 250, town_uses), name, "sports")
        for k in range(culture):
            add(pick(x, y, radius, 200, town_uses), f"Centre culturel {k + 1} – {centre.name}", "culture")
    harbours = [("Capitainerie – Port Est", 2.355, 51.052), ("Capitainerie – Port Ouest", 2.200, 51.035),
                ("Bureau du port – Gravelines", 2.118, 50.996)]
    for name, lon, lat in harbours:
        x, y = l93(lon, lat)
        add(pick(x, y, 600, 100, ("industrial", "commercial", "residential")), name, "harbour_office")
    wifi = {"Mairie de Dunkerque", "Mairie de Grande-Synthe", "Mairie de Gravelines",
            "Mairie de Coudekerque-Branche", "Médiathèque Dunkerque-Centre", "Médiathèque Malo-les-Bains",
            "Médiathèque Petite-Synthe", "Médiathèque Grande-Synthe", "Capitainerie – Port Est",
            "Centre culturel 1 – Dunkerque-Centre"}
    frame = buildings.iloc[[row["building"] for row in rows]]
    return gpd.GeoDataFrame(
        {
            "building_id": frame["building_id"].tolist(),
            "name": [str(row["name"]) for row in rows],
            "kind": [str(row["kind"]) for row in rows],
            "code_insee": frame["code_insee"].tolist(),
            "has_wifi": [row["name"] in wifi for row in rows],
        },
        geometry=[g.representative_point() for g in frame.geometry],
        crs=CRS,
    )


def make_fibre(buildings: gpd.GeoDataFrame, rng: np.random.Generator) -> gpd.GeoDataFrame:
    """One point per building with premises (annexes have none): FTTH high in towns, gaps in villages."""
    rows = buildings[buildings["usage"] != "annex"]
    centroids = rows.geometry.centroid
    x, y = centroids.x.to_numpy(), centroids.y.to_numpy()
    density, _ = _density(x, y)
    rate = np.minimum(0.97, 0.5 + 0.6 * density)
    # Spatially coherent gaps: parts of some villages not yet connected.
    for name, radius in (("Craywick", 700), ("Saint-Georges-sur-l'Aa", 600), ("Ghyvelde", 500),
                         ("Spycker", 450), ("Coudekerque-Village", 400), ("Bourbourg", 350)):
        cx, cy = next(c.xy for c in CENTRES if c.name == name)
        gap = np.hypot(x - cx - radius * 0.4, y - cy) < radius
        rate = np.where(gap, 0.03, rate)
    ftth = rng.random(len(rows)) < rate
    premises = np.where(rows["usage"] == "residential", rows["dwellings"], 1).astype(int)
    premises = np.maximum(premises, 1)
    others = np.array(["CU", "CU", "CU", "CU", "4GF", "4GF", "THDR", "SAT", "COAX"])
    techno = np.where(ftth, "FO", others[rng.integers(0, len(others), len(rows))])
    speed = rng.random(len(rows))
    classes = {
        "FO": np.where(speed < 0.75, "1G+", "100M-1G"),
        "COAX": np.full(len(rows), "100M-1G"),
        "4GF": np.where(speed < 0.5, "30-100M", "8-30M"),
        "THDR": np.full(len(rows), "30-100M"),
        "SAT": np.full(len(rows), "8-30M"),
        "CU": np.where(density > 0.5, np.where(speed < 0.5, "30-100M", "8-30M"),
                       np.where(speed < 0.6, "<8M", "8-30M")),
    }
    down = np.array([classes[t][k] for k, t in enumerate(techno)])
    return gpd.GeoDataFrame(
        {
            "building_id": rows["building_id"].tolist(),
            "code_insee": rows["code_insee"].tolist(),
            "premises": premises,
            "best_techno": techno,
            "ftth": ftth,
            "best_down_class": down,
        },
        geometry=[Point(round(p.x, 2), round(p.y, 2)) for p in centroids],
        crs=CRS,
    )


def make_solar(buildings: gpd.GeoDataFrame, rng: np.random.Generator) -> gpd.GeoDataFrame:
    """Roof potential for a subset of buildings (roof = footprint; 20 % efficient modules, PR 0.80)."""
    area = buildings.geometry.area.to_numpy()
    usage = buildings["usage"].to_numpy()
    chance = np.where(np.isin(usage, ["industrial", "commercial", "agricultural"]), 0.85, 0.45)
    chosen = (area >= 30) & (usage != "annex") & (rng.random(len(buildings)) < chance)
    rows = buildings[chosen]
    roof = np.round(area[chosen], 1)
    flat = np.isin(rows["usage"], ["industrial", "commercial"])
    usable = np.round(roof * rng.uniform(0.4, 0.7, len(rows)), 1)
    low = np.where(flat, 1080.0, 1000.0)  # flat roofs take the optimal tilt
    irradiation = np.round(rng.uniform(low, 1150.0))
    kwp = np.round(usable * 0.2, 2)
    return gpd.GeoDataFrame(
        {
            "roof_id": [f"T{k + 1:06d}" for k in range(len(rows))],
            "building_id": rows["building_id"].tolist(),
            "usage": rows["usage"].tolist(),
            "roof_area": roof,
            "usable_area": usable,
            "irradiation": irradiation,
            "potential_kwp": kwp,
            "potential_kwh": np.round(kwp * irradiation * 0.80),
        },
        geometry=list(rows.geometry),
        crs=CRS,
    )


def _points_on_roads(roads: gpd.GeoDataFrame, count: int, near: list[tuple[float, float, float]],
                     rng: np.random.Generator) -> list[Point]:
    """``count`` points on local streets within (x, y, radius) discs, picked by length."""
    local = roads[roads["road_class"].isin(["local", "secondary"])]
    mids = local.geometry.interpolate(0.5, normalized=True)
    inside = np.zeros(len(local), dtype=bool)
    for x, y, radius in near:
        inside |= np.hypot(mids.x.to_numpy() - x, mids.y.to_numpy() - y) < radius
    lines = list(local.geometry[inside])
    weights = np.array([line.length for line in lines])
    chosen = rng.choice(len(lines), size=count, replace=False, p=weights / weights.sum())
    points = []
    for k in chosen:
        point = lines[k].interpolate(rng.uniform(0.2, 0.8), normalized=True)
        points.append(Point(round(point.x, 2), round(point.y, 2)))
    return points


def make_waste_points(roads: gpd.GeoDataFrame, communes: gpd.GeoDataFrame,
                      rng: np.random.Generator) -> gpd.GeoDataFrame:
    """Déchèteries at town edges, drop-off containers on streets, two transfer stations."""
    rows, points = [], []
    decheteries = ["Dunkerque-Centre", "Petite-Synthe", "Rosendaël", "Grande-Synthe", "Coudekerque-Branche",
                   "Gravelines", "Bourbourg", "Téteghem", "Bray-Dunes", "Loon-Plage", "Cappelle-la-Grande"]
    streets = roads[roads["road_class"].isin(["local", "secondary"])]
    nodes = np.array([line.coords[0] for line in streets.geometry])
    for k, name in enumerate(decheteries):
        cx, cy = next(c.xy for c in CENTRES if c.name == name)
        sigma = next(c.sigma for c in CENTRES if c.name == name)
        angle = rng.uniform(0, 2 * math.pi)
        tx, ty = cx + 1.2 * sigma * math.cos(angle), cy + 1.2 * sigma * math.sin(angle)
        nearest = nodes[np.argmin(np.hypot(nodes[:, 0] - tx, nodes[:, 1] - ty))]
        points.append(Point(round(nearest[0], 2), round(nearest[1], 2)))
        rows.append({"point_id": f"DEC{k + 1:02d}", "name": f"Déchèterie {name}", "kind": "decheterie",
                     "streams": "tout-venant, gravats, déchets verts, bois, métaux, cartons, DEEE, DDS",
                     "operator": EPCI_NAME, "opening_hours": "Mo-Sa 09:00-12:00,14:00-18:30; Su 09:00-12:00"})
    near = [(*c.xy, c.sigma * 1.2) for c in CENTRES]
    streams = ["verre", "verre", "emballages, papiers", "emballages, papiers", "textiles"]
    for k, point in enumerate(_points_on_roads(roads, 150, near, rng)):
        stream = streams[int(rng.integers(0, len(streams)))]
        points.append(point)
        rows.append({"point_id": f"PAV{k + 1:03d}", "name": f"Point d'apport volontaire ({stream})",
                     "kind": "container", "streams": stream, "operator": EPCI_NAME, "opening_hours": "24/7"})
    for k, (name, lon, lat) in enumerate([("Quai de transfert Port Est", 2.362, 51.040),
                                          ("Quai de transfert Bourbourg", 2.205, 50.955)]):
        x, y = l93(lon, lat)
        nearest = nodes[np.argmin(np.hypot(nodes[:, 0] - x, nodes[:, 1] - y))]
        points.append(Point(round(nearest[0], 2), round(nearest[1], 2)))
        rows.append({"point_id": f"TRS{k + 1:02d}", "name": name, "kind": "transfer_station",
                     "streams": "ordures ménagères résiduelles, collecte sélective", "operator": EPCI_NAME,
                     "opening_hours": "Mo-Fr 06:00-20:00"})
    frame = gpd.GeoDataFrame(rows, geometry=points, crs=CRS)
    frame["code_insee"] = commune_of(points, communes)
    return frame


def make_waste_facilities(buildings: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Receivers of waste (incinerators, recyclers, landfills, industrial users) on big buildings."""
    big = buildings[buildings["usage"].isin(["industrial", "agricultural", "commercial"])]
    centroids = big.geometry.centroid
    rows, points = [], []
    for k, (name, kind, accepts, capacity, hazardous_ok, operation, lon, lat) in enumerate(FACILITIES):
        x, y = l93(lon, lat)
        index = int(np.argmin(np.hypot(centroids.x.to_numpy() - x, centroids.y.to_numpy() - y)))
        point = centroids.iloc[index]
        if point.distance(Point(x, y)) > 1500:
            point = Point(x, y)
        points.append(Point(round(point.x, 2), round(point.y, 2)))
        rows.append({"facility_id": f"WF{k + 1:02d}", "name": f"{name} (synthétique)", "kind": kind,
                     "accepts": accepts, "capacity_t": None if capacity is None else float(capacity),
                     "hazardous_ok": hazardous_ok, "operation": operation})
    return gpd.GeoDataFrame(rows, geometry=points, crs=CRS)


def make_industrial_waste(sites: gpd.GeoDataFrame, rng: np.random.Generator) -> gpd.GeoDataFrame:
    """Synthetic 2019 waste declarations (2–6 per real IREP site) from each site's NAF family."""
    rows, points = [], []
    destinations = np.array(["59"] * 16 + ["62"] * 3 + ["BE"])
    for site in sites.itertuples():
        naf = str(site.naf or "")
        family = next((codes for prefix, codes in WASTE_BY_NAF if naf.startswith(prefix)), WASTE_DEFAULT)
        count = int(rng.integers(2, min(6, len(family)) + 1))
        for index in sorted(rng.choice(len(family), size=count, replace=False)):
            code, median, operation = family[int(index)]
            rows.append({
                "site_id": site.site_id,
                "site_name": site.name,
                "waste_code": code,
                "hazardous": code.endswith("*"),
                "tonnes": round(float(median * rng.lognormal(0.0, 0.7)), 1),
                "operation": operation,
                "destination": str(destinations[int(rng.integers(0, len(destinations)))]),
                "year": 2019,
            })
            points.append(site.geometry)
    return gpd.GeoDataFrame(rows, geometry=points, crs=CRS)


EXISTING_WIFI_SPACES = 8  # existing hotspots in public spaces (squares, streets, the seafront)


def facade_point(footprint: Polygon, streets: object, offset: float = 1.5) -> Point:
    """A point ``offset`` m outside the wall of ``footprint`` that faces the nearest street: where
    a hotspot is mounted on a building's facade."""
    street = nearest_points(footprint, streets)[1]
    wall = nearest_points(street, footprint.exterior)[1]
    dx, dy = street.x - wall.x, street.y - wall.y
    length = math.hypot(dx, dy) or 1.0
    return Point(round(wall.x + offset * dx / length, 2), round(wall.y + offset * dy / length, 2))


def make_wifi_hotspots(public: gpd.GeoDataFrame, buildings: gpd.GeoDataFrame, roads: gpd.GeoDataFrame,
                       communes: gpd.GeoDataFrame, rng: np.random.Generator) -> gpd.GeoDataFrame:
    """Existing public hotspots in Dunkerque: on the facade of its Wi-Fi public buildings (facing the
    street, 4 m up) and in public spaces of the centre and Malo-les-Bains."""
    dunkerque = public[public["has_wifi"] & (public["code_insee"] == "59183")]
    footprints = buildings.set_index("building_id").geometry
    streets = unary_union(list(roads.geometry))
    points = [facade_point(footprints[building_id], streets) for building_id in dunkerque["building_id"]]
    names = [f"Wi-Fi public – {name}" for name in dunkerque["name"]]
    centre = next(c for c in CENTRES if c.name == "Dunkerque-Centre")
    malo = next(c for c in CENTRES if c.name == "Malo-les-Bains")
    extra = _points_on_roads(roads, EXISTING_WIFI_SPACES, [(*centre.xy, 700.0), (*malo.xy, 500.0)], rng)
    points += extra
    names += [f"Wi-Fi public – espace public {k + 1}" for k in range(len(extra))]
    return gpd.GeoDataFrame(
        {
            "hotspot_id": [f"WIFI{k + 1:02d}" for k in range(len(points))],
            "name": names,
            "eirp_dbm": 20.0,
            "height_m": 4.0,
            "frequency_mhz": 2437.0,
            "code_insee": commune_of(points, communes),
        },
        geometry=points,
        crs=CRS,
    )


# Street furniture able to host a hotspot: kind -> (French name, mount height m, installation cost €).
FURNITURE = {
    "lamp_post": ("Lampadaire", 4.0, 2000.0),
    "bus_shelter": ("Abribus", 2.7, 1500.0),
    "kiosk": ("Kiosque", 3.0, 1500.0),
}
LAMP_SPACING = 40.0  # m between lamp posts along a street
LAMP_POWERED = 0.35  # share of lamp posts with a permanent power feed (the only ones listed)
SHELTER_SPACING = 350.0  # m between bus stops along the main roads


def make_street_furniture(roads: gpd.GeoDataFrame, communes: gpd.GeoDataFrame,
                          rng: np.random.Generator) -> gpd.GeoDataFrame:
    """Street furniture of the dense centres that can host a Wi-Fi hotspot (WIFI4EU hotspots are
    mostly there): lamp posts with a permanent power feed along the streets within one density
    spread of the centre, bus shelters along the main roads through it, a few kiosks near its heart.
    """
    rows: list[dict[str, object]] = []
    points: list[Point] = []

    def add(point: Point, kind: str, centre: Centre) -> None:
        label, height, cost = FURNITURE[kind]
        number = sum(1 for row in rows if row["kind"] == kind and row["centre"] == centre.name) + 1
        points.append(Point(round(point.x, 2), round(point.y, 2)))
        rows.append({"kind": kind, "centre": centre.name, "name": f"{label} {number} – {centre.name}",
                     "height_m": height, "cost_eur": cost})

    main_roads = roads[roads["road_class"].isin(["primary", "secondary"])]
    for centre in (c for c in CENTRES if c.dense):
        cx, cy = centre.xy
        streets = roads[roads["name"] == f"Rue de {centre.name}"]
        for line in streets.geometry:
            for distance in np.arange(rng.uniform(0.0, LAMP_SPACING), line.length, LAMP_SPACING):
                point = line.interpolate(distance)
                if math.hypot(point.x - cx, point.y - cy) < centre.sigma and rng.random() < LAMP_POWERED:
                    add(point, "lamp_post", centre)
        for line in main_roads.geometry:
            for distance in np.arange(rng.uniform(0.0, SHELTER_SPACING), line.length, SHELTER_SPACING):
                point = line.interpolate(distance)
                taken = any(p.distance(point) < 100.0 for p, row in zip(points, rows)
                            if row["kind"] == "bus_shelter")
                if math.hypot(point.x - cx, point.y - cy) < 1.2 * centre.sigma and not taken:
                    add(point, "bus_shelter", centre)
        heart = streets[streets.geometry.distance(Point(cx, cy)) < 0.4 * centre.sigma]
        for k in rng.choice(len(heart), size=min(3, len(heart)), replace=False):
            street = heart.geometry.iloc[int(k)]
            add(street.interpolate(rng.uniform(0.3, 0.7), normalized=True), "kiosk", centre)
    return gpd.GeoDataFrame(
        {
            "furniture_id": [f"SF{k + 1:05d}" for k in range(len(rows))],
            "name": [row["name"] for row in rows],
            "kind": [row["kind"] for row in rows],
            "height_m": [row["height_m"] for row in rows],
            "cost_eur": [row["cost_eur"] for row in rows],
            "code_insee": commune_of(points, communes),
        },
        geometry=points,
        crs=CRS,
    )


def coastline(communes: gpd.GeoDataFrame, data_dir: Path) -> MultiLineString:
    """The sea shore of the territory: its outline minus what it shares with neighbouring communes
    (Nord and Pas-de-Calais files) and minus the Belgian border (east of Bray-Dunes' beach end).
    """
    land = unary_union(list(communes.geometry))
    minx, miny, maxx, maxy = land.buffer(3000).bounds
    neighbours = []
    for name in ("communes-59-nord.geojson", "communes-62-pas-de-calais.geojson"):
        frame = gpd.read_file(data_dir / "boundaries" / name).to_crs(CRS).cx[minx:maxx, miny:maxy]
        neighbours += [g for code, g in zip(frame["code"], frame.geometry) if code not in CUD_POPULATION]
    shore = land.boundary.difference(unary_union(neighbours).buffer(150))
    belgium = box(l93(2.5455, 51.0)[0], miny, maxx, maxy)
    shore = shore.difference(belgium)
    return MultiLineString([line for line in getattr(shore, "geoms", [shore]) if line.length > 0])


def make_terrain(land: Polygon | MultiPolygon, ports: gpd.GeoDataFrame, shore: MultiLineString,
                 rng: np.random.Generator) -> tuple[np.ndarray, tuple[float, float]]:
    """A smooth 10 m DTM: polders 0–5 m, coastal dunes (up to ~25 m east of Dunkerque), flat port
    platforms, the Ghyvelde fossil dune; nodata outside the communes.  Values on a 1/32 m step.
    """
    minx, miny, maxx, maxy = land.bounds
    x0, y1 = math.floor(minx / 100) * 100, math.ceil(maxy / 100) * 100
    width = math.ceil((maxx - x0) / DTM_RES)
    height = math.ceil((y1 - miny) / DTM_RES)
    transform = from_origin(x0, y1, DTM_RES, DTM_RES)
    mask = features.rasterize([(land, 1)], out_shape=(height, width), transform=transform, dtype="uint8") == 1
    rows = np.arange(height)[:, None]
    xs = x0 + (np.arange(width)[None, :] + 0.5) * DTM_RES
    ys = y1 - (rows + 0.5) * DTM_RES

    def smooth_noise(sigma: float) -> np.ndarray:
        """Unit-variance Gaussian random field of correlation length ~sigma cells (made coarse, zoomed)."""
        factor = max(1, int(sigma // 4))
        coarse = rng.standard_normal((height // factor + 3, width // factor + 3)).astype(np.float32)
        coarse = ndimage.gaussian_filter(coarse, sigma / factor)
        field = ndimage.zoom(coarse, factor, order=1)[:height, :width]
        return field / (field.std() or 1.0)

    polder = 2.2 + 0.8 * smooth_noise(120) + 0.3 * smooth_noise(25)
    # Distance inland from the sea shore.
    on_shore = features.rasterize([(shore, 1)], out_shape=(height, width), transform=transform,
                                  dtype="uint8", all_touched=True) == 1
    inland = np.where(mask, ndimage.distance_transform_edt(~on_shore) * DTM_RES, -1.0)
    x_malo = l93(2.395, 51.05)[0]
    x_port_ouest = l93(2.150, 51.0)[0]
    east = 1 / (1 + np.exp(-(xs - x_malo) / 800.0))
    west = 1 / (1 + np.exp((xs - x_port_ouest) / 800.0))
    ridge = np.exp(-(((inland - 380.0) / 260.0) ** 2))
    hummocks = np.clip(0.65 + 0.35 * smooth_noise(6), 0.2, 1.2)
    dunes = (22.0 * east + 7.0 * west) * ridge * hummocks
    beach = np.where((inland >= 0) & (inland < 120), 3.0 + inland / 60.0, 0.0)
    gx, gy = l93(2.535, 51.043)
    fossil = 7.0 * np.exp(-((xs - gx) ** 2 + (ys - gy) ** 2) / (2 * 650.0**2)) * hummocks
    z = np.clip(polder, 0.0, 5.0) + dunes + fossil
    z = np.maximum(z, beach)
    port = features.rasterize([(g, 1) for g in ports.geometry], out_shape=(height, width),
                              transform=transform, dtype="uint8") == 1
    z = np.where(port, 5.5 + 0.4 * smooth_noise(40), z)
    z = ndimage.gaussian_filter(z, 2.0)
    z = np.round(z * 32) / 32
    z = np.where(mask, z, NODATA).astype(np.float32)
    return z, (x0, y1)


def write_terrain(gpkg: Path, dtm: np.ndarray, origin: tuple[float, float]) -> None:
    """Append the DTM to the GeoPackage as a Float32 gridded-coverage raster table ``terrain``."""
    height, width = dtm.shape
    memory = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_Float32)
    memory.SetGeoTransform((origin[0], DTM_RES, 0.0, origin[1], 0.0, -DTM_RES))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    memory.SetProjection(srs.ExportToWkt())
    band = memory.GetRasterBand(1)
    band.SetNoDataValue(NODATA)
    band.WriteArray(dtm)
    options = ["APPEND_SUBDATASET=YES", "RASTER_TABLE=terrain", "TILE_FORMAT=TIFF",
               "RASTER_IDENTIFIER=terrain", "RASTER_DESCRIPTION=Modèle numérique de terrain (synthétique)"]
    previous = gdal.GetConfigOption("OGR_CURRENT_DATE")
    gdal.SetConfigOption("OGR_CURRENT_DATE", OGR_DATE)
    try:
        result = gdal.GetDriverByName("GPKG").CreateCopy(str(gpkg), memory, options=options)
    finally:
        gdal.SetConfigOption("OGR_CURRENT_DATE", previous)
    if result is None:
        raise RuntimeError(f"could not write the terrain raster into {gpkg}")
    result = None


# --------------------------------------------------------------------------------------------
# writing

SCHEMAS: dict[str, tuple[str, dict[str, str]]] = {
    "communes": ("MultiPolygon", {"code_insee": "str", "name": "str", "epci": "str", "population": "int32"}),
    "industrial_sites": ("Point", {
        "site_id": "str", "name": "str", "siret": "str", "code_insee": "str", "commune": "str", "naf": "str",
        "naf_label": "str", "eprtr_activity": "str", "regime": "str", "seveso": "str", "ied": "bool",
        "status": "str", "geocode_source": "str", "geocode_quality": "float", "raw_x": "str", "raw_y": "str",
        "raw_crs": "str"}),
    "industrial_waste": ("Point", {
        "site_id": "str", "site_name": "str", "waste_code": "str", "hazardous": "bool", "tonnes": "float",
        "operation": "str", "destination": "str", "year": "int32"}),
    "waste_facilities": ("Point", {
        "facility_id": "str", "name": "str", "kind": "str", "accepts": "str", "capacity_t": "float",
        "hazardous_ok": "bool", "operation": "str"}),
    "waste_points": ("Point", {
        "point_id": "str", "name": "str", "kind": "str", "streams": "str", "operator": "str",
        "opening_hours": "str", "code_insee": "str"}),
    "buildings": ("Polygon", {
        "building_id": "str", "code_insee": "str", "usage": "str", "height": "float", "dwellings": "int32",
        "population": "float", "floor_area": "float"}),
    "fibre": ("Point", {
        "building_id": "str", "code_insee": "str", "premises": "int32", "best_techno": "str", "ftth": "bool",
        "best_down_class": "str"}),
    "solar": ("Polygon", {
        "roof_id": "str", "building_id": "str", "usage": "str", "roof_area": "float", "usable_area": "float",
        "irradiation": "float", "potential_kwp": "float", "potential_kwh": "float"}),
    "port_zones": ("MultiPolygon", {"zone_id": "str", "name": "str", "kind": "str"}),
    "roads": ("LineString", {"road_id": "str", "name": "str", "road_class": "str"}),
    "public_buildings": ("Point", {
        "building_id": "str", "name": "str", "kind": "str", "code_insee": "str", "has_wifi": "bool"}),
    "wifi_hotspots": ("Point", {
        "hotspot_id": "str", "name": "str", "eirp_dbm": "float", "height_m": "float",
        "frequency_mhz": "float", "code_insee": "str"}),
    "street_furniture": ("Point", {
        "furniture_id": "str", "name": "str", "kind": "str", "height_m": "float", "cost_eur": "float",
        "code_insee": "str"}),
}
# One random stream per layer, numbered in this order (append only: a new layer must not change
# the draws of the others).
STREAMS = (*list(SCHEMAS)[:12], "terrain", "street_furniture")


def streams_of(seed: int) -> dict[str, np.random.Generator]:
    """The random generator of each layer: ``numpy.random.default_rng([seed, k])``."""
    return {name: np.random.default_rng([seed, k]) for k, name in enumerate(STREAMS)}


def _plain(value: object, kind: str) -> object:
    """A Python value fiona writes for a field type (None for missing values)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if kind.startswith("int"):
        return int(value)  # type: ignore[call-overload]
    if kind == "float":
        return float(value)  # type: ignore[arg-type]
    if kind == "bool":
        return bool(value)
    return str(value)


def write_layer(gpkg: Path, name: str, frame: gpd.GeoDataFrame) -> None:
    geometry_type, properties = SCHEMAS[name]
    schema = {"geometry": geometry_type, "properties": properties}
    with fiona.Env(OGR_CURRENT_DATE=OGR_DATE), fiona.open(
        gpkg, "w", driver="GPKG", layer=name, crs=CRS, schema=schema
    ) as sink:
        columns = {field: frame[field].tolist() for field in properties}
        sink.writerecords(
            {
                "geometry": mapping(geometry),
                "properties": {field: _plain(columns[field][k], kind) for field, kind in properties.items()},
            }
            for k, geometry in enumerate(frame.geometry)
        )


def make_sources(seed: int) -> list[Source]:
    note = SYNTHETIC_NOTE.format(seed=seed)
    synthetic = {
        "industrial_waste": "Déclarations de déchets industriels (synthétiques)",
        "waste_facilities": "Installations de traitement des déchets (synthétiques)",
        "waste_points": "Déchèteries et points d'apport (synthétiques)",
        "buildings": "Bâtiments (synthétiques)",
        "fibre": "Éligibilité à la fibre par bâtiment (synthétique)",
        "solar": "Cadastre solaire des toitures (synthétique)",
        "port_zones": "Zones portuaires (synthétiques)",
        "roads": "Routes principales et rues (synthétiques)",
        "public_buildings": "Bâtiments publics (synthétiques)",
        "wifi_hotspots": "Bornes Wi-Fi publiques existantes (synthétiques)",
        "street_furniture": "Mobilier urbain pouvant accueillir une borne Wi-Fi (synthétique)",
        "terrain": "Modèle numérique de terrain 10 m (synthétique)",
    }
    sources = [
        Source(
            layer="communes",
            title="Communes de la Communauté urbaine de Dunkerque",
            publisher="IGN (Admin Express COG), INSEE (COG), simplifié par le projet france-geojson",
            url="https://geoservices.ign.fr/adminexpress",
            licence="Licence Ouverte 2.0",
            attribution="IGN Admin Express, INSEE COG",
            vintage="2018",
            retrieved=GENERATED,
            note="Contours simplifiés. Populations : populations légales approximatives, arrondies à la "
            "centaine (ordre de grandeur 2019-2021) ; le mode en ligne (geo.api.gouv.fr) donne les valeurs "
            "exactes.",
        ),
        Source(
            layer="industrial_sites",
            title="Établissements industriels déclarant à l'IREP (2019)",
            publisher="Ministère de la Transition écologique – Géorisques (IREP) ; "
            "géocodage : projet geocodage_irep",
            url="https://www.georisques.gouv.fr/risques/registre-des-emissions-polluantes",
            licence="Licence Ouverte 2.0 ; géocodage ODbL 1.0",
            attribution="Géorisques IREP 2019; géocodage ODbL",
            vintage="2019",
            retrieved=GENERATED,
            note="Un point par établissement (Identifiant), placé au géocodage corrigé (API BAN / SIRENE) ; "
            "coordonnées déclarées d'origine conservées dans raw_x/raw_y, système deviné dans raw_crs. "
            "Régime, Seveso, IED et état d'activité inconnus ici (NULL).",
        ),
    ]
    for layer, title in synthetic.items():
        extra = " Sites réels (IREP), déchets inventés." if layer == "industrial_waste" else ""
        sources.append(Source(
            layer=layer, title=title, publisher="Territoire numérique (données d'exemple)",
            url="scripts/make_sample.py", licence="Licence Ouverte 2.0",
            attribution="Données d'exemple synthétiques", vintage=f"graine {seed}", retrieved=GENERATED,
            synthetic=True, note=note + extra,
        ))
    return sources


def core_layers(seed: int = SEED, data_dir: Path = DATA_DIR) -> tuple[gpd.GeoDataFrame, ...]:
    """Communes, industrial sites, port zones, roads and buildings (before the public buildings
    are marked ``public``): the layers every other one is derived from.
    """
    streams = streams_of(seed)
    communes = load_communes(data_dir)
    land = unary_union(list(communes.geometry))
    sites = load_industrial_sites(data_dir, communes)
    ports = make_port_zones(land)
    roads = make_roads(land, streams["roads"])
    buildings = make_buildings(land, ports, roads, communes, streams["buildings"])
    return communes, sites, ports, roads, buildings


def build(output: Path = OUTPUT, seed: int = SEED, data_dir: Path = DATA_DIR) -> dict[str, int]:
    """Generate the sample GeoPackage at ``output``; return the feature count of each table."""
    streams = streams_of(seed)
    communes, sites, ports, roads, buildings = core_layers(seed, data_dir)
    land = unary_union(list(communes.geometry))
    public = make_public_buildings(buildings, dict(zip(communes["code_insee"], communes["name"])),
                                   streams["public_buildings"])
    public_ids = set(public["building_id"])
    is_public = buildings["building_id"].isin(public_ids)
    buildings.loc[is_public, ["usage", "dwellings", "population"]] = ["public", 0, 0.0]
    inland_roads = roads[roads.within(land)]  # points placed on streets must fall in a commune
    layers = {
        "communes": communes,
        "industrial_sites": sites,
        "industrial_waste": make_industrial_waste(sites, streams["industrial_waste"]),
        "waste_facilities": make_waste_facilities(buildings),
        "waste_points": make_waste_points(inland_roads, communes, streams["waste_points"]),
        "buildings": buildings,
        "fibre": make_fibre(buildings, streams["fibre"]),
        "solar": make_solar(buildings, streams["solar"]),
        "port_zones": ports,
        "roads": roads,
        "public_buildings": public,
        "wifi_hotspots": make_wifi_hotspots(public, buildings, inland_roads, communes,
                                            streams["wifi_hotspots"]),
        "street_furniture": make_street_furniture(inland_roads, communes, streams["street_furniture"]),
    }
    shore = coastline(communes, data_dir)
    dtm, origin = make_terrain(land, ports, shore, streams["terrain"])
    with atomic_output(output) as temporary:
        for name, frame in layers.items():
            write_layer(temporary, name, frame)
        write_terrain(temporary, dtm, origin)
        write_sources(temporary, make_sources(seed))
        with sqlite3.connect(temporary) as connection:  # GDAL's raster path and the sources insert
            connection.execute("UPDATE gpkg_contents SET last_change = ?", (OGR_DATE,))  # stamp "now"
    return {name: len(frame) for name, frame in layers.items()}


def write_territories(data_dir: Path = DATA_DIR, output: Path = TERRITORIES_CSV) -> int:
    """The offline territory list: every commune of the shared boundary files, plus the CUD EPCI."""
    rows = [(EPCI, EPCI_NAME, "epci", "59", "")]
    for departement, stem in (("59", "nord"), ("62", "pas-de-calais"), ("76", "seine-maritime")):
        frame = gpd.read_file(data_dir / "boundaries" / f"communes-{departement}-{stem}.geojson",
                              ignore_geometry=True)
        for code, name in sorted(zip(frame["code"].astype(str), frame["nom"])):
            rows.append((code, name, "commune", departement, EPCI if code in CUD_POPULATION else ""))
    with atomic_output(output) as temporary, open(temporary, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["code", "name", "kind", "departement", "epci"])
        writer.writerows(rows)
    return len(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="folder of the shared real data")
    parser.add_argument("--no-territories", action="store_true", help="do not rewrite territories.csv")
    args = parser.parse_args(argv)
    gdal.UseExceptions()
    counts = build(args.output, args.seed, args.data)
    for name, count in counts.items():
        print(f"{name:18s} {count:7d}")
    print(f"terrain raster, sources table -> {args.output} ({args.output.stat().st_size / 1e6:.1f} MB)")
    if not args.no_territories:
        print(f"{write_territories(args.data)} territories -> {TERRITORIES_CSV}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
