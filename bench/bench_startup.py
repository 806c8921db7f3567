"""Start-up cost of the plugin: provider registration, and `qgis_process list` with and without it.

Each figure is the median of several fresh processes (a QGIS start or a `qgis_process` call is
one): nothing is cached between them and nothing is extrapolated. The peer is QGIS itself without
the plugin: what the plugin adds to every start is the difference.
Usage: bench/bench_startup.py [runs]   (default 7)
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
PLUGIN_PARENT = REPO_ROOT / ".build" / "pkg"
QGIS_PROCESS = shutil.which("qgis_process.bin") or shutil.which("qgis_process") or "qgis_process"
HEAVY = ("numpy", "pandas", "geopandas", "scipy", "rasterio", "shapely", "pyproj", "requests", "osgeo")

REGISTER = f"""
import sys, time
sys.path.insert(0, {str(PLUGIN_PARENT)!r})
from qgis.core import QgsApplication
app = QgsApplication([], False)
app.initQgis()
before = set(sys.modules)
started = time.perf_counter()
import territoire_numerique
plugin = territoire_numerique.classFactory(None)
plugin.initProcessing()
seconds = time.perf_counter() - started
loaded = sorted({{m.split(".")[0] for m in set(sys.modules) - before}} & set({HEAVY!r}))
count = len(QgsApplication.processingRegistry().providerById("territoire").algorithms())
print(seconds, count, ",".join(loaded) or "-")
"""


def environment(profile: Path) -> dict[str, str]:
    return dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        QGIS_PREFIX_PATH="/usr",
        QGIS_PLUGINPATH=str(PLUGIN_PARENT),
        QGIS_CUSTOM_CONFIG_PATH=str(profile),
    )


def registration(runs: int, profile: Path) -> tuple[float, int, str]:
    times, count, loaded = [], 0, ""
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-P", "-c", REGISTER], env=environment(profile), capture_output=True, text=True,
            check=True,
        ).stdout.split()  # fmt: skip
        times.append(float(out[-3]))
        count, loaded = int(out[-2]), out[-1]
    return statistics.median(times), count, loaded


def list_wall(runs: int, profile: Path) -> tuple[float, int]:
    times, listed = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        listing = subprocess.run(
            [QGIS_PROCESS, "list"], env=environment(profile), capture_output=True, text=True, check=True
        ).stdout
        times.append(time.perf_counter() - started)
        listed = listing.count("territoire:")
    return statistics.median(times), listed


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    PLUGIN_PARENT.mkdir(parents=True, exist_ok=True)
    link = PLUGIN_PARENT / "territoire_numerique"
    if not link.exists():
        link.symlink_to(REPO_ROOT, target_is_directory=True)
    from qgis.core import Qgis

    print("Start-up of Territoire numérique: provider registration and `qgis_process list`")
    print(f"QGIS {Qgis.QGIS_VERSION}, Python {platform.python_version()}, {os.cpu_count()} cores; "
          f"median of {runs} fresh processes each, nothing extrapolated")  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        with_plugin, without_plugin = Path(folder) / "with", Path(folder) / "without"
        without_plugin.mkdir()
        subprocess.run(
            [QGIS_PROCESS, "plugins", "enable", "territoire_numerique"], env=environment(with_plugin),
            capture_output=True, check=True,
        )  # fmt: skip
        seconds, count, loaded = registration(runs, with_plugin)
        print(f"provider registration: {seconds * 1000:.0f} ms for {count} algorithms; "
              f"heavy modules loaded: {loaded}")  # fmt: skip
        plain, none_listed = list_wall(runs, without_plugin)
        ours, listed = list_wall(runs, with_plugin)
        print(f"qgis_process list without the plugin: {plain:.2f} s ({none_listed} territoire algorithms)")
        print(f"qgis_process list with the plugin:    {ours:.2f} s ({listed} territoire algorithms)")
        print(f"the plugin adds {1000 * (ours - plain):.0f} ms to each call (ratio {ours / plain:.2f}×)")


if __name__ == "__main__":
    main()
