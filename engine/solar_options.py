"""Options of the rooftop solar potential (``territoire:solar_potential``), stated once
(``engine/options.py``), and the columns of its outputs.  This module imports nothing heavy: the
Processing parameters are made from it when the plugin registers."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import EngineError
from .options import Choice, option

#: Building uses a roof is sorted into (stable keys; the parameter USAGES lists them in this order).
USAGES = (
    Choice("industrial", label="Industrial"),
    Choice("commercial", label="Commercial"),
    Choice("public", label="Public"),
    Choice("residential", label="Residential"),
    Choice("agricultural", label="Agricultural"),
    Choice("annex", label="Annex"),
    Choice("other", label="Other"),
)
USAGE_KINDS = tuple(choice.key for choice in USAGES)
#: The uses kept unless the user chooses others.
DEFAULT_USAGES = frozenset({"industrial", "commercial", "public"})

#: Columns of the roofs output (name, kind of the output field), in order.
ROOF_OUTPUT_COLUMNS = (
    ("roof_id", "text"),
    ("building_id", "text"),
    ("usage", "text"),
    ("roof_area", "float"),
    ("usable_area", "float"),
    ("irradiation", "float"),
    ("potential_kwp", "float"),
    ("potential_kwh", "float"),
    ("co2_avoided_t", "float"),
    ("yield_source", "text"),
    ("rank", "int"),
)
#: Columns added to each zone and site (sites also get ``share_pct``).
TOTAL_COLUMNS = (
    ("roofs", "int"),
    ("usable_area", "float"),
    ("potential_kwp", "float"),
    ("potential_kwh", "float"),
    ("co2_avoided_t", "float"),
    ("roofs_without_yield", "int"),
)


@dataclass(frozen=True)
class SolarSettings:
    """Assumptions of the potential computation (all documented in docs/solar_potential.md)."""

    panel_density: float = option(
        0.2,
        "PANEL_DENSITY",
        label="Panel density (kWp per m² of usable roof)",
        minimum=0.01,
        maximum=1.0,
        advanced=True,
    )
    performance_ratio: float = option(  # applied to irradiation only
        0.8,
        "PERFORMANCE_RATIO",
        label="Performance ratio (applied to irradiation)",
        minimum=0.1,
        maximum=1.0,
        advanced=True,
    )
    grid_factor: float = option(  # g CO₂ avoided per kWh
        52.0,
        "GRID_FACTOR",
        label="Grid emission factor (g CO₂ per kWh)",
        minimum=0.0,
        maximum=2000.0,
        advanced=True,
    )
    min_area: float = option(20.0, "MIN_AREA", label="Minimum usable area of a roof (m²)", minimum=0.0)
    usable_share: float = option(
        0.6,
        "USABLE_SHARE",
        label="Usable share of the roof area when the usable area is unknown",
        minimum=0.01,
        maximum=1.0,
        advanced=True,
    )
    specific_yield: float | None = option(  # kWh/kWp/yr for roofs without irradiation (PVGIS)
        None,
        "SPECIFIC_YIELD",
        label="Specific yield for roofs without irradiation (kWh/kWp/yr, e.g. PVGIS)",
        kind="float",
        minimum=1.0,
        advanced=True,
    )
    #: usage kinds to keep (parameter USAGES, several at once); None keeps every roof
    usages: frozenset[str] | None = DEFAULT_USAGES
    top_n: int = option(20, "TOP_N", label="Number of top roofs", minimum=1)
    site_radius: float = option(
        150.0, "SITE_RADIUS", label="Roofs of a point site within", kind="distance", minimum=0.0
    )

    def check(self) -> None:
        """Refuse impossible settings with a user-facing message."""
        if not self.panel_density > 0:
            raise EngineError(
                "The panel density must be positive (got {value} kWp/m²).", value=self.panel_density
            )
        if not 0 < self.performance_ratio <= 1:
            raise EngineError(
                "The performance ratio must be between 0 and 1 (got {value}).", value=self.performance_ratio
            )
        if self.specific_yield is not None and not self.specific_yield > 0:
            raise EngineError(
                "The specific yield must be positive (got {value} kWh/kWp/yr).", value=self.specific_yield
            )
        if self.grid_factor < 0:
            raise EngineError(
                "The grid emission factor cannot be negative (got {value} g/kWh).", value=self.grid_factor
            )
        if not 0 < self.usable_share <= 1:
            raise EngineError(
                "The usable share of a roof must be between 0 and 1 (got {value}).", value=self.usable_share
            )
        if self.min_area < 0:
            raise EngineError(
                "The minimum roof area cannot be negative (got {value} m²).", value=self.min_area
            )
        if self.site_radius < 0:
            raise EngineError("The site radius cannot be negative (got {value} m).", value=self.site_radius)
        unknown = sorted(set(self.usages or ()) - set(USAGE_KINDS))
        if unknown:
            raise EngineError("Unknown roof usage {usage}.", usage=", ".join(unknown))
