"""territoire:waste_flows through Processing on a small GeoPackage made here (EPSG:2154)."""

from __future__ import annotations

import geopandas as gpd
import pytest
from shapely.geometry import LineString, Point

pytestmark = pytest.mark.qgis

X0, Y0 = 650_000.0, 7_100_000.0  # Lambert-93, near Dunkerque
KM = 1000.0


def at(x_km: float, y_km: float) -> Point:
    return Point(X0 + x_km * KM, Y0 + y_km * KM)


@pytest.fixture(scope="module")
def territory(tmp_path_factory) -> str:
    """Producers, receivers and roads; optimal allocation known by hand (see the engine tests)."""
    path = str(tmp_path_factory.mktemp("waste") / "waste.gpkg")
    producers = gpd.GeoDataFrame(
        {
            "site_id": ["A", "B", "C", "D", "OFF"],
            "site_name": ["Aciérie", "Béton", "Chimie", "Sans tonnage", "Isolé"],
            "waste_code": ["17 01 01", "170101", "07 07 08 *", "17 01 01", "17 01 01"],
            "tonnes": [100.0, 100.0, 20.0, None, 10.0],
        },
        geometry=[at(0, 0), at(2.5, 0), at(1, 0.1), at(0, 0), at(30, 30)],
        crs="EPSG:2154",
    )
    receivers = gpd.GeoDataFrame(
        {
            "facility_id": ["R1", "R2", "H"],
            "name": ["Recycleur", "Plateforme", "Incinérateur DD"],
            "accepts": ["17 01 *", "17 *", "07 07 08*, 19 *"],
            "capacity_t": [100.0, None, None],
            "hazardous_ok": [False, False, True],
            "operation": ["R5", "R5", "D10"],
        },
        geometry=[at(1, 0), at(-2, 0), at(1, 2)],
        crs="EPSG:2154",
    )
    roads = gpd.GeoDataFrame(
        {"road_id": [1, 2]},
        geometry=[
            LineString([(X0 - 3 * KM, Y0), (X0 + 1 * KM, Y0)]),
            LineString(
                [(X0 + 1 * KM, Y0), (X0 + 3 * KM, Y0), (X0 + 3 * KM, Y0 + 3 * KM), (X0 + KM, Y0 + 2 * KM)]
            ),
        ],
        crs="EPSG:2154",
    )
    producers.to_file(path, layer="industrial_waste", driver="GPKG")
    receivers.to_file(path, layer="waste_facilities", driver="GPKG")
    roads.to_file(path, layer="roads", driver="GPKG")
    return path


def run(territory: str, out, feedback=None, **extra):
    from qgis import processing

    parameters = {
        "PRODUCERS": f"{territory}|layername=industrial_waste",
        "RECEIVERS": f"{territory}|layername=waste_facilities",
        "MAX_DISTANCE": 20.0,
        "FLOWS": str(out / "flows.gpkg"),
        "NODES": str(out / "nodes.gpkg"),
        "UNALLOCATED": str(out / "unallocated.gpkg"),
        "SYNERGIES": str(out / "synergies.gpkg"),
        "SUMMARY": str(out / "summary.gpkg"),
    }
    parameters.update(extra)
    return processing.run("territoire:waste_flows", parameters, feedback=feedback)


def test_straight_allocation_outputs(territoire_plugin, territory, tmp_path) -> None:
    result = run(territory, tmp_path)
    flows = gpd.read_file(result["FLOWS"])
    pairs = {(f.producer_id, f.receiver_id): f.tonnes for f in flows.itertuples()}
    # the optimum, not nearest-first: A→R2 (2 km), B→R1 (1.5 km); C hazardous → H
    assert pairs == {("A", "R2"): 100.0, ("B", "R1"): 100.0, ("C", "H"): 20.0}
    assert all(len(g.coords) == 3 for g in flows.geometry)
    assert set(flows.provenance) == {"allocated"}
    hazardous = flows[flows.producer_id == "C"].iloc[0]
    assert (hazardous.code, hazardous.chapter, hazardous.family, bool(hazardous.hazardous)) == (
        "07 07 08*",
        "07",
        "chemicals",
        True,
    )
    unallocated = gpd.read_file(result["UNALLOCATED"])
    assert dict(zip(unallocated.producer_id, unallocated.cause)) == {
        "D": "missing tonnage",
        "OFF": "no accepting receiver within the maximum distance",
    }
    summary = gpd.read_file(result["SUMMARY"])
    tkm = summary.set_index("indicator").loc["transport"]
    assert tkm.baseline == pytest.approx(200 + 150 + 20 * ((0**2 + 1.9**2) ** 0.5))
    nodes = gpd.read_file(result["NODES"])
    assert set(nodes.site_id) == {"A", "B", "C", "OFF", "R1", "R2", "H"}


