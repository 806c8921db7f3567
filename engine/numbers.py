"""One reader of the numbers users type into attribute tables.

``parse_number`` reads numbers stored as numbers or as text, in French or English writing:
``1 200,5``, ``1.200,5``, ``1,200.5``, ``12,5``, with ordinary, non-breaking or narrow no-break
spaces as thousands separators, and the Unicode minus sign.  NULL and empty text are missing
(None); anything else that is not a number raises ValueError — never a silent 0.
``number_or_none`` is the same reading for values where an unreadable one is just unknown (open
data, survey cells): None instead of ValueError.  ``parse_bool`` reads yes/no values the same way
(``oui``, ``vrai``, ``1``…).
``read_numbers`` reads a whole column the same way and says what it left out, with counts and
examples: text that is not a number, and values outside the range the quantity allows
(negative tonnes, capacities, populations, heights, areas).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from .errors import EngineWarning

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007']")
_PLAIN = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?P<sep>[.,])\d{3}(?:(?P=sep)\d{3})*(?P<rest>[.,]\d*)?")
#: How many unreadable values a warning quotes.
EXAMPLES = 3


def parse_number(value: object) -> float | None:
    """The number ``value`` holds: None for NULL / empty text, ValueError for anything else that
    is not a finite number (text, booleans, NaN and infinities written out)."""
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)):
        raise ValueError(f"not a number: {value!r}")
    if isinstance(value, (int, float, np.integer, np.floating)):
        number = float(value)
        if math.isnan(number):
            return None
        if math.isinf(number):
            raise ValueError(f"not a finite number: {value!r}")
        return number
    text = _SPACES.sub("", str(value)).replace("\u2212", "-")
    if not text:
        return None
    if _PLAIN.fullmatch(text):
        return float(text)
    grouped = _GROUPED.fullmatch(text)
    if grouped:
        separator, rest = grouped["sep"], grouped["rest"] or ""
        if not rest and text.count(separator) == 1:  # "1,200" / "1.200": a decimal separator
            return float(text.replace(",", "."))
        if rest and rest[0] == separator:  # "1,200,5": no reading is sure
            raise ValueError(f"not a number: {value!r}")
        digits = text[: len(text) - len(rest)].replace(separator, "")
        return float(digits + rest.replace(",", "."))
    if text.count(",") == 1 and _PLAIN.fullmatch(text.replace(",", ".")):  # "12,5", ",5"
        return float(text.replace(",", "."))
    raise ValueError(f"not a number: {value!r}")


def number_or_none(value: object) -> float | None:
    """:func:`parse_number`, with None also for what is not a number."""
    try:
        return parse_number(value)
    except ValueError:
        return None


#: Texts read as "yes" (after trimming and lower-casing), in English and French.
TRUE_WORDS = frozenset({"1", "true", "t", "yes", "y", "oui", "o", "vrai"})


def parse_bool(value: object) -> bool:
    """True for True, a non-zero number or a :data:`TRUE_WORDS` text; False for anything else
    (NULL, NaN, 0, other text)."""
    if value is None:
        return False
    if isinstance(value, (bool, np.bool_, int, np.integer, float, np.floating)):
        return not math.isnan(value) and bool(value)
    return str(value).strip().lower() in TRUE_WORDS


@dataclass
class Numbers:
    """A column read by :func:`read_numbers`: NaN where missing, unreadable or out of range."""

    values: np.ndarray
    missing: int = 0
    unreadable: list[str] = field(default_factory=list)
    out_of_range: list[float] = field(default_factory=list)

    def warnings(self, what: str) -> list[EngineWarning]:
        """What was left out of ``what`` (a field as the dialog names it), counted with examples."""
        found = []
        if self.unreadable:
            found.append(
                EngineWarning(
                    "{count} values of {field} are not numbers and are ignored (e.g. {examples}).",
                    count=len(self.unreadable),
                    field=what,
                    examples=", ".join(f"\u201c{text}\u201d" for text in self.unreadable[:EXAMPLES]),
                )
            )
        if self.out_of_range:
            found.append(
                EngineWarning(
                    "{count} values of {field} are out of range (negative or too large) and are ignored "
                    "(e.g. {examples}).",
                    count=len(self.out_of_range),
                    field=what,
                    examples=", ".join(f"{value:g}" for value in self.out_of_range[:EXAMPLES]),
                )
            )
        return found


def read_numbers(
    values: Iterable[object], minimum: float | None = 0.0, maximum: float | None = None
) -> Numbers:
    """Every value through :func:`parse_number`; values below ``minimum`` or above ``maximum``
    (None: no bound) become NaN and are listed, as are unreadable ones."""
    numbers: list[float] = []
    result = Numbers(np.zeros(0))
    for value in values:
        try:
            number = parse_number(value)
        except ValueError:
            result.unreadable.append(str(value).strip())
            numbers.append(math.nan)
            continue
        if number is None:
            result.missing += 1
            numbers.append(math.nan)
        elif (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
            result.out_of_range.append(number)
            numbers.append(math.nan)
        else:
            numbers.append(number)
    result.values = np.asarray(numbers, dtype=float)
    return result
