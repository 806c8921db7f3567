"""The profile sheet of a commune on an atlas page: its figures beside the territory's median.

Reads the rows of ``territoire:territory_profile`` (``<indicator>`` and ``<indicator>_median``
fields) and gives the texts of the sheet, row by row: indicator names, the commune's values,
the medians.  Qt-free: the layout code only places the texts.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .dossier import number


@dataclass(frozen=True)
class ProfileLine:
    """One indicator of the sheet: its field, its name and unit in each language, its decimals."""

    field: str
    label_fr: str
    label_en: str
    unit_fr: str = ""
    unit_en: str = ""
    decimals: int = 0

    def label(self, language: str) -> str:
        return self.label_fr if language == "fr" else self.label_en

    def unit(self, language: str) -> str:
        return self.unit_fr if language == "fr" else self.unit_en


#: The indicators of engine.profile.INDICATORS, in the order of the sheet.
PROFILE_LINES = (
    ProfileLine("population", "Population", "Population", "hab.", "inh."),
    ProfileLine("area_km2", "Superficie", "Area", "km²", "km²", 1),
    ProfileLine("density", "Densité", "Density", "hab./km²", "inh./km²"),
    ProfileLine("ftth_rate", "Locaux éligibles à la fibre", "Premises with FTTH", "%", "%"),
    ProfileLine("icpe_count", "Sites industriels (ICPE)", "Industrial sites (ICPE)"),
    ProfileLine("seveso_count", "dont Seveso", "of which Seveso"),
    ProfileLine("waste_t", "Déchets industriels déclarés", "Declared industrial waste", "t/an", "t/yr"),
    ProfileLine("decheteries_near", "Déchèteries à proximité", "Waste centres nearby"),
    ProfileLine("solar_mwh", "Potentiel solaire des toits", "Rooftop solar potential", "MWh/an", "MWh/yr"),
    ProfileLine("wifi_share", "Surface couverte en Wi-Fi", "Area with public Wi-Fi", "%", "%"),
    ProfileLine("port_area_ha", "Zone portuaire", "Port area", "ha", "ha"),
)

#: Written where a value is unknown (NULL).
UNKNOWN = "—"


def _known(value: object) -> bool:
    if value is None or isinstance(value, bool):
        return False
    try:
        return not math.isnan(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def format_value(value: object, line: ProfileLine, language: str) -> str:
    """``86 000 hab.``, ``43,0 km²``, ``88 %``; ``—`` when unknown."""
    if not _known(value):
        return UNKNOWN
    text = number(float(value), language, line.decimals)  # type: ignore[arg-type]
    unit = line.unit(language)
    if not unit:
        return text
    return f"{text}\u00a0{unit}"


def sheet_lines(fields: Iterable[str], rows: Iterable[Mapping[str, object]]) -> list[ProfileLine]:
    """The indicators a layer carries with their median, and that are known somewhere.

    An indicator whose input was not given is NULL for every commune: it is left off the sheet
    rather than shown as a column of dashes.
    """
    names = set(fields)
    present = [line for line in PROFILE_LINES if {line.field, f"{line.field}_median"} <= names]
    rows = list(rows)
    return [
        line
        for line in present
        if any(_known(row.get(line.field)) or _known(row.get(f"{line.field}_median")) for row in rows)
    ]


@dataclass(frozen=True)
class ProfileSheet:
    """The rows of the sheet: indicator names, medians, and each feature's values (by row key)."""

    labels: list[str]
    medians: list[str]
    values: dict[object, list[str]]


def profile_sheet(
    rows: Mapping[object, Mapping[str, object]], lines: list[ProfileLine], language: str
) -> ProfileSheet:
    """Texts of the sheet for ``rows`` (keyed by feature id).

    The median is the territory's: the same on every row; it is read from the first row that
    knows it.
    """
    medians = []
    for line in lines:
        known = [row.get(f"{line.field}_median") for row in rows.values()]
        medians.append(next((value for value in known if _known(value)), None))
    return ProfileSheet(
        labels=[line.label(language) for line in lines],
        medians=[format_value(value, line, language) for value, line in zip(medians, lines)],
        values={
            key: [format_value(row.get(line.field), line, language) for line in lines]
            for key, row in rows.items()
        },
    )
