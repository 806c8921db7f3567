"""Single source of the plugin's name and version: ``metadata.txt``."""

from __future__ import annotations

import configparser
from functools import lru_cache
from pathlib import Path

METADATA_FILE = Path(__file__).resolve().parent / "metadata.txt"


@lru_cache(maxsize=1)
def plugin_metadata() -> dict[str, str]:
    """The ``[general]`` section of metadata.txt."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(METADATA_FILE, encoding="utf-8")
    return dict(parser["general"])
