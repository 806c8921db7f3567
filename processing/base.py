"""Shared base class of the Territoire numérique Processing algorithms.

An algorithm module in this package defines one subclass of
:class:`TerritoireAlgorithm`; the provider discovers it by itself.  A subclass
sets ``ALGORITHM_ID`` and ``GROUP`` and implements ``displayName``,
``shortHelpString``, ``initAlgorithm`` and ``processAlgorithm``; the analysis
itself lives in the Qt-free ``engine`` package.  Its icon is
``resources/icons/<ALGORITHM_ID>.svg`` (or the file named by ``ICON``).
"""

from __future__ import annotations

import contextlib
import gc
import importlib.util
import os
import traceback
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingFeedback,
)
from qgis.PyQt.QtCore import QLocale
from qgis.PyQt.QtGui import QIcon

from ..i18n_support import tr
from ..resources_paths import icon_path

#: Distribution name of each importable module of ``REQUIRES`` (what pip, OSGeo4W and Debian call it).
PACKAGE_NAMES = {
    "numpy": "NumPy", "scipy": "SciPy", "pandas": "pandas", "geopandas": "GeoPandas",
    "shapely": "Shapely", "rasterio": "rasterio", "requests": "requests", "networkx": "networkx",
    "osgeo": "GDAL",
}  # fmt: skip


