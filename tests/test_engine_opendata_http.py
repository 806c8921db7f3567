"""HTTP client, endpoints and cache against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import pytest
from replay_server import ReplayServer, Reply

from territoire_numerique.engine.cache import DiskCache, Fetcher
from territoire_numerique.engine.endpoints import DEFAULT_URLS, base_url
from territoire_numerique.engine.errors import Cancelled, EngineError
from territoire_numerique.engine.http_client import HttpClient, NetworkError, check_url, retry_after_seconds


@pytest.fixture
def server():
    with ReplayServer() as replay:
        yield replay


def fast_client(**options) -> HttpClient:
    values = {"timeout": 2.0, "retries": 2, "backoff": 0.05, "default_interval": 0.0}
    values.update(options)
    return HttpClient(**values)


def test_user_agent_and_json(server):
    server.add("/epcis/245900428", Reply(b'{"code": "245900428", "nom": "CU de Dunkerque"}'))
    data = fast_client().get_json(f"{server.url}/epcis/245900428")
    assert data["nom"] == "CU de Dunkerque"
    agent = server.seen[0].headers["User-Agent"]
    assert agent.startswith("TerritoireNumerique/") and "(+https://" in agent


def test_retries_500_then_succeeds(server):
    server.add("/flaky", Reply(b"oops", status=500), Reply(b"oops", status=503), Reply(b"[1, 2]"))
    assert fast_client().get_json(f"{server.url}/flaky") == [1, 2]
    assert len(server.seen) == 3


def test_gives_up_after_retries(server):
    server.add("/down", Reply(b"oops", status=500))
    with pytest.raises(NetworkError, match="HTTP 500"):
        fast_client(retries=1).get_json(f"{server.url}/down")
    assert len(server.seen) == 2


def test_no_retry_on_404(server):
    with pytest.raises(NetworkError, match="HTTP 404"):
        fast_client().get_json(f"{server.url}/missing")
    assert len(server.seen) == 1


def test_offline_is_said_in_words_not_as_not_found():
    import socket

    with socket.socket() as probe:  # a port nobody listens on: the service does not answer
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(NetworkError) as error:
        fast_client(retries=1).get_json(f"http://127.0.0.1:{port}/communes/59183")
    assert error.value.offline and error.value.status is None and error.value.service == "127.0.0.1"
    message = str(error.value)
    assert "did not answer (no network?)" in message and "“cache”" in message and "“sample”" in message
    assert "urllib3" not in message and "Errno" not in message and "HTTPConnectionPool" not in message


def test_http_status_is_named_with_the_service(server):
    with pytest.raises(NetworkError) as error:
        fast_client().get_json(f"{server.url}/missing")
    assert error.value.status == 404 and not error.value.offline
    assert "The service 127.0.0.1 answered HTTP 404 (not found)" in str(error.value)


def test_429_honours_retry_after(server):
    server.add("/busy", Reply(b"slow down", status=429, headers={"Retry-After": "1"}), Reply(b'{"ok": true}'))
    assert fast_client().get_json(f"{server.url}/busy") == {"ok": True}
    first, second = server.seen
    assert second.at - first.at >= 0.95  # waited what the server asked, not the 0.05 s backoff


def test_retry_after_beyond_max_wait_fails_at_once(server):
    server.add("/later", Reply(b"", status=429, headers={"Retry-After": "3600"}))
    with pytest.raises(NetworkError, match="HTTP 429"):
        fast_client(max_wait=10).get_json(f"{server.url}/later")
    assert len(server.seen) == 1


def test_retry_after_formats():
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds(None) is None
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # a date in the past


def test_timeout_is_retried(server):
    server.add("/slow", Reply(b"{}", delay=1.5), Reply(b'{"late": false}'))
    assert fast_client(timeout=0.5).get_json(f"{server.url}/slow") == {"late": False}


def test_malformed_json(server):
    server.add("/broken", Reply(b'{"data": [1, 2'))
    with pytest.raises(NetworkError, match="Malformed JSON"):
        fast_client().get_json(f"{server.url}/broken")


def test_truncated_download_leaves_no_file(server, tmp_path):
    server.add("/big.csv", Reply(b"a;b\n" * 10_000, content_type="text/csv", truncate=True))
    target = tmp_path / "big.csv"
    with pytest.raises(NetworkError):
        fast_client(retries=0).download(f"{server.url}/big.csv", target)
    assert list(tmp_path.iterdir()) == []


def test_size_limit(server, tmp_path):
    server.add("/huge", Reply(b"x" * 600_000, content_type="text/plain"))
    with pytest.raises(NetworkError, match="too large"):
        fast_client(max_download_bytes=500_000).download(f"{server.url}/huge", tmp_path / "huge")
    assert list(tmp_path.iterdir()) == []


def test_https_only_except_loopback():
    check_url("https://geo.api.gouv.fr/communes")
    check_url("http://127.0.0.1:8080/x")
    with pytest.raises(NetworkError, match="HTTPS"):
        check_url("http://geo.api.gouv.fr/communes")


def test_cancel_stops_waiting(server):
    server.add("/busy", Reply(b"", status=429, headers={"Retry-After": "30"}))
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(Cancelled):
        fast_client(max_wait=60, cancelled=cancelled).get_json(f"{server.url}/busy")


def test_endpoint_overrides(monkeypatch):
    monkeypatch.delenv("TERRITOIRE_URL_GEO_API", raising=False)
    assert base_url("GEO_API") == DEFAULT_URLS["GEO_API"]
    assert base_url("GEO_API", {"GEO_API": "https://mirror.example/geo/"}) == "https://mirror.example/geo"
    monkeypatch.setenv("TERRITOIRE_URL_GEO_API", "http://127.0.0.1:9/geo")
    assert base_url("GEO_API", {"GEO_API": "https://mirror.example/geo"}) == "http://127.0.0.1:9/geo"
    with pytest.raises(EngineError):
        base_url("NOPE")


def test_cache_online_then_offline(server, tmp_path, monkeypatch):
    monkeypatch.setenv("TERRITOIRE_URL_PVGIS", server.url)
    server.add("/PVcalc", Reply(b'{"outputs": {"totals": {"fixed": {"E_y": 1010.5}}}}'))
    cache = DiskCache(tmp_path / "cache")
    online = Fetcher("online", cache, fast_client())
    url = online.url("PVGIS", "PVcalc")
    data, entry = online.json("PVGIS", url, {"lat": 51.0, "lon": 2.3})
    assert data["outputs"]["totals"]["fixed"]["E_y"] == 1010.5 and entry.fresh
    online.json("PVGIS", url, {"lat": 51.0, "lon": 2.3})
    assert len(server.seen) == 1  # fresh entry: no second request
    offline = Fetcher("cache", cache)
    assert offline.json("PVGIS", url, {"lat": 51.0, "lon": 2.3})[0] == data
    with pytest.raises(EngineError, match="Not in the cache"):
        offline.json("PVGIS", url, {"lat": 50.0, "lon": 2.3})


def test_expired_cache_used_when_download_fails(server, tmp_path):
    cache = DiskCache(tmp_path / "cache")
    url = f"{server.url}/data"
    server.add("/data", Reply(b'{"v": 1}'), Reply(b"", status=500))
    Fetcher("online", cache, fast_client()).json("X", url, ttl_days=-1)
    data, entry = Fetcher("online", cache, fast_client(retries=0)).json("X", url, ttl_days=-1)
    assert data == {"v": 1} and not entry.fresh
