"""The ``solar`` family: a local solar cadastre when given, else BD TOPO roofs × the PVGIS yield.

Without a cadastre, every building footprint of at least :data:`MIN_ROOF_M2` is a roof;
``usable_area`` = ``roof_area`` × :data:`USABLE_RATIO`, ``potential_kwp`` = ``usable_area`` ×
:data:`KWP_PER_M2`, ``potential_kwh`` = ``potential_kwp`` × the PVGIS specific yield
(kWh/kWp/yr, ``PVcalc`` at the territory centroid, 1 kWp, 14 % losses, optimal fixed mounting)
and ``irradiation`` = PVGIS ``H(i)_y`` (kWh/m²/yr on the plane of array).  With a cadastre, mapped
fields are kept and missing ones computed the same way (``potential_kwh`` from a mapped
irradiation uses the performance ratio :data:`PERFORMANCE_RATIO`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from osgeo import ogr
from shapely import wkb
from shapely.prepared import prep

from ..cache import Fetcher
from ..errors import Cancelled, EngineError
from ..provenance import Source
from .bdtopo import fetch_layer
from .gpkg import Reprojector, reproject
from .schema import BUILDINGS, SOLAR, WGS84
from .territory import Territory

SOURCE = "PVGIS"
TTL_DAYS = 365.0
#: Share of a roof that can carry panels (edges, obstacles, orientation): a planning assumption.
USABLE_RATIO = 0.6
#: Peak power per m² of panels (about 20 % efficient modules).
KWP_PER_M2 = 0.2
#: Performance ratio of a PV system when the yield comes from a cadastre's irradiation.
PERFORMANCE_RATIO = 0.8
MIN_ROOF_M2 = 10.0
MAPPABLE = (
    "roof_id",
    "building_id",
    "usage",
    "roof_area",
    "usable_area",
    "irradiation",
    "potential_kwp",
    "potential_kwh",
)


def parse_field_mapping(text: str) -> dict[str, str]:
    """``"irradiation=IRR_MOY;usable_area=SURF_UTILE"`` → ``{"irradiation": "IRR_MOY", ...}``."""
    mapping: dict[str, str] = {}
    for item in (text or "").replace(",", ";").split(";"):
        if not item.strip():
            continue
        target, separator, name = (part.strip() for part in item.partition("="))
        if not separator or not name:
            raise EngineError("Bad solar field mapping '{item}': write target=FIELD.", item=item.strip())
        if target not in MAPPABLE:
            raise EngineError(
                "Unknown solar field '{target}': use {allowed}.", target=target, allowed=", ".join(MAPPABLE)
            )
        mapping[target] = name
    return mapping


@dataclass(frozen=True)
class Yield:
    """PVGIS answer: specific yield (kWh/kWp/yr) and plane-of-array irradiation (kWh/m²/yr)."""

    kwh_per_kwp: float
    irradiation: float | None
    url: str
    retrieved: str


def pvgis_yield(fetcher: Fetcher, territory: Territory) -> Yield:
    """PVGIS ``PVcalc`` for 1 kWp at the territory centroid."""
    centre = reproject(territory.outline().centroid, territory.crs, WGS84)
    url = fetcher.url(SOURCE, "PVcalc")
    params = {
        "lat": f"{centre.y:.4f}",
        "lon": f"{centre.x:.4f}",
        "peakpower": "1",
        "loss": "14",
        "optimalangles": "1",
        "outputformat": "json",
    }
    body, entry = fetcher.json(SOURCE, url, params, TTL_DAYS)
    try:
        fixed = body["outputs"]["totals"]["fixed"]
        specific = float(fixed["E_y"])
    except (KeyError, TypeError, ValueError) as error:
        entry.path.unlink(missing_ok=True)
        raise EngineError(
            "Unexpected answer from PVGIS ({url}): no outputs.totals.fixed.E_y.", url=url
        ) from error
    irradiation = fixed.get("H(i)_y")
    return Yield(specific, float(irradiation) if irradiation is not None else None, url, entry.retrieved_date)


def roof_values(values: dict[str, Any], area_m2: float, pv: Callable[[], Yield]) -> dict[str, Any]:
    """Complete a roof row: roof and usable area, kWp, kWh (PVGIS only when needed)."""
    row = dict(values)
    row["roof_area"] = row.get("roof_area") or round(area_m2, 1)
    row["usable_area"] = row.get("usable_area") or round(float(row["roof_area"]) * USABLE_RATIO, 1)
    row["potential_kwp"] = row.get("potential_kwp") or round(float(row["usable_area"]) * KWP_PER_M2, 2)
    if not row.get("potential_kwh"):
        if row.get("irradiation"):
            row["potential_kwh"] = round(
                float(row["potential_kwp"]) * float(row["irradiation"]) * PERFORMANCE_RATIO
            )
        else:
            answer = pv()
            row["irradiation"] = answer.irradiation
            row["potential_kwh"] = round(float(row["potential_kwp"]) * answer.kwh_per_kwp)
    return row


@dataclass
class SolarResult:
    written: int
    origin: str
    sources: list[Source]
    dropped: dict[str, int] = field(default_factory=dict)


class _LazyYield:
    """PVGIS fetched once, on first need."""

    def __init__(self, fetcher: Fetcher | None, territory: Territory) -> None:
        self.fetcher, self.territory = fetcher, territory
        self.value: Yield | None = None

    def __call__(self) -> Yield:
        if self.value is None:
            if self.fetcher is None:
                raise EngineError(
                    "The solar cadastre lacks potential_kwh and irradiation, and PVGIS is not reachable."
                )
            self.value = pvgis_yield(self.fetcher, self.territory)
        return self.value


def cadastre_path(fetcher: Fetcher | None, location: str) -> str:
    """An OGR-readable path of the cadastre: the file itself, or its cached download (zip read inside)."""
    if location.lower().startswith(("http://", "https://")):
        if fetcher is None:
            raise EngineError("No network access was configured for this run.")
        path = fetcher.entry("SOLAR_CADASTRE", location, ttl_days=90.0).path
    else:
        path = Path(location)
        if not path.exists():
            raise EngineError("The solar cadastre file does not exist: {path}", path=location)
    with open(path, "rb") as handle:
        zipped = handle.read(4) == b"PK\x03\x04"
    return f"/vsizip/{path}" if zipped and path.suffix.lower() != ".gpkg" else str(path)


def load_cadastre(
    location: str,
    mapping: dict[str, str],
    fetcher: Fetcher | None,
    territory: Territory,
    writer,
    target_crs: str,
    retrieved: str,
    cancelled: Callable[[], bool] = lambda: False,
) -> SolarResult:
    """Roofs of a local solar cadastre (any OGR vector) that touch the territory, fields mapped."""
    path = cadastre_path(fetcher, location)
    dataset = ogr.Open(path)
    if dataset is None or dataset.GetLayerCount() == 0:
        raise EngineError("The solar cadastre cannot be read as a vector layer: {path}", path=location)
    layer = dataset.GetLayer(0)
    srs = layer.GetSpatialRef()
    if srs is None:
        raise EngineError("The solar cadastre has no coordinate reference system: {path}", path=location)
    definition = layer.GetLayerDefn()
    names = [definition.GetFieldDefn(index).GetName() for index in range(definition.GetFieldCount())]
    missing = [name for name in mapping.values() if name not in names]
    if missing:
        raise EngineError(
            "The solar cadastre has no field {fields} (fields: {available}).",
            fields=", ".join(missing),
            available=", ".join(names),
        )
    source_crs = srs.ExportToWkt()
    inside = prep(reproject(territory.outline(), territory.crs, source_crs))
    to_target = Reprojector(source_crs, target_crs)
    pv = _LazyYield(fetcher, territory)
    outside = 0
    for index, feature in enumerate(layer):
        if index % 1000 == 0 and cancelled():
            raise Cancelled()
        geometry = feature.GetGeometryRef()
        shape = wkb.loads(bytes(geometry.ExportToIsoWkb())) if geometry is not None else None
        if shape is None or not inside.intersects(shape):
            outside += 1
            continue
        projected = to_target(shape)
        values = {target: feature.GetField(name) for target, name in mapping.items()}
        values.setdefault("roof_id", f"roof:{feature.GetFID()}")
        writer.add(roof_values(values, projected.area, pv), projected)
    dataset = None
    sources = [
        Source(
            layer=SOLAR.name,
            title=SOLAR.title,
            publisher="Local solar cadastre",
            url=location if "://" in location else Path(location).as_uri(),
            licence="",
            attribution="",
            vintage=retrieved[:4],
            retrieved=retrieved,
            note="Fields: " + ", ".join(f"{k}={v}" for k, v in mapping.items()),
        )
    ]
    if pv.value is not None:
        sources[0] = Source(
            **{**sources[0].__dict__, "note": sources[0].note + f"; yield from PVGIS {pv.value.url}"}
        )
    return SolarResult(
        writer.count, location, sources, {"roofs outside the territory": outside} if outside else {}
    )


def load_roofs(
    fetcher: Fetcher,
    territory: Territory,
    writer,
    target_crs: str,
    log: Callable[[str], None],
    cancelled: Callable[[], bool] = lambda: False,
) -> SolarResult:
    """Roofs from the ``buildings`` family (BD TOPO WFS, OSM fallback) × the PVGIS yield."""
    answer = pvgis_yield(fetcher, territory)
    layer = fetch_layer(fetcher, territory, BUILDINGS, target_crs, log, cancelled)
    small = 0
    for index, (building, geometry) in enumerate(layer.rows):
        if index % 1000 == 0 and cancelled():
            raise Cancelled()
        if geometry.area < MIN_ROOF_M2:
            small += 1
            continue
        values = {
            "roof_id": f"roof:{building['building_id']}",
            "building_id": building["building_id"],
            "usage": building["usage"],
        }
        writer.add(roof_values(values, geometry.area, lambda: answer), geometry)
    source = Source(
        layer=SOLAR.name,
        title=SOLAR.title,
        publisher=f"{layer.source.publisher} × European Commission JRC — PVGIS",
        url=answer.url,
        licence=f"{layer.source.licence}; PVGIS © European Union",
        attribution=f"{layer.source.attribution}; PVGIS © European Union",
        vintage=layer.source.vintage,
        retrieved=min(layer.source.retrieved, answer.retrieved),
        note=(
            f"Roofs: {layer.source.url}. Specific yield {answer.kwh_per_kwp:.0f} kWh/kWp/yr at the "
            "territory centroid; usable area = "
            f"{USABLE_RATIO:.0%} of the roof; {KWP_PER_M2} kWp/m²."
        ),
    )
    dropped = dict(layer.dropped)
    if small:
        dropped[f"roofs under {MIN_ROOF_M2:.0f} m²"] = small
    return SolarResult(writer.count, f"{layer.origin} × PVGIS", [source], dropped)
