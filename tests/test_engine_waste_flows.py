"""Waste allocation on small cases whose optimal allocation is computed by hand."""

from __future__ import annotations

import numpy as np
import pytest

from territoire_numerique.engine.errors import Cancelled, EngineError
from territoire_numerique.engine.road_network import RoadNetwork
from territoire_numerique.engine.waste_flows import (
    CAUSE_CAPACITY,
    CAUSE_CLOSED,
    CAUSE_CLOSURE,
    CAUSE_CODE,
    CAUSE_DISTANCE,
    CAUSE_HAZARDOUS,
    CAUSE_NO_RECEIVER,
    CAUSE_OFF_NETWORK,
    CAUSE_TONNES,
    Options,
    Producers,
    Receivers,
    curved_line,
    run_waste_flows,
    solve_transport,
)

KM = 1000.0


def producers(rows: list[tuple], destination: list | None = None) -> Producers:
    """rows: (site_id, x_km, y_km, code, tonnes)."""
    return Producers(
        site_id=[r[0] for r in rows],
        site_name=[f"Site {r[0]}" for r in rows],
        xy=np.array([[r[1] * KM, r[2] * KM] for r in rows]),
        code=[r[3] for r in rows],
        tonnes=np.array([np.nan if r[4] is None else r[4] for r in rows], float),
        destination=destination,
    )


def receivers(rows: list[tuple], inside: list[bool] | None = None) -> Receivers:
    """rows: (id, x_km, y_km, accepts, capacity or None, hazardous_ok, operation)."""
    return Receivers(
        site_id=[r[0] for r in rows],
        name=[f"Facility {r[0]}" for r in rows],
        xy=np.array([[r[1] * KM, r[2] * KM] for r in rows]),
        accepts=[r[3] for r in rows],
        capacity=np.array([np.nan if r[4] is None else r[4] for r in rows], float),
        hazardous_ok=np.array([r[5] for r in rows], bool),
        operation=[r[6] for r in rows],
        inside=None if inside is None else np.array(inside, bool),
    )


def flows_by_pair(result) -> dict[tuple[str, str], float]:
    return {
        (f["producer_id"], f["receiver_id"]): f["tonnes"] for f in result.flows if f["status"] != "removed"
    }


def summary(result, indicator: str, column: str = "baseline") -> float:
    return next(row[column] for row in result.summary if row["indicator"] == indicator)


# A at x=0, B at x=2.5 km; R1 at x=1 km (capacity 100 t), R2 at x=-2 km (unlimited).
# Nearest-first gives A→R1 (1 km), B→R2 (4.5 km): 550 t.km.  Optimal: A→R2 (2), B→R1 (1.5): 350.
TWO_BY_TWO_P = [("A", 0, 0, "17 01 01", 100.0), ("B", 2.5, 0, "170101", 100.0)]
TWO_BY_TWO_R = [
    ("R1", 1, 0, "17 01 *", 100.0, False, "R5"),
    ("R2", -2, 0, "17 *", None, False, "R5"),
]


def test_optimal_allocation_beats_nearest_first() -> None:
    result = run_waste_flows(producers(TWO_BY_TWO_P), receivers(TWO_BY_TWO_R), Options(top_synergies=0))
    assert flows_by_pair(result) == {("A", "R2"): 100.0, ("B", "R1"): 100.0}
    assert summary(result, "transport") == pytest.approx(350.0)
    assert summary(result, "mean distance (tonne-weighted)") == pytest.approx(1.75)
    assert summary(result, "unallocated") == 0.0
    flow = next(f for f in result.flows if f["producer_id"] == "A")
    assert (flow["code"], flow["chapter"], flow["family"], flow["hazardous"]) == (
        "17 01 01",
        "17",
        "mineral",
        False,
    )
    assert (flow["km"], flow["tonne_km"], flow["provenance"], flow["status"]) == (
        2.0,
        200.0,
        "allocated",
        "baseline",
    )
    assert len(flow["geometry"]) == 3


