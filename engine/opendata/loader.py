"""Load open-data families for a territory into one GeoPackage (the engine of `load_open_data`).

Each family is written to its own temporary GeoPackage and moved into the output only when it
is complete, so a failed family leaves no half-written table and does not stop the others.
The whole output is written through :func:`engine.outputs.atomic_output`: a cancelled run
leaves nothing.
"""

from __future__ import annotations

import datetime
import logging
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shapely import wkb
from shapely.errors import ShapelyError
from shapely.prepared import prep

from ..cache import Fetcher
from ..errors import Cancelled, EngineError, Message
from ..outputs import MEGABYTE, atomic_output, free_bytes, is_disk_full, require_free_space
from ..provenance import Source, read_sources, write_sources
from . import geo_api
from .arcep import write_fibre_communes
from .context import FamilyReport, RunContext
from .gpkg import (
    TableWriter,
    copy_raster,
    has_raster,
    move_tables,
    read_table,
    reproject,
    table_crs,
    table_names,
)
from .online import run_online
from .schema import FAMILIES, LAMBERT_93, SOURCE_MODES, Family, Table
from .territory import Territory, parse_territory, territory_from_gpkg

#: Options naming a user's file that replaces a family's source, even with SOURCE=sample.
USER_FILE_OPTIONS = {"port_zones": "port_zones_file", "solar": "solar_cadastre", "fibre": "fibre_file"}
#: What a family may fail with on bad data or a bad service without stopping the other families.
FAMILY_ERRORS = (
    EngineError,
    OSError,
    RuntimeError,
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    ShapelyError,
    zipfile.BadZipFile,
)


@dataclass
class LoadReport:
    territory: Territory
    output: Path
    families: list[FamilyReport]

    @property
    def tables(self) -> list[str]:
        return [table for report in self.families if report.ok for table in report.counts]


def today() -> str:
    return datetime.date.today().isoformat()


# --- sample mode ------------------------------------------------------------------------------


def _keep_in_territory(
    context: RunContext, source_crs: str
) -> tuple[Callable, tuple[float, float, float, float]]:
    """A predicate (values, OGR geometry) → bool and the bbox of the territory in ``source_crs``."""
    outline = reproject(context.territory.outline(), context.territory.crs, source_crs)
    prepared = prep(outline)
    codes = set(context.territory.codes)

    def keep(values: dict, geometry) -> bool:
        code = values.get("code_insee")
        if code:
            return str(code) in codes
        if geometry is None:
            return True
        return prepared.intersects(wkb.loads(bytes(geometry.ExportToWkb())))

    return keep, outline.bounds


def sample_family(context: RunContext, family: Family, destination: Path) -> FamilyReport:
    """Copy a family's tables from the sample GeoPackage, cut to the territory and reprojected."""
    sample = context.sample_gpkg
    assert sample is not None
    report = FamilyReport(family.name, origin=f"sample {sample.name}")
    available = set(table_names(sample))
    provenance = read_sources(sample)
    if family.raster:
        if not has_raster(sample, family.main.name):
            raise EngineError("The sample GeoPackage has no {table} table.", table=family.main.name)
        outline = reproject(context.territory.outline(), context.territory.crs, context.target_crs)
        columns, rows = copy_raster(
            sample,
            family.main.name,
            destination,
            context.target_crs,
            outline.bounds,
            context.work_dir,
            context.cancelled,
        )
        context.check_cancelled()
        report.counts[family.main.name] = columns * rows
    for table in family.tables:
        if family.raster:
            break
        if table.name not in available:
            if table is family.main:
                raise EngineError("The sample GeoPackage has no {table} table.", table=table.name)
            continue
        source_crs = table_crs(sample, table.name) or context.territory.crs
        keep, bbox = _keep_in_territory(context, source_crs)
        fibre_rows: list[tuple[str, int, bool]] = []
        outside = 0
        with TableWriter(destination, table, context.target_crs, source_crs) as writer:
            spatial = "code_insee" not in table.field_names and table.geometry is not None
            for index, (values, geometry) in enumerate(
                read_table(sample, table.name, bbox if spatial else None)
            ):
                if index % 500 == 0:
                    context.check_cancelled()
                if not keep(values, geometry):
                    outside += 1
                    continue
                writer.add(values, geometry)
                if table.name == "fibre":
                    fibre_rows.append(
                        (str(values["code_insee"]), int(values["premises"] or 0), bool(values["ftth"]))
                    )
            report.counts[table.name] = writer.count
        if table.name == "fibre" and "fibre_communes" not in available:
            report.counts["fibre_communes"] = write_fibre_communes(
                destination, context.target_crs, fibre_rows
            )
    for table in family.tables:
        source = provenance.get(table.name) or provenance.get(family.main.name)
        if source is not None and table.name in report.counts:
            report.sources.append(_renamed(source, table))
    return report


def _renamed(source: Source, table: Table) -> Source:
    """The provenance of a family's main table, for a companion table derived from it."""
    if source.layer == table.name:
        return source
    return Source(**{**source.__dict__, "layer": table.name, "title": table.title})


# --- orchestration ----------------------------------------------------------------------------


