"""Translation: one context for the whole plugin, the translator follows the QGIS locale."""

from __future__ import annotations

from pathlib import Path

from qgis.PyQt.QtCore import QCoreApplication, QDate, QLocale, Qt, QTranslator

from .settings import user_locale

CONTEXT = "TerritoireNumerique"
I18N_DIR = Path(__file__).resolve().parent / "i18n"


def tr(text: str) -> str:
    """Translate ``text`` (English source) into the user's language."""
    return QCoreApplication.translate(CONTEXT, text)


def user_language() -> str:
    """Two-letter language of the QGIS user interface (``en`` when unset)."""
    return user_locale()[:2] or "en"


def user_qlocale() -> QLocale:
    """The QGIS interface locale (the system's when QGIS follows it)."""
    locale = user_locale()
    return QLocale(locale) if locale else QLocale()


def format_number(value: float, decimals: int | None = None) -> str:
    """``value`` written in the QGIS locale (French: ``0,012``, ``18 000``); integers without
    decimals unless ``decimals`` is given."""
    locale = user_qlocale()
    if decimals is None and float(value).is_integer():
        return locale.toString(int(value))
    return locale.toString(float(value), "f", 3 if decimals is None else decimals)


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


def format_date(iso_date: str) -> str:
    """A ``YYYY-MM-DD`` date written in the QGIS locale (French: ``3 décembre 2026``)."""
    date = QDate.fromString(iso_date[:10], Qt.DateFormat.ISODate)
    return user_qlocale().toString(date, "d MMMM yyyy") if date.isValid() else iso_date


def translated(text: object) -> str:
    """An engine ``Message`` or ``EngineError`` in the user's language, its decimal numbers in the
    user's locale; any other text as it is."""
    message = getattr(text, "message", None)
    if not isinstance(message, str):
        return str(text)
    values = {
        name: translated(value)
        if hasattr(value, "message")
        else format_number(value)
        if isinstance(value, float)
        else value
        for name, value in getattr(text, "values", {}).items()
    }
    return tr(message).format(**values)
