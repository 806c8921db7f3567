"""Text compared as people write it: one fold for names, kinds, units and months."""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: object, words_only: bool = False) -> str:
    """``text`` in lower case without accents, its spaces single and trimmed ("  Déchèterie "
    → "decheterie"), so "Industriel" matches "industriel" and "Déchèterie" "decheterie".

    ``words_only``: every run of characters other than a–z and 0–9 (hyphens, apostrophes,
    letters with no plain form) becomes one space, for names ("Saint-Pol-sur-Mer" →
    "saint pol sur mer").
    """
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(character for character in decomposed if not unicodedata.combining(character)).lower()
    if words_only:
        return _NOT_WORD.sub(" ", plain).strip()
    return " ".join(plain.split())
