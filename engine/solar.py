"""Rooftop solar potential: usable area, peak power, yearly energy and CO₂ avoided per roof.

kWp = usable area × panel density.  Yearly energy comes from the roof's irradiation
(kWh/m²/yr on the roof plane: kWh = kWp × irradiation × performance ratio) or, when the roof has
none, from a specific yield (kWh/kWp/yr, e.g. PVGIS, whose losses are already included:
kWh = kWp × yield).  A roof with neither keeps a NULL energy.  CO₂ avoided = kWh × grid factor.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

from .errors import EngineError
from .indicators import Points, anchor_xy, as_float, joined, zone_of_points
from .solar_options import SolarSettings
from .text import fold

# keyword (accents removed, lower case) → usage kind; first match wins
_USAGE_KEYWORDS = (
    ("industr", "industrial"),
    ("logisti", "industrial"),
    ("entrepot", "industrial"),
    ("commerc", "commercial"),
    ("service", "commercial"),
    ("tertiaire", "commercial"),
    ("bureau", "commercial"),
    ("office", "commercial"),
    ("public", "public"),
    ("administr", "public"),
    ("enseign", "public"),
    ("school", "public"),
    ("ecole", "public"),
    ("sport", "public"),
    ("sante", "public"),
    ("health", "public"),
    ("relig", "public"),
    ("mairie", "public"),
    ("resid", "residential"),
    ("habitat", "residential"),
    ("logement", "residential"),
    ("agric", "agricultural"),
    ("annex", "annex"),
)

ROOF_COLUMNS = ("usage", "roof_area", "usable_area", "irradiation")


def normalise_usage(value: object) -> str | None:
    """Usage kind (``USAGE_KINDS``) of a cadastre's usage label, English or French; None if empty."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    text = fold(value)
    if not text:
        return None
    return next((kind for keyword, kind in _USAGE_KEYWORDS if keyword in text), "other")


def roof_potential(
    roofs: pd.DataFrame, settings: SolarSettings, geometry_area: np.ndarray | None = None
) -> pd.DataFrame:
    """Potential of each roof; ``roofs`` has any of ``ROOF_COLUMNS`` (missing ones count as empty).

    Usable area: the ``usable_area`` value, else ``usable_share`` × the roof area (the
    ``roof_area`` value, else ``geometry_area``).  Returns the normalised ``usage``,
    ``roof_area``, ``usable_area``, ``irradiation``, ``potential_kwp``, ``potential_kwh``,
    ``co2_avoided_t`` (t/yr), ``yield_source`` ("irradiation", "specific_yield" or None) and
    ``kept`` (passes the minimum area and usage filters).
    """
    settings.check()
    index = roofs.index

    def column(name: str) -> pd.Series:
        return as_float(roofs[name]) if name in roofs else pd.Series(np.nan, index=index)

    usage = (
        roofs["usage"].map(normalise_usage)
        if "usage" in roofs
        else pd.Series(None, index=index, dtype=object)
    )
    roof_area = column("roof_area")
    if geometry_area is not None:
        roof_area = roof_area.fillna(pd.Series(np.asarray(geometry_area, dtype=float), index=index))
    roof_area = roof_area.where(roof_area > 0)
    usable = column("usable_area")
    usable = usable.where(usable > 0).fillna(roof_area * settings.usable_share)
    irradiation = column("irradiation")
    irradiation = irradiation.where(irradiation > 0)
    kwp = usable * settings.panel_density
    from_irradiation = kwp * irradiation * settings.performance_ratio
    if settings.specific_yield is not None:
        from_yield = kwp * settings.specific_yield
        kwh = from_irradiation.fillna(from_yield)
    else:
        kwh = from_irradiation
    source = np.full(len(kwp), None, dtype=object)
    source[(irradiation.notna() & kwp.notna()).to_numpy()] = "irradiation"
    if settings.specific_yield is not None:
        source[pd.isna(source) & kwp.notna().to_numpy()] = "specific_yield"
    kept = usable.fillna(0.0).ge(settings.min_area) & usable.notna()
    if settings.usages is not None:
        kept &= usage.isin(settings.usages)
    return pd.DataFrame(
        {
            "usage": usage,
            "roof_area": roof_area.round(1),
            "usable_area": usable.round(1),
            "irradiation": irradiation,
            "potential_kwp": kwp.round(2),
            "potential_kwh": kwh.round(0),
            "co2_avoided_t": (kwh * settings.grid_factor / 1e6).round(3),
            "yield_source": pd.Series(source, index=index, dtype=object),
            "kept": kept,
        },
        index=index,
    )


def rank_roofs(potential: pd.DataFrame) -> pd.Series:
    """Rank 1, 2, ... by yearly energy then peak power (roofs without energy after the others)."""
    order = potential.sort_values(
        ["potential_kwh", "potential_kwp"], ascending=False, na_position="last", kind="mergesort"
    ).index
    return pd.Series(np.arange(1, len(order) + 1, dtype=np.int64), index=order).reindex(potential.index)


SUM_COLUMNS = ("usable_area", "potential_kwp", "potential_kwh", "co2_avoided_t")


