"""Multi-criteria decision analysis on grids: transforms, AHP weights, aggregation, site location.

All array functions work on Float32 arrays where NaN means "no data"; transforms map a measured
value to a 0–1 suitability.  Methods follow domain.md §2 (Saaty's AHP; WLC, weighted geometric
mean, min and OWA after Malczewski 2006 / Jiang & Eastman 2000).
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np
from scipy import ndimage

from .errors import Cancelled, EngineError

#: Saaty's random consistency index by matrix size.
RANDOM_INDEX = {1: 0.0, 2: 0.0, 3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49}
FUNCTIONS = ("linear", "sigmoid", "gaussian", "threshold", "categories")
AGGREGATIONS = ("wlc", "geometric", "min", "owa")
#: A transform is considered saturated once within this of its asymptote.
SATURATION_TOLERANCE = 1e-4
#: Elements of a grid transformed at a time: a chunk stays in the processor's cache (256 KB).
CACHE_CHUNK = 1 << 16


# --- transforms ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Transform:
    """A value → 0–1 suitability function.

    ``linear``: benefit 0 at ≤ low, 1 at ≥ high (cost: the reverse).  ``sigmoid``: cost
    1/(1+exp((x−midpoint)/spread)), benefit the mirror.  ``gaussian``: exp(−½((x−ideal)/spread)²).
    ``threshold``: benefit 1 at ≥ value else 0 (cost: 1 at ≤ value).  ``categories``: a table
    value → suitability, ``default`` for other values (no data when absent).
    """

    function: str
    direction: str = "benefit"
    low: float = 0.0
    high: float = 1.0
    midpoint: float = 0.0
    spread: float = 1.0
    ideal: float = 0.0
    value: float = 0.0
    categories: dict[str, float] = field(default_factory=dict)
    default: float | None = None

    def apply(self, x: np.ndarray) -> np.ndarray:
        """Transform Float32 ``x`` in place (NaN stays NaN) and return it.

        A large contiguous grid goes by chunks that stay in the processor's cache through the
        transform's several steps (each element on its own: the same values)."""
        if not x.flags.c_contiguous or x.size <= CACHE_CHUNK:
            return self._apply(x)
        flat = x.reshape(-1)
        for chunk in _cache_chunks(flat.size):
            self._apply(flat[chunk])
        return x

    def _apply(self, x: np.ndarray) -> np.ndarray:
        cost = self.direction == "cost"
        if self.function == "linear":
            np.subtract(x, self.low, out=x)
            np.multiply(x, 1.0 / (self.high - self.low), out=x)
            np.clip(x, 0.0, 1.0, out=x)
            if cost:
                np.subtract(1.0, x, out=x)
        elif self.function == "sigmoid":
            np.subtract(x, self.midpoint, out=x)
            np.multiply(x, (1.0 if cost else -1.0) / self.spread, out=x)
            np.clip(x, -80.0, 80.0, out=x)
            np.exp(x, out=x)
            np.add(x, 1.0, out=x)
            np.reciprocal(x, out=x)
        elif self.function == "gaussian":
            np.subtract(x, self.ideal, out=x)
            np.multiply(x, 1.0 / self.spread, out=x)
            np.square(x, out=x)
            np.multiply(x, -0.5, out=x)
            np.exp(x, out=x)
        elif self.function == "threshold":
            nodata = np.isnan(x)
            passed = x <= self.value if cost else x >= self.value
            x[...] = passed
            x[nodata] = np.nan
        else:  # categories on numeric codes
            result = np.full(x.shape, np.nan if self.default is None else self.default, dtype=np.float32)
            result[np.isnan(x)] = np.nan
            for key, suitability in self.categories.items():
                result[x == float(key)] = suitability
            x[...] = result
        return x

    def category_value(self, raw: object) -> float:
        """Suitability of one attribute value for ``categories`` (NaN when unknown and no default)."""
        key = "" if raw is None else str(raw)
        if key in self.categories:
            return self.categories[key]
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            for candidate, suitability in self.categories.items():
                try:
                    if float(candidate) == float(raw):
                        return suitability
                except ValueError:
                    continue
        return math.nan if self.default is None else self.default

    def evaluate(self, values: np.ndarray) -> np.ndarray:
        """The curve at ``values`` (a copy, for plots and tests)."""
        return self.apply(np.array(values, dtype=np.float32))

    def saturation(self) -> float | None:
        """Measured value beyond which the transform no longer changes (for distances), else None."""
        if self.function == "linear":
            return max(self.low, self.high)
        if self.function == "threshold":
            return self.value
        if self.function == "sigmoid":
            return self.midpoint + self.spread * math.log(1.0 / SATURATION_TOLERANCE)
        if self.function == "gaussian":
            return self.ideal + self.spread * math.sqrt(2.0 * math.log(1.0 / SATURATION_TOLERANCE))
        return None


