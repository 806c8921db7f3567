"""Algorithm ``territoire:load_open_data``: open data for a territory into one GeoPackage."""

from __future__ import annotations

import os
from collections import deque
from typing import TYPE_CHECKING, ClassVar

from qgis.core import (
    Qgis,
    QgsAbstractMetadataBase,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsLayerMetadata,
    QgsLayerTreeGroup,
    QgsLayerTreeLayer,
    QgsMapLayer,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsProject,
    QgsRasterLayer,
    QgsSimpleFillSymbolLayer,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import Qt

from .. import settings
from ..engine.endpoints import base_url
from ..engine.errors import EngineError
from ..engine.opendata.options import LoadOptions, enum_indices
from ..engine.opendata.schema import FAMILIES, FAMILY_NAMES
from ..engine.outputs import atomic_output
from ..engine.provenance import Source, read_sources
from ..i18n_support import format_date, format_number, tr, translated
from ..maps.layout import layer_file_and_table
from ..messages import tell_user
from ..resources_paths import SAMPLE_GPKG, style_path
from ..settings import cache_folder, network_proxies, url_settings
from ._options import add_options, read_options
from .base import TerritoireAlgorithm, explicit_destination, output_folder_is_writable

if TYPE_CHECKING:
    from ..engine.opendata.loader import LoadReport

SAMPLE_EPCI = "245900428"
EPCI_NAMES = {SAMPLE_EPCI: "Communauté urbaine de Dunkerque"}


class LoadOpenDataAlgorithm(TerritoireAlgorithm):
    """Load open-data families for communes or an EPCI into a GeoPackage and the project."""

    ALGORITHM_ID = "load_open_data"
    GROUP = "data"
    REQUIRES = ("numpy", "shapely", "requests", "osgeo")
    TAGS = ("open data", "territory", "commune", "fibre", "waste", "solar")

    TERRITORY = "TERRITORY"
    LAYERS = "LAYERS"
    SOURCE = "SOURCE"
    TARGET_CRS = "TARGET_CRS"
    PORT_ZONES_FILE = "PORT_ZONES_FILE"
    SOLAR_CADASTRE = "SOLAR_CADASTRE"
    SOLAR_FIELDS = "SOLAR_FIELDS"
    FIBRE_FILE = "FIBRE_FILE"
    KEEP_NON_ICPE = "KEEP_NON_ICPE"
    OUTPUT = "OUTPUT"
    TERRAIN_OUTPUT = "TERRAIN_OUTPUT"

    def displayName(self) -> str:
        return self.tr("Load open data for a territory")

    def shortHelpString(self) -> str:
        return self.tr(
            "Loads open data for French communes or an intercommunality (EPCI) into one GeoPackage, "
            "with one table per family in a normalised schema (docs/schema.md) and a 'sources' table "
            "(publisher, URL, licence, vintage, retrieval date).\n\n"
            "TERRITORY: INSEE commune codes separated by commas (e.g. 59183, 59271) or an EPCI SIREN "
            "(e.g. 245900428 for the Communauté urbaine de Dunkerque).\n"
            "LAYERS: the families to load. SOURCE: online (download, keeping a cache), cache (no "
            "network: the last download) or sample (the bundled sample territory). Scripts and "
            "qgis_process may give the family and source keys (LAYERS=boundaries LAYERS=roads "
            "SOURCE=sample) or the option numbers.\n"
            "Advanced: a file of official port limits instead of OpenStreetMap; a local solar "
            "cadastre (file or https address) with its field mapping instead of the BD TOPO roofs "
            "× PVGIS estimate; an ARCEP buildings file on disk (cartefibre immeubles export or "
            "base_imb) instead of the Ma connexion internet downloads; keep the Géorisques entries "
            "that are not classified ('Non ICPE', flagged icpe_classified false).\n"
            "Each family says what it read, wrote and dropped, and why, in the log and in the note of "
            "its 'sources' rows; a source that loads nothing or drops more than 3 % of its rows is "
            "reported as a warning.\n"
            "A family that fails is reported in the log and the others are still loaded. The layers "
            "are added to the project in a group named after the territory, styled, with their "
            "metadata (source, licence, vintage, retrieval date)."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterString(
                self.TERRITORY,
                self.tr("Territory: INSEE commune codes (comma-separated) or EPCI SIREN"),
                defaultValue=SAMPLE_EPCI,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.LAYERS,
                self.tr("Data families"),
                options=[self.family_labels()[name] for name in FAMILY_NAMES],
                allowMultiple=True,
                defaultValue=list(range(len(FAMILY_NAMES))),
            )
        )
        add_options(self, LoadOptions, only=("mode",))
        self.addParameter(
            QgsProcessingParameterCrs(
                self.TARGET_CRS,
                self.tr("Target coordinate reference system (Lambert-93 when unset)"),
                defaultValue="EPSG:2154",
                optional=True,
            )
        )
        self.add_advanced(
            QgsProcessingParameterFile(
                self.PORT_ZONES_FILE,
                self.tr("Official port limits (vector file; OpenStreetMap port land use when empty)"),
                QgsProcessingParameterFile.Behavior.File,
                optional=True,
            )
        )
        add_options(self, LoadOptions, only=("solar_cadastre", "solar_fields"))
        self.add_advanced(
            QgsProcessingParameterFile(
                self.FIBRE_FILE,
                self.tr(
                    "ARCEP buildings file: cartefibre immeubles export or base_imb (downloads when empty)"
                ),
                QgsProcessingParameterFile.Behavior.File,
                optional=True,
            )
        )
        add_options(self, LoadOptions, only=("keep_non_icpe",))
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT,
                self.tr("Output GeoPackage (temporary: the territory's GeoPackage in the data folder)"),
                fileFilter=self.tr("GeoPackage (*.gpkg)"),
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterDestination(
                self.TERRAIN_OUTPUT,
                self.tr("Terrain model as a GeoTIFF too (for tools that cannot read GeoPackage rasters)"),
                optional=True,
                createByDefault=False,
            )
        )

    def family_labels(self) -> dict[str, str]:
        """Readable names of the families, each ending with its key (what qgis_process also accepts)."""
        return {
            "boundaries": self.tr("Communes (boundaries)"),
            "fibre": self.tr("Fibre per building, ARCEP (fibre)"),
            "industrial_sites": self.tr("Industrial sites, ICPE and IREP (industrial_sites)"),
            "industrial_waste": self.tr("Industrial waste, IREP (industrial_waste)"),
            "waste_points": self.tr("Waste collection points, SINOE and OSM (waste_points)"),
            "solar": self.tr("Roof solar potential (solar)"),
            "port_zones": self.tr("Port zones (port_zones)"),
            "buildings": self.tr("Buildings, BD TOPO (buildings)"),
            "roads": self.tr("Roads, BD TOPO (roads)"),
            "waste_facilities": self.tr("Waste treatment facilities, sample only (waste_facilities)"),
            "public_buildings": self.tr("Public buildings, sample only (public_buildings)"),
            "wifi_hotspots": self.tr("Public Wi-Fi hotspots, sample only (wifi_hotspots)"),
            "terrain": self.tr("Terrain model, sample only (terrain)"),
            "street_furniture": self.tr("Street furniture for hotspots, sample only (street_furniture)"),
        }

    def add_advanced(self, parameter: QgsProcessingParameterDefinition) -> None:
        parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(parameter)

    def checkParameterValues(self, parameters, context):
        from ..engine.opendata.solar import parse_field_mapping

        parameters = enum_indices(parameters)
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        crs = self.parameterAsCrs(parameters, self.TARGET_CRS, context)
        if crs.isValid() and crs.isGeographic():
            return False, self.tr(
                "The target CRS {crs} is geographic (degrees): choose a projected CRS in metres, "
                "such as Lambert-93 (EPSG:2154)."
            ).format(crs=crs.authid())
        output = explicit_destination(parameters, self.OUTPUT, context)
        if output and not output.lower().endswith(".gpkg"):
            return False, self.tr("The output must be a GeoPackage (.gpkg): {path}").format(path=output)
        if output and not output_folder_is_writable(output):
            return False, self.tr("The output folder cannot be written: {path}").format(path=output)
        families = self.parameterAsEnums(parameters, self.LAYERS, context)
        if not families:
            return False, self.tr("Choose at least one data family to load.")
        wants_terrain_tif = parameters.get(self.TERRAIN_OUTPUT) not in (None, "")
        if wants_terrain_tif and FAMILY_NAMES.index("terrain") not in families:
            return False, self.tr(
                "A terrain GeoTIFF was asked for, but no terrain was loaded: tick the terrain family."
            )
        fields = self.parameterAsString(parameters, self.SOLAR_FIELDS, context)
        try:
            parse_field_mapping(fields)
        except EngineError as error:
            return False, self.tr(error.message).format(**error.values)
        if fields and not self.parameterAsString(parameters, self.SOLAR_CADASTRE, context):
            return False, self.tr("Solar cadastre fields are given without a solar cadastre.")
        return True, ""

    def prepareAlgorithm(self, parameters, context, feedback) -> bool:
        """The output (the territory's GeoPackage in the data folder unless a file is given) and
        the project's layers already reading it (reloaded in place after the run)."""
        super().prepareAlgorithm(parameters, context, feedback)
        territory = self.parameterAsString(parameters, self.TERRITORY, context)
        project = context.project()
        self._output = explicit_destination(parameters, self.OUTPUT, context) or str(
            settings.territory_gpkg(territory_title(territory), project)
        )
        self._existing = existing_layers(project, self._output)
        self._report: LoadReport | None = None
        return True

    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback):
        from ..engine.http_client import NetworkError
        from ..engine.opendata.loader import load_open_data

        parameters = enum_indices(parameters)
        options = read_options(self, LoadOptions, parameters, context)
        territory = self.parameterAsString(parameters, self.TERRITORY, context)
        families = [FAMILY_NAMES[index] for index in self.parameterAsEnums(parameters, self.LAYERS, context)]
        crs: QgsCoordinateReferenceSystem = self.parameterAsCrs(parameters, self.TARGET_CRS, context)
        if not crs.isValid():
            crs = QgsCoordinateReferenceSystem("EPSG:2154")
        self.require_projected_crs(crs, self.tr("The target CRS"))
        output = self._output
        if not output_folder_is_writable(output):
            raise QgsProcessingException(
                self.tr("The output folder cannot be written: {path}").format(path=output)
            )
        os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)

        def log(text: str) -> None:
            feedback.pushInfo(translated(text))

        mode, fetcher, offline = self.fetcher(options.mode, feedback, log)
        try:
            report = load_open_data(
                territory,
                [name for name in FAMILY_NAMES if name in families],
                output,
                mode=mode,
                options={
                    "port_zones_file": self.parameterAsFile(parameters, self.PORT_ZONES_FILE, context),
                    "solar_cadastre": options.solar_cadastre.strip(),
                    "solar_fields": options.solar_fields,
                    "fibre_file": self.parameterAsFile(parameters, self.FIBRE_FILE, context),
                    "keep_non_icpe": options.keep_non_icpe,
                },
                target_crs=crs.toWkt(),
                sample_gpkg=SAMPLE_GPKG,
                epci_names=EPCI_NAMES,
                fetcher=fetcher,
                progress=feedback.setProgress,
                log=log,
                cancelled=feedback.isCanceled,
            )
        except EngineError as error:
            message = self.tr(error.message).format(**error.values)
            if offline or (mode == "online" and isinstance(error, NetworkError)):
                message = offline_message(message)
            raise QgsProcessingException(message) from error
        self.report_families(report, feedback)
        self._report = report
        self._load_on_completion(report, context)
        results = {self.OUTPUT: output}
        terrain_tif = self.parameterAsOutputLayer(parameters, self.TERRAIN_OUTPUT, context)
        if terrain_tif:
            results[self.TERRAIN_OUTPUT] = self._export_terrain(report, terrain_tif)
        return results

    def fetcher(self, mode: str, feedback, log):
        """(mode, fetcher, offline): no fetcher for the sample; "online" becomes "cache" when the
        network is down (no retries against a dead network)."""
        from ..engine.cache import DiskCache, Fetcher
        from ..engine.http_client import HttpClient

        if mode == "sample":
            return mode, None, False
        client = HttpClient(proxies=network_proxies(), cancelled=feedback.isCanceled, log=log)
        offline = mode == "online" and not client.reachable(base_url("GEO_API", url_settings()))
        if offline:
            mode = "cache"
            feedback.pushWarning(self.tr("The network is down: the territory is loaded from the cache."))
        return mode, Fetcher(mode, DiskCache(cache_folder()), client, url_settings(), log), offline

    def report_families(self, report: LoadReport, feedback) -> None:
        """Each family that failed as an error, each warning as a warning."""
        for family in report.families:
            if not family.ok:
                feedback.reportError(
                    self.tr("{family} could not be loaded: {error}").format(
                        family=family.family, error=family.error
                    )
                )
            for warning in family.warnings:
                feedback.pushWarning(self.tr(warning.message).format(**warning.values))

    def _export_terrain(self, report: LoadReport, destination: str) -> str:
        """Copy the GeoPackage's terrain table to a GeoTIFF (qgis_process on QGIS 3.22 cannot
        address a raster table inside a GeoPackage)."""
        from osgeo import gdal

        if "terrain" not in report.tables:
            raise QgsProcessingException(
                self.tr(
                    "A terrain GeoTIFF was asked for, but no terrain was loaded: tick the terrain family."
                )
            )
        with atomic_output(destination) as temporary:
            written = gdal.Translate(
                str(temporary),
                f"GPKG:{report.output}:terrain",
                options=gdal.TranslateOptions(
                    format="GTiff", creationOptions=["COMPRESS=DEFLATE", "TILED=YES"]
                ),
            )
            if written is None:
                raise QgsProcessingException(
                    self.tr("The terrain GeoTIFF could not be written: {path}").format(path=destination)
                )
            written = None
        return destination

    def _load_on_completion(self, report: LoadReport, context: QgsProcessingContext) -> None:
        """Queue every written table for the project, in a group named after the territory."""
        sources = read_sources(report.output)
        for table in report.tables:
            if table in self._existing:
                continue  # reloaded in place by postProcessAlgorithm
            family = next(name for name, family in FAMILIES.items() if table in family.table_names)
            post_processor = TerritoryLayerPostProcessor(
                report.territory.name, table, family, sources.get(table)
            )
            if FAMILIES[family].raster:
                # the GDAL provider's URI is no file path: hand Processing the layer itself
                layer = QgsRasterLayer(f"GPKG:{report.output}:{table}", post_processor.title, "gdal")
                context.temporaryLayerStore().addMapLayer(layer)
                uri, hint = layer.id(), QgsProcessingUtils.LayerHint.Raster
            else:
                uri, hint = f"{report.output}|layername={table}", QgsProcessingUtils.LayerHint.Vector
            details = QgsProcessingContext.LayerDetails(post_processor.title, context.project(), table, hint)
            details.setPostProcessor(post_processor)
            context.addLayerToLoadOnCompletion(uri, details)

    def postProcessAlgorithm(self, context, feedback):
        """Reload the layers that already read this GeoPackage and say what changed."""
        report: LoadReport | None = self.__dict__.get("_report")
        if report is not None:
            self.run_summary = self._reload_in_place(report, context)
            warnings = [warning for family in report.families for warning in family.warnings]
            failed = [family for family in report.families if not family.ok]
            if warnings:
                self.run_summary += " " + self.tr("{count} warnings: see the Processing log.").format(
                    count=len(warnings)
                )
            feedback.pushInfo(self.run_summary)
            level = Qgis.MessageLevel.Warning if warnings or failed else Qgis.MessageLevel.Info
            tell_user(self.run_summary, level)
        return super().postProcessAlgorithm(context, feedback)

    def _reload_in_place(self, report: LoadReport, context: QgsProcessingContext) -> str:
        project = context.project()
        sources = read_sources(report.output)
        changes = []
        updated = 0
        for table, (layer_id, before) in self._existing.items():
            layer = project.mapLayer(layer_id) if project is not None else None
            if layer is None or table not in report.tables:
                continue
            layer.dataProvider().reloadData()
            layer.reload()
            if sources.get(table) is not None:
                layer.setMetadata(layer_metadata(sources[table], layer.metadata()))
            layer.triggerRepaint()
            updated += 1
            after = layer.featureCount() if isinstance(layer, QgsVectorLayer) else before
            if after != before:
                changes.append(
                    self.tr("{layer}: {before} → {after}").format(
                        layer=layer.name(), before=format_number(before), after=format_number(after)
                    )
                )
        added = len([table for table in report.tables if table not in self._existing])
        failed = [family.family for family in report.families if not family.ok]
        if not updated:
            summary = self.tr("{territory}: {added} layers added from {path}.").format(
                territory=report.territory.name, added=added, path=report.output
            )
        elif changes:
            summary = self.tr(
                "{territory} reloaded: {updated} layers updated in place, {added} added; changed: {changes}."
            ).format(
                territory=report.territory.name, updated=updated, added=added, changes="; ".join(changes)
            )
        else:
            summary = self.tr(
                "{territory} reloaded: {updated} layers updated in place, {added} added; "
                "no feature count changed."
            ).format(territory=report.territory.name, updated=updated, added=added)
        if failed:
            summary += " " + self.tr("Not loaded: {families}.").format(families=", ".join(failed))
        return summary


