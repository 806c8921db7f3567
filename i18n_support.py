"""Translation: one context for the whole plugin, the translator follows the QGIS locale."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

CONTEXT = "TerritoireNumerique"
I18N_DIR = Path(__file__).resolve().parent / "i18n"


def tr(text: str) -> str:
    """Translate ``text`` (English source) into the user's language."""
    return QCoreApplication.translate(CONTEXT, text)


def user_language() -> str:
    """Two-letter language of the QGIS user interface (``en`` when unset)."""
    locale = QgsSettings().value("locale/userLocale", "") or ""
    return str(locale)[:2] or "en"


def user_locale() -> QLocale:
    """The locale of the QGIS user interface, for numbers shown to users (qgis_process does not
    make it the default QLocale)."""
    return QLocale(str(QgsSettings().value("locale/userLocale", "") or QLocale().name()))


def install_translator(language: str | None = None) -> QTranslator | None:
    """Load and install the ``.qm`` for ``language`` (default: the QGIS locale).

    Returns the installed translator (keep it alive, remove it on unload) or None
    when there is no translation for that language.
    """
    language = language or user_language()
    qm_file = I18N_DIR / f"territoire_numerique_{language}.qm"
    if not qm_file.exists():
        return None
    translator = QTranslator()
    if not translator.load(str(qm_file)):
        return None
    QCoreApplication.installTranslator(translator)
    return translator
