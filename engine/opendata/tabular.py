"""Streaming CSV reading for large downloads: plain, gzip or zip, UTF-8 (BOM or not) or Latin-1.

Rows are read one at a time from the file on disk (never the whole file in memory), with
lower-case, stripped keys.  A row that is short (a truncated last line) is counted in
:attr:`CsvStream.short_rows` and skipped.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, cast

from ..errors import EngineError

SNIFF_BYTES = 256 * 1024


def _open_binary(path: Path, member_hint: str = "") -> IO[bytes]:
    """A binary stream of the CSV inside ``path``: the file itself, its gzip body or a zip member."""
    with path.open("rb") as handle:
        magic = handle.read(4)
    if magic[:2] == b"\x1f\x8b":
        return cast(IO[bytes], gzip.open(path, "rb"))
    if magic == b"PK\x03\x04":
        archive = zipfile.ZipFile(path)
        members = [name for name in archive.namelist() if name.lower().endswith((".csv", ".txt"))]
        preferred = [name for name in members if member_hint and member_hint in Path(name).name.lower()]
        if not (preferred or members):
            raise EngineError("The archive {path} holds no CSV file.", path=path.name)
        return archive.open((preferred or members)[0])
    return path.open("rb")


def detect_encoding(head: bytes) -> str:
    """``utf-8-sig`` when ``head`` decodes as UTF-8 (a cut multi-byte sequence at the end is fine)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(head, final=False)
    except UnicodeDecodeError:
        return "latin-1"
    return "utf-8-sig"


class CsvStream:
    """Iterate the rows of a (possibly compressed) CSV file as ``{lower-case key: value}``."""

    def __init__(self, path: str | Path, member_hint: str = "") -> None:
        self.path = Path(path)
        self.member_hint = member_hint
        self.short_rows = 0
        self.fields: list[str] = []

    def __iter__(self) -> Iterator[dict[str, str]]:
        with _open_binary(self.path, self.member_hint) as raw:
            raw_stream = cast(io.RawIOBase, raw)
            buffered = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw_stream)
            head = buffered.peek(SNIFF_BYTES)[:SNIFF_BYTES]
            encoding = detect_encoding(head)
            text = io.TextIOWrapper(buffered, encoding=encoding, errors="replace", newline="")
            first_line = head.split(b"\n", 1)[0]
            delimiter = ";" if first_line.count(b";") >= first_line.count(b",") else ","
            reader = csv.reader(text, delimiter=delimiter)
            try:
                header = next(reader)
            except StopIteration:
                return
            self.fields = [name.strip().lower() for name in header]
            width = len(self.fields)
            try:
                for values in reader:
                    if len(values) < width:
                        if any(value.strip() for value in values):
                            self.short_rows += 1
                        continue
                    yield {key: value.strip() for key, value in zip(self.fields, values)}
            except csv.Error:
                # an unterminated quoted field at the end of a truncated file
                self.short_rows += 1


def first(row: dict[str, str], *keys: str) -> str:
    """The first non-empty value of ``keys`` in ``row`` ('' when none)."""
    for key in keys:
        value = row.get(key)
        if value:
            return value
    return ""
