"""Wording of the decision dossier (no QGIS)."""

from __future__ import annotations

from territoire_numerique.engine import dossier as words
from territoire_numerique.engine.mcda import Transform


def test_numbers_distances_and_areas_in_french_and_english():
    assert words.number(1234.5, "fr", 1) == "1\u202f234,5"
    assert words.number(1234.5, "en", 1) == "1,234.5"
    assert words.distance(847, "fr") == "850 m"
    assert words.distance(2349, "fr") == "2,3 km"
    assert words.distance(2349, "en") == "2.3 km"
    assert words.area(4500, "fr") == "4\u202f500 m²"
    assert words.area(23000, "fr") == "2,3 ha"


def test_ranks():
    assert [words.rank_text(rank, 5, "fr") for rank in (1, 2)] == ["1er sur 5", "2e sur 5"]
    assert [words.rank_text(rank, 23, "en") for rank in (1, 2, 3, 4, 11, 21)] == [
        "1st of 23", "2nd of 23", "3rd of 23", "4th of 23", "11th of 23", "21st of 23",
    ]  # fmt: skip


def test_transform_sentences_name_the_thresholds():
    cost = Transform("linear", "cost", low=100, high=1500)
    expected = "mieux si faible : 1 jusqu'à 100 m, 0 à partir de 1\u202f500 m"
    assert words.transform_text(cost, "distance", "fr") == expected
    benefit = Transform("threshold", "benefit", value=2.5)
    assert words.transform_text(benefit, "value", "en") == "1 if ≥ 2.5, else 0"
    sigmoid = Transform("sigmoid", "cost", midpoint=800)
    assert "centrée sur 800 m" in words.transform_text(sigmoid, "distance", "fr")


def test_stability_verdicts():
    assert words.stability_text(None, 5, "fr").startswith("Non évaluée")
    assert words.stability_text(0.95, 5, "fr").endswith("très stable.")
    assert words.stability_text(0.7, 5, "en").endswith("fairly stable.")
    assert "fragile" in words.stability_text(0.2, 5, "fr")


def test_contributions_keep_field_order_and_know_their_maximum():
    row = {"site_id": 1, "score": 80.0, "c_fibre": 50.0, "c_roads": 30.0, "c_terrain": None}
    parts = words.contributions(row, {"fibre": 0.6, "roads": 0.4})
    assert [(part.criterion, part.points, part.maximum) for part in parts] == [
        ("fibre", 50.0, 60.0), ("roads", 30.0, 40.0),
    ]  # fmt: skip
    assert [part.maximum for part in words.contributions(row, None)] == [None, None]


def test_criterion_names_and_method():
    assert words.criterion_name("fibre", "fr") == "Fibre optique"
    assert words.criterion_name("distance_to_rail", "fr") == "Distance to rail"
    paragraphs = words.method_paragraphs("geometric", 0.034, "fr")
    assert "moyenne géométrique" in paragraphs[0] and "0,03" in paragraphs[1]
    assert "set directly" in words.method_paragraphs(None, None, "en")[1]
