"""ARCEP "Ma connexion internet": the ``fibre`` family, one point per building, streamed.

Per département two CSV files (plain, gzip or zip): ``base_imb`` (one row per building:
``imb_id``, ``imb_code_insee``, coordinates, ``imb_nbr_logloc``, ``imb_type``) and
``eligibilite`` (one row per building × technology × operator: ``imb_id``, ``code_techno``,
a download speed class).  Both are read row by row from the cache, filtered to the
territory's INSEE codes; only the territory's buildings are held in memory.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from osgeo import osr
from shapely.geometry import Point

from ..cache import Fetcher
from ..errors import Cancelled
from ..provenance import Source
from .gpkg import TableWriter, spatial_reference
from .irep import parse_number
from .schema import FIBRE, FIBRE_COMMUNES, WGS84
from .tabular import CsvStream, first
from .territory import Territory

SOURCE = "ARCEP"
TTL_DAYS = 90.0
#: Best first. FO fibre to the home, COAX cable, THDR very-high-speed radio, 4GF fixed 4G,
#: CU copper (xDSL), WMX WiMAX, SAT satellite.
TECHNO_RANK = ("FO", "COAX", "THDR", "4GF", "CU", "WMX", "SAT")
#: Download classes of the schema, slowest first, with their lower bound in Mbit/s.
DOWN_CLASSES = (("<8M", 0.0), ("8-30M", 8.0), ("30-100M", 30.0), ("100M-1G", 100.0), ("1G+", 1000.0))
#: Projected systems of the overseas départements, for x/y columns in metres.
OVERSEAS_CRS = {
    "971": "EPSG:5490",
    "972": "EPSG:5490",
    "973": "EPSG:2972",
    "974": "EPSG:2975",
    "976": "EPSG:4471",
}
_SPEED = re.compile(r"(\d+(?:[.,]\d+)?)\s*([gmk])?", re.IGNORECASE)


def file_urls(fetcher: Fetcher, departement: str) -> tuple[str, str]:
    """The ``base_imb`` and ``eligibilite`` URLs of a département."""
    return (
        fetcher.url(SOURCE, f"base_imb/{departement}.zip"),
        fetcher.url(SOURCE, f"eligibilite/{departement}.zip"),
    )


def down_class(value: str) -> int | None:
    """Index in :data:`DOWN_CLASSES` of a speed class (``"1G+"``, ``"30-100M"``, ``"de 8 à 30 Mbit/s"``)
    or of a speed in Mbit/s (``"250"``); None when no speed can be read."""
    text = value.strip().lower()
    match = _SPEED.search(text.replace(" ", "")) if text else None
    if match is None:
        return None
    mbps = float(match.group(1).replace(",", "."))
    unit = (match.group(2) or "m").lower()
    mbps *= {"g": 1000.0, "m": 1.0, "k": 0.001}[unit]
    if text.startswith(("<", "inf", "moins")):
        mbps -= 1e-6
    index = 0
    for position, (_label, lower) in enumerate(DOWN_CLASSES):
        if mbps >= lower:
            index = position
    return index


def speed_column(fields: list[str]) -> str | None:
    """The download speed (class) column of an ``eligibilite`` header."""
    for name in fields:
        if re.search(r"(debit|classe|speed).*(desc|down)|(desc|down).*(debit|classe)", name):
            return name
    for name in ("classe_debit", "debit", "classe"):
        if name in fields:
            return name
    return None


def point_crs(row: dict[str, str], departement: str) -> tuple[float, float, str] | None:
    """(x, y, CRS) of a ``base_imb`` row: ``imb_longitude/latitude`` (WGS84) or ``x/y`` checked by range."""
    longitude = parse_number(first(row, "imb_longitude", "longitude", "lon"))
    latitude = parse_number(first(row, "imb_latitude", "latitude", "lat"))
    if longitude is not None and latitude is not None:
        return longitude, latitude, WGS84
    x, y = parse_number(first(row, "x", "imb_x")), parse_number(first(row, "y", "imb_y"))
    if x is None or y is None:
        return None
    if abs(x) <= 180 and abs(y) <= 90:
        return x, y, WGS84
    return x, y, OVERSEAS_CRS.get(departement, "EPSG:2154")


def premises_of(row: dict[str, str]) -> int:
    """Housing + business premises of a building (``imb_nbr_logloc``, else log + loc, else 1)."""
    total = parse_number(first(row, "imb_nbr_logloc", "nbr_logloc", "nb_logloc"))
    if total is None:
        parts = [parse_number(first(row, key)) for key in ("imb_nbr_log", "imb_nbr_loc")]
        known = [part for part in parts if part is not None]
        total = sum(known) if known else 1.0
    return max(round(total), 0)


@dataclass
class Building:
    code_insee: str
    premises: int
    point: Point  # in the target CRS
    technos: set[str] = field(default_factory=set)
    best_class: int | None = None


@dataclass
class FibreResult:
    buildings: int
    without_position: int
    short_rows: int
    without_eligibility: int
    source: Source


class _Projector:
    """Points from any CRS to the target, with one cached transformation per CRS."""

    def __init__(self, target: str) -> None:
        self.target = spatial_reference(target)
        self.transforms: dict[str, osr.CoordinateTransformation] = {}

    def point(self, x: float, y: float, crs: str) -> Point:
        transform = self.transforms.get(crs)
        if transform is None:
            transform = osr.CoordinateTransformation(spatial_reference(crs), self.target)
            self.transforms[crs] = transform
        east, north, *_ = transform.TransformPoint(x, y)
        return Point(east, north)


def _check(index: int, cancelled: Callable[[], bool]) -> None:
    if index % 5000 == 0 and cancelled():
        raise Cancelled()


def read_buildings(
    path: Path, departement: str, codes: set[str], projector: _Projector, cancelled: Callable[[], bool]
) -> tuple[dict[str, Building], int, int]:
    """The territory's buildings of a ``base_imb`` file, rows without position, short rows."""
    buildings: dict[str, Building] = {}
    without_position = 0
    stream = CsvStream(path, "imb")
    for index, row in enumerate(stream):
        _check(index, cancelled)
        if first(row, "imb_code_insee", "code_insee") not in codes:
            continue
        position = point_crs(row, departement)
        building_id = row.get("imb_id", "")
        if position is None or not building_id:
            without_position += 1
            continue
        buildings[building_id] = Building(
            first(row, "imb_code_insee", "code_insee"), premises_of(row), projector.point(*position)
        )
    return buildings, without_position, stream.short_rows


