"""ARCEP "Ma connexion internet": the ``fibre`` family, one point per building, streamed.

What the loader expects, checked against public material (docs/open_data_formats.md):

* ``<ARCEP>/base_imb/last/departement/base_imb_<DEP>.csv.gz`` and
  ``<ARCEP>/eligibilite/last/departement/actuel_<DEP>.csv.gz`` under
  ``https://data.arcep.fr/fixe/maconnexioninternet``; the host answers with a 302 redirect to
  object storage (followed by the HTTP client).  CSV, ``;``, UTF-8, gzip (plain and zip bodies
  are read too: the content is sniffed, not the name).
* ``base_imb``: ``imb_id; imb_x; imb_y; imb_code; imb_code_insee; imb_nbr_logloc; imb_source;
  imb_type (PA|IM); addr_code; ...`` with ``imb_x``/``imb_y`` in **Web Mercator (EPSG:3857)**.
* ``actuel`` (eligibility): ``imb_id; addr_code; imb_code; code_operateur; code_techno;
  classe_debit_montant; classe_debit_descendant; limitation; saturation``, one row per building
  × operator × technology; ``code_techno`` FO, CU, COAX, 4GF, THDR, HDR, SAT (WMX in older
  files); classes INEL, HD05, HD3, BHD8, THD30, THD100, THD1G.
* The quarterly "cartefibre" *immeubles* export (a file on the user's disk): ``x,y`` in WGS84,
  ``imb_id``, ``imb_etat`` (deploye, en cours de deploiement, cible, signe, raccordable
  demande, abandonne...), ``code_insee`` in recent editions (older ones have none: the
  buildings are then selected by position).  Recognised by its header.

Only the territory's buildings are held in memory.  Each position is checked against the
territory (:mod:`.positions`): a file whose buildings mostly fall outside is an error naming
the likely coordinate system.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from shapely.geometry import Point

from ..cache import Fetcher
from ..errors import Cancelled, EngineError
from ..numbers import number_or_none
from ..provenance import Source
from .context import Tally
from .gpkg import Reprojector, TableWriter
from .positions import PositionCheck
from .schema import FIBRE, FIBRE_COMMUNES
from .tabular import CsvStream, first
from .territory import CommuneLocator, Territory

SOURCE = "ARCEP"
TTL_DAYS = 90.0
#: Metres around the territory within which a building of one of its communes is accepted.
MARGIN_METRES = 500.0
#: Best first. FO fibre to the home, COAX cable, THDR very-high-speed radio, 4GF fixed 4G,
#: HDR high-speed radio, CU copper (xDSL), WMX WiMAX, SAT satellite.
TECHNO_RANK = ("FO", "COAX", "THDR", "4GF", "HDR", "CU", "WMX", "SAT")
#: Download classes of the schema, slowest first, with their lower bound in Mbit/s.
DOWN_CLASSES = (("<8M", 0.0), ("8-30M", 8.0), ("30-100M", 30.0), ("100M-1G", 100.0), ("1G+", 1000.0))
#: ARCEP download classes (Ma connexion internet documentation) → index in DOWN_CLASSES.
ARCEP_CLASSES = {"INEL": 0, "HD05": 0, "HD3": 0, "BHD8": 1, "THD30": 2, "THD100": 3, "THD1G": 4}
#: Cartefibre building states counted as connectable to fibre.
FTTH_STATES = ("deploye", "raccordable")
_SPEED = re.compile(r"(\d+(?:[.,]\d+)?)\s*([gmk])?", re.IGNORECASE)


def file_urls(fetcher: Fetcher, departement: str) -> tuple[str, str]:
    """The ``base_imb`` and ``eligibilite`` URLs of a département (latest edition)."""
    return (
        fetcher.url(SOURCE, f"base_imb/last/departement/base_imb_{departement}.csv.gz"),
        fetcher.url(SOURCE, f"eligibilite/last/departement/actuel_{departement}.csv.gz"),
    )


def down_class(value: str) -> int | None:
    """Index in :data:`DOWN_CLASSES` of an ARCEP class (``THD1G``), a schema class (``"1G+"``),
    a label (``"de 8 à 30 Mbit/s"``) or a speed in Mbit/s (``"250"``); None when unreadable."""
    text = value.strip().lower()
    if text.upper() in ARCEP_CLASSES:
        return ARCEP_CLASSES[text.upper()]
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
    """The download speed (class) column of an eligibility header."""
    for name in fields:
        if re.search(r"(debit|classe|speed).*(desc|down)|(desc|down).*(debit|classe)", name):
            return name
    for name in ("classe_debit", "debit", "classe"):
        if name in fields:
            return name
    return None


@dataclass(frozen=True)
class Layout:
    """How a buildings file gives its positions, commune and deployment state."""

    name: str
    x: str
    y: str
    crs: str
    insee: str | None  # None: no commune column, buildings selected by position
    state: str | None  # cartefibre ``imb_etat``

    @property
    def cartefibre(self) -> bool:
        return self.state is not None


def building_layout(fields: list[str], name: str) -> Layout:
    """The layout of a buildings file from its header (Ma connexion internet or cartefibre)."""
    columns = set(fields)
    if {"imb_id", "imb_x", "imb_y"} <= columns:
        insee = "imb_code_insee" if "imb_code_insee" in columns else None
        return Layout("Ma connexion internet base_imb", "imb_x", "imb_y", "EPSG:3857", insee, None)
    if {"imb_id", "x", "y", "imb_etat"} <= columns:
        insee = "code_insee" if "code_insee" in columns else None
        return Layout("cartefibre immeubles", "x", "y", "EPSG:4326", insee, "imb_etat")
    raise EngineError(
        "{name} is not an ARCEP buildings file (Ma connexion internet base_imb or cartefibre "
        "immeubles): its columns are {columns}.",
        name=name,
        columns=", ".join(fields[:12]),
    )


def premises_of(row: dict[str, str]) -> int:
    """Housing + business premises of a building (``imb_nbr_logloc``, else log + loc, else 1)."""
    total = number_or_none(first(row, "imb_nbr_logloc", "nbr_logloc", "nb_logloc"))
    if total is None:
        parts = [number_or_none(first(row, key)) for key in ("imb_nbr_log", "imb_nbr_loc")]
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
    state: str | None = None  # cartefibre deployment state


@dataclass
class FibreResult:
    buildings: int
    tallies: list[Tally]
    without_eligibility: int
    source: Source


def _check(index: int, cancelled: Callable[[], bool]) -> None:
    if index % 5000 == 0 and cancelled():
        raise Cancelled()


class _Locator:
    """The commune of a target-CRS point, for files without a commune column."""

    def __init__(self, territory: Territory, target_crs: str) -> None:
        self.communes = CommuneLocator(territory)
        self.to_territory = Reprojector(target_crs, territory.crs)

    def code_at(self, point: Point) -> str | None:
        return self.communes.code_at(self.to_territory(point))


def read_buildings(
    path: Path,
    label: str,
    territory: Territory,
    check: PositionCheck,
    target_crs: str,
    cancelled: Callable[[], bool],
) -> tuple[dict[str, Building], Tally, Layout]:
    """The territory's buildings of a buildings file, with the tally of its rows."""
    codes = set(territory.codes)
    buildings: dict[str, Building] = {}
    tally = Tally(label)
    stream = CsvStream(path, "imb")
    layout: Layout | None = None
    locator: _Locator | None = None
    for index, row in enumerate(stream):
        _check(index, cancelled)
        if layout is None:
            layout = building_layout(stream.fields, label)
            tally.source = f"{label} ({layout.name})"
            locator = None if layout.insee else _Locator(territory, target_crs)
        tally.read += 1
        code = row.get(layout.insee, "") if layout.insee else ""
        if layout.insee and code not in codes:
            tally.skip("buildings of other communes")
            continue
        x, y = number_or_none(row.get(layout.x)), number_or_none(row.get(layout.y))
        building_id = row.get("imb_id", "")
        if x is None or y is None or not building_id:
            tally.drop("without position or id")
            continue
        if locator is None:
            point = check.place(x, y, layout.crs)
            if point is None:
                tally.drop(f"position outside the territory (more than {MARGIN_METRES:.0f} m)")
                continue
        else:
            point = check.contains(x, y, layout.crs)
            code = (locator.code_at(point) or "") if point is not None else ""
            if not code:
                tally.skip("buildings outside the territory")
                continue
        state = row.get(layout.state or "", "") or None
        building = Building(code, premises_of(row), point, state=state)
        if state is not None and state.lower().startswith(FTTH_STATES):
            building.technos.add("FO")
        buildings[building_id] = building
    if layout is None:  # no row: still refuse a file that is not a buildings file
        layout = building_layout(stream.fields, label)
    tally.drop("short CSV rows (truncated file?)", stream.short_rows)
    check.verify(tally.source)
    return buildings, tally, layout


