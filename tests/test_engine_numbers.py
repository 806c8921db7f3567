"""One number reader: French and English writing, NULL, text and out-of-range values counted."""

from __future__ import annotations

import math

import numpy as np
import pytest

from territoire_numerique.engine.numbers import number_or_none, parse_bool, parse_number, read_numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", 12.0),
        ("12,5", 12.5),
        ("12.5", 12.5),
        ("1 200,5", 1200.5),
        ("1\u00a0200,5", 1200.5),
        ("1\u202f200,5", 1200.5),
        ("1.200,5", 1200.5),
        ("1,200.5", 1200.5),
        ("1.200.000", 1200000.0),
        ("1,200,000", 1200000.0),
        ("1 200 000", 1200000.0),
        ("1,200", 1.2),  # one separator: the French decimal comma
        ("\u22123,5", -3.5),
        ("-0,25", -0.25),
        (",5", 0.5),
        ("1e3", 1000.0),
        (" 7 ", 7.0),
        (7, 7.0),
        (np.int64(3), 3.0),
        (2.5, 2.5),
    ],
)
def test_numbers_in_french_and_english_writing(text, expected):
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("missing", [None, "", "  ", float("nan"), np.nan])
def test_null_and_empty_are_missing(missing):
    assert parse_number(missing) is None


@pytest.mark.parametrize(
    "bad", ["douze", "12 t", "1,200,5", "1.2.3,4,5", "nan", "inf", True, "--3", float("inf")]
)
def test_what_is_not_a_number_is_refused(bad):
    with pytest.raises(ValueError):
        parse_number(bad)


def test_a_column_counts_what_it_leaves_out():
    column = read_numbers(["1 200,5", None, "douze", "-4", 3, "n/a", ""], minimum=0.0)
    assert column.values[0] == 1200.5 and column.values[4] == 3.0
    assert np.isnan(column.values[[1, 2, 3, 5, 6]]).all()
    assert column.missing == 2 and column.unreadable == ["douze", "n/a"] and column.out_of_range == [-4.0]
    warnings = column.warnings("Tonnes per year field")
    assert [w.values["count"] for w in warnings] == [2, 1]
    assert "“douze”, “n/a”" in str(warnings[0]) and "Tonnes per year field" in str(warnings[0])
    assert "-4" in str(warnings[1])


def test_bounds_are_optional():
    column = read_numbers([-5, 200], minimum=None, maximum=100)
    assert column.values[0] == -5 and math.isnan(column.values[1]) and column.out_of_range == [200.0]
    assert read_numbers([]).values.shape == (0,)


def test_number_or_none_reads_alike_and_gives_none_for_text():
    assert number_or_none("599 262,61") == pytest.approx(599262.61)
    assert number_or_none("1.200,5") == pytest.approx(1200.5)
    assert number_or_none("n/a") is None
    assert number_or_none(True) is None
    assert number_or_none("") is None
    assert number_or_none(math.nan) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (True, True),
        (np.True_, True),
        (0, False),
        (1.0, True),
        (math.nan, False),
        (None, False),
        (" Oui ", True),
        ("VRAI", True),
        ("t", True),
        ("non", False),
        ("false", False),
        ("2", False),
    ],
)
def test_yes_no_values(value, expected):
    assert parse_bool(value) is expected