def test_network_closure_scenario(territoire_plugin, territory, tmp_path) -> None:
    result = run(
        territory,
        tmp_path,
        DISTANCE=1,
        ROADS=f"{territory}|layername=roads",
        SNAP_TOLERANCE=200.0,
        REMOVE_SITES="R1",
    )
    flows = gpd.read_file(result["FLOWS"])
    status = {(f.producer_id, f.receiver_id): f.status for f in flows.itertuples()}
    assert status[("B", "R1")] == "removed"
    assert status[("B", "R2")] == "new"
    assert status[("A", "R2")] == "unchanged"
    b_to_r2 = flows[(flows.producer_id == "B") & (flows.receiver_id == "R2")].iloc[0]
    assert b_to_r2.km == pytest.approx(4.5)  # along the road
    # C (100 m off the road) reaches H at the end of the second road: 0.1 + 2 + 3 + 2.236 + 0 km
    c_to_h = flows[flows.producer_id == "C"].iloc[0]
    assert c_to_h.km == pytest.approx(0.1 + 2 + 3 + 5**0.5, abs=1e-3)
    unallocated = gpd.read_file(result["UNALLOCATED"])
    assert "off the road network (beyond the snapping tolerance)" in set(unallocated.cause)
    summary = gpd.read_file(result["SUMMARY"]).set_index("indicator")
    assert summary.loc["transport", "scenario"] > summary.loc["transport", "baseline"]


def test_unknown_closed_site_and_missing_roads_are_refused(territoire_plugin, territory, tmp_path) -> None:
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="NOPE"):
        run(territory, tmp_path, REMOVE_SITES="NOPE")
    with pytest.raises(QgsProcessingException, match="road layer"):
        run(territory, tmp_path, DISTANCE=1)


def test_cancelled_run_writes_nothing(territoire_plugin, territory, tmp_path) -> None:
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException):
        run(territory, tmp_path, feedback=feedback)
    assert list(tmp_path.glob("*.gpkg")) == []


class Messages:
    """A feedback that keeps what the run logs (pushWarning, pushInfo)."""

    def __init__(self):
        from qgis.core import QgsProcessingFeedback

        class Keeping(QgsProcessingFeedback):
            def __init__(self, kept):
                super().__init__()
                self.kept = kept

            def pushWarning(self, text):
                self.kept.append(text)
                super().pushWarning(text)

        self.lines: list[str] = []
        self.feedback = Keeping(self.lines)


def outcome(result) -> tuple[dict, dict]:
    flows = gpd.read_file(result["FLOWS"])
    unallocated = gpd.read_file(result["UNALLOCATED"])
    return (
        {(f.producer_id, f.receiver_id): f.tonnes for f in flows.itertuples()},
        dict(zip(unallocated.producer_id, unallocated.cause)),
    )


def test_the_old_km_parameter_and_the_metres_one_give_the_same_result(
    territoire_plugin, territory, tmp_path
) -> None:
    old, new, both = (tmp_path / name for name in ("km", "m", "both"))
    for folder in (old, new, both):
        folder.mkdir()
    messages = Messages()
    in_km = run(territory, old, feedback=messages.feedback)  # MAX_DISTANCE=20 (km), as older scripts
    assert any("MAX_DISTANCE (km) is deprecated" in line for line in messages.lines)
    in_metres = run(territory, new, MAX_DISTANCE=None, MAX_DISTANCE_M=20_000.0)
    assert outcome(in_km) == outcome(in_metres)
    assert outcome(in_metres)[1]["OFF"] == "no accepting receiver within the maximum distance"
    # both given: the metres win (0 = no limit: OFF finds its receiver)
    unlimited = run(territory, both, DISTANCE="straight", MAX_DISTANCE_M=0.0)
    assert "OFF" not in outcome(unlimited)[1]


def test_distance_choice_by_key(territoire_plugin, territory, tmp_path) -> None:
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="road layer"):
        run(territory, tmp_path, DISTANCE="network")