def test_hazardous_waste_only_where_allowed() -> None:
    p = producers([("A", 0, 0, "07 07 08 *", 50.0), ("B", 0, 0, "070701", 10.0)])
    r = receivers(
        [
            ("NEAR", 1, 0, "07 *", None, False, "R1"),
            ("FAR", 5, 0, "07 07 08*", None, True, "D10"),
        ]
    )
    result = run_waste_flows(p, r, Options(top_synergies=0))
    assert flows_by_pair(result) == {("A", "FAR"): 50.0, ("B", "NEAR"): 10.0}
    assert summary(result, "transport") == pytest.approx(50 * 5 + 10 * 1)
    assert summary(result, "hazardous waste allocated") == 50.0
    # without the hazardous-waste facility, the hazardous waste has no outlet
    result = run_waste_flows(
        p, receivers([("NEAR", 1, 0, "07 *", None, False, "R1")]), Options(top_synergies=0)
    )
    (lost,) = result.unallocated
    assert (lost["code"], lost["tonnes"], lost["cause"]) == ("07 07 08*", 50.0, CAUSE_HAZARDOUS)


def test_capacity_maximises_placed_tonnes_before_distance() -> None:
    # X can only reach R1 (10 km); Y reaches R1 (1 km) or R2 (50 km).  Both R have 100 t.
    # Cheapest would leave X unplaced; the optimum places everything: X→R1, Y→R2.
    p = producers([("X", -10, 0, "19 12 12", 100.0), ("Y", 1, 0, "19 12 12", 100.0)])
    r = receivers([("R1", 0, 0, "19 12 *", 100.0, False, "R1"), ("R2", 51, 0, "19 *", 100.0, False, "R1")])
    result = run_waste_flows(p, r, Options(max_distance=50_000.0, top_synergies=0))
    assert flows_by_pair(result) == {("X", "R1"): 100.0, ("Y", "R2"): 100.0}
    assert summary(result, "transport") == pytest.approx(100 * 10 + 100 * 50)


def test_unallocated_causes_and_partial_placement() -> None:
    p = producers(
        [
            ("A", 0, 0, "20 03 01", 300.0),  # capacity 120 only: 180 t left
            ("B", 0, 0, "16 01 03", 5.0),  # nobody accepts tyres
            ("C", 90, 0, "20 03 01", 7.0),  # beyond 50 km
            ("D", 0, 0, "20 03 01", None),  # NULL tonnage
            ("E", 0, 0, "20 03", 3.0),  # unreadable code
        ]
    )
    r = receivers([("INC", 2, 0, "20 03 01", 120.0, False, "R1")])
    result = run_waste_flows(p, r, Options(max_distance=50_000.0, top_synergies=0))
    assert flows_by_pair(result) == {("A", "INC"): 120.0}
    causes = {(u["producer_id"], u["cause"]): u["tonnes"] for u in result.unallocated}
    assert causes == {
        ("A", CAUSE_CAPACITY): 180.0,
        ("B", CAUSE_NO_RECEIVER): 5.0,
        ("C", CAUSE_DISTANCE): 7.0,
        ("D", CAUSE_TONNES): None,
        ("E", CAUSE_CODE): 3.0,
    }
    assert summary(result, "unallocated") == pytest.approx(192.0)
    assert summary(result, "rows set aside (unreadable code or missing tonnage)") == 2
    node = next(n for n in result.nodes if n["site_id"] == "INC")
    assert (node["role"], node["tonnes_in"], node["utilisation"]) == ("receiver", 120.0, 1.0)


def test_rows_of_one_site_and_code_are_aggregated_whatever_the_spelling() -> None:
    p = producers([("A", 0, 0, "17 02 03", 10.0), ("A", 0, 0, "170203", 5.0), ("A", 0, 0, "17.02.03", 1.0)])
    r = receivers([("R", 3, 4, "17 02 03", None, False, "R3")])
    result = run_waste_flows(p, r, Options(top_synergies=0))
    (flow,) = result.flows
    assert (flow["tonnes"], flow["km"], flow["family"]) == (16.0, 5.0, "plastics")


def test_receiver_at_the_producer_site() -> None:
    p = producers([("A", 1, 1, "10 02 01", 40.0)])
    r = receivers([("A", 1, 1, "10 02 *", None, False, "R5"), ("FAR", 9, 1, "10 *", None, False, "R5")])
    result = run_waste_flows(p, r, Options(top_synergies=0))
    (flow,) = result.flows
    assert (flow["receiver_id"], flow["km"], flow["tonne_km"]) == ("A", 0.0, 0.0)
    (node,) = [n for n in result.nodes if n["site_id"] == "A"]
    assert (node["role"], node["tonnes_out"], node["tonnes_in"]) == ("both", 40.0, 40.0)


