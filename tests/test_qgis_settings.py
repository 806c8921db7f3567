"""The plugin's settings module: endpoint overrides, the download cache and the network proxy
read through one place (the dock and the open-data loader ask it, not each other)."""

from __future__ import annotations

from qgis.core import QgsNetworkAccessManager, QgsSettings
from qgis.PyQt.QtNetwork import QNetworkProxy

from territoire_numerique import settings


def test_url_settings_lists_only_the_sources_overridden(monkeypatch):
    monkeypatch.setattr(settings, "URLS", settings.PREFIX + "test_urls/")
    QgsSettings().remove(settings.PREFIX + "test_urls")
    assert settings.url_settings() == {}
    QgsSettings().setValue(settings.URLS + "IREP", "http://mirror.example/irep")
    QgsSettings().setValue(settings.URLS + "NOT_A_SOURCE", "http://ignored.example")
    try:
        assert settings.url_settings() == {"IREP": "http://mirror.example/irep"}
    finally:
        QgsSettings().remove(settings.PREFIX + "test_urls")


def test_cache_folder_is_the_chosen_one_else_the_engine_default(monkeypatch, tmp_path):
    monkeypatch.setattr(settings, "CACHE_DIR", settings.PREFIX + "test_cache_dir")
    monkeypatch.setenv("TERRITOIRE_CACHE_DIR", str(tmp_path / "env"))
    QgsSettings().remove(settings.CACHE_DIR)
    assert settings.cache_folder() == str(tmp_path / "env")
    QgsSettings().setValue(settings.CACHE_DIR, str(tmp_path / "chosen"))
    try:
        assert settings.cache_folder() == str(tmp_path / "chosen")
    finally:
        QgsSettings().remove(settings.CACHE_DIR)


def test_network_proxies_follow_the_qgis_http_proxy():
    manager = QgsNetworkAccessManager.instance()
    previous = manager.fallbackProxy()
    excludes, no_proxy = manager.excludeList(), manager.noProxyList()
    try:
        manager.setFallbackProxyAndExcludes(QNetworkProxy(QNetworkProxy.ProxyType.NoProxy), [], [])
        assert settings.network_proxies() is None
        proxy = QNetworkProxy(QNetworkProxy.ProxyType.HttpProxy, "proxy.example", 3128, "agent", "secret")
        manager.setFallbackProxyAndExcludes(proxy, [], [])
        expected = "http://agent:secret@proxy.example:3128"
        assert settings.network_proxies() == {"http": expected, "https": expected}
    finally:
        manager.setFallbackProxyAndExcludes(previous, excludes, no_proxy)
