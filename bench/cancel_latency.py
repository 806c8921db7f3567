"""Cancel delay and progress cadence of the long-running algorithms, on the sample territory.

For each algorithm: one full run (its duration and the longest gap between two progress reports,
start and end included), then runs cancelled from another thread at 25 %, 50 % and 75 % of that
duration; the delay is the time from ``feedback.cancel()`` to the run's end. Prints one line per
algorithm and the longest delay. The Wi-Fi algorithms are measured by their own bench.

Run: ``.venv/bin/python bench/cancel_latency.py [algorithm_id …]`` (a few minutes on 2 cores).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QGIS_PREFIX_PATH", "/usr")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / ".build" / "pkg"))
sys.path.append("/usr/share/qgis/python/plugins")

from qgis.core import QgsApplication, QgsProcessingException, QgsProcessingFeedback  # noqa: E402

SAMPLE = ROOT / "resources" / "sample" / "territoire_sample.gpkg"
MODEL = ROOT / "resources" / "models" / "tiers_lieu_cud.json"


def layer(name: str) -> str:
    return f"{SAMPLE}|layername={name}"


def parameters(folder: Path) -> dict[str, dict]:
    """Each algorithm's inputs on the sample (decision_dossier uses site_suitability's outputs)."""
    return {
        "site_suitability": {"MODEL": str(MODEL), "SITES": str(folder / "sites.gpkg"),
                             "OUTPUT": str(folder / "suitability.tif")},
        "waste_flows": {"PRODUCERS": layer("industrial_waste"), "RECEIVERS": layer("waste_facilities"),
                        "DISTANCE": 1, "ROADS": layer("roads"), "FLOWS": str(folder / "flows.gpkg")},
        "waste_access": {"DEMAND": layer("buildings"), "FACILITIES": layer("waste_points"), "DISTANCE": 1,
                         "ROADS": layer("roads"), "OUTPUT": str(folder / "access.gpkg")},
        "fibre_coverage": {"FIBRE": layer("fibre"), "ZONES": layer("communes"), "ZONE_TYPE": 2,
                           "CELL_SIZE": 100, "OUTPUT": str(folder / "fibre.gpkg")},
        "solar_potential": {"ROOFS": layer("solar"), "ZONES": layer("communes"),
                            "SITES": layer("industrial_sites"), "OUTPUT": str(folder / "roofs.gpkg"),
                            "ZONES_OUTPUT": str(folder / "solar_zones.gpkg")},
        "territory_profile": {"COMMUNES": layer("communes"), "FIBRE": layer("fibre"),
                              "INDUSTRIAL_SITES": layer("industrial_sites"),
                              "INDUSTRIAL_WASTE": layer("industrial_waste"),
                              "WASTE_POINTS": layer("waste_points"),
                              "SOLAR": layer("solar"), "PORT_ZONES": layer("port_zones"),
                              "OUTPUT": str(folder / "profile.gpkg")},
        "export_map": {"LAYERS": [layer("buildings"), layer("roads"), layer("communes")], "TITLE": "Carte",
                       "FORMAT": "pdf", "OUTPUT": str(folder / "map.pdf")},
        "wifi_placement": {"CANDIDATES": layer("street_furniture"), "DEMAND": layer("buildings"),
                           "EXISTING": layer("wifi_hotspots"), "BUILDINGS": layer("buildings"),
                           "EXTENT": "655200,657200,7103700,7105300 [EPSG:2154]", "COUNT": 10,
                           "SELECTED": str(folder / "selected.gpkg"), "CURVE": str(folder / "curve.gpkg")},
        "decision_dossier": {"SITES": str(folder / "sites.gpkg"),
                             "SUITABILITY": str(folder / "suitability.tif"),
                             "MODEL": str(MODEL), "FIBRE": layer("fibre"), "PORT_ZONES": layer("port_zones"),
                             "OUTPUT": str(folder / "dossier.pdf")},
    }  # fmt: skip


def measure(algorithm: str, values: dict, cancel_after: float | None) -> tuple[float, float, float | None]:
    """(duration, longest gap between progress reports, delay from cancel to the end, None when
    the run ended before the cancel or was not cancelled)."""
    from qgis import processing

    feedback = QgsProcessingFeedback()
    reports = [time.perf_counter()]
    feedback.progressChanged.connect(lambda _: reports.append(time.perf_counter()))
    cancelled_at: list[float] = []

    def cancel() -> None:
        cancelled_at.append(time.perf_counter())
        feedback.cancel()

    timer = threading.Timer(cancel_after, cancel) if cancel_after is not None else None
    if timer:
        timer.start()
    stopped = False
    try:
        processing.run(f"territoire:{algorithm}", values, feedback=feedback)
    except QgsProcessingException as error:
        if not cancelled_at:
            raise
        assert "cancel" in str(error), error
        stopped = True
    finally:
        if timer:
            timer.cancel()
    end = time.perf_counter()
    reports.append(end)
    gap = max(b - a for a, b in zip(reports, reports[1:]))
    return end - reports[0], gap, (end - cancelled_at[0]) if stopped else None


def main() -> None:
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    import territoire_numerique

    plugin = territoire_numerique.classFactory(None)
    plugin.initProcessing()
    wanted = sys.argv[1:] or list(parameters(Path(".")))
    longest = 0.0
    with tempfile.TemporaryDirectory() as folder:
        inputs = parameters(Path(folder))
        if "decision_dossier" in wanted and "site_suitability" not in wanted:
            measure("site_suitability", inputs["site_suitability"], None)
        for algorithm, values in inputs.items():  # every other sink a file there too
            definition = QgsApplication.processingRegistry().algorithmById(f"territoire:{algorithm}")
            for parameter in definition.destinationParameterDefinitions():
                if parameter.name() not in values and parameter.type() == "sink":
                    values[parameter.name()] = str(Path(folder) / f"{algorithm}_{parameter.name()}.gpkg")
        for algorithm in wanted:
            measure(algorithm, inputs[algorithm], None)  # warm the caches
            duration, gap, _ = measure(algorithm, inputs[algorithm], None)
            delays = []
            for share in (0.25, 0.5, 0.75):
                definition = QgsApplication.processingRegistry().algorithmById(f"territoire:{algorithm}")
                kept = dict(inputs[algorithm])
                for key, value in kept.items():  # cancelled runs write elsewhere: nothing must appear
                    if definition.parameterDefinition(key).isDestination():
                        kept[key] = str(Path(folder) / f"cancelled_{share}_{Path(value).name}")
                _, _, delay = measure(algorithm, kept, duration * share)
                delays.append(delay)
                left = [p.name for p in Path(folder).iterdir() if p.name.startswith(f"cancelled_{share}")]
                if delay is not None and left:
                    print(f"{algorithm}: the run cancelled at {share:.0%} left {sorted(left)}", flush=True)
                for path in left:
                    Path(folder, path).unlink()
            longest = max([longest] + [delay for delay in delays if delay is not None])
            print(json.dumps({"algorithm": algorithm, "run_s": round(duration, 2),
                              "longest_progress_gap_s": round(gap, 2),
                              "cancel_delay_s": [d if d is None else round(d, 2) for d in delays]}),
                  flush=True)  # fmt: skip
    print(f"longest cancel delay: {longest:.2f} s")
    app.exitQgis()


if __name__ == "__main__":
    main()
