"""What a family loader receives (RunContext) and returns (FamilyReport)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..cache import Fetcher
from ..errors import Cancelled, EngineError
from ..provenance import Source
from .territory import Territory

#: Share of a source's usable rows that may be dropped before the load warns.
DROP_WARNING_SHARE = 0.03


@dataclass
class Tally:
    """What one source of a family gave: rows read, written, set aside by design, dropped, by reason.

    ``skipped`` rows are out of scope by design (other communes of a département file, an older
    survey year of the same site, a closed site, a "Non ICPE" entry); ``dropped`` rows should have
    been loaded and could not be (no or impossible position, unreadable value, truncated file).
    """

    source: str
    read: int = 0
    written: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)
    expected: bool = True  # the source should have rows for a territory: warn when it has none

    def skip(self, reason: str, count: int = 1) -> None:
        if count:
            self.skipped[reason] = self.skipped.get(reason, 0) + count

    def drop(self, reason: str, count: int = 1) -> None:
        if count:
            self.dropped[reason] = self.dropped.get(reason, 0) + count

    @property
    def dropped_total(self) -> int:
        return sum(self.dropped.values())

    def line(self) -> str:
        """``SINOE: 12 read, 3 written; set aside: 8 (outside the territory); dropped: 1 (no position)``."""
        text = f"{self.source}: {self.read} read, {self.written} written"
        for label, counts in (("set aside", self.skipped), ("dropped", self.dropped)):
            if counts:
                text += f"; {label}: " + ", ".join(f"{count} ({reason})" for reason, count in counts.items())
        return text

    def warning(self) -> EngineError | None:
        """A warning when an expected source wrote nothing or dropped more than a few per cent."""
        reasons = ", ".join(f"{count} {reason}" for reason, count in self.dropped.items()) or "none dropped"
        if self.expected and not self.written:
            return EngineError(
                "{source}: nothing was loaded for this territory ({read} rows read; {reasons}).",
                source=self.source,
                read=self.read,
                reasons=reasons,
            )
        usable = self.written + self.dropped_total
        if usable and self.dropped_total > DROP_WARNING_SHARE * usable:
            return EngineError(
                "{source}: {dropped} of {usable} rows of the territory could not be loaded "
                "({percent} %): {reasons}.",
                source=self.source,
                dropped=self.dropped_total,
                usable=usable,
                percent=round(100 * self.dropped_total / usable),
                reasons=reasons,
            )
        return None


@dataclass
class FamilyReport:
    """What happened to one family: tables and counts written, rows dropped and why, or the error."""

    family: str
    origin: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)
    error: str = ""
    warnings: list[EngineError] = field(default_factory=list)  # e.g. one of two sources failed
    tallies: list[Tally] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.error

    def tally(self, tally: Tally) -> Tally:
        """Add a source's tally: its dropped rows count in ``dropped``, its warning in ``warnings``."""
        self.tallies.append(tally)
        for reason, count in tally.dropped.items():
            key = f"{tally.source}: {reason}"
            self.dropped[key] = self.dropped.get(key, 0) + count
        warning = tally.warning()
        if warning is not None:
            self.warnings.append(warning)
        return tally

    def load_report(self) -> str:
        """The per-source lines, for the log and the ``note`` of the family's ``sources`` rows."""
        return " | ".join(tally.line() for tally in self.tallies)

    def with_load_report(self) -> FamilyReport:
        """The report with the load report and warnings appended to the note of each source."""
        if not self.tallies:
            return self
        extra = "Load report: " + self.load_report()
        if self.warnings:
            extra += ". Warnings: " + "; ".join(str(warning) for warning in self.warnings)
        self.sources = [
            replace(source, note=f"{source.note}. {extra}" if source.note else extra)
            for source in self.sources
        ]
        return self

    def summary(self) -> str:
        """One log line: ``fibre: 1234 features (fibre), 17 rows (fibre_communes) from <origin>``."""
        if self.error:
            return f"{self.family}: FAILED — {self.error}"
        counts = ", ".join(f"{count} rows in {table}" for table, count in self.counts.items())
        text = f"{self.family}: {counts or 'nothing'} from {self.origin}"
        if self.tallies:
            text += " — " + self.load_report()
        elif self.dropped:
            text += "; dropped: " + ", ".join(f"{count} ({reason})" for reason, count in self.dropped.items())
        if self.warnings:
            text += "; warnings: " + "; ".join(str(warning) for warning in self.warnings)
        return text


@dataclass
class RunContext:
    """Everything a family loader needs."""

    territory: Territory
    target_crs: str
    work_dir: Path
    cancelled: Callable[[], bool]
    log: Callable[[str], None]
    sample_gpkg: Path | None = None
    fetcher: Fetcher | None = None
    territory_retrieved: str = ""
    options: dict[str, Any] = field(default_factory=dict)

    def check_cancelled(self) -> None:
        if self.cancelled():
            raise Cancelled()

    def require_fetcher(self) -> Fetcher:
        if self.fetcher is None:
            raise EngineError("No network access was configured for this run.")
        return self.fetcher
