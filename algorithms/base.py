"""Shared base class of the Territoire numérique Processing algorithms.

An algorithm module in this package defines one subclass of
:class:`TerritoireAlgorithm`; the provider discovers it by itself.  A subclass
sets ``ALGORITHM_ID`` and ``GROUP`` and implements ``displayName``,
``shortHelpString``, ``initAlgorithm`` and ``processAlgorithm``; the analysis
itself lives in the Qt-free ``engine`` package.  Its icon is
``resources/icons/<ALGORITHM_ID>.svg`` (or the file named by ``ICON``).
"""

from __future__ import annotations

import gc
import importlib.util
import os
import time
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsMapLayer,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterDefinition,
    QgsProperty,
    QgsUnitTypes,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QIcon

from ..engine.outputs import (
    Location,
    commit_folder,
    first_overwrite,
    gpkg_tables,
    remove_stale_temporaries,
    temporary_folder,
)
from ..i18n_support import format_number, tr, user_qlocale
from ..messages import log_message
from ..resources_paths import icon_path

#: Parameter types that read data, and those that write it.
INPUT_TYPES = frozenset({"source", "vector", "raster", "file", "multilayer", "mesh", "pointcloud"})
OUTPUT_TYPES = frozenset({"sink", "vectorDestination", "rasterDestination", "fileDestination"})
#: Vector formats whose sinks are written aside, then moved into place (a shapefile with its
#: companions .dbf, .shx, .prj, .cpg).
ASIDE_SUFFIXES = frozenset({".gpkg", ".geojson", ".json", ".fgb", ".kml", ".gml", ".csv", ".shp"})


def _static_text(value: object) -> str:
    """The text of a parameter value: a path, a URI, a layer id (QGIS definitions unwrapped)."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink.staticValue()
    elif isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source.staticValue()
    elif isinstance(value, QgsProperty):
        value = value.staticValue()
    if isinstance(value, QgsMapLayer):
        return value.source()
    return "" if value is None else str(value)


def layer_title(layer: QgsMapLayer) -> str:
    """A layer as the user knows it: ``table (file.gpkg)``, the file name, else its name."""
    from qgis.core import QgsProviderRegistry

    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path, table = parts.get("path") or "", parts.get("layerName") or ""
    if table and path:
        return f"{table} ({Path(path).name})"
    return Path(path).name if path else layer.name()


def _processing_wrapper(process):
    """Wrap a subclass's processAlgorithm: a failed or cancelled run discards what it wrote aside."""

    def processAlgorithm(self, parameters, context, feedback):
        import traceback

        # A failed run's traceback keeps its frames, and with them the layers and layouts the run
        # made: they would outlive QGIS (a crash at exit). clear_frames drops their locals.
        try:
            results = process(self, parameters, context, feedback)
        except QgsProcessingException as error:
            self.discard_pending_outputs()
            traceback.clear_frames(error.__traceback__)
            raise
        except Exception as error:  # in words, never a traceback (details in the message log)
            self.discard_pending_outputs()
            in_words = self.error_in_words(error, parameters, context)
            traceback.clear_frames(error.__traceback__)
            raise in_words from None
        self._results = dict(results or {})
        return results

    processAlgorithm.__doc__ = process.__doc__
    processAlgorithm.__wrapped__ = process
    return processAlgorithm


#: Distribution name of each importable module of ``REQUIRES`` (what pip, OSGeo4W and Debian call it).
PACKAGE_NAMES = {
    "numpy": "NumPy", "scipy": "SciPy", "pandas": "pandas", "geopandas": "GeoPandas",
    "shapely": "Shapely", "rasterio": "rasterio", "requests": "requests", "networkx": "networkx",
    "osgeo": "GDAL",
}  # fmt: skip


