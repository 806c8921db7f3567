"""The ``waste_points`` family: ADEME SINOE déchèteries + OSM recycling points, merged.

SINOE (data-fair): ``/lines`` JSON pages (``size``, ``bbox``; the ``next`` link's cursor is
followed on the configured base URL, so mirrors work), else the ``/raw`` CSV (``;``, UTF-8
with BOM).  Two layouts are read, recognised by their columns (docs/open_data_formats.md):

* the *annuaire des déchèteries DMA* (``data.ademe.fr``, 35 upper-case columns): ``C_SERVICE``,
  ``N_SERVICE``, ``C_COMM`` (INSEE), ``N_ACTEUR`` (operator), ``ANNEE`` (one record per site and
  survey year), ``GPS_LAT``/``GPS_LONG`` (WGS84), ``GPS_X``/``GPS_Y`` (EPSG:3857), ``_geopoint``
  ("lat,lon");
* the *liste des services de déchèteries* (``data.sinoe-dechets.ademe.fr``, lower case):
  ``code_service``, ``libelle_service``, ``latitude``, ``longitude``, ``_geopoint``, ``annee``,
  ``libelle_acteur_exploitant``, ``qualite_coordonnees``, ``code_type_dechet_admis``,
  ``date_fermeture_service`` (a closed service is left out).

The latest survey year of each service is kept.  Positions are checked against the territory
(:mod:`.positions`).  OSM (Overpass): ``amenity=recycling`` (``recycling_type=centre`` →
déchèterie, else drop-off container, ``recycling:<stream>=yes`` → streams) and
``amenity=waste_transfer_station``.  A SINOE déchèterie and an OSM centre closer than
:data:`MERGE_METRES` are one point (SINOE kept, completed by OSM's streams, operator and opening
hours).  Each row's ``point_id`` says where it comes from (``sinoe:<service>`` or
``osm:<type>/<id>``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from shapely.geometry import Point

from ..cache import Fetcher
from ..errors import Cancelled, EngineError, Message
from ..numbers import number_or_none
from ..provenance import Source
from . import overpass
from .context import Tally
from .gpkg import TableWriter, reproject
from .positions import PositionCheck, in_france
from .schema import LAMBERT_93, WASTE_POINTS, WGS84
from .tabular import CsvStream, first
from .territory import CommuneLocator, Territory

SOURCE = "SINOE"
TTL_DAYS = 90.0
PAGE_SIZE = 1000
MAX_PAGES = 100
MERGE_METRES = 150.0
#: Metres around the territory within which a déchèterie of one of its communes is accepted.
MARGIN_METRES = 1000.0
SINOE_URL = "https://data.sinoe-dechets.ademe.fr/datasets/liste-des-services-de-decheteries-donnees-publiques"
OSM_SELECTORS = ('nwr["amenity"="recycling"]', 'nwr["amenity"="waste_transfer_station"]')
#: Commune (INSEE) columns of either layout.
COMMUNE_KEYS = ("c_comm", "code_commune", "code_commune_insee", "code_insee", "c_insee")


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


@dataclass
class SinoeRow:
    """A SINOE record read from either layout; ``position`` None when it has none."""

    service: str
    name: str
    operator: str
    year: int
    commune: str
    closed: bool
    position: tuple[float, float, str] | None  # (x, y, CRS)


def _geopoint(text: str) -> tuple[float, float, str] | None:
    """data-fair ``_geopoint`` "lat,lon" as (lon, lat, WGS84)."""
    parts = text.split(",")
    if len(parts) != 2:
        return None
    latitude, longitude = number_or_none(parts[0]), number_or_none(parts[1])
    return None if latitude is None or longitude is None else (longitude, latitude, WGS84)


def sinoe_row(row: dict[str, Any]) -> SinoeRow | None:
    """A SINOE record (keys in any case) of either layout; None when it is neither."""
    row = {str(key).lower(): "" if value is None else str(value).strip() for key, value in row.items()}
    if "c_service" in row:  # annuaire des déchèteries DMA
        latitude, longitude = number_or_none(row.get("gps_lat")), number_or_none(row.get("gps_long"))
        position = (longitude, latitude, WGS84) if latitude is not None and longitude is not None else None
        if position is None:
            position = _geopoint(row.get("_geopoint", ""))
        x, y = number_or_none(row.get("gps_x")), number_or_none(row.get("gps_y"))
        if position is None and x is not None and y is not None:
            position = (x, y, "EPSG:3857")
        service, name = row["c_service"], first(row, "n_service", "c_service")
        operator, year, closed = first(row, "n_acteur"), row.get("annee"), False
    elif "code_service" in row:  # liste des services de déchèteries
        latitude, longitude = number_or_none(row.get("latitude")), number_or_none(row.get("longitude"))
        position = (longitude, latitude, WGS84) if latitude is not None and longitude is not None else None
        if position is None:
            position = _geopoint(row.get("_geopoint", ""))
        service, name = row["code_service"], first(row, "libelle_service", "code_service")
        operator = first(row, "libelle_acteur_exploitant", "libelle_acteur_moa")
        year, closed = row.get("annee"), bool(row.get("date_fermeture_service"))
    else:
        return None
    return SinoeRow(
        service=service,
        name=name,
        operator=operator,
        year=int(number_or_none(year) or 0),
        commune=first(row, *COMMUNE_KEYS),
        closed=closed,
        position=position,
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
    sinoe: Tally | None  # None when the source could not be read
    osm: Tally | None
    merged: int
    problems: list[EngineError]
    source: Source


def place_sinoe(
    rows: Iterator[dict[str, Any]] | list[dict[str, Any]],
    territory: Territory,
    check: PositionCheck,
    tally: Tally,
    cancelled: Callable[[], bool],
) -> list[tuple[WastePoint, str | None]]:
    """The territory's open déchèteries (latest survey year of each service) and their commune."""
    latest: dict[str, SinoeRow] = {}
    for index, raw in enumerate(rows):
        if index % 2000 == 0 and cancelled():
            raise Cancelled()
        tally.read += 1
        record = sinoe_row(raw)
        if record is None:
            tally.drop("records of an unknown layout (no C_SERVICE or code_service)")
            continue
        previous = latest.get(record.service)
        if previous is not None:
            tally.skip("older survey years of a service")
            if record.year < previous.year:
                continue
        latest[record.service] = record
    codes = set(territory.codes)
    locator = CommuneLocator(territory)
    placed: list[tuple[WastePoint, str | None]] = []
    for service in sorted(latest):
        record = latest[service]
        if record.closed:
            tally.skip("closed services (date_fermeture_service)")
            continue
        if record.commune and record.commune not in codes:
            tally.skip("services of other communes")
            continue
        if record.position is None:
            tally.drop("without position")
            continue
        x, y, crs = record.position
        wgs84 = Point(x, y) if crs == WGS84 else reproject(Point(x, y), crs, WGS84)
        code: str | None = record.commune or None
        if record.commune:
            if check.place(x, y, crs) is None:
                impossible = not in_france(wgs84.x, wgs84.y)
                tally.drop(
                    "impossible position (near 0,0 or outside France)"
                    if impossible
                    else f"position outside the territory (more than {MARGIN_METRES:.0f} m)"
                )
                continue
        else:
            where = wgs84 if territory.crs == WGS84 else reproject(wgs84, WGS84, territory.crs)
            code = locator.code_at(where)
            if code is None:
                tally.skip("services outside the territory")
                continue
        point = WastePoint(
            point_id=f"sinoe:{record.service}",
            name=record.name,
            kind="decheterie",
            streams="",
            operator=record.operator,
            opening_hours="",
            point=wgs84,
            year=record.year,
        )
        placed.append((point, code))
    check.verify("SINOE")
    return placed


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
    problems: list[EngineError] = []
    dates: list[str] = []
    urls: list[str] = []
    sinoe_tally = Tally("SINOE")
    sinoe: list[tuple[WastePoint, str | None]] = []
    try:
        try:
            rows, url, got = sinoe_lines(fetcher, outline.bounds, cancelled)
        except EngineError as error:
            log(Message("SINOE /lines failed ({error}); trying the /raw CSV", error=error))
            rows, url, got = sinoe_raw(fetcher, cancelled)
        check = PositionCheck(territory, LAMBERT_93 if target_crs == WGS84 else target_crs, MARGIN_METRES)
        sinoe = place_sinoe(rows, territory, check, sinoe_tally, cancelled)
        dates += got
        urls.append(url)
    except EngineError as error:
        problems.append(EngineError("{source}: {error}", source="SINOE", error=str(error)))
    osm_tally = Tally("OpenStreetMap", expected=False)
    osm: list[WastePoint] = []
    try:
        elements, entry = overpass.elements(fetcher, overpass.query(territory.codes, OSM_SELECTORS))
        osm_tally.read = len(elements)
        for element in elements:
            point = osm_point(element)
            if point is None:
                if overpass.point_of(element) is None:
                    osm_tally.drop("elements without position")
                else:
                    osm_tally.skip("elements that are not waste points")
                continue
            osm.append(point)
        dates.append(entry.retrieved_date)
        urls.append(fetcher.url(overpass.SOURCE))
    except EngineError as error:
        problems.append(EngineError("{source}: {error}", source="OpenStreetMap", error=str(error)))
    if not urls:
        raise EngineError(
            "No waste point source could be read: {problems}", problems="; ".join(map(str, problems))
        )
    codes = {point.point_id: code for point, code in sinoe}
    points, merged = merge([point for point, _code in sinoe], osm)
    osm_tally.skip(f"centres within {MERGE_METRES:.0f} m of a SINOE déchèterie (merged into it)", merged)
    locator = CommuneLocator(territory)
    with TableWriter(destination, WASTE_POINTS, target_crs, WGS84) as writer:
        for index, point in enumerate(points):
            if index % 500 == 0 and cancelled():
                raise Cancelled()
            code = codes.get(point.point_id)
            if code is None:
                code = locator.code_at(
                    point.point if territory.crs == WGS84 else reproject(point.point, WGS84, territory.crs)
                )
            writer.add(point.values(code), point.point)
        written = writer.count
    sinoe_tally.written = len(sinoe)
    osm_tally.written = len(points) - len(sinoe)
    date = min(dates)
    vintage = max((point.year for point, _code in sinoe), default=0)
    source = Source(
        layer=WASTE_POINTS.name,
        title=WASTE_POINTS.title,
        publisher="ADEME SINOE (déchèteries) and OpenStreetMap (Overpass API)",
        url=urls[0],
        licence="Licence Ouverte 2.0 (SINOE rows, point_id sinoe:*); ODbL 1.0 (OSM rows, point_id osm:*)",
        attribution=f"ADEME SINOE; {overpass.ATTRIBUTION}",
        vintage=f"SINOE {vintage}; OSM {date}" if vintage else date,
        retrieved=date,
        note="; ".join([f"Sources: {' '.join(urls)}", *map(str, problems)]),
    )
    read = {"SINOE", "OpenStreetMap"} - {str(problem.values["source"]) for problem in problems}
    return WasteResult(
        written,
        sinoe_tally if "SINOE" in read else None,
        osm_tally if "OpenStreetMap" in read else None,
        merged,
        problems,
        source,
    )
