"""The ``waste_points`` family: ADEME SINOE déchèteries + OSM recycling points, merged.

SINOE (data-fair): ``/lines`` JSON pages (``size``, ``bbox``; the ``next`` link's cursor is
followed on the configured base URL, so mirrors work), else the ``/raw`` CSV (``;``, UTF-8
with BOM).  The latest ``ANNEE`` of each ``C_SERVICE`` is kept.  OSM (Overpass):
``amenity=recycling`` (``recycling_type=centre`` → déchèterie, else drop-off container,
``recycling:<stream>=yes`` → streams) and ``amenity=waste_transfer_station``.  A SINOE
déchèterie and an OSM centre closer than :data:`MERGE_METRES` are one point (SINOE kept,
completed by OSM's streams, operator and opening hours).  Each row's ``point_id`` says where it
comes from (``sinoe:<C_SERVICE>`` or ``osm:<type>/<id>``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from shapely.geometry import Point
from shapely.prepared import prep

from ..cache import Fetcher
from ..errors import Cancelled, EngineError, Message
from ..provenance import Source
from . import overpass
from .gpkg import TableWriter, reproject
from .irep import parse_number
from .schema import LAMBERT_93, WASTE_POINTS, WGS84
from .tabular import CsvStream, first
from .territory import CommuneLocator, Territory

SOURCE = "SINOE"
TTL_DAYS = 90.0
PAGE_SIZE = 1000
MAX_PAGES = 100
MERGE_METRES = 150.0
SINOE_URL = "https://data.ademe.fr/datasets/sinoe-(r)-annuaire-des-decheteries-dma"
OSM_SELECTORS = ('nwr["amenity"="recycling"]', 'nwr["amenity"="waste_transfer_station"]')


@dataclass
class WastePoint:
    point_id: str
    name: str
    kind: str
    streams: str
    operator: str
    opening_hours: str
    point: Point  # WGS84
    year: int = 0

    def values(self, code_insee: str | None) -> dict[str, Any]:
        return {
            "point_id": self.point_id,
            "name": self.name,
            "kind": self.kind,
            "streams": self.streams,
            "operator": self.operator,
            "opening_hours": self.opening_hours,
            "code_insee": code_insee,
        }


def sinoe_point(row: dict[str, Any]) -> WastePoint | None:
    """A déchèterie from a SINOE row (keys in any case); None without usable coordinates."""
    row = {str(key).lower(): "" if value is None else str(value).strip() for key, value in row.items()}
    latitude, longitude = parse_number(row.get("gps_lat")), parse_number(row.get("gps_lon"))
    if latitude is None or longitude is None or not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    if latitude == 0 and longitude == 0:
        return None
    service = first(row, "c_service", "id")
    year = parse_number(row.get("annee"))
    return WastePoint(
        point_id=f"sinoe:{service}",
        name=first(row, "n_service", "l_service", "nom", "c_service"),
        kind="decheterie",
        streams="",
        operator=first(row, "n_exploitant", "l_exploitant", "exploitant", "n_moa", "l_moa"),
        opening_hours="",
        point=Point(longitude, latitude),
        year=int(year or 0),
    )


def sinoe_lines(fetcher: Fetcher, bbox: tuple[float, float, float, float], cancelled: Callable[[], bool]):
    """Rows of the data-fair ``/lines`` API within ``bbox`` (WGS84), page after page."""
    url = fetcher.url(SOURCE, "lines")
    params = {"size": str(PAGE_SIZE), "bbox": ",".join(f"{value:.5f}" for value in bbox)}
    dates: list[str] = []

    def rows() -> Iterator[dict[str, Any]]:
        nonlocal params
        for _page in range(MAX_PAGES):
            if cancelled():
                raise Cancelled()
            body, entry = fetcher.json(SOURCE, url, params, TTL_DAYS)
            dates.append(entry.retrieved_date)
            if not isinstance(body, dict) or not isinstance(body.get("results"), list):
                raise EngineError("Unexpected answer from SINOE ({url}): no results.", url=url)
            yield from body["results"]
            following = dict(parse_qsl(urlsplit(str(body.get("next") or "")).query))
            if not body["results"] or not following or following == params:
                return
            params = following

    return list(rows()), url, dates


def sinoe_raw(
    fetcher: Fetcher, cancelled: Callable[[], bool]
) -> tuple[Iterator[dict[str, str]], str, list[str]]:
    """Rows of the ``/raw`` CSV, streamed from the cache."""
    url = fetcher.url(SOURCE, "raw")
    entry = fetcher.entry(SOURCE, url, ttl_days=TTL_DAYS)

    def rows() -> Iterator[dict[str, str]]:
        for index, row in enumerate(CsvStream(entry.path)):
            if index % 2000 == 0 and cancelled():
                raise Cancelled()
            yield row

    return rows(), url, [entry.retrieved_date]


def osm_point(element: dict[str, Any]) -> WastePoint | None:
    """A waste point from an Overpass element (``out center tags``); None when not one."""
    tags = element.get("tags") or {}
    point = overpass.point_of(element)
    if point is None:
        return None
    if tags.get("amenity") == "waste_transfer_station":
        kind = "transfer_station"
    elif tags.get("amenity") == "recycling":
        kind = "decheterie" if tags.get("recycling_type") == "centre" else "container"
    else:
        return None
    streams = sorted(
        key.split(":", 1)[1] for key, value in tags.items() if key.startswith("recycling:") and value == "yes"
    )
    return WastePoint(
        point_id=overpass.element_id(element),
        name=tags.get("name", ""),
        kind=kind,
        streams=", ".join(streams),
        operator=tags.get("operator", ""),
        opening_hours=tags.get("opening_hours", ""),
        point=point,
    )


def merge(
    sinoe: list[WastePoint], osm: list[WastePoint], metres: float = MERGE_METRES
) -> tuple[list[WastePoint], int]:
    """SINOE and OSM points, an OSM centre within ``metres`` of a SINOE déchèterie folded into it.

    Returns the points and the number of OSM centres merged.
    """
    projected = [reproject(point.point, WGS84, LAMBERT_93) for point in sinoe]
    merged = 0
    kept = list(sinoe)
    for candidate in osm:
        if candidate.kind == "decheterie" and sinoe:
            where = reproject(candidate.point, WGS84, LAMBERT_93)
            distance, index = min((where.distance(other), index) for index, other in enumerate(projected))
            if distance <= metres:
                target = kept[index]
                target.streams = target.streams or candidate.streams
                target.operator = target.operator or candidate.operator
                target.opening_hours = target.opening_hours or candidate.opening_hours
                target.name = target.name or candidate.name
                merged += 1
                continue
        kept.append(candidate)
    return kept, merged


@dataclass
class WasteResult:
    written: int
    sinoe: int
    osm: int
    merged: int
    outside: int
    without_position: int
    problems: list[str]
    source: Source


def load_waste_points(
    fetcher: Fetcher,
    territory: Territory,
    destination: Path,
    target_crs: str,
    log: Callable[[str], None],
    cancelled: Callable[[], bool] = lambda: False,
) -> WasteResult:
    """Download, merge and write the ``waste_points`` table; one failing source keeps the other."""
    outline = (
        territory.outline()
        if territory.crs == WGS84
        else reproject(territory.outline(), territory.crs, WGS84)
    )
    problems: list[str] = []
    dates: list[str] = []
    urls: list[str] = []
    sinoe: dict[str, WastePoint] = {}
    without_position = 0
    try:
        try:
            rows, url, got = sinoe_lines(fetcher, outline.bounds, cancelled)
        except EngineError as error:
            log(Message("SINOE /lines failed ({error}); trying the /raw CSV", error=error))
            rows, url, got = sinoe_raw(fetcher, cancelled)
        for row in rows:
            point = sinoe_point(row)
            if point is None:
                without_position += 1
                continue
            previous = sinoe.get(point.point_id)
            if previous is None or point.year >= previous.year:
                sinoe[point.point_id] = point
        dates += got
        urls.append(url)
    except EngineError as error:
        problems.append(f"SINOE: {error}")
    osm: list[WastePoint] = []
    try:
        elements, entry = overpass.elements(fetcher, overpass.query(territory.codes, OSM_SELECTORS))
        osm = [point for point in map(osm_point, elements) if point is not None]
        dates.append(entry.retrieved_date)
        urls.append(fetcher.url(overpass.SOURCE))
    except EngineError as error:
        problems.append(f"OpenStreetMap: {error}")
    if not urls:
        raise EngineError("No waste point source could be read: {problems}", problems="; ".join(problems))
    prepared = prep(outline)
    inside = [point for point in sinoe.values() if prepared.intersects(point.point)]
    outside = len(sinoe) - len(inside)
    points, merged = merge(inside, osm)
    locator = CommuneLocator(territory)
    with TableWriter(destination, WASTE_POINTS, target_crs, WGS84) as writer:
        for index, point in enumerate(points):
            if index % 500 == 0 and cancelled():
                raise Cancelled()
            where = point.point if territory.crs == WGS84 else reproject(point.point, WGS84, territory.crs)
            writer.add(point.values(locator.code_at(where)), point.point)
        written = writer.count
    date = min(dates)
    vintage = max((point.year for point in inside), default=0)
    source = Source(
        layer=WASTE_POINTS.name,
        title=WASTE_POINTS.title,
        publisher="ADEME SINOE (annuaire des déchèteries) and OpenStreetMap (Overpass API)",
        url=urls[0],
        licence="Licence Ouverte 2.0 (SINOE rows, point_id sinoe:*); ODbL 1.0 (OSM rows, point_id osm:*)",
        attribution=f"ADEME SINOE; {overpass.ATTRIBUTION}",
        vintage=f"SINOE {vintage}; OSM {date}" if vintage else date,
        retrieved=date,
        note="; ".join([f"Sources: {' '.join(urls)}", *problems]),
    )
    return WasteResult(written, len(inside), len(osm), merged, outside, without_position, problems, source)
