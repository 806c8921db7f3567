"""Territories: parse the user's TERRITORY text, resolve it to communes with outlines, search by name."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from shapely import wkb
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from ..errors import EngineError
from ..text import fold as fold_text
from .gpkg import read_table, table_crs

INSEE_PATTERN = re.compile(r"^(\d{5}|2[AB]\d{3})$")
SIREN_PATTERN = re.compile(r"^\d{9}$")


@dataclass(frozen=True)
class TerritoryRequest:
    """What the user asked for: EPCI SIREN numbers and INSEE commune codes."""

    epcis: tuple[str, ...]
    communes: tuple[str, ...]


@dataclass
class Commune:
    code_insee: str
    name: str
    epci: str | None
    population: int | None
    geometry: BaseGeometry


@dataclass
class Territory:
    """Resolved territory: a display name and its communes (geometries in ``crs``)."""

    name: str
    communes: list[Commune]
    crs: str
    epcis: tuple[str, ...] = field(default_factory=tuple)

    @property
    def codes(self) -> list[str]:
        return [commune.code_insee for commune in self.communes]

    @property
    def departements(self) -> list[str]:
        """Département codes of the communes (``59``, ``2A``, ``971``)."""
        return sorted({departement_of(code) for code in self.codes})

    def outline(self) -> BaseGeometry:
        """Union of the commune outlines."""
        return unary_union([commune.geometry for commune in self.communes]).buffer(0)


def departement_of(code_insee: str) -> str:
    """Département code of an INSEE commune code (3 digits overseas)."""
    return code_insee[:3] if code_insee.startswith("97") else code_insee[:2]


def parse_territory(text: str) -> TerritoryRequest:
    """Split ``"245900428"`` or ``"59183, 59271"`` into EPCI SIRENs and INSEE codes; check each."""
    tokens = [token.strip().upper() for token in re.split(r"[,;\s]+", text or "") if token.strip()]
    if not tokens:
        raise EngineError("No territory given: enter INSEE commune codes (e.g. 59183) or an EPCI SIREN.")
    epcis: list[str] = []
    communes: list[str] = []
    for token in tokens:
        if SIREN_PATTERN.match(token):
            epcis.append(token)
        elif INSEE_PATTERN.match(token):
            communes.append(token)
        else:
            raise EngineError(
                "'{token}' is neither an INSEE commune code (5 characters, e.g. 59183) nor an EPCI "
                "SIREN (9 digits, e.g. 245900428).",
                token=token,
            )
    return TerritoryRequest(tuple(dict.fromkeys(epcis)), tuple(dict.fromkeys(communes)))


def territory_name(request: TerritoryRequest, communes: list[Commune], epci_names: dict[str, str]) -> str:
    """A readable name: the EPCI name, the commune name, or the first commune names and a count."""
    if request.epcis and not request.communes and len(request.epcis) == 1:
        return epci_names.get(request.epcis[0]) or f"EPCI {request.epcis[0]}"
    names = [epci_names.get(siren) or f"EPCI {siren}" for siren in request.epcis]
    by_code = {commune.code_insee: commune.name for commune in communes}
    names += [by_code.get(code, code) for code in request.communes]
    if len(names) <= 3:
        return ", ".join(names)
    return f"{', '.join(names[:3])} (+{len(names) - 3})"


def check_all_found(request: TerritoryRequest, communes: list[Commune], where: str) -> None:
    """Raise when a requested commune or EPCI has no commune in ``communes``."""
    found_codes = {commune.code_insee for commune in communes}
    found_epcis = {commune.epci for commune in communes}
    missing = [code for code in request.communes if code not in found_codes]
    missing += [siren for siren in request.epcis if siren not in found_epcis]
    if missing:
        raise EngineError("Territory not found in {where}: {codes}.", where=where, codes=", ".join(missing))


def territory_from_gpkg(request: TerritoryRequest, gpkg: str | Path, epci_names: dict[str, str]) -> Territory:
    """Resolve against the ``communes`` table of a GeoPackage (the bundled sample)."""
    communes = []
    for values, geometry in read_table(gpkg, "communes"):
        code = str(values.get("code_insee") or "")
        epci = str(values.get("epci") or "") or None
        if geometry is not None and (code in request.communes or epci in request.epcis):
            communes.append(
                Commune(
                    code_insee=code,
                    name=str(values.get("name") or code),
                    epci=epci,
                    population=values.get("population"),
                    geometry=wkb.loads(bytes(geometry.ExportToWkb())),
                )
            )
    check_all_found(request, communes, f"the sample territory ({Path(gpkg).name})")
    crs = table_crs(gpkg, "communes") or "EPSG:2154"
    return Territory(territory_name(request, communes, epci_names), communes, crs, request.epcis)


def fold(text: str) -> str:
    """Lower case without accents, hyphens or apostrophes, for name matching."""
    return fold_text(text, words_only=True)


@dataclass(frozen=True)
class TerritoryMatch:
    """One search answer: code (INSEE or SIREN), name and kind (``commune`` or ``epci``)."""

    code: str
    name: str
    kind: str


def read_territories_csv(path: str | Path) -> list[TerritoryMatch]:
    """The bundled list of territories (``code``, ``name``, ``kind`` columns; ``;`` or ``,``)."""
    path = Path(path)
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        sample = handle.read(4096)
        handle.seek(0)
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        rows = list(csv.DictReader(handle, dialect=dialect))
    matches = []
    for row in rows:
        lowered = {key.strip().lower(): (value or "").strip() for key, value in row.items() if key}
        code = lowered.get("code") or lowered.get("code_insee") or lowered.get("siren") or ""
        name = lowered.get("name") or lowered.get("nom") or ""
        kind = (lowered.get("kind") or lowered.get("type") or "").lower()
        if not kind:
            kind = "epci" if SIREN_PATTERN.match(code) else "commune"
        if code and name:
            matches.append(TerritoryMatch(code, name, kind))
    return matches


def rank_matches(text: str, candidates: list[TerritoryMatch], limit: int) -> list[TerritoryMatch]:
    """Candidates whose name or code matches ``text``: prefix matches first, then EPCIs, then by name."""
    wanted = fold(text)
    if not wanted:
        return []
    scored = []
    for candidate in candidates:
        folded = fold(candidate.name)
        if candidate.code.lower().startswith(wanted) or folded.startswith(wanted):
            rank = 0
        elif f" {wanted}" in f" {folded}":
            rank = 1
        elif wanted in folded:
            rank = 2
        else:
            continue
        scored.append((rank, candidate.kind != "epci", folded, candidate))
    scored.sort(key=lambda item: item[:3])
    unique: dict[tuple[str, str], TerritoryMatch] = {}
    for *_, candidate in scored:
        unique.setdefault((candidate.kind, candidate.code), candidate)
    return list(unique.values())[:limit]


class CommuneLocator:
    """The INSEE code of the commune containing a point (in the territory's CRS)."""

    def __init__(self, territory: Territory) -> None:
        from shapely.prepared import prep

        self._communes = [(commune.code_insee, prep(commune.geometry)) for commune in territory.communes]

    def code_at(self, geometry: BaseGeometry) -> str | None:
        for code, prepared in self._communes:
            if prepared.intersects(geometry):
                return code
        return None
