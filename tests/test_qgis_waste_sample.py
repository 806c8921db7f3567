"""waste_flows and waste_access on the bundled sample territory: the rules hold on real-sized data."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
from maps_support import pdf_text

from territoire_numerique.engine.waste_codes import accepts, parse_code, parse_patterns
from territoire_numerique.resources_paths import SAMPLE_GPKG

pytestmark = [
    pytest.mark.qgis,
    pytest.mark.skipif(not SAMPLE_GPKG.exists(), reason="the sample GeoPackage is not built"),
]
MAX_KM = 40.0


def test_flows_respect_every_rule_and_the_closure_loses_outlets(territoire_plugin, tmp_path) -> None:
    from qgis import processing

    facilities = gpd.read_file(SAMPLE_GPKG, layer="waste_facilities").set_index("facility_id")
    largest = facilities.capacity_t.idxmax()
    out = {
        name: str(tmp_path / f"{name.lower()}.gpkg") for name in ("FLOWS", "UNALLOCATED", "SUMMARY", "NODES")
    }
    result = processing.run(
        "territoire:waste_flows",
        {
            "PRODUCERS": f"{SAMPLE_GPKG}|layername=industrial_waste",
            "RECEIVERS": f"{SAMPLE_GPKG}|layername=waste_facilities",
            "MAX_DISTANCE": MAX_KM,
            "REMOVE_SITES": largest,
            "TERRITORY": f"{SAMPLE_GPKG}|layername=communes",
            "SYNERGIES": str(tmp_path / "synergies.gpkg"),
            **out,
        },
    )
    flows = gpd.read_file(result["FLOWS"])
    current = flows[flows.status != "removed"]
    assert len(current) > 10 and all(len(g.coords) == 3 for g in flows.geometry)
    for flow in current.itertuples():
        facility = facilities.loc[flow.receiver_id]
        code = parse_code(flow.code)
        assert accepts(parse_patterns(facility.accepts), code), (flow.code, facility.accepts)
        assert facility.hazardous_ok or not code.hazardous
        assert flow.km <= MAX_KM + 1e-6
    intake = current.groupby("receiver_id").tonnes.sum()
    capacity = facilities.capacity_t.reindex(intake.index)
    assert (intake <= capacity.fillna(np.inf) + 1e-3).all()
    assert largest not in set(current.receiver_id)
    summary = gpd.read_file(result["SUMMARY"]).set_index("indicator")
    unallocated = gpd.read_file(result["UNALLOCATED"])
    placed = current.tonnes.sum()
    left = unallocated[unallocated.cause != "producer closed (scenario)"].tonnes.sum()
    assert placed + left == pytest.approx(summary.loc["waste to place", "scenario"], rel=1e-6)
    lost = unallocated[unallocated.cause == "lost its outlet (closure scenario)"].tonnes.sum()
    assert summary.loc["waste losing its outlet (closure)", "scenario"] == pytest.approx(lost, abs=0.01)
    baseline_intake = flows[(flows.receiver_id == largest) & (flows.status == "removed")].tonnes.sum()
    assert baseline_intake > 0 and lost > 0  # the largest receiver took waste that has nowhere else to go
    flow_map = tmp_path / "flux.pdf"
    processing.run(
        "territoire:export_map",
        {"LAYERS": [f"{SAMPLE_GPKG}|layername=communes", result["FLOWS"]], "OUTPUT": str(flow_map)},
    )
    text = pdf_text(flow_map)
    # the width scale and the hazardous note are legend-only rules: they stay in a legend filtered by map
    for entry in ("Tonnage (largeur ∝ t/an)", "1 000 t/an", "100 000 t/an",
                  "Déchet dangereux (contour rouge)", "Flux perdu (scénario de fermeture)"):  # fmt: skip
        assert entry in text, entry
    assert ("Métaux" in text) == ("metals" in set(current.family))
    assert ("Soins, laboratoires" in text) == ("healthcare" in set(current.family))


def test_access_shares_are_consistent(territoire_plugin, tmp_path) -> None:
    from qgis import processing

    result = processing.run(
        "territoire:waste_access",
        {
            "DEMAND": f"{SAMPLE_GPKG}|layername=buildings",
            "FACILITIES": f"{SAMPLE_GPKG}|layername=waste_points",
            "KINDS": "decheterie",
            "THRESHOLD": 3.0,
            "COMMUNES": f"{SAMPLE_GPKG}|layername=communes",
            "OUTPUT": str(tmp_path / "access.gpkg"),
            "COMMUNES_OUTPUT": str(tmp_path / "communes.gpkg"),
            "UNDERSERVED": str(tmp_path / "underserved.gpkg"),
        },
    )
    buildings = gpd.read_file(result["OUTPUT"])
    communes = gpd.read_file(result["COMMUNES_OUTPUT"])
    underserved = gpd.read_file(result["UNDERSERVED"])
    population = buildings.population.fillna(0)
    assert communes.population.sum() == pytest.approx(population.sum(), rel=1e-6)
    served = population[buildings["within"].astype(bool)].sum()
    assert communes.served_pop.sum() == pytest.approx(served, rel=1e-6)
    assert underserved.population.sum() == pytest.approx(population.sum() - served, rel=1e-6)
    assert communes.share_served.dropna().between(0, 100).all()
    assert (buildings.distance_km[buildings["within"].astype(bool)] <= 3.0).all()
