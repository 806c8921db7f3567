"""What the plugin tells the user outside Processing dialogs: its own message-log tab and the
QGIS message bar."""

from __future__ import annotations

from qgis.core import Qgis, QgsMessageLog

#: The plugin's tab in View › Panels › Log Messages.
LOG_TAG = "Territoire numérique"


def log_message(text: str, level: Qgis.MessageLevel = Qgis.MessageLevel.Info) -> None:
    """One line in the plugin's message-log tab."""
    QgsMessageLog.logMessage(text, LOG_TAG, level)


def tell_user(text: str, level: Qgis.MessageLevel = Qgis.MessageLevel.Info, duration: int = 8) -> None:
    """``text`` in the message bar of the QGIS window (nothing under qgis_process) and the log tab."""
    log_message(text, level)
    from qgis.utils import iface

    if iface is not None and hasattr(iface, "messageBar"):
        iface.messageBar().pushMessage(LOG_TAG, text, level, duration)
