"""Resource synergies: compatibility rules, distance limits, seasons, losses, closure, and the
optimum checked against a networkx min-cost flow."""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

import numpy as np
import pytest

from territoire_numerique.engine.errors import EngineError
from territoire_numerique.engine.road_network import RoadNetwork
from territoire_numerique.engine.symbiosis import (
    REASON_CLOSED,
    REASON_CLOSURE_NEED,
    REASON_COST,
    REASON_NO_MATCH,
    REASON_QUANTITY,
    REASON_SEASON,
    REASON_TOO_FAR,
    Options,
    SymbiosisModel,
    load_rules,
    run_synergies,
)
from territoire_numerique.engine.symbiosis_survey import check_survey

sys.path.insert(0, str(Path(__file__).resolve().parent))
from symbiosis_reference import networkx_allocation

KM = 1000.0
UNITS = {"waste": "t/yr", "material": "t/yr", "heat": "MWh/yr", "steam": "MWh/yr", "water": "m3/yr",
         "service": "people"}  # fmt: skip


def rows(*specs: tuple) -> list:
    """specs: (actor, role, resource, spec, quantity, x_km[, season[, y_km]])."""
    raw = []
    for number, spec in enumerate(specs, start=1):
        actor, role, resource, text, quantity, x = spec[:6]
        season = spec[6] if len(spec) > 6 else ""
        y = spec[7] if len(spec) > 7 else 0.0
        raw.append({"actor": actor, "role": role, "resource": resource, "spec": text,
                    "quantity": str(quantity), "unit": UNITS[resource], "season": season,
                    "x": x * KM, "y": y * KM, "_row": number})  # fmt: skip
    survey = check_survey(raw)
    assert not survey.problems, survey.problems
    return survey.rows


def flows(result) -> dict[tuple[str, str], float]:
    return {
        (s["offer_actor"], s["need_actor"]): s["delivered"]
        for s in result.synergies
        if s["status"] != "removed"
    }


def reasons(result) -> dict[tuple[str, str], str]:
    return {(u["actor"], u["role"]): u["reason"] for u in result.unmatched}


@pytest.fixture(scope="module")
def rules() -> dict:
    return load_rules()


def test_heat_temperature_margin_and_losses(rules) -> None:
    survey = rows(
        ("Four", "offer", "heat", "120", 1000, 0),
        ("Tiède", "offer", "heat", "70", 500, 1),
        ("Serres", "need", "heat", "100", 800, 2),
        ("Bureaux", "need", "heat", "60 °C", 300, 1),
    )
    result = run_synergies(survey, rules, Options())
    got = flows(result)
    assert ("Tiède", "Serres") not in got  # 70 °C cannot serve a 100 °C need (+10 °C margin)
    assert got[("Four", "Serres")] == pytest.approx(800.0)
    synergy = next(s for s in result.synergies if s["need_actor"] == "Serres")
    assert synergy["quantity"] == pytest.approx(800.0 / (1 - 0.02 * 2))  # 2 % lost per km over 2 km
    assert got[("Tiède", "Bureaux")] == pytest.approx(300.0)  # nearer (0 km) than Four (1 km)
    assert synergy["co2_avoided_t"] == pytest.approx(800.0 * 0.252, rel=1e-3)
    assert {s["family"] for s in result.synergies} == {"energy"}
    assert len(synergy["geometry"]) == 3


def test_water_classes_never_serve_potable_from_another_class(rules) -> None:
    survey = rows(
        ("STEP", "offer", "water", "treated_wastewater", 10_000, 0),
        ("Prise mer", "offer", "water", "seawater", 50_000, 0.5),
        ("Conserverie", "need", "water", "potable", 5_000, 1),
        ("Marée", "need", "water", "cleaning", 20_000, 1),
        ("Chimie", "need", "water", "process", 8_000, 2),
        ("Labo", "need", "water", "demineralised", 100, 2),
    )
    result = run_synergies(survey, rules, Options())
    got = flows(result)
    assert got == {("Prise mer", "Marée"): 20_000.0, ("STEP", "Chimie"): 8_000.0}
    why = reasons(result)
    assert why[("Conserverie", "need")] == REASON_NO_MATCH
    assert why[("Labo", "need")] == REASON_NO_MATCH
    broken = copy.deepcopy(rules)
    broken["resources"]["water"]["classes"]["rain"].append("potable")
    path = Path(__file__).parent / ".." / ".build" / "broken_rules.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(EngineError, match="potable"):
        load_rules(path)
    path.unlink()


