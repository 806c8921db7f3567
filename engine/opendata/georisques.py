"""Géorisques ICPE API (installations classées): the ``industrial_sites`` family, paged per commune.

What the loader expects, checked against public material (docs/open_data_formats.md):
``GET <GEORISQUES>/installations_classees?code_insee=&page=&page_size=`` answers
``{results, page, total_pages, data: [...], response_code, message, next, previous}``; each item
has ``raisonSociale``, ``siret``, ``codeAIOT``, ``codeInsee``, ``commune``, ``codeNaf`` (often a
2-digit NAF division, kept as it is), ``longitude``/``latitude`` (WGS84), ``coordonneeXAIOT``/
``coordonneeYAIOT`` with ``systemeCoordonneesAIOT`` (``2154``), ``regime`` (Autorisation,
Enregistrement, Autres régimes, **Non ICPE**), ``statutSeveso``, ``ied``, ``etatActivite``,
``rubriques`` [{``numeroRubrique``, ``nature``, ``alinea``, ``quantiteTotale``, ``unite``}].
Null fields are omitted: an absent field is NULL.

``Non ICPE`` entries are referenced by the inspectorate but not classified (a supermarket, a
garage): they are left out and counted, unless the run keeps them (``icpe_classified`` false).
Every position is checked against the territory; impossible ones (near 0,0, outside France)
and those outside the territory are dropped and reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from ..cache import CacheEntry, Fetcher
from ..errors import Cancelled
from ..numbers import number_or_none
from ..provenance import Source
from .positions import in_france
from .schema import INDUSTRIAL_SITES, WGS84

SOURCE = "GEORISQUES"
PAGE_SIZE = 100
TTL_DAYS = 30.0
MAX_PAGES = 200
#: Metres around the territory within which an installation of one of its communes is accepted.
MARGIN_METRES = 2000.0
NON_ICPE = "Non ICPE"


def installations(
    fetcher: Fetcher, code_insee: str, cancelled: Callable[[], bool] = lambda: False
) -> Iterator[tuple[dict[str, Any], CacheEntry]]:
    """Every installation of a commune, following the ``next`` links (page numbers) to the end."""
    url = fetcher.url(SOURCE, "installations_classees")
    for page in range(1, MAX_PAGES + 1):
        if cancelled():
            raise Cancelled()
        params = {"code_insee": code_insee, "page": str(page), "page_size": str(PAGE_SIZE)}
        body, entry = fetcher.json(SOURCE, url, params, TTL_DAYS)
        if not isinstance(body, dict):
            return
        data = body.get("data") or []
        for item in data:
            yield item, entry
        if not data or not body.get("next"):
            return


def _value(item: dict[str, Any], key: str) -> Any:
    """The item's value, None when absent or empty."""
    value = item.get(key)
    return None if value is None or (isinstance(value, str) and not value.strip()) else value


def raw_position(item: dict[str, Any]) -> tuple[float, float, str] | None:
    """(x, y, CRS) of an installation: ``longitude``/``latitude``, else the AIOT coordinates."""
    longitude, latitude = number_or_none(_value(item, "longitude")), number_or_none(_value(item, "latitude"))
    if longitude is not None and latitude is not None:
        return longitude, latitude, WGS84
    x, y = number_or_none(_value(item, "coordonneeXAIOT")), number_or_none(_value(item, "coordonneeYAIOT"))
    system = str(_value(item, "systemeCoordonneesAIOT") or "")
    if x is None or y is None or not system:
        return None
    return x, y, f"EPSG:{system}" if system.isdigit() else system


def naf_label(code: str | None) -> str | None:
    """A label for a bare 2-digit NAF division (``"45"``): the API often gives no more."""
    if code and re.fullmatch(r"\d{2}", code.strip()):
        return f"NAF division {code.strip()}"
    return None


def site_row(item: dict[str, Any]) -> dict[str, Any]:
    """One ``industrial_sites`` row (without geometry) from a Géorisques installation."""
    rubriques = item.get("rubriques") or []
    numbers = ", ".join(
        str(rubrique.get("numeroRubrique")) for rubrique in rubriques if rubrique.get("numeroRubrique")
    )
    position = raw_position(item)
    regime = _value(item, "regime")
    ied = item.get("ied")
    return {
        "site_id": _value(item, "codeAIOT"),
        "name": _value(item, "raisonSociale"),
        "siret": _value(item, "siret"),
        "code_insee": _value(item, "codeInsee"),
        "commune": _value(item, "commune"),
        "naf": _value(item, "codeNaf"),
        "naf_label": naf_label(_value(item, "codeNaf")),
        "icpe_rubriques": numbers or None,
        "icpe_classified": None if regime is None else regime != NON_ICPE,
        "regime": regime,
        "seveso": _value(item, "statutSeveso"),
        "ied": "yes" if ied is True else ("no" if ied is False else _value(item, "ied")),
        "status": _value(item, "etatActivite"),
        "geocode_source": "Géorisques",
        "raw_x": position[0] if position else None,
        "raw_y": position[1] if position else None,
        "raw_crs": position[2] if position else None,
    }


def drop_reason(position: tuple[float, float, str]) -> str:
    """Why a position outside the territory is dropped: impossible, or merely elsewhere."""
    x, y, crs = position
    if crs == WGS84 and not in_france(x, y):
        return "impossible position (near 0,0 or outside France)"
    return f"position outside the territory (more than {MARGIN_METRES / 1000:.0f} km)"


def source(url: str, retrieved: str) -> Source:
    return Source(
        layer=INDUSTRIAL_SITES.name,
        title=INDUSTRIAL_SITES.title,
        publisher="Géorisques — installations classées (ICPE)",
        url=url,
        licence="Licence Ouverte 2.0",
        attribution="Géorisques, base des installations classées",
        vintage=retrieved[:7],
        retrieved=retrieved,
    )
