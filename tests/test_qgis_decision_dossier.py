"""territoire:decision_dossier under real QGIS: pages, measured facts, constraints, language."""

from __future__ import annotations

from pathlib import Path

import pytest
from maps_support import make_sites_gpkg, make_test_gpkg, pdf_pages, pdf_text, write_model
from qgis.core import QgsProcessingException, QgsSettings

pytestmark = pytest.mark.qgis


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("dossier")
    gpkg = make_test_gpkg(folder / "essai.gpkg")
    return {
        "gpkg": gpkg,
        "sites": make_sites_gpkg(folder / "sites.gpkg"),
        "model": write_model(folder / "modele.json", gpkg),
    }


def parameters(data: dict[str, Path], output: Path) -> dict:
    gpkg = data["gpkg"]
    return {
        "SITES": str(data["sites"]),
        "MODEL": str(data["model"]),
        "CONTEXT_LAYERS": [f"{gpkg}|layername=communes", f"{gpkg}|layername=roads"],
        "FIBRE": f"{gpkg}|layername=fibre",
        "PORT_ZONES": f"{gpkg}|layername=port_zones",
        "WASTE_OUTLETS": f"{gpkg}|layername=waste_points",
        "TERRITORY": "Territoire d'essai",
        "AUTHOR": "Agence d'essai",
        "OUTPUT": str(output),
    }


def run(parameters: dict) -> dict:
    from qgis import processing

    return processing.run("territoire:decision_dossier", parameters)


@pytest.fixture(scope="module")
def dossier(territoire_plugin, data, tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("dossier_out") / "dossier.pdf"
    assert run(parameters(data, output))["OUTPUT"] == str(output)
    return output


def test_page_count_cover_and_contents(dossier):
    assert pdf_pages(dossier) == 2 + 3 + 2  # cover, territory, three sites, method, sources
    cover = pdf_text(dossier, 1)
    for expected in ("DOSSIER D'AIDE À LA DÉCISION", "Modèle d'essai", "Territoire d'essai", "En bref",
                     "3 sites candidats", "Meilleur site : n° 1, 88/100, 4,0 ha", "Sommaire",
                     "Auteur : Agence d'essai", "Données d'exemple synthétiques"):  # fmt: skip
        assert expected in cover, expected


def test_site_page_shows_score_contributions_constraints_and_measured_facts(dossier):
    page = pdf_text(dossier, 3)
    for expected in ("Site n° 1 — 88/100", "1er sur 3", "4,0 ha", "Score le plus bas dans le site : 80/100",
                     "dans 93 % des simulations", "Fibre optique", "Accès routier", "52,2 / 60", "35,3 / 40",
                     "À plus de 200 m de : Zone portuaire d'essai : respectée",
                     "Dans : Communes d'essai : respectée",
                     "Fibre (FTTH) à moins de 200 m : 40 % des 10 locaux raccordables",
                     "Distance au port : 5,4 km (Port Est)",
                     "Exutoire déchets le plus proche : Déchèterie d'essai — 1,0 km"):  # fmt: skip
        assert expected in page, expected


def test_stability_not_assessed_and_a_constraint_not_met_are_said(dossier):
    assert "Non évaluée" in pdf_text(dossier, 4)  # site 2 has no sensitivity result
    third = pdf_text(dossier, 5)
    assert "Zone portuaire d'essai : NON respectée (distance : 100 m)" in third


def test_method_and_sources_pages(dossier):
    method = pdf_text(dossier, 6)
    assert "Méthode" in method and "fixés directement" in method
    assert "distance à : Fibre d'essai" in method and "60 %" in method and "40 %" in method
    sources = pdf_text(dossier, 7)
    for expected in ("Sources des données", "Communes d'essai", "Licence Ouverte 2.0", "2024", "réelle",
                     "synthétique (exemple)"):  # fmt: skip
        assert expected in sources, expected
    assert "graine" not in sources  # the seed of a synthetic layer is not shown as its vintage


def test_english_when_the_locale_is_english(territoire_plugin, data, tmp_path):
    settings = QgsSettings()
    previous = settings.value("locale/userLocale", "")
    settings.setValue("locale/userLocale", "en_GB")
    try:
        output = tmp_path / "dossier_en.pdf"
        run(parameters(data, output))
    finally:
        settings.setValue("locale/userLocale", previous)
    cover, site = pdf_text(output, 1), pdf_text(output, 3)
    assert "DECISION DOSSIER" in cover and "Synthetic sample data" in cover
    assert "Site no. 1 — 88/100" in site and "1st of 3" in site and "Distance to the port: 5.4 km" in site


def test_sites_without_scores_are_refused(territoire_plugin, data, tmp_path):
    arguments = parameters(data, tmp_path / "x.pdf")
    arguments["SITES"] = f"{data['gpkg']}|layername=communes"
    with pytest.raises(QgsProcessingException, match="lacks the fields rank, score"):
        run(arguments)
    assert not (tmp_path / "x.pdf").exists()


def test_site_map_north_arrow_is_found_on_the_svg_paths(territoire_plugin):
    from qgis.core import QgsLayoutItemMap, QgsLayoutItemPicture, QgsPrintLayout, QgsProject

    from territoire_numerique.maps import dossier as _dossier

    layout = QgsPrintLayout(QgsProject.instance())
    layout.initializeDefaults()
    the_map = QgsLayoutItemMap(layout)
    layout.addLayoutItem(the_map)
    _dossier.map_furniture(layout, 0, the_map, (10.0, 10.0, 120.0, 90.0))
    arrows = [item for item in layout.items() if isinstance(item, QgsLayoutItemPicture)]
    assert len(arrows) == 1
    assert Path(arrows[0].picturePath()).is_file() and not arrows[0].isMissingImage()


def test_a_model_given_as_text_reads_its_layers_from_the_project_folder(territoire_plugin, data, tmp_path):
    """As Site suitability does: relative layer paths of a JSON text model resolve against the
    project's folder, so the constraints are measured (not "cannot be checked here")."""
    from qgis.core import QgsProject

    project = QgsProject.instance()
    previous = project.presetHomePath()
    project.setPresetHomePath(str(data["gpkg"].parent))
    arguments = parameters(data, tmp_path / "texte.pdf")
    arguments["MODEL"] = data["model"].read_text(encoding="utf-8")
    try:
        run(arguments)
    finally:
        project.setPresetHomePath(previous)
    page = pdf_text(tmp_path / "texte.pdf", 3)
    assert "À plus de 200 m de : Zone portuaire d'essai : respectée" in page
    assert "non vérifiable" not in page
