"""On-disk cache of downloads, with retrieval date, data vintage and time-to-live.

``online`` mode reads a fresh entry, else downloads and stores it (an expired entry is still
used, with a warning, when the download fails); ``cache`` mode never touches the network.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from .endpoints import base_url, join
from .errors import EngineError, Message
from .http_client import HttpClient, NetworkError, parse_json

DAY = 86400.0


def default_cache_dir() -> Path:
    """``$TERRITOIRE_CACHE_DIR`` or ``~/.cache/territoire_numerique``."""
    folder = os.environ.get("TERRITOIRE_CACHE_DIR")
    if folder:
        return Path(folder)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "territoire_numerique"


@dataclass(frozen=True)
class CacheEntry:
    """A cached body: its file, where it came from, when, which data edition, for how long."""

    path: Path
    url: str
    retrieved: str  # ISO date-time of the download
    vintage: str  # data edition when known ("2019", "2025-T2"), else ""
    ttl_days: float

    @property
    def age_days(self) -> float:
        retrieved = datetime.datetime.fromisoformat(self.retrieved)
        return (datetime.datetime.now(datetime.timezone.utc) - retrieved).total_seconds() / DAY

    @property
    def fresh(self) -> bool:
        return self.age_days <= self.ttl_days

    @property
    def retrieved_date(self) -> str:
        return self.retrieved[:10]


class DiskCache:
    """Files under ``root/<source>/<sha256 of url and parameters>`` with a ``.json`` sidecar."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def _paths(self, source: str, url: str, params: Mapping[str, Any] | None) -> tuple[Path, Path]:
        key = url + ("?" + urlencode(sorted((params or {}).items())) if params else "")
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
        folder = self.root / source.lower()
        return folder / digest, folder / f"{digest}.json"

    def lookup(self, source: str, url: str, params: Mapping[str, Any] | None = None) -> CacheEntry | None:
        body, sidecar = self._paths(source, url, params)
        if not (body.exists() and sidecar.exists()):
            return None
        values = json.loads(sidecar.read_text(encoding="utf-8"))
        return CacheEntry(body, values["url"], values["retrieved"], values["vintage"], values["ttl_days"])

    def last_download(self) -> str:
        """Date (``YYYY-MM-DD``) of the most recent download kept here; "" when there is none."""
        dates = []
        for sidecar in self.root.glob("*/*.json"):
            try:
                dates.append(str(json.loads(sidecar.read_text(encoding="utf-8"))["retrieved"]))
            except (OSError, ValueError, KeyError):
                continue  # a sidecar being written or damaged: not a download
        return max(dates)[:10] if dates else ""

    def store(
        self,
        source: str,
        url: str,
        params: Mapping[str, Any] | None,
        write: Callable[[Path], object],
        ttl_days: float,
        vintage: str = "",
    ) -> CacheEntry:
        """Let ``write(path)`` create the body, then record it (the sidecar is written last)."""
        body, sidecar = self._paths(source, url, params)
        body.parent.mkdir(parents=True, exist_ok=True)
        write(body)
        retrieved = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
        entry = CacheEntry(body, url, retrieved, vintage, ttl_days)
        values = {key: value for key, value in asdict(entry).items() if key != "path"}
        temporary = sidecar.with_suffix(".tmp")
        temporary.write_text(json.dumps(values), encoding="utf-8")
        temporary.replace(sidecar)
        return entry


class Fetcher:
    """Get source data by mode: ``online`` (network, cache kept) or ``cache`` (offline)."""

    def __init__(
        self,
        mode: str,
        cache: DiskCache,
        client: HttpClient | None = None,
        settings: Mapping[str, str] | None = None,
        log: Callable[[str], None] = lambda _message: None,
    ) -> None:
        if mode not in ("online", "cache"):
            raise EngineError("Unknown source '{mode}': use online, cache or sample.", mode=mode)
        self.mode = mode
        self.cache = cache
        self.client = client or HttpClient()
        self.settings = settings or {}
        self.log = log

    def url(self, source: str, path: str = "") -> str:
        return join(base_url(source, self.settings), path)

    def entry(
        self,
        source: str,
        url: str,
        params: Mapping[str, Any] | None = None,
        ttl_days: float = 30.0,
        vintage: str = "",
    ) -> CacheEntry:
        """The cached body of ``url``, downloading it (streamed to disk) when needed."""
        cached = self.cache.lookup(source, url, params)
        if self.mode == "cache":
            if cached is None:
                raise EngineError(
                    "Not in the cache (source=cache works offline with earlier downloads only): {url}",
                    url=url,
                )
            return cached
        if cached is not None and cached.fresh:
            return cached
        try:
            return self.cache.store(
                source, url, params, lambda path: self.client.download(url, path, params), ttl_days, vintage
            )
        except NetworkError:
            if cached is None:
                raise
            self.log(
                Message(
                    "{url}: download failed, using the cached copy of {date}",
                    url=url,
                    date=cached.retrieved_date,
                )
            )
            return cached

    def json(
        self, source: str, url: str, params: Mapping[str, Any] | None = None, ttl_days: float = 30.0
    ) -> tuple[Any, CacheEntry]:
        """Parsed JSON of ``url`` and its cache entry (a malformed body is not kept in the cache)."""
        entry = self.entry(source, url, params, ttl_days)
        try:
            return parse_json(entry.path.read_bytes(), url), entry
        except NetworkError:
            entry.path.unlink()
            raise
