"""Store a QML style as a GeoPackage table's default style (the ``layer_styles`` table QGIS reads).

Written with plain sqlite3, so no QGIS connection stays open on the file (under qgis_process an
open OGR connection would leave the GeoPackage's -wal/-shm companions behind).
"""

from __future__ import annotations

import contextlib
import datetime
import sqlite3
from pathlib import Path

LAYER_STYLES_DDL = """
CREATE TABLE IF NOT EXISTS layer_styles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    f_table_catalog TEXT(256), f_table_schema TEXT(256), f_table_name TEXT(256),
    f_geometry_column TEXT(256), styleName TEXT(30), styleQML TEXT, styleSLD TEXT,
    useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30), update_time DATETIME
)"""


def store_default_style(gpkg: str | Path, table: str, qml_file: str | Path, name: str) -> None:
    """Make the QML in ``qml_file`` the default style of ``table`` (replacing an earlier default)."""
    qml = Path(qml_file).read_text(encoding="utf-8")
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    with contextlib.closing(sqlite3.connect(str(gpkg))) as connection, connection:
        row = connection.execute(
            "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (table,)
        ).fetchone()
        geometry_column = row[0] if row else ""
        connection.execute(LAYER_STYLES_DDL)
        connection.execute(
            "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier) "
            "VALUES ('layer_styles', 'attributes', 'layer_styles')"
        )
        connection.execute("UPDATE layer_styles SET useAsDefault = 0 WHERE f_table_name = ?", (table,))
        connection.execute(
            "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, "
            "styleName, styleQML, styleSLD, useAsDefault, description, owner, ui, update_time) "
            "VALUES ('', '', ?, ?, ?, ?, '', 1, ?, '', '', ?)",
            (table, geometry_column, name[:30], qml, name, now),
        )
