"""Options of the print layouts: the map export and the two dossiers (see ``engine/options.py``).

The Processing parameters of ``export_map``, ``decision_dossier`` and ``synergy_dossier`` are made
from these declarations; the layouts (``maps/``) read the dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import EngineError
from .options import Choice, option

#: What ``FORMAT`` may be: ``auto`` follows the output file name's extension.
FORMATS = ("pdf", "png", "svg")


@dataclass(frozen=True)
class MapOptions:
    """``export_map``: the texts of the map and how it is written."""

    title: str = option("", "TITLE", label="Title")
    subtitle: str = option("", "SUBTITLE", label="Subtitle")
    author: str = option("", "AUTHOR", label="Author")
    output_format: str = option(
        "auto",
        "FORMAT",
        label="Format",
        choices=(
            Choice("auto", label="From the output file name"),
            Choice("pdf", label="PDF"),
            Choice("png", label="PNG"),
            Choice("svg", label="SVG"),
        ),
    )
    dpi: int = option(200, "DPI", label="Resolution", unit="dpi", minimum=50, maximum=1200)


@dataclass(frozen=True)
class DossierOptions:
    """The cover of a dossier."""

    title: str = option("", "TITLE", label="Title")
    subtitle: str = option("", "SUBTITLE", label="Subtitle")
    territory: str = option("", "TERRITORY", label="Territory")
    author: str = option("", "AUTHOR", label="Author")


@dataclass(frozen=True)
class DecisionDossierOptions(DossierOptions):
    """``decision_dossier``: its cover (the title defaults to the model's name)."""

    title: str = option("", "TITLE", label="Title (default: the model's name)")
    territory: str = option("", "TERRITORY", label="Territory (shown on the cover)")


@dataclass(frozen=True)
class SynergyDossierOptions(DossierOptions):
    """``synergy_dossier``: its cover, whether confidential actors are named, how many pages."""

    show_confidential: bool = option(
        False, "SHOW_CONFIDENTIAL", label="Print the names of confidential actors"
    )
    max_pages: int = option(30, "MAX_PAGES", label="Synergy pages at most", minimum=1)


def output_format(chosen: str, suffix: str) -> str:
    """The format to write: the chosen one, else the output file's extension, else PDF.

    A chosen format that the file name's extension contradicts is refused.
    """
    suffix = suffix.lower().lstrip(".")
    if chosen != "auto" and suffix in FORMATS and suffix != chosen:
        raise EngineError(
            "The output file name ends in .{suffix} but the format is {format}: make them agree.",
            suffix=suffix,
            format=chosen,
        )
    if chosen != "auto":
        return chosen
    return suffix if suffix in FORMATS else "pdf"
