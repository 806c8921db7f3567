"""A real threaded HTTP server on 127.0.0.1 (port 0) replaying recorded API answers.

Routes match a path and a subset of query parameters; each route answers with a sequence of
replies (the last one repeats), so paging, HTTP 500 then success, 429 with Retry-After,
slow answers (timeouts), malformed JSON and truncated bodies are all real HTTP.  Fixture
files live under ``tests/fixtures/replay/<api>/`` in each API's own format.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "replay"


@dataclass
class Reply:
    body: bytes = b""
    status: int = 200
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering
    truncate: bool = False  # announce the full length, send half, close


@dataclass
class Route:
    path: str
    query: dict[str, str]
    replies: list[Reply]
    contains: dict[str, str] = field(default_factory=dict)  # query values holding these texts
    served: int = 0

    def matches(self, path: str, query: dict[str, str]) -> bool:
        return (
            self.path == path
            and all(query.get(key) == value for key, value in self.query.items())
            and all(text in query.get(key, "") for key, text in self.contains.items())
        )


@dataclass
class Seen:
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    at: float


def fixture(relative: str) -> bytes:
    return (FIXTURES / relative).read_bytes()


class ReplayServer:
    """``with ReplayServer() as server: server.add("/epcis/1", Reply(b"{}")); server.url``."""

    def __init__(self) -> None:
        self.routes: list[Route] = []
        self.seen: list[Seen] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                query = dict(parse_qsl(parts.query, keep_blank_values=True))
                reply = server._reply(parts.path, query, dict(self.headers.items()))
                if reply.delay:
                    time.sleep(reply.delay)
                body = reply.body
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(len(body)))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if reply.truncate:
                    self.send_header("Connection", "close")
                    self.end_headers()
                    self.wfile.write(body[: len(body) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

            def log_message(self, *_args: object) -> None:
                return

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def add(self, path: str, *replies: Reply, contains: dict[str, str] | None = None, **query: str) -> Route:
        """Answer ``path`` when the query has these exact values (and ``contains`` substrings)."""
        route = Route(path, query, list(replies), dict(contains or {}))
        self.routes.append(route)
        return route

    def _reply(self, path: str, query: dict[str, str], headers: dict[str, str]) -> Reply:
        with self._lock:
            self.seen.append(Seen(path, query, headers, time.monotonic()))
            candidates = [route for route in self.routes if route.matches(path, query)]
            if not candidates:
                return Reply(b'{"error": "not found"}', status=404)
            route = max(candidates, key=lambda item: len(item.query) + len(item.contains))
            reply = route.replies[min(route.served, len(route.replies) - 1)]
            route.served += 1
            return reply

    def __enter__(self) -> ReplayServer:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)
