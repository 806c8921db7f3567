"""Géorisques ICPE API (installations classées): the ``industrial_sites`` family, paged per commune."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from shapely.geometry import Point

from ..cache import CacheEntry, Fetcher
from ..errors import Cancelled
from ..provenance import Source
from .schema import INDUSTRIAL_SITES

SOURCE = "GEORISQUES"
PAGE_SIZE = 100
TTL_DAYS = 30.0
MAX_PAGES = 200


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


def site_row(item: dict[str, Any]) -> tuple[dict[str, Any], Point | None]:
    """One ``industrial_sites`` row (WGS84 point) from a Géorisques installation."""
    rubriques = item.get("rubriques") or []
    activities = ", ".join(
        str(rubrique.get("numeroRubrique")) for rubrique in rubriques if rubrique.get("numeroRubrique")
    )
    longitude, latitude = item.get("longitude"), item.get("latitude")
    point = (
        Point(float(longitude), float(latitude)) if longitude is not None and latitude is not None else None
    )
    values = {
        "site_id": item.get("codeAIOT"),
        "name": item.get("raisonSociale"),
        "siret": item.get("siret"),
        "code_insee": item.get("codeInsee"),
        "commune": item.get("commune"),
        "naf": item.get("codeNaf"),
        "eprtr_activity": activities,
        "regime": item.get("regime"),
        "seveso": item.get("statutSeveso"),
        "ied": "yes" if item.get("ied") is True else ("no" if item.get("ied") is False else item.get("ied")),
        "status": item.get("etatActivite"),
        "geocode_source": "Géorisques",
        "raw_x": longitude,
        "raw_y": latitude,
        "raw_crs": "EPSG:4326",
    }
    return values, point


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