def _sums(groups: np.ndarray, potential: pd.DataFrame, size: int) -> dict[str, np.ndarray]:
    inside = groups >= 0
    result: dict[str, np.ndarray] = {"roofs": np.bincount(groups[inside], minlength=size).astype(np.int64)}
    for name in SUM_COLUMNS:
        values = potential[name].to_numpy(dtype=float)[inside]
        result[name] = np.bincount(groups[inside], weights=np.nan_to_num(values), minlength=size).round(2)
    missing = potential["potential_kwh"].isna().to_numpy()[inside]
    result["roofs_without_yield"] = np.bincount(groups[inside], weights=missing, minlength=size).astype(
        np.int64
    )
    return result


def totals_by_zone(roofs: Points, potential: pd.DataFrame, zones: gpd.GeoSeries) -> pd.DataFrame:
    """Per zone: roofs, usable_area, potential_kwp, potential_kwh, co2_avoided_t and
    roofs_without_yield (energy unknown, not counted in the kWh total)."""
    return pd.DataFrame(_sums(zone_of_points(roofs, zones), potential, len(zones)), index=zones.index)


def site_shares(
    roofs: Points, potential: pd.DataFrame, sites: gpd.GeoSeries, radius_m: float
) -> pd.DataFrame:
    """Roof potential of each site and its share (%) of the yearly energy of all the roofs given.

    A roof belongs to the polygonal site that holds it, else to the nearest point site within
    ``radius_m`` (industrial sites are often points), so no roof counts for two sites.
    """
    if radius_m < 0:
        raise EngineError("The site radius cannot be negative (got {value} m).", value=radius_m)
    roof_xy = anchor_xy(roofs)
    owner = np.full(len(roof_xy), -1, dtype=np.int64)
    polygonal = sites.geom_type.isin(["Polygon", "MultiPolygon"]).to_numpy()
    if polygonal.any():
        inside = zone_of_points(roof_xy, sites[polygonal])
        owner[inside >= 0] = np.flatnonzero(polygonal)[inside[inside >= 0]]
    point_sites = np.flatnonzero(sites.geom_type.eq("Point").to_numpy())
    if len(point_sites) and len(roof_xy):
        site_xy = anchor_xy(sites.iloc[point_sites])
        open_roofs = np.flatnonzero((owner < 0) & np.isfinite(roof_xy).all(axis=1))
        if len(open_roofs):
            distance, nearest = cKDTree(site_xy).query(roof_xy[open_roofs], distance_upper_bound=radius_m)
            close = np.isfinite(distance)
            owner[open_roofs[close]] = point_sites[nearest[close]]
    result = pd.DataFrame(_sums(owner, potential, len(sites)), index=sites.index)
    total = np.nansum(potential["potential_kwh"].to_numpy(dtype=float))
    result["share_pct"] = np.round(100.0 * result["potential_kwh"] / total, 2) if total > 0 else np.nan
    return result


@dataclass
class SolarPotential:
    """The kept roofs in rank order (index: their row in the roofs given; ``ROOF_OUTPUT_COLUMNS``),
    the totals per zone and per site (their attributes then the totals; None without them)."""

    roofs: pd.DataFrame
    read: int
    zones: gpd.GeoDataFrame | None = None
    sites: gpd.GeoDataFrame | None = None

    def summary(self) -> dict[str, object]:
        roofs = self.roofs
        return {
            "kept": len(roofs),
            "read": self.read,
            "mwh": round(float(np.nansum(roofs["potential_kwh"])) / 1000.0, 1),
            "kwp": round(float(roofs["potential_kwp"].sum()), 1),
            "co2": round(float(np.nansum(roofs["co2_avoided_t"])), 1),
            "unknown": int(roofs["potential_kwh"].isna().sum()),
        }


def solar_potential(
    roofs: pd.DataFrame,
    settings: SolarSettings,
    geometry_area: np.ndarray | None = None,
    zones: gpd.GeoDataFrame | None = None,
    sites: gpd.GeoDataFrame | None = None,
) -> SolarPotential:
    """Potential of each roof (``roofs``: ``x``, ``y`` anchors and any of ``ROOF_COLUMNS``,
    ``roof_id``, ``building_id``), the kept ones ranked; totals per zone and per site.

    Roofs without ``roof_id`` are numbered 1, 2, ... in the order given.
    """
    potential = roof_potential(roofs, settings, geometry_area)
    kept = potential["kept"].to_numpy()
    potential = potential[kept].drop(columns="kept")
    xy = roofs[["x", "y"]].to_numpy(dtype=float)[kept]
    potential["rank"] = rank_roofs(potential)
    potential["roof_id"] = (
        roofs.loc[kept, "roof_id"] if "roof_id" in roofs else (np.flatnonzero(kept) + 1).astype(str)
    )
    potential["building_id"] = roofs.loc[kept, "building_id"] if "building_id" in roofs else None
    result = SolarPotential(potential.sort_values("rank"), len(roofs))
    if zones is not None:
        result.zones = joined(zones, totals_by_zone(xy, potential, zones.geometry))
    if sites is not None:
        result.sites = joined(sites, site_shares(xy, potential, sites.geometry, settings.site_radius))
    return result
