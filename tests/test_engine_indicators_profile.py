"""Engine tests of the per-commune profile (no QGIS), on three square communes built by hand."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import Point, box

from territoire_numerique.engine.errors import EngineError
from territoire_numerique.engine.profile import (
    INDICATORS,
    ProfileLayers,
    dissolve_zones,
    seveso_status,
    territory_profile,
)

CRS = "EPSG:2154"


@pytest.fixture()
def communes() -> gpd.GeoDataFrame:
    # A: 2 km × 2 km, B: 2 km × 2 km east of A, C: 1 km × 1 km far north (no buildings)
    return gpd.GeoDataFrame(
        {
            "code_insee": ["59001", "59002", "59003"],
            "epci": ["E1", "E1", "E2"],
            "population": [4000, 1000, None],
        },
        geometry=[box(0, 0, 2000, 2000), box(2000, 0, 4000, 2000), box(0, 20_000, 1000, 21_000)],
        crs=CRS,
    )


def layers() -> ProfileLayers:
    points = gpd.points_from_xy
    return ProfileLayers(
        fibre=gpd.GeoDataFrame(
            {"premises": [10, 30, 5, 5], "ftth": [True, False, True, True]},
            geometry=points([500, 600, 2500, 3500], [500, 600, 500, 500]),
            crs=CRS,
        ),
        sites=gpd.GeoDataFrame(
            {"seveso": [True, False, None, True]},
            geometry=points([100, 200, 300, 2100], [100, 100, 100, 100]),
            crs=CRS,
        ),
        waste=gpd.GeoDataFrame(
            {"tonnes": [12.5, 7.5, None, 100.0]}, geometry=points([100, 100, 100, 2100], [100, 100, 100, 100])
        ),
        # centroids: A (1000, 1000), B (3000, 1000), C (500, 20 500); 10 km radius
        decheteries=gpd.GeoSeries(points([1000, 12_000, 3000], [10_500, 1000, 1000])),
        solar=gpd.GeoDataFrame(
            {"potential_kwh": [50_000.0, np.nan, 25_000.0]},
            geometry=[box(10, 10, 30, 30), box(50, 50, 60, 60), box(3000, 10, 3020, 30)],
        ),
        wifi=gpd.GeoSeries([box(0, 0, 1000, 2000), box(500, 0, 1000, 2000)]),  # overlap counted once
        ports=gpd.GeoSeries([box(1500, 0, 2500, 100)]),  # 10 ha: 5 in A, 5 in B
    )


def test_profile_values_by_hand(communes: gpd.GeoDataFrame) -> None:
    profile = territory_profile(communes, layers())
    a, b, c = (profile.iloc[i] for i in range(3))
    assert (a.area_km2, b.area_km2, c.area_km2) == (4.0, 4.0, 1.0)
    assert (a.density, b.density) == (1000.0, 250.0) and np.isnan(c.density)
    assert a.ftth_rate == 25.0 and b.ftth_rate == 100.0  # 10 / 40 and 10 / 10 premises
    assert np.isnan(c.ftth_rate)  # no buildings: NULL, not 0 %
    assert (a.icpe_count, b.icpe_count, c.icpe_count) == (3, 1, 0)
    assert (a.seveso_count, b.seveso_count) == (1, 1)  # unknown status not counted
    assert (a.waste_t, b.waste_t, c.waste_t) == (20.0, 100.0, 0.0)
    # A: (1000, 10 500) is 9.5 km away and (3000, 1000) 2 km; (12 000, 1000) is 11 km from A
    assert (a.decheteries_near, b.decheteries_near, c.decheteries_near) == (2, 3, 0)
    assert (a.solar_mwh, b.solar_mwh) == (50.0, 25.0)
    assert (a.wifi_share, b.wifi_share, c.wifi_share) == (50.0, 0.0, 0.0)
    assert (a.port_area_ha, b.port_area_ha, c.port_area_ha) == (5.0, 5.0, 0.0)


def test_medians_ignore_nulls(communes: gpd.GeoDataFrame) -> None:
    profile = territory_profile(communes, layers())
    assert (profile["population_median"] == 2500.0).all()  # median of 4000 and 1000
    assert (profile["ftth_rate_median"] == 62.5).all()  # median of 25 and 100
    assert (profile["area_km2_median"] == 4.0).all()
    assert (profile["icpe_count_median"] == 1.0).all()
    for name in INDICATORS:
        assert f"{name}_median" in profile


def test_missing_layers_give_null_indicators(communes: gpd.GeoDataFrame) -> None:
    profile = territory_profile(communes, ProfileLayers())
    for name in ("ftth_rate", "icpe_count", "seveso_count", "waste_t", "decheteries_near", "solar_mwh"):
        assert profile[name].isna().all(), name
        assert profile[f"{name}_median"].isna().all(), name
    assert profile["wifi_share"].isna().all() and profile["port_area_ha"].isna().all()
    assert list(profile["area_km2"]) == [4.0, 4.0, 1.0]


def test_seveso_unknown_everywhere_is_null(communes: gpd.GeoDataFrame) -> None:
    sites = gpd.GeoDataFrame({"seveso": [None, None]}, geometry=gpd.points_from_xy([10, 2010], [10, 10]))
    profile = territory_profile(communes, ProfileLayers(sites=sites))
    assert list(profile["icpe_count"]) == [1, 1, 0]
    assert profile["seveso_count"].isna().all()


@pytest.mark.parametrize(
    ("value", "status"),
    [
        ("Seveso seuil haut", True),
        ("Seveso seuil bas", True),
        ("Non Seveso", False),
        ("NS", None),
        ("", None),
        (None, None),
        (True, True),
        ("non", False),
        ("SH", True),
    ],
)
def test_seveso_status(value: object, status: bool | None) -> None:
    assert seveso_status(value) is status


def test_dissolve_by_epci(communes: gpd.GeoDataFrame) -> None:
    merged = dissolve_zones(communes, "epci", "population")
    assert list(merged["zone_id"]) == ["E1", "E2"]
    assert merged.loc[0, "population"] == 5000 and np.isnan(merged.loc[1, "population"])
    assert merged.area.tolist() == [8e6, 1e6]
    profile = territory_profile(merged, layers())
    assert profile.loc[0, "ftth_rate"] == pytest.approx(100 * 20 / 50)
    with pytest.raises(EngineError, match="no field region"):
        dissolve_zones(communes, "region", None)


def test_decheterie_distance_is_checked(communes: gpd.GeoDataFrame) -> None:
    with pytest.raises(EngineError, match="cannot be negative"):
        territory_profile(communes, ProfileLayers(), decheterie_distance_m=-1)


def test_point_sites_on_a_commune_border_count_once(communes: gpd.GeoDataFrame) -> None:
    sites = gpd.GeoDataFrame({"seveso": [True]}, geometry=[Point(2000, 1000)])
    profile = territory_profile(communes, ProfileLayers(sites=sites))
    assert profile["icpe_count"].sum() == 1


def test_profile_of_zones_reads_the_layers_as_given_and_warns_of_missing_fields(communes) -> None:
    from territoire_numerique.engine.errors import EngineWarning
    from territoire_numerique.engine.profile import profile_of_zones
    from territoire_numerique.engine.profile_options import ProfileOptions

    zones = communes.rename(columns={"code_insee": "zone_id"})
    raw = ProfileLayers(
        fibre=gpd.GeoDataFrame({"ftth": ["oui", "non"], "x": [500.0, 2500.0], "y": [500.0, 500.0]}),
        sites=gpd.GeoDataFrame({"x": [100.0], "y": [100.0]}),
        decheteries=gpd.GeoDataFrame(
            {"kind": ["Déchèterie", "conteneur"], "x": [1000.0, 1000.0], "y": [1000.0, 1000.0]}
        ),
    )
    result = profile_of_zones(zones, raw, ProfileOptions(decheterie_distance=5000.0))
    profile = result.zones
    assert list(profile["zone_id"]) == ["59001", "59002", "59003"] and profile.crs == CRS
    assert set(profile.geometry.geom_type) == {"MultiPolygon"}
    assert list(profile["ftth_rate"][:2]) == [100.0, 0.0] and np.isnan(profile["ftth_rate"].iloc[2])
    assert list(profile["decheteries_near"]) == [1, 1, 0]  # the container is not a déchèterie
    assert list(profile["icpe_count"][:2]) == [1, 0] and profile["seveso_count"].isna().all()
    no_seveso = EngineWarning("The industrial sites have no Seveso field: Seveso count is NULL.")
    assert result.warnings == [no_seveso]
    grouped = profile_of_zones(zones.assign(group=zones["epci"]), raw, ProfileOptions(decheterie_kind=""))
    assert list(grouped.zones["zone_id"]) == ["E1", "E2"]
    assert list(grouped.zones["decheteries_near"]) == [2, 0]  # an empty kind: every waste point
