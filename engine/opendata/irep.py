"""IREP (Géorisques): establishments and their waste, with per-row detection of coordinate systems.

The yearly archive ``<IREP>/<year>.zip`` holds its CSV files under a ``<year>/`` folder:
``etablissements``, ``emissions``, ``Prod_dechets_dangereux``, ``Prod_dechets_non_dangereux``,
``Trait_dechets_dangereux``, ``Trait_dechets_non_dangereux``...  ``;``-separated, Latin-1 in older
years and UTF-8 in newer ones, headers in mixed case before 2021 and lower case since (all are
read lower-cased).  Production files give ``quantite`` (t/yr) and the destination as
``code_departement`` (without its leading zero) or ``pays`` (abroad); treatment files give
``quantite_admise`` and ``quantite_traitee`` (no ``quantite``); both give
``code_operation_eliminatio_valorisation`` (R/D code).  Checked against public material
(docs/open_data_formats.md).

Coordinates: ``coordonnees_x/y`` with ``code_epsg`` where the file has it (2154, 4326, older
years 27572).  The declared system is tried first; the values of the register are messy
(Lambert II étendu, Lambert I Nord, Lambert-93, WGS84 sometimes swapped, kilometres, garbage),
so each row is also tried against these systems by value range, and a candidate is kept only
when it falls in or near the territory.  Metre values are never read as degrees.
Establishments of the territory (by commune name) that cannot be placed go to a report table,
never to the sea; when most of them cannot be placed the load is an error.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from osgeo import osr
from shapely.geometry import Point
from shapely.prepared import prep

from ..errors import Cancelled, EngineError
from ..numbers import number_or_none
from ..provenance import Source
from .context import Tally
from .gpkg import TableWriter, reproject, spatial_reference
from .schema import INDUSTRIAL_WASTE, INDUSTRIAL_WASTE_UNPLACED, LAMBERT_93
from .territory import Territory, fold

SOURCE = "IREP"
NEAR_METRES = 2000.0

#: (CRS, x range, y range) tried in this order; values in metres or degrees.
CANDIDATES: tuple[tuple[str, tuple[float, float], tuple[float, float]], ...] = (
    ("EPSG:2154", (90_000, 1_250_000), (6_000_000, 7_150_000)),
    ("EPSG:27572", (0, 1_250_000), (1_600_000, 2_750_000)),
    ("EPSG:27561", (0, 1_250_000), (100_000, 400_000)),
    ("EPSG:4326", (-5.5, 10.0), (41.0, 51.5)),
)


@dataclass(frozen=True)
class Placement:
    """Where a row landed: Lambert-93 point and the system it was read in, or why it could not."""

    point: Point | None
    crs: str
    reason: str = ""


def candidate_points(x: float, y: float) -> Iterator[tuple[str, float, float]]:
    """Every (CRS, x, y) reading of a raw pair: as given, in km → m, and lon/lat swapped."""
    readings = [(x, y, ""), (x * 1000, y * 1000, " km"), (y, x, " swapped")]
    for crs, (xmin, xmax), (ymin, ymax) in CANDIDATES:
        for cx, cy, how in readings:
            if how == " km" and crs == "EPSG:4326":
                continue
            if xmin <= cx <= xmax and ymin <= cy <= ymax:
                yield crs + how, cx, cy


class Placer:
    """Place raw IREP coordinates in or near a territory (Lambert-93)."""

    def __init__(self, territory: Territory, near_metres: float = NEAR_METRES) -> None:
        outline = reproject(territory.outline(), territory.crs, LAMBERT_93)
        self.area = prep(outline.buffer(near_metres))
        self.centre = outline.centroid
        self.transforms = {
            crs: osr.CoordinateTransformation(spatial_reference(crs), spatial_reference(LAMBERT_93))
            for crs, _, _ in CANDIDATES
        }

    def place(self, raw_x: str | None, raw_y: str | None, declared: str = "") -> Placement:
        """Place a raw pair, trying ``declared`` (``code_epsg``: ``2154``, ``EPSG:27572``) first."""
        x, y = number_or_none(raw_x), number_or_none(raw_y)
        if x is None or y is None:
            return Placement(None, "", "coordinates missing or not numbers")
        crs = f"EPSG:{declared}" if declared.isdigit() else declared.upper()
        for name, (xmin, xmax), (ymin, ymax) in CANDIDATES:
            if name == crs and xmin <= x <= xmax and ymin <= y <= ymax:
                east, north, *_ = self.transforms[crs].TransformPoint(x, y)
                if self.area.contains(Point(east, north)):
                    return Placement(Point(east, north), f"{crs} (code_epsg)")
        nearest = None
        for label, cx, cy in candidate_points(x, y):
            crs = label.split(" ")[0]
            east, north, *_ = self.transforms[crs].TransformPoint(cx, cy)
            point = Point(east, north)
            if self.area.contains(point):
                return Placement(point, label)
            distance = point.distance(self.centre)
            if nearest is None or distance < nearest[0]:
                nearest = (distance, label)
        if nearest is None:
            return Placement(None, "", "coordinates in no known system (garbage)")
        return Placement(
            None, nearest[1], f"read as {nearest[1]}, {nearest[0] / 1000:.0f} km from the territory centre"
        )


def waste_code(raw: str) -> tuple[str, bool] | None:
    """``"070708*"`` / ``"07 07 08 *"`` → (``"07 07 08*"``, hazardous); None when not a LoW code."""
    digits = re.sub(r"\D", "", raw or "")
    if len(digits) != 6:
        return None
    hazardous = "*" in (raw or "")
    return f"{digits[:2]} {digits[2:4]} {digits[4:]}{'*' if hazardous else ''}", hazardous


def read_csv_rows(data: bytes, member: str = "", required: tuple[str, ...] = ()) -> Iterator[dict[str, str]]:
    """Rows of a CSV with lower-case keys: UTF-8 (BOM or not) or Latin-1, ``;`` or ``,``.

    ``required``: columns the header must have (one of ``a|b``), else an EngineError naming ``member``.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns = {(name or "").strip().lower() for name in reader.fieldnames or []}
    for wanted in required:
        if not columns.intersection(wanted.split("|")):
            raise EngineError(
                "The IREP file {member} has no {column} column (its columns: {columns}).",
                member=member,
                column=wanted.replace("|", " or "),
                columns=", ".join(sorted(columns)[:15]),
            )
    for row in reader:
        yield {(key or "").strip().lower(): (value or "").strip() for key, value in row.items() if key}


