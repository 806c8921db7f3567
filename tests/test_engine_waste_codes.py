"""List of Waste codes: parsing, patterns, hierarchy levels, material families."""

from __future__ import annotations

import pytest

from territoire_numerique.engine.waste_codes import (
    LEVEL_CHAPTER,
    LEVEL_CODE,
    LEVEL_FAMILY,
    LEVEL_NONE,
    LEVEL_SUB_CHAPTER,
    WasteCode,
    accepts,
    match_level,
    material_family,
    parse_code,
    parse_patterns,
)


@pytest.mark.parametrize("text", ["07 07 08*", "070708*", "07 07 08 *", "07.07.08*", " 07-07-08 * "])
def test_hazardous_code_spellings(text: str) -> None:
    code = parse_code(text)
    assert code == WasteCode("070708", True)
    assert code.label == "07 07 08*"
    assert (code.chapter, code.sub_chapter) == ("07", "0707")


@pytest.mark.parametrize("text", ["17 01 01", "170101", 170101])
def test_non_hazardous_code(text: object) -> None:
    assert parse_code(text) == WasteCode("170101", False)


@pytest.mark.parametrize("text", [None, "", "17 01", "17 01 0", "1701011", "abc", "17 01 01**", "*"])
def test_unreadable_codes(text: object) -> None:
    assert parse_code(text) is None


def test_patterns_distinguish_wildcards_from_the_hazard_star() -> None:
    patterns = parse_patterns("17 01 01, 17 02 *; 19 *, 07 07 08*, junk, 17 02*")
    assert [p.prefix for p in patterns] == ["170101", "1702", "19", "070708"]
    assert accepts(patterns, parse_code("17 02 03"))
    assert accepts(patterns, parse_code("19 12 11*"))
    assert accepts(patterns, parse_code("07 07 08*"))
    assert not accepts(patterns, parse_code("17 01 02"))
    assert not accepts(patterns, parse_code("07 07 01"))
    assert [p.prefix for p in parse_patterns("*")] == [""]
    assert [p.prefix for p in parse_patterns("07 * *, 02 * *, 16 05 06*")] == ["07", "02", "160506"]
    assert parse_patterns(None) == []


def test_match_levels_on_the_hierarchy() -> None:
    code = parse_code("17 04 05")  # iron and steel (construction)
    assert match_level(code, parse_patterns("17 04 05")) == LEVEL_CODE
    assert match_level(code, parse_patterns("17 04 07")) == LEVEL_SUB_CHAPTER
    assert match_level(code, parse_patterns("17 04 *")) == LEVEL_SUB_CHAPTER
    assert match_level(code, parse_patterns("17 *")) == LEVEL_CHAPTER
    assert match_level(code, parse_patterns("17 01 01")) == LEVEL_CHAPTER
    # same material (metal) from another activity: filings of chapter 12
    assert match_level(code, parse_patterns("12 01 01")) == LEVEL_FAMILY
    assert match_level(code, parse_patterns("20 03 01")) == LEVEL_NONE
    assert match_level(code, parse_patterns("*")) == LEVEL_CHAPTER


def test_material_families_by_longest_prefix() -> None:
    assert material_family("100201") == "mineral"  # blast-furnace slag
    assert material_family("100302") == "metals"  # aluminium thermal metallurgy
    assert material_family("150102") == "plastics"
    assert material_family("1704") == "metals"
    assert material_family("99") == "other"
    assert parse_code("13 02 05*").family == "oils"


def test_unreadable_accepted_items_are_named():
    from territoire_numerique.engine.waste_codes import unreadable_patterns

    assert unreadable_patterns("17 01 01, 17 0x 01; déchets, 19 *, ") == ["17 0x 01", "déchets"]
    assert unreadable_patterns(None) == [] and unreadable_patterns("**") == []
