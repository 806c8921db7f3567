"""Online (and cache) loaders of each family: download through the Fetcher, normalise, write."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import EngineError
from . import georisques
from .context import FamilyReport, RunContext
from .geo_api import write_boundaries
from .gpkg import TableWriter
from .irep import SOURCE as IREP
from .irep import default_year, load_industrial_waste
from .schema import INDUSTRIAL_SITES, INDUSTRIAL_WASTE, INDUSTRIAL_WASTE_UNPLACED, WGS84, Family


def boundaries(context: RunContext, family: Family, destination: Path) -> FamilyReport:
    retrieved = context.territory_retrieved
    count, source = write_boundaries(context.territory, destination, context.target_crs, retrieved)
    return FamilyReport(family.name, origin="geo.api.gouv.fr", counts={"communes": count}, sources=[source])


def industrial_waste(context: RunContext, family: Family, destination: Path) -> FamilyReport:
    fetcher = context.require_fetcher()
    year = int(context.options.get("irep_year") or default_year())
    url = fetcher.url(IREP, f"{year}.zip")
    entry = fetcher.entry(IREP, url, ttl_days=365.0, vintage=str(year))
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
    if result.unplaced_rows:
        report.dropped[f"rows of {result.unplaced_sites} establishments that cannot be placed"] = (
            result.unplaced_rows
        )
    if result.truncated_rows:
        report.dropped["rows without a valid waste code or quantity (truncated file?)"] = (
            result.truncated_rows
        )
    context.log(
        f"IREP {year}: {result.sites} establishments placed in or near the territory, "
        f"{result.unplaced_sites} of the territory not placeable, {result.other_territories} elsewhere"
    )
    return report


def industrial_sites(context: RunContext, family: Family, destination: Path) -> FamilyReport:
    fetcher = context.require_fetcher()
    report = FamilyReport(family.name, origin=fetcher.url(georisques.SOURCE, "installations_classees"))
    dates: list[str] = []
    without_position = 0
    with TableWriter(destination, INDUSTRIAL_SITES, context.target_crs, WGS84) as writer:
        for code in context.territory.codes:
            for item, entry in georisques.installations(fetcher, code, context.cancelled):
                dates.append(entry.retrieved_date)
                values, point = georisques.site_row(item)
                if point is None:
                    without_position += 1
                    continue
                writer.add(values, point)
        report.counts[INDUSTRIAL_SITES.name] = writer.count
    if without_position:
        report.dropped["installations without coordinates"] = without_position
    report.sources.append(
        georisques.source(report.origin, min(dates) if dates else context.territory_retrieved)
    )
    return report


LOADERS: dict[str, Callable[[RunContext, Family, Path], FamilyReport]] = {
    "boundaries": boundaries,
    "industrial_sites": industrial_sites,
    "industrial_waste": industrial_waste,
}


def run_online(context: RunContext, family: Family, destination: Path) -> FamilyReport:
    loader = LOADERS.get(family.name)
    if loader is None:
        raise EngineError(
            "{family} is not available from online sources yet: use SOURCE=sample.", family=family.name
        )
    return loader(context, family, destination)
