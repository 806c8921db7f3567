"""Wi-Fi coverage and placement through real Processing runs on small layers."""

from __future__ import annotations

import numpy as np
import pytest
from osgeo import gdal
from qgis import processing
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

from territoire_numerique.engine.provenance import read_sources


def memory_layer(kind: str, fields: str, rows: list[tuple[str, list]], name: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{kind}?crs=EPSG:2154&{fields}", name, "memory")
    features = []
    for wkt, attributes in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(attributes)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)
    return layer


X0, Y0 = 650_000.0, 7_100_000.0


def square(x: float, y: float, half: float) -> str:
    x, y = X0 + x, Y0 + y
    ring = [(x - half, y - half), (x + half, y - half), (x + half, y + half), (x - half, y + half)]
    return "POLYGON((" + ",".join(f"{a} {b}" for a, b in [*ring, ring[0]]) + "))"


def point(x: float, y: float) -> str:
    return f"POINT({X0 + x} {Y0 + y})"


@pytest.fixture()
def town():
    """Two hotspots on a street; a tall block shadows the houses east of it."""
    hotspots = memory_layer(
        "Point",
        "field=hotspot_id:integer&field=name:string&field=eirp_dbm:double&field=height_m:double&field=frequency_mhz:double",
        [(point(0, 0), [11, "Mairie", 20.0, 4.0, 2437.0]), (point(-150, 0), [12, "Port", 23.0, 4.0, 2437.0])],
        "hotspots",
    )
    buildings = memory_layer(
        "Polygon",
        "field=height:double&field=population:double",
        [
            (square(40, 0, 8), [20.0, 0.0]),  # tall block east of Mairie
            (square(80, 0, 6), [6.0, 50.0]),  # house in its shadow
            (square(0, 40, 6), [6.0, 30.0]),  # house in view north of Mairie
            (square(600, 600, 6), [6.0, 20.0]),  # far away: never covered
        ],
        "buildings",
    )
    zones = memory_layer(
        "Polygon",
        "field=name:string",
        [(square(0, 0, 400), ["Centre"]), (square(600, 600, 100), ["Far"])],
        "zones",
    )
    return hotspots, buildings, zones


def test_wifi_coverage_end_to_end(territoire_plugin, town, tmp_path):
    hotspots, buildings, zones = town
    result = processing.run(
        "territoire:wifi_coverage",
        {
            "HOTSPOTS": hotspots,
            "BUILDINGS": buildings,
            "DEMAND": buildings,
            "ZONES": zones,
            "CELL_SIZE": 2.0,
            "RSSI": str(tmp_path / "rssi.tif"),
            "BEST_SERVER": str(tmp_path / "best.tif"),
            "COVERAGE": str(tmp_path / "coverage.gpkg"),
            "HOTSPOT_STATS": str(tmp_path / "hotspots.gpkg"),
            "ZONE_STATS": str(tmp_path / "zones.gpkg"),
        },
    )
    rssi = gdal.Open(result["RSSI"])
    values = rssi.GetRasterBand(1).ReadAsArray()
    assert rssi.GetRasterBand(1).GetNoDataValue() == -9999.0
    assert values.max() <= 20.0 and values[values > -9999].min() < -75.0
    x0, cell, _, y1, _, _ = rssi.GetGeoTransform()
    best = gdal.Open(result["BEST_SERVER"]).ReadAsArray()
    assert set(np.unique(best)) <= {-1, 11, 12}
    col, row = int((X0 + 2 - x0) / cell), int((y1 - Y0 - 2) / cell)
    assert best[row, col] == 11
    col = int((X0 - 148 - x0) / cell)
    assert best[row, col] == 12
    stats = {f["hotspot_id"]: f for f in QgsVectorLayer(result["HOTSPOT_STATS"]).getFeatures()}
    assert stats[11]["status"] == "ok" and stats[11]["covered_m2"] > 0
    assert stats[12]["warning"]  # 23 dBm at 2.4 GHz exceeds the 20 dBm cap
    assert stats[11]["overlap_m2"] == pytest.approx(stats[12]["overlap_m2"])
    levels = {f["level"] for f in QgsVectorLayer(result["COVERAGE"]).getFeatures()}
    assert levels == {"good", "usable"}
    shares = {f["name"]: f for f in QgsVectorLayer(result["ZONE_STATS"]).getFeatures()}
    assert shares["Centre"]["demand_total"] == 80.0
    assert shares["Centre"]["demand_usable"] >= 30.0  # the house in view
    assert shares["Far"]["demand_usable"] == 0.0 and shares["Far"]["usable_pct"] == 0.0
    assert result["DEMAND_COVERED_PCT"] == pytest.approx(100.0 * shares["Centre"]["demand_usable"] / 100.0)
    assert "%" in result["SUMMARY"]


