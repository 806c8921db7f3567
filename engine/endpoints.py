"""Base URLs of the open-data services, overridable per source.

Precedence: the environment variable ``TERRITOIRE_URL_<SOURCE>``, then the plugin setting
(a ``{SOURCE: url}`` dict the plugin passes in), then the public default.  Administrations
that mirror the data on an intranet, and the tests, point these at their own servers.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from .errors import EngineError

DEFAULT_URLS: dict[str, str] = {
    "GEO_API": "https://geo.api.gouv.fr",
    "GEOPF_WFS": "https://data.geopf.fr/wfs/ows",
    "GEORISQUES": "https://www.georisques.gouv.fr/api/v1",
    "IREP": "https://files.georisques.fr/irep",
    "ARCEP": "https://data.arcep.fr/fixe/maconnexioninternet",
    "SINOE": (
        "https://data.sinoe-dechets.ademe.fr/data-fair/api/v1/datasets/"
        "liste-des-services-de-decheteries-donnees-publiques"
    ),
    "OVERPASS": "https://overpass-api.de/api/interpreter",
    "PVGIS": "https://re.jrc.ec.europa.eu/api/v5_3",
}
SOURCES = tuple(DEFAULT_URLS)
ENV_PREFIX = "TERRITOIRE_URL_"


def base_url(source: str, settings: Mapping[str, str] | None = None) -> str:
    """The base URL of ``source`` (no trailing slash)."""
    if source not in DEFAULT_URLS:
        raise EngineError("Unknown data source {source}.", source=source)
    url = os.environ.get(ENV_PREFIX + source) or (settings or {}).get(source) or DEFAULT_URLS[source]
    return url.rstrip("/")


def join(base: str, path: str) -> str:
    """``base`` + ``/path`` (``path`` may be empty)."""
    return f"{base}/{path.lstrip('/')}" if path else base
