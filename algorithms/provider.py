"""The ``territoire`` Processing provider: finds the algorithm modules of this package.

Registration imports only the algorithm modules, which import the analysis libraries (numpy,
GeoPandas, SciPy, rasterio, requests…) when they run: QGIS start-up and every ``qgis_process``
call stay light (tests/test_qgis_startup.py, bench/bench_startup.py).
"""

from __future__ import annotations

import inspect
import pkgutil
from pathlib import Path

from qgis.core import Qgis, QgsMessageLog, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..i18n_support import tr
from ..metadata import plugin_metadata
from ..resources_paths import icon_path
from .base import TerritoireAlgorithm

NOT_ALGORITHM_MODULES = {"base", "provider"}


def algorithm_classes() -> tuple[list[type[TerritoireAlgorithm]], dict[str, str]]:
    """Every algorithm class of this package, and the modules that could not load (name → reason)."""
    classes: list[type[TerritoireAlgorithm]] = []
    unavailable: dict[str, str] = {}
    package_dir = str(Path(__file__).resolve().parent)
    for module_info in sorted(pkgutil.iter_modules([package_dir]), key=lambda m: m.name):
        if module_info.name in NOT_ALGORITHM_MODULES or module_info.name.startswith("_"):
            continue
        try:
            # builtins __import__ (not importlib): QGIS tracks the plugin's modules through it and
            # purges them on unload, so a reloaded plugin gets fresh algorithm classes.
            module = __import__(f"{__package__}.{module_info.name}", fromlist=[module_info.name])
        except ImportError as error:
            unavailable[module_info.name] = str(error)
            continue
        for _, member in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(member, TerritoireAlgorithm)
                and member is not TerritoireAlgorithm
                and member.__module__ == module.__name__
                and member.ALGORITHM_ID
            ):
                classes.append(member)
    return classes, unavailable


class TerritoireProvider(QgsProcessingProvider):
    """Processing provider ``territoire``."""

    def __init__(self) -> None:
        super().__init__()
        self.unavailable: dict[str, str] = {}

    def id(self) -> str:
        return "territoire"

    def name(self) -> str:
        return tr("Territoire numérique")

    def longName(self) -> str:
        return tr("Territoire numérique — decision support for port and industrial territories")

    def icon(self) -> QIcon:
        return QIcon(icon_path("territoire.svg"))

    def svgIconPath(self) -> str:
        return icon_path("territoire.svg")

    def versionInfo(self) -> str:
        return plugin_metadata()["version"]

    def loadAlgorithms(self) -> None:
        classes, self.unavailable = algorithm_classes()
        for algorithm_class in classes:
            algorithm = algorithm_class()
            self.addAlgorithm(algorithm)
            missing = algorithm.missing_requirements()
            if missing:
                self.unavailable[algorithm.ALGORITHM_ID] = ", ".join(missing)
        for module_name, reason in self.unavailable.items():
            QgsMessageLog.logMessage(
                tr(
                    "Algorithm '{name}' is not available: {reason}. Install the Python packages "
                    "listed in requirements.txt (QPIP plugin, or OSGeo4W: python3-scipy, "
                    "python3-geopandas, python3-rasterio, python3-requests)."
                ).format(name=module_name, reason=reason),
                "Territoire numérique",
                Qgis.MessageLevel.Warning,
            )
