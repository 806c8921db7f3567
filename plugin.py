"""The plugin object: Processing provider, menu, toolbar and the "Territoire" dock."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QToolBar

from .algorithms.provider import TerritoireProvider
from .i18n_support import install_translator, tr
from .resources_paths import icon_path

if TYPE_CHECKING:
    from .ui.dock import TerritoireDock

MENU_NAME = "Territoire numérique"


class TerritoirePlugin:
    """Registered by ``classFactory``; ``iface`` is None under qgis_process."""

    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider: TerritoireProvider | None = None
        self.translator = install_translator()
        self.actions: list[QAction] = []
        self.toolbar: QToolBar | None = None
        self.dock: TerritoireDock | None = None

    # --- Processing ---------------------------------------------------
    def initProcessing(self) -> None:
        if self.provider is None:
            self.provider = TerritoireProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    # --- GUI ----------------------------------------------------------
    def initGui(self) -> None:
        self.initProcessing()
        from .ui.dock import TerritoireDock

        self.dock = dock = TerritoireDock(self.iface)
        dock.setObjectName("TerritoireNumeriqueDock")
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)

        self.toolbar = self.iface.addToolBar(MENU_NAME)
        self.toolbar.setObjectName("TerritoireNumeriqueToolbar")

        toggle = dock.toggleViewAction()
        toggle.setIcon(QIcon(icon_path("territoire.svg")))
        toggle.setText(tr("Territoire panel"))
        self._add_action(toggle, owned=False)
        self._add_action(self._make_action("load_open_data.svg", tr("Load open data…"), dock.load_data))
        self._add_action(
            self._make_action(
                "site_suitability.svg", tr("Site suitability model…"), dock.open_suitability
            )
        )
        self._add_action(self._make_action("export_map.svg", tr("Export map…"), dock.export_map))
        if self.provider is not None and self.provider.unavailable:
            self.iface.messageBar().pushWarning(
                MENU_NAME,
                tr(
                    "Some algorithms need Python packages missing from this QGIS: {names}. "
                    "Install the packages of requirements.txt (QPIP plugin; OSGeo4W: python3-scipy, "
                    "python3-geopandas, python3-rasterio, python3-requests, python3-networkx); "
                    "details in the Processing log."
                ).format(names=", ".join(sorted(self.provider.unavailable))),
            )

    def _make_action(self, icon_name: str, text: str, slot) -> QAction:
        action = QAction(QIcon(icon_path(icon_name)), text)
        action.triggered.connect(slot)
        return action

    def _add_action(self, action: QAction, owned: bool = True) -> None:
        self.iface.addPluginToMenu(MENU_NAME, action)
        if self.toolbar is not None:
            self.toolbar.addAction(action)
        self.actions.append(action)
        if owned:
            action.setParent(self.iface.mainWindow())

    def unload(self) -> None:
        for action in self.actions:
            self.iface.removePluginMenu(MENU_NAME, action)
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
        self.actions.clear()
        if self.dock is not None:
            self.iface.removeDockWidget(self.dock)
            self.dock.close_dock()
            self.dock.setParent(None)
            self.dock.deleteLater()
            self.dock = None
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.setParent(None)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            from qgis.PyQt.QtCore import QCoreApplication

            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