class TerritoireAlgorithm(QgsProcessingAlgorithm):
    """What every Territoire numérique algorithm shares."""

    ALGORITHM_ID = ""
    GROUP = "analysis"
    #: Icon file (SVG) under ``resources/icons/``; empty: ``<ALGORITHM_ID>.svg``.
    ICON = ""
    #: Python modules the algorithm needs beyond QGIS. They are imported only when it runs
    #: (registration stays light); when one is missing the algorithm is listed, its help says
    #: which package to install and it refuses to run (tests/test_qgis_startup.py checks the list).
    REQUIRES: tuple[str, ...] = ("numpy",)

    def __init_subclass__(cls, **kwargs) -> None:
        """Append the missing-package note to each algorithm's own help text."""
        super().__init_subclass__(**kwargs)
        if "shortHelpString" in cls.__dict__:
            own_help = cls.__dict__["shortHelpString"]

            def shortHelpString(self) -> str:
                note = self.missing_requirements_message()
                return f"{own_help(self)}\n\n{note}" if note else own_help(self)

            cls.shortHelpString = shortHelpString
        if "processAlgorithm" in cls.__dict__:
            own_process = cls.__dict__["processAlgorithm"]

            def processAlgorithm(self, parameters, context, feedback):
                self._created_sinks = []
                try:
                    return own_process(self, parameters, context, feedback)
                except BaseException as error:
                    if feedback is not None and feedback.isCanceled():
                        remove_created_sinks(self._created_sinks, error)
                    raise

            processAlgorithm.__doc__ = own_process.__doc__
            cls.processAlgorithm = processAlgorithm

    def missing_requirements(self) -> list[str]:
        """The modules of ``REQUIRES`` that this Python cannot import."""
        return [name for name in self.REQUIRES if importlib.util.find_spec(name) is None]

    def missing_requirements_message(self) -> str:
        """Which packages to install before this algorithm can run; empty when none is missing."""
        missing = self.missing_requirements()
        if not missing:
            return ""
        return self.tr(
            "This algorithm needs Python packages that this QGIS lacks: {packages}. Install them "
            "(QPIP plugin with requirements.txt; OSGeo4W or Debian/Ubuntu: {system_packages}), "
            "then restart QGIS."
        ).format(
            packages=", ".join(PACKAGE_NAMES.get(name, name) for name in missing),
            system_packages=" ".join(f"python3-{PACKAGE_NAMES.get(name, name).lower()}" for name in missing),
        )

    # --- identity -----------------------------------------------------
    def tr(self, text: str) -> str:
        return tr(text)

    def createInstance(self):
        return type(self)()

    def name(self) -> str:
        return self.ALGORITHM_ID

    def groupId(self) -> str:
        return self.GROUP

    def group(self) -> str:
        names = {
            "data": self.tr("Data"),
            "analysis": self.tr("Analysis"),
            "maps": self.tr("Maps"),
        }
        return names[self.GROUP]

    @classmethod
    def icon_file(cls) -> str:
        """Name of the algorithm's icon under ``resources/icons/``: ``ICON``, else ``<ALGORITHM_ID>.svg``."""
        return cls.ICON or f"{cls.ALGORITHM_ID}.svg"

    def icon(self) -> QIcon:
        return QIcon(self.svgIconPath())

    def svgIconPath(self) -> str:
        return icon_path(self.icon_file())

    def helpUrl(self) -> str:
        return (
            "https://github.com/territoire-numerique/territoire_numerique/blob/main/docs/"
            f"{self.ALGORITHM_ID}.md"
        )

    def checkParameterValues(self, parameters, context):
        """Refuse to run when a package of ``REQUIRES`` is missing."""
        message = self.missing_requirements_message()
        if message:
            return False, message
        return super().checkParameterValues(parameters, context)

    # --- provenance of outputs -----------------------------------------
    def prepareAlgorithm(self, parameters, context, feedback) -> bool:
        """Note the provenance of the vector inputs: the outputs inherit it (postProcessAlgorithm)."""
        from ._layer_io import layer_sources

        vector_inputs = [
            definition.name()
            for definition in self.parameterDefinitions()
            if definition.type() in ("source", "vector")
        ]
        self._input_sources = layer_sources(
            self.parameterAsVectorLayer(parameters, name, context) for name in vector_inputs
        )
        return True

    def postProcessAlgorithm(self, context, feedback):
        """Store each styled GeoPackage output's default style and ``sources`` row (the sinks are
        closed by now), so maps made from it show readable titles and credits."""
        if self.__dict__.get("_styled_outputs"):
            from ._layer_io import finish_outputs

            finish_outputs(self, self.__dict__.get("_input_sources", []), feedback)
        return {}

    def parameterAsSink(self, parameters, name, context, *args, **kwargs):
        """The sink of ``name``; a file it creates is noted, so a cancelled run removes it."""
        planned = self.parameterAsOutputLayer(parameters, name, context)
        existed = bool(planned) and os.path.exists(planned.split("|")[0])
        sink, destination = super().parameterAsSink(parameters, name, context, *args, **kwargs)
        path = str(destination or "").split("|")[0]
        if not existed and path and os.path.isfile(path):
            self.__dict__.setdefault("_created_sinks", []).append(path)
        return sink, destination

    # --- shared checks ------------------------------------------------
    def require_projected_crs(self, crs: QgsCoordinateReferenceSystem, what: str) -> None:
        """Refuse a missing or geographic CRS, naming the layer or parameter ``what``."""
        if not crs.isValid():
            raise QgsProcessingException(
                self.tr("{what} has no coordinate reference system: set one (e.g. EPSG:2154).").format(
                    what=what
                )
            )
        if crs.isGeographic():
            raise QgsProcessingException(
                self.tr(
                    "{what} uses the geographic CRS {crs} (degrees): distances and areas need a "
                    "projected CRS in metres, such as Lambert-93 (EPSG:2154). Reproject it first."
                ).format(what=what, crs=crs.authid())
            )

    def engine_message(self, error) -> str:
        """An engine error's message, translated, its numbers written in the user's locale."""
        values = {
            key: LocaleNumber(value) if isinstance(value, float) else value
            for key, value in error.values.items()
        }
        return self.tr(error.message).format(**values)

    def raise_if_canceled(self, feedback: QgsProcessingFeedback | None) -> None:
        """Stop the run (leaving no output) when the user cancelled it."""
        if feedback is not None and feedback.isCanceled():
            raise QgsProcessingException(self.tr("The run was cancelled: no output was written."))


def remove_created_sinks(paths: list[str], error: BaseException) -> None:
    """Close the sinks of a cancelled run (they live in the frames of ``error``'s traceback)
    and remove the files they created, with their SQLite side files."""
    traceback.clear_frames(error.__traceback__)
    gc.collect()
    for path in paths:
        for leftover in (path, f"{path}-journal", f"{path}-wal", f"{path}-shm"):
            with contextlib.suppress(OSError):
                os.remove(leftover)


class LocaleNumber(float):
    """A number that formats (``{value:.1f}``) with the decimal and group separators of the locale."""

    def __format__(self, spec: str) -> str:
        locale = QLocale()
        text = format(float(self), spec)
        return text.translate({ord("."): locale.decimalPoint(), ord(","): locale.groupSeparator()})


def output_folder_is_writable(path: str) -> bool:
    """True when the folder that will hold ``path`` exists (or can be made) and is writable."""
    folder = Path(path).expanduser().resolve().parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return os.access(folder, os.W_OK)