def offline_message(error: str) -> str:
    """One sentence for a failed online load: what failed, and the offline sources to choose."""
    from ..engine.cache import DiskCache

    last = DiskCache(cache_folder()).last_download()
    if last:
        return tr(
            "{error} The network seems down: run again with the source Cache (last download on {date}) "
            "or Sample."
        ).format(error=error, date=format_date(last))
    return tr(
        "{error} The network seems down and the cache is empty: run again with the source Sample."
    ).format(error=error)


def territory_title(territory: str) -> str:
    """A name for the territory code(s) ``territory``: the dock's choice, else the bundled list's,
    else the codes themselves (names the territory's GeoPackage before the run resolves it)."""
    from ..engine.opendata.geo_api import search_territories

    text = territory.strip()
    code, name = settings.territory()
    if code == text and name:
        return name
    known = search_territories(text, 1) if "," not in text else []
    if known and known[0].code == text:
        return known[0].name
    return "_".join(part.strip() for part in text.split(",") if part.strip())


def existing_layers(project, output: str) -> dict[str, tuple[str, int]]:
    """Table → (layer id, feature count) of the project's layers reading the GeoPackage ``output``."""
    if project is None or not os.path.exists(output):
        return {}
    target = os.path.realpath(output)
    found: dict[str, tuple[str, int]] = {}
    for layer in project.mapLayers().values():
        path, table = layer_file_and_table(layer)
        if path == target and table and table not in found:
            count = layer.featureCount() if isinstance(layer, QgsVectorLayer) else 0
            found[table] = (layer.id(), count)
    return found


class TerritoryLayerPostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Once a loaded layer is in the project: style, metadata and move into the territory group.

    Processing keeps only a C++ pointer to a post-processor and runs it after the algorithm
    instance is gone, so the Python objects are kept alive here (bounded).
    """

    alive: ClassVar[deque[TerritoryLayerPostProcessor]] = deque(maxlen=500)

    def __init__(self, group: str, table: str, family: str, source: Source | None) -> None:
        super().__init__()
        TerritoryLayerPostProcessor.alive.append(self)
        self.group = group
        self.table = table
        self.family = family
        self.source = source
        table_title = next(t.title for t in FAMILIES[family].tables if t.name == table)
        self.title = source.title if source is not None and source.title else table_title

    def postProcessLayer(self, layer: QgsMapLayer, context: QgsProcessingContext, feedback) -> None:
        for candidate in (style_path(self.table), style_path(self.family)):
            if os.path.exists(candidate):
                layer.loadNamedStyle(candidate)
                break
        if self.source is not None:
            layer.setMetadata(layer_metadata(self.source, layer.metadata()))
        layer.setName(self.title if self.group in self.title else f"{self.title} — {self.group}")
        show_details_when_near(layer, self.table)
        project = context.project()
        if project is None:
            return
        root = project.layerTreeRoot()
        node = root.findLayer(layer.id())
        if node is None:
            return
        group = root.findGroup(self.group) or root.insertGroup(0, self.group)
        if node.parent() is not group:
            group.addChildNode(node.clone())
            node.parent().removeChildNode(node)
        order_group(group)
        placed = group.findLayer(layer.id())
        if placed is not None:
            placed.setExpanded(False)  # a readable layer list: legends folded
        if self.table == "communes":
            outline_only(layer)
            zoom_to(layer)
        layer.triggerRepaint()


#: Tables drawn only from this scale (1:DETAIL_SCALE) inwards: one feature per building or roof.
DETAIL_TABLES = ("buildings", "solar", "fibre", "street_furniture")
DETAIL_SCALE = 25000.0
#: Waste point kinds hidden by default (ticked back on in the legend): one per street corner.
DETAIL_KINDS = ("container",)


def show_details_when_near(layer: QgsMapLayer, table: str) -> None:
    """Scale limit on the detail tables; waste containers unticked in the waste points' legend."""
    if table in DETAIL_TABLES:
        layer.setScaleBasedVisibility(True)
        layer.setMinimumScale(DETAIL_SCALE)
        layer.setMaximumScale(0.0)
    renderer = layer.renderer() if isinstance(layer, QgsVectorLayer) else None
    if table == "waste_points" and isinstance(renderer, QgsCategorizedSymbolRenderer):
        for index, category in enumerate(renderer.categories()):
            if category.value() in DETAIL_KINDS:
                renderer.updateCategoryRenderState(index, False)