def _member(archive: zipfile.ZipFile, *words: str) -> list[str]:
    """CSV members whose lower-case name contains all ``words`` (and not ``non_`` unless asked)."""
    names = []
    for name in archive.namelist():
        lowered = Path(name).name.lower()
        if not lowered.endswith(".csv") or not all(word in lowered for word in words):
            continue
        if "non_" not in words and "non_" in lowered:
            continue
        names.append(name)
    return names


def _open_archive(archive_path: Path, url: str) -> tuple[zipfile.ZipFile, str]:
    """The IREP yearly zip and the name of its establishments member."""
    try:
        archive = zipfile.ZipFile(archive_path)
    except zipfile.BadZipFile as error:
        raise EngineError("The IREP file {url} is not a valid zip archive.", url=url) from error
    members = _member(archive, "etablissement")
    if not members:
        archive.close()
        raise EngineError("The IREP archive {url} has no establishments file.", url=url)
    return archive, members[0]


def first(row: dict[str, str], *keys: str) -> str:
    for key in keys:
        if row.get(key):
            return row[key]
    return ""


@dataclass
class IrepResult:
    unplaced: list[dict[str, object]]  # rows of the industrial_waste_unplaced table
    sites: int
    waste_rows: int
    unplaced_sites: int
    unplaced_rows: int
    other_territories: int
    truncated_rows: int
    establishments: Tally
    waste: Tally
    source: Source


def destination_of(row: dict[str, str]) -> str:
    """A production row's destination: its département code (``"01"``) or its country."""
    country = first(row, "pays", "pays_destination")
    if country and fold(country) != "france":
        return country
    departement = first(row, "code_departement", "departement_destination", "destination")
    return departement.zfill(2) if departement.isdigit() else departement


def tonnes_of(row: dict[str, str], treatment: bool) -> float | None:
    """t/yr of a row: treated (else admitted) quantity of a treatment row, else ``quantite``."""
    keys = ("quantite_traitee", "quantite_admise", "quantite") if treatment else ("quantite", "quantite_t")
    return number_or_none(first(row, *keys, "quantité"))


def _check_placed(unplaced: dict[str, dict[str, object]], placed_here: int) -> None:
    """Raise when most establishments of the territory could not be placed (a wrong CRS)."""
    total = placed_here + len(unplaced)
    if total < 3 or 2 * len(unplaced) <= total:
        return
    reasons = [str(site["reason"]) for site in unplaced.values()]
    readings = [reason for reason in reasons if reason.startswith("read as")]
    likely = max(sorted(set(readings)), key=readings.count) if readings else "no known system"
    raise EngineError(
        "IREP: {unplaced} of {total} establishments of the territory fall outside it ({likely}): "
        "the coordinates are in an unexpected system.",
        unplaced=len(unplaced),
        total=total,
        likely=likely,
    )


