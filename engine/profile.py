"""Profile of each commune (or EPCI): key figures side by side with the territory's median.

Every indicator is NULL (NaN) when its input layer is not given, so a missing layer never reads
as "none here".
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
from scipy.spatial import cKDTree
from shapely.geometry import MultiPolygon

from .errors import EngineError, EngineWarning
from .fibre import normalise_premises
from .indicator_names import INDICATORS
from .indicators import Points, anchor_xy, as_float, rate_pct, zone_of_points
from .profile_options import ProfileOptions
from .shapely_compat import union_all
from .text import fold

#: Indicators of a profile, in output order; each also gets ``<name>_median``.


@dataclass
class ProfileLayers:
    """Inputs of a profile, all in the zones' CRS; leave a layer None when it is not available.

    Point tables are GeoDataFrames, or DataFrames with ``x`` and ``y`` columns (anchor
    coordinates, the fast path).  ``fibre``: buildings with ``premises`` and ``ftth`` (as made
    by fibre.normalise_premises);
    ``sites``: industrial sites with ``seveso`` (True, False or None when unknown);
    ``waste``: declared waste with ``tonnes``; ``decheteries``: déchèterie points;
    ``solar``: roofs with ``potential_kwh``; ``wifi`` and ``ports``: polygons.
    """

    fibre: pd.DataFrame | None = None
    sites: pd.DataFrame | None = None
    waste: pd.DataFrame | None = None
    decheteries: Points | None = None
    solar: pd.DataFrame | None = None
    wifi: gpd.GeoSeries | None = None
    ports: gpd.GeoSeries | None = None


_SEVESO_NO = ("non", "no", "false", "0", "aucun", "none")


def seveso_status(value: object) -> bool | None:
    """True for a Seveso site (upper or lower tier), False for "Non Seveso", None when unknown."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    text = str(value).strip().lower()
    if not text:
        return None
    if text.startswith(_SEVESO_NO) or text in ("n", "f"):
        return False
    if (
        "seuil" in text
        or "seveso" in text
        or text
        in (
            "sh",
            "sb",
            "haut",
            "bas",
            "high",
            "low",
            "upper",
            "lower",
            "true",
            "yes",
            "oui",
            "1",
            "t",
            "y",
            "o",
        )
    ):
        return True
    return None


def dissolve_zones(zones: gpd.GeoDataFrame, by: str, population: str | None) -> gpd.GeoDataFrame:
    """Zones merged by the value of ``by`` (e.g. communes into EPCIs), population summed."""
    if by not in zones:
        raise EngineError("The zones have no field {field} to group by.", field=by)
    keys = zones[by].astype("string").fillna("")
    merged = gpd.GeoDataFrame(
        {"zone_id": keys.unique()},
        geometry=[union_all(zones.geometry[keys == key]) for key in keys.unique()],
        crs=zones.crs,
    )
    merged["name"] = merged["zone_id"]
    if population and population in zones:
        merged["population"] = [
            as_float(zones.loc[keys == key, population]).sum(min_count=1) for key in merged["zone_id"]
        ]
    return merged


def _xy(table: pd.DataFrame) -> np.ndarray:
    """Anchor coordinates of a point table: its x and y columns, else its geometries."""
    if "x" in table and "y" in table:
        return table[["x", "y"]].to_numpy(dtype=float)
    return anchor_xy(table.geometry)


def _sum_by_zone(points: Points, weights: np.ndarray, zones: gpd.GeoSeries) -> np.ndarray:
    zone = zone_of_points(points, zones)
    inside = zone >= 0
    return np.bincount(zone[inside], weights=np.nan_to_num(weights[inside]), minlength=len(zones))


def _covered_share(zones: gpd.GeoSeries, cover: gpd.GeoSeries) -> np.ndarray:
    """Share (%) of each zone's area inside the union of ``cover`` (overlaps counted once)."""
    union = union_all(cover) if len(cover) else None
    return np.array(
        [
            100.0 * zone.intersection(union).area / zone.area if union is not None and zone.area > 0 else 0.0
            for zone in zones
        ]
    )


def _covered_area(zones: gpd.GeoSeries, cover: gpd.GeoSeries) -> np.ndarray:
    union = union_all(cover) if len(cover) else None
    return np.array([zone.intersection(union).area if union is not None else 0.0 for zone in zones])