def test_distance_limits_straight_and_along_roads(rules) -> None:
    survey = rows(
        ("Near", "offer", "heat", "90", 100, 0),
        ("Far", "offer", "heat", "90", 100, 20),
        ("Need near", "need", "heat", "60", 100, 4),
        ("Need far", "need", "heat", "60", 100, 26),
    )
    result = run_synergies(survey, rules, Options())
    assert flows(result) == {("Near", "Need near"): pytest.approx(100.0 * (1 - 0.02 * 4))}
    assert reasons(result)[("Need far", "need")] == REASON_TOO_FAR
    assert reasons(result)[("Far", "offer")] == REASON_TOO_FAR
    # along the roads the 4 km straight line becomes a 5.7 km detour: beyond the 5 km limit
    network = RoadNetwork(
        [np.array([[0, 0], [2 * KM, 2 * KM], [4 * KM, 0]]), np.array([[20 * KM, 0], [26 * KM, 0]])]
    )
    detour = run_synergies(survey, rules, Options(distance="network", network=network, snap_tolerance=10))
    assert all(s["km"] <= 5.0 for s in detour.synergies)
    assert ("Near", "Need near") not in flows(detour)


def test_seasons_are_respected(rules) -> None:
    survey = rows(
        ("Été", "offer", "heat", "90", 600, 0, "4-9"),
        ("Hiver", "need", "heat", "60", 600, 1, "10-3"),
        ("Année", "need", "heat", "60", 1200, 1, ""),
    )
    result = run_synergies(survey, rules, Options())
    # the summer offer serves the all-year need's summer half only, never the winter need
    delivered = flows(result)
    assert ("Été", "Hiver") not in delivered
    synergy = result.synergies[0]
    assert synergy["months"] == "4-9"
    assert synergy["delivered"] == pytest.approx(600.0 * (1 - 0.02))
    assert reasons(result)[("Hiver", "need")] == REASON_SEASON
    year = next(u for u in result.unmatched if u["actor"] == "Année")
    assert year["remaining"] == pytest.approx(1200 - 600 * 0.98)
    # waste can be stored: seasons do not limit it
    waste = run_synergies(
        rows(
            ("Aciérie", "offer", "waste", "10 02 01", 100, 0, "1-3"),
            ("Cimenterie", "need", "waste", "10 02 *", 100, 1, "6-8"),
        ),
        rules,
        Options(),
    )
    assert flows(waste) == {("Aciérie", "Cimenterie"): 100.0}


def test_steam_pressure_drop_and_waste_hierarchy(rules) -> None:
    survey = rows(
        ("Incinérateur", "offer", "steam", "10 bar 200 °C", 1000, 0),
        ("Distillerie", "need", "steam", "9 bar", 500, 2),
        ("Huilerie", "need", "steam", "8 bar 180 °C", 500, 1.9, "", 0.5),
        ("Fonderie", "offer", "waste", "10 09 03*", 50, 0),
        ("Traiteur DD", "need", "waste", "10 09 *", 50, 1),
        ("Four", "need", "waste", "10 09 03*", 20, 1.5),
    )
    result = run_synergies(survey, rules, Options())
    got = flows(result)
    assert ("Incinérateur", "Distillerie") not in got  # 10 − 2 km × 1 bar/km < 9 bar
    assert got[("Incinérateur", "Huilerie")] == pytest.approx(500.0)
    # hazardous waste goes only where its exact code is named
    assert got == {("Incinérateur", "Huilerie"): pytest.approx(500.0), ("Fonderie", "Four"): 20.0}
    match = next(s for s in result.synergies if s["resource"] == "waste")["match"]
    assert match == "code"


def test_unmatched_reasons_cost_and_quantity(rules) -> None:
    cheap = copy.deepcopy(rules)
    cheap["resources"]["service"]["value_eur_per_unit"] = 10  # less than 20 EUR per person and km
    survey = rows(
        ("Cantine", "offer", "service", "restaurant", 50, 0),
        ("PME", "need", "service", "restaurant", 30, 2),
        ("Chaleur", "offer", "heat", "90", 100, 0),
        ("Serre 1", "need", "heat", "60", 100, 1),
        ("Serre 2", "need", "heat", "60", 100, 1.5),
    )
    result = run_synergies(survey, cheap, Options())
    why = reasons(result)
    assert why[("PME", "need")] == REASON_COST
    assert why[("Serre 2", "need")] == REASON_QUANTITY
    assert result.balance and sum(b["offered"] for b in result.balance if b["resource"] == "heat") == 100.0


