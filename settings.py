"""The plugin's settings: every ``territoire_numerique/…`` QgsSettings key, with typed accessors.

The dock, the algorithms and the layouts read and write settings only through this module.
"""

from __future__ import annotations

import re
from pathlib import Path

from qgis.core import QgsProject, QgsSettings
from qgis.PyQt.QtCore import QStandardPaths

PREFIX = "territoire_numerique/"
TERRITORY = PREFIX + "territory"
TERRITORY_NAME = PREFIX + "territory_name"
DATA_FOLDER = PREFIX + "data_folder"
CACHE_DIR = PREFIX + "cache_dir"
ORGANISATION = PREFIX + "organisation"
URLS = PREFIX + "urls/"
#: QGIS's own setting: the user interface locale ("fr", "fr_FR"; empty = the system's).
USER_LOCALE = "locale/userLocale"
#: The folder made in the user's documents when no project is saved and no data folder is set.
DEFAULT_FOLDER_NAME = "Territoire"


def _text(key: str, default: str = "") -> str:
    value = QgsSettings().value(key, default)
    return str(value) if value is not None else default


def territory() -> tuple[str, str]:
    """The last territory chosen in the dock: (code, name); empty strings when none was."""
    return _text(TERRITORY), _text(TERRITORY_NAME)


def set_territory(code: str, name: str) -> None:
    settings = QgsSettings()
    settings.setValue(TERRITORY, code)
    settings.setValue(TERRITORY_NAME, name)


def data_folder_setting() -> str:
    """The data folder the user chose ("" = the default, see :func:`data_folder`)."""
    return _text(DATA_FOLDER)


def set_data_folder(folder: str) -> None:
    QgsSettings().setValue(DATA_FOLDER, folder)


def data_folder(project: QgsProject | None = None) -> Path:
    """Where loaded territories are kept: the chosen folder, else beside the saved project,
    else a ``Territoire`` folder in the user's documents."""
    chosen = data_folder_setting()
    if chosen:
        return Path(chosen)
    project = project or QgsProject.instance()
    if project is not None and project.fileName():
        return Path(project.absolutePath())
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / DEFAULT_FOLDER_NAME


def file_name_of(territory_name: str) -> str:
    """A file name for a territory: its name without the characters file systems refuse."""
    name = re.sub(r'[<>:"/\\|?*\x00-\x1f]+', "_", territory_name).strip(" ._")
    return name or "territoire"


def territory_gpkg(territory_name: str, project: QgsProject | None = None) -> Path:
    """The GeoPackage of a territory in the data folder (one per territory, named after it)."""
    return data_folder(project) / f"{file_name_of(territory_name)}.gpkg"


def cache_dir() -> str:
    """The download cache folder chosen by the user ("" = the engine's default)."""
    return _text(CACHE_DIR)


def url_override(source: str) -> str:
    """An endpoint address replacing the built-in one for ``source`` ("" = the built-in one)."""
    return _text(URLS + source)


def url_settings() -> dict[str, str]:
    """Every endpoint override of the plugin settings, ``{SOURCE: url}`` (only those set)."""
    from .engine.endpoints import SOURCES

    values = {source: url_override(source) for source in SOURCES}
    return {source: value for source, value in values.items() if value}


def cache_folder() -> str:
    """The download cache in use: the chosen folder, else ``$TERRITOIRE_CACHE_DIR`` or the user
    cache (``engine.cache.default_cache_dir``)."""
    from .engine.cache import default_cache_dir

    return cache_dir() or str(default_cache_dir())


def network_proxies() -> dict[str, str] | None:
    """The QGIS network proxy (Settings › Network) as a ``requests`` proxies mapping; None when
    QGIS uses no HTTP proxy."""
    from qgis.core import QgsNetworkAccessManager
    from qgis.PyQt.QtNetwork import QNetworkProxy

    proxy = QgsNetworkAccessManager.instance().fallbackProxy()
    if proxy.type() not in (QNetworkProxy.ProxyType.HttpProxy, QNetworkProxy.ProxyType.HttpCachingProxy):
        return None
    credentials = f"{proxy.user()}:{proxy.password()}@" if proxy.user() else ""
    address = f"http://{credentials}{proxy.hostName()}:{proxy.port()}"
    return {"http": address, "https": address}


def organisation() -> str:
    """The organisation named as author of exported documents ("" = the QGIS user)."""
    return _text(ORGANISATION)


def set_organisation(name: str) -> None:
    QgsSettings().setValue(ORGANISATION, name)


def user_locale() -> str:
    """QGIS's interface locale ("fr", "fr_FR"), "" when QGIS follows the system."""
    return _text(USER_LOCALE)
