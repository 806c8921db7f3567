"""European List of Waste (LoW) codes: parsing, hazard flag, hierarchy, patterns, material families.

A code has 6 digits in three pairs: chapter ("17"), sub-chapter ("17 02"), code ("17 02 03");
a trailing ``*`` marks a hazardous waste ("07 07 08*").  Declarations write them in many ways
("070708*", "07 07 08 *", "07.07.08*"); :func:`parse_code` accepts all of them.

Receivers list what they accept as codes or patterns: "17 01 01, 17 02 *, 19 *" (also written
"19 * *").  Stars after 2 or 4 digits are a wildcard on the chapter or sub-chapter; after 6 digits
a star is the hazard mark.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_SEPARATORS = re.compile(r"[\s.\-_/]+")
_CODE = re.compile(r"^(\d{6})(\*?)$")
_PATTERN = re.compile(r"^(\d{2}|\d{4}|\d{6})?(\**)$")

#: Match levels on the code hierarchy, best first (used by synergy scoring).
LEVEL_CODE, LEVEL_SUB_CHAPTER, LEVEL_CHAPTER, LEVEL_FAMILY, LEVEL_NONE = 4, 3, 2, 1, 0
LEVEL_NAMES = {
    LEVEL_CODE: "code",
    LEVEL_SUB_CHAPTER: "sub-chapter",
    LEVEL_CHAPTER: "chapter",
    LEVEL_FAMILY: "family",
    LEVEL_NONE: "none",
}
#: Score of each match level (waste flows' synergy score, symbiosis value of a waste or material).
MATCH_SCORE = {
    LEVEL_CODE: 1.0,
    LEVEL_SUB_CHAPTER: 0.8,
    LEVEL_CHAPTER: 0.5,
    LEVEL_FAMILY: 0.3,
    LEVEL_NONE: 0.0,
}


@dataclass(frozen=True, order=True)
class WasteCode:
    """A normalised List of Waste code: ``digits`` ("070708") and the hazardous flag."""

    digits: str
    hazardous: bool = False

    @property
    def chapter(self) -> str:
        return self.digits[:2]

    @property
    def sub_chapter(self) -> str:
        return self.digits[:4]

    @property
    def label(self) -> str:
        """Canonical spelling, e.g. "07 07 08*"."""
        d = self.digits
        return f"{d[:2]} {d[2:4]} {d[4:]}" + ("*" if self.hazardous else "")

    @property
    def family(self) -> str:
        return material_family(self.digits)


def _compact(text: object) -> str:
    return _SEPARATORS.sub("", str(text)).strip() if text is not None else ""


def parse_code(text: object) -> WasteCode | None:
    """Parse a code written with or without spaces, dots or a spaced star; None when not a code.

    >>> parse_code("07 07 08 *")
    WasteCode(digits='070708', hazardous=True)
    """
    match = _CODE.match(_compact(text))
    if match is None:
        return None
    return WasteCode(match.group(1), bool(match.group(2)))


@dataclass(frozen=True)
class Pattern:
    """One accepted code or wildcard: ``prefix`` "" (everything), 2, 4 or 6 digits."""

    prefix: str

    def matches(self, code: WasteCode) -> bool:
        return code.digits.startswith(self.prefix)

    @property
    def level(self) -> int:
        """How specific the pattern is, as a hierarchy level (6 digits = code)."""
        return {6: LEVEL_CODE, 4: LEVEL_SUB_CHAPTER, 2: LEVEL_CHAPTER}.get(len(self.prefix), LEVEL_NONE)


def parse_patterns(text: object) -> list[Pattern]:
    """Parse "17 01 01, 17 02 *, 19 *" (commas or semicolons); unreadable items are skipped.

    A 6-digit item with a star is a hazardous code, not a wildcard; "*" alone accepts everything.
    """
    if text is None:
        return []
    patterns: list[Pattern] = []
    for item in re.split(r"[,;|]", str(text)):
        match = _PATTERN.match(_compact(item))
        if match is None or (match.group(1) is None and not match.group(2)):
            continue
        pattern = Pattern(match.group(1) or "")
        if pattern not in patterns:
            patterns.append(pattern)
    return patterns


def unreadable_patterns(text: object) -> list[str]:
    """The items of an accepted-codes text that :func:`parse_patterns` skips (not a code nor a
    2-, 4- or 6-digit wildcard), as written."""
    if text is None:
        return []
    found = []
    for item in re.split(r"[,;|]", str(text)):
        match = _PATTERN.match(_compact(item))
        if item.strip() and (match is None or (match.group(1) is None and not match.group(2))):
            found.append(item.strip())
    return found


def accepts(patterns: Iterable[Pattern], code: WasteCode) -> bool:
    """True when one of the patterns matches the code."""
    return any(pattern.matches(code) for pattern in patterns)


def match_level(code: WasteCode, patterns: Iterable[Pattern]) -> int:
    """Best hierarchy level at which the patterns relate to the code (synergy matching).

    LEVEL_CODE when a pattern names the code, LEVEL_SUB_CHAPTER / LEVEL_CHAPTER when a pattern
    shares the code's sub-chapter / chapter (whatever the pattern's own length), LEVEL_FAMILY when
    an accepted code or sub-chapter belongs to the code's material family, LEVEL_NONE otherwise.
    A catch-all "*" pattern counts as LEVEL_CHAPTER (it accepts, but says nothing specific).
    """
    best = LEVEL_NONE
    family = code.family
    for pattern in patterns:
        prefix = pattern.prefix
        if not prefix:
            level = LEVEL_CHAPTER
        elif len(prefix) == 6 and prefix == code.digits:
            level = LEVEL_CODE
        elif prefix[:4] == code.sub_chapter and len(prefix) >= 4:
            level = LEVEL_SUB_CHAPTER
        elif prefix[:2] == code.chapter:
            level = LEVEL_CHAPTER
        elif family != "other" and material_family(prefix) == family:
            level = LEVEL_FAMILY
        else:
            level = LEVEL_NONE
        best = max(best, level)
    return best


# Material families (for colours and synergy matching), by the longest matching prefix.
# Chapters mostly say which activity produced the waste; the more specific prefixes say
# what material it is (e.g. 10 02 01 blast-furnace slag is mineral, 12 01 01 filings are metal).
FAMILIES: dict[str, str] = {
    "metals": "Métaux",
    "mineral": "Minéraux, laitiers, cendres, inertes",
    "glass": "Verre",
    "plastics": "Plastiques, caoutchouc",
    "paper_wood": "Papier, carton, bois",
    "organic": "Organiques, biomasse",
    "oils": "Huiles, hydrocarbures",
    "chemicals": "Chimie, solvants, acides",
    "sludge": "Boues, eaux, traitement",
    "electrical": "Équipements électriques, piles",
    "mixed": "Mélanges, emballages, ordures",
    "healthcare": "Soins, laboratoires",
    "other": "Autres",
}

_FAMILY_PREFIXES: dict[str, str] = {
    # chapters
    "01": "mineral", "02": "organic", "03": "paper_wood", "04": "organic", "05": "oils",
    "06": "chemicals", "07": "chemicals", "08": "chemicals", "09": "chemicals", "10": "mineral",
    "11": "chemicals", "12": "metals", "13": "oils", "14": "chemicals", "15": "mixed",
    "16": "other", "17": "mineral", "18": "healthcare", "19": "sludge", "20": "mixed",
    # sub-chapters
    "0702": "plastics", "1003": "metals", "1004": "metals", "1005": "metals", "1006": "metals",
    "1007": "metals", "1008": "metals", "1011": "glass", "1601": "metals", "1602": "electrical",
    "1605": "chemicals", "1606": "electrical", "1607": "oils", "1608": "chemicals",
    "1702": "paper_wood", "1704": "metals", "1901": "mineral", "1910": "metals", "1912": "mixed",
    "1913": "mineral", "2002": "organic",
    # codes
    "120105": "plastics", "120106": "oils", "120107": "oils", "120108": "oils", "120109": "oils",
    "120110": "oils", "150101": "paper_wood", "150102": "plastics", "150103": "paper_wood",
    "150104": "metals", "150107": "glass", "160103": "plastics", "160119": "plastics",
    "160120": "glass", "170202": "glass", "170203": "plastics", "190502": "organic",
    "190503": "organic", "190604": "organic", "190606": "organic", "191201": "paper_wood",
    "191202": "metals", "191203": "metals", "191204": "plastics", "191205": "glass",
    "191207": "paper_wood", "191209": "mineral", "200101": "paper_wood", "200102": "glass",
    "200108": "organic", "200121": "electrical", "200123": "electrical", "200125": "oils",
    "200133": "electrical", "200134": "electrical", "200135": "electrical", "200136": "electrical",
    "200138": "paper_wood", "200139": "plastics", "200140": "metals",
}  # fmt: skip


def material_family(digits: str) -> str:
    """Material family of a code or prefix (2, 4 or 6 digits) by its longest known prefix."""
    for length in (6, 4, 2):
        family = _FAMILY_PREFIXES.get(digits[:length]) if len(digits) >= length else None
        if family:
            return family
    return "other"