def test_closure_reports_what_breaks(rules) -> None:
    survey = rows(
        ("Incinérateur", "offer", "steam", "12 bar", 1000, 0),
        ("Distillerie", "need", "steam", "8 bar", 800, 1),
        ("Aciérie", "offer", "heat", "150", 2000, 0),
        ("Réseau", "need", "heat", "90", 1000, 2),
    )
    baseline = run_synergies(survey, rules, Options())
    closed = run_synergies(survey, rules, Options(closed_actors=frozenset({"Incinérateur"})))
    assert flows(baseline)[("Incinérateur", "Distillerie")] == pytest.approx(800.0)
    why = reasons(closed)
    assert why[("Distillerie", "need")] == REASON_CLOSURE_NEED
    assert why[("Incinérateur", "offer")] == REASON_CLOSED
    statuses = {(s["offer_actor"], s["status"]) for s in closed.synergies}
    assert statuses == {("Incinérateur", "removed"), ("Aciérie", "unchanged")}
    assert run_synergies(survey, rules, Options(closed_actors=" Incinérateur,")).synergies == closed.synergies
    assert (baseline.headline()["SYNERGY_COUNT"], closed.headline()["SYNERGY_COUNT"]) == (2, 1)
    assert closed.headline()["CO2_AVOIDED_T"] < baseline.headline()["CO2_AVOIDED_T"]
    with pytest.raises(EngineError, match="Nobody"):
        run_synergies(survey, rules, Options(closed_actors="Nobody"))
    lost = next(
        r for r in closed.summary if r["resource"] == "steam" and r["indicator"] == "exchanged (delivered)"
    )
    assert lost["scenario"] == 0.0 and lost["baseline"] == pytest.approx(800.0)


def test_optimum_matches_networkx_min_cost_flow(rules) -> None:
    """A seeded survey of every resource (no losses, integer costs): same optimum as networkx."""
    lossless = copy.deepcopy(rules)
    for rule in lossless["resources"].values():
        rule["loss_per_km"] = 0.0
        rule["transport_eur_per_unit_km"] = 1.0
    lossless["resources"]["steam"]["pressure_drop_bar_per_km"] = 0.0
    rng = np.random.default_rng(18)
    specs = []
    choices = {
        "heat": (["150", "110", "80", "60"], ["100", "70", "50"]),
        "steam": (["12 bar", "8 bar"], ["10 bar", "6 bar"]),
        "water": (
            ["treated_wastewater", "seawater", "potable", "rain"],
            ["process", "cooling", "cleaning", "potable"],
        ),
        "waste": (["10 02 01", "17 01 01", "19 12 04"], ["10 02 *", "17 01 01", "19 12 *", "17 *"]),
        "material": (["15 01 02", "12 01 01"], ["15 01 *", "12 01 01"]),
        "service": (["restaurant", "training"], ["restaurant", "training", "security"]),
    }
    seasons = ["", "4-9", "10-3"]
    for resource, (offers, needs) in choices.items():
        for k in range(12):
            role = "offer" if k % 2 == 0 else "need"
            pool = offers if role == "offer" else needs
            quantity, x = int(rng.integers(1, 20)) * 120, int(rng.integers(0, 8))
            specs.append((f"{resource}-{k}", role, resource, pool[rng.integers(len(pool))], quantity, x,
                          seasons[rng.integers(3)]))  # fmt: skip
    survey = rows(*specs)
    model = SymbiosisModel(survey, lossless, Options())
    everyone = np.ones(len(survey), bool)
    candidates = model.candidates(model.distances(None), everyone)
    allocation = model.allocate(candidates, everyone)
    ours = sum(
        (candidates.unit_cost[e] - candidates.unit_value[e]) * taken for e, _, taken, _, _ in allocation.flows
    )
    reference, _ = networkx_allocation(model, candidates, everyone)
    assert len(allocation.flows) > 10
    assert ours == pytest.approx(reference, rel=1e-9, abs=1e-6)
    # no allocated pair breaks a rule: temperatures, water classes, seasons, distances
    classes = lossless["resources"]["water"]["classes"]
    for e, n, _, _, months in allocation.flows:
        offer, need = survey[candidates.offer[e]], survey[n]
        assert (
            offer.resource == need.resource
            and candidates.km[e] <= lossless["resources"][offer.resource]["max_distance_km"]
        )
        if offer.resource == "heat":
            assert offer.quality >= need.quality + 10
        if offer.resource == "water":
            assert need.quality in classes[offer.quality] and (
                need.quality != "potable" or offer.quality == "potable"
            )
        if lossless["resources"][offer.resource]["seasonal"]:
            assert months <= offer.months & need.months


def test_confidential_actors_are_never_named(rules) -> None:
    survey = rows(
        ("Secret SA", "offer", "heat", "120", 100, 0),
        ("Réseau", "need", "heat", "60", 300, 1),
        ("Secret SA", "need", "water", "potable", 10, 1),
    )
    survey[0].confidential = True
    result = run_synergies(survey, rules, Options())
    text = repr([result.synergies, result.balance, result.unmatched])
    assert "Secret" not in text and "Confidential actor 1" in text
    shown = run_synergies(survey, rules, Options(show_confidential=True))
    assert shown.synergies[0]["offer_actor"] == "Secret SA"


def test_a_survey_without_usable_rows_gives_empty_outputs(rules) -> None:
    result = run_synergies([], rules, Options())
    assert result.synergies == [] and result.unmatched == [] and result.balance == []
    assert {row["baseline"] for row in result.summary} == {0.0}