def read_eligibility(path: Path, buildings: dict[str, Building], cancelled: Callable[[], bool]) -> Tally:
    """Add technologies and best download class to ``buildings``; the tally of the file's rows."""
    stream = CsvStream(path, "actuel")
    tally = Tally("ARCEP eligibilite", expected=bool(buildings))
    column: str | None = None
    for index, row in enumerate(stream):
        _check(index, cancelled)
        tally.read += 1
        building = buildings.get(row.get("imb_id", ""))
        if building is None:
            tally.skip("buildings of other communes")
            continue
        techno = first(row, "code_techno", "techno").upper()
        if column is None:
            column = speed_column(stream.fields) or ""
        speed = down_class(row.get(column, "")) if column else None
        if techno not in TECHNO_RANK:
            tally.drop("unknown technology code")
            continue
        building.technos.add(techno)
        tally.written += 1
        if speed is not None and (building.best_class is None or speed > building.best_class):
            building.best_class = speed
    tally.drop("short CSV rows (truncated file?)", stream.short_rows)
    return tally


def _write(writer: TableWriter, buildings: dict[str, Building], cancelled) -> list[tuple[str, int, bool]]:
    rows = []
    for index, (building_id, building) in enumerate(buildings.items()):
        _check(index, cancelled)
        ranked = sorted(building.technos, key=TECHNO_RANK.index)
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
                "deployment": building.state,
            },
            building.point,
        )
        rows.append((building.code_insee, building.premises, ftth))
    return rows


