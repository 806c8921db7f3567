"""Say in words what a file that cannot be opened is: "not a GeoPackage (it is a text file)"."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import translatable

#: What a file's name promises, by suffix.
EXPECTED = {
    ".gpkg": translatable("a GeoPackage"),
    ".tif": translatable("a GeoTIFF"),
    ".tiff": translatable("a GeoTIFF"),
    ".shp": translatable("a shapefile"),
    ".geojson": translatable("a GeoJSON file"),
    ".json": translatable("a JSON file"),
    ".png": translatable("a PNG image"),
    ".jpg": translatable("a JPEG image"),
    ".jpeg": translatable("a JPEG image"),
    ".svg": translatable("a SVG image"),
    ".qpt": translatable("a QGIS layout template"),
}

#: (leading bytes, what they are)
_SIGNATURES = (
    (b"SQLite format 3\x00", translatable("an SQLite database")),
    (b"%PDF", translatable("a PDF document")),
    (b"\x89PNG", translatable("a PNG image")),
    (b"\xff\xd8\xff", translatable("a JPEG image")),
    (b"GIF8", translatable("a GIF image")),
    (b"PK\x03\x04", translatable("a ZIP archive")),
    (b"II*\x00", translatable("a TIFF image")),
    (b"MM\x00*", translatable("a TIFF image")),
)


def file_kind(path: str | os.PathLike[str]) -> str:
    """What ``path`` holds, in words: "an empty file", "a text file", "a PDF document"…"""
    with open(path, "rb") as handle:
        head = handle.read(4096)
    if not head:
        return translatable("an empty file")
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    if b"\x00" not in head:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError:
            if not all(32 <= byte < 127 or byte in (9, 10, 13) or byte >= 160 for byte in head):
                return translatable("a binary file")
        stripped = head.lstrip()
        if stripped.startswith(b"<") and b"<svg" in head.lower():
            return translatable("an SVG image")
        return translatable("a text file")
    return translatable("a binary file")


def expected_kind(path: str | os.PathLike[str]) -> str:
    """What the name of ``path`` promises ("a GeoPackage"), or "a readable data file"."""
    return EXPECTED.get(Path(path).suffix.lower(), translatable("a readable data file"))
