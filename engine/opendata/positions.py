"""Positions checked against the territory, for every loader that places rows.

A :class:`PositionCheck` projects a raw (x, y) in its declared CRS to the target CRS and keeps
it only when it falls in the territory (with a margin).  When most of a source's positions fall
outside, :meth:`PositionCheck.verify` raises an error naming the coordinate system the raw
values most likely are in (a file read in the wrong CRS is an error, never a silent success).
"""

from __future__ import annotations

from collections import Counter

from osgeo import osr
from shapely.geometry import Point
from shapely.prepared import prep

from ..errors import EngineError
from .gpkg import reproject, spatial_reference
from .territory import Territory

#: A source whose positions fall mostly outside is an error from this many positions on.
MIN_POSITIONS = 3
#: Raw positions kept to name the likely CRS of a source that falls outside.
SAMPLES = 200
#: WGS84 boxes (W, S, E, N) of metropolitan France and the overseas départements.
FRANCE_BOXES = (
    (-5.8, 41.0, 10.0, 51.6),
    (-61.9, 15.8, -60.8, 16.6),  # Guadeloupe
    (-61.3, 14.3, -60.7, 14.9),  # Martinique
    (-54.7, 2.0, -51.5, 6.0),  # Guyane
    (55.1, -21.5, 55.9, -20.8),  # La Réunion
    (44.9, -13.1, 45.4, -12.5),  # Mayotte
)
#: (label, CRS, swap x and y) readings tried to name the likely CRS.
READINGS = (
    ("EPSG:2154 (Lambert-93)", "EPSG:2154", False),
    ("EPSG:3857 (Web Mercator)", "EPSG:3857", False),
    ("EPSG:27572 (Lambert II étendu)", "EPSG:27572", False),
    ("EPSG:4326 (longitude, latitude)", "EPSG:4326", False),
    ("EPSG:4326 with latitude and longitude swapped", "EPSG:4326", True),
)


def in_france(longitude: float, latitude: float) -> bool:
    """True for a WGS84 position in France (metropolitan or overseas), not near (0, 0)."""
    if abs(longitude) < 1.0 and abs(latitude) < 1.0:
        return False
    return any(w <= longitude <= e and s <= latitude <= n for w, s, e, n in FRANCE_BOXES)


class PositionCheck:
    """Project raw positions to ``target_crs`` and keep those in the territory (+ ``margin_m``)."""

    def __init__(self, territory: Territory, target_crs: str, margin_m: float) -> None:
        outline = reproject(territory.outline(), territory.crs, target_crs)
        self.area = prep(outline.buffer(margin_m))
        self.target = spatial_reference(target_crs)
        self.transforms: dict[str, osr.CoordinateTransformation] = {}
        self.inside = 0
        self.outside = 0
        self.samples: list[tuple[float, float, str]] = []

    def project(self, x: float, y: float, crs: str) -> Point | None:
        """(x, y) in ``crs`` as a point of the target CRS; None when it cannot be transformed."""
        transform = self.transforms.get(crs)
        if transform is None:
            transform = osr.CoordinateTransformation(spatial_reference(crs), self.target)
            self.transforms[crs] = transform
        try:
            east, north, *_ = transform.TransformPoint(x, y)
        except RuntimeError:
            return None
        point = Point(east, north)
        return point if point.is_valid and abs(east) < 1e12 and abs(north) < 1e12 else None

    def contains(self, x: float, y: float, crs: str) -> Point | None:
        """The projected point when it is in the territory, else None (not counted)."""
        point = self.project(x, y, crs)
        return point if point is not None and self.area.contains(point) else None

    def place(self, x: float, y: float, crs: str) -> Point | None:
        """Like :meth:`contains`, counted: positions outside are kept to name the likely CRS."""
        point = self.contains(x, y, crs)
        if point is not None:
            self.inside += 1
            return point
        self.outside += 1
        if len(self.samples) < SAMPLES:
            self.samples.append((x, y, crs))
        return None

    def likely_crs(self) -> str | None:
        """The reading that puts most of the outside samples in the territory, if any puts half."""
        best: tuple[int, str] | None = None
        for label, crs, swap in READINGS:
            pairs = [(y, x) if swap else (x, y) for x, y, _declared in self.samples]
            hits = sum(self.contains(x, y, crs) is not None for x, y in pairs)
            if hits and (best is None or hits > best[0]):
                best = (hits, label)
        return best[1] if best is not None and 2 * best[0] >= len(self.samples) else None

    def verify(self, source: str) -> None:
        """Raise when most positions fell outside the territory (wrong CRS or swapped axes)."""
        total = self.inside + self.outside
        if total < MIN_POSITIONS or 2 * self.outside <= total:
            return
        declared = Counter(crs for _x, _y, crs in self.samples).most_common(1)[0][0]
        likely = self.likely_crs()
        if likely is not None:
            raise EngineError(
                "{source}: {outside} of {total} positions fall outside the territory: the coordinates "
                "look like {likely}, not {declared}.",
                source=source,
                outside=self.outside,
                total=total,
                likely=likely,
                declared=declared,
            )
        raise EngineError(
            "{source}: {outside} of {total} positions fall outside the territory when read as "
            "{declared}, and no usual coordinate system places them in it.",
            source=source,
            outside=self.outside,
            total=total,
            declared=declared,
        )
