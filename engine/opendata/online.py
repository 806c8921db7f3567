"""Online (and cache) loaders of each family: download through the Fetcher, normalise, write."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import EngineError
from ..provenance import Source
from . import arcep, georisques, overpass
from .bdtopo import fetch_layer
from .context import FamilyReport, RunContext, Tally
from .geo_api import write_boundaries
from .gpkg import TableWriter
from .irep import SOURCE as IREP
from .irep import default_year, establishments_by_siret, load_industrial_waste
from .port_zones import load_osm_port_zones, load_port_zones_file
from .positions import PositionCheck
from .schema import (
    BUILDINGS,
    FIBRE,
    FIBRE_COMMUNES,
    INDUSTRIAL_SITES,
    INDUSTRIAL_WASTE,
    INDUSTRIAL_WASTE_UNPLACED,
    PORT_ZONES,
    ROADS,
    SOLAR,
    WASTE_POINTS,
    Family,
)
from .solar import load_cadastre, load_roofs, parse_field_mapping
from .waste_points import load_waste_points


def boundaries(context: RunContext, family: Family, destination: Path) -> FamilyReport:
    retrieved = context.territory_retrieved
    count, source = write_boundaries(context.territory, destination, context.target_crs, retrieved)
    return FamilyReport(family.name, origin="geo.api.gouv.fr", counts={"communes": count}, sources=[source])


def _irep_archive(context: RunContext):
    """(year, URL, cache entry) of the IREP yearly archive of the run."""
    fetcher = context.require_fetcher()
    year = int(context.options.get("irep_year") or default_year())
    url = fetcher.url(IREP, f"{year}.zip")
    return year, url, fetcher.entry(IREP, url, ttl_days=365.0, vintage=str(year))


def industrial_waste(context: RunContext, family: Family, destination: Path) -> FamilyReport:
    year, url, entry = _irep_archive(context)
    with TableWriter(destination, INDUSTRIAL_WASTE, context.target_crs, "EPSG:2154") as writer:
        result = load_industrial_waste(
            entry.path, year, context.territory, writer, url, entry.retrieved_date, context.cancelled
        )
    with TableWriter(destination, INDUSTRIAL_WASTE_UNPLACED, context.target_crs) as writer:
        for row in result.unplaced:
            writer.add(row)
    report = FamilyReport(
        family.name,
        origin=url,
        counts={
            INDUSTRIAL_WASTE.name: result.waste_rows,
            INDUSTRIAL_WASTE_UNPLACED.name: result.unplaced_sites,
        },
        sources=[result.source],
    )
    report.tally(result.establishments)
    report.tally(result.waste)
    return report


def industrial_sites(context: RunContext, family: Family, destination: Path) -> FamilyReport:
    """Géorisques ICPE installations, joined on SIRET with the IREP establishments of the year.

    ``Non ICPE`` entries are left out (counted) unless the option ``keep_non_icpe`` is set.
    """
    fetcher = context.require_fetcher()
    report = FamilyReport(family.name, origin=fetcher.url(georisques.SOURCE, "installations_classees"))
    try:
        year, irep_url, entry = _irep_archive(context)
        irep = establishments_by_siret(entry.path, irep_url)
        join_note = f"Joined on SIRET with IREP {year} ({irep_url})"
    except EngineError as error:
        irep, join_note = {}, f"IREP join unavailable: {error}"
        context.log(f"industrial_sites: {join_note}")
    keep_non_icpe = bool(context.options.get("keep_non_icpe"))
    check = PositionCheck(context.territory, context.target_crs, georisques.MARGIN_METRES)
    tally = Tally("Géorisques installations classées")
    dates: list[str] = []
    matched = 0
    with TableWriter(destination, INDUSTRIAL_SITES, context.target_crs) as writer:
        for code in context.territory.codes:
            for item, entry in georisques.installations(fetcher, code, context.cancelled):
                dates.append(entry.retrieved_date)
                tally.read += 1
                values = georisques.site_row(item)
                if values["icpe_classified"] is False and not keep_non_icpe:
                    tally.skip("Non ICPE entries (referenced, not classified)")
                    continue
                position = georisques.raw_position(item)
                if position is None:
                    tally.drop("without coordinates")
                    continue
                point = check.place(*position)
                if point is None:
                    tally.drop(georisques.drop_reason(position))
                    continue
                establishment = irep.get(str(values.get("siret") or ""))
                if establishment is not None:
                    matched += 1
                    values["irep_id"] = establishment["irep_id"]
                    values["naf_label"] = establishment["naf_label"] or values["naf_label"]
                    values["eprtr_activity"] = establishment["eprtr"] or None
                writer.add(values, point)
        report.counts[INDUSTRIAL_SITES.name] = tally.written = writer.count
    check.verify(tally.source)
    report.tally(tally)
    context.log(f"industrial_sites: {matched} of {report.counts[INDUSTRIAL_SITES.name]} matched in IREP")
    source = georisques.source(report.origin, min(dates) if dates else context.territory_retrieved)
    kept = "Non ICPE entries kept (icpe_classified false)" if keep_non_icpe else "Non ICPE entries left out"
    report.sources.append(Source(**{**source.__dict__, "note": f"{join_note}: {matched} matched. {kept}."}))
    return report


def fibre(context: RunContext, family: Family, destination: Path) -> FamilyReport:
    user_file = str(context.options.get("fibre_file") or "")
    fetcher = None if user_file else context.require_fetcher()
    with TableWriter(destination, FIBRE, context.target_crs) as writer:
        result, rows = arcep.load_fibre(
            fetcher, context.territory, writer, context.target_crs, context.cancelled, user_file
        )
    communes = arcep.write_fibre_communes(destination, context.target_crs, rows)
    report = FamilyReport(
        family.name,
        origin=user_file or (fetcher.url(arcep.SOURCE) if fetcher else ""),
        counts={FIBRE.name: result.buildings, FIBRE_COMMUNES.name: communes},
        sources=[
            result.source,
            Source(**{**result.source.__dict__, "layer": FIBRE_COMMUNES.name, "title": FIBRE_COMMUNES.title}),
        ],
    )
    for tally in result.tallies:
        report.tally(tally)
    if result.without_eligibility:
        context.log(
            f"fibre: {result.without_eligibility} buildings have no eligibility row (best_techno NULL)"
        )
    return report


def waste_points(context: RunContext, family: Family, destination: Path) -> FamilyReport:
    fetcher = context.require_fetcher()
    result = load_waste_points(
        fetcher, context.territory, destination, context.target_crs, context.log, context.cancelled
    )
    sinoe = result.sinoe.written if result.sinoe else 0
    osm = result.osm.written if result.osm else 0
    context.log(
        f"waste_points: {sinoe} SINOE déchèteries, {osm} OSM points ({result.merged} OSM centres "
        f"merged into SINOE déchèteries)"
    )
    report = FamilyReport(
        family.name,
        origin=result.source.url,
        counts={WASTE_POINTS.name: result.written},
        sources=[result.source],
    )
    report.warnings += result.problems
    for tally in (result.sinoe, result.osm):
        if tally is not None:
            report.tally(tally)
    return report


def port_zones(context: RunContext, family: Family, destination: Path) -> FamilyReport:
    path = context.options.get("port_zones_file")
    if path:
        result = load_port_zones_file(
            path, context.territory, destination, context.target_crs, context.territory_retrieved
        )
        origin, reason = str(path), "zones of the file outside the territory"
    else:
        fetcher = context.require_fetcher()
        result = load_osm_port_zones(
            fetcher, context.territory, destination, context.target_crs, context.cancelled
        )
        origin, reason = fetcher.url(overpass.SOURCE), "OSM elements that are not areas"
    report = FamilyReport(
        family.name, origin=origin, counts={PORT_ZONES.name: result.written}, sources=[result.source]
    )
    if result.not_areas:
        report.dropped[reason] = result.not_areas
    return report


def _bdtopo_family(context: RunContext, family: Family, destination: Path) -> FamilyReport:
    table = BUILDINGS if family.name == "buildings" else ROADS
    fetcher = context.require_fetcher()
    layer = fetch_layer(fetcher, context.territory, table, context.target_crs, context.log, context.cancelled)
    with TableWriter(destination, table, context.target_crs) as writer:
        for index, (values, geometry) in enumerate(layer.rows):
            if index % 1000 == 0:
                context.check_cancelled()
            writer.add(values, geometry)
        count = writer.count
    return FamilyReport(family.name, layer.origin, {table.name: count}, dict(layer.dropped), [layer.source])


def solar(context: RunContext, family: Family, destination: Path) -> FamilyReport:
    cadastre = str(context.options.get("solar_cadastre") or "")
    with TableWriter(destination, SOLAR, context.target_crs) as writer:
        if cadastre:
            mapping = parse_field_mapping(str(context.options.get("solar_fields") or ""))
            result = load_cadastre(
                cadastre,
                mapping,
                context.fetcher,
                context.territory,
                writer,
                context.target_crs,
                context.territory_retrieved,
                context.cancelled,
            )
        else:
            fetcher = context.require_fetcher()
            result = load_roofs(
                fetcher, context.territory, writer, context.target_crs, context.log, context.cancelled
            )
    return FamilyReport(
        family.name, result.origin, {SOLAR.name: result.written}, result.dropped, result.sources
    )


LOADERS: dict[str, Callable[[RunContext, Family, Path], FamilyReport]] = {
    "boundaries": boundaries,
    "industrial_sites": industrial_sites,
    "industrial_waste": industrial_waste,
    "fibre": fibre,
    "waste_points": waste_points,
    "port_zones": port_zones,
    "buildings": _bdtopo_family,
    "roads": _bdtopo_family,
    "solar": solar,
}


def run_online(context: RunContext, family: Family, destination: Path) -> FamilyReport:
    loader = LOADERS.get(family.name)
    if loader is None:
        raise EngineError(
            "{family} is not available from online sources yet: use SOURCE=sample.", family=family.name
        )
    return loader(context, family, destination)