def read_eligibility(path: Path, buildings: dict[str, Building], cancelled: Callable[[], bool]) -> int:
    """Add technologies and best download class to ``buildings``; return the short rows."""
    stream = CsvStream(path, "elig")
    column: str | None = None
    for index, row in enumerate(stream):
        _check(index, cancelled)
        building = buildings.get(row.get("imb_id", ""))
        if building is None:
            continue
        techno = first(row, "code_techno", "techno").upper()
        if techno in TECHNO_RANK:
            building.technos.add(techno)
        if column is None:
            column = speed_column(stream.fields) or ""
        speed = down_class(row.get(column, "")) if column else None
        if speed is not None and (building.best_class is None or speed > building.best_class):
            building.best_class = speed
    return stream.short_rows


def load_fibre(
    fetcher: Fetcher,
    territory: Territory,
    writer: TableWriter,
    target_crs: str,
    cancelled: Callable[[], bool] = lambda: False,
) -> tuple[FibreResult, list[tuple[str, int, bool]]]:
    """Write the ``fibre`` rows of the territory; return the result and (code, premises, ftth) rows."""
    projector = _Projector(target_crs)
    codes = set(territory.codes)
    without_position = short_rows = without_eligibility = 0
    fibre_rows: list[tuple[str, int, bool]] = []
    urls: list[str] = []
    retrieved: list[str] = []
    for departement in territory.departements:
        base_url, eligibility_url = file_urls(fetcher, departement)
        base = fetcher.entry(SOURCE, base_url, ttl_days=TTL_DAYS)
        buildings, missing, short = read_buildings(base.path, departement, codes, projector, cancelled)
        eligibility = fetcher.entry(SOURCE, eligibility_url, ttl_days=TTL_DAYS)
        short += read_eligibility(eligibility.path, buildings, cancelled)
        without_position += missing
        short_rows += short
        urls += [base_url, eligibility_url]
        retrieved += [base.retrieved_date, eligibility.retrieved_date]
        for index, (building_id, building) in enumerate(buildings.items()):
            _check(index, cancelled)
            ranked = sorted(building.technos, key=TECHNO_RANK.index)
            without_eligibility += not ranked
            ftth = "FO" in building.technos
            writer.add(
                {
                    "building_id": building_id,
                    "code_insee": building.code_insee,
                    "premises": building.premises,
                    "best_techno": ranked[0] if ranked else None,
                    "ftth": ftth,
                    "best_down_class": DOWN_CLASSES[building.best_class][0]
                    if building.best_class is not None
                    else None,
                },
                building.point,
            )
            fibre_rows.append((building.code_insee, building.premises, ftth))
    date = min(retrieved)
    source = Source(
        layer=FIBRE.name,
        title=FIBRE.title,
        publisher="Arcep — Ma connexion internet",
        url=urls[0],
        licence="Licence Ouverte 2.0",
        attribution="Arcep, Ma connexion internet",
        vintage=date[:7],
        retrieved=date,
        note="Files: "
        + " ".join(urls)
        + ". Licence and file layout not verified against the publisher's page.",
    )
    result = FibreResult(len(fibre_rows), without_position, short_rows, without_eligibility, source)
    return result, fibre_rows


def fibre_communes_rows(fibre_rows: list[tuple[str, int, bool]]) -> list[dict[str, object]]:
    """Per-commune deployment figures from (code_insee, premises, ftth) rows of the fibre table."""
    totals: dict[str, list[int]] = {}
    for code, premises, ftth in fibre_rows:
        total = totals.setdefault(code, [0, 0, 0])
        total[0] += 1
        total[1] += premises
        total[2] += premises if ftth else 0
    return [
        {
            "code_insee": code,
            "buildings": buildings,
            "premises": premises,
            "ftth_premises": ftth_premises,
            "ftth_rate": round(ftth_premises / premises, 4) if premises else None,
        }
        for code, (buildings, premises, ftth_premises) in sorted(totals.items())
    ]


def write_fibre_communes(destination: Path, target_crs: str, fibre_rows: list[tuple[str, int, bool]]) -> int:
    """The ``fibre_communes`` table; returns its row count."""
    with TableWriter(destination, FIBRE_COMMUNES, target_crs) as writer:
        for row in fibre_communes_rows(fibre_rows):
            writer.add(row)
        return writer.count
