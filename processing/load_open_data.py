"""Algorithm ``territoire:load_open_data``: open data for a territory into one GeoPackage."""

from __future__ import annotations

import os
from collections import deque
from typing import TYPE_CHECKING, ClassVar

from qgis.core import (
    QgsAbstractMetadataBase,
    QgsCoordinateReferenceSystem,
    QgsLayerMetadata,
    QgsLayerTreeGroup,
    QgsMapLayer,
    QgsMapLayerType,
    QgsNetworkAccessManager,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsRasterLayer,
    QgsSettings,
    QgsWkbTypes,
)
from qgis.PyQt.QtNetwork import QNetworkProxy

from ..engine.endpoints import SOURCES
from ..engine.errors import Cancelled, EngineError
from ..engine.opendata.schema import FAMILIES, FAMILY_NAMES, SOURCE_MODES
from ..engine.outputs import atomic_output
from ..engine.provenance import Source, read_sources
from ..resources_paths import SAMPLE_GPKG, style_path
from .base import TerritoireAlgorithm, output_folder_is_writable

if TYPE_CHECKING:
    from ..engine.opendata.loader import LoadReport

SAMPLE_EPCI = "245900428"
EPCI_NAMES = {SAMPLE_EPCI: "Communauté urbaine de Dunkerque"}


class LoadOpenDataAlgorithm(TerritoireAlgorithm):
    """Load open-data families for communes or an EPCI into a GeoPackage and the project."""

    ALGORITHM_ID = "load_open_data"
    GROUP = "data"
    REQUIRES = ("numpy", "shapely", "requests", "osgeo")

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
        self.addParameter(
            QgsProcessingParameterEnum(
                self.SOURCE,
                self.tr("Source"),
                options=[self.source_labels()[name] for name in SOURCE_MODES],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterCrs(
                self.TARGET_CRS,
                self.tr("Target coordinate reference system (Lambert-93 when unset)"),
                defaultValue="EPSG:2154",
                optional=True,
            )
        )
        advanced = [
            QgsProcessingParameterFile(
                self.PORT_ZONES_FILE,
                self.tr("Official port limits (vector file; OpenStreetMap port land use when empty)"),
                QgsProcessingParameterFile.Behavior.File,
                optional=True,
            ),
            QgsProcessingParameterString(
                self.SOLAR_CADASTRE,
                self.tr("Local solar cadastre: file or https address (roofs × PVGIS when empty)"),
                optional=True,
            ),
            QgsProcessingParameterString(
                self.SOLAR_FIELDS,
                self.tr(
                    "Solar cadastre fields, e.g. irradiation=IRR_MOY;usable_area=SURF_UTILE;potential_kwp=KWC"
                ),
                optional=True,
            ),
            QgsProcessingParameterFile(
                self.FIBRE_FILE,
                self.tr(
                    "ARCEP buildings file: cartefibre immeubles export or base_imb (downloads when empty)"
                ),
                QgsProcessingParameterFile.Behavior.File,
                optional=True,
            ),
            QgsProcessingParameterBoolean(
                self.KEEP_NON_ICPE,
                self.tr("Keep Géorisques entries that are not classified (Non ICPE)"),
                defaultValue=False,
            ),
        ]
        for parameter in advanced:
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(parameter)
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT, self.tr("Output GeoPackage"), fileFilter=self.tr("GeoPackage (*.gpkg)")
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

    def source_labels(self) -> dict[str, str]:
        return {
            "online": self.tr("Online: download, keeping a cache (online)"),
            "cache": self.tr("Cache: no network, the last download (cache)"),
            "sample": self.tr("Sample: the bundled sample territory (sample)"),
        }

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
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if output and not output.lower().endswith(".gpkg"):
            return False, self.tr("The output must be a GeoPackage (.gpkg): {path}").format(path=output)
        if output and not output_folder_is_writable(output):
            return False, self.tr("The output folder cannot be written: {path}").format(path=output)
        families = self.parameterAsEnums(parameters, self.LAYERS, context)
        if not families:
            return False, self.tr("Choose at least one data family to load.")
        wants_terrain_tif = self.parameterAsOutputLayer(parameters, self.TERRAIN_OUTPUT, context)
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

    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback):
        from ..engine.cache import DiskCache, Fetcher
        from ..engine.http_client import HttpClient
        from ..engine.opendata.loader import load_open_data

        parameters = enum_indices(parameters)
        territory = self.parameterAsString(parameters, self.TERRITORY, context)
        families = [FAMILY_NAMES[index] for index in self.parameterAsEnums(parameters, self.LAYERS, context)]
        mode = SOURCE_MODES[self.parameterAsEnum(parameters, self.SOURCE, context)]
        crs: QgsCoordinateReferenceSystem = self.parameterAsCrs(parameters, self.TARGET_CRS, context)
        if not crs.isValid():
            crs = QgsCoordinateReferenceSystem("EPSG:2154")
        self.require_projected_crs(crs, self.tr("The target CRS"))
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not output or output == QgsProcessing.TEMPORARY_OUTPUT:
            raise QgsProcessingException(self.tr("Choose an output GeoPackage file."))
        ordered = [name for name in FAMILY_NAMES if name in families]
        fetcher = None
        if mode != "sample":
            client = HttpClient(proxies=qgis_proxies(), cancelled=feedback.isCanceled, log=feedback.pushInfo)
            fetcher = Fetcher(mode, DiskCache(cache_folder()), client, url_settings(), feedback.pushInfo)
        try:
            report = load_open_data(
                territory,
                ordered,
                output,
                mode=mode,
                options={
                    "port_zones_file": self.parameterAsFile(parameters, self.PORT_ZONES_FILE, context),
                    "solar_cadastre": self.parameterAsString(
                        parameters, self.SOLAR_CADASTRE, context
                    ).strip(),
                    "solar_fields": self.parameterAsString(parameters, self.SOLAR_FIELDS, context),
                    "fibre_file": self.parameterAsFile(parameters, self.FIBRE_FILE, context),
                    "keep_non_icpe": self.parameterAsBoolean(parameters, self.KEEP_NON_ICPE, context),
                },
                target_crs=crs.toWkt(),
                sample_gpkg=SAMPLE_GPKG,
                epci_names=EPCI_NAMES,
                fetcher=fetcher,
                progress=feedback.setProgress,
                log=feedback.pushInfo,
                cancelled=feedback.isCanceled,
            )
        except Cancelled as error:
            raise QgsProcessingException(self.tr("The run was cancelled: no output was written.")) from error
        except EngineError as error:
            raise QgsProcessingException(self.tr(error.message).format(**error.values)) from error
        for family in report.families:
            if not family.ok:
                feedback.reportError(
                    self.tr("{family} could not be loaded: {error}").format(
                        family=family.family, error=family.error
                    )
                )
            for warning in family.warnings:
                feedback.pushWarning(self.tr(warning.message).format(**warning.values))
        self._load_on_completion(report, context)
        results = {self.OUTPUT: output}
        terrain_tif = self.parameterAsOutputLayer(parameters, self.TERRAIN_OUTPUT, context)
        if terrain_tif:
            results[self.TERRAIN_OUTPUT] = self._export_terrain(report, terrain_tif)
        return results

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


