"""The normalised schema of every open-data family (the tables `load_open_data` writes).

The same schema as the bundled sample GeoPackage (DEVELOPERS.md); documented in docs/schema.md.
Field types are ``str``, ``int``, ``float`` and ``bool``.
"""

from __future__ import annotations

from dataclasses import dataclass

LAMBERT_93 = "EPSG:2154"
WGS84 = "EPSG:4326"


@dataclass(frozen=True)
class Table:
    """One GeoPackage table: name, geometry type (``None`` for attributes only) and fields."""

    name: str
    geometry: str | None
    fields: tuple[tuple[str, str], ...]
    title: str

    @property
    def field_names(self) -> list[str]:
        return [name for name, _ in self.fields]


@dataclass(frozen=True)
class Family:
    """A family the user ticks in LAYERS: its main table and any companion tables."""

    name: str
    tables: tuple[Table, ...]
    raster: bool = False

    @property
    def main(self) -> Table:
        return self.tables[0]

    @property
    def table_names(self) -> list[str]:
        return [table.name for table in self.tables]


def _table(name: str, geometry: str | None, title: str, spec: str) -> Table:
    """Build a table from ``"field:type, field:type"`` (type defaults to ``str``)."""
    fields = []
    for item in spec.split(","):
        field, _, kind = item.strip().partition(":")
        fields.append((field, kind or "str"))
    return Table(name, geometry, tuple(fields), title)


COMMUNES = _table("communes", "MultiPolygon", "Communes", "code_insee, name, epci, population:int")
INDUSTRIAL_SITES = _table(
    "industrial_sites",
    "Point",
    "Sites industriels",
    "site_id, name, siret, code_insee, commune, naf, naf_label, eprtr_activity, regime, seveso, ied, "
    "status, geocode_source, geocode_quality:float, raw_x, raw_y, raw_crs, irep_id, icpe_rubriques, "
    "icpe_classified:bool",
)
INDUSTRIAL_WASTE = _table(
    "industrial_waste",
    "Point",
    "Déchets industriels (IREP)",
    "site_id, site_name, waste_code, hazardous:bool, tonnes:float, operation, destination, year:int",
)
#: Rows of the IREP files that could not be placed in or near the territory.
INDUSTRIAL_WASTE_UNPLACED = _table(
    "industrial_waste_unplaced",
    None,
    "Déchets industriels non localisés",
    "site_id, site_name, siret, commune, raw_x, raw_y, reason, rows:int",
)
WASTE_FACILITIES = _table(
    "waste_facilities",
    "Point",
    "Installations de traitement des déchets",
    "facility_id, name, kind, accepts, capacity_t:float, hazardous_ok:bool, operation",
)
WASTE_POINTS = _table(
    "waste_points",
    "Point",
    "Points de collecte des déchets",
    "point_id, name, kind, streams, operator, opening_hours, code_insee",
)
BUILDINGS = _table(
    "buildings",
    "Polygon",
    "Bâtiments",
    "building_id, code_insee, usage, height:float, dwellings:int, population:float, floor_area:float",
)
FIBRE = _table(
    "fibre",
    "Point",
    "Fibre optique par immeuble",
    "building_id, code_insee, premises:int, best_techno, ftth:bool, best_down_class, deployment",
)
#: Per-commune deployment figures computed from the per-building table.
FIBRE_COMMUNES = _table(
    "fibre_communes",
    None,
    "Déploiement de la fibre par commune",
    "code_insee, buildings:int, premises:int, ftth_premises:int, ftth_rate:float",
)
SOLAR = _table(
    "solar",
    "Polygon",
    "Potentiel solaire des toitures",
    "roof_id, building_id, usage, roof_area:float, usable_area:float, irradiation:float, "
    "potential_kwp:float, potential_kwh:float",
)
PORT_ZONES = _table("port_zones", "MultiPolygon", "Zones portuaires", "zone_id, name, kind")
ROADS = _table("roads", "LineString", "Routes", "road_id, name, road_class")
PUBLIC_BUILDINGS = _table(
    "public_buildings",
    "Point",
    "Bâtiments publics",
    "building_id, name, kind, code_insee, has_wifi:bool",
)
WIFI_HOTSPOTS = _table(
    "wifi_hotspots",
    "Point",
    "Points d'accès Wi-Fi publics",
    "hotspot_id, name, eirp_dbm:float, height_m:float, frequency_mhz:float, code_insee",
)
STREET_FURNITURE = _table(
    "street_furniture",
    "Point",
    "Mobilier urbain pouvant accueillir une borne Wi-Fi",
    "furniture_id, name, kind, height_m:float, cost_eur:float, code_insee",
)
TERRAIN = Table("terrain", None, (), "Modèle numérique de terrain")

FAMILIES: dict[str, Family] = {
    family.name: family
    for family in (
        Family("boundaries", (COMMUNES,)),
        Family("fibre", (FIBRE, FIBRE_COMMUNES)),
        Family("industrial_sites", (INDUSTRIAL_SITES,)),
        Family("industrial_waste", (INDUSTRIAL_WASTE, INDUSTRIAL_WASTE_UNPLACED)),
        Family("waste_points", (WASTE_POINTS,)),
        Family("solar", (SOLAR,)),
        Family("port_zones", (PORT_ZONES,)),
        Family("buildings", (BUILDINGS,)),
        Family("roads", (ROADS,)),
        Family("waste_facilities", (WASTE_FACILITIES,)),
        Family("public_buildings", (PUBLIC_BUILDINGS,)),
        Family("wifi_hotspots", (WIFI_HOTSPOTS,)),
        Family("terrain", (TERRAIN,), raster=True),
        Family("street_furniture", (STREET_FURNITURE,)),  # appended: option numbers stay stable
    )
}
FAMILY_NAMES = list(FAMILIES)

#: Where a load takes its data: the services, the last download kept in the cache, or the bundled sample.
SOURCE_MODES = ("online", "cache", "sample")
