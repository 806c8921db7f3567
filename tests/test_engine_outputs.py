"""Outputs: never over an input, atomic, stale temporaries of killed runs removed, disk space."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time

import pytest

from territoire_numerique.engine.errors import EngineError
from territoire_numerique.engine.outputs import (
    STALE_AFTER_SECONDS,
    Location,
    atomic_output,
    commit_folder,
    first_overwrite,
    overwrites,
    remove_stale_temporaries,
    require_free_space,
    temporary_folder,
    temporary_path,
)


def make_gpkg(path, tables):
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE gpkg_contents (table_name TEXT)")
        connection.executemany("INSERT INTO gpkg_contents VALUES (?)", [(t,) for t in tables])


def test_location_parses_qgis_and_gdal_forms(tmp_path):
    gpkg = tmp_path / "Données été.gpkg"
    gpkg.write_bytes(b"")
    plain = Location.parse(str(gpkg))
    assert plain.table == "" and plain.path == os.path.normcase(os.path.realpath(gpkg))
    assert Location.parse(f"{gpkg}|layername=Roads").table == "roads"
    assert Location.parse(f"ogr:dbname='{gpkg}' table=\"flows\" (geom)") == Location(plain.path, "flows")
    assert Location.parse(f"GPKG:{gpkg}:terrain") == Location(plain.path, "terrain")
    assert Location.parse(f"{tmp_path}/dem.tif|layerid=0").table == ""
    for nothing in ("", "memory:", "TEMPORARY_OUTPUT", "https://example.org/wfs", "/vsimem/x.tif"):
        assert Location.parse(nothing) is None


def test_symlink_and_relative_forms_are_the_same_file(tmp_path, monkeypatch):
    target = tmp_path / "dem.tif"
    target.write_bytes(b"x")
    link = tmp_path / "link.tif"
    link.symlink_to(target)
    monkeypatch.chdir(tmp_path)
    assert Location.parse(str(link)) == Location.parse("dem.tif") == Location.parse(str(target))


def test_overwrite_rules(tmp_path):
    gpkg = tmp_path / "in.gpkg"
    make_gpkg(gpkg, ["communes", "roads"])
    whole, roads = Location.parse(str(gpkg)), Location.parse(f"{gpkg}|layername=roads")
    new_table = Location.parse(f"{gpkg}|layername=flows")
    assert overwrites(whole, roads)  # the whole file replaced
    assert overwrites(Location.parse(f"{gpkg}|layername=ROADS"), roads)  # SQLite names: no case
    assert not overwrites(new_table, roads)  # a new table in an input GeoPackage is allowed
    assert not overwrites(new_table, whole)
    assert overwrites(Location.parse(f"{gpkg}|layername=communes"), whole)  # its first table
    assert not overwrites(Location.parse(str(tmp_path / "other.gpkg")), roads)
    outputs = [("Flows", str(tmp_path / "out.gpkg")), ("Nodes", str(gpkg))]
    clash = first_overwrite(outputs, [("Roads", f"{gpkg}|layername=roads")])
    assert clash == ("Nodes", "Roads")


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_stale_temporaries_of_a_killed_run_are_removed(tmp_path):
    final = tmp_path / "load.gpkg"
    final.write_bytes(b"previous")
    pid = dead_pid()
    stale = tmp_path / f".load.tn{pid}-0123abcd.gpkg"
    stale.write_bytes(b"partial")
    journal = tmp_path / f".load.tn{pid}-0123abcd.gpkg-journal"
    journal.write_bytes(b"j")
    folder = tmp_path / f".flows.tn{pid}-0123abcd"
    folder.mkdir()
    (folder / "flows.gpkg").write_bytes(b"partial")
    mine = temporary_path(final)
    mine.write_bytes(b"being written")
    old_but_alive = tmp_path / f".old.tn{os.getpid()}-89abcdef.tif"
    old_but_alive.write_bytes(b"old")
    ancient = time.time() - STALE_AFTER_SECONDS - 10
    os.utime(old_but_alive, (ancient, ancient))
    user_file = tmp_path / ".hidden.gpkg"
    user_file.write_bytes(b"user")
    removed = remove_stale_temporaries(tmp_path)
    assert set(removed) == {stale, journal, folder, old_but_alive}
    assert mine.exists() and user_file.exists() and final.read_bytes() == b"previous"


def test_atomic_output_leaves_the_previous_file_on_failure(tmp_path):
    final = tmp_path / "out.tif"
    final.write_bytes(b"previous")
    with pytest.raises(RuntimeError), atomic_output(final) as temporary:
        temporary.write_bytes(b"half")
        raise RuntimeError("stop")
    assert final.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.tif"]
    with atomic_output(final) as temporary:
        temporary.write_bytes(b"new")
    assert final.read_bytes() == b"new" and len(list(tmp_path.iterdir())) == 1


def test_commit_folder_moves_a_shapefile_and_its_companions(tmp_path):
    final = tmp_path / "zones.shp"
    folder = temporary_folder(final)
    for suffix in (".shp", ".dbf", ".shx", ".prj"):
        (folder / f"zones{suffix}").write_bytes(suffix.encode())
    commit_folder(folder, final)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["zones.dbf", "zones.prj", "zones.shp", "zones.shx"]
    with pytest.raises(FileNotFoundError):
        commit_folder(temporary_folder(final), final)


def test_free_space_refusal_says_needed_available_and_where(tmp_path):
    require_free_space(tmp_path / "small.tif", 1024)
    with pytest.raises(EngineError) as error:
        require_free_space(tmp_path / "huge.tif", 10**18)
    assert error.value.values["folder"] == str(tmp_path)
    assert error.value.values["needed"] > error.value.values["available"]


def test_full_disk_is_recognised_in_its_usual_words():
    import errno
    import sqlite3

    from territoire_numerique.engine.outputs import is_disk_full

    assert is_disk_full(OSError(errno.ENOSPC, "No space left on device"))
    assert is_disk_full(sqlite3.OperationalError("database or disk is full"))
    assert is_disk_full(RuntimeError("TIFFAppendToStrip:Write error ... No space left on device"))
    assert not is_disk_full(OSError(errno.EACCES, "Permission denied"))


def test_case_does_not_matter_where_the_file_system_ignores_it(tmp_path, monkeypatch):
    import ntpath

    from territoire_numerique.engine import outputs

    monkeypatch.setattr(outputs.os.path, "normcase", ntpath.normcase)  # what Windows does
    assert Location.parse(str(tmp_path / "Données.GPKG")) == Location.parse(str(tmp_path / "données.gpkg"))
    assert overwrites(Location.parse(str(tmp_path / "DEM.TIF")), Location.parse(str(tmp_path / "dem.tif")))