def enum_indices(parameters: dict) -> dict:
    """``parameters`` with LAYERS and SOURCE given as keys (``roads``, ``sample``) turned into indices.

    The enum parameters store indices (the dialog shows readable labels); scripts, models, the
    dock and ``qgis_process`` may pass the family and source keys instead: one value, a list or
    a comma-separated text.  Unknown values are left for the parameter check to refuse.
    """
    converted = dict(parameters)
    for name, keys in (("LAYERS", FAMILY_NAMES), ("SOURCE", list(SOURCE_MODES))):
        value = converted.get(name)
        if value is None:
            continue
        items = value if isinstance(value, (list, tuple)) else str(value).split(",")
        indices = [keys.index(str(item).strip()) if str(item).strip() in keys else item for item in items]
        converted[name] = indices if name == "LAYERS" else indices[0]
    return converted


def url_settings() -> dict[str, str]:
    """Endpoint overrides from the plugin settings (``territoire_numerique/urls/<SOURCE>``)."""
    settings = QgsSettings()
    values = {source: settings.value(f"territoire_numerique/urls/{source}", "") for source in SOURCES}
    return {source: str(value) for source, value in values.items() if value}


def cache_folder() -> str:
    """``territoire_numerique/cache_dir`` setting, else ``$TERRITOIRE_CACHE_DIR`` or the user cache."""
    from ..engine.cache import default_cache_dir

    folder = QgsSettings().value("territoire_numerique/cache_dir", "")
    return str(folder) if folder else str(default_cache_dir())


def qgis_proxies() -> dict[str, str] | None:
    """The QGIS network proxy (Settings › Network) as a ``requests`` proxies mapping."""
    proxy = QgsNetworkAccessManager.instance().fallbackProxy()
    if proxy.type() not in (QNetworkProxy.ProxyType.HttpProxy, QNetworkProxy.ProxyType.HttpCachingProxy):
        return None
    credentials = f"{proxy.user()}:{proxy.password()}@" if proxy.user() else ""
    address = f"http://{credentials}{proxy.hostName()}:{proxy.port()}"
    return {"http": address, "https": address}


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
        layer.setName(self.title)
        project = context.project()
        if project is None:
            return
        root = project.layerTreeRoot()
        node = root.findLayer(layer.id())
        if node is None:
            return
        group = root.findGroup(self.group) or root.insertGroup(0, self.group)
        if node.parent() is not group:
            clone = node.clone()
            group.insertChildNode(_position(group, layer), clone)
            node.parent().removeChildNode(node)
        layer.triggerRepaint()


def _rank(layer: QgsMapLayer) -> int:
    """Drawing order in the group: points above lines above polygons above rasters."""
    if layer.type() != QgsMapLayerType.VectorLayer:
        return 4
    return {
        QgsWkbTypes.GeometryType.PointGeometry: 0,
        QgsWkbTypes.GeometryType.LineGeometry: 1,
        QgsWkbTypes.GeometryType.PolygonGeometry: 2,
    }.get(layer.geometryType(), 3)


def _position(group: QgsLayerTreeGroup, layer: QgsMapLayer) -> int:
    rank = _rank(layer)
    position = 0
    for child in group.findLayers():
        if child.layer() is not None and _rank(child.layer()) <= rank:
            position += 1
    return position


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
