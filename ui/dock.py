"""The "Territoire" dock: pick a territory, load its open data, run the analyses, export maps.

The dock only builds Processing parameters and opens the algorithms' own dialogs, so every
action runs through Processing: it shows progress, can be cancelled and lands in the history.
"""

from __future__ import annotations

import os

from qgis.core import (
    QgsApplication,
    QgsMapLayer,
    QgsProcessing,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsCollapsibleGroupBox, QgsFileWidget
from qgis.PyQt.QtCore import QStringListModel, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDockWidget,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import settings
from ..engine.opendata.geo_api import search_territories
from ..engine.opendata.territory import TerritoryMatch
from ..i18n_support import format_date, tr
from ..resources_paths import icon_path

SAMPLE_TERRITORY = TerritoryMatch("245900428", "Communauté urbaine de Dunkerque", "epci")
COMPLETIONS = 15


#: The table of the territory's GeoPackage that fills an algorithm's layer parameter.
PARAMETER_TABLES = {
    "COMMUNES": "communes",
    "ZONES": "communes",
    "TERRITORY": "communes",
    "FIBRE": "fibre",
    "HOTSPOTS": "wifi_hotspots",
    "EXISTING": "wifi_hotspots",
    "CANDIDATES": "street_furniture",
    "BUILDINGS": "buildings",
    "DEMAND": "buildings",
    "TERRAIN": "terrain",
    "ROOFS": "solar",
    "SOLAR": "solar",
    "PRODUCERS": "industrial_waste",
    "INDUSTRIAL_WASTE": "industrial_waste",
    "RECEIVERS": "waste_facilities",
    "ROADS": "roads",
    "FACILITIES": "waste_points",
    "WASTE_POINTS": "waste_points",
    "PORT_ZONES": "port_zones",
    "INDUSTRIAL_SITES": "industrial_sites",
}
#: Processing source types a layer of each geometry satisfies.
GEOMETRY_SOURCE_TYPES = {
    QgsWkbTypes.GeometryType.PointGeometry: QgsProcessing.SourceType.TypeVectorPoint,
    QgsWkbTypes.GeometryType.LineGeometry: QgsProcessing.SourceType.TypeVectorLine,
    QgsWkbTypes.GeometryType.PolygonGeometry: QgsProcessing.SourceType.TypeVectorPolygon,
}
ANY_VECTOR = {QgsProcessing.SourceType.TypeVectorAnyGeometry, QgsProcessing.SourceType.TypeVector}


def fits(definition, layer) -> bool:
    """True when ``layer`` is a value the layer parameter ``definition`` accepts."""
    if definition.type() == "raster":
        return isinstance(layer, QgsRasterLayer)
    if not isinstance(layer, QgsVectorLayer):
        return False
    wanted = set(definition.dataTypes()) if hasattr(definition, "dataTypes") else set()
    geometry = GEOMETRY_SOURCE_TYPES.get(layer.geometryType())
    return not wanted or bool(wanted & ANY_VECTOR) or geometry in wanted


def label_of(territory: TerritoryMatch) -> str:
    return f"{territory.name} ({territory.code})"


def family_labels() -> dict[str, str]:
    """The open-data families the loader knows, with their labels."""
    return {
        "boundaries": tr("Boundaries (communes)"),
        "fibre": tr("Fibre coverage (ARCEP)"),
        "industrial_sites": tr("Industrial sites (ICPE, IREP)"),
        "industrial_waste": tr("Industrial waste (IREP)"),
        "waste_points": tr("Waste points (SINOE, OSM)"),
        "solar": tr("Solar cadastre"),
        "port_zones": tr("Port zones"),
        "buildings": tr("Buildings (IGN BD TOPO)"),
        "roads": tr("Roads"),
        "waste_facilities": tr("Waste treatment facilities"),
        "public_buildings": tr("Public buildings"),
        "wifi_hotspots": tr("Public Wi-Fi hotspots"),
        "terrain": tr("Terrain model"),
        "street_furniture": tr("Street furniture (hotspot sites)"),
    }


class TerritoireDock(QDockWidget):
    """Dock "Territoire"."""

    def __init__(self, iface, parent=None) -> None:
        super().__init__(tr("Territoire"), parent)
        self.iface = iface
        self.matches: dict[str, TerritoryMatch] = {}
        self.territory: TerritoryMatch | None = None
        self.suitability_editor: QWidget | None = None

        body = QWidget(self)
        layout = QVBoxLayout(body)

        # Territory picker
        territory_box = QGroupBox(tr("Territory"), body)
        territory_layout = QVBoxLayout(territory_box)
        self.search = QLineEdit(territory_box)
        self.search.setPlaceholderText(tr("Commune or EPCI: name or code (e.g. Dunkerque, 59183, 245900428)"))
        self.search.setClearButtonEnabled(True)
        self.completions = QStringListModel(self)
        completer = QCompleter(self.completions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(COMPLETIONS)
        completer.activated.connect(self.choose_territory)
        self.search.setCompleter(completer)
        self.search.textEdited.connect(self.complete_offline)
        self.search.returnPressed.connect(lambda: self.choose_territory(self.search.text()))
        self.territory_label = QLabel(territory_box)
        self.territory_label.setWordWrap(True)
        territory_layout.addWidget(self.search)
        territory_layout.addWidget(self.territory_label)
        layout.addWidget(territory_box)

        # Open data
        data_box = QGroupBox(tr("Open data"), body)
        data_layout = QGridLayout(data_box)
        # the families folded by default: the dock stays usable at 380 px
        self.families_box = QgsCollapsibleGroupBox(tr("Data families"), data_box)
        self.families_box.setCollapsed(True)
        families_layout = QVBoxLayout(self.families_box)
        self.family_boxes: dict[str, QCheckBox] = {}
        for family, label in family_labels().items():
            box = QCheckBox(label, self.families_box)
            box.setChecked(True)
            self.family_boxes[family] = box
            families_layout.addWidget(box)
        data_layout.addWidget(self.families_box, 0, 0, 1, 2)
        row = 1
        data_layout.addWidget(QLabel(tr("Source"), data_box), row, 0)
        self.source = QComboBox(data_box)
        self.source.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.source.setMinimumContentsLength(10)
        self.source.addItem(tr("Cache, then online"), "online")
        self.source.addItem(tr("Cache only (offline)"), "cache")
        self.source.addItem(tr("Sample territory (bundled, offline)"), "sample")
        self.source.setToolTip(
            tr(
                "Cache, then online: downloads of less than 30 days are reused, the rest is downloaded "
                "(the cache is used if the network fails). Cache only: no network, the last downloads. "
                "Sample: the bundled Dunkerque territory."
            )
        )
        data_layout.addWidget(self.source, row, 1)
        data_layout.addWidget(QLabel(tr("Data folder"), data_box), row + 1, 0)
        self.data_folder = QgsFileWidget(data_box)
        self.data_folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.data_folder.setFilePath(settings.data_folder_setting())
        self.data_folder.setToolTip(
            tr(
                "Each territory is kept in one GeoPackage named after it in this folder. Empty: beside "
                "the saved project, else a Territoire folder in your documents."
            )
        )
        self.data_folder.fileChanged.connect(settings.set_data_folder)
        self.data_folder.fileChanged.connect(self.show_data_folder)
        data_layout.addWidget(self.data_folder, row + 1, 1)
        self.load_button = QPushButton(QIcon(icon_path("load_open_data.svg")), tr("Load"), data_box)
        self.load_button.clicked.connect(self.load_data)
        data_layout.addWidget(self.load_button, row + 2, 0, 1, 2)
        # shown when the network is down: the way out in one sentence and two buttons
        self.offline_box = QFrame(data_box)
        self.offline_box.setFrameShape(QFrame.Shape.StyledPanel)
        offline_layout = QVBoxLayout(self.offline_box)
        self.offline_label = QLabel(self.offline_box)
        self.offline_label.setWordWrap(True)
        offline_layout.addWidget(self.offline_label)
        offline_buttons = QHBoxLayout()
        self.use_cache_button = QPushButton(tr("Use the cache"), self.offline_box)
        self.use_cache_button.clicked.connect(lambda: self.load_from("cache"))
        self.use_sample_button = QPushButton(tr("Use the sample"), self.offline_box)
        self.use_sample_button.clicked.connect(lambda: self.load_from("sample"))
        offline_buttons.addWidget(self.use_cache_button)
        offline_buttons.addWidget(self.use_sample_button)
        offline_layout.addLayout(offline_buttons)
        self.offline_box.hide()
        data_layout.addWidget(self.offline_box, row + 3, 0, 1, 2)
        layout.addWidget(data_box)

        # Analyses and maps
        tools_box = QGroupBox(tr("Analyses and maps"), body)
        tools_layout = QVBoxLayout(tools_box)
        self.algorithms = QTreeWidget(tools_box)
        self.algorithms.setHeaderHidden(True)
        self.algorithms.setRootIsDecorated(True)
        self.algorithms.itemActivated.connect(self._run_algorithm_item)
        self.algorithms.setMinimumHeight(170)
        tools_layout.addWidget(self.algorithms)
        buttons = QHBoxLayout()
        self.suitability_button = QPushButton(
            QIcon(icon_path("site_suitability.svg")), tr("Suitability model…"), tools_box
        )
        self.suitability_button.clicked.connect(self.open_suitability)
        self.export_button = QPushButton(QIcon(icon_path("export_map.svg")), tr("Export map"), tools_box)
        self.export_button.clicked.connect(self.export_map)
        buttons.addWidget(self.suitability_button)
        buttons.addWidget(self.export_button)
        tools_layout.addLayout(buttons)
        self.organisation = QLineEdit(settings.organisation(), tools_box)
        self.organisation.setPlaceholderText(tr("Organisation, author of the exported maps"))
        self.organisation.setToolTip(
            tr("Named as author in exported maps and dossiers; empty: the QGIS user name.")
        )
        self.organisation.setClearButtonEnabled(True)
        self.organisation.textEdited.connect(settings.set_organisation)
        tools_layout.addWidget(self.organisation)
        layout.addWidget(tools_box, 2)

        # What is loaded
        loaded_box = QGroupBox(tr("Loaded layers"), body)
        loaded_layout = QVBoxLayout(loaded_box)
        self.loaded = QTreeWidget(loaded_box)
        self.loaded.setHeaderLabels([tr("Layer"), tr("Source and licence")])
        self.loaded.setMinimumHeight(90)
        loaded_layout.addWidget(self.loaded)
        layout.addWidget(loaded_box, 1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(scroll)
        self.refresh_algorithms()
        self.refresh_loaded()
        self._connections = [
            (QgsProject.instance().layersAdded, self.refresh_loaded),
            (QgsProject.instance().layersRemoved, self.refresh_loaded),
            (QgsProject.instance().fileNameChanged, self.show_data_folder),
            (QgsApplication.processingRegistry().providerAdded, self.refresh_algorithms),
        ]
        for signal, slot in self._connections:
            signal.connect(slot)
        self._restore_territory()
        self.show_data_folder()

    # --- territory ----------------------------------------------------
    def _restore_territory(self) -> None:
        code, name = settings.territory()
        if not code:
            code, name = SAMPLE_TERRITORY.code, SAMPLE_TERRITORY.name
        kind = "epci" if len(code) == 9 else "commune"
        self.set_territory(TerritoryMatch(code, name, kind))

    def _remember(self, matches: list[TerritoryMatch]) -> list[str]:
        labels = [label_of(match) for match in matches]
        self.matches.update(zip(labels, matches))
        return labels

    def complete_offline(self, text: str) -> None:
        """Completions from the bundled list of communes and EPCIs, as the user types."""
        self.completions.setStringList(self._remember(search_territories(text, COMPLETIONS)))

    def search_online(self, text: str) -> list[TerritoryMatch]:
        """Ask geo.api.gouv.fr for communes and EPCIs named ``text`` (bundled list first)."""
        from ..engine.cache import DiskCache, Fetcher
        from ..engine.http_client import HttpClient
        from ..settings import cache_folder, network_proxies, url_settings

        fetcher = Fetcher(
            "online", DiskCache(cache_folder()), HttpClient(proxies=network_proxies()), url_settings()
        )
        return search_territories(text, COMPLETIONS, fetcher=fetcher)

    def choose_territory(self, text: str) -> None:
        """Pick the territory designated by a completion, a name, an INSEE code or an EPCI SIREN."""
        text = text.strip()
        territory = self.matches.get(text)
        codes = [code.strip() for code in text.split(",") if code.strip()]
        if territory is None and codes and all(code.isdigit() or code[:2] in ("2A", "2B") for code in codes):
            known = search_territories(codes[0], 1) if len(codes) == 1 else []
            if known and known[0].code == codes[0]:
                territory = known[0]
            elif all(len(code) in (5, 9) for code in codes):
                territory = TerritoryMatch(",".join(codes), text, "codes")
        if territory is None and len(text) >= 2:
            found = search_territories(text, COMPLETIONS)
            if not found:
                self.territory_label.setText(tr("Searching geo.api.gouv.fr for “{text}”…").format(text=text))
                found = self.search_online(text)
            if len(found) == 1 or (found and found[0].name.lower() == text.lower()):
                territory = found[0]
            elif found:
                self.completions.setStringList(self._remember(found))
                self.search.completer().complete()
                return
        if territory is not None:
            self.set_territory(territory)
        else:
            self.territory_label.setText(tr("No commune or EPCI matches “{text}”.").format(text=text))

    def set_territory(self, territory: TerritoryMatch) -> None:
        self.territory = territory
        settings.set_territory(territory.code, territory.name)
        kinds = {"epci": tr("EPCI"), "commune": tr("Commune"), "codes": tr("INSEE codes")}
        self.territory_label.setText(
            tr("Selected: {name} — {kind} {code}").format(
                name=territory.name, kind=kinds.get(territory.kind, territory.kind), code=territory.code
            )
        )

    # --- parameters handed to Processing ----------------------------
    def show_data_folder(self, *_args) -> None:
        """The folder used when none is chosen, as the data folder field's placeholder."""
        self.data_folder.lineEdit().setPlaceholderText(str(settings.data_folder()))

    def load_parameters(self) -> dict[str, object]:
        """Parameters of territoire:load_open_data for what the dock shows."""
        territory = self.territory or SAMPLE_TERRITORY
        return {
            "TERRITORY": territory.code,
            "LAYERS": [family for family, box in self.family_boxes.items() if box.isChecked()],
            "SOURCE": self.source.currentData(),
            "OUTPUT": str(settings.territory_gpkg(territory.name)),
        }

    def network_is_down(self) -> bool:
        """True when geo.api.gouv.fr (where every online load starts) does not answer."""
        from ..engine.endpoints import base_url
        from ..engine.http_client import HttpClient
        from ..settings import network_proxies, url_settings

        client = HttpClient(proxies=network_proxies())
        return not client.reachable(base_url("GEO_API", url_settings()))

    def show_offline(self) -> None:
        """Say in one sentence that the network is down; offer the cache (with its date) and the sample."""
        from ..engine.cache import DiskCache
        from ..settings import cache_folder

        last = DiskCache(cache_folder()).last_download()
        if last:
            text = tr(
                "The network is down: load the territory from the cache (last download on {date}) "
                "or the bundled sample territory."
            ).format(date=format_date(last))
        else:
            text = tr("The network is down and the cache is empty: load the bundled sample territory.")
        self.offline_label.setText(text)
        self.use_cache_button.setEnabled(bool(last))
        self.offline_box.show()

    def load_from(self, source: str) -> None:
        self.source.setCurrentIndex(self.source.findData(source))
        self.load_data()

    def load_data(self) -> None:
        from ..engine.opendata.options import enum_indices

        if self.source.currentData() == "online" and self.network_is_down():
            self.show_offline()
            return
        self.offline_box.hide()
        # The dialog's enum widgets take option numbers; processing.run also takes the keys.
        self._open_dialog("territoire:load_open_data", enum_indices(self.load_parameters()))

    def export_map(self) -> None:
        title = self.territory.name if self.territory else ""
        self._open_dialog("territoire:export_map", {"TITLE": title})

    def open_suitability(self) -> None:
        from .suitability_editor import SuitabilityEditor

        self.suitability_editor = SuitabilityEditor(self.iface.mainWindow() if self.iface else None)
        self.suitability_editor.show()

    def _open_dialog(self, algorithm_id: str, parameters: dict[str, object]) -> None:
        from qgis import processing

        processing.execAlgorithmDialog(algorithm_id, parameters)

    # --- lists --------------------------------------------------------
    def refresh_algorithms(self, *_args) -> None:
        self.algorithms.clear()
        provider = QgsApplication.processingRegistry().providerById("territoire")
        if provider is None:
            return
        groups: dict[str, QTreeWidgetItem] = {}
        for algorithm in sorted(provider.algorithms(), key=lambda a: (a.groupId(), a.displayName())):
            group = groups.get(algorithm.groupId())
            if group is None:
                group = QTreeWidgetItem(self.algorithms, [algorithm.group()])
                group.setExpanded(True)
                groups[algorithm.groupId()] = group
            item = QTreeWidgetItem(group, [algorithm.displayName()])
            item.setIcon(0, algorithm.icon())
            item.setToolTip(0, algorithm.shortDescription() or algorithm.displayName())
            item.setData(0, Qt.ItemDataRole.UserRole, algorithm.id())

    def _run_algorithm_item(self, item: QTreeWidgetItem, _column: int) -> None:
        algorithm_id = item.data(0, Qt.ItemDataRole.UserRole)
        if algorithm_id:
            self._open_dialog(algorithm_id, self.territory_parameters(algorithm_id))

    def territory_layers(self) -> dict[str, QgsMapLayer]:
        """Table → project layer reading the current territory's GeoPackage."""
        from ..maps.layout import layer_file_and_table

        territory = self.territory or SAMPLE_TERRITORY
        gpkg = os.path.realpath(settings.territory_gpkg(territory.name))
        found: dict[str, QgsMapLayer] = {}
        for layer in QgsProject.instance().mapLayers().values():
            path, table = layer_file_and_table(layer)
            if path == gpkg and table:
                found.setdefault(table, layer)
        return found

    def territory_parameters(self, algorithm_id: str) -> dict[str, object]:
        """An algorithm's layer parameters filled with the current territory's layers."""
        algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
        layers = self.territory_layers()
        parameters: dict[str, object] = {}
        for definition in algorithm.parameterDefinitions() if algorithm else []:
            if definition.type() not in ("source", "vector", "raster", "multilayer"):
                continue
            layer = layers.get(PARAMETER_TABLES.get(definition.name(), ""))
            if layer is None:
                continue
            if definition.type() == "multilayer":
                parameters[definition.name()] = [layer.id()]
            elif fits(definition, layer):
                parameters[definition.name()] = layer.id()
        return parameters

    def refresh_loaded(self, *_args) -> None:
        self.loaded.clear()
        for layer in QgsProject.instance().mapLayers().values():
            metadata = layer.metadata()
            credit = " ; ".join(part for part in (*metadata.rights(), *metadata.licenses()) if part)
            item = QTreeWidgetItem(self.loaded, [layer.name(), credit or layer.source().split("|")[0]])
            kind = "mIconRaster.svg" if isinstance(layer, QgsRasterLayer) else "mIconVector.svg"
            item.setIcon(0, QgsApplication.getThemeIcon(kind))
        self.loaded.resizeColumnToContents(0)

    def close_dock(self) -> None:
        """Disconnect from QGIS signals before the dock is deleted (plugin unload)."""
        for signal, slot in self._connections:
            signal.disconnect(slot)
        self._connections = []
