"""The engine's long loops report progress and stop on Cancel through plain callables."""

from __future__ import annotations

import numpy as np
import pytest
from shapely.geometry import box

from territoire_numerique.engine.errors import Cancelled
from territoire_numerique.engine.indicators import CHECK_EVERY, make_grid, zone_of_points

BOUNDS = (0.0, 0.0, 10_000.0, 10_000.0)  # 100 × 100 cells of 100 m


@pytest.mark.parametrize("kind", ["square", "hexagon"])
def test_grid_reports_progress_and_stops_on_cancel(kind):
    import geopandas as gpd

    clip = gpd.GeoSeries([box(0, 0, 7_500, 10_000)])
    reports = []
    grid = make_grid(kind, BOUNDS, 100, clip_to=clip, progress=reports.append)
    assert len(grid) > 5_000
    assert reports == sorted(reports) and reports[0] == 0 and reports[-1] >= 0.8
    assert max(np.diff([0, *reports, 1])) <= 0.4  # never more than the cells or a clipping chunk
    calls = []
    with pytest.raises(Cancelled):
        make_grid(kind, BOUNDS, 100, clip_to=clip, is_cancelled=lambda: calls.append(1) or len(calls) > 2)
    assert len(calls) == 3  # stopped at the first check after Cancel


def test_points_per_zone_stop_on_cancel():
    zones = [box(x, 0, x + 10, 10) for x in range(0, 10 * 3 * CHECK_EVERY, 10)]
    xy = np.column_stack([np.arange(5, 10 * len(zones), 10.0), np.full(len(zones), 5.0)])
    reports = []
    assert (zone_of_points(xy, zones, progress=reports.append) == np.arange(len(zones))).all()
    assert reports == [0, 1 / 3, 2 / 3]
    with pytest.raises(Cancelled):
        zone_of_points(xy, zones, is_cancelled=lambda: True)