# --- AHP ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class AhpResult:
    """Weights (principal eigenvector, sum 1), λmax, consistency index and ratio, worst pair."""

    weights: np.ndarray
    lambda_max: float
    ci: float
    cr: float
    worst_pair: tuple[int, int]
    worst_consistent_value: float


def ahp(matrix: np.ndarray) -> AhpResult:
    """Saaty's AHP on a positive reciprocal pairwise matrix (``a[i][j]`` = importance of i over j).

    The most inconsistent pair is the one whose judgement is furthest (in log ratio) from the
    value the weights imply, ``w[i] / w[j]``.
    """
    matrix = np.asarray(matrix, dtype=float)
    n = matrix.shape[0]
    if n > max(RANDOM_INDEX):
        raise EngineError("AHP supports at most {max} criteria, not {n}.", max=max(RANDOM_INDEX), n=n)
    values, vectors = np.linalg.eig(matrix)
    principal = int(np.argmax(values.real))
    lambda_max = float(values[principal].real)
    weights = np.abs(vectors[:, principal].real)
    weights /= weights.sum()
    ci = (lambda_max - n) / (n - 1) if n > 2 else 0.0
    cr = ci / RANDOM_INDEX[n] if RANDOM_INDEX[n] else 0.0
    implied = weights[:, None] / weights[None, :]
    error = np.abs(np.log(matrix / implied))
    i, j = np.unravel_index(int(np.argmax(np.triu(error, 1))), error.shape)
    return AhpResult(weights, lambda_max, max(ci, 0.0), max(cr, 0.0), (int(i), int(j)), float(implied[i, j]))


def normalise(weights: np.ndarray | list[float]) -> np.ndarray:
    """Weights scaled to sum 1."""
    array = np.asarray(weights, dtype=float)
    return array / array.sum()


# --- aggregation --------------------------------------------------------------------------
def accumulate(total: np.ndarray | None, value: np.ndarray, weight: float, method: str) -> np.ndarray:
    """Add one transformed criterion to a running aggregate (``wlc``, ``geometric`` or ``min``).

    ``value`` may be overwritten.  For ``geometric`` the running total is Σ w·ln(v); call
    :func:`finish` at the end.  Large contiguous grids go by cache-sized chunks (same values).
    """
    small = value.size <= CACHE_CHUNK
    if total is None or small or not (value.flags.c_contiguous and total.flags.c_contiguous):
        return _accumulate(total, value, weight, method)
    sums, values = total.reshape(-1), value.reshape(-1)
    for chunk in _cache_chunks(values.size):
        _accumulate(sums[chunk], values[chunk], weight, method)
    return total


def _cache_chunks(size: int) -> Iterator[slice]:
    """Slices of CACHE_CHUNK elements covering ``size``."""
    return (slice(start, start + CACHE_CHUNK) for start in range(0, size, CACHE_CHUNK))


def _accumulate(total: np.ndarray | None, value: np.ndarray, weight: float, method: str) -> np.ndarray:
    if method == "wlc":
        np.multiply(value, weight, out=value)
    elif method == "geometric":
        with np.errstate(divide="ignore"):
            np.log(value, out=value)
        np.multiply(value, weight, out=value)
    if total is None:
        return value
    if method == "min":
        np.minimum(total, value, out=total)
    else:
        np.add(total, value, out=total)
    return total


def finish(total: np.ndarray, method: str) -> np.ndarray:
    """Turn a running aggregate into the 0–1 suitability (in place)."""
    if method == "geometric":
        np.exp(total, out=total)
    return total


def aggregate(
    stack: np.ndarray, weights: np.ndarray, method: str, order_weights: np.ndarray | None = None
) -> np.ndarray:
    """Aggregate transformed criteria ``stack`` (criteria on axis 0) into a 0–1 suitability.

    OWA (Malczewski 2006): values sorted in decreasing order z₍ⱼ₎ with their criterion weights
    u₍ⱼ₎ and order weights vⱼ give Σ (u₍ⱼ₎vⱼ / Σ u₍ₖ₎vₖ) z₍ⱼ₎; equal order weights give WLC.
    """
    weights = np.asarray(weights, dtype=np.float32).reshape((-1,) + (1,) * (stack.ndim - 1))
    if method == "wlc":
        return (stack * weights).sum(axis=0)
    if method == "geometric":
        with np.errstate(divide="ignore"):
            return np.exp((np.log(stack) * weights).sum(axis=0))
    if method == "min":
        return stack.min(axis=0)
    order = np.argsort(-np.nan_to_num(stack, nan=-1.0), axis=0, kind="stable")
    sorted_values = np.take_along_axis(stack, order, axis=0)
    sorted_weights = np.take_along_axis(np.broadcast_to(weights, stack.shape), order, axis=0)
    order_weights = np.asarray(order_weights, dtype=np.float32).reshape(weights.shape)
    products = sorted_weights * order_weights
    with np.errstate(invalid="ignore", divide="ignore"):
        return (products * sorted_values).sum(axis=0) / products.sum(axis=0)