def outline_only(layer: QgsMapLayer) -> None:
    """Boundaries drawn on top of the other layers: their outline and labels, no fill."""
    renderer = layer.renderer() if isinstance(layer, QgsVectorLayer) else None
    symbol = renderer.symbol() if isinstance(renderer, QgsSingleSymbolRenderer) else None
    if symbol is None:
        return
    for index in range(symbol.symbolLayerCount()):
        symbol_layer = symbol.symbolLayer(index)
        if isinstance(symbol_layer, QgsSimpleFillSymbolLayer):
            symbol_layer.setBrushStyle(Qt.BrushStyle.NoBrush)


def _rank(layer: QgsMapLayer) -> int:
    """Drawing order: boundaries (and their labels) on top, then points, lines, polygons, rasters."""
    if not isinstance(layer, QgsVectorLayer):
        return 5
    if layer_file_and_table(layer)[1] == "communes":
        return 0
    return {
        QgsWkbTypes.GeometryType.PointGeometry: 1,
        QgsWkbTypes.GeometryType.LineGeometry: 2,
        QgsWkbTypes.GeometryType.PolygonGeometry: 3,
    }.get(layer.geometryType(), 4)


def order_group(group: QgsLayerTreeGroup) -> None:
    """Put the group's layers in drawing order (stable: equal ranks keep their order)."""
    nodes = [child for child in group.children() if isinstance(child, QgsLayerTreeLayer) and child.layer()]
    ordered = sorted(nodes, key=lambda node: _rank(node.layer()))
    if ordered == nodes:
        return
    for node in ordered:
        group.addChildNode(node.clone())
        group.removeChildNode(node)


