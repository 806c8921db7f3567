"""territoire:export_map under real QGIS: PDF, PNG, SVG, atlas, errors, no partial output."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from maps_support import make_test_gpkg, pdf_pages, pdf_text
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsProject, QgsVectorLayer
from qgis.PyQt.QtGui import QImage

pytestmark = pytest.mark.qgis
TITLE = "Carte d'essai du territoire"


@pytest.fixture(scope="module")
def gpkg(tmp_path_factory) -> Path:
    return make_test_gpkg(tmp_path_factory.mktemp("maps") / "essai.gpkg")


def layers(gpkg: Path, *tables: str) -> list[str]:
    return [f"{gpkg}|layername={table}" for table in tables]


def run(parameters: dict, feedback: QgsProcessingFeedback | None = None) -> dict:
    from qgis import processing

    return processing.run("territoire:export_map", parameters, feedback=feedback)


def test_pdf_has_title_legend_labels_and_credits(territoire_plugin, gpkg, tmp_path):
    output = tmp_path / "carte.pdf"
    result = run({
        "LAYERS": layers(gpkg, "communes", "port_zones", "roads", "industrial_sites"),
        "TITLE": TITLE, "SUBTITLE": "Sous-titre d'essai", "AUTHOR": "Agence d'essai",
        "FORMAT": "pdf", "OUTPUT": str(output),
    })  # fmt: skip
    assert result["OUTPUT"] == str(output)
    assert pdf_pages(output) == 1
    text = pdf_text(output)
    expected_texts = (
        TITLE, "Sous-titre d'essai", "Légende", "Communes d'essai", "Zone portuaire d'essai",
        "Routes d'essai", "Autoroute", "Route secondaire", "Seveso seuil haut", "Agence d'essai", "km",
    )  # fmt: skip
    for expected in expected_texts:
        assert expected in text, expected
    assert "Sources : Données d'exemple synthétiques ; IGN Admin Express 2024" in text
    assert "© les contributeurs d'OpenStreetMap (ODbL)" in text
    assert "Géorisques IREP 2019" in text
    assert "graine 1" not in text  # a synthetic layer is credited by the notice only
    assert "Voie locale" not in text  # streets are drawn (and listed) only from 1:40 000 in
    assert "Carte réalisée le" in text
    assert not [name for name in output.parent.iterdir() if name.name.startswith(".")]  # no temp left


def test_legend_shows_only_what_is_on_the_map(territoire_plugin, gpkg, tmp_path):
    output = tmp_path / "zoom.pdf"
    run({
        "LAYERS": layers(gpkg, "communes", "port_zones", "roads", "industrial_sites"),
        "TITLE": TITLE, "EXTENT": "641000,643000,7102500,7103500 [EPSG:2154]", "OUTPUT": str(output),
    })  # fmt: skip
    text = pdf_text(output)
    assert "Zone portuaire d'essai" not in text  # a layer with nothing in the frame: not even its name
    assert "Route principale" in text and "Route secondaire" in text
    assert "Autoroute" not in text and "Voie locale" not in text
    assert "Seveso seuil haut" in text and "Seveso seuil bas" not in text


def test_raster_legend_lists_the_classes_in_the_frame(territoire_plugin, tmp_path):
    from osgeo import gdal, osr

    raster = tmp_path / "aptitude.tif"
    dataset = gdal.GetDriverByName("GTiff").Create(str(raster), 200, 100, 1, gdal.GDT_Float32)
    dataset.SetGeoTransform((640000.0, 10.0, 0.0, 7101000.0, 0.0, -10.0))
    lambert = osr.SpatialReference()
    lambert.ImportFromEPSG(2154)
    dataset.SetProjection(lambert.ExportToWkt())
    values = np.full((100, 200), 10.0, np.float32)  # "Très faible" in the west half
    values[:, 100:] = 90.0  # "Très bonne" in the east half
    values[:10, :10] = -9999.0
    dataset.GetRasterBand(1).WriteArray(values)
    dataset.GetRasterBand(1).SetNoDataValue(-9999.0)
    dataset = None
    texts = {}
    for name, extent in (("all", "640000,642000,7100000,7101000"), ("west", "640000,640400,7100000,7101000")):
        output = tmp_path / f"{name}.pdf"
        run({"LAYERS": [str(raster)], "STYLES": "suitability", "EXTENT": f"{extent} [EPSG:2154]",
             "OUTPUT": str(output)})  # fmt: skip
        texts[name] = pdf_text(output)
    assert "Très faible (0–20)" in texts["all"] and "Très bonne (80–100)" in texts["all"]
    assert "Très faible (0–20)" in texts["west"] and "Très bonne (80–100)" not in texts["west"]
    assert "Moyenne (40–60)" not in texts["all"]  # a class no cell has


def test_png_is_not_blank_and_has_the_page_size(territoire_plugin, gpkg, tmp_path):
    output = tmp_path / "carte.png"
    run({"LAYERS": layers(gpkg, "communes", "roads"), "TITLE": TITLE, "FORMAT": "png", "DPI": 100,
         "OUTPUT": str(output)})  # fmt: skip
    image = QImage(str(output))
    assert not image.isNull()
    assert abs(image.width() - 297 / 25.4 * 100) <= 1 and abs(image.height() - 210 / 25.4 * 100) <= 1
    grid = [(x, y) for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)]
    samples = [image.pixelColor(x, y) for x, y in grid]
    not_white = [colour for colour in samples if colour.name() != "#ffffff"]
    assert len(not_white) > 0.1 * len(samples)  # the communes fill a good part of the map frame
    assert len({colour.name() for colour in not_white}) > 20  # and there is more than one ink
    # The communes' fill is in the middle of the map frame.
    centre = image.pixelColor(int(image.width() * 0.36), int(image.height() * 0.55))
    assert centre.name() != "#ffffff"


def test_svg_and_portrait_template(territoire_plugin, gpkg, tmp_path):
    output = tmp_path / "carte.svg"
    run({"LAYERS": layers(gpkg, "communes"), "TITLE": TITLE, "TEMPLATE": "a4_portrait",
         "OUTPUT": str(output)})  # fmt: skip
    svg = output.read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and "<svg" in svg
    width, height = (float(re.search(rf'{name}="([0-9.]+)mm"', svg).group(1)) for name in ("width", "height"))
    assert abs(width - 210) < 1 and abs(height - 297) < 1  # A4 portrait


def test_atlas_one_page_per_commune(territoire_plugin, gpkg, tmp_path):
    output = tmp_path / "atlas.pdf"
    run({
        "LAYERS": layers(gpkg, "communes", "roads", "industrial_sites"), "TITLE": "Atlas des communes",
        "ATLAS_LAYER": f"{gpkg}|layername=communes", "ATLAS_TITLE_FIELD": "name", "OUTPUT": str(output),
    })  # fmt: skip
    assert pdf_pages(output) == 3
    for page, name in enumerate(("Dunkerque", "Grande-Synthe", "Gravelines"), start=1):
        text = pdf_text(output, page)
        assert text.startswith(name), text[:80]
        assert "Atlas des communes" in text


@pytest.mark.parametrize("template", ["a4_landscape", "a4_portrait"])
def test_atlas_of_a_territory_profile_shows_each_commune_beside_the_median(
    territoire_plugin, gpkg, tmp_path, template
):
    from qgis import processing

    inputs = {key: f"{gpkg}|layername={table}" for key, table in (
        ("COMMUNES", "communes"), ("FIBRE", "fibre"), ("INDUSTRIAL_SITES", "industrial_sites"),
        ("PORT_ZONES", "port_zones"),
    )}  # fmt: skip
    profile = processing.run(
        "territoire:territory_profile", {**inputs, "OUTPUT": str(tmp_path / "profil.gpkg")}
    )["OUTPUT"]
    output = tmp_path / "atlas_profil.pdf"
    feedback = QgsProcessingFeedback()
    log = []
    feedback.pushInfo = log.append
    run({"LAYERS": [profile], "TITLE": "Profil des communes", "ATLAS_LAYER": profile, "TEMPLATE": template,
         "ATLAS_TITLE_FIELD": "name", "OUTPUT": str(output)}, feedback)  # fmt: skip
    assert any("profile beside the median" in line for line in log)
    assert pdf_pages(output) == 3
    profile_layer = QgsVectorLayer(profile, "profil", "ogr")
    frame = {feature["name"]: feature for feature in profile_layer.getFeatures()}
    for page, name in enumerate(sorted(frame), start=1):
        text = pdf_text(output, page)
        assert text.startswith(name), text[:80]
        row = frame[name]
        assert "Profil de la commune" in text and "Médiane" in text
        for label, value in (("Population", f"{row['population']:,.0f} hab.".replace(",", " ")),
                             ("Superficie", f"{row['area_km2']:.1f} km²".replace(".", ",")),
                             ("Sites industriels (ICPE)", f"{row['icpe_count']}")):  # fmt: skip
            assert label in text and value in text, (name, label, value)
        assert f"{row['population_median']:,.0f} hab.".replace(",", " ") in text
    assert "Surface couverte en Wi-Fi" not in pdf_text(output)  # not computed: left off the sheet


def test_atlas_of_plain_communes_has_no_profile_sheet(territoire_plugin, gpkg, tmp_path):
    output = tmp_path / "atlas.pdf"
    run({"LAYERS": layers(gpkg, "communes"), "ATLAS_LAYER": f"{gpkg}|layername=communes",
         "ATLAS_TITLE_FIELD": "name", "OUTPUT": str(output)})  # fmt: skip
    assert "Profil de la commune" not in pdf_text(output)


def test_default_layers_are_the_visible_project_layers(territoire_plugin, gpkg, tmp_path):
    project = QgsProject.instance()
    layer = QgsVectorLayer(f"{gpkg}|layername=communes", "Mes communes", "ogr")
    project.addMapLayer(layer)
    try:
        output = tmp_path / "projet.pdf"
        run({"TITLE": TITLE, "OUTPUT": str(output)})
        text = pdf_text(output)
        assert "Mes communes" in text
        assert "IGN Admin Express 2024" in text  # provenance read from the layer's GeoPackage
    finally:
        project.removeMapLayer(layer.id())


def test_missing_template_is_a_clear_error(territoire_plugin, gpkg, tmp_path):
    output = tmp_path / "carte.pdf"
    accepted = r"(?s)absent\.qpt.*Layout template \(a4_landscape, a4_portrait.*does not exist"
    with pytest.raises(QgsProcessingException, match=accepted):
        run({"LAYERS": layers(gpkg, "communes"), "TEMPLATE": str(tmp_path / "absent.qpt"),
             "OUTPUT": str(output)})  # fmt: skip
    assert not output.exists()


def test_unwritable_output_folder_is_a_clear_error(territoire_plugin, gpkg, tmp_path):
    blocker = tmp_path / "not_a_folder.txt"
    blocker.write_text("a file where the output folder should be", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="cannot be written"):
        run({"LAYERS": layers(gpkg, "communes"), "OUTPUT": str(blocker / "carte.pdf")})


def test_format_and_file_name_must_agree(territoire_plugin, gpkg, tmp_path):
    with pytest.raises(QgsProcessingException, match=r"ends in \.png but the format is pdf"):
        run({"LAYERS": layers(gpkg, "communes"), "FORMAT": "pdf", "OUTPUT": str(tmp_path / "carte.png")})


def test_cancelled_run_leaves_no_file(territoire_plugin, gpkg, tmp_path):
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    output = tmp_path / "annule.pdf"
    with pytest.raises(QgsProcessingException, match="cancelled"):
        run({"LAYERS": layers(gpkg, "communes"), "OUTPUT": str(output)}, feedback)
    assert list(tmp_path.iterdir()) == []


def test_styles_by_family_or_qml_file(territoire_plugin, gpkg, tmp_path):
    from qgis.core import QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsRendererCategory

    styled = QgsVectorLayer(f"{gpkg}|layername=communes", "communes", "ogr")
    symbol = QgsFillSymbol.createSimple({"color": "#e69f00"})
    category = QgsRendererCategory("Dunkerque", symbol, "Ville-centre d'essai")
    styled.setRenderer(QgsCategorizedSymbolRenderer("name", [category]))
    qml = tmp_path / "essai.qml"
    assert styled.saveNamedStyle(str(qml))[1]
    output = tmp_path / "styles.pdf"
    run({"LAYERS": layers(gpkg, "communes", "roads"), "STYLES": f"{qml};", "OUTPUT": str(output)})
    assert "Ville-centre d'essai" in pdf_text(output)
    with pytest.raises(QgsProcessingException, match=r"Style not found: .*famille_absente\.qml"):
        run({"LAYERS": layers(gpkg, "communes"), "STYLES": "famille_absente", "OUTPUT": str(output)})


def pdf_author(path: Path) -> str:
    import subprocess

    completed = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return next(
        (
            line.split(":", 1)[1].strip()
            for line in completed.stdout.splitlines()
            if line.startswith("Author:")
        ),
        "",
    )


def test_pdf_author_is_the_organisation_else_the_qgis_user(territoire_plugin, gpkg, tmp_path, monkeypatch):
    from qgis.core import QgsApplication, QgsSettings

    from territoire_numerique import settings

    monkeypatch.setattr(settings, "ORGANISATION", settings.PREFIX + "test_organisation")
    project = QgsProject.instance()
    before = project.metadata().author()
    common = {"LAYERS": layers(gpkg, "communes"), "TITLE": TITLE, "FORMAT": "pdf"}
    run({**common, "OUTPUT": str(tmp_path / "user.pdf")})
    assert pdf_author(tmp_path / "user.pdf") == QgsApplication.userFullName()
    settings.set_organisation("Agence d'urbanisme Flandre-Dunkerque")
    try:
        run({**common, "OUTPUT": str(tmp_path / "organisation.pdf")})
        run({**common, "AUTHOR": "Service SIG", "OUTPUT": str(tmp_path / "given.pdf")})
    finally:
        QgsSettings().remove(settings.ORGANISATION)
    assert pdf_author(tmp_path / "organisation.pdf") == "Agence d'urbanisme Flandre-Dunkerque"
    assert pdf_author(tmp_path / "given.pdf") == "Service SIG"
    assert project.metadata().author() == before  # the project's own metadata is left as it was


class RecordingFeedback(QgsProcessingFeedback):
    """Keeps the progress texts and values; cancels the run when the atlas reaches ``cancel_at``."""

    def __init__(self, cancel_at: int = 0) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.values: list[float] = []
        self.cancel_at = cancel_at
        self.progressChanged.connect(self.values.append)

    def setProgressText(self, text: str) -> None:
        self.texts.append(text)
        super().setProgressText(text)
        if self.cancel_at and text.startswith(f"Atlas page {self.cancel_at} "):
            self.cancel()

    def atlas_pages(self) -> list[str]:
        return [text for text in self.texts if text.startswith("Atlas page")]


def atlas_parameters(gpkg: Path, output: Path) -> dict:
    return {
        "LAYERS": layers(gpkg, "communes", "roads"), "ATLAS_LAYER": f"{gpkg}|layername=communes",
        "ATLAS_TITLE_FIELD": "name", "OUTPUT": str(output),
    }  # fmt: skip


def test_atlas_reports_each_page_and_the_render_steps(territoire_plugin, gpkg, tmp_path):
    feedback = RecordingFeedback()
    run(atlas_parameters(gpkg, tmp_path / "atlas.pdf"), feedback)
    assert feedback.atlas_pages() == ["Atlas page 1 of 3…", "Atlas page 2 of 3…", "Atlas page 3 of 3…"]
    assert feedback.texts[:2] == ["Styling the layers…", "Filling the layout template…"]
    during = [value for value in feedback.values if 30 < value < 100]
    assert len(during) >= 2 and during == sorted(during) and max(during) <= 95
    assert feedback.values[-1] == 100


def test_a_single_map_says_it_renders_before_the_render(territoire_plugin, gpkg, tmp_path):
    feedback = RecordingFeedback()
    run({"LAYERS": layers(gpkg, "communes"), "OUTPUT": str(tmp_path / "carte.pdf")}, feedback)
    assert feedback.texts[-1] == "Rendering the map and writing carte.pdf…"
    assert feedback.values[-1] == 100


def test_cancel_during_an_atlas_stops_between_pages_and_leaves_no_file(territoire_plugin, gpkg, tmp_path):
    feedback = RecordingFeedback(cancel_at=2)
    with pytest.raises(QgsProcessingException, match="cancelled"):
        run(atlas_parameters(gpkg, tmp_path / "atlas.pdf"), feedback)
    assert feedback.atlas_pages() == ["Atlas page 1 of 3…", "Atlas page 2 of 3…"]  # page 3 never started
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("value", ["png", 2])
def test_format_is_a_key_or_the_index_of_the_choice(territoire_plugin, gpkg, tmp_path, value):
    output = tmp_path / "carte"
    result = run({"LAYERS": layers(gpkg, "communes"), "FORMAT": value, "DPI": 60, "OUTPUT": str(output)})
    assert result["OUTPUT"] == f"{output}.png" and QImage(result["OUTPUT"]).width() > 0
