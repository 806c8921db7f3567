"""Fibre (FTTH) coverage per zone and fibre access of sites, from per-building eligibility points.

Premises are counted per building (ARCEP "Ma connexion internet": one point per building with its
number of premises, its best technology and best download class).  A zone's FTTH rate is
premises with FTTH / premises, NULL (NaN) for a zone without premises: "no data", not 0 %.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd

from .errors import EngineError
from .fibre_options import FibreOptions
from .indicators import (
    Points,
    Progress,
    anchor_xy,
    as_bool,
    as_float,
    joined,
    make_grid,
    nearest_to_geometries,
    no_progress,
    not_cancelled,
    points_bounds,
    rate_pct,
    zone_of_points,
)

#: Très haut débit (very high speed) in France: at least 30 Mbit/s download.
THD_MBPS = 30.0
#: Technologies that give very high speed when the download class is unknown.
THD_TECHNOLOGIES = frozenset({"FO", "COAX", "THDR"})

@dataclass
class FibreCoverage:
    """The zones (their attributes, or ``zone_id`` for a grid, then ``ZONE_COLUMNS``) and the
    sites (their attributes then ``SITE_COLUMNS``; None without sites)."""

    zones: gpd.GeoDataFrame
    sites: gpd.GeoDataFrame | None = None

    def summary(self) -> dict[str, object]:
        """Premises, premises with FTTH, zones below the target, zones without premises."""
        zones = self.zones
        return {
            "total": int(zones["premises"].sum()),
            "ftth": int(zones["premises_ftth"].sum()),
            "flagged": int(zones["below_target"].eq(True).sum()),
            "empty": int(zones["ftth_rate"].isna().sum()),
            "target": float(zones["target"].iloc[0]) if len(zones) else np.nan,
        }


_SPEED = re.compile(r"(\d+(?:[.,]\d+)?)\s*([GM])?", re.IGNORECASE)


def down_class_floor_mbps(label: object) -> float:
    """Lower bound in Mbit/s of a download class such as "1G+", "100M-1G", "30-100M", "<8M".

    A class below its first figure ("<8M") has floor 0; NaN when the label is empty or unreadable.
    """
    if label is None or (isinstance(label, float) and np.isnan(label)):
        return np.nan
    text = str(label).strip()
    if not text:
        return np.nan
    if text.startswith(("<", "≤")):
        return 0.0
    figures = _SPEED.findall(text)
    if not figures:
        return np.nan
    # the unit of "30-100M" is written once, after the last figure
    units = [unit.upper() for _, unit in figures if unit]
    default_unit = units[-1] if units else "M"
    value, unit = figures[0]
    return float(value.replace(",", ".")) * (1000.0 if (unit.upper() or default_unit) == "G" else 1.0)


def normalise_premises(
    frame: pd.DataFrame,
    premises: str | None = "premises",
    ftth: str = "ftth",
    down_class: str | None = "best_down_class",
    techno: str | None = "best_techno",
) -> pd.DataFrame:
    """Columns ``premises`` (int ≥ 0), ``ftth`` (bool) and ``thd`` (bool) from a building table.

    An empty premises count counts as one premise (the building is there); very high speed
    (≥ 30 Mbit/s) comes from the download class, or from FTTH / the technology when the class is
    unknown.
    """
    if ftth not in frame:
        raise EngineError("The fibre layer has no field {field} (FTTH eligibility).", field=ftth)
    if premises and premises in frame:
        count = as_float(frame[premises]).fillna(1.0).clip(lower=0.0).round().astype(np.int64)
    else:
        count = pd.Series(1, index=frame.index, dtype=np.int64)
    has_ftth = as_bool(frame[ftth])
    floor = (
        frame[down_class].map(down_class_floor_mbps)
        if down_class and down_class in frame
        else pd.Series(np.nan, index=frame.index)
    )
    by_techno = (
        frame[techno].astype("string").str.strip().str.upper().isin(THD_TECHNOLOGIES).fillna(False)
        if techno and techno in frame
        else pd.Series(False, index=frame.index)
    )
    thd = has_ftth | np.where(floor.notna(), floor >= THD_MBPS, by_techno.to_numpy(dtype=bool))
    return pd.DataFrame({"premises": count, "ftth": has_ftth, "thd": thd.astype(bool)}, index=frame.index)


def coverage_by_zone(
    buildings: Points,
    premises: pd.DataFrame,
    zones: gpd.GeoSeries,
    target_pct: float,
    progress: Progress = no_progress,
    is_cancelled: Callable[[], bool] = not_cancelled,
) -> pd.DataFrame:
    """Per zone (rows aligned with ``zones``): premises, premises_ftth, ftth_rate (%, NaN without
    premises), premises_no_thd (no ≥ 30 Mbit/s option) and below_target (None without premises).
    Raises Cancelled as soon as ``is_cancelled()``.
    """
    if not 0 <= target_pct <= 100:
        raise EngineError(
            "The FTTH target must be a percentage between 0 and 100 (got {value}).", value=target_pct
        )
    zone = zone_of_points(buildings, zones, progress, is_cancelled)
    inside = zone >= 0
    size = len(zones)
    count = premises["premises"].to_numpy()
    total = np.bincount(zone[inside], weights=count[inside], minlength=size)
    with_ftth = np.bincount(
        zone[inside], weights=(count * premises["ftth"].to_numpy())[inside], minlength=size
    )
    no_thd = np.bincount(zone[inside], weights=(count * ~premises["thd"].to_numpy())[inside], minlength=size)
    rate = rate_pct(with_ftth, total)
    below = pd.Series([None if np.isnan(r) else bool(r < target_pct) for r in rate], dtype=object)
    return pd.DataFrame(
        {
            "premises": total.astype(np.int64),
            "premises_ftth": with_ftth.astype(np.int64),
            "ftth_rate": np.round(rate, 2),
            "premises_no_thd": no_thd.astype(np.int64),
            "below_target": below,
        },
        index=zones.index,
    )


def site_access(
    sites: gpd.GeoSeries,
    buildings: Points,
    eligible: np.ndarray,
    building_ids: pd.Series | None,
    at_site_m: float,
) -> pd.DataFrame:
    """Per site: distance (m) to the nearest FTTH-eligible building, that building's id, and
    ``fibre_at_site`` (an eligible building inside the site or within ``at_site_m``).

    Without any eligible building the distance is NULL and fibre_at_site False.
    """
    if at_site_m < 0:
        raise EngineError(
            "The distance for fibre at a site cannot be negative (got {value} m).", value=at_site_m
        )
    eligible = np.asarray(eligible, dtype=bool)
    xy = anchor_xy(buildings)[eligible]
    finite = np.isfinite(xy).all(axis=1)
    xy = xy[finite]
    ids = (
        building_ids.to_numpy()[eligible][finite]
        if building_ids is not None
        else np.flatnonzero(eligible)[finite]
    )
    distance, row = nearest_to_geometries(list(sites.values), xy)
    return pd.DataFrame(
        {
            "fibre_at_site": np.nan_to_num(distance, nan=np.inf) <= at_site_m,
            "nearest_ftth_m": np.round(distance, 1),
            "nearest_ftth_id": [ids[r] if r >= 0 else None for r in row],
        },
        index=sites.index,
    )


def fibre_coverage(
    buildings: pd.DataFrame,
    zones: gpd.GeoDataFrame | None,
    sites: gpd.GeoDataFrame | None,
    options: FibreOptions,
    progress: Progress = no_progress,
    is_cancelled: Callable[[], bool] = not_cancelled,
) -> FibreCoverage:
    """FTTH coverage per zone of ``zones`` (``options.zone_kind`` "layer") or per cell of a square
    or hexagon grid over the zones (clipped to them) or over the buildings; fibre at the sites.

    ``buildings``: ``x``, ``y`` anchor coordinates and any of ``BUILDING_COLUMNS`` (``ftth``
    required).  ``progress`` goes from 0 to 1; raises Cancelled as soon as ``is_cancelled()``.
    """
    if options.zone_kind == "layer" and zones is None:
        raise EngineError("Give a zones layer, or choose a square or hexagon grid.")
    premises = normalise_premises(
        buildings,
        premises="premises" if "premises" in buildings else None,
        down_class="best_down_class" if "best_down_class" in buildings else None,
        techno="best_techno" if "best_techno" in buildings else None,
    )
    xy = buildings[["x", "y"]].to_numpy(dtype=float)
    if options.zone_kind == "layer":
        assert zones is not None
        table = zones
    else:
        table = make_grid(
            options.zone_kind,
            zones.total_bounds if zones is not None else points_bounds(xy),
            options.cell_size,
            crs=zones.crs if zones is not None else None,
            clip_to=zones.geometry if zones is not None else None,
            progress=lambda fraction: progress(0.5 * fraction),
            is_cancelled=is_cancelled,
        )
    coverage = coverage_by_zone(
        xy,
        premises,
        table.geometry,
        options.target,
        progress=lambda fraction: progress(0.5 + 0.5 * fraction),
        is_cancelled=is_cancelled,
    )
    coverage["target"] = options.target
    result = FibreCoverage(joined(table, coverage))
    if sites is not None:
        access = site_access(
            sites.geometry,
            xy,
            premises["ftth"].to_numpy(),
            buildings.get("building_id"),
            options.site_distance,
        )
        result.sites = joined(sites, access)
    progress(1.0)
    return result