def test_wifi_coverage_refuses_geographic_crs(territoire_plugin):
    layer = QgsVectorLayer("Point?crs=EPSG:4326", "wgs84 hotspots", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt("POINT(2.37 51.03)"))
    layer.dataProvider().addFeatures([feature])
    QgsProject.instance().addMapLayer(layer)
    with pytest.raises(Exception, match="geographic"):
        processing.run(
            "territoire:wifi_coverage",
            {
                "HOTSPOTS": layer,
                "RSSI": QgsProcessing.TEMPORARY_OUTPUT,
                "BEST_SERVER": QgsProcessing.TEMPORARY_OUTPUT,
                "COVERAGE": QgsProcessing.TEMPORARY_OUTPUT,
                "HOTSPOT_STATS": QgsProcessing.TEMPORARY_OUTPUT,
            },
        )


def test_wifi_placement_end_to_end(territoire_plugin, town, tmp_path):
    hotspots, buildings, _ = town
    candidates = memory_layer(
        "Point",
        "field=building_id:string&field=cost:double&field=height_m:double",
        [
            (point(80, 20), ["east", 1000.0, None]),  # sees the house in the block's shadow
            (point(600, 620), ["far", 1000.0, 6.0]),  # next to the far house, on a 6 m mast
            (point(-900, -900), ["nowhere", 10.0, None]),  # reaches no demand
        ],
        "candidates",
    )
    result = processing.run(
        "territoire:wifi_placement",
        {
            "CANDIDATES": candidates,
            "COST_FIELD": "cost",
            "DEMAND": buildings,
            "EXISTING": hotspots,
            "BUILDINGS": buildings,
            "COUNT": 2,
            "SELECTED": str(tmp_path / "selected.gpkg"),
            "CURVE": str(tmp_path / "curve.gpkg"),
            "UNCOVERED": str(tmp_path / "uncovered.gpkg"),
        },
    )
    selected = sorted(QgsVectorLayer(result["SELECTED"]).getFeatures(), key=lambda f: f["rank"])
    assert [f["site"] for f in selected] == ["east", "far"]  # ranked by marginal gain: 50 then 20
    assert [f["marginal_gain"] for f in selected] == [50.0, 20.0]
    assert [f["height_m"] for f in selected] == [4.0, 6.0]  # the default height, the layer's
    assert [f["eirp_dbm"] for f in selected] == [20.0, 20.0] and result["NEW_HOTSPOTS"] == 2
    assert result["COVERED_BEFORE_PCT"] == pytest.approx(30.0)
    assert result["COVERED_AFTER_PCT"] == pytest.approx(100.0)
    assert result["GAP"] == 0.0 and result["BOUND"] == result["OBJECTIVE"] == 70.0
    assert result["METHOD"] in ("greedy + swap", "rounded LP relaxation", "HiGHS branch-and-bound")
    assert "best possible (proven)" in result["SUMMARY"]
    note = read_sources(tmp_path / "selected.gpkg")["selected"].note  # the certificate, kept with the layer
    assert "objective 70; proven bound 70" in note and "gap 0 %" in note
    assert "100 %" in result["SUMMARY"] and "30 %" in result["SUMMARY"]
    curve = [(f["new_hotspots"], f["covered_pct"]) for f in QgsVectorLayer(result["CURVE"]).getFeatures()]
    assert curve == [(0, pytest.approx(30.0)), (1, pytest.approx(80.0)), (2, pytest.approx(100.0))]
    assert QgsVectorLayer(result["UNCOVERED"]).featureCount() == 0


def test_wifi_placement_budget_needs_costs(territoire_plugin, town):
    hotspots, buildings, _ = town
    with pytest.raises(Exception, match="cost field"):
        processing.run(
            "territoire:wifi_placement",
            {
                "CANDIDATES": hotspots,
                "DEMAND": buildings,
                "BUDGET": 10.0,
                "SELECTED": QgsProcessing.TEMPORARY_OUTPUT,
                "CURVE": QgsProcessing.TEMPORARY_OUTPUT,
            },
        )


