"""One small HTTP client for every open-data source: polite, patient and bounded.

Timeouts; retries with exponential backoff on connection errors, timeouts, HTTP 429 and 5xx,
honouring ``Retry-After``; a minimum interval between requests to one host (the services'
rate limits, domain.md); a descriptive User-Agent; HTTPS only (plain HTTP only for loopback
mirrors and the tests); a size limit on every body; streaming downloads to disk.  Inside QGIS
the proxy settings are passed in by the plugin.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests

from ..metadata import plugin_metadata
from .errors import Cancelled, EngineError, Message

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
MEGABYTE = 1024 * 1024


def user_agent() -> str:
    """``TerritoireNumerique/<version> (+<homepage>)``."""
    metadata = plugin_metadata()
    return f"TerritoireNumerique/{metadata.get('version', '0')} (+{metadata.get('homepage', '')})"


class NetworkError(EngineError):
    """A request failed for good (after retries) or returned something unusable.

    ``offline``: the service did not answer at all (no network, DNS, timeout), which is not
    "not found"; ``status``: the HTTP status it answered with, if any; ``service``: its host.
    """

    def __init__(
        self, message: str, *, offline: bool = False, status: int | None = None, **values: object
    ) -> None:
        super().__init__(message, **values)
        self.offline = offline
        self.status = status
        self.service = str(values.get("service", ""))


#: Words for the HTTP statuses users meet.
STATUS_WORDS = {
    400: "bad request",
    401: "authentication needed",
    403: "access refused",
    404: "not found",
    410: "gone",
    429: "too many requests",
    500: "server error",
    502: "bad gateway",
    503: "service unavailable",
    504: "gateway timeout",
}


def check_url(url: str) -> None:
    """Refuse anything but HTTPS, except plain HTTP to a loopback host (local mirrors, tests)."""
    parts = urlsplit(url)
    if parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS):
        return
    raise NetworkError("Only HTTPS addresses are allowed (or http://127.0.0.1 mirrors): {url}", url=url)


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or HTTP date), None when absent."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


@dataclass
class HttpClient:
    """Requests session with the project's network policy (see the module docstring)."""

    timeout: float = 30.0
    retries: int = 4
    backoff: float = 1.0
    max_wait: float = 120.0
    max_json_bytes: int = 100 * MEGABYTE
    max_download_bytes: int = 4096 * MEGABYTE
    min_interval: Mapping[str, float] = field(default_factory=dict)
    default_interval: float = 0.15
    proxies: Mapping[str, str] | None = None
    cancelled: Callable[[], bool] = lambda: False
    log: Callable[[str], None] = lambda _message: None

    def __post_init__(self) -> None:
        self.session = requests.Session()
        self.session.headers["User-Agent"] = user_agent()
        if self.proxies:
            self.session.proxies.update(self.proxies)
            self.session.trust_env = False
        self._last_request: dict[str, float] = {}

    def _wait(self, seconds: float) -> None:
        """Sleep ``seconds`` in short steps, stopping at once when the user cancels."""
        end = time.monotonic() + seconds
        while True:
            if self.cancelled():
                raise Cancelled()
            left = end - time.monotonic()
            if left <= 0:
                return
            time.sleep(min(left, 0.2))

    def _pace(self, host: str) -> None:
        interval = self.min_interval.get(host, self.default_interval)
        last = self._last_request.get(host)
        if last is not None:
            self._wait(interval - (time.monotonic() - last))
        self._last_request[host] = time.monotonic()

    def request(
        self, url: str, params: Mapping[str, Any] | None = None, method: str = "GET", data: Any = None
    ) -> requests.Response:
        """A successful streamed response (status < 400), after retries; NetworkError otherwise."""
        check_url(url)
        host = urlsplit(url).hostname or ""
        status: int | None = None
        for attempt in range(self.retries + 1):
            self._pace(host)
            delay = self.backoff * 2**attempt
            try:
                response = self.session.request(
                    method, url, params=params, data=data, timeout=self.timeout, stream=True
                )
            except (requests.ConnectionError, requests.Timeout) as error:
                status = None
                problem = "no answer" if isinstance(error, requests.ConnectionError) else "timeout"
            else:
                if response.status_code < 400:
                    return response
                status = response.status_code
                problem = f"HTTP {status}"
                response.close()
                if status not in RETRY_STATUSES:
                    break
                delay = retry_after_seconds(response.headers.get("Retry-After")) or delay
            if attempt < self.retries:
                if delay > self.max_wait:
                    break
                self.log(
                    Message(
                        "{url}: {problem}, retry {attempt}/{retries} in {delay} s",
                        url=url,
                        problem=problem,
                        attempt=attempt + 1,
                        retries=self.retries,
                        delay=round(delay, 1),
                    )
                )
                self._wait(delay)
        if status is None:
            raise NetworkError(
                "The service {service} did not answer (no network?): {url}. Use the source "
                "\u201ccache\u201d or \u201csample\u201d to work offline.",
                offline=True,
                service=host,
                url=url,
            )
        raise NetworkError(
            "The service {service} answered HTTP {code} ({meaning}) for {url}.",
            status=status,
            code=status,
            service=host,
            meaning=STATUS_WORDS.get(status, "error"),
            url=url,
        )

    def reachable(self, url: str, timeout: float = 3.0) -> bool:
        """True when the server of ``url`` answers at all (any HTTP status), within ``timeout`` s."""
        try:
            self.session.head(url, timeout=timeout, allow_redirects=False).close()
        except requests.RequestException:
            return False
        return True

    def _chunks(self, response: requests.Response, limit: int, url: str) -> Iterator[bytes]:
        size = 0
        try:
            for chunk in response.iter_content(chunk_size=256 * 1024):
                if self.cancelled():
                    raise Cancelled()
                size += len(chunk)
                if size > limit:
                    raise NetworkError(
                        "Download too large: {url} exceeds {megabytes} MB.",
                        url=url,
                        megabytes=limit // MEGABYTE,
                    )
                yield chunk
        except requests.RequestException as error:
            raise NetworkError(
                "The download from {service} was interrupted (network lost?): {url}.",
                offline=True,
                service=urlsplit(url).hostname or "",
                url=url,
            ) from error
        finally:
            response.close()

    def get_bytes(
        self, url: str, params: Mapping[str, Any] | None = None, method: str = "GET", data: Any = None
    ) -> bytes:
        """The whole body (bounded by ``max_json_bytes``)."""
        response = self.request(url, params, method, data)
        return b"".join(self._chunks(response, self.max_json_bytes, url))

    def get_json(
        self, url: str, params: Mapping[str, Any] | None = None, method: str = "GET", data: Any = None
    ) -> Any:
        """Parsed JSON; NetworkError when the body is not JSON."""
        return parse_json(self.get_bytes(url, params, method, data), url)

    def download(self, url: str, destination: Path, params: Mapping[str, Any] | None = None) -> Path:
        """Stream the body to ``destination`` (through a ``.part`` file, never half-written)."""
        response = self.request(url, params)
        partial = destination.with_name(destination.name + ".part")
        destination.parent.mkdir(parents=True, exist_ok=True)
        try:
            with partial.open("wb") as handle:
                for chunk in self._chunks(response, self.max_download_bytes, url):
                    handle.write(chunk)
            expected = response.headers.get("Content-Length")
            if expected is not None and partial.stat().st_size < int(expected):
                raise NetworkError("Download truncated: {url}.", url=url)
            partial.replace(destination)
        finally:
            if partial.exists():
                partial.unlink()
        return destination


def parse_json(body: bytes, url: str) -> Any:
    """JSON from ``body`` (UTF-8, BOM tolerated); NetworkError naming ``url`` when malformed."""
    try:
        return json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise NetworkError("Malformed JSON from {url}: {problem}", url=url, problem=str(error)) from error
