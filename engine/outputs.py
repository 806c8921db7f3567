"""Write outputs safely: atomically, never over an input, never into a full disk.

``atomic_output`` writes beside the final file under a hidden name that carries the writing
process's id, and moves it into place only on success: a failed or cancelled run leaves the
previous output and no partial file.  A run killed outright leaves its hidden file; the next
run in that folder recognises it (its process is gone, or it is a day old) and removes it
(``remove_stale_temporaries``).  ``Location`` / ``overwrites`` tell whether a destination
(a file, or a table of a GeoPackage) is one of the inputs.  ``require_free_space`` refuses a
run whose estimated output does not fit on the disk.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import sys
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import EngineError

#: Marker of our hidden temporary files: ``.<stem>.tn<pid>-<random><suffix>``.
_TEMPORARY = re.compile(r"^\.(?P<stem>.+)\.tn(?P<pid>\d+)-[0-9a-f]{8}(?P<suffix>\.[^.]+)?$")
#: Companions SQLite, GDAL and OGR leave beside a file.
_COMPANIONS = ("-wal", "-shm", "-journal", ".aux.xml")
#: A temporary file this old is stale whatever its process (process ids are reused).
STALE_AFTER_SECONDS = 24 * 3600


def temporary_path(final_path: str | os.PathLike[str]) -> Path:
    """A new hidden path beside ``final_path``, same suffix (drivers choose by extension)."""
    final = Path(final_path)
    return final.with_name(f".{final.stem}.tn{os.getpid()}-{uuid.uuid4().hex[:8]}{final.suffix}")


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # os.kill would terminate it: rely on the age alone
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_file_and_companions(path: str | os.PathLike[str]) -> None:
    """Delete ``path`` and its -wal, -shm, -journal and .aux.xml companions, if present."""
    for leftover in (Path(path), *(Path(f"{path}{suffix}") for suffix in _COMPANIONS)):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def remove_stale_temporaries(folder: str | os.PathLike[str], now: float | None = None) -> list[Path]:
    """Remove the hidden temporary files a killed run left in ``folder``; return them.

    A temporary file is stale when the process that wrote it is gone, or when it is older than
    ``STALE_AFTER_SECONDS``.  A running process's files are left alone.
    """
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        for suffix in _COMPANIONS:
            if name.endswith(suffix):
                name = name[: -len(suffix)]
                break
        match = _TEMPORARY.match(name)
        if not match:
            continue
        try:
            age = now - entry.stat().st_mtime
        except OSError:
            continue
        if age > STALE_AFTER_SECONDS or not _process_alive(int(match["pid"])):
            with contextlib.suppress(OSError):
                if entry.is_dir():
                    shutil.rmtree(entry)
                else:
                    entry.unlink()
                removed.append(entry)
    return removed


def temporary_folder(final_path: str | os.PathLike[str]) -> Path:
    """A new hidden folder beside ``final_path`` to write it in under its own name (a writer that
    names the table after the file, or writes companions such as a shapefile's .dbf)."""
    final = Path(final_path)
    folder = final.with_name(f".{final.stem}.tn{os.getpid()}-{uuid.uuid4().hex[:8]}")
    folder.mkdir(parents=True)
    return folder


def commit_folder(folder: str | os.PathLike[str], final_path: str | os.PathLike[str]) -> None:
    """Move the files written in ``folder`` (``temporary_folder``) beside ``final_path``, replacing
    the previous ones, then remove the folder."""
    final = Path(final_path)
    written = [entry for entry in Path(folder).iterdir() if entry.name.startswith(final.stem)]
    if not any(entry.name == final.name for entry in written):
        raise FileNotFoundError(f"nothing was written to {Path(folder) / final.name}")
    for entry in written:
        if not entry.name.endswith(_COMPANIONS):
            os.replace(entry, final.with_name(entry.name))
    shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def atomic_output(final_path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``final_path``; move it into place only on success.

    The temporary file keeps the final suffix so that drivers chosen by extension
    (GeoPackage, GeoTIFF, PDF) behave the same.  On any exception, the temporary file
    (and its -wal/-shm/-journal companions) is removed and ``final_path`` is untouched.
    Stale temporaries of killed runs in the same folder are removed first.
    """
    final = Path(final_path)
    final.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(final.parent)
    temporary = temporary_path(final)
    try:
        yield temporary
        if not temporary.exists():
            raise FileNotFoundError(f"nothing was written to {temporary}")
        shutil.move(str(temporary), str(final))
    finally:
        remove_file_and_companions(temporary)


# --- never overwrite an input ---------------------------------------------------------------

_OGR_DBNAME = re.compile(r"""dbname=(?P<q>['"]?)(?P<path>.+?)(?P=q)(?:\s|$)""")
_OGR_TABLE = re.compile(r"""table=(?P<q>['"]?)(?P<table>[^'"\s]+)(?P=q)""")


@dataclass(frozen=True)
class Location:
    """A file (resolved, case-folded where the file system is) and, for a GeoPackage, a table."""

    path: str
    table: str = ""

    @classmethod
    def parse(cls, uri: str) -> Location | None:
        """The location a QGIS/GDAL data source or destination string names; None for memory
        layers, web services and empty strings.

        Understands ``path``, ``path|layername=t``, ``ogr:dbname='path' table="t" (geom)``,
        ``GPKG:path:t`` (GDAL rasters) and ``file:`` / ``/vsi`` prefixes are left out.
        """
        text = (uri or "").strip()
        if not text or text.startswith(("memory:", "TEMPORARY_OUTPUT", "http://", "https://")):
            return None
        table = ""
        if text.lower().startswith("ogr:") or text.lower().startswith("dbname="):
            match = _OGR_DBNAME.search(text)
            if not match:
                return None
            table_match = _OGR_TABLE.search(text[match.end() :])
            path, table = match["path"], table_match["table"] if table_match else ""
        elif text.upper().startswith("GPKG:"):
            rest = text[5:]
            cut = rest.lower().rfind(".gpkg:")
            path, table = (rest[: cut + 5], rest[cut + 6 :]) if cut >= 0 else (rest, "")
        else:
            path, *options = text.split("|")
            for option in options:
                key, _, value = option.partition("=")
                if key.strip().lower() == "layername":
                    table = value.strip()
        if path.startswith("file://"):
            path = path[len("file://") :]
        if not path or "://" in path or path.startswith("/vsi"):
            return None
        resolved = os.path.normcase(os.path.realpath(os.path.expanduser(path)))
        return cls(resolved, table.lower() if path.lower().endswith(".gpkg") else "")


def gpkg_tables(path: str) -> set[str]:
    """Lower-case names of the tables a GeoPackage lists (empty when it cannot be read)."""
    if not os.path.isfile(path):
        return set()
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            rows = connection.execute("SELECT table_name FROM gpkg_contents").fetchall()
    except sqlite3.Error:
        return set()
    return {str(name).lower() for (name,) in rows}


def overwrites(destination: Location, source: Location) -> bool:
    """True when writing ``destination`` would replace ``source`` or part of it.

    A whole-file destination replaces every table of the file; a table destination replaces
    that table only: a *new* table in an input GeoPackage is allowed.  An input named by its
    file alone (its first table) counts as any table the file already holds.
    """
    if destination.path != source.path:
        return False
    if not destination.table or not source.table:
        return not destination.table or destination.table in gpkg_tables(destination.path)
    return destination.table == source.table


def first_overwrite(
    destinations: Iterable[tuple[str, str]], sources: Iterable[tuple[str, str]]
) -> tuple[str, str] | None:
    """``(destination label, source label)`` of the first destination that would overwrite a
    source; each argument pairs a label (the parameter as the dialog shows it) with a URI."""
    parsed_sources = [(label, Location.parse(uri)) for label, uri in sources]
    for label, uri in destinations:
        destination = Location.parse(uri)
        if destination is None:
            continue
        for source_label, source in parsed_sources:
            if source is not None and overwrites(destination, source):
                return label, source_label
    return None


# --- disk space ------------------------------------------------------------------------------

MEGABYTE = 1024 * 1024


def free_bytes(path: str | os.PathLike[str]) -> int:
    """Free space of the file system that holds ``path`` (or its nearest existing folder)."""
    folder = Path(path).expanduser().absolute()
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return shutil.disk_usage(folder).free


def available_memory_bytes() -> int:
    """Memory available to a new computation (Linux ``MemAvailable``; elsewhere the physical
    memory not in use, or 8 GiB when the system does not say)."""
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return 8 * 1024 * MEGABYTE


def require_free_space(path: str | os.PathLike[str], needed_bytes: int) -> None:
    """Refuse (EngineError) a run whose output of about ``needed_bytes`` does not fit where
    ``path`` is written (the temporary copy and the final file share the folder)."""
    available = free_bytes(path)
    if needed_bytes > available:
        raise EngineError(
            "Not enough disk space: the run needs about {needed} MB in {folder}, only {available} MB "
            "are free. Free some space or choose another folder.",
            needed=max(1, round(needed_bytes / MEGABYTE)),
            available=round(available / MEGABYTE),
            folder=str(Path(path).expanduser().absolute().parent),
        )


def is_disk_full(error: BaseException) -> bool:
    """True when ``error`` (an OSError, SQLite or GDAL error) says the disk is full."""
    if isinstance(error, OSError) and error.errno == 28:
        return True
    text = str(error).lower()
    return "disk is full" in text or "no space left" in text or "database or disk is full" in text
