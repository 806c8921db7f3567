"""Pins of the system's scientific stack for the bench venv, and the check that it is what runs.

``constraints.py`` prints ``name==version`` for the distributions the system Python has (numpy,
Shapely, GDAL, ...): given to pip with ``-c``, a peer in bench/requirements.txt cannot pull another
version from PyPI over the one the plugin uses in QGIS.  ``constraints.py --check FILE`` (run by
the bench venv's Python) fails when one of them is not the pinned version or is not loaded from the
system's site packages.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.metadata
import sys

PINNED = {  # distribution → module
    "numpy": "numpy",
    "scipy": "scipy",
    "shapely": "shapely",
    "GDAL": "osgeo",
    "pandas": "pandas",
    "geopandas": "geopandas",
    "rasterio": "rasterio",
    "Fiona": "fiona",
    "pyproj": "pyproj",
    "networkx": "networkx",
    "matplotlib": "matplotlib",
}


def main() -> None:
    if sys.argv[1:2] == ["--check"]:
        with open(sys.argv[2]) as lines:
            pins = dict(line.strip().split("==") for line in lines if "==" in line)
        wrong = []
        for name, version in pins.items():
            module = importlib.import_module(PINNED[name])
            found = importlib.metadata.version(name)
            where = getattr(module, "__file__", "") or ""
            if found != version or f"{sys.prefix}/" in where:
                wrong.append(f"{name} {found} from {where} (system: {version})")
        if wrong:
            sys.exit("The bench venv does not run the system's stack: " + "; ".join(wrong))
        print("bench venv runs the system's " + ", ".join(f"{n} {v}" for n, v in pins.items()))
        return
    for name in PINNED:
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            print(f"{name}=={importlib.metadata.version(name)}")


if __name__ == "__main__":
    main()
