"""Options of the fibre coverage (``territoire:fibre_coverage``), stated once (``engine/options.py``),
and the columns it adds.  This module imports nothing heavy: the Processing parameters are made from
it when the plugin registers."""

from __future__ import annotations

from dataclasses import dataclass

from .options import Choice, option

#: Columns added to each zone (name, kind of the output field).
ZONE_COLUMNS = (
    ("premises", "int"),
    ("premises_ftth", "int"),
    ("ftth_rate", "float"),
    ("premises_no_thd", "int"),
    ("below_target", "bool"),
    ("target", "float"),
)
#: Columns added to each site.
SITE_COLUMNS = (("fibre_at_site", "bool"), ("nearest_ftth_m", "float"), ("nearest_ftth_id", "text"))
#: Columns of the building table :func:`fibre_coverage` reads (``ftth`` is required).
BUILDING_COLUMNS = ("ftth", "premises", "best_down_class", "best_techno", "building_id")


@dataclass(frozen=True)
class FibreOptions:
    """How to count: per zone of a layer or per grid cell, the target rate, fibre at a site."""

    zone_kind: str = option(
        "layer",
        "ZONE_TYPE",
        label="Count per",
        choices=(
            Choice("layer", label="Zone of the zones layer"),
            Choice("square", label="Square grid cell"),
            Choice("hexagon", label="Hexagon grid cell"),
        ),
    )
    cell_size: float = option(500.0, "CELL_SIZE", label="Grid cell size", kind="distance", minimum=1.0)
    target: float = option(
        80.0,
        "TARGET",
        label="Target FTTH rate (%): zones below it are flagged",
        minimum=0.0,
        maximum=100.0,
    )
    site_distance: float = option(
        100.0, "SITE_DISTANCE", label="Fibre counts as at a site within", kind="distance", minimum=0.0
    )