def test_declared_flows_are_kept_and_use_capacity() -> None:
    # B's waste is declared to R1 although R2 would be... the optimiser must respect it; R1 then
    # has 0 t left, so A goes to R2.
    p = producers(TWO_BY_TWO_P, destination=[None, "Facility R1"])
    result = run_waste_flows(p, receivers(TWO_BY_TWO_R), Options(top_synergies=0))
    flows = {(f["producer_id"], f["receiver_id"]): f["provenance"] for f in result.flows}
    assert flows == {("A", "R2"): "allocated", ("B", "R1"): "declared"}


def test_closure_scenario_reallocates_and_reports_lost_outlets() -> None:
    p = producers([*TWO_BY_TWO_P, ("C", 1, 1, "07 07 08*", 20.0)], destination=[None, "R1", None])
    r = receivers([*TWO_BY_TWO_R, ("H", 1, 2, "07 *", None, True, "D10")], inside=[True, False, True])
    result = run_waste_flows(p, r, Options(remove_sites=frozenset({"R1", "H"}), top_synergies=0))
    statuses = {(f["producer_id"], f["receiver_id"]): (f["status"], f["provenance"]) for f in result.flows}
    assert statuses == {
        ("A", "R2"): ("unchanged", "allocated"),
        ("B", "R2"): ("new", "inferred"),  # declared to R1, re-routed
        ("B", "R1"): ("removed", "declared"),
        ("C", "H"): ("removed", "allocated"),
    }
    (lost,) = result.unallocated
    assert (lost["producer_id"], lost["tonnes"], lost["baseline_allocated_t"], lost["cause"]) == (
        "C",
        20.0,
        20.0,
        CAUSE_CLOSURE,
    )
    assert summary(result, "transport", "baseline") == pytest.approx(200 + 150 + 20)
    assert summary(result, "transport", "scenario") == pytest.approx(200 + 450)
    assert summary(result, "waste losing its outlet (closure)", "scenario") == 20.0
    # baseline: 100 t (B→R1) + 20 t (C→H) of 220 t inside the territory
    assert summary(result, "treated within the territory") == pytest.approx(100 * 120 / 220, abs=1e-3)
    assert summary(result, "treated within the territory", "scenario") == 0.0
    closed = {n["site_id"]: n for n in result.nodes}
    assert (
        closed["R1"]["closed"] and closed["R1"]["baseline_in"] == 100.0 and closed["R1"]["tonnes_in"] == 0.0
    )


def test_closing_a_producer_frees_capacity_for_others() -> None:
    p = producers([("BIG", 0, 0, "19 12 12", 100.0), ("SMALL", 0, 1, "19 12 12", 50.0)])
    r = receivers([("NEAR", 0, 0.5, "19 *", 100.0, False, "R1"), ("FAR", 0, 20, "19 *", None, False, "R1")])
    result = run_waste_flows(p, r, Options(remove_sites=frozenset({"BIG"}), top_synergies=0))
    assert flows_by_pair(result) == {("SMALL", "NEAR"): 50.0}
    assert summary(result, "transport", "baseline") == pytest.approx(100 * 0.5 + 50 * 19)
    assert summary(result, "transport", "scenario") == pytest.approx(50 * 0.5)
    assert [u["cause"] for u in result.unallocated] == [CAUSE_CLOSED]


def test_network_distances_and_producers_off_the_roads() -> None:
    # an L-shaped road: (0,0)→(10,0)→(10,10) km; receiver at the corner's far end
    roads = RoadNetwork([np.array([[0, 0], [10 * KM, 0]]), np.array([[10 * KM, 0], [10 * KM, 10 * KM]])])
    p = producers([("ON", 0, 0.1, "17 05 04", 10.0), ("OFF", 5, 5, "17 05 04", 10.0)])
    r = receivers([("R", 10, 10, "17 05 *", None, False, "R5")])
    result = run_waste_flows(
        p, r, Options(distance="network", network=roads, snap_tolerance=200.0, top_synergies=0)
    )
    (flow,) = result.flows
    assert flow["producer_id"] == "ON"
    assert flow["km"] == pytest.approx(0.1 + 10 + 10)
    (off,) = result.unallocated
    assert (off["producer_id"], off["cause"]) == ("OFF", CAUSE_OFF_NETWORK)
    snaps = {n["site_id"]: n["snap_m"] for n in result.nodes}
    assert snaps == {"R": 0.0, "ON": 100.0, "OFF": None}
    assert summary(result, "largest producer snapping distance") == 100.0


