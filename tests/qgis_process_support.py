"""Run an algorithm of the plugin through the real ``qgis_process`` command line, as a user's
script or a shell does (values as text: choice keys or indexes, layer URIs, file paths)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
QGIS_PROCESS = "/usr/bin/qgis_process.bin"


def run_algorithm(algorithm: str, values: dict[str, object], profile: Path) -> dict:
    """The ``results`` of ``qgis_process run <algorithm>`` with ``values`` (NAME=value each), in a
    fresh QGIS profile folder ``profile`` where the plugin is enabled first."""
    environment = dict(
        os.environ,
        QGIS_PLUGINPATH=str(REPO_ROOT / ".build" / "pkg"),
        QGIS_CUSTOM_CONFIG_PATH=str(profile),
        QT_QPA_PLATFORM="offscreen",
    )
    commands = [] if profile.exists() else [["plugins", "enable", "territoire_numerique"]]
    arguments = [f"{name}={value}" for name, value in values.items()]
    commands.append(["run", algorithm, "--json", "--", *arguments])
    for command in commands:
        completed = subprocess.run(
            [QGIS_PROCESS, *command], env=environment, capture_output=True, text=True, timeout=300
        )
        assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    return json.loads(completed.stdout[completed.stdout.index("{") :])["results"]
