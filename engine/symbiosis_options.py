"""Options of the industrial-symbiosis analyses, each stated once (``engine/options.py``):
waste flows (:class:`WasteFlowsOptions`), access to waste points (:class:`WasteAccessOptions`),
resource synergies (:class:`SynergyOptions`) and the site of a shared facility
(:class:`SharedFacilityOptions`).  Each engine module names its class ``Options``.

Every distance is in metres (issue #16: one unit).  This module imports nothing heavy: the
Processing parameters are made from it when the plugin registers.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .options import Choice, option

if TYPE_CHECKING:
    import numpy as np

    from .road_network import RoadNetwork

#: How a distance is measured (option DISTANCE).
DISTANCE_CHOICES = (Choice("straight", label="Straight line"), Choice("network", label="Along the roads"))


def distance_kind_option() -> Any:
    """The option DISTANCE: a straight line, or along the roads of the layer ROADS."""
    return option("straight", "DISTANCE", label="Distance", choices=DISTANCE_CHOICES)


def snap_tolerance_option(default: float, advanced: bool = True) -> Any:
    """The option SNAP_TOLERANCE (m): a point farther than this from every road is off the network."""
    return option(
        default,
        "SNAP_TOLERANCE",
        label="Snapping tolerance to the roads (m)",
        kind="distance",
        minimum=0.0,
        advanced=advanced,
        help="Along the roads, a point farther than this from every road is off the road network.",
    )


def id_set(value: str | Iterable[str]) -> frozenset[str]:
    """Identifiers from a comma-separated text (blanks dropped) or from an iterable of them."""
    parts = value.split(",") if isinstance(value, str) else value
    return frozenset(part.strip() for part in parts if part and part.strip())


@dataclass(frozen=True)
class WasteFlowsOptions:
    """``territoire:waste_flows``, in the order of its dialog."""

    distance: str = distance_kind_option()
    snap_tolerance: float = snap_tolerance_option(500.0)
    max_distance: float = option(
        100_000.0,
        "MAX_DISTANCE_M",
        label="Maximum distance (m, 0 = no limit)",
        kind="distance",
        minimum=0.0,
        help="No waste goes to a receiver farther than this (straight or along the roads).",
    )
    remove_sites: str | frozenset[str] = option(
        "", "REMOVE_SITES", label="Closure scenario: identifiers of the sites removed (comma-separated)"
    )
    top_synergies: int = option(
        3,
        "TOP_SYNERGIES",
        label="Synergy candidates per waste (0 = none)",
        minimum=0,
        maximum=50,
        advanced=True,
    )
    network: RoadNetwork | None = None  # the roads, when distance is "network"

    @property
    def removed(self) -> frozenset[str]:
        """The identifiers of the sites the closure scenario removes."""
        return id_set(self.remove_sites)


@dataclass(frozen=True)
class WasteAccessOptions:
    """``territoire:waste_access``, in the order of its dialog."""

    kinds: str = option("", "KINDS", label="Keep only these kinds (comma-separated, empty = all)")
    distance: str = distance_kind_option()
    snap_tolerance: float = snap_tolerance_option(300.0)
    threshold: float = option(
        5000.0,
        "THRESHOLD_M",
        label="Served within (m)",
        kind="distance",
        minimum=0.0,
        help="A resident is served when the nearest facility is at most this far.",
    )
    cluster_distance: float = option(
        200.0,
        "CLUSTER_DISTANCE",
        label="Grouping distance of underserved areas (m)",
        kind="distance",
        minimum=1.0,
        advanced=True,
    )
    network: RoadNetwork | None = None

    @property
    def kept_kinds(self) -> frozenset[str]:
        """The facility kinds kept, lower case (empty: all)."""
        return frozenset(kind.lower() for kind in id_set(self.kinds))


@dataclass(frozen=True)
class SynergyOptions:
    """``territoire:resource_synergies``, in the order of its dialog."""

    distance: str = distance_kind_option()
    snap_tolerance: float = snap_tolerance_option(500.0, advanced=False)
    closed_actors: str | frozenset[str] = option(
        "", "CLOSURE", label="Closure scenario: actors that close (comma-separated)"
    )
    show_confidential: bool = option(
        False, "SHOW_CONFIDENTIAL", label="Name the confidential actors in the outputs"
    )
    network: RoadNetwork | None = None
    confidential_label: str = "Confidential actor {number}"  # the name printed instead

    @property
    def closed(self) -> frozenset[str]:
        """The actors (or actor keys) the closure scenario closes."""
        return id_set(self.closed_actors)


@dataclass(frozen=True)
class SharedFacilityOptions:
    """``territoire:shared_facility``, in the order of its dialog."""

    count: int = option(1, "COUNT", label="Number of sites", minimum=1)
    distance: str = distance_kind_option()
    snap_tolerance: float = snap_tolerance_option(500.0)
    max_distance: float = option(
        0.0,
        "MAX_DISTANCE_M",
        label="Maximum distance (m, 0 = no limit)",
        kind="distance",
        minimum=0.0,
        advanced=True,
        help="An actor farther than this from every chosen site is unserved.",
    )
    suitability_mode: str = option(
        "constraint",
        "SUITABILITY_MODE",
        label="Suitability used as",
        choices=(
            Choice("constraint", label="Constraint (minimum)"),
            Choice("weight", label="Weight on distances"),
        ),
        advanced=True,
    )
    min_suitability: float = option(
        50.0, "MIN_SUITABILITY", label="Minimum suitability", minimum=0.0, maximum=100.0, advanced=True
    )
    suitability_weight: float = option(
        1.0, "SUITABILITY_WEIGHT", label="Weight k of unsuitability on distances", minimum=0.0, advanced=True
    )
    threshold: float = option(
        1000.0,
        "THRESHOLD",
        label="Threshold for the share within (m, or min with the unit Minutes)",
        minimum=0.0,
    )
    threshold_unit: str = option(
        "metres",
        "THRESHOLD_UNIT",
        label="Threshold unit",
        choices=(Choice("metres", label="Metres"), Choice("minutes", label="Minutes")),
        advanced=True,
    )
    speed_kmh: float = option(
        30.0, "SPEED", label="Speed for the times", unit="km/h", minimum=0.1, advanced=True
    )
    network: RoadNetwork | None = None
    suitability: np.ndarray | None = None  # 0–100 per candidate, NaN unknown

    @property
    def limit_m(self) -> float:
        """The maximum distance in metres (infinite: no limit)."""
        return self.max_distance if self.max_distance > 0 else math.inf

    @property
    def threshold_m(self) -> float:
        """The threshold of the share within, in metres (minutes at the speed)."""
        if self.threshold_unit == "minutes":
            return self.threshold * self.speed_kmh * 1000.0 / 60.0
        return self.threshold


@dataclass(frozen=True)
class TemplateOptions:
    """``territoire:symbiosis_template``: the spreadsheet twins written beside the GeoPackage."""

    csv: bool = option(True, "CSV", label="Also a CSV twin")
    xlsx: bool = option(True, "XLSX", label="Also an XLSX twin")

    @property
    def twins(self) -> tuple[str, ...]:
        """The formats of the twins asked for (``write_template``'s ``twins``)."""
        return tuple(name for name, asked in (("csv", self.csv), ("xlsx", self.xlsx)) if asked)