#: The user documentation shipped with the plugin.
DOCS_DIR = Path(__file__).resolve().parents[1] / "docs"


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
    #: Parameters shown under "Advanced" in the dialog (field names of the normalised schema,
    #: propagation, solver and tolerance settings): their defaults suit the loaded territory.
    ADVANCED: tuple[str, ...] = ()
    #: Toolbox search words, keys of :func:`tag_words` (found in French and in English).
    TAGS: tuple[str, ...] = ()
    #: Outputs for which no feature is good news (no unallocated waste): not warned when empty.
    EMPTY_IS_GOOD: tuple[str, ...] = ()
    #: File parameters that must be images (a logo).
    IMAGE_PARAMETERS: tuple[str, ...] = ("LOGO",)

    def __init_subclass__(cls, **kwargs) -> None:
        """Append the missing-package note to each algorithm's own help text; wrap its
        processAlgorithm (``_processing_wrapper``)."""
        super().__init_subclass__(**kwargs)
        if "processAlgorithm" in cls.__dict__:
            cls.processAlgorithm = _processing_wrapper(cls.__dict__["processAlgorithm"])
        if "shortHelpString" in cls.__dict__:
            own_help = cls.__dict__["shortHelpString"]

            def shortHelpString(self) -> str:
                note = self.missing_requirements_message()
                return f"{own_help(self)}\n\n{note}" if note else own_help(self)

            cls.shortHelpString = shortHelpString

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
        """The algorithm's page shipped with the plugin (``docs/<id>.md``, readable offline)."""
        local = DOCS_DIR / f"{self.ALGORITHM_ID}.md"
        if local.exists():
            return QUrl.fromLocalFile(str(local)).toString()
        return f"https://github.com/territoire-numerique/territoire_numerique/blob/main/docs/{local.name}"

    def tags(self) -> list[str]:
        """Toolbox search words: the algorithm's own, in the user's language and in English."""
        words = tag_words()
        return list(dict.fromkeys([*(words[tag] for tag in self.TAGS), *self.TAGS]))

    # --- never overwrite an input ----------------------------------------
    def extra_input_paths(self, parameters, context) -> list[tuple[str, str]]:
        """``(label, path)`` of inputs read through other parameters (a model's layers); none here."""
        return []

    def _input_locations(self, parameters, context) -> list[tuple[str, str]]:
        """``(parameter description, URI)`` of every input the run reads."""
        found: list[tuple[str, str]] = []
        for definition in self.parameterDefinitions():
            kind, name = definition.type(), definition.name()
            if kind == "string" and os.path.isfile(_static_text(parameters.get(name)).strip()):
                found.append((definition.description(), _static_text(parameters[name]).strip()))
            if kind not in INPUT_TYPES or parameters.get(name) in (None, ""):
                continue
            label = definition.description()
            values = parameters[name] if isinstance(parameters[name], (list, tuple)) else [parameters[name]]
            found.extend((label, _static_text(value)) for value in values)
            try:
                if kind in ("source", "vector"):
                    layers = [self.parameterAsVectorLayer(parameters, name, context)]
                elif kind == "raster":
                    layers = [self.parameterAsRasterLayer(parameters, name, context)]
                elif kind == "multilayer":
                    layers = self.parameterAsLayerList(parameters, name, context)
                else:
                    layers = []
            except QgsProcessingException:
                layers = []
            found.extend((label, layer.source()) for layer in layers if layer is not None)
        return found + self.extra_input_paths(parameters, context)

    def _output_locations(self, parameters, context) -> list[tuple[str, str]]:
        """``(parameter description, destination)`` of every file output of the run."""
        found: list[tuple[str, str]] = []
        for definition in self.parameterDefinitions():
            kind, name = definition.type(), definition.name()
            text = _static_text(parameters.get(name))
            if kind not in OUTPUT_TYPES or not text or text == QgsProcessing.TEMPORARY_OUTPUT:
                continue
            found.append((definition.description(), text))
            if kind == "fileDestination":
                resolved = self.parameterAsFileOutput(parameters, name, context)
            else:
                resolved = self.parameterAsOutputLayer(parameters, name, context)
            if resolved and resolved != text:
                found.append((definition.description(), resolved))
        return found

    def check_outputs(self, parameters, context) -> str:
        """The reason the outputs cannot be written as asked ("" when they can): an output that
        is one of the inputs, or two outputs in one file or table."""
        outputs = self._output_locations(parameters, context)
        for label, uri in outputs:
            location = Location.parse(uri)
            if location is not None and not output_folder_is_writable(location.path):
                return self.tr(
                    "The folder {folder} of \u201c{output}\u201d cannot be written (read-only or no "
                    "permission): choose another folder."
                ).format(folder=str(Path(location.path).parent), output=label)
        clash = first_overwrite(outputs, self._input_locations(parameters, context))
        if clash:
            return self.tr(
                "The output “{output}” is the input “{input}”: writing it would "
                "destroy the input. Choose another file name (a new table in the same GeoPackage "
                "is allowed)."
            ).format(output=clash[0], input=clash[1])
        for position, (label, uri) in enumerate(outputs):
            here = Location.parse(uri)
            for other_label, other_uri in outputs[:position]:
                other = Location.parse(other_uri)
                if (
                    here is not None
                    and other is not None
                    and other_label != label
                    and here.path == other.path
                    and (not here.table or not other.table or here.table == other.table)
                ):
                    return self.tr(
                        "The outputs “{first}” and “{second}” are the same file: "
                        "the second would replace the first. Give each output its own file or table."
                    ).format(first=other_label, second=label)
        return ""

    def checkParameterValues(self, parameters, context):
        """Refuse to run when a package of ``REQUIRES`` is missing, an input cannot be used, or
        an output would overwrite an input."""
        problem = self.missing_requirements_message() or self.check_inputs(parameters, context)
        if problem:
            return False, problem
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        problem = self.check_outputs(parameters, context)
        return (False, problem) if problem else (True, "")

    def check_inputs(self, parameters, context) -> str:
        """The reason the inputs cannot be used ("" when they can): a required layer with no
        feature, a layer of the wrong geometry type, a chosen field its layer does not have."""
        return self.check_layers(parameters, context) or self.check_fields(parameters, context)

    def check_layers(self, parameters, context) -> str:
        """Input files must be readable and have a CRS; required vector layers must hold
        features, of the geometry type the parameter means."""
        names = {
            QgsWkbTypes.GeometryType.PointGeometry: self.tr("points"),
            QgsWkbTypes.GeometryType.LineGeometry: self.tr("lines"),
            QgsWkbTypes.GeometryType.PolygonGeometry: self.tr("polygons"),
            QgsWkbTypes.GeometryType.NullGeometry: self.tr("no geometry"),
        }
        wanted = {
            QgsProcessing.SourceType.TypeVectorPoint: QgsWkbTypes.GeometryType.PointGeometry,
            QgsProcessing.SourceType.TypeVectorLine: QgsWkbTypes.GeometryType.LineGeometry,
            QgsProcessing.SourceType.TypeVectorPolygon: QgsWkbTypes.GeometryType.PolygonGeometry,
        }
        for definition in self.parameterDefinitions():
            kind = definition.type()
            if kind == "multilayer" and parameters.get(definition.name()) not in (None, "", []):
                from qgis.core import QgsProcessingUtils

                values = parameters[definition.name()]
                for value in values if isinstance(values, (list, tuple)) else [values]:
                    text = _static_text(value)
                    layer = QgsProcessingUtils.mapLayerFromString(text, context) if text else None
                    problem = self.unreadable_input(definition, value, layer)
                    if problem:
                        return problem
                continue
            if kind not in ("source", "vector", "raster", "file") or parameters.get(definition.name()) in (
                None,
                "",
            ):
                continue
            try:
                if kind == "raster":
                    layer = self.parameterAsRasterLayer(parameters, definition.name(), context)
                elif kind == "file":
                    layer = None
                else:
                    layer = self.parameterAsVectorLayer(parameters, definition.name(), context)
            except QgsProcessingException:
                layer = None
            problem = self.unreadable_input(definition, parameters.get(definition.name()), layer)
            if problem:
                return problem
            if layer is None:
                continue
            crs = layer.crs()
            unknown = not crs.isValid() or (
                not crs.authid() and crs.mapUnits() == QgsUnitTypes.DistanceUnit.DistanceUnknownUnit
            )
            if unknown and (
                kind == "raster" or layer.geometryType() != QgsWkbTypes.GeometryType.NullGeometry
            ):
                return self.tr(
                    "The layer {layer} given for \u201c{parameter}\u201d has no coordinate reference "
                    "system: assign one (e.g. EPSG:2154) in its properties or with \u201cAssign "
                    "projection\u201d."
                ).format(layer=layer_title(layer), parameter=definition.description())
            if kind == "raster":
                continue
            accepted = {wanted[kind] for kind in definition.dataTypes() if kind in wanted}
            if accepted and layer.geometryType() not in accepted:
                return self.tr(
                    "\u201c{parameter}\u201d needs a layer of {expected}; {layer} holds {actual}."
                ).format(
                    parameter=definition.description(),
                    expected=self.tr(" or ").join(sorted(names[kind] for kind in accepted)),
                    layer=layer_title(layer),
                    actual=names.get(layer.geometryType(), self.tr("no geometry")),
                )
            optional = bool(definition.flags() & definition.Flag.FlagOptional)
            if not optional and layer.featureCount() == 0:
                return self.tr("The layer {layer} given for \u201c{parameter}\u201d has no feature.").format(
                    layer=layer_title(layer), parameter=definition.description()
                )
        return ""

    def unreadable_input(self, definition, value, layer) -> str:
        """Why the file ``value`` given for ``definition`` cannot be read ("" when it can, or is no
        file): a missing file, or one that is not what its name says ("not a GeoPackage: a text file")."""
        from ..engine.files import expected_kind, file_kind

        text = _static_text(value).strip()
        path = text.split("|")[0]
        if not path or "://" in path or path.startswith(("/vsi", "memory:")) or not Path(path).suffix:
            return ""
        if layer is not None and layer.isValid():
            return ""
        if not os.path.exists(path):
            return self.tr("The file {path} given for \u201c{parameter}\u201d does not exist.").format(
                path=path, parameter=definition.description()
            )
        if definition.name() in self.IMAGE_PARAMETERS and os.path.isfile(path):
            from qgis.PyQt.QtGui import QImageReader

            kind = file_kind(path)
            if kind != "an SVG image" and not QImageReader(path).canRead():
                return self.tr(
                    "The file {path} given for \u201c{parameter}\u201d is not an image (it is {kind}): "
                    "give an SVG, PNG or JPEG file."
                ).format(path=path, parameter=definition.description(), kind=self.tr(kind))
        if definition.type() == "file" or os.path.isdir(path):
            return ""
        return self.tr(
            "The file {path} given for \u201c{parameter}\u201d is not {expected} (it is {kind})."
        ).format(
            path=path,
            parameter=definition.description(),
            expected=self.tr(expected_kind(path)),
            kind=self.tr(file_kind(path)),
        )

    def check_fields(self, parameters, context) -> str:
        """The reason a chosen field cannot be used ("" when every one can): a field that its
        layer does not have (a default name the layer lacks is left to the algorithm)."""
        for definition in self.parameterDefinitions():
            value = parameters.get(definition.name())
            if definition.type() != "field" or value in (None, "", []):
                continue
            parent = definition.parentLayerParameterName()
            try:
                layer = self.parameterAsVectorLayer(parameters, parent, context) if parent else None
            except QgsProcessingException:
                layer = None
            if layer is None:
                continue
            names = value if isinstance(value, (list, tuple)) else str(value).split(";")
            default = definition.defaultValue()
            for name in (str(name).strip() for name in names):
                if name and layer.fields().lookupField(name) < 0 and name != default:
                    available = layer.fields().names()
                    return self.tr(
                        "The field “{field}” chosen for “{parameter}” is not in the "
                        "layer {layer}; its fields are: {fields}."
                    ).format(
                        field=name,
                        parameter=definition.description(),
                        layer=layer_title(layer),
                        fields=", ".join(available[:15]) + (", …" if len(available) > 15 else ""),
                    )
        return ""

    def error_in_words(self, error: Exception, parameters, context) -> QgsProcessingException:
        """A QgsProcessingException in the user's language for an error that escaped the algorithm:
        an engine error, a cancellation, a full disk, else the error's own words (the traceback
        goes to the message log only)."""
        import traceback

        from qgis.core import Qgis, QgsMessageLog

        from ..engine.errors import Cancelled, EngineError
        from ..engine.outputs import MEGABYTE, free_bytes, is_disk_full

        if isinstance(error, EngineError):
            return QgsProcessingException(self.tr(error.message).format(**error.values))
        if isinstance(error, Cancelled):
            return QgsProcessingException(self.tr("The run was cancelled: no output was written."))
        QgsMessageLog.logMessage(traceback.format_exc(), "Territoire numérique", Qgis.MessageLevel.Info)
        if is_disk_full(error):
            locations = [Location.parse(uri) for _label, uri in self._output_locations(parameters, context)]
            folder = next((str(Path(loc.path).parent) for loc in locations if loc is not None), os.getcwd())
            return QgsProcessingException(
                self.tr(
                    "The disk is full: the run stopped and the previous outputs are intact; only "
                    "{available} MB are free in {folder}. Free some space or choose another folder."
                ).format(available=self.local_number(free_bytes(folder) / MEGABYTE), folder=folder)
            )
        return QgsProcessingException(
            self.tr(
                "The run stopped on an unexpected error: {error}. No output was written; the details "
                "are in the message log (Territoire numérique)."
            ).format(error=str(error) or type(error).__name__)
        )

    # --- outputs written aside, moved into place on success --------------
    def parameterAsSink(self, parameters, name, context, *args, **kwargs):
        """As QGIS's, but a whole-file output (``out.gpkg``) is written in a hidden folder beside
        it and moved into place by postProcessAlgorithm: a failed, cancelled or killed run leaves
        the previous file intact and no partial one."""
        value = parameters.get(name)
        if not explicit_destination(parameters, name, context):
            # a temporary output: asking for its path would queue a file never written
            return super().parameterAsSink(parameters, name, context, *args, **kwargs)
        final = self.parameterAsOutputLayer(parameters, name, context)
        location = Location.parse(final)
        if location is not None and location.table and location.table not in gpkg_tables(location.path):
            # a new table in an existing GeoPackage: written in place, dropped if the run fails
            self.__dict__.setdefault("_new_tables", []).append(location)
        if (
            location is None
            or location.table
            or "|" in final
            or final.lower().startswith("ogr:")
            or Path(final).suffix.lower() not in ASIDE_SUFFIXES
        ):
            return super().parameterAsSink(parameters, name, context, *args, **kwargs)
        folder = temporary_folder(final)
        pending = self.__dict__.setdefault("_pending_outputs", [])
        pending.append((folder, final))
        redirected = (
            QgsProcessingOutputLayerDefinition(value)
            if isinstance(value, QgsProcessingOutputLayerDefinition)
            else QgsProcessingOutputLayerDefinition(final)
        )
        temporary = str(folder / Path(final).name)
        redirected.sink = QgsProperty.fromValue(temporary)
        sink, destination = super().parameterAsSink(
            {**parameters, name: redirected}, name, context, *args, **kwargs
        )
        layers = context.layersToLoadOnCompletion()
        if destination in layers:
            layers[final] = layers.pop(destination)
            context.setLayersToLoadOnCompletion(layers)
        return sink, final

    def commit_pending_outputs(self) -> None:
        """Move the outputs written aside into place (their sinks are closed by now)."""
        self.__dict__.pop("_new_tables", None)
        for folder, final in self.__dict__.pop("_pending_outputs", []):
            commit_folder(folder, final)

    def discard_pending_outputs(self) -> None:
        """Remove the outputs written aside, and the new GeoPackage tables a failed run began:
        the previous files stay as they were."""
        import shutil

        for folder, _final in self.__dict__.pop("_pending_outputs", []):
            shutil.rmtree(folder, ignore_errors=True)
        new_tables = self.__dict__.pop("_new_tables", [])
        if new_tables:
            from osgeo import ogr

            gc.collect()  # close the sinks of the failed run before dropping their tables
            for location in new_tables:
                dataset = ogr.Open(location.path, 1)
                if dataset is None:
                    continue
                for index in range(dataset.GetLayerCount()):
                    if dataset.GetLayer(index).GetName().lower() == location.table:
                        dataset.DeleteLayer(index)
                        break
                dataset = None

    # --- provenance of outputs -----------------------------------------
    def prepareAlgorithm(self, parameters, context, feedback) -> bool:
        """Refuse outputs that are inputs (also when checkParameterValues was skipped), remove the
        temporary files a killed run left beside the outputs, and note the provenance of the vector
        inputs: the outputs inherit it (postProcessAlgorithm)."""
        from ._layer_io import layer_sources

        self._started = time.monotonic()
        problem = self.check_outputs(parameters, context)
        if problem:
            raise QgsProcessingException(problem)
        for _label, destination in self._output_locations(parameters, context):
            location = Location.parse(destination)
            if location is not None:
                for stale in remove_stale_temporaries(Path(location.path).parent):
                    feedback.pushInfo(
                        self.tr("Removed a temporary file left by an interrupted run: {path}").format(
                            path=str(stale)
                        )
                    )

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
        closed by now), so maps made from it show readable titles and credits. Outputs written
        aside are moved into place first."""
        self.commit_pending_outputs()
        self.warn_empty_outputs(context, feedback)
        if self.__dict__.get("_styled_outputs"):
            from ._layer_io import finish_outputs

            finish_outputs(
                self,
                self.__dict__.get("_input_sources", []),
                feedback,
                self.__dict__.get("_warnings", []),
            )
        self.log_run()
        return {}

    def log_run(self) -> None:
        """The run's summary line in the plugin's message-log tab: name, duration, the
        algorithm's own ``run_summary`` when it set one."""
        seconds = time.monotonic() - self.__dict__.get("_started", time.monotonic())
        line = self.tr("{algorithm}: finished in {seconds} s.").format(
            algorithm=self.displayName(), seconds=format_number(seconds, 1)
        )
        summary = self.__dict__.get("run_summary", "")
        log_message(f"{line} {summary}" if summary else line)

    def addParameter(self, definition, createOutput: bool = True) -> bool:
        """Add ``definition``, flagged Advanced when its name is in ``ADVANCED``."""
        if definition.name() in self.ADVANCED:
            definition.setFlags(definition.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        return super().addParameter(definition, createOutput)

    def warn_empty_outputs(self, context, feedback) -> None:
        """Say which vector outputs hold no feature (an empty result is never silent)."""
        from qgis.core import QgsProcessingUtils, QgsVectorLayer

        from ..engine.errors import EngineWarning

        good = {
            str(value)
            for key, value in self.__dict__.get("_results", {}).items()
            if key in self.EMPTY_IS_GOOD
        }
        for destination, _style, name in self.__dict__.get("_styled_outputs", []):
            if destination in good:
                continue
            layer = QgsProcessingUtils.mapLayerFromString(destination, context)
            if isinstance(layer, QgsVectorLayer) and layer.featureCount() == 0:
                self.warn(
                    feedback,
                    EngineWarning(
                        "The output “{output}” is empty: no feature met the conditions. "
                        "Check the inputs, thresholds and distances.",
                        output=name,
                    ),
                )

    def local_number(self, value: float, decimals: int = 0) -> str:
        """``value`` written as the user reads numbers: ``1 234,5`` in French, ``1,234.5`` in English."""
        return format_number(value, decimals)

    # --- values read from the layers, warnings --------------------------
    def warn(self, feedback: QgsProcessingFeedback | None, warning) -> None:
        """Log an engine warning (an EngineWarning) in the user's language and keep it for the
        outputs' metadata."""
        text = self.tr(warning.message).format(**warning.values)
        self.__dict__.setdefault("_warnings", []).append(text)
        if feedback is not None:
            feedback.pushWarning(text)

    def field_label(self, parameter: str, field: str) -> str:
        """A field as the user chose it: the parameter's description and the field's name."""
        definition = self.parameterDefinition(parameter)
        description = definition.description() if definition is not None else parameter
        return f"{description} “{field}”"

    def numeric_column(
        self,
        values,
        parameter: str,
        field: str,
        feedback: QgsProcessingFeedback | None,
        minimum: float | None = 0.0,
        maximum: float | None = None,
    ):
        """The numbers of a field chosen by ``parameter`` (one reader: French comma, thousands
        separators, NULL); unreadable and out-of-range values become NaN with a counted warning,
        and a field holding no number at all is refused."""
        from ..engine.numbers import EXAMPLES, read_numbers

        numbers = read_numbers(values, minimum, maximum)
        label = self.field_label(parameter, field)
        if numbers.unreadable and len(numbers.unreadable) + numbers.missing == len(numbers.values):
            raise QgsProcessingException(
                self.tr("{field} holds no number (e.g. {examples}): choose a numeric field.").format(
                    field=label,
                    examples=", ".join(f"“{text}”" for text in numbers.unreadable[:EXAMPLES]),
                )
            )
        for warning in numbers.warnings(label):
            self.warn(feedback, warning)
        return numbers.values

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


def tag_words() -> dict[str, str]:
    """The toolbox search words the algorithms use, in the user's language."""
    return {
        "fibre": tr("fibre"),
        "broadband": tr("broadband"),
        "waste": tr("waste"),
        "recycling centre": tr("recycling centre"),
        "circular economy": tr("circular economy"),
        "industrial synergies": tr("industrial synergies"),
        "Wi-Fi": tr("Wi-Fi"),
        "hotspot": tr("hotspot"),
        "coverage": tr("coverage"),
        "WIFI4EU": "WIFI4EU",
        "suitability": tr("suitability"),
        "multi-criteria": tr("multi-criteria"),
        "AHP": "AHP",
        "solar": tr("solar"),
        "photovoltaic": tr("photovoltaic"),
        "open data": tr("open data"),
        "territory": tr("territory"),
        "commune": tr("commune"),
        "indicators": tr("indicators"),
        "map": tr("map"),
        "PDF": "PDF",
        "access": tr("access"),
        "decision": tr("decision"),
        "symbiosis": tr("industrial symbiosis"),
        "heat": tr("heat"),
        "water": tr("water"),
        "survey": tr("survey"),
        "shared facility": tr("shared facility"),
    }


class LocaleNumber(float):
    """A number that formats (``{value:.1f}``) with the decimal and group separators of the QGIS
    locale (engine messages carry format specifications)."""

    def __format__(self, spec: str) -> str:
        locale = user_qlocale()
        text = format(float(self), spec)
        return text.translate({ord("."): locale.decimalPoint(), ord(","): locale.groupSeparator()})


def explicit_destination(parameters: dict, name: str, context) -> str:
    """The file the user gave for the destination ``name``; "" when none or a temporary output.

    Unlike ``parameterAsOutputLayer``, this does not make up a temporary file nor queue it for
    loading (a path queued but never written shows as "layers not correctly generated")."""
    value = parameters.get(name)
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink.valueAsString(context.expressionContext())[0]
    text = "" if value is None else str(value)
    return "" if text in ("", QgsProcessing.TEMPORARY_OUTPUT) else text


def output_folder_is_writable(path: str) -> bool:
    """True when the folder that will hold ``path`` exists (or can be made) and is writable."""
    folder = Path(path).expanduser().resolve().parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return os.access(folder, os.W_OK)
