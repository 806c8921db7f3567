"""Options of ``territoire:load_open_data`` stated once (see ``engine/options.py``).

The source (online, cache, sample) and the plain advanced settings are declared here; the
Processing parameters are made from these declarations.  :func:`enum_indices` turns family and
source keys into the option numbers the dialog's widgets take (the dock and scripts give keys).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..options import Choice, option, spec_of
from .schema import FAMILY_NAMES


@dataclass(frozen=True)
class LoadOptions:
    """Where the data comes from, and the advanced settings that are no file."""

    mode: str = option(
        "online",
        "SOURCE",
        label="Source",
        choices=(
            Choice(
                "online", label="Cache, then online: recent downloads reused, the rest downloaded (online)"
            ),
            Choice("cache", label="Cache: no network, the last download (cache)"),
            Choice("sample", label="Sample: the bundled sample territory (sample)"),
        ),
    )
    solar_cadastre: str = option(
        "",
        "SOLAR_CADASTRE",
        label="Local solar cadastre: file or https address (roofs × PVGIS when empty)",
        advanced=True,
    )
    solar_fields: str = option(
        "",
        "SOLAR_FIELDS",
        label="Solar cadastre fields, e.g. irradiation=IRR_MOY;usable_area=SURF_UTILE;potential_kwp=KWC",
        advanced=True,
    )
    keep_non_icpe: bool = option(
        False,
        "KEEP_NON_ICPE",
        label="Keep Géorisques entries that are not classified (Non ICPE)",
        advanced=True,
    )


def source_keys() -> list[str]:
    return [choice.key for choice in spec_of(LoadOptions, "mode").choices]


def enum_indices(parameters: dict) -> dict:
    """``parameters`` with LAYERS and SOURCE given as keys (``roads``, ``sample``) turned into indices.

    The enum parameters store indices (the dialog shows readable labels); scripts, models, the
    dock and ``qgis_process`` may pass the family and source keys instead: one value, a list or
    a comma-separated text.  Unknown values are left for the parameter check to refuse.
    """
    converted = dict(parameters)
    for name, keys in (("LAYERS", FAMILY_NAMES), ("SOURCE", source_keys())):
        value = converted.get(name)
        if value is None:
            continue
        items = value if isinstance(value, (list, tuple)) else str(value).split(",")
        indices = [keys.index(str(item).strip()) if str(item).strip() in keys else item for item in items]
        converted[name] = indices if name == "LAYERS" else indices[0]
    return converted
