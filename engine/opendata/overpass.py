"""OpenStreetMap through the Overpass API: queries by commune area, elements to geometries.

Queries are sent as ``GET <interpreter>?data=<query>`` (cached per query), with
``[out:json][timeout:60]`` and the area of the territory's communes by ``ref:INSEE``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from shapely.geometry import LineString, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import linemerge, polygonize, unary_union

from ..cache import CacheEntry, Fetcher
from ..errors import EngineError
from ..provenance import Source

SOURCE = "OVERPASS"
TTL_DAYS = 30.0
LICENCE = "ODbL 1.0"
ATTRIBUTION = "© les contributeurs d'OpenStreetMap (ODbL)"


def query(codes: Iterable[str], selectors: Iterable[str], out: str = "out center tags;") -> str:
    """An Overpass QL query of ``selectors`` (e.g. ``nwr["amenity"="recycling"]``) in the communes."""
    pattern = "|".join(sorted(codes))
    parts = "".join(f"{selector}(area.t);" for selector in selectors)
    return (
        "[out:json][timeout:60];"
        f'area["ref:INSEE"~"^({pattern})$"]["boundary"="administrative"]->.t;'
        f"({parts});{out}"
    )


def elements(fetcher: Fetcher, text: str) -> tuple[list[dict[str, Any]], CacheEntry]:
    """The ``elements`` of an Overpass answer; EngineError on a ``remark`` telling of a runtime error."""
    url = fetcher.url(SOURCE)
    body, entry = fetcher.json(SOURCE, url, {"data": text}, TTL_DAYS)
    if not isinstance(body, dict) or not isinstance(body.get("elements"), list):
        entry.path.unlink(missing_ok=True)
        raise EngineError("Unexpected answer from Overpass ({url}): no elements.", url=url)
    remark = str(body.get("remark") or "")
    if "error" in remark.lower():
        entry.path.unlink(missing_ok=True)
        raise EngineError("Overpass could not answer ({url}): {remark}", url=url, remark=remark)
    return body["elements"], entry


def element_id(element: dict[str, Any]) -> str:
    """``osm:node/123``."""
    return f"osm:{element.get('type')}/{element.get('id')}"


def point_of(element: dict[str, Any]) -> Point | None:
    """The WGS84 point of a node, or the ``center`` of a way/relation (``out center``)."""
    if "lat" in element and "lon" in element:
        return Point(float(element["lon"]), float(element["lat"]))
    centre = element.get("center")
    if centre:
        return Point(float(centre["lon"]), float(centre["lat"]))
    return None


def _line(geometry: list[dict[str, float]] | None) -> LineString | None:
    coordinates = [(float(node["lon"]), float(node["lat"])) for node in geometry or [] if node]
    return LineString(coordinates) if len(coordinates) >= 2 else None


def line_of(element: dict[str, Any]) -> LineString | None:
    """The WGS84 line of a way (``out geom``)."""
    return _line(element.get("geometry")) if element.get("type") == "way" else None


def area_of(element: dict[str, Any]) -> BaseGeometry | None:
    """The WGS84 polygon of a closed way or a multipolygon relation (``out geom``); None otherwise."""
    if element.get("type") == "way":
        line = _line(element.get("geometry"))
        if line is None or not line.is_closed or len(line.coords) < 4:
            return None
        polygon = Polygon(line.coords).buffer(0)
        return polygon if not polygon.is_empty else None
    if element.get("type") != "relation":
        return None
    rings: dict[str, list[LineString]] = {"outer": [], "inner": []}
    for member in element.get("members") or []:
        line = _line(member.get("geometry")) if member.get("type") == "way" else None
        if line is not None:
            rings["inner" if member.get("role") == "inner" else "outer"].append(line)
    outers = list(polygonize(linemerge(rings["outer"]))) if rings["outer"] else []
    if not outers:
        return None
    area = unary_union(outers)
    inners = list(polygonize(linemerge(rings["inner"]))) if rings["inner"] else []
    if inners:
        area = area.difference(unary_union(inners))
    area = area.buffer(0)
    if area.is_empty:
        return None
    return area if isinstance(area, (Polygon, MultiPolygon)) else None


def source(layer: str, title: str, url: str, retrieved: str, note: str = "") -> Source:
    return Source(
        layer=layer,
        title=title,
        publisher="OpenStreetMap (Overpass API)",
        url=url,
        licence=LICENCE,
        attribution=ATTRIBUTION,
        vintage=retrieved,
        retrieved=retrieved,
        note=note,
    )
