"""What a family loader receives (RunContext) and returns (FamilyReport)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..cache import Fetcher
from ..errors import Cancelled, EngineError
from ..provenance import Source
from .territory import Territory


@dataclass
class FamilyReport:
    """What happened to one family: tables and counts written, rows dropped and why, or the error."""

    family: str
    origin: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)
    error: str = ""
    warnings: list[str] = field(default_factory=list)  # e.g. one of two sources failed

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
        if self.warnings:
            text += "; warnings: " + "; ".join(self.warnings)
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