def load_fibre(
    fetcher: Fetcher | None,
    territory: Territory,
    writer: TableWriter,
    target_crs: str,
    cancelled: Callable[[], bool] = lambda: False,
    user_file: str = "",
) -> tuple[FibreResult, list[tuple[str, int, bool]]]:
    """Write the ``fibre`` rows of the territory; return the result and (code, premises, ftth) rows.

    ``user_file``: a buildings file on disk (cartefibre immeubles or a base_imb) instead of the
    per-département downloads; a base_imb read that way has no eligibility (techno NULL).
    """
    check = PositionCheck(territory, target_crs, MARGIN_METRES)
    fibre_rows: list[tuple[str, int, bool]] = []
    tallies: list[Tally] = []
    urls: list[str] = []
    retrieved: list[str] = []
    without_eligibility = 0
    if user_file:
        buildings, tally, layout = read_buildings(
            Path(user_file), Path(user_file).name, territory, check, target_crs, cancelled
        )
        tally.written = len(buildings)
        tallies.append(tally)
        fibre_rows = _write(writer, buildings, cancelled)
        urls.append(str(user_file))
        retrieved.append(datetime.date.fromtimestamp(Path(user_file).stat().st_mtime).isoformat())
        without_eligibility = 0 if layout.cartefibre else len(buildings)
    else:
        if fetcher is None:
            raise EngineError("No network access was configured for this run.")
        for departement in territory.departements:
            base_url, eligibility_url = file_urls(fetcher, departement)
            base = fetcher.entry(SOURCE, base_url, ttl_days=TTL_DAYS)
            buildings, tally, _layout = read_buildings(
                base.path, f"ARCEP base_imb {departement}", territory, check, target_crs, cancelled
            )
            tally.written = len(buildings)
            eligibility = fetcher.entry(SOURCE, eligibility_url, ttl_days=TTL_DAYS)
            eligibility_tally = read_eligibility(eligibility.path, buildings, cancelled)
            eligibility_tally.source = f"ARCEP eligibilite {departement}"
            tallies += [tally, eligibility_tally]
            urls += [base_url, eligibility_url]
            retrieved += [base.retrieved_date, eligibility.retrieved_date]
            without_eligibility += sum(not building.technos for building in buildings.values())
            fibre_rows += _write(writer, buildings, cancelled)
    date = min(retrieved)
    source = Source(
        layer=FIBRE.name,
        title=FIBRE.title,
        publisher="Arcep — Ma connexion internet" if not user_file else "Arcep",
        url=urls[0],
        licence="Licence Ouverte 2.0",
        attribution="Arcep, Ma connexion internet" if not user_file else "Arcep",
        vintage=date[:7],
        retrieved=date,
        note="Files: " + " ".join(urls),
    )
    result = FibreResult(len(fibre_rows), tallies, without_eligibility, source)
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
