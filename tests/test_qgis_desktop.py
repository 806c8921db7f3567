"""The plugin in the real QGIS desktop (real iface) under Xvfb: menu, toolbar, dock, unload, reload."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SCRIPT = REPO_ROOT / "tests" / "desktop" / "check_plugin_in_qgis.py"

pytestmark = pytest.mark.skipif(
    not (shutil.which("qgis") and shutil.which("xvfb-run")), reason="QGIS desktop or Xvfb not installed"
)


def test_plugin_in_real_qgis_desktop(tmp_path):
    result_file = tmp_path / "result.json"
    screenshot = REPO_ROOT / "out" / "screenshots" / "qgis_dock.png"
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    environment = dict(
        os.environ,
        QGIS_PLUGINPATH=str(REPO_ROOT / ".build" / "pkg"),
        TERRITOIRE_DESKTOP_RESULT=str(result_file),
        TERRITOIRE_DESKTOP_SCREENSHOT=str(screenshot),
    )
    environment.pop("QT_QPA_PLATFORM", None)
    subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1600x1000x24",
            "qgis",
            "--nologo",
            "--profiles-path",
            str(tmp_path / "profiles"),
            "--code",
            str(SCRIPT),
        ],
        env=environment,
        timeout=240,
        capture_output=True,
        check=False,
    )
    result = json.loads(result_file.read_text(encoding="utf-8"))
    assert "error" not in result, result.get("error")
    assert result["loaded"] and result["reloaded"] and result["unloaded"]
    for state in (result["after_load"], result["after_reload"]):
        assert state["menu"] and state["docks"] == 1 and state["toolbars"] == 1 and state["provider"]
        assert {"load_open_data", "export_map"} <= set(state["algorithms"])
    gone = result["after_unload"]
    assert not gone["menu"] and gone["docks"] == 0 and gone["toolbars"] == 0 and not gone["provider"]


def run_qgis(tmp_path: Path, script: Path, environment: dict, *arguments: str) -> dict:
    result_file = tmp_path / "day.json"
    result_file.unlink(missing_ok=True)
    environment = dict(
        os.environ,
        QGIS_PLUGINPATH=str(REPO_ROOT / ".build" / "pkg"),
        TERRITOIRE_DESKTOP_RESULT=str(result_file),
        **environment,
    )
    environment.pop("QT_QPA_PLATFORM", None)
    command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--nologo", "--lang", "fr"]
    command += ["--profiles-path", str(tmp_path / "profiles"), *arguments, "--code", str(script)]
    subprocess.run(command, env=environment, timeout=240, capture_output=True, check=False)
    result = json.loads(result_file.read_text(encoding="utf-8"))
    assert "error" not in result, result.get("error")
    return result


def test_a_day_in_qgis_load_twice_restart_everything_in_place(tmp_path):
    """Load the sample from the dock into a saved project (twice), quit QGIS, start it again with
    the project: the same layers, valid, in the same order, read from the data folder."""
    script = REPO_ROOT / "tests" / "desktop" / "day_in_qgis.py"
    project = tmp_path / "jour" / "territoire.qgz"
    project.parent.mkdir()
    screenshot = REPO_ROOT / "out" / "screenshots" / "desktop_day_load.png"
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    enable = tmp_path / "profiles" / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    enable.parent.mkdir(parents=True)
    enable.write_text("[PythonPlugins]\nterritoire_numerique=true\n", encoding="utf-8")
    day = {"TERRITOIRE_DAY_PROJECT": str(project)}
    loaded = run_qgis(tmp_path, script, {**day, "TERRITOIRE_DAY_PHASE": "load",
                                         "TERRITOIRE_DESKTOP_SCREENSHOT": str(screenshot)})
    assert loaded["saved"]
    assert len(loaded["first"]["names"]) == len(loaded["second"]["names"]) == 15  # reloaded in place
    assert loaded["second"]["names"] == loaded["first"]["names"]
    gpkg = str(project.parent / "Communauté urbaine de Dunkerque.gpkg")
    assert all(gpkg in source for source in loaded["first"]["sources"])
    reopen = {**day, "TERRITOIRE_DAY_PHASE": "reopen"}
    reopened = run_qgis(tmp_path, script, reopen, "--project", str(project))
    assert reopened["names"] == loaded["second"]["names"] and all(reopened["valid"])
