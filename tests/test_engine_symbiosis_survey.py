"""The symbiosis survey: template in three formats, reading back, row checks, placement."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from osgeo import gdal

from territoire_numerique.engine.errors import EngineError
from territoire_numerique.engine.symbiosis_survey import (
    ALL_YEAR,
    FIELDS,
    PROBLEM_NEGATIVE,
    PROBLEM_PLACE,
    PROBLEM_QUANTITY,
    PROBLEM_RESOURCE,
    PROBLEM_ROLE,
    PROBLEM_SEASON,
    PROBLEM_SPEC,
    PROBLEM_UNIT,
    Places,
    Steam,
    check_survey,
    parse_season,
    parse_spec,
    parse_unit,
    read_survey,
    write_template,
    write_xlsx,
)
from territoire_numerique.engine.waste_codes import WasteCode

HEADER = [name for name, *_ in FIELDS] + ["x", "y"]


def write_csv(path: Path, rows: list[dict]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, HEADER)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_template_formats_are_empty_documented_and_readable(tmp_path) -> None:
    written = write_template(tmp_path / "enquete.gpkg")
    assert [p.name for p in written] == ["enquete.gpkg", "enquete.csv", "enquete_fields.csv", "enquete.xlsx"]
    for path in (written[0], written[1], written[3]):
        assert read_survey(path) == []
    dataset = gdal.OpenEx(str(written[0]), gdal.OF_VECTOR)
    survey = dataset.GetLayerByName("survey")
    assert survey.GetSpatialRef().GetAuthorityCode(None) == "2154"
    assert survey.GetGeomType() == 1  # points
    names = [d.GetName() for d in survey.schema]
    assert names == [name for name, *_ in FIELDS]
    role = survey.schema[names.index("role")]
    assert role.GetDomainName() == "survey_role"
    assert set(dataset.GetFieldDomain("survey_resource").GetEnumeration()) == {
        "waste", "heat", "steam", "water", "material", "service"
    }  # fmt: skip
    documented = [f.GetField("field") for f in dataset.GetLayerByName("survey_fields")]
    assert set(names) <= set(documented)
    assert written[1].read_text(encoding="utf-8").strip().split(",") == HEADER


def test_template_never_overwrites(tmp_path) -> None:
    path = tmp_path / "s.gpkg"
    write_template(path, twins=())
    before = path.read_bytes()
    with pytest.raises(EngineError, match="exists"):
        write_template(path, twins=())
    with pytest.raises(EngineError, match="format"):
        write_template(tmp_path / "t.gpkg", twins=("ods",))
    assert path.read_bytes() == before and not (tmp_path / "t.gpkg").exists()


def test_parsers() -> None:
    assert parse_unit("t/an") == "t/yr" and parse_unit("m³/an") == "m3/yr" and parse_unit("MWh") == "MWh/yr"
    assert parse_unit("kWh") is None
    assert parse_season("") == ALL_YEAR
    assert parse_season("11-3") == {11, 12, 1, 2, 3}
    assert parse_season("juin, juil") == {6, 7}
    assert parse_season("13") is None
    assert parse_spec("heat", "offer", "90 °C") == 90.0
    assert parse_spec("steam", "need", "12 bar 220 °C") == Steam(12.0, 220.0)
    assert parse_spec("steam", "offer", "8 bar") == Steam(8.0, None)
    assert parse_spec("water", "offer", "Treated wastewater") == "treated_wastewater"
    assert parse_spec("water", "offer", "cooling") is None  # a use, not a class one can offer
    assert parse_spec("water", "need", "cooling") == "cooling"
    assert parse_spec("waste", "offer", "100201") == WasteCode("100201")
    assert parse_spec("waste", "offer", "10 02 *") is None  # an offer is one code
    assert len(parse_spec("material", "need", "10 02 *, 17 01 01")) == 2
    assert parse_spec("heat", "offer", "hot") is None


def test_every_bad_row_is_counted_with_its_problem(tmp_path) -> None:
    good = {"actor": "A", "role": "offer", "resource": "heat", "spec": "90", "quantity": "1 000,5",
            "unit": "MWh/an", "x": "650000", "y": "7100000"}  # fmt: skip
    rows = [
        good,
        {**good, "role": "give"},
        {**good, "resource": "gas"},
        {**good, "spec": "tiède"},
        {**good, "quantity": "beaucoup"},
        {**good, "quantity": "-5"},
        {**good, "unit": "t/yr"},
        {**good, "season": "été"},
        {**good, "resource": "water", "spec": "milk", "unit": "m3/yr"},
        {**good, "x": "", "y": "", "siret": "123 456 789 00012", "site": "Usine"},
        {**good, "x": "", "y": "", "siret": "", "site": "Nowhere", "actor": "Nobody"},
    ]
    path = write_csv(tmp_path / "s.csv", rows)
    places = Places(siret=["12345678900012"], name=["Autre"], xy=[(651000.0, 7101000.0)])
    survey = check_survey(read_survey(path), places)
    assert survey.read == len(rows)
    assert [r.row for r in survey.rows] == [1, 10]
    assert survey.rows[0].quantity == 1000.5 and survey.rows[0].months == ALL_YEAR
    assert (survey.rows[1].x, survey.rows[1].placed_by) == (651000.0, "siret")
    assert [(p.row, p.problem) for p in survey.problems] == [
        (2, PROBLEM_ROLE),
        (3, PROBLEM_RESOURCE),
        (4, PROBLEM_SPEC),
        (5, PROBLEM_QUANTITY),
        (6, PROBLEM_NEGATIVE),
        (7, PROBLEM_UNIT),
        (8, PROBLEM_SEASON),
        (9, PROBLEM_SPEC),
        (11, PROBLEM_PLACE),
    ]
    assert survey.problems[-1].actor == "Nobody"
    assert sum(survey.counts().values()) + len(survey.rows) == len(rows)


def test_placement_by_site_name_ignores_case_and_accents(tmp_path) -> None:
    rows = [{"actor": "Ryssen", "site": "RYSSEN ALCOOLS", "role": "need", "resource": "steam",
             "spec": "10 bar", "quantity": "5000", "unit": "MWh/yr"},
            {"actor": "Usine é", "site": "", "role": "need", "resource": "service", "spec": "Restaurant",
             "quantity": "40", "unit": "personnes"}]  # fmt: skip
    places = Places(siret=[""], name=["Ryssen Alcools", "usine e"][:1], xy=[(1.0, 2.0)])
    survey = check_survey(read_survey(write_csv(tmp_path / "s.csv", rows)), places)
    assert [(r.actor, r.placed_by, r.x) for r in survey.rows] == [("Ryssen", "name", 1.0)]
    assert survey.rows[0].quality == Steam(10.0, None)
    assert [p.problem for p in survey.problems] == [PROBLEM_PLACE]


def test_xlsx_and_gpkg_surveys_read_like_csv(tmp_path) -> None:
    values = ["Ecocem", "", "", "need", "material", "10 02 01", 200000, "t/yr", "", "true", "", "",
              650000, 7100000]  # fmt: skip
    write_xlsx(tmp_path / "s.xlsx", [("survey", HEADER, [values])])
    rows = read_survey(tmp_path / "s.xlsx")
    survey = check_survey(rows)
    assert len(survey.rows) == 1 and survey.rows[0].confidential and survey.rows[0].x == 650000.0
    write_template(tmp_path / "g.gpkg", epsg=2154, twins=())
    dataset = gdal.OpenEx(str(tmp_path / "g.gpkg"), gdal.OF_VECTOR | gdal.OF_UPDATE)
    layer = dataset.GetLayerByName("survey")
    from osgeo import ogr

    feature = ogr.Feature(layer.GetLayerDefn())
    for name, value in zip(HEADER, values[:-2]):
        if value != "":
            feature.SetField(name, 1 if value == "true" else value)
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (650500 7100500)"))
    layer.CreateFeature(feature)
    dataset = None
    survey = check_survey(read_survey(tmp_path / "g.gpkg"))
    assert [(r.actor, r.x, r.quantity, r.confidential) for r in survey.rows] == [
        ("Ecocem", 650500.0, 200000.0, True)
    ]


def test_missing_columns_and_files_are_errors(tmp_path) -> None:
    (tmp_path / "bad.csv").write_text("name,value\nA,1\n", encoding="utf-8")
    with pytest.raises(EngineError, match="role"):
        read_survey(tmp_path / "bad.csv")
    with pytest.raises(EngineError, match="does not exist"):
        read_survey(tmp_path / "none.csv")