def zoom_to(layer: QgsMapLayer) -> None:
    """Show ``layer``'s whole extent in the map canvas of the QGIS window (none under qgis_process)."""
    from qgis.utils import iface

    canvas = iface.mapCanvas() if iface is not None else None
    if canvas is None:
        return
    destination = canvas.mapSettings().destinationCrs()
    transform = QgsCoordinateTransform(layer.crs(), destination, QgsProject.instance())
    try:
        extent = transform.transformBoundingBox(layer.extent())
    except QgsCsException:
        return
    extent.scale(1.05)
    canvas.setExtent(extent)
    canvas.refresh()


def layer_metadata(source: Source, metadata: QgsLayerMetadata) -> QgsLayerMetadata:
    """``metadata`` filled from a ``sources`` row: title, licence, rights, link, dates, vintage."""
    metadata.setIdentifier(source.layer)
    metadata.setTitle(source.title)
    abstract = f"{source.publisher}. Vintage: {source.vintage}. Retrieved: {source.retrieved}."
    if source.synthetic:
        abstract += " Synthetic sample data."
    if source.note:
        abstract += f" {source.note}"
    metadata.setAbstract(abstract)
    metadata.setLicenses([source.licence] if source.licence else [])
    metadata.setRights([source.attribution] if source.attribution else [])
    metadata.setKeywords({"vintage": [source.vintage], "retrieved": [source.retrieved]})
    metadata.setHistory([f"Retrieved {source.retrieved} from {source.url or source.publisher}"])
    if source.url:
        link = QgsAbstractMetadataBase.Link(source.publisher or source.title, "WWW:LINK", source.url)
        metadata.setLinks([link])
    return metadata