# --- locating sites -----------------------------------------------------------------------
Progress = Callable[[], bool]


def locate_regions(
    score: np.ndarray,
    cell_size: float,
    min_area: float,
    count: int,
    min_spacing: float,
    is_cancelled: Progress = lambda: False,
) -> list[np.ndarray]:
    """Up to ``count`` contiguous regions of ``ceil(min_area / cell²)`` cells, best first.

    Seeds are the cells whose surrounding window (about the region's size) has the highest
    mean suitability; each region grows from its seed by adding the best 4-connected
    neighbour until it reaches the area; cells nearer than ``min_spacing`` to a region are
    closed to later ones.  NaN cells are never used.  Returns flat cell indices per region.
    """
    height, width = score.shape
    cells = max(1, math.ceil(min_area / (cell_size * cell_size) - 1e-9))
    valid = ~np.isnan(score)
    labels, _ = ndimage.label(valid)
    sizes = np.bincount(labels.ravel())
    big_enough = sizes >= cells
    big_enough[0] = False
    open_cells = big_enough[labels]
    del labels
    side = max(1, int(math.sqrt(cells)) | 1)
    focal = ndimage.uniform_filter(np.where(valid, score, 0).astype(np.float32), size=side, mode="constant")
    focal[~open_cells] = -np.inf
    regions: list[np.ndarray] = []
    spacing_cells = math.ceil(min_spacing / cell_size)
    flat_score = score.ravel()
    while len(regions) < count:
        if is_cancelled():
            raise Cancelled()
        seed = int(np.argmax(focal))
        if focal.flat[seed] == -np.inf:
            break
        region = _grow(seed, cells, flat_score, open_cells.ravel(), width, height)
        if len(region) < cells:
            focal.flat[region] = -np.inf
            continue
        regions.append(region)
        rows, cols = np.divmod(region, width)
        top, bottom = max(rows.min() - spacing_cells, 0), min(rows.max() + spacing_cells + 1, height)
        left, right = max(cols.min() - spacing_cells, 0), min(cols.max() + spacing_cells + 1, width)
        window = np.ones((bottom - top, right - left), dtype=bool)
        window[rows - top, cols - left] = False
        near = ndimage.distance_transform_edt(window, sampling=cell_size) < max(min_spacing, 1e-9)
        open_cells[top:bottom, left:right][near] = False
        focal[top:bottom, left:right][near] = -np.inf
    return regions


def _grow(
    seed: int, cells: int, score: np.ndarray, open_cells: np.ndarray, width: int, height: int
) -> np.ndarray:
    """Best-first region growing from ``seed`` over open cells (4-connectivity)."""
    taken = {seed}
    region = [seed]
    frontier: list[tuple[float, int]] = []

    def push_neighbours(index: int) -> None:
        row, col = divmod(index, width)
        for r, c in ((row - 1, col), (row + 1, col), (row, col - 1), (row, col + 1)):
            if 0 <= r < height and 0 <= c < width:
                neighbour = r * width + c
                if neighbour not in taken and open_cells[neighbour]:
                    taken.add(neighbour)
                    heapq.heappush(frontier, (-float(score[neighbour]), neighbour))

    push_neighbours(seed)
    while len(region) < cells and frontier:
        _, index = heapq.heappop(frontier)
        region.append(index)
        push_neighbours(index)
    return np.array(region, dtype=np.int64)


# --- sensitivity --------------------------------------------------------------------------
def stay_top_probability(
    values: np.ndarray,
    site_of_cell: np.ndarray,
    sites: int,
    weights: np.ndarray,
    method: str,
    order_weights: np.ndarray | None,
    top: int,
    runs: int,
    perturbation: float,
    seed: int = 0,
    is_cancelled: Progress = lambda: False,
) -> np.ndarray:
    """Share of Monte Carlo runs in which each site ranks in the ``top`` by mean suitability.

    ``values``: transformed criteria (criteria × cells) of the cells of all sites;
    ``site_of_cell``: the site index of each of those cells.  Each run multiplies every weight
    by a uniform factor in [1 − p, 1 + p] (``perturbation`` = p) and renormalises.
    """
    generator = np.random.default_rng(seed)
    counts = np.bincount(site_of_cell, minlength=sites).astype(float)
    in_top = np.zeros(sites)
    for _ in range(runs):
        if is_cancelled():
            raise Cancelled()
        factors = generator.uniform(1.0 - perturbation, 1.0 + perturbation, size=len(weights))
        perturbed = normalise(np.asarray(weights) * factors)
        cell_scores = aggregate(values, perturbed, method, order_weights)
        with np.errstate(invalid="ignore"):
            means = np.bincount(site_of_cell, weights=np.nan_to_num(cell_scores), minlength=sites) / counts
        means[counts == 0] = -np.inf
        ranking = np.argsort(-means, kind="stable")[:top]
        in_top[ranking[np.isfinite(means[ranking])]] += 1
    return in_top / max(runs, 1)
