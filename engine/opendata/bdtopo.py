"""The ``buildings`` and ``roads`` families: IGN BD TOPO through the Géoplateforme WFS, OSM as fallback.

WFS 2.0 ``GetFeature`` in GeoJSON over the territory's bounding box, paged with
``COUNT``/``STARTINDEX`` until a page holds fewer than ``COUNT`` features; features are kept
when they touch the territory.  When the WFS fails (after the HTTP client's retries), the same
family is read from OpenStreetMap (Overpass ``building=*`` / ``highway=*`` ways).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry
from shapely.prepared import prep

from ..cache import Fetcher
from ..errors import Cancelled, EngineError, Message
from ..numbers import number_or_none
from ..provenance import Source
from . import overpass
from .gpkg import Reprojector, reproject
from .schema import BUILDINGS, LAMBERT_93, WGS84, Table
from .territory import CommuneLocator, Territory

SOURCE = "GEOPF_WFS"
TTL_DAYS = 180.0
PAGE_SIZE = 1000
MAX_PAGES = 2000
BUILDING_TYPE = "BDTOPO_V3:batiment"
ROAD_TYPE = "BDTOPO_V3:troncon_de_route"
#: Average number of persons per dwelling (INSEE, households, France ~2.2) for the population estimate.
PERSONS_PER_DWELLING = 2.2
#: Storey height (m) used to count storeys from the height when BD TOPO gives no storey count.
STOREY_HEIGHT = 3.0

BDTOPO_USAGE = {
    "résidentiel": "residential",
    "industriel": "industrial",
    "commercial et services": "commercial",
    "agricole": "agricultural",
    "religieux": "public",
    "sportif": "public",
    "annexe": "annex",
}
OSM_USAGE = {
    "residential": (
        "house",
        "residential",
        "apartments",
        "detached",
        "semidetached_house",
        "terrace",
        "bungalow",
        "dormitory",
    ),
    "industrial": ("industrial", "warehouse", "factory", "manufacture", "storage_tank", "hangar"),
    "commercial": ("commercial", "retail", "office", "supermarket", "kiosk", "hotel"),
    "public": (
        "public",
        "civic",
        "government",
        "school",
        "college",
        "university",
        "hospital",
        "townhall",
        "church",
        "chapel",
        "sports_hall",
        "train_station",
        "fire_station",
        "kindergarten",
    ),
    "agricultural": ("farm", "barn", "farm_auxiliary", "greenhouse", "stable", "cowshed"),
    "annex": ("garage", "garages", "shed", "roof", "carport", "hut"),
}
OSM_ROAD_CLASS = {
    "motorway": ("motorway", "motorway_link"),
    "primary": ("trunk", "trunk_link", "primary", "primary_link"),
    "secondary": ("secondary", "secondary_link", "tertiary", "tertiary_link"),
}


def wfs_params(
    type_name: str, bbox: tuple[float, float, float, float], start: int, count: int
) -> dict[str, str]:
    """GetFeature parameters; ``bbox`` is (west, south, east, north) in WGS84 (sent lat/lon)."""
    west, south, east, north = bbox
    return {
        "SERVICE": "WFS",
        "VERSION": "2.0.0",
        "REQUEST": "GetFeature",
        "TYPENAMES": type_name,
        "OUTPUTFORMAT": "application/json",
        "SRSNAME": "EPSG:4326",
        "BBOX": f"{south:.6f},{west:.6f},{north:.6f},{east:.6f},urn:ogc:def:crs:EPSG::4326",
        "COUNT": str(count),
        "STARTINDEX": str(start),
    }


def collection_crs(body: dict[str, Any]) -> str:
    """The CRS of a GeoJSON answer: its ``crs`` member when it names Lambert-93, else WGS84."""
    name = str(((body.get("crs") or {}).get("properties") or {}).get("name") or "")
    return LAMBERT_93 if name.endswith("2154") else WGS84


def wfs_features(
    fetcher: Fetcher,
    type_name: str,
    bbox: tuple[float, float, float, float],
    cancelled: Callable[[], bool],
    page_size: int | None = None,
    dates: list[str] | None = None,
) -> Iterator[tuple[dict[str, Any], BaseGeometry, str]]:
    """(properties, geometry, CRS) of every feature, page after page (``COUNT`` = ``PAGE_SIZE``)."""
    page_size = page_size or PAGE_SIZE
    url = fetcher.url(SOURCE)
    for page in range(MAX_PAGES):
        if cancelled():
            raise Cancelled()
        body, entry = fetcher.json(
            SOURCE, url, wfs_params(type_name, bbox, page * page_size, page_size), TTL_DAYS
        )
        if dates is not None:
            dates.append(entry.retrieved_date)
        features = body.get("features") if isinstance(body, dict) else None
        if not isinstance(features, list):
            entry.path.unlink(missing_ok=True)
            raise EngineError("Unexpected answer from the IGN WFS ({url}): no features.", url=url)
        crs = collection_crs(body)
        for feature in features:
            if feature.get("geometry"):
                yield feature.get("properties") or {}, shape(feature["geometry"]), crs
        if len(features) < page_size:
            return


def building_values(properties: dict[str, Any], footprint_m2: float) -> dict[str, Any]:
    """A normalised ``buildings`` row from BD TOPO ``batiment`` properties."""
    usage = BDTOPO_USAGE.get(str(properties.get("usage_1") or "").strip().lower())
    height = number_or_none(properties.get("hauteur"))
    dwellings = number_or_none(properties.get("nombre_de_logements"))
    storeys = number_or_none(properties.get("nombre_d_etages"))
    if not storeys:
        storeys = max(1.0, round(height / STOREY_HEIGHT)) if height else 1.0
    return {
        "building_id": properties.get("cleabs") or properties.get("id"),
        "usage": usage,
        "height": height,
        "dwellings": dwellings,
        "population": round(dwellings * PERSONS_PER_DWELLING, 1) if dwellings is not None else None,
        "floor_area": round(footprint_m2 * storeys, 1),
    }


def osm_building_values(element: dict[str, Any], footprint_m2: float) -> dict[str, Any]:
    """A normalised ``buildings`` row from an OSM ``building=*`` way."""
    tags = element.get("tags") or {}
    kind = tags.get("building", "")
    usage = next((name for name, values in OSM_USAGE.items() if kind in values), None)
    levels = number_or_none(tags.get("building:levels"))
    height = number_or_none(str(tags.get("height", "")).replace("m", "")) or (
        levels * STOREY_HEIGHT if levels else None
    )
    dwellings = number_or_none(tags.get("building:flats"))
    return {
        "building_id": overpass.element_id(element),
        "usage": usage,
        "height": height,
        "dwellings": dwellings,
        "population": round(dwellings * PERSONS_PER_DWELLING, 1) if dwellings is not None else None,
        "floor_area": round(footprint_m2 * (levels or 1.0), 1),
    }


def road_values(properties: dict[str, Any]) -> dict[str, Any]:
    """A normalised ``roads`` row from BD TOPO ``troncon_de_route`` properties."""
    nature = str(properties.get("nature") or "").lower()
    classement = str(properties.get("cpx_classement_administratif") or "").lower()
    importance = str(properties.get("importance") or "").strip()
    if nature == "type autoroutier" or classement == "autoroute":
        road_class = "motorway"
    elif importance in ("1", "2"):
        road_class = "primary"
    elif importance == "3":
        road_class = "secondary"
    else:
        road_class = "local"
    name = properties.get("nom_1_gauche") or properties.get("nom_1_droite") or properties.get("cpx_numero")
    return {
        "road_id": properties.get("cleabs") or properties.get("id"),
        "name": name,
        "road_class": road_class,
    }


def osm_road_values(element: dict[str, Any]) -> dict[str, Any]:
    tags = element.get("tags") or {}
    highway = tags.get("highway", "")
    road_class = next((name for name, values in OSM_ROAD_CLASS.items() if highway in values), "local")
    return {
        "road_id": overpass.element_id(element),
        "name": tags.get("name") or tags.get("ref"),
        "road_class": road_class,
    }


@dataclass
class LayerRows:
    """Normalised rows (geometries in the target CRS) of one family, with their origin."""

    table: Table
    rows: list[tuple[dict[str, Any], BaseGeometry]]
    origin: str
    source: Source
    dropped: dict[str, int] = field(default_factory=dict)


def _bdtopo_source(table: Table, type_name: str, url: str, retrieved: str) -> Source:
    return Source(
        layer=table.name,
        title=table.title,
        publisher="IGN — BD TOPO (Géoplateforme WFS)",
        url=f"{url}?TYPENAMES={type_name}",
        licence="Licence Ouverte 2.0",
        attribution="IGN BD TOPO",
        vintage=retrieved[:7],
        retrieved=retrieved,
    )


def fetch_layer(
    fetcher: Fetcher,
    territory: Territory,
    table: Table,
    target_crs: str,
    log: Callable[[str], None],
    cancelled: Callable[[], bool] = lambda: False,
) -> LayerRows:
    """``buildings`` or ``roads`` rows of the territory: BD TOPO WFS, else OSM."""
    outline_wgs84 = reproject(territory.outline(), territory.crs, WGS84)
    inside = prep(outline_wgs84)
    to_target = {WGS84: Reprojector(WGS84, target_crs), LAMBERT_93: Reprojector(LAMBERT_93, target_crs)}
    to_wgs84 = Reprojector(LAMBERT_93, WGS84)
    locator = CommuneLocator(territory)
    to_territory = Reprojector(WGS84, territory.crs)
    buildings = table is BUILDINGS
    type_name = BUILDING_TYPE if buildings else ROAD_TYPE
    rows: list[tuple[dict[str, Any], BaseGeometry]] = []
    outside = 0
    dates: list[str] = []

    def keep(values: dict[str, Any], geometry: BaseGeometry, crs: str) -> None:
        nonlocal outside
        wgs84 = geometry if crs == WGS84 else to_wgs84(geometry)
        if not inside.intersects(wgs84):
            outside += 1
            return
        projected = to_target[crs](geometry)
        if buildings:
            values["code_insee"] = locator.code_at(to_territory(wgs84.representative_point()))
        rows.append((values, projected))

    def area(geometry: BaseGeometry, crs: str) -> float:
        return (geometry if crs == LAMBERT_93 else to_target[WGS84](geometry)).area

    try:
        for index, (properties, geometry, crs) in enumerate(
            wfs_features(fetcher, type_name, outline_wgs84.bounds, cancelled, dates=dates)
        ):
            if index % 1000 == 0 and cancelled():
                raise Cancelled()
            values = (
                building_values(properties, area(geometry, crs)) if buildings else road_values(properties)
            )
            keep(values, geometry, crs)
        url = fetcher.url(SOURCE)
        return LayerRows(
            table,
            rows,
            f"IGN WFS {type_name}",
            _bdtopo_source(table, type_name, url, min(dates)),
            {"outside the territory": outside} if outside else {},
        )
    except EngineError as error:
        log(
            Message(
                "{table}: the IGN WFS failed ({error}); falling back to OpenStreetMap",
                table=table.name,
                error=error,
            )
        )
        wfs_error = str(error)
    rows.clear()
    outside = 0
    selector = 'way["building"]' if buildings else 'way["highway"]'
    elements, entry = overpass.elements(fetcher, overpass.query(territory.codes, [selector], "out geom;"))
    not_shapes = 0
    for index, element in enumerate(elements):
        if index % 1000 == 0 and cancelled():
            raise Cancelled()
        geometry = overpass.area_of(element) if buildings else overpass.line_of(element)
        if geometry is None:
            not_shapes += 1
            continue
        values = (
            osm_building_values(element, area(geometry, WGS84)) if buildings else osm_road_values(element)
        )
        keep(values, geometry, WGS84)
    dropped = {"outside the territory": outside, "OSM ways without a usable geometry": not_shapes}
    source = overpass.source(
        table.name,
        table.title,
        fetcher.url(overpass.SOURCE),
        entry.retrieved_date,
        f"IGN WFS failed: {wfs_error}",
    )
    return LayerRows(table, rows, "OpenStreetMap (fallback)", source, {k: v for k, v in dropped.items() if v})
