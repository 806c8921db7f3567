"""The ``port_zones`` family: OSM port land use (Overpass), or the user's file of official limits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from osgeo import ogr
from shapely import wkb
from shapely.prepared import prep

from ..cache import Fetcher
from ..errors import Cancelled, EngineError
from ..provenance import Source
from . import overpass
from .gpkg import TableWriter, reproject
from .schema import PORT_ZONES, WGS84
from .territory import Territory

OSM_SELECTORS = (
    'way["landuse"="industrial"]["industrial"="port"]',
    'relation["landuse"="industrial"]["industrial"="port"]',
    'way["landuse"="harbour"]',
    'relation["landuse"="harbour"]',
    'way["harbour"="yes"]',
    'relation["harbour"="yes"]',
)
NAME_FIELDS = ("name", "nom", "libelle", "label", "zone")
KIND_FIELDS = ("kind", "type", "nature", "categorie")


def osm_kind(tags: dict[str, str]) -> str:
    """``port`` (industrial port land use) or ``harbour``."""
    return "port" if tags.get("industrial") == "port" else "harbour"


@dataclass
class PortResult:
    written: int
    not_areas: int
    source: Source


def load_osm_port_zones(
    fetcher: Fetcher, territory: Territory, destination: Path, target_crs: str, cancelled: Callable[[], bool]
) -> PortResult:
    """Ways and relations tagged as port or harbour, as polygons (``out geom``)."""
    elements, entry = overpass.elements(fetcher, overpass.query(territory.codes, OSM_SELECTORS, "out geom;"))
    not_areas = 0
    with TableWriter(destination, PORT_ZONES, target_crs, WGS84) as writer:
        for index, element in enumerate(elements):
            if index % 200 == 0 and cancelled():
                raise Cancelled()
            area = overpass.area_of(element)
            if area is None:
                not_areas += 1
                continue
            tags = element.get("tags") or {}
            values = {
                "zone_id": overpass.element_id(element),
                "name": tags.get("name"),
                "kind": osm_kind(tags),
            }
            writer.add(values, area)
        written = writer.count
    source = overpass.source(
        PORT_ZONES.name, PORT_ZONES.title, fetcher.url(overpass.SOURCE), entry.retrieved_date
    )
    return PortResult(written, not_areas, source)


def _field(names: list[str], candidates: tuple[str, ...]) -> str | None:
    lowered = {name.lower(): name for name in names}
    return next((lowered[candidate] for candidate in candidates if candidate in lowered), None)


def load_port_zones_file(
    path: str | Path, territory: Territory, destination: Path, target_crs: str, retrieved: str
) -> PortResult:
    """Polygons of the user's file (any OGR vector format) that touch the territory."""
    dataset = ogr.Open(str(path))
    if dataset is None or dataset.GetLayerCount() == 0:
        raise EngineError("The port zones file cannot be read as a vector layer: {path}", path=str(path))
    layer = dataset.GetLayer(0)
    srs = layer.GetSpatialRef()
    if srs is None:
        raise EngineError("The port zones file has no coordinate reference system: {path}", path=str(path))
    source_crs = srs.ExportToWkt()
    outline = prep(reproject(territory.outline(), territory.crs, source_crs))
    definition = layer.GetLayerDefn()
    names = [definition.GetFieldDefn(index).GetName() for index in range(definition.GetFieldCount())]
    name_field, kind_field = _field(names, NAME_FIELDS), _field(names, KIND_FIELDS)
    outside = 0
    with TableWriter(destination, PORT_ZONES, target_crs, source_crs) as writer:
        for feature in layer:
            geometry = feature.GetGeometryRef()
            if geometry is None:
                outside += 1
                continue
            shape = wkb.loads(bytes(geometry.ExportToIsoWkb()))
            if not outline.intersects(shape):
                outside += 1
                continue
            writer.add(
                {
                    "zone_id": f"file:{feature.GetFID()}",
                    "name": feature.GetField(name_field) if name_field else None,
                    "kind": (feature.GetField(kind_field) if kind_field else None) or "official_limit",
                },
                shape.buffer(0),
            )
        written = writer.count
    dataset = None
    source = Source(
        layer=PORT_ZONES.name,
        title=PORT_ZONES.title,
        publisher="User file of official port limits",
        url=Path(path).as_uri(),
        licence="",
        attribution="",
        vintage=retrieved[:4],
        retrieved=retrieved,
        note=f"From {Path(path).name}",
    )
    return PortResult(written, outside, source)
