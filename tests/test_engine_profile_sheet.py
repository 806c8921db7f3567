"""The profile sheet of an atlas page, without QGIS."""

from territoire_numerique.engine.profile import INDICATORS
from territoire_numerique.engine.profile_sheet import PROFILE_LINES, format_value, profile_sheet, sheet_lines


def line(field: str):
    return next(candidate for candidate in PROFILE_LINES if candidate.field == field)


def test_the_sheet_covers_every_indicator_of_the_profile():
    assert [candidate.field for candidate in PROFILE_LINES] == list(INDICATORS)


def test_values_are_written_in_the_reader_s_language_with_their_unit():
    assert format_value(86000.0, line("population"), "fr") == "86\u202f000\u00a0hab."
    assert format_value(86000.0, line("population"), "en") == "86,000\u00a0inh."
    assert format_value(42.997, line("area_km2"), "fr") == "43,0\u00a0km²"
    assert format_value(12, line("icpe_count"), "fr") == "12"
    for unknown in (None, float("nan"), "", "n/a"):
        assert format_value(unknown, line("ftth_rate"), "fr") == "—"


def test_indicators_unknown_everywhere_or_without_median_are_left_off():
    fields = ["zone_id", "population", "population_median", "wifi_share", "wifi_share_median", "waste_t"]
    rows = [
        {"population": 100.0, "population_median": 150.0, "wifi_share": None, "wifi_share_median": None},
        {"population": 200.0, "population_median": 150.0, "wifi_share": None, "wifi_share_median": None},
    ]
    # wifi_share: NULL everywhere (not computed); waste_t: no median field
    assert [candidate.field for candidate in sheet_lines(fields, rows)] == ["population"]


def test_sheet_has_one_row_per_indicator():
    rows = {
        7: {
            "population": 86000.0,
            "population_median": 5000.0,
            "ftth_rate": 88.09,
            "ftth_rate_median": 76.27,
        },
        8: {"population": 1200.0, "population_median": 5000.0, "ftth_rate": None, "ftth_rate_median": 76.27},
    }
    sheet = profile_sheet(rows, [line("population"), line("ftth_rate")], "fr")
    assert sheet.labels == ["Population", "Locaux éligibles à la fibre"]
    assert sheet.medians == ["5\u202f000\u00a0hab.", "76\u00a0%"]
    assert sheet.values == {7: ["86\u202f000\u00a0hab.", "88\u00a0%"], 8: ["1\u202f200\u00a0hab.", "—"]}