def test_synergies_are_scored_and_explained() -> None:
    p = producers([("STEEL", 0, 0, "12 01 01", 500.0)])  # ferrous filings
    r = receivers(
        [
            ("FOUNDRY", 2, 0, "12 01 01", 1000.0, False, "R4"),  # exact code
            ("SCRAP", 4, 0, "17 04 *", 100.0, False, "R4"),  # metals from construction: family
            ("LANDFILL", 1, 0, "12 *", None, False, "D1"),  # disposal: not a synergy
            ("GLASS", 1, 0, "10 11 *", None, False, "R5"),  # unrelated
        ]
    )
    result = run_waste_flows(p, r, Options(max_distance=10_000.0, top_synergies=3))
    by_receiver = {s["receiver_id"]: s for s in result.synergies}
    assert set(by_receiver) == {"FOUNDRY", "SCRAP"}
    exact, family = by_receiver["FOUNDRY"], by_receiver["SCRAP"]
    assert (exact["match_level"], exact["confidence"], exact["fit_score"]) == ("code", "high", 1.0)
    assert exact["score"] == pytest.approx(100 * (0.45 * 1.0 + 0.30 * 0.8 + 0.25 * 1.0))
    assert (family["match_level"], family["confidence"], family["fit_score"]) == ("family", "low", 0.2)
    assert family["score"] < exact["score"]
    assert "not in its declared list" in family["explanation"]
    assert exact["allocated"] is False  # the landfill at 1 km takes it in the allocation
    assert flows_by_pair(result) == {("STEEL", "LANDFILL"): 500.0}


def test_curved_lines_bend_to_opposite_sides() -> None:
    there = curved_line((0, 0), (100, 0))
    back = curved_line((100, 0), (0, 0))
    assert there[1] == (50.0, 15.0) and back[1] == (50.0, -15.0)


def test_solver_handles_no_edges_and_reports_everything_unplaced() -> None:
    flows, unplaced = solve_transport(
        np.array([5.0, 2.0]), np.array([1.0]), np.zeros(0, int), np.zeros(0, int), np.zeros(0)
    )
    assert flows.size == 0 and unplaced.tolist() == [5.0, 2.0]


def test_cancel_and_bad_input() -> None:
    with pytest.raises(Cancelled):
        run_waste_flows(producers(TWO_BY_TWO_P), receivers(TWO_BY_TWO_R), Options(), lambda f, s: f < 0.4)
    with pytest.raises(EngineError, match="No producer row"):
        run_waste_flows(producers([("A", 0, 0, "x", 1.0)]), receivers(TWO_BY_TWO_R), Options())
    with pytest.raises(EngineError, match="road layer"):
        run_waste_flows(producers(TWO_BY_TWO_P), receivers(TWO_BY_TWO_R), Options(distance="network"))


def test_rows_of_the_layers_become_producers_and_receivers() -> None:
    import geopandas as gpd
    from shapely.geometry import Point, box

    from territoire_numerique.engine.waste_flows import (
        accepts_warnings,
        producers_from_frame,
        receivers_from_frame,
    )

    frame = gpd.GeoDataFrame(
        {"code": ["17 01 01", "17 02 01", "19 01 02"]},
        geometry=[Point(1000, 0), Point(1000, 0), None],
    )
    producers, skipped = producers_from_frame(frame, np.array([5.0, 6.0, 7.0]))
    assert skipped == 1 and producers.site_id == ["1000 0", "1000 0"]  # one site: the same place
    assert producers.tonnes.tolist() == [5.0, 6.0] and producers.destination is None
    places = gpd.GeoDataFrame(
        {"accepts": ["17 *", "*; 17 0x"], "hazardous_ok": ["oui", None], "name": ["Tri", None]},
        geometry=[box(0, 0, 10, 10), Point(3, 4)],
    )
    receivers = receivers_from_frame(places, None)
    assert receivers.site_id == ["R1", "R2"] and receivers.name == ["Tri", ""]
    assert receivers.hazardous_ok.tolist() == [True, False] and np.isnan(receivers.capacity).all()
    assert receivers.xy.tolist() == [[5.0, 5.0], [3.0, 4.0]]  # a polygon by its centroid
    warnings = accepts_warnings(receivers, "accepts")
    assert [w.values["count"] for w in warnings] == [1, 1]  # “17 0x” unreadable; R2 accepts all


