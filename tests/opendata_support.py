"""Shared test data for the open-data tests: a tiny sample GeoPackage from real commune outlines."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import numpy as np
from osgeo import gdal
from shapely.geometry import LineString, MultiPolygon, shape

BOUNDARIES = Path(__file__).resolve().parent / "fixtures" / "real" / "communes-59-nord.geojson"
CUD = "245900428"
#: Three CUD communes and one neighbour of another EPCI (Bergues, CC des Hauts de Flandre).
COMMUNES = {"59183": CUD, "59271": CUD, "59359": CUD, "59067": "200040186"}
POPULATION = {"59183": 86_279, "59271": 20_500, "59359": 6_300, "59067": 3_700}


def commune_outlines(codes: list[str] | None = None) -> gpd.GeoDataFrame:
    """Real commune outlines (IGN Admin Express via france-geojson), WGS84."""
    wanted = set(codes or COMMUNES)
    data = json.loads(BOUNDARIES.read_text(encoding="utf-8"))
    rows = [feature for feature in data["features"] if feature["properties"]["code"] in wanted]
    return gpd.GeoDataFrame(
        {
            "code_insee": [row["properties"]["code"] for row in rows],
            "name": [row["properties"]["nom"] for row in rows],
        },
        geometry=[shape(row["geometry"]) for row in rows],
        crs="EPSG:4326",
    )


def build_sample(path: Path) -> Path:
    """A small GeoPackage with the sample's schema: communes, fibre, roads, port_zones, terrain, sources."""
    communes = commune_outlines().to_crs(2154)
    communes["epci"] = communes["code_insee"].map(COMMUNES)
    communes["population"] = communes["code_insee"].map(POPULATION)
    communes["geometry"] = [
        geometry if geometry.geom_type == "MultiPolygon" else MultiPolygon([geometry])
        for geometry in communes.geometry
    ]
    communes[["code_insee", "name", "epci", "population", "geometry"]].to_file(
        path, layer="communes", driver="GPKG"
    )

    points = [communes.geometry.iloc[index].representative_point() for index in range(len(communes))]
    fibre = gpd.GeoDataFrame(
        {
            "building_id": [f"IMB{index}" for index in range(len(points) * 2)],
            "code_insee": [code for code in communes["code_insee"] for _ in range(2)],
            "premises": [3, 5] * len(points),
            "best_techno": ["FO", "CU"] * len(points),
            "ftth": [True, False] * len(points),
            "best_down_class": ["1G+", "8-30M"] * len(points),
        },
        geometry=[point for point in points for _ in range(2)],
        crs="EPSG:2154",
    )
    fibre.to_file(path, layer="fibre", driver="GPKG")

    dunkerque = communes.set_index("code_insee").geometry["59183"].representative_point()
    bergues = communes.set_index("code_insee").geometry["59067"].representative_point()
    roads = gpd.GeoDataFrame(
        {
            "road_id": ["R1", "R2"],
            "name": ["Route de Dunkerque", "Rue de Bergues"],
            "road_class": ["primary", "local"],
        },
        geometry=[
            LineString([(dunkerque.x, dunkerque.y), (dunkerque.x + 300, dunkerque.y + 200)]),
            LineString([(bergues.x, bergues.y), (bergues.x + 100, bergues.y)]),
        ],
        crs="EPSG:2154",
    )
    roads.to_file(path, layer="roads", driver="GPKG")
    write_terrain(path, communes.total_bounds)
    from territoire_numerique.engine.provenance import Source, write_sources

    write_sources(
        path,
        [
            Source(
                "communes",
                "Communes",
                "IGN",
                "https://geoservices.ign.fr/adminexpress",
                "Licence Ouverte 2.0",
                "IGN Admin Express, INSEE COG",
                "2018",
                "2025-01-01",
            ),
            Source(
                "fibre",
                "Fibre",
                "Territoire numérique",
                "",
                "Licence Ouverte 2.0",
                "Données synthétiques",
                "2025",
                "2025-01-01",
                synthetic=True,
            ),
        ],
    )
    return path


def write_terrain(path: Path, bounds: np.ndarray) -> None:
    """A 100 m Float32 terrain raster over ``bounds`` (Lambert-93), heights rising to the south."""
    xmin, ymin, xmax, ymax = (float(value) for value in bounds)
    columns, rows = int((xmax - xmin) // 100) + 1, int((ymax - ymin) // 100) + 1
    memory = gdal.GetDriverByName("MEM").Create("", columns, rows, 1, gdal.GDT_Float32)
    memory.SetGeoTransform((xmin, 100.0, 0.0, ymax, 0.0, -100.0))
    memory.SetProjection("EPSG:2154")
    heights = np.repeat(np.linspace(0.0, 40.0, rows, dtype=np.float32)[:, None], columns, axis=1)
    memory.GetRasterBand(1).WriteArray(heights)
    gdal.Translate(
        str(path),
        memory,
        options=gdal.TranslateOptions(
            format="GPKG",
            creationOptions=["APPEND_SUBDATASET=YES", "RASTER_TABLE=terrain", "TILE_FORMAT=TIFF"],
        ),
    )