def one_site_placement(town, **outputs) -> dict:
    """Placement of one hotspot among two sites in the town, the existing hotspots kept."""
    hotspots, buildings, _ = town
    candidates = memory_layer(
        "Point", "field=building_id:string", [(point(80, 20), ["east"]), (point(600, 620), ["far"])], "sites"
    )
    inputs = {"CANDIDATES": candidates, "DEMAND": buildings, "EXISTING": hotspots, "BUILDINGS": buildings}
    return {**inputs, "COUNT": 1, **outputs}


def test_wifi_placement_study_extent_defines_the_demand(territoire_plugin, town):
    extent = f"{X0 - 120},{X0 + 120},{Y0 - 120},{Y0 + 120} [EPSG:2154]"  # the Port hotspot is outside
    result = processing.run(
        "territoire:wifi_placement",
        one_site_placement(
            town, EXTENT=extent, SELECTED=QgsProcessing.TEMPORARY_OUTPUT, CURVE=QgsProcessing.TEMPORARY_OUTPUT
        ),
    )
    assert result["COVERED_BEFORE_PCT"] == pytest.approx(100.0 * 30.0 / 80.0)  # the far house is ignored
    assert result["COVERED_AFTER_PCT"] == pytest.approx(100.0)
    assert [f["site"] for f in result["SELECTED"].getFeatures()] == ["east"]
    assert "with the 1 existing hotspots" in result["SUMMARY"]  # the one in the study extent


def test_wifi_coverage_demand_read_in_front_of_or_on_buildings(territoire_plugin, tmp_path):
    """A 5 m wall hides the street in front of a house from a 4 m hotspot, not its roof line."""
    hotspots = memory_layer(
        "Point", "field=hotspot_id:integer&field=name:string", [(point(0, 0), [1, "Place"])], "square"
    )
    buildings = memory_layer(
        "Polygon",
        "field=height:double&field=population:double",
        [
            (
                f"POLYGON(({X0 + 37} {Y0 - 30},{X0 + 43} {Y0 - 30},{X0 + 43} {Y0 + 30},{X0 + 37} {Y0 + 30},"
                f"{X0 + 37} {Y0 - 30}))",
                [5.0, 0.0],
            ),  # the wall
            (square(80, 0, 6), [6.0, 10.0]),  # the house behind the wall
            (square(0, -40, 6), [6.0, 30.0]),  # a house across the square, in view
            (square(0, 250, 6), [6.0, 60.0]),  # outside the study extent below
        ],
        "wall and houses",
    )
    extent = f"{X0 - 200},{X0 + 200},{Y0 - 200},{Y0 + 200} [EPSG:2154]"

    def covered(demand_at: int | str) -> float:
        return processing.run(
            "territoire:wifi_coverage",
            {
                "HOTSPOTS": hotspots,
                "BUILDINGS": buildings,
                "DEMAND": buildings,
                "DEMAND_AT": demand_at,
                "EXTENT": extent,
                "RSSI": str(tmp_path / f"rssi{demand_at}.tif"),
                "BEST_SERVER": QgsProcessing.TEMPORARY_OUTPUT,
                "COVERAGE": QgsProcessing.TEMPORARY_OUTPUT,
                "HOTSPOT_STATS": QgsProcessing.TEMPORARY_OUTPUT,
            },
        )["DEMAND_COVERED_PCT"]

    # The house outside the study extent is ignored: the shares are of the 40 residents inside it.
    assert covered(0) == pytest.approx(100.0 * 30.0 / 40.0)  # in front: only the house in view
    assert covered(1) == pytest.approx(100.0)  # on the buildings: the roof line above the wall too
    assert covered("frontage") == covered(0) and covered("building") == covered(1)  # keys or indexes


class CancelAt(QgsProcessingFeedback):
    """Feedback whose user presses Cancel when the run reaches the step ``step``."""

    def __init__(self, step: str) -> None:
        super().__init__()
        self.step = step

    def setProgressText(self, text: str) -> None:
        super().setProgressText(text)
        if text == self.step:
            self.cancel()


@pytest.mark.parametrize(
    "step",
    [
        "Building the obstruction surface",
        "Coverage of each candidate site",
        "Solving the maximal covering problem",
    ],
)
def test_a_cancelled_placement_stops_and_writes_nothing(territoire_plugin, town, tmp_path, step):
    outputs = {name: str(tmp_path / f"{name.lower()}.gpkg") for name in ("SELECTED", "CURVE", "UNCOVERED")}
    feedback = CancelAt(step)
    with pytest.raises(QgsProcessingException, match="cancelled"):
        processing.run("territoire:wifi_placement", one_site_placement(town, **outputs), feedback=feedback)
    assert feedback.isCanceled() and list(tmp_path.iterdir()) == []
