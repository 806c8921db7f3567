"""The "Territoire" dock: pick a territory, load its open data, run the analyses, export maps.

The dock only builds Processing parameters and opens the algorithms' own dialogs, so every
action runs through Processing: it shows progress, can be cancelled and lands in the history.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass

from qgis.core import QgsApplication, QgsProject, QgsRasterLayer, QgsSettings
from qgis.PyQt.QtCore import QStringListModel, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDockWidget,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..i18n_support import tr
from ..resources_paths import RESOURCES_DIR, icon_path

SETTINGS_KEY = "territoire_numerique/territory"
SAMPLE_TERRITORY = ("245900428", "Communauté urbaine de Dunkerque", "epci")


@dataclass(frozen=True)
class Territory:
    code: str
    name: str
    kind: str  # "commune" or "epci"

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code})"


def offline_territories() -> list[Territory]:
    """Communes and EPCIs known offline (resources/territories.csv), EPCIs first."""
    path = RESOURCES_DIR / "territories.csv"
    territories = [Territory(*SAMPLE_TERRITORY)]
    if path.exists():
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                territory = Territory(row["code"], row["name"], row["kind"])
                if territory.code != SAMPLE_TERRITORY[0]:
                    territories.append(territory)
    return territories


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
    }


class TerritoireDock(QDockWidget):
    """Dock "Territoire"."""

    def __init__(self, iface, parent=None) -> None:
        super().__init__(tr("Territoire"), parent)
        self.iface = iface
        self.territories = offline_territories()
        self.by_label = {territory.label: territory for territory in self.territories}
        self.territory: Territory | None = None

        body = QWidget(self)
        layout = QVBoxLayout(body)

        # Territory picker
        territory_box = QGroupBox(tr("Territory"), body)
        territory_layout = QVBoxLayout(territory_box)
        self.search = QLineEdit(territory_box)
        self.search.setPlaceholderText(tr("Commune or EPCI: name or code (e.g. Dunkerque, 59183, 245900428)"))
        self.search.setClearButtonEnabled(True)
        completer = QCompleter(self)
        completer.setModel(QStringListModel([t.label for t in self.territories], completer))
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setMaxVisibleItems(15)
        completer.activated[str].connect(self.choose_territory_by_label)
        self.search.setCompleter(completer)
        self.search.returnPressed.connect(lambda: self.choose_territory_by_label(self.search.text()))
        self.territory_label = QLabel(territory_box)
        self.territory_label.setWordWrap(True)
        territory_layout.addWidget(self.search)
        territory_layout.addWidget(self.territory_label)
        layout.addWidget(territory_box)

        # Open data
        data_box = QGroupBox(tr("Open data"), body)
        data_layout = QGridLayout(data_box)
        self.family_boxes: dict[str, QCheckBox] = {}
        for index, (family, label) in enumerate(family_labels().items()):
            box = QCheckBox(label, data_box)
            box.setChecked(True)
            self.family_boxes[family] = box
            data_layout.addWidget(box, index // 2, index % 2)
        row = len(self.family_boxes) // 2 + 1
        data_layout.addWidget(QLabel(tr("Source"), data_box), row, 0)
        self.source = QComboBox(data_box)
        self.source.addItem(tr("Online (open-data portals)"), "online")
        self.source.addItem(tr("Cache (last download, offline)"), "cache")
        self.source.addItem(tr("Sample territory (bundled, offline)"), "sample")
        data_layout.addWidget(self.source, row, 1)
        self.load_button = QPushButton(QIcon(icon_path("load_open_data.svg")), tr("Load"), data_box)
        self.load_button.clicked.connect(self.load_data)
        data_layout.addWidget(self.load_button, row + 1, 0, 1, 2)
        layout.addWidget(data_box)

        # Analyses and maps
        tools_box = QGroupBox(tr("Analyses and maps"), body)
        tools_layout = QVBoxLayout(tools_box)
        self.algorithms = QTreeWidget(tools_box)
        self.algorithms.setHeaderHidden(True)
        self.algorithms.setRootIsDecorated(True)
        self.algorithms.itemActivated.connect(self._run_algorithm_item)
        tools_layout.addWidget(self.algorithms)
        buttons = QHBoxLayout()
        self.suitability_button = QPushButton(tr("Suitability model…"), tools_box)
        self.suitability_button.clicked.connect(self.open_suitability)
        self.export_button = QPushButton(QIcon(icon_path("export_map.svg")), tr("Export map"), tools_box)
        self.export_button.clicked.connect(self.export_map)
        buttons.addWidget(self.suitability_button)
        buttons.addWidget(self.export_button)
        tools_layout.addLayout(buttons)
        layout.addWidget(tools_box, 2)

        # What is loaded
        loaded_box = QGroupBox(tr("Loaded layers"), body)
        loaded_layout = QVBoxLayout(loaded_box)
        self.loaded = QTreeWidget(loaded_box)
        self.loaded.setHeaderLabels([tr("Layer"), tr("Source and licence")])
        loaded_layout.addWidget(self.loaded)
        layout.addWidget(loaded_box, 1)

        self.setWidget(body)
        self.refresh_algorithms()
        self.refresh_loaded()
        self._connections = [
            (QgsProject.instance().layersAdded, self.refresh_loaded),
            (QgsProject.instance().layersRemoved, self.refresh_loaded),
            (QgsApplication.processingRegistry().providerAdded, self.refresh_algorithms),
        ]
        for signal, slot in self._connections:
            signal.connect(slot)
        self._restore_territory()

    # --- territory ----------------------------------------------------
    def _restore_territory(self) -> None:
        saved = QgsSettings().value(SETTINGS_KEY, SAMPLE_TERRITORY[0])
        match = next((t for t in self.territories if t.code == saved), None)
        self.set_territory(match or Territory(*SAMPLE_TERRITORY))

    def choose_territory_by_label(self, text: str) -> None:
        """Pick the territory a completion label, a name or an INSEE/SIREN code designates."""
        text = text.strip()
        territory = self.by_label.get(text)
        if territory is None and text:
            lowered = text.lower()
            territory = next(
                (t for t in self.territories if t.code == text or t.name.lower() == lowered), None
            )
        if territory is None and text:
            codes = [code.strip() for code in text.split(",") if code.strip()]
            if codes and all(code.isalnum() and len(code) in (5, 9) for code in codes):
                territory = Territory(",".join(codes), text, "codes")
        if territory is not None:
            self.set_territory(territory)
        else:
            self.territory_label.setText(tr("No commune or EPCI matches “{text}”.").format(text=text))

    def set_territory(self, territory: Territory) -> None:
        self.territory = territory
        QgsSettings().setValue(SETTINGS_KEY, territory.code)
        kinds = {"epci": tr("EPCI"), "commune": tr("Commune"), "codes": tr("INSEE codes")}
        self.territory_label.setText(
            tr("Selected: {name} — {kind} {code}").format(
                name=territory.name, kind=kinds.get(territory.kind, territory.kind), code=territory.code
            )
        )

    # --- parameters handed to Processing ----------------------------
    def load_parameters(self) -> dict[str, object]:
        """Parameters of territoire:load_open_data for what the dock shows."""
        families = list(self.family_boxes)
        return {
            "TERRITORY": self.territory.code if self.territory else SAMPLE_TERRITORY[0],
            "LAYERS": [families.index(f) for f, box in self.family_boxes.items() if box.isChecked()],
            "SOURCE": self.source.currentIndex(),
        }

    def load_data(self) -> None:
        self._open_dialog("territoire:load_open_data", self.load_parameters())

    def export_map(self) -> None:
        title = self.territory.name if self.territory else ""
        self._open_dialog("territoire:export_map", {"TITLE": title})

    def open_suitability(self) -> None:
        from .suitability_editor import SuitabilityEditor

        SuitabilityEditor(self.iface, self).show()

    def _open_dialog(self, algorithm_id: str, parameters: dict[str, object]) -> None:
        import processing

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
            self._open_dialog(algorithm_id, {})

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
