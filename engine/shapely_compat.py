"""The few Shapely and GeoPandas calls whose spelling differs between the stacks QGIS ships:
Debian 12 (Shapely 1.8, GeoPandas 0.12) and current QGIS (Shapely 2.x, GeoPandas 1.x), where
the old spelling is deprecated. One place, so that no module writes the version test again."""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

SHAPELY_2 = hasattr(shapely, "contains_xy")
#: (major, minor, patch) of the GEOS library under Shapely (``shapely.geos`` is deprecated in 2.x).
GEOS_VERSION: tuple[int, int, int] = (
    shapely.geos_version if SHAPELY_2 else __import__("shapely.geos").geos.geos_version
)


class GeometryIndex:
    """A spatial index over ``geometries`` whose queries answer positions, in increasing order
    (Shapely 1.8 answers geometries and Shapely 2 positions, neither in a set order)."""

    def __init__(self, geometries: Sequence[BaseGeometry]) -> None:
        self.geometries = list(geometries)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Shapely 1.8 announces the 2.0 STRtree API
            self._tree = STRtree(self.geometries)
        self._position = {id(geometry): k for k, geometry in enumerate(self.geometries)}

    def query(self, geometry: BaseGeometry) -> list[int]:
        """Positions of the geometries whose envelope meets ``geometry``'s."""
        hits = self._tree.query(geometry)
        if SHAPELY_2:
            return sorted(int(hit) for hit in hits)
        return sorted(self._position[id(hit)] for hit in hits)


def covers_xy(polygon: BaseGeometry, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Whether each point (x, y) is inside ``polygon`` or on its boundary."""
    if SHAPELY_2:
        return shapely.contains_xy(polygon, x, y) | shapely.intersects_xy(polygon.boundary, x, y)
    from shapely import vectorized

    return vectorized.contains(polygon, x, y) | vectorized.touches(polygon, x, y)


def union_all(geometries) -> BaseGeometry:
    """The union of a GeoSeries (``union_all()`` since GeoPandas 1.0, ``unary_union`` before)."""
    if hasattr(geometries, "union_all"):
        return geometries.union_all()
    return geometries.unary_union
