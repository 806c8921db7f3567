"""French UI with a French locale; the packaged zip installs and loads in qgis_process."""

from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
TS = REPO_ROOT / "i18n" / "territoire_numerique_fr.ts"
QM = REPO_ROOT / "i18n" / "territoire_numerique_fr.qm"
ICONS = REPO_ROOT / "resources" / "icons"


@pytest.fixture(scope="module")
def compiled_translation():
    if not QM.exists() or QM.stat().st_mtime < TS.stat().st_mtime:
        subprocess.run(["lrelease", "-silent", str(TS), "-qm", str(QM)], check=True)
    return QM


def test_french_locale_gives_french_strings(qgis_app, compiled_translation):
    from qgis.core import QgsSettings
    from qgis.PyQt.QtCore import QCoreApplication

    from territoire_numerique.i18n_support import install_translator, tr

    settings = QgsSettings()
    previous = settings.value("locale/userLocale", "")
    settings.setValue("locale/userLocale", "fr_FR")
    translator = install_translator()
    try:
        assert translator is not None
        assert tr("Analysis") == "Analyse"
        assert tr("Maps") == "Cartes"
    finally:
        QCoreApplication.removeTranslator(translator)
        settings.setValue("locale/userLocale", previous)
    assert tr("Maps") == "Maps"


def qgis_process(arguments: list[str], plugin_parent: Path, profile: Path) -> str:
    environment = dict(
        os.environ,
        QGIS_PLUGINPATH=str(plugin_parent),
        QGIS_CUSTOM_CONFIG_PATH=str(profile),
        QT_QPA_PLATFORM="offscreen",
    )
    completed = subprocess.run(
        ["/usr/bin/qgis_process.bin", *arguments],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return completed.stdout


def test_package_installs_and_lists_algorithms(tmp_path, compiled_translation):
    import importlib.util

    spec = importlib.util.spec_from_file_location("package_script", REPO_ROOT / "scripts" / "package.py")
    package = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(package)
    archive = package.build(tmp_path / "territoire_numerique.zip")
    with zipfile.ZipFile(archive) as content:
        names = content.namelist()
        assert "territoire_numerique/metadata.txt" in names
        assert "territoire_numerique/i18n/territoire_numerique_fr.qm" in names
        assert not [n for n in names if n.split("/")[1] in {"tests", "bench", ".venv", "out"}]
        # Every icon the algorithms, toolbar and dock show (a new file must be tracked by git).
        icons = {f"territoire_numerique/resources/icons/{p.name}" for p in ICONS.glob("*.svg")}
        assert len(icons) > 3 and not icons - set(names), sorted(icons - set(names))
        content.extractall(tmp_path / "plugins")
    profile = tmp_path / "profile"
    qgis_process(["plugins", "enable", "territoire_numerique"], tmp_path / "plugins", profile)
    listing = qgis_process(["list"], tmp_path / "plugins", profile)
    assert "territoire:load_open_data" in listing
    assert "territoire:export_map" in listing