def test_closure_by_text_unknown_sites_and_the_territory() -> None:
    p = producers(TWO_BY_TWO_P)
    r = receivers(TWO_BY_TWO_R)
    as_set = run_waste_flows(p, r, Options(remove_sites=frozenset({"R1"}), top_synergies=0))
    as_text = run_waste_flows(p, r, Options(remove_sites=" R1, ", top_synergies=0))
    assert as_text.flows == as_set.flows and as_text.summary == as_set.summary
    with pytest.raises(EngineError, match="NOPE"):
        run_waste_flows(p, r, Options(remove_sites="R1, NOPE"))
    from shapely.geometry import box

    around_r1 = [box(0.5 * KM, -KM, 1.5 * KM, KM)]  # R1 inside, R2 outside
    result = run_waste_flows(p, r, Options(top_synergies=0), territory=around_r1)
    assert summary(result, "treated within the territory") == pytest.approx(50.0)


def _transport_by_plain_lp(supply, capacity, edge_item, edge_receiver, edge_cost) -> tuple[float, float]:
    """(tonnes placed, tonne-cost) of the full programme, no reduction: every edge and an unplaced
    variable per item, the capacity rows of the limited receivers (the reference)."""
    from scipy.optimize import linprog
    from scipy.sparse import coo_matrix, csr_matrix, hstack, identity

    n_items, n_edges = len(supply), len(edge_item)
    limited = np.flatnonzero(np.isfinite(capacity))
    penalty = (len(limited) + 1) * max(float(edge_cost.max()), 1.0) + 1.0
    a_eq = hstack(
        [
            csr_matrix((np.ones(n_edges), (edge_item, np.arange(n_edges))), shape=(n_items, n_edges)),
            identity(n_items),
        ]
    )
    row = np.full(len(capacity), -1)
    row[limited] = np.arange(len(limited))
    capped = np.flatnonzero(row[edge_receiver] >= 0)
    a_ub = coo_matrix(
        (np.ones(len(capped)), (row[edge_receiver[capped]], capped)), shape=(len(limited), n_edges + n_items)
    )
    cost = np.concatenate([edge_cost, np.full(n_items, penalty)])
    x = linprog(cost, A_ub=a_ub, b_ub=capacity[limited], A_eq=a_eq, b_eq=supply, method="highs").x
    return float(x[:n_edges].sum()), float(x[:n_edges] @ edge_cost)


@pytest.mark.parametrize("seed", range(12))
def test_the_reduced_transport_problem_has_the_optimum_of_the_full_one(seed: int) -> None:
    """Random instances with ties, limited and unlimited receivers, items that reach no unlimited
    receiver and items with no edge: the reduced programme places the same tonnes at the same cost
    as the full one, within every capacity and supply."""
    generator = np.random.default_rng(seed)
    n_items, n_receivers = int(generator.integers(5, 60)), int(generator.integers(2, 25))
    supply = generator.integers(1, 50, n_items).astype(float)
    capacity = np.where(generator.random(n_receivers) < 0.6, generator.integers(0, 80, n_receivers), np.nan)
    pairs = generator.random((n_items, n_receivers)) < 0.3
    pairs[0] = False  # an item with no candidate receiver
    edge_item, edge_receiver = np.nonzero(pairs)
    edge_cost = generator.integers(1, 8, len(edge_item)).astype(float)  # few values: many ties
    flows, unplaced = solve_transport(supply, capacity, edge_item, edge_receiver, edge_cost)
    placed, total = _transport_by_plain_lp(supply, capacity, edge_item, edge_receiver, edge_cost)
    assert flows.sum() == pytest.approx(placed, rel=1e-9, abs=1e-6)
    assert flows @ edge_cost == pytest.approx(total, rel=1e-9, abs=1e-6)
    assert np.bincount(edge_item, flows, n_items) + unplaced == pytest.approx(supply)
    received = np.bincount(edge_receiver, flows, n_receivers)
    assert np.all(received[np.isfinite(capacity)] <= capacity[np.isfinite(capacity)] + 1e-6)
    assert unplaced[0] == supply[0] and np.all(flows >= 0)
