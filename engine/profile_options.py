"""Options of the territory profile (``territoire:territory_profile``), stated once
(``engine/options.py``), and the columns of its output.  This module imports nothing heavy: the
Processing parameters are made from it when the plugin registers."""

from __future__ import annotations

from dataclasses import dataclass

from .indicator_names import INDICATORS
from .options import option

#: Indicators counted in whole numbers (the others are decimals).
INTEGER_INDICATORS = frozenset({"icpe_count", "seveso_count", "decheteries_near"})
#: Columns of the profile output (name, kind of the output field), in order.
PROFILE_COLUMNS = (
    ("zone_id", "text"),
    ("name", "text"),
    ("premises", "int"),
    *[(name, "int" if name in INTEGER_INDICATORS else "float") for name in INDICATORS],
    *[(f"{name}_median", "float") for name in INDICATORS],
)


@dataclass(frozen=True)
class ProfileOptions:
    """Which waste points are déchèteries, and how far from a commune they count."""

    decheterie_kind: str = option(
        "decheterie",
        "KIND_VALUE",
        label="Kind of a déchèterie (empty: every waste point counts)",
        advanced=True,
    )
    decheterie_distance: float = option(
        10_000.0, "DISTANCE", label="Count déchèteries within", kind="distance", minimum=0.0
    )