def load_industrial_waste(
    archive_path: Path,
    year: int,
    territory: Territory,
    writer: TableWriter,
    url: str,
    retrieved: str,
    cancelled=lambda: False,
) -> IrepResult:
    """Write the waste rows of the territory's establishments; return the report of the unplaced ones."""
    archive, establishments = _open_archive(archive_path, url)
    # many territories hold no IREP establishment: only waste rows of placed ones are expected
    sites_tally = Tally(f"IREP {year} establishments", expected=False)
    waste_tally = Tally(f"IREP {year} waste rows", expected=False)
    with archive:
        placer = Placer(territory)
        names = {fold(commune.name) for commune in territory.communes}
        sites: dict[str, dict[str, object]] = {}
        unplaced: dict[str, dict[str, Any]] = {}
        other = placed_here = 0
        required = ("identifiant", "commune", "coordonnees_x", "coordonnees_y")
        for row in read_csv_rows(archive.read(establishments), establishments, required):
            sites_tally.read += 1
            site_id = first(row, "identifiant")
            placement = placer.place(
                first(row, "coordonnees_x"), first(row, "coordonnees_y"), first(row, "code_epsg")
            )
            in_territory = fold(first(row, "commune")) in names
            values = {
                "site_id": site_id,
                "site_name": first(row, "nom_etablissement", "nom"),
                "siret": first(row, "numero_siret", "siret"),
                "commune": first(row, "commune"),
                "raw_x": first(row, "coordonnees_x"),
                "raw_y": first(row, "coordonnees_y"),
            }
            if placement.point is not None:
                sites[site_id] = {**values, "point": placement.point, "crs": placement.crs}
                placed_here += in_territory
            elif in_territory:
                unplaced[site_id] = {**values, "reason": placement.reason, "rows": 0}
                sites_tally.drop("establishments of the territory that cannot be placed")
            else:
                other += 1
                sites_tally.skip("establishments elsewhere")
        sites_tally.written = len(sites)
        waste_tally.expected = bool(sites)
        _check_placed(unplaced, placed_here)
        for words, hazardous_file in (
            (("dechets", "dangereux"), True),
            (("dechets", "non_", "dangereux"), False),
        ):
            for member in _member(archive, *words):
                treatment = "trait" in Path(member).name.lower()
                quantity = "quantite_traitee|quantite_admise|quantite" if treatment else "quantite"
                waste_columns = ("identifiant", "code_dechet", quantity)
                for row in read_csv_rows(archive.read(member), member, waste_columns):
                    if cancelled():
                        raise Cancelled()
                    waste_tally.read += 1
                    site_id = first(row, "identifiant")
                    if site_id in unplaced:
                        unplaced[site_id]["rows"] = int(unplaced[site_id]["rows"]) + 1
                        waste_tally.drop("rows of establishments that cannot be placed")
                        continue
                    site = sites.get(site_id)
                    if site is None:
                        waste_tally.skip("rows of establishments elsewhere")
                        continue
                    code = waste_code(first(row, "code_dechet", "code_déchet"))
                    tonnes = tonnes_of(row, treatment)
                    if code is None or tonnes is None:
                        waste_tally.drop("rows without a valid waste code or quantity (truncated file?)")
                        continue
                    writer.add(
                        {
                            "site_id": site_id,
                            "site_name": site["site_name"],
                            "waste_code": code[0],
                            "hazardous": code[1] or hazardous_file,
                            "tonnes": tonnes,
                            "operation": first(
                                row, "code_operation_eliminatio_valorisation", "code_operation", "code_ope"
                            ),
                            "destination": "treated on site" if treatment else destination_of(row),
                            "year": int(number_or_none(first(row, "annee", "annee_emission")) or year),
                        },
                        site["point"],
                    )
                    waste_tally.written += 1
    source = Source(
        layer=INDUSTRIAL_WASTE.name,
        title=INDUSTRIAL_WASTE.title,
        publisher="Géorisques — Registre des émissions polluantes (IREP)",
        url=url,
        licence="Licence Ouverte 2.0",
        attribution=f"Géorisques IREP {year}",
        vintage=str(year),
        retrieved=retrieved,
        note=f"{len(unplaced)} establishments of the territory could not be placed "
        f"(table {INDUSTRIAL_WASTE_UNPLACED.name})",
    )
    return IrepResult(
        list(unplaced.values()),
        len(sites),
        waste_tally.written,
        len(unplaced),
        sum(int(v["rows"]) for v in unplaced.values()),
        other,
        sum(count for reason, count in waste_tally.dropped.items() if "valid waste code" in reason),
        sites_tally,
        waste_tally,
        source,
    )


def establishments_by_siret(archive_path: Path, url: str) -> dict[str, dict[str, str]]:
    """IREP establishments of a yearly archive by SIRET: ``Identifiant``, ``Libelle_APE``, E-PRTR code."""
    archive, establishments = _open_archive(archive_path, url)
    with archive:
        found = {}
        for row in read_csv_rows(archive.read(establishments)):
            siret = re.sub(r"\D", "", first(row, "numero_siret", "siret"))
            if len(siret) == 14:
                found[siret] = {
                    "irep_id": first(row, "identifiant"),
                    "naf_label": first(row, "libelle_ape"),
                    "eprtr": f"{first(row, 'code_eprtr')} {first(row, 'libelle_eprtr')}".strip(),
                }
        return found


def default_year() -> int:
    """The latest IREP year usually published (two years back)."""
    return datetime.date.today().year - 2