def territory_profile(
    zones: gpd.GeoDataFrame,
    layers: ProfileLayers,
    population: str | None = "population",
    decheterie_distance_m: float = 10_000.0,
) -> pd.DataFrame:
    """One row per zone (aligned with ``zones``) with the ``INDICATORS`` and their medians.

    Units: area km², density inhabitants/km², FTTH rate % of premises, waste t/yr, solar
    potential MWh/yr, Wi-Fi share % of the area, port area ha.  ``decheteries_near`` counts
    the déchèteries within ``decheterie_distance_m`` of the zone's centroid.
    """
    if decheterie_distance_m < 0:
        raise EngineError(
            "The déchèterie distance cannot be negative (got {value} m).", value=decheterie_distance_m
        )
    geometries = zones.geometry
    size = len(zones)
    empty = np.full(size, np.nan)
    area_km2 = geometries.area.to_numpy() / 1e6
    people = (
        as_float(zones[population]).to_numpy(dtype=float)
        if population and population in zones
        else empty.copy()
    )
    frame = pd.DataFrame(index=zones.index)
    frame["population"] = people
    frame["area_km2"] = area_km2.round(3)
    density = np.full(size, np.nan)
    np.divide(people, area_km2, out=density, where=area_km2 > 0)
    frame["density"] = density.round(1)
    frame["ftth_rate"] = empty
    frame["premises"] = empty
    if layers.fibre is not None:
        fibre_xy = _xy(layers.fibre)
        premises = _sum_by_zone(fibre_xy, layers.fibre["premises"].to_numpy(dtype=float), geometries)
        ftth = _sum_by_zone(
            fibre_xy,
            (layers.fibre["premises"] * layers.fibre["ftth"].astype(bool)).to_numpy(dtype=float),
            geometries,
        )
        frame["premises"] = premises
        frame["ftth_rate"] = rate_pct(ftth, premises).round(2)
    frame["icpe_count"] = empty
    frame["seveso_count"] = empty
    if layers.sites is not None:
        frame["icpe_count"] = _sum_by_zone(_xy(layers.sites), np.ones(len(layers.sites)), geometries)
        status = layers.sites["seveso"] if "seveso" in layers.sites else pd.Series([None] * len(layers.sites))
        known = status.notna().to_numpy()
        if known.any():
            frame["seveso_count"] = _sum_by_zone(
                _xy(layers.sites)[known], status[known].astype(bool).to_numpy(dtype=float), geometries
            )
    frame["waste_t"] = empty
    if layers.waste is not None:
        tonnes = as_float(layers.waste["tonnes"]).to_numpy(dtype=float)
        frame["waste_t"] = _sum_by_zone(_xy(layers.waste), tonnes, geometries).round(1)
    frame["decheteries_near"] = empty
    if layers.decheteries is not None:
        counts = np.zeros(size)
        xy = anchor_xy(layers.decheteries)
        xy = xy[np.isfinite(xy).all(axis=1)]
        if len(xy):
            centres = np.array([(c.x, c.y) for c in geometries.centroid])
            counts = np.array(
                [len(hits) for hits in cKDTree(xy).query_ball_point(centres, decheterie_distance_m)]
            )
        frame["decheteries_near"] = counts
    frame["solar_mwh"] = empty
    if layers.solar is not None:
        kwh = as_float(layers.solar["potential_kwh"]).to_numpy(dtype=float)
        frame["solar_mwh"] = (_sum_by_zone(_xy(layers.solar), kwh, geometries) / 1000.0).round(1)
    frame["wifi_share"] = empty if layers.wifi is None else _covered_share(geometries, layers.wifi).round(2)
    frame["port_area_ha"] = (
        empty if layers.ports is None else (_covered_area(geometries, layers.ports) / 1e4).round(2)
    )
    return add_medians(frame, INDICATORS)


def add_medians(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    """Add ``<column>_median``: the median over the rows that have a value (NULL if none has)."""
    for name in columns:
        values = frame[name].to_numpy(dtype=float)
        frame[f"{name}_median"] = (
            float(np.median(values[~np.isnan(values)])) if (~np.isnan(values)).any() else np.nan
        )
    return frame


@dataclass
class Profile:
    """One row per zone: ``zone_id``, ``name``, the ``INDICATORS`` and their medians, a
    MultiPolygon geometry; with the warnings of the run (an input that lacks a field)."""

    zones: gpd.GeoDataFrame
    warnings: list[EngineWarning]


def profile_of_zones(zones: gpd.GeoDataFrame, layers: ProfileLayers, options: ProfileOptions) -> Profile:
    """The profile of ``zones`` (any of ``zone_id``, ``name``, ``population``, ``group``: the
    communes are merged by ``group`` when it is there) from the layers as read: ``fibre`` with
    ``ftth`` and maybe ``premises``, ``sites`` maybe with ``seveso`` as written, ``decheteries``
    every waste point maybe with its ``kind``; the others as :class:`ProfileLayers` says."""
    warnings = []
    fibre = layers.fibre
    if fibre is not None:
        counts = normalise_premises(
            fibre, premises="premises" if "premises" in fibre else None, down_class=None, techno=None
        )
        fibre = counts.assign(x=fibre["x"], y=fibre["y"])
    sites = layers.sites
    if sites is not None and "seveso" in sites:
        sites = sites.assign(seveso=sites["seveso"].map(seveso_status).astype(object))
    elif sites is not None:
        warnings.append(EngineWarning("The industrial sites have no Seveso field: Seveso count is NULL."))
    points = layers.decheteries
    wanted = fold(options.decheterie_kind or "")
    if isinstance(points, pd.DataFrame) and wanted and "kind" in points:
        points = points[points["kind"].map(lambda value: value is not None and fold(value) == wanted)]
    elif points is not None and wanted:
        warnings.append(EngineWarning("The waste points have no kind field: every point counts."))
    if isinstance(points, pd.DataFrame):
        points = _xy(points)
    if "group" in zones:
        zones = dissolve_zones(zones, "group", "population" if "population" in zones else None)
    profile = territory_profile(
        zones,
        ProfileLayers(fibre, sites, layers.waste, points, layers.solar, layers.wifi, layers.ports),
        population="population" if "population" in zones else None,
        decheterie_distance_m=options.decheterie_distance,
    )
    ids = zones["zone_id"] if "zone_id" in zones else range(1, len(zones) + 1)
    profile.insert(0, "zone_id", [None if value is None else str(value) for value in ids])
    profile.insert(1, "name", list(zones["name"]) if "name" in zones else None)
    geometries = [
        MultiPolygon([shape]) if shape is not None and shape.geom_type == "Polygon" else shape
        for shape in zones.geometry
    ]
    return Profile(gpd.GeoDataFrame(profile, geometry=geometries, crs=zones.crs), warnings)
