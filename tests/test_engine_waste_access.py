"""Access to waste drop-off points: nearest facility, share per commune, underserved areas."""

from __future__ import annotations

import numpy as np
import pytest
from shapely.geometry import box

from territoire_numerique.engine.errors import EngineError
from territoire_numerique.engine.road_network import RoadNetwork
from territoire_numerique.engine.waste_access import (
    nearest_facility,
    share_by_zone,
    underserved_areas,
    zone_of_points,
)

DEMAND = np.array([[0, 100], [1000, 0], [4000, 0], [4100, 0], [9000, 5000]], float)
POPULATION = np.array([10.0, 20.0, 30.0, 40.0, 5.0])
FACILITIES = np.array([[0, 0], [2000, 0]], float)


def test_straight_nearest_and_threshold() -> None:
    result = nearest_facility(DEMAND, FACILITIES, threshold_km=1.5)
    assert result.distance_km[:4] == pytest.approx([0.1, 1.0, 2.0, 2.1])
    assert result.facility.tolist()[:4] == [0, 0, 1, 1]  # a tie at 1 km goes to the first
    assert result.within.tolist() == [True, True, False, False, False]


@pytest.mark.parametrize("along_roads", [False, True])
def test_a_tie_goes_to_the_lowest_facility_index_whatever_the_order(along_roads: bool) -> None:
    """(1000, 0) is 1 km from both facilities: the first listed wins, in either order, on every stack."""
    network = RoadNetwork([np.array([[0, 0], [5000, 0]])]) if along_roads else None
    for facilities in (FACILITIES, FACILITIES[::-1], np.vstack([FACILITIES, FACILITIES])):
        result = nearest_facility(DEMAND[1:2], facilities, threshold_km=2.0, network=network)
        assert result.facility.tolist() == [0]
        assert result.distance_km[0] == pytest.approx(1.0, abs=1e-9)


def test_network_nearest_with_unreachable_demand() -> None:
    road = RoadNetwork([np.array([[0, 0], [5000, 0]])])
    result = nearest_facility(DEMAND, FACILITIES[::-1], threshold_km=2.5, network=road, snap_tolerance=200)
    assert result.distance_km[:4] == pytest.approx([0.1, 1.0, 2.0, 2.1])
    assert result.facility[[0, 2, 3, 4]].tolist() == [1, 0, 0, -1]  # (1000, 0) is a tie
    assert np.isnan(result.distance_km[4]) and not result.within[4]
    assert result.snap_m[:4] == pytest.approx([100, 0, 0, 0]) and np.isnan(result.snap_m[4])


def test_share_by_commune_and_points_outside() -> None:
    communes = [box(-500, -500, 1500, 500), box(1500, -500, 5000, 500), box(20000, 0, 21000, 1000)]
    zone = zone_of_points(DEMAND, communes)
    assert zone.tolist() == [0, 0, 1, 1, -1]
    within = np.array([True, True, False, True, False])
    shares = share_by_zone(zone, POPULATION, within, len(communes))
    assert shares["population"].tolist() == [30.0, 70.0, 0.0]
    assert shares["served_pop"].tolist() == [30.0, 40.0, 0.0]
    assert shares["share_served"][:2] == pytest.approx([100.0, 100 * 40 / 70]) and np.isnan(
        shares["share_served"][2]
    )


def test_underserved_areas_merge_close_points() -> None:
    result = nearest_facility(DEMAND, FACILITIES, threshold_km=1.5)
    areas = underserved_areas(DEMAND, POPULATION, result.distance_km, result.within, radius=200)
    assert [a[1]["population"] for a in areas] == [70.0, 5.0]  # (4000,0)+(4100,0) merged; the far one
    assert [a[1]["features"] for a in areas] == [2, 1]
    assert areas[0][0].contains(box(3990, -10, 4110, 10))
    assert areas[0][1]["mean_km"] == pytest.approx(2.05)


def test_no_facility_is_an_error() -> None:
    with pytest.raises(EngineError, match="no facility"):
        nearest_facility(DEMAND, np.empty((0, 2)), 1.0)


def test_run_keeps_the_kinds_asked_and_numbers_each_output() -> None:
    from territoire_numerique.engine.waste_access import Options, run_waste_access

    demand = np.vstack([DEMAND, [[np.nan, np.nan]]])  # the last feature has no geometry
    weight = np.append(POPULATION, 7.0)
    facilities = np.array([[0, 0], [4000, 0], [2000, 0], [np.nan, np.nan]], float)
    kinds = ["Decheterie", "container", "decheterie", "decheterie"]
    communes = [box(-500, -500, 1500, 500), box(1500, -500, 5000, 500)]
    options = Options(kinds="decheterie, ", threshold=1500.0)
    run = run_waste_access(demand, weight, facilities, options, ["D1", "C1", "D2", "X"], kinds, communes)
    # the container is left out: the buildings at 4 and 4.1 km are 2 and 2.1 km from D2
    assert run.access.distance_km[:4] == pytest.approx([0.1, 1.0, 2.0, 2.1])
    assert np.isnan(run.access.distance_km[-1]) and not run.access.within[-1]
    assert run.facility_id[:4] == ["D1", "D1", "D2", "D2"] and run.facility_id[-1] is None
    assert run.shares["share_served"].tolist() == pytest.approx([100.0, 0.0])
    assert (run.population, run.served) == (112.0, 30.0)
    assert sum(values["population"] for _, values in run.areas) == pytest.approx(30 + 40 + 5)
    unnamed = run_waste_access(demand, weight, facilities, Options(), facility_kinds=kinds)
    assert unnamed.facility_id[:3] == ["1", "1", "2"]  # numbered after the features without a point
    with pytest.raises(EngineError, match="KIND_FIELD"):
        run_waste_access(demand, weight, facilities, options)
