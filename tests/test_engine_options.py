"""Engine options: each option's default, range, unit and choices are stated once and checked."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from territoire_numerique.engine.errors import EngineError
from territoire_numerique.engine.options import Choice, make_options, option, option_specs, spec_of


@dataclass(frozen=True)
class Example:
    layer_name: str = "not an option"
    cell_size: float = option(500.0, "CELL_SIZE", label="Grid cell size", kind="distance", minimum=1.0)
    target: float = option(80.0, "TARGET", label="Target rate", unit="%", minimum=0.0, maximum=100.0)
    runs: int = option(3, "RUNS", label="Runs", minimum=1)
    exact: bool = option(True, "EXACT", label="Exact", advanced=True)
    zone_kind: str = option(
        "layer",
        "ZONE_TYPE",
        label="Count per",
        choices=(
            Choice("layer", label="Zone"),
            Choice("square", label="Square"),
            Choice("hexagon", label="Hexagon"),
        ),
    )


def test_defaults_come_from_the_declaration_and_non_options_are_skipped():
    names = [name for name, _spec, _default in option_specs(Example)]
    assert names == ["cell_size", "target", "runs", "exact", "zone_kind"]
    assert make_options(Example, {}) == Example()
    assert spec_of(Example, "exact").advanced and spec_of(Example, "zone_kind").kind == "choice"
    assert spec_of(Example, "runs").kind == "int" and spec_of(Example, "target").kind == "float"


def test_choices_take_the_key_or_the_index_of_older_models():
    assert make_options(Example, {"ZONE_TYPE": "hexagon"}).zone_kind == "hexagon"
    assert make_options(Example, {"ZONE_TYPE": 1}).zone_kind == "square"
    assert make_options(Example, {"ZONE_TYPE": "2"}).zone_kind == "hexagon"
    with pytest.raises(EngineError, match="not one of layer, square, hexagon"):
        make_options(Example, {"ZONE_TYPE": "triangle"})
    with pytest.raises(EngineError):
        make_options(Example, {"ZONE_TYPE": 3})


def test_numbers_are_parsed_the_french_way_and_checked_against_their_range():
    options = make_options(Example, {"CELL_SIZE": "1 200,5", "RUNS": 2.0, "EXACT": "false"}, layer_name="x")
    assert (options.cell_size, options.runs, options.exact, options.layer_name) == (1200.5, 2, False, "x")
    assert isinstance(options.runs, int)
    with pytest.raises(EngineError, match="outside"):
        make_options(Example, {"TARGET": 120})
    with pytest.raises(EngineError, match="not a number"):
        make_options(Example, {"TARGET": "beaucoup"})


def test_a_choice_default_must_be_one_of_its_keys():
    with pytest.raises(ValueError):
        option("triangle", "K", label="K", choices=(Choice("square", label="Square"),))
