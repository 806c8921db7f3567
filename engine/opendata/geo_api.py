"""geo.api.gouv.fr: communes and EPCIs with outlines, name search; the ``boundaries`` family."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from shapely.geometry import shape

from ..cache import CacheEntry, Fetcher
from ..errors import EngineError, Message
from ..http_client import NetworkError
from ..provenance import Source
from .schema import COMMUNES, WGS84
from .territory import (
    Commune,
    Territory,
    TerritoryMatch,
    TerritoryRequest,
    check_all_found,
    rank_matches,
    read_territories_csv,
    territory_name,
)

SOURCE = "GEO_API"
FIELDS = "nom,code,codeEpci,codeDepartement,population"
TTL_DAYS = 90.0
#: The bundled list of communes and EPCIs (code, name, kind) for offline search.
TERRITORIES_CSV = Path(__file__).resolve().parents[2] / "resources" / "territories.csv"


def _commune(feature: dict[str, Any]) -> Commune:
    properties = feature.get("properties") or {}
    return Commune(
        code_insee=str(properties["code"]),
        name=str(properties.get("nom") or properties["code"]),
        epci=properties.get("codeEpci"),
        population=properties.get("population"),
        geometry=shape(feature["geometry"]).buffer(0),
    )


def not_found(error: EngineError) -> bool:
    """True when ``error`` says the service does not know the code (HTTP 404), not that it could
    not be reached (offline, which the user must read as such)."""
    return isinstance(error, NetworkError) and error.status in (400, 404)


def resolve(request: TerritoryRequest, fetcher: Fetcher) -> tuple[Territory, list[CacheEntry]]:
    """Communes (outlines in WGS84) of the requested EPCIs and communes."""
    entries: list[CacheEntry] = []
    communes: dict[str, Commune] = {}
    epci_names: dict[str, str] = {}
    contour = {"format": "geojson", "geometry": "contour", "fields": FIELDS}
    for siren in request.epcis:
        try:
            epci, entry = fetcher.json(
                SOURCE, fetcher.url(SOURCE, f"epcis/{siren}"), {"fields": "nom,code"}, TTL_DAYS
            )
        except EngineError as error:
            if not_found(error):
                raise EngineError("EPCI {siren} not found on geo.api.gouv.fr.", siren=siren) from error
            raise
        entries.append(entry)
        epci_names[siren] = str(epci.get("nom") or siren)
        collection, entry = fetcher.json(
            SOURCE, fetcher.url(SOURCE, f"epcis/{siren}/communes"), contour, TTL_DAYS
        )
        entries.append(entry)
        for feature in collection.get("features") or []:
            commune = _commune(feature)
            commune.epci = commune.epci or siren
            communes[commune.code_insee] = commune
    for code in request.communes:
        if code in communes:
            continue
        try:
            feature, entry = fetcher.json(SOURCE, fetcher.url(SOURCE, f"communes/{code}"), contour, TTL_DAYS)
        except EngineError as error:
            if not_found(error):
                raise EngineError("Commune {code} not found on geo.api.gouv.fr.", code=code) from error
            raise
        entries.append(entry)
        communes[code] = _commune(feature)
    found = list(communes.values())
    check_all_found(request, found, "geo.api.gouv.fr")
    return Territory(territory_name(request, found, epci_names), found, WGS84, request.epcis), entries


def write_boundaries(
    territory: Territory, destination: Path, target_crs: str, retrieved: str
) -> tuple[int, Source]:
    """The ``communes`` table from the resolved territory, and its provenance."""
    from .gpkg import TableWriter

    with TableWriter(destination, COMMUNES, target_crs, territory.crs) as writer:
        for commune in territory.communes:
            writer.add(
                {
                    "code_insee": commune.code_insee,
                    "name": commune.name,
                    "epci": commune.epci,
                    "population": commune.population,
                },
                commune.geometry,
            )
        count = writer.count
    source = Source(
        layer=COMMUNES.name,
        title=COMMUNES.title,
        publisher="geo.api.gouv.fr (IGN Admin Express, INSEE COG)",
        url="https://geo.api.gouv.fr/decoupage-administratif",
        licence="Licence Ouverte 2.0",
        attribution="IGN Admin Express, INSEE COG via geo.api.gouv.fr",
        vintage=retrieved[:4],
        retrieved=retrieved,
    )
    return count, source


def search_territories(
    text: str,
    limit: int = 10,
    territories_csv: str | Path | None = TERRITORIES_CSV,
    fetcher: Fetcher | None = None,
    log: Callable[[str], None] = lambda _message: None,
) -> list[TerritoryMatch]:
    """Communes and EPCIs whose name (or code) matches ``text``: the bundled list, then geo.api.

    The offline list (``resources/territories.csv``) answers first; with an online ``fetcher``,
    geo.api.gouv.fr ``/communes?nom=`` and ``/epcis?nom=`` complete it.  A network failure
    only loses the online answers (logged).
    """
    if len(text.strip()) < 2:
        return []
    candidates = read_territories_csv(territories_csv) if territories_csv else []
    matches = rank_matches(text, candidates, limit)
    if fetcher is not None and fetcher.mode == "online" and len(matches) < limit:
        for kind, path in (("epci", "epcis"), ("commune", "communes")):
            params = {"nom": text.strip(), "fields": "nom,code", "limit": str(limit)}
            if kind == "commune":
                params["boost"] = "population"
            try:
                answers, _entry = fetcher.json(SOURCE, fetcher.url(SOURCE, path), params, TTL_DAYS)
            except EngineError as error:
                log(Message("Territory search on geo.api.gouv.fr failed: {error}", error=error))
                continue
            candidates += [
                TerritoryMatch(str(item["code"]), str(item.get("nom") or item["code"]), kind)
                for item in answers
                if isinstance(item, dict) and item.get("code")
            ]
        matches = rank_matches(text, candidates, limit)
    return matches
