"""Provenance of every layer: source, vintage, licence, attribution, synthetic or real.

Stored in a GeoPackage as the ``sources`` table (one row per layer) with plain sqlite3,
so it is readable without QGIS; the plugin copies it into each layer's QgsLayerMetadata.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import asdict, dataclass, fields
from pathlib import Path

SYNTHETIC_NOTICE_FR = "Données d'exemple synthétiques"
SYNTHETIC_NOTICE_EN = "Synthetic sample data"


@dataclass(frozen=True)
class Source:
    """Where a layer comes from."""

    layer: str  # table name in the GeoPackage
    title: str  # human-readable layer name (French, as shown in legends)
    publisher: str
    url: str
    licence: str  # e.g. "Licence Ouverte 2.0", "ODbL 1.0"
    attribution: str  # credit line, e.g. "© les contributeurs d'OpenStreetMap (ODbL)"
    vintage: str  # data date or edition, e.g. "2019", "2025 T2"
    retrieved: str  # ISO date of download or generation
    synthetic: bool = False
    note: str = ""


SOURCE_COLUMNS = [f.name for f in fields(Source)]


def write_sources(gpkg: str | Path, sources: list[Source]) -> None:
    """Create or update the ``sources`` table (rows replaced per layer) of a GeoPackage.

    The table is registered in ``gpkg_contents`` as an attributes table so GDAL and QGIS
    list it.
    """
    with contextlib.closing(sqlite3.connect(str(gpkg))) as connection, connection:
        columns = ", ".join(
            f"{name} INTEGER" if name == "synthetic" else f"{name} TEXT" for name in SOURCE_COLUMNS
        )
        connection.execute(
            f"CREATE TABLE IF NOT EXISTS sources (fid INTEGER PRIMARY KEY AUTOINCREMENT, {columns})"
        )
        connection.execute(
            "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description) "
            "VALUES ('sources', 'attributes', 'sources', 'Provenance of every layer')"
        )
        for source in sources:
            connection.execute("DELETE FROM sources WHERE layer = ?", (source.layer,))
            row = asdict(source)
            row["synthetic"] = int(source.synthetic)
            placeholders = ", ".join("?" for _ in SOURCE_COLUMNS)
            connection.execute(
                f"INSERT INTO sources ({', '.join(SOURCE_COLUMNS)}) VALUES ({placeholders})",
                [row[name] for name in SOURCE_COLUMNS],
            )


def read_sources(gpkg: str | Path) -> dict[str, Source]:
    """The ``sources`` table of a GeoPackage, by layer name (empty when there is none)."""
    with contextlib.closing(sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True)) as connection:
        exists = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='sources'"
        ).fetchone()
        if not exists:
            return {}
        rows = connection.execute(f"SELECT {', '.join(SOURCE_COLUMNS)} FROM sources").fetchall()
    result = {}
    for row in rows:
        values = dict(zip(SOURCE_COLUMNS, row))
        values["synthetic"] = bool(values["synthetic"])
        result[values["layer"]] = Source(**values)
    return result


def credits_line(sources: list[Source], language: str = "fr") -> str:
    """One credits line for a map: distinct attributions with vintages, synthetic notice first."""
    parts: list[str] = []
    if any(source.synthetic for source in sources):
        parts.append(SYNTHETIC_NOTICE_FR if language == "fr" else SYNTHETIC_NOTICE_EN)
    for source in sources:
        text = source.attribution
        if source.vintage and source.vintage not in text:
            text = f"{text} {source.vintage}"
        if text and text not in parts:
            parts.append(text)
    label = "Sources : " if language == "fr" else "Sources: "
    return label + " ; ".join(parts)
