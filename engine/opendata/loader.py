"""Load open-data families for a territory into one GeoPackage (the engine of `load_open_data`).

Each family is written to its own temporary GeoPackage and moved into the output only when it
is complete, so a failed family leaves no half-written table and does not stop the others.
The whole output is written through :func:`engine.outputs.atomic_output`: a cancelled run
leaves nothing.
"""

from __future__ import annotations

import datetime
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from shapely import wkb
from shapely.prepared import prep

from ..errors import Cancelled, EngineError
from ..outputs import atomic_output
from ..provenance import Source, read_sources, write_sources
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
from .schema import FAMILIES, FIBRE_COMMUNES, LAMBERT_93, Family, Table
from .territory import Territory, parse_territory, territory_from_gpkg

SOURCE_MODES = ("online", "cache", "sample")


@dataclass
class FamilyReport:
    """What happened to one family: tables and counts written, rows dropped and why, or the error."""

    family: str
    origin: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error

    def summary(self) -> str:
        """One log line: ``fibre: 1234 features (fibre), 17 rows (fibre_communes) from <origin>``."""
        if self.error:
            return f"{self.family}: FAILED — {self.error}"
        counts = ", ".join(f"{count} rows in {table}" for table, count in self.counts.items())
        text = f"{self.family}: {counts or 'nothing'} from {self.origin}"
        if self.dropped:
            text += "; dropped: " + ", ".join(f"{count} ({reason})" for reason, count in self.dropped.items())
        return text


@dataclass
class LoadReport:
    territory: Territory
    output: Path
    families: list[FamilyReport]

    @property
    def tables(self) -> list[str]:
        return [table for report in self.families if report.ok for table in report.counts]


@dataclass
class RunContext:
    """Everything a family loader needs."""

    territory: Territory
    target_crs: str
    work_dir: Path
    cancelled: Callable[[], bool]
    log: Callable[[str], None]
    sample_gpkg: Path | None = None

    def check_cancelled(self) -> None:
        if self.cancelled():
            raise Cancelled()


def today() -> str:
    return datetime.date.today().isoformat()


# --- sample mode ------------------------------------------------------------------------------


def _keep_in_territory(context: RunContext, source_crs: str) -> tuple[Callable, tuple[float, ...]]:
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


def fibre_communes_rows(fibre_rows: list[tuple[str, int, bool]]) -> list[dict[str, object]]:
    """Per-commune deployment figures from (code_insee, premises, ftth) rows of the fibre table."""
    totals: dict[str, list[int]] = {}
    for code, premises, ftth in fibre_rows:
        total = totals.setdefault(code, [0, 0, 0])
        total[0] += 1
        total[1] += premises
        total[2] += premises if ftth else 0
    return [
        {
            "code_insee": code,
            "buildings": buildings,
            "premises": premises,
            "ftth_premises": ftth_premises,
            "ftth_rate": round(ftth_premises / premises, 4) if premises else None,
        }
        for code, (buildings, premises, ftth_premises) in sorted(totals.items())
    ]


def write_fibre_communes(
    context: RunContext, destination: Path, fibre_rows: list[tuple[str, int, bool]]
) -> int:
    with TableWriter(destination, FIBRE_COMMUNES, context.target_crs) as writer:
        for row in fibre_communes_rows(fibre_rows):
            writer.add(row)
        return writer.count


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
            report.counts["fibre_communes"] = write_fibre_communes(context, destination, fibre_rows)
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


def resolve_territory(
    text: str, mode: str, sample_gpkg: Path | None, epci_names: dict[str, str]
) -> Territory:
    """Resolve ``text`` (INSEE codes / EPCI SIREN) with the source of ``mode``."""
    request = parse_territory(text)
    if mode == "sample":
        if sample_gpkg is None or not Path(sample_gpkg).exists():
            raise EngineError("The bundled sample GeoPackage is missing: {path}", path=str(sample_gpkg))
        return territory_from_gpkg(request, sample_gpkg, epci_names)
    raise EngineError("Unknown source '{mode}': use online, cache or sample.", mode=mode)


def load_open_data(
    territory_text: str,
    families: list[str],
    output: str | Path,
    *,
    mode: str = "online",
    target_crs: str = LAMBERT_93,
    sample_gpkg: str | Path | None = None,
    epci_names: dict[str, str] | None = None,
    progress: Callable[[float], None] = lambda _percent: None,
    log: Callable[[str], None] = lambda _message: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> LoadReport:
    """Load ``families`` for the territory into the GeoPackage ``output`` (replaced as a whole).

    Per-family failures are reported in the returned :class:`LoadReport` and do not abort the
    others; when no family at all could be loaded an :class:`EngineError` is raised and nothing
    is written.  :class:`Cancelled` propagates, leaving no output.
    """
    unknown = [name for name in families if name not in FAMILIES]
    if unknown:
        raise EngineError("Unknown data families: {names}.", names=", ".join(unknown))
    if mode not in SOURCE_MODES:
        raise EngineError("Unknown source '{mode}': use online, cache or sample.", mode=mode)
    sample = Path(sample_gpkg) if sample_gpkg else None
    territory = resolve_territory(territory_text, mode, sample, epci_names or {})
    log(f"Territory: {territory.name} ({len(territory.communes)} communes)")
    reports: list[FamilyReport] = []
    with (
        tempfile.TemporaryDirectory(prefix="territoire_opendata_") as work,
        atomic_output(output) as temporary,
    ):
        context = RunContext(territory, target_crs, Path(work), cancelled, log, sample)
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


def _run_family(context: RunContext, family: Family, mode: str, output: Path) -> FamilyReport:
    """Run one family into its own temporary GeoPackage, then move its tables into ``output``."""
    family_gpkg = context.work_dir / f"{family.name}.gpkg"
    try:
        if family.raster:
            # rasters are warped to a temporary GeoTIFF first, then added to the output in one step
            report = sample_family(context, family, output)
        else:
            report = sample_family(context, family, family_gpkg)
            move_tables(family_gpkg, output, list(report.counts))
    except Cancelled:
        raise
    except (EngineError, OSError, RuntimeError, ValueError, KeyError) as error:
        context.log(traceback.format_exc(limit=3))
        return FamilyReport(family.name, error=str(error))
    finally:
        if family_gpkg.exists():
            family_gpkg.unlink()
    return report
