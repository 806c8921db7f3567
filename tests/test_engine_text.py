"""The one text fold of the engine (names, kinds, uses, units and months are compared folded)."""

from __future__ import annotations

import pytest

from territoire_numerique.engine.opendata.territory import fold as fold_name
from territoire_numerique.engine.text import fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("  Déchèterie ", "decheterie"),
        ("INDUSTRIEL", "industriel"),
        ("Bâtiment   agricole", "batiment agricole"),
        ("m³/an", "m3/an"),
        (42, "42"),
    ],
)
def test_fold_lowers_drops_accents_and_single_spaces(text, folded):
    assert fold(text) == folded


def test_names_fold_to_words():
    assert fold("Saint-Pol-sur-Mer", words_only=True) == "saint pol sur mer"
    assert fold_name("L'Île-d'Yeu") == fold("l ile d yeu") == "l ile d yeu"
