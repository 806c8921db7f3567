"""Engine tests of the rooftop solar potential (no QGIS), against hand and direct computations."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point, box

from territoire_numerique.engine.errors import EngineError
from territoire_numerique.engine.options import make_options
from territoire_numerique.engine.solar import (
    SolarSettings,
    normalise_usage,
    rank_roofs,
    roof_potential,
    site_shares,
    solar_potential,
    totals_by_zone,
)


def test_one_roof_by_hand() -> None:
    roofs = pd.DataFrame({"usage": ["industrial"], "usable_area": [100.0], "irradiation": [1100.0]})
    result = roof_potential(roofs, SolarSettings(panel_density=0.2, performance_ratio=0.8, grid_factor=52.0))
    line = result.iloc[0]
    assert line.potential_kwp == pytest.approx(20.0)  # 100 m² × 0.2 kWp/m²
    assert line.potential_kwh == pytest.approx(17_600.0)  # 20 kWp × 1100 kWh/m² × 0.8
    assert line.co2_avoided_t == pytest.approx(0.915, abs=1e-3)  # 17 600 kWh × 52 g
    assert line.yield_source == "irradiation"
    assert line.kept


def test_roof_without_irradiation_is_null_or_uses_the_specific_yield() -> None:
    roofs = pd.DataFrame({"usable_area": [50.0, 50.0], "irradiation": [None, 0.0]})
    without = roof_potential(roofs, SolarSettings())
    assert without["potential_kwh"].isna().all()
    assert without["co2_avoided_t"].isna().all()
    assert without["yield_source"].isna().all()
    assert (without["potential_kwp"] == 10.0).all()  # peak power is still known
    with_yield = roof_potential(roofs, SolarSettings(specific_yield=950.0))
    assert (with_yield["potential_kwh"] == 9_500.0).all()  # PVGIS yield already includes losses
    assert list(with_yield["yield_source"]) == ["specific_yield", "specific_yield"]


def test_usable_area_falls_back_to_roof_area_then_geometry() -> None:
    roofs = pd.DataFrame(
        {"roof_area": [200.0, None, None], "usable_area": [None, None, 30.0], "irradiation": [1000.0] * 3}
    )
    result = roof_potential(
        roofs, SolarSettings(usable_share=0.5), geometry_area=np.array([80.0, 400.0, 10.0])
    )
    assert list(result["usable_area"]) == [100.0, 200.0, 30.0]
    assert list(result["roof_area"]) == [200.0, 400.0, 10.0]


def test_filters_on_area_and_usage_with_french_labels() -> None:
    roofs = pd.DataFrame(
        {
            "usage": [
                "Industriel",
                "Commercial et services",
                "Résidentiel",
                "Enseignement",
                None,
                "industrial",
            ],
            "usable_area": [500.0, 300.0, 400.0, 250.0, 900.0, 20.0],
        }
    )
    settings = SolarSettings(min_area=50.0, usages=frozenset({"industrial", "commercial", "public"}))
    result = roof_potential(roofs, settings)
    assert list(result["usage"]) == ["industrial", "commercial", "residential", "public", None, "industrial"]
    assert list(result["kept"]) == [True, True, False, True, False, False]
    assert roof_potential(roofs, SolarSettings(min_area=0.0, usages=None))["kept"].all()
    defaults = roof_potential(roofs, SolarSettings())  # the dialog's: 20 m², industry, trade, public
    assert list(defaults["kept"]) == [True, True, False, True, False, True]


@pytest.mark.parametrize(
    ("label", "kind"),
    [("Agricole", "agricultural"), ("Annexe", "annex"), ("Religieux", "public"), ("Indifférencié", "other")],
)
def test_normalise_usage(label: str, kind: str) -> None:
    assert normalise_usage(label) == kind
    assert normalise_usage("  ") is None


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (SolarSettings(panel_density=0), "panel density"),
        (SolarSettings(performance_ratio=1.5), "performance ratio"),
        (SolarSettings(specific_yield=-3), "specific yield"),
        (SolarSettings(usages=frozenset({"castle"})), "Unknown roof usage castle"),
        (SolarSettings(min_area=-1), "minimum roof area"),
    ],
)
def test_bad_settings_are_refused(settings: SolarSettings, message: str) -> None:
    with pytest.raises(EngineError, match=message):
        roof_potential(pd.DataFrame({"usable_area": [10.0]}), settings)


@pytest.fixture()
def roofs() -> gpd.GeoDataFrame:
    generator = np.random.default_rng(5)
    count = 120
    x = generator.uniform(0, 2000, count)
    y = generator.uniform(0, 1000, count)
    irradiation = generator.uniform(900, 1250, count)
    irradiation[::9] = np.nan
    return gpd.GeoDataFrame(
        {"usable_area": generator.uniform(20, 800, count), "irradiation": irradiation},
        geometry=[box(a, b, a + 15, b + 10) for a, b in zip(x, y)],
        crs="EPSG:2154",
    )


def test_zone_totals_match_direct_sums(roofs: gpd.GeoDataFrame) -> None:
    potential = roof_potential(roofs, SolarSettings())
    zones = gpd.GeoSeries([box(0, 0, 1000, 1000), box(1000, 0, 2000, 1000), box(5000, 0, 6000, 1000)])
    totals = totals_by_zone(roofs.geometry, potential, zones)
    centres = roofs.geometry.representative_point()
    for position, zone in enumerate(zones):
        inside = centres.within(zone).to_numpy()
        line = totals.iloc[position]
        assert line.roofs == inside.sum()
        assert line.potential_kwh == pytest.approx(np.nansum(potential["potential_kwh"][inside]), abs=0.01)
        assert line.potential_kwp == pytest.approx(potential["potential_kwp"][inside].sum(), abs=0.01)
        assert line.roofs_without_yield == potential["potential_kwh"][inside].isna().sum()
    assert totals.iloc[2].roofs == 0 and totals.iloc[2].potential_kwh == 0


def test_rank_puts_roofs_without_energy_last(roofs: gpd.GeoDataFrame) -> None:
    potential = roof_potential(roofs, SolarSettings())
    rank = rank_roofs(potential)
    assert sorted(rank) == list(range(1, len(roofs) + 1))
    ordered = potential.loc[rank.sort_values().index, "potential_kwh"]
    known = ordered.notna().sum()
    assert ordered.iloc[:known].is_monotonic_decreasing
    assert ordered.iloc[known:].isna().all()


def test_site_shares_polygon_and_point_sites(roofs: gpd.GeoDataFrame) -> None:
    potential = roof_potential(roofs, SolarSettings(specific_yield=900.0))
    sites = gpd.GeoSeries([box(0, 0, 500, 500), Point(1500, 500), Point(1520, 500)])
    shares = site_shares(roofs.geometry, potential, sites, radius_m=300.0)
    centres = roofs.geometry.representative_point()
    in_polygon = centres.within(sites[0]).to_numpy()
    distance_1 = centres.distance(sites[1]).to_numpy()
    distance_2 = centres.distance(sites[2]).to_numpy()
    to_1 = ~in_polygon & (distance_1 <= 300) & (distance_1 <= distance_2)
    to_2 = ~in_polygon & (distance_2 <= 300) & (distance_2 < distance_1)
    total = potential["potential_kwh"].sum()
    for position, owned in enumerate([in_polygon, to_1, to_2]):
        line = shares.iloc[position]
        assert line.roofs == owned.sum()
        assert line.potential_kwh == pytest.approx(potential["potential_kwh"][owned].sum(), abs=0.01)
        assert line.share_pct == pytest.approx(
            100 * potential["potential_kwh"][owned].sum() / total, abs=0.01
        )
    assert shares["roofs"].sum() == (in_polygon | to_1 | to_2).sum()  # no roof counted twice


def test_solar_potential_ranks_the_kept_roofs_and_totals_zones_and_sites(roofs: gpd.GeoDataFrame) -> None:
    table = roofs.drop(columns="geometry").assign(
        x=roofs.geometry.centroid.x, y=roofs.geometry.centroid.y, usage="Industriel"
    )
    table.loc[::4, "usage"] = "Résidentiel"
    settings = make_options(
        SolarSettings, {"MIN_AREA": "100", "SITE_RADIUS": 300}, usages=frozenset({"industrial"})
    )
    zones = gpd.GeoDataFrame({"name": ["W", "E"]}, geometry=[box(0, 0, 1000, 1100), box(1000, 0, 2100, 1100)])
    sites = gpd.GeoDataFrame({"site": ["p"]}, geometry=[Point(1500, 500)])
    result = solar_potential(table, settings, roofs.geometry.area.to_numpy(), zones, sites)
    expected = roof_potential(table, settings)
    assert result.read == len(roofs) and len(result.roofs) == expected["kept"].sum()
    assert list(result.roofs["rank"]) == list(range(1, len(result.roofs) + 1))  # in rank order
    assert set(result.roofs.index) == set(np.flatnonzero(expected["kept"]))  # rows of the roofs given
    assert list(result.roofs.loc[result.roofs.index[:3], "roof_id"]) == [
        str(i + 1) for i in result.roofs.index[:3]
    ]
    assert list(result.zones["name"]) == ["W", "E"] and result.zones["roofs"].sum() == len(result.roofs)
    assert result.sites["share_pct"].iloc[0] > 0 and result.summary()["kept"] == len(result.roofs)
    with pytest.raises(EngineError, match="site radius"):
        solar_potential(table, SolarSettings(site_radius=-1.0))
