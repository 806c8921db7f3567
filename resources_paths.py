"""Paths of the files shipped under ``resources/`` (icons, styles, templates, sample data)."""

from __future__ import annotations

from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PLUGIN_DIR / "resources"
SAMPLE_GPKG = RESOURCES_DIR / "sample" / "territoire_sample.gpkg"


def icon_path(name: str) -> str:
    """Path of ``resources/icons/<name>``, or of the plugin icon when there is no such icon."""
    path = RESOURCES_DIR / "icons" / name
    return str(path if path.exists() else RESOURCES_DIR / "icons" / "territoire.svg")


def style_path(family: str) -> str:
    """QML style of a layer family (``resources/styles/<family>.qml``)."""
    return str(RESOURCES_DIR / "styles" / f"{family}.qml")


def template_path(name: str) -> str:
    return str(RESOURCES_DIR / "templates" / name)
