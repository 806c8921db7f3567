"""Options of a suitability run (``territoire:site_suitability``), stated once
(``engine/options.py``).  This module imports nothing heavy: the Processing parameters are made
from it when the plugin registers; ``engine/suitability.py`` takes these options."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .options import option

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry


@dataclass
class Options:
    """How to run a model: grid, sites, sensitivity, memory limit.

    The fields declared with :func:`option` are the algorithm's parameters (in dialog order);
    ``perturbation`` (a share) and ``max_memory`` (bytes) follow from ``perturbation_pct`` and
    ``max_memory_mb`` unless given."""

    cell_size: float = option(10.0, "CELL_SIZE", label="Cell size", unit="m", minimum=0.01)
    target_crs: str = "EPSG:2154"
    extent: tuple[float, float, float, float] | None = None
    extent_crs: str | None = None  # CRS of ``extent`` (default: target_crs)
    sites: bool = False
    candidates: list[tuple[int, BaseGeometry]] | None = None  # in target_crs
    n_sites: int = option(5, "N_SITES", label="Number of sites", minimum=1)
    min_area: float = option(5000.0, "MIN_AREA", label="Site area", unit="m²", minimum=0.0)
    min_spacing: float = option(
        500.0, "MIN_SPACING", label="Minimum spacing between sites", unit="m", minimum=0.0
    )
    sensitivity_runs: int = option(
        0, "SENSITIVITY", label="Sensitivity: Monte Carlo runs (0 = none)", minimum=0
    )
    perturbation_pct: float = option(
        20.0, "PERTURBATION", label="Sensitivity: weight perturbation (± %)", minimum=0.0
    )
    max_memory_mb: int = option(
        4096,
        "MAX_MEMORY",
        label="Memory limit (MB): larger grids are computed by blocks of rows, or refused with an estimate",
        minimum=64,
        advanced=True,
    )
    perturbation: float | None = None  # ± share of each weight (default: perturbation_pct / 100)
    max_memory: int | None = None  # bytes (default: max_memory_mb MiB)
    criteria_folder: str | None = None
    work_dir: str | None = None  # temporary files of a run by blocks (default: the system's)
    threads: int = 0  # criteria computed at once (0: as many as processors and memory allow)

    def __post_init__(self) -> None:
        if self.perturbation is None:
            self.perturbation = self.perturbation_pct / 100.0
        if self.max_memory is None:
            self.max_memory = self.max_memory_mb * 2**20