def load_open_data(
    territory_text: str,
    families: list[str],
    output: str | Path,
    *,
    mode: str = "online",
    target_crs: str = LAMBERT_93,
    sample_gpkg: str | Path | None = None,
    epci_names: dict[str, str] | None = None,
    fetcher: Fetcher | None = None,
    options: dict[str, Any] | None = None,
    progress: Callable[[float], None] = lambda _percent: None,
    log: Callable[[str], None] = lambda _message: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> LoadReport:
    """Load ``families`` for the territory into the GeoPackage ``output`` (replaced as a whole).

    ``mode`` ``sample`` copies from ``sample_gpkg``; ``online`` and ``cache`` go through
    ``fetcher`` (its own mode decides whether the network is used).  ``options`` holds
    per-family settings (``irep_year``...).  Per-family failures are reported in the returned
    :class:`LoadReport` and do not abort the others; when no family could be loaded an
    :class:`EngineError` is raised and nothing is written.  :class:`Cancelled` propagates,
    leaving no output.
    """
    unknown = [name for name in families if name not in FAMILIES]
    if unknown:
        raise EngineError("Unknown data families: {names}.", names=", ".join(unknown))
    if mode not in SOURCE_MODES:
        raise EngineError("Unknown source '{mode}': use online, cache or sample.", mode=mode)
    request = parse_territory(territory_text)
    sample = Path(sample_gpkg) if sample_gpkg else None
    retrieved = today()
    if mode == "sample":
        if sample is None or not sample.exists():
            raise EngineError("The bundled sample GeoPackage is missing: {path}", path=str(sample))
        territory = territory_from_gpkg(request, sample, epci_names or {})
    else:
        if fetcher is None:
            raise EngineError("No network access was configured for this run.")
        territory, entries = geo_api.resolve(request, fetcher)
        retrieved = min(entry.retrieved_date for entry in entries)
    log(Message("Territory: {name} ({count} communes)", name=territory.name, count=len(territory.communes)))
    estimate = write_estimate(families, mode, sample)
    require_free_space(output, estimate)
    require_free_space(Path(tempfile.gettempdir()) / "work", estimate)
    reports: list[FamilyReport] = []
    with (
        tempfile.TemporaryDirectory(prefix="territoire_opendata_") as work,
        atomic_output(output) as temporary,
    ):
        context = RunContext(
            territory, target_crs, Path(work), cancelled, log, sample, fetcher, retrieved, dict(options or {})
        )
        for index, name in enumerate(families):
            context.check_cancelled()
            progress(100.0 * index / len(families))
            report = _run_family(context, FAMILIES[name], mode, temporary)
            log(report.summary())
            reports.append(report)
        if not any(report.ok and report.counts for report in reports):
            details = "; ".join(report.summary() for report in reports)
            raise EngineError(
                "No data could be loaded for {territory}: {details}",
                territory=territory.name,
                details=details,
            )
        write_sources(temporary, [source for report in reports if report.ok for source in report.sources])
        progress(100.0)
    return LoadReport(territory, Path(output), reports)


#: What one family writes from online sources at most, bytes (the terrain raster: more).
ONLINE_FAMILY_BYTES = 40 * MEGABYTE
RASTER_FAMILY_BYTES = 200 * MEGABYTE


def write_estimate(families: Sequence[str], mode: str, sample: Path | None) -> int:
    """About how many bytes a load writes (in the output folder, and again in the temporary
    folder): the whole sample for the sample, else a bound per family."""
    if mode == "sample" and sample is not None and sample.exists():
        return sample.stat().st_size
    return sum(RASTER_FAMILY_BYTES if FAMILIES[name].raster else ONLINE_FAMILY_BYTES for name in families)


def _run_family(context: RunContext, family: Family, mode: str, output: Path) -> FamilyReport:
    """Run one family into its own temporary GeoPackage, then move its tables into ``output``."""
    family_gpkg = context.work_dir / f"{family.name}.gpkg"
    try:
        if family.raster:
            if mode != "sample":
                raise EngineError(
                    "{family} is not available from online sources yet: use SOURCE=sample.",
                    family=family.name,
                )
            # rasters are warped to a temporary GeoTIFF first, then added to the output in one step
            report = sample_family(context, family, output)
        else:
            # a user's own file (port limits, solar cadastre) is used whatever the source
            user_file = context.options.get(USER_FILE_OPTIONS.get(family.name, ""))
            loader = sample_family if mode == "sample" and not user_file else run_online
            report = loader(context, family, family_gpkg).with_load_report()
            move_tables(family_gpkg, output, list(report.counts))
    except Cancelled:
        raise
    except (*FAMILY_ERRORS, sqlite3.Error) as error:
        if is_disk_full(error):  # every later family would fail the same way: stop now
            raise EngineError(
                "The disk is full: loading stopped at {family}, the previous output is intact; only "
                "{available} MB are free in {folder}. Free some space or choose another folder.",
                family=family.name,
                available=round(free_bytes(output.parent) / MEGABYTE),
                folder=str(output.parent),
            ) from error
        if isinstance(error, sqlite3.Error):
            raise
        context.log(f"{family.name}: {error}")  # in words; the traceback only for developers
        logging.getLogger(__name__).debug("%s failed", family.name, exc_info=True)
        return FamilyReport(family.name, error=str(error))
    finally:
        if family_gpkg.exists():
            family_gpkg.unlink()
    return report
