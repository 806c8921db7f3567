"""Online (and cache) loaders of each family: download through the Fetcher, normalise, write."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import EngineError
from .context import FamilyReport, RunContext
from .geo_api import write_boundaries
from .gpkg import TableWriter
from .irep import SOURCE as IREP
from .irep import default_year, load_industrial_waste
from .schema import INDUSTRIAL_WASTE, INDUSTRIAL_WASTE_UNPLACED, Family


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


LOADERS: dict[str, Callable[[RunContext, Family, Path], FamilyReport]] = {
    "boundaries": boundaries,
    "industrial_waste": industrial_waste,
}


def run_online(context: RunContext, family: Family, destination: Path) -> FamilyReport:
    loader = LOADERS.get(family.name)
    if loader is None:
        raise EngineError(
            "{family} is not available from online sources yet: use SOURCE=sample.", family=family.name
        )
    return loader(context, family, destination)
