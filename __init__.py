"""Territoire numérique — QGIS plugin entry point (imports lazily: nothing heavy at import time)."""


def classFactory(iface):
    """Called by QGIS (iface is None under qgis_process)."""
    from .plugin import TerritoirePlugin

    return TerritoirePlugin(iface)
