"""Long runs: Cancel pressed from another thread while an algorithm computes stops it with the
"cancelled" message and no output; a grid too large for the memory limit is refused before
anything is computed, with the estimate and the limit in the user's locale.

(The delays themselves are measured by bench/cancel_latency.py: tests assert behaviour, not time.)"""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback
from qgis.PyQt.QtCore import QLocale

pytestmark = pytest.mark.qgis

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample" / "territoire_sample.gpkg"
MODEL = ROOT / "resources" / "models" / "tiers_lieu_cud.json"


def layer(name: str) -> str:
    return f"{SAMPLE}|layername={name}"


def run_cancelled(algorithm: str, parameters: dict, after_percent: float = 1.0) -> str:
    """Run ``algorithm``; a second thread presses Cancel once it reports ``after_percent`` %
    progress. Returns the error the run stopped with (it must stop)."""
    from qgis import processing

    feedback = QgsProcessingFeedback()
    started = threading.Event()
    feedback.progressChanged.connect(lambda percent: percent >= after_percent and started.set())
    canceller = threading.Thread(target=lambda: started.wait(60) and feedback.cancel(), daemon=True)
    canceller.start()
    try:
        with pytest.raises(QgsProcessingException) as error:
            processing.run(f"territoire:{algorithm}", parameters, feedback=feedback)
    finally:
        started.set()
        canceller.join()
    return str(error.value)


@pytest.mark.parametrize(
    "algorithm, inputs",
    [
        ("site_suitability", {"MODEL": str(MODEL)}),
        ("waste_access", {"DEMAND": layer("buildings"), "FACILITIES": layer("waste_points"), "DISTANCE": 1,
                          "ROADS": layer("roads"), "COMMUNES": layer("communes"), "CLUSTER_DISTANCE": 200}),
        ("fibre_coverage", {"FIBRE": layer("fibre"), "ZONES": layer("communes"), "ZONE_TYPE": 2,
                            "CELL_SIZE": 100}),
        ("export_map", {"LAYERS": [layer("buildings"), layer("roads"), layer("communes")], "TITLE": "Carte",
                        "FORMAT": "pdf"}),
    ],
)  # fmt: skip
def test_cancel_from_another_thread_stops_the_run_and_leaves_nothing(
    territoire_plugin, tmp_path, algorithm, inputs
):
    output = tmp_path / ("map.pdf" if algorithm == "export_map" else f"{algorithm}.tif")
    after_percent = 1.0
    if algorithm == "fibre_coverage":  # cancelled while the 100 m grid is made
        output, after_percent = tmp_path / "grid.gpkg", 31
    if algorithm == "waste_access":  # cancelled while its sinks are written: they are removed
        output, after_percent = tmp_path / "access.gpkg", 60
        inputs = {**inputs, "COMMUNES_OUTPUT": str(tmp_path / "communes.gpkg"),
                  "UNDERSERVED": str(tmp_path / "underserved.gpkg")}  # fmt: skip
    message = run_cancelled(algorithm, {**inputs, "OUTPUT": str(output)}, after_percent)
    assert "cancelled" in message
    assert list(tmp_path.iterdir()) == []


def test_a_grid_too_large_is_refused_before_computing_in_the_users_locale(territoire_plugin, tmp_path):
    from qgis import processing

    feedback = QgsProcessingFeedback()
    reports = []
    feedback.progressChanged.connect(reports.append)
    default = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    try:
        with pytest.raises(QgsProcessingException) as error:
            processing.run(
                "territoire:site_suitability",
                {
                    "MODEL": str(MODEL),
                    "CELL_SIZE": 0.5,
                    "MAX_MEMORY": 64,
                    "OUTPUT": str(tmp_path / "big.tif"),
                },
                feedback=feedback,
            )
    finally:
        QLocale.setDefault(default)
    message = str(error.value)
    # about 6 billion cells: the estimate (GB) and the 64 MB limit (0,1 GB), with decimal commas
    assert re.search(r"\d,\d+ (GB|Go)", message) and "0,1" in message, message
    assert not re.search(r"\d\.\d (GB|Go)", message), message
    assert reports == []  # refused by the parameter check: nothing ran
    assert list(tmp_path.iterdir()) == []
