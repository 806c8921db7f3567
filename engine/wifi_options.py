"""Options of the Wi-Fi coverage and placement runs, each stated once (``engine/options.py``).

:class:`RadioOptions` holds what both algorithms share: the transmitters' defaults, the
propagation model, the reception margins, the grid and where the demand's signal is read.
:class:`PlacementOptions` holds the placement's goal and solver settings.  This module imports
nothing heavy: the Processing parameters are made from it when the plugin registers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .options import Choice, option

if TYPE_CHECKING:
    from .wifi_propagation import RadioSettings

#: Level of a good signal (dBm), above the usable threshold (the coverage's "good" class).
GOOD_THRESHOLD = -67.0


@dataclass(frozen=True)
class RadioOptions:
    """Transmitter defaults, propagation, reception and grid settings shared by both runs."""

    eirp: float = option(
        20.0,
        "EIRP",
        label="EIRP when the layer has no EIRP value",
        unit="dBm",
        minimum=-10.0,
        maximum=40.0,
        advanced=True,
        help="Used for hotspots whose EIRP field is empty or not chosen. 20 dBm (100 mW) is the "
        "outdoor cap of the 2.4 GHz band in France and the EU.",
    )
    height: float = option(
        4.0,
        "HEIGHT",
        label="Antenna height above ground when not given",
        unit="m",
        minimum=0.0,
        advanced=True,
        help="Used for hotspots whose height field is empty or not chosen. 4 m: an access point on "
        "a lamp post or a façade.",
    )
    frequency: float = option(
        2437.0,
        "FREQUENCY",
        label="Frequency when not given (MHz; 2.4, 5 or 6 are read as GHz bands)",
        minimum=0.1,
        advanced=True,
        help="Used for hotspots whose frequency field is empty or not chosen. 2437 MHz is channel 6 "
        "of the 2.4 GHz band; 2.4, 5 or 6 are read as the centre of those bands.",
    )
    model: str = option(
        "p1411",
        "MODEL",
        label="Propagation model",
        choices=(
            Choice("free_space", label="Free space"),
            Choice("log_distance", label="Log-distance"),
            Choice("p1411", label="ITU-R P.1411 site-general (LoS / NLoS from the obstruction)"),
        ),
        advanced=True,
        help="Default ITU-R P.1411 site-general: measured coefficients for streets, line-of-sight "
        "where the path is clear, obstructed (NLoS) where buildings or terrain stand between the "
        "hotspot and the cell. Free space is an optimistic upper limit; log-distance uses the "
        "exponents below.",
    )
    environment: str = option(
        "urban",
        "ENVIRONMENT",
        label="Environment of obstructed (NLoS) paths for ITU-R P.1411",
        choices=(
            Choice("urban", label="Urban (dense, high-rise)"),
            Choice("residential", label="Residential (low-rise)"),
        ),
        advanced=True,
        help="Default urban: the more cautious of the two (a higher loss behind buildings). Choose "
        "residential for low-rise districts.",
    )
    exponent: float = option(
        2.2,
        "EXPONENT",
        label="Log-distance exponent, clear paths",
        minimum=1.0,
        maximum=6.0,
        advanced=True,
        help="Log-distance model only. 2 is free space; 2.2 (default) a clear street.",
    )
    nlos_exponent: float = option(
        3.5,
        "NLOS_EXPONENT",
        label="Log-distance exponent, obstructed paths",
        minimum=1.0,
        maximum=6.0,
        advanced=True,
        help="Log-distance model only. 3.5 (default) is typical behind buildings in a town.",
    )
    sigma_db: float = option(
        4.0,
        "SIGMA",
        label="Log-distance shadowing standard deviation",
        unit="dB",
        minimum=0.0,
        maximum=20.0,
        advanced=True,
        help="Log-distance model only: the spread of the signal around its mean (4 dB by default). "
        "ITU-R P.1411 has its own.",
    )
    max_range: float = option(
        300.0,
        "MAX_RANGE",
        label="Maximum range of a hotspot",
        kind="distance",
        minimum=10.0,
        advanced=True,
        help="No hotspot is computed beyond this distance. 300 m (default) is beyond the usable "
        "range of an outdoor access point; a larger range costs time.",
    )
    indoor: str = option(
        "none",
        "INDOOR",
        label="Building entry loss inside buildings (ITU-R P.2109)",
        choices=(
            Choice("none", label="None (outdoor signal at the building)"),
            Choice("traditional", label="Traditional building"),
            Choice("thermally_efficient", label="Thermally efficient building"),
        ),
        advanced=True,
        help="Default none: the signal is read outdoors. Traditional or thermally efficient "
        "buildings (coated glass) lower the signal inside them.",
    )
    rx_height: float = option(
        1.5,
        "RX_HEIGHT",
        label="Receiver height above ground",
        unit="m",
        minimum=0.0,
        advanced=True,
        help="1.5 m (default): a phone in the hand.",
    )
    body_loss: float = option(
        3.0,
        "BODY_LOSS",
        label="Body loss",
        unit="dB",
        minimum=0.0,
        maximum=30.0,
        advanced=True,
        help="Loss of the user's body and hand: 3 dB by default.",
    )
    location_probability: float = option(
        90.0,
        "LOCATION_PROBABILITY",
        label="Share of locations reaching the level",
        unit="%",
        minimum=1.0,
        maximum=99.9,
        advanced=True,
        help="A cell counts as covered when the signal reaches the level at this share of the "
        "locations of the cell (a margin for shadowing): 90 % by default.",
    )
    threshold: float = option(
        -75.0,
        "THRESHOLD",
        label="Usable signal threshold",
        unit="dBm",
        minimum=-120.0,
        maximum=0.0,
        help="−75 dBm (default): web browsing and messaging work; −67 dBm is shown as good.",
    )
    cell_size: float = option(
        2.0,
        "CELL_SIZE",
        label="Cell size",
        kind="distance",
        minimum=0.25,
        help="2 m (default) resolves streets between buildings; a larger cell is faster.",
    )
    demand_at: str = option(
        "frontage",
        "DEMAND_AT",
        label="Where the signal of a demand building is read",
        choices=(
            Choice(
                "frontage",
                label="In front of the building: outdoor cells along its walls, at receiver height "
                "(public-space Wi-Fi)",
            ),
            Choice(
                "building", label="On the building: its own cells (roof line, or indoors with an entry loss)"
            ),
        ),
        advanced=True,
        help="Default in front of the building, as public-space Wi-Fi is judged; on the building "
        "reads the cells of the building itself.",
    )

    def settings(self) -> RadioSettings:
        """The propagation engine's settings."""
        from .wifi_propagation import RadioSettings

        return RadioSettings(
            model=self.model,
            environment=self.environment,
            exponent=self.exponent,
            nlos_exponent=self.nlos_exponent,
            sigma_db=self.sigma_db,
            rx_height=self.rx_height,
            body_loss=self.body_loss,
            location_probability=self.location_probability,
            threshold=self.threshold,
            good_threshold=GOOD_THRESHOLD,
            max_range=self.max_range,
            indoor=self.indoor,
        )

    @property
    def defaults(self) -> dict[str, float]:
        """Transmitter values used where a hotspot layer gives none."""
        return {"eirp": self.eirp, "height": self.height, "frequency": self.frequency}


@dataclass(frozen=True)
class PlacementOptions:
    """What the placement optimises and how long its exact solver may run."""

    mode: str = option(
        "count",
        "MODE",
        label="Choose",
        choices=(
            Choice("count", label="A number of new hotspots"),
            Choice("target", label="The fewest hotspots reaching a target share"),
            Choice("budget", label="The best coverage within a budget"),
        ),
    )
    count: int = option(10, "COUNT", label="Number of new hotspots", minimum=1)
    target_pct: float = option(
        90.0,
        "TARGET",
        label="Target share of the demand within usable signal",
        unit="%",
        minimum=0.1,
        maximum=100.0,
    )
    time_limit: float = option(
        60.0,
        "TIME_LIMIT",
        label="Time limit of the exact solver",
        unit="s",
        minimum=1.0,
        advanced=True,
        help="The plan and its proven bound come first; branch-and-bound then runs while the gap is "
        "above 0.5 %, at most this long (60 s by default). The gap reached is always reported.",
    )
    budget: float | None = None  # total cost allowed (same unit as the costs); None: no budget
