"""Wi-Fi propagation on a raster grid: path loss, line of sight and best-server coverage.

Received power at a cell = EIRP + antenna pattern − path loss − body loss − z(p)·σ
(− building entry loss inside buildings).  Line of sight comes from GDAL's viewshed run on
the obstruction surface (terrain + buildings, or a DSM) in a window of ``max_range`` around
each hotspot, so the cost per hotspot does not depend on the size of the grid.

References: free-space loss (ITU-R P.525); ITU-R P.1411 §4.1.1 site-general model (both ends
below rooftops); ITU-R P.2109 building entry loss; 3GPP TR 36.814 sector pattern.
"""

from __future__ import annotations

import contextlib
import functools
import math
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from osgeo import gdal, gdal_array, ogr, osr
from scipy import sparse
from scipy.stats import norm

from .arrays import Buffers
from .bilinear import BilinearSource, bilinear_onto, bilinear_source
from .errors import Cancelled, EngineError
from .raster_grid import OGR_MEMORY_DRIVER, Grid, wkb_of
from .raster_grid import write_raster as write_raster  # the one writer, importable from here too
from .wifi_options import GOOD_THRESHOLD, RadioOptions

#: The defaults of the dialog, stated once in the options (engine/wifi_options.py).
_DEFAULTS = RadioOptions()

gdal.UseExceptions()
ogr.UseExceptions()

MODELS = ("free_space", "log_distance", "p1411")
ENVIRONMENTS = ("urban", "residential")
INDOOR_TYPES = ("none", "traditional", "thermally_efficient")
RSSI_NODATA = -9999.0
BEST_SERVER_NODATA = -1
#: Height given to buildings whose height is missing or not positive (two storeys), m.
DEFAULT_BUILDING_HEIGHT = 6.0
#: A hotspot inside a building footprint is mounted at least this much above its roof, m.
ROOF_CLEARANCE = 1.0
#: Outdoor cells within this distance of a building are its frontage (demand read there), m.
FRONTAGE_DISTANCE = 3.0
#: Sector pattern: front-to-back ratio (3GPP TR 36.814 A_m), dB.
SECTOR_FRONT_TO_BACK = 20.0
#: Well-known band labels (GHz) → centre frequency used (MHz).
BAND_LABELS = {2.4: 2437.0, 5.0: 5500.0, 6.0: 6175.0}

Progress = Callable[[float], None]
"""Progress callback (0–100); it may raise ``errors.Cancelled`` to stop the run."""


@dataclass(frozen=True)
class P1411:
    """ITU-R P.1411 site-general coefficients: L = 10·α·log10(d) + β + 10·γ·log10(f_GHz)."""

    alpha: float
    beta: float
    gamma: float
    sigma: float


P1411_LOS = P1411(2.12, 29.2, 2.11, 5.06)
P1411_NLOS = {"urban": P1411(4.00, 10.2, 2.36, 7.6), "residential": P1411(3.01, 18.8, 2.07, 3.07)}

# ITU-R P.2109-2 Annex 1 §3 coefficients (r, s, t, u, v, w, x, y, z).
P2109 = {
    "traditional": (12.64, 3.72, 0.96, 9.6, 2.0, 9.1, -3.0, 4.5, -2.0),
    "thermally_efficient": (28.19, -3.00, 8.48, 13.5, 3.8, 27.8, -2.9, 9.4, -2.1),
}

# Outdoor EIRP limits in France / EU (ERC Rec 70-03, ECC/DEC/(04)08, ECC/DEC/(20)01):
# (low MHz, high MHz, cap dBm or None when outdoor use is not allowed, label).
EIRP_CAPS = (
    (2400.0, 2483.5, 20.0, "2.4 GHz (2400–2483.5 MHz)"),
    (5150.0, 5350.0, None, "5150–5350 MHz (indoor only)"),
    (5470.0, 5725.0, 30.0, "5470–5725 MHz (with DFS/TPC)"),
    (5725.0, 5875.0, 14.0, "5725–5875 MHz (short-range devices)"),
    (5945.0, 6425.0, 14.0, "6 GHz (outdoor very low power)"),
)


# --------------------------------------------------------------------------- path loss
def free_space_loss(distance_m: np.ndarray | float, frequency_mhz: float) -> np.ndarray:
    """Free-space path loss (dB): 20·log10(d) + 20·log10(f_MHz) − 27.55, d in metres."""
    return 20.0 * np.log10(distance_m) + 20.0 * math.log10(frequency_mhz) - 27.55


def p1411_loss(distance_m: np.ndarray | float, frequency_mhz: float, coefficients: P1411) -> np.ndarray:
    """ITU-R P.1411 site-general median loss (dB)."""
    c = coefficients
    frequency_term = 10.0 * c.gamma * math.log10(frequency_mhz / 1000.0)
    return 10.0 * c.alpha * np.log10(distance_m) + c.beta + frequency_term


def location_margin(probability_pct: float, sigma_db: float) -> float:
    """Fade margin z(p)·σ (dB) so that the level is reached at ``probability_pct`` % of locations."""
    if not 0.0 < probability_pct < 100.0:
        raise EngineError(
            "The location probability must be between 0 and 100 % (got {value}).", value=probability_pct
        )
    return _normal_quantile(probability_pct / 100.0) * sigma_db


@functools.lru_cache(maxsize=64)
def _normal_quantile(probability: float) -> float:
    """z(p) of the standard normal law (SciPy's ppf costs ~0.4 ms a call: once per hotspot and
    model otherwise)."""
    return float(norm.ppf(probability))


def building_entry_loss(
    frequency_mhz: float, building_type: str, probability_pct: float = 50.0, elevation_deg: float = 0.0
) -> float:
    """ITU-R P.2109 building entry loss (dB) not exceeded at ``probability_pct`` %."""
    if building_type == "none":
        return 0.0
    r, s, t, u, v, w, x, y, z = P2109[building_type]
    lf = math.log10(frequency_mhz / 1000.0)
    sigma1, sigma2 = u + v * lf, y + z * lf
    mu1 = r + s * lf + t * lf * lf + 0.212 * abs(elevation_deg)
    mu2 = w + x * lf
    q = float(norm.ppf(probability_pct / 100.0))
    a, b = q * sigma1 + mu1, q * sigma2 + mu2
    return 10.0 * math.log10(10 ** (0.1 * a) + 10 ** (0.1 * b) + 10 ** (0.1 * -3.0))


def sector_gain(
    bearing_deg: np.ndarray, azimuth_deg: float | None, beamwidth_deg: float | None
) -> np.ndarray:
    """Horizontal antenna gain relative to boresight (dB): −min(12·(φ/φ3dB)², A_m); 0 for omni."""
    if azimuth_deg is None or beamwidth_deg is None or not 0.0 < beamwidth_deg < 360.0:
        return np.zeros_like(bearing_deg)
    off = (np.asarray(bearing_deg) - azimuth_deg + 180.0) % 360.0 - 180.0
    return -np.minimum(12.0 * (off / beamwidth_deg) ** 2, SECTOR_FRONT_TO_BACK)


def frequency_from_band(value: float) -> float:
    """Frequency in MHz from a field value: a band label in GHz (2.4, 5, 6) or MHz."""
    if value <= 0:
        raise EngineError("A hotspot has a non-positive frequency or band ({value}).", value=value)
    if value < 100.0:
        return BAND_LABELS.get(round(value, 1), value * 1000.0)
    return float(value)


def eirp_warning(eirp_dbm: float, frequency_mhz: float) -> str | None:
    """A sentence when the EIRP exceeds the French/EU outdoor cap of its band, else None."""
    for low, high, cap, label in EIRP_CAPS:
        if low <= frequency_mhz <= high:
            if cap is None:
                return f"{frequency_mhz:g} MHz is in the {label} band: outdoor use is not allowed."
            if eirp_dbm > cap + 1e-9:
                return f"EIRP {eirp_dbm:g} dBm exceeds the {cap:g} dBm outdoor cap of the {label} band."
            return None
    return f"{frequency_mhz:g} MHz is outside the Wi-Fi bands open to outdoor use in France."


# --------------------------------------------------------------------------- inputs
@dataclass(frozen=True)
class Hotspot:
    """A transmitter: position (grid CRS), EIRP at boresight, height above ground, antenna."""

    key: int
    x: float
    y: float
    eirp_dbm: float = _DEFAULTS.eirp
    height_m: float = _DEFAULTS.height
    frequency_mhz: float = _DEFAULTS.frequency
    azimuth_deg: float | None = None
    beamwidth_deg: float | None = None
    name: str = ""


@dataclass(frozen=True)
class RadioSettings:
    """Propagation model and reception settings shared by coverage and placement."""

    model: str = _DEFAULTS.model
    environment: str = _DEFAULTS.environment
    exponent: float = _DEFAULTS.exponent
    nlos_exponent: float = _DEFAULTS.nlos_exponent
    sigma_db: float = _DEFAULTS.sigma_db  # shadowing σ of the log-distance model (free space has none)
    rx_height: float = _DEFAULTS.rx_height
    body_loss: float = _DEFAULTS.body_loss
    location_probability: float = _DEFAULTS.location_probability
    threshold: float = _DEFAULTS.threshold
    good_threshold: float = GOOD_THRESHOLD
    max_range: float = _DEFAULTS.max_range
    indoor: str = _DEFAULTS.indoor

    def __post_init__(self) -> None:
        if self.model not in MODELS:
            raise EngineError("Unknown propagation model {model}.", model=self.model)
        if self.environment not in ENVIRONMENTS:
            raise EngineError("Unknown environment {environment}.", environment=self.environment)
        if self.indoor not in INDOOR_TYPES:
            raise EngineError("Unknown building type {indoor} for the entry loss.", indoor=self.indoor)
        if self.max_range <= 0:
            raise EngineError("The maximum range must be positive (got {value} m).", value=self.max_range)
        location_margin(self.location_probability, 1.0)


class Obstruction:
    """Ground and obstruction surface (ground + buildings or a DSM) on a grid, metres.

    Either given as full-grid arrays (``Obstruction(grid, ground, surface)``), or made by
    :func:`build_obstruction` from its sources and computed only where it is needed: each hotspot
    asks for its window (:meth:`window`: the terrain warped and the buildings of that window
    burnt, nothing else), so a run reads the obstruction of the hotspots' ``max_range`` windows,
    not of the whole extent.  When the windows asked for add up to more than the grid, the whole
    grid is computed once and windows become views of it.  ``ground``, ``surface`` and ``indoor``
    (cells inside a building) over the whole grid are computed on first use, by blocks of rows.
    """

    def __init__(
        self,
        grid: Grid,
        ground: np.ndarray | None = None,
        surface: np.ndarray | None = None,
        *,
        sources: _Sources | None = None,
    ) -> None:
        if sources is None and (ground is None or surface is None):
            raise ValueError("An obstruction needs its ground and surface arrays, or its sources.")
        self.grid = grid
        self._sources = sources
        self._ground = ground
        self._surface = surface
        self._indoor: np.ndarray | None = None
        self._dataset: gdal.Dataset | None = None
        self._window_cells = 0  # cells computed window by window so far

    # -- whole grid
    @property
    def ground(self) -> np.ndarray:
        return self.materialise()[0]

    @property
    def surface(self) -> np.ndarray:
        return self.materialise()[1]

    @property
    def indoor(self) -> np.ndarray:
        """Cells inside a building (obstruction more than 0.5 m above the ground), whole grid."""
        return self.indoor_mask()

    def indoor_mask(self, progress: Progress | None = None) -> np.ndarray:
        """:attr:`indoor`, computed once by blocks of rows (no full-size float temporary), with
        ``progress`` (0–100; it may raise ``Cancelled``) after each block."""
        if self._indoor is None:
            indoor, work = np.empty(self.grid.shape, bool), Buffers()
            blocks = _row_blocks(self.grid)
            for done, rows in enumerate(blocks, start=1):
                indoor[rows] = self.window(rows, slice(0, self.grid.n_cols), count=False, work=work)[2]
                if progress:
                    progress(100.0 * done / len(blocks))
            self._indoor = indoor
        return self._indoor

    @property
    def band(self) -> gdal.Band:
        """The whole surface as a GDAL band (shares the array's memory)."""
        if self._dataset is None:
            self._dataset = _grid_dataset(self.surface, self.grid)
        return self._dataset.GetRasterBand(1)

    @property
    def held(self) -> bool:
        """The ground and surface of the whole grid are held (windows are views of them)."""
        return self._ground is not None and self._surface is not None

    def needs_whole(self, windows: int, max_range: float) -> bool:
        """Whether ``windows`` more hotspot windows of ``max_range`` may add up, with those
        computed so far, to more than a run computes window by window (then the whole grid is
        computed once)."""
        if self.held:
            return False
        side = 2 * (math.ceil(max_range / self.grid.cell_size) + 2) + 1
        cells = min(side, self.grid.n_rows) * min(side, self.grid.n_cols)
        budget = WINDOWS_BEFORE_WHOLE * self.grid.n_rows * self.grid.n_cols
        return self._window_cells + windows * cells > budget

    def materialise(self, progress: Progress | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Ground and surface over the whole grid, computed once by blocks of rows, with
        ``progress`` (0–100; it may raise ``Cancelled``) after each block."""
        if self._ground is not None and self._surface is not None:
            return self._ground, self._surface
        ground = np.empty(self.grid.shape, np.float32)
        surface = np.empty(self.grid.shape, np.float32)
        work = Buffers()
        blocks = _row_blocks(self.grid)
        for done, rows in enumerate(blocks, start=1):
            ground[rows], surface[rows] = self._compute(rows, slice(0, self.grid.n_cols), work)
            if progress:
                progress(100.0 * done / len(blocks))
        self._ground, self._surface = ground, surface
        return ground, surface

    # -- one window
    def window(
        self, rows: slice, cols: slice, count: bool = True, work: Buffers | None = None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(ground, surface, indoor) of a window of the grid: views when the whole grid is held,
        else computed (into ``work``'s buffers when given: valid until its next use)."""
        work = work or Buffers()
        ground, surface = self.relief(rows, cols, count, work)
        return ground, surface, self.indoor_of(rows, cols, ground, surface, work)

    def indoor_of(
        self, rows: slice, cols: slice, ground: np.ndarray, surface: np.ndarray, work: Buffers
    ) -> np.ndarray:
        """The indoor cells of a window whose ground and surface are given: a view when the whole
        grid's are held, else computed into ``work``'s buffers."""
        if self._indoor is not None:
            return self._indoor[rows, cols]
        return _indoor(ground, surface, work)

    def relief(
        self, rows: slice, cols: slice, count: bool = True, work: Buffers | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """(ground, surface) of a window, as :meth:`window` without the indoor cells."""
        return self.finish(self.start(rows, cols, count, work or Buffers()))

    def start(self, rows: slice, cols: slice, count: bool = True, work: Buffers | None = None) -> _Relief:
        """The first step of :meth:`relief`: the rasters of a window (terrain, DSM) resampled, or
        views of the whole grid; :meth:`finish` burns the buildings.  Two steps, so that they can
        run on two threads for successive hotspots."""
        work = work or Buffers()
        if self._ground is None or self._surface is None:
            cells = (rows.stop - rows.start) * (cols.stop - cols.start)
            budget = WINDOWS_BEFORE_WHOLE * self.grid.n_rows * self.grid.n_cols
            if not count or self._window_cells + cells <= budget:
                self._window_cells += cells if count else 0
                return self._rasters(rows, cols, work)
        whole_ground, whole_surface = self.materialise()
        return _Relief(rows, cols, work, whole_ground[rows, cols], whole_surface[rows, cols], done=True)

    def finish(self, relief: _Relief) -> tuple[np.ndarray, np.ndarray]:
        """The second step of :meth:`relief`: the buildings burnt on the window, (ground, surface)."""
        if relief.done:
            return relief.ground, relief.top
        work, ground, top = relief.work, relief.ground, relief.top if relief.has_top else None
        sources = self._sources
        if sources is not None and sources.tiles:
            shape = ground.shape
            heights = sources.burn(relief.rows, relief.cols, out=work.zeros("heights", shape, np.float32))
            heights += ground
            if top is None:  # ground + buildings (heights ≥ 0): the sum is the surface, in place
                top = heights
            else:
                np.maximum(top, heights, out=top)
        if top is None:
            top = work.get("top", ground.shape, np.float32)
            top[...] = ground
        return ground, top

    def _compute(self, rows: slice, cols: slice, work: Buffers) -> tuple[np.ndarray, np.ndarray]:
        """Ground and surface of a window from the sources (as build_obstruction states)."""
        return self.finish(self._rasters(rows, cols, work))

    def _rasters(self, rows: slice, cols: slice, work: Buffers) -> _Relief:
        """Ground (terrain, or the DSM without one) and DSM of a window, resampled."""
        sources = self._sources
        if sources is None:  # made from whole arrays: every window is a slice of them
            raise RuntimeError("an obstruction made from arrays has no sources to compute from")
        if sources.cancelled():
            raise Cancelled()
        g = self.grid
        part = Grid(
            g.x_min + cols.start * g.cell_size,
            g.y_max - rows.start * g.cell_size,
            g.cell_size,
            cols.stop - cols.start,
            rows.stop - rows.start,
            g.crs_wkt,
        )
        ground = work.get("ground", part.shape, np.float32)
        if sources.terrain:
            _warp_onto(sources.terrain, part, sources.cancelled, out=ground, work=work)
        else:
            ground.fill(0)
        if not sources.surface:
            return _Relief(rows, cols, work, ground, ground, has_top=False)
        top = _warp_onto(sources.surface, part, sources.cancelled, out=work.get("top", part.shape), work=work)
        if not sources.terrain:
            ground[...] = top
        return _Relief(rows, cols, work, ground, top)


@dataclass
class _Relief:
    """A window between :meth:`Obstruction.start` and :meth:`Obstruction.finish`: its ground and
    DSM (``has_top``) resampled into ``work``'s buffers, or, ``done``, its final ground and
    surface (views of the whole grid)."""

    rows: slice
    cols: slice
    work: Buffers
    ground: np.ndarray
    top: np.ndarray
    has_top: bool = True
    done: bool = False


def _indoor(ground: np.ndarray, surface: np.ndarray, work: Buffers) -> np.ndarray:
    """Cells where the surface is more than 0.5 m above the ground."""
    difference = np.subtract(surface, ground, out=work.get("difference", surface.shape, np.float32))
    return np.greater(difference, np.float32(0.5), out=work.get("indoor", surface.shape, bool))


#: A run computes the obstruction window by window until the windows add up to this many grids;
#: beyond, the whole grid is computed once (many overlapping windows, e.g. placement candidates).
WINDOWS_BEFORE_WHOLE = 1.0
#: Buildings are indexed by square tiles of this many cells: a window burns only its tiles' buildings.
BUILDING_TILE = 256
#: Cells per block of rows when a whole-grid array is computed (or a cancel is checked).
BLOCK_CELLS = 1 << 22


def _row_blocks(grid: Grid) -> list[slice]:
    step = max(1, BLOCK_CELLS // grid.n_cols)
    return [slice(top, min(top + step, grid.n_rows)) for top in range(0, grid.n_rows, step)]


@dataclass
class _Sources:
    """What an obstruction is computed from: rasters (opened) and buildings indexed by tile."""

    grid: Grid
    terrain: _Raster | None
    surface: _Raster | None
    vectors: object = None  # the OGR in-memory data source holding the tile layers
    tiles: dict[tuple[int, int], ogr.Layer] = field(default_factory=dict)
    cancelled: Callable[[], bool] = lambda: False

    def burn(self, rows: slice, cols: slice, out: np.ndarray | None = None) -> np.ndarray:
        """Heights of the buildings on a window (cell centre inside; the taller one wins), burnt
        into ``out`` (zeros) when given."""
        g = self.grid
        heights = (
            np.zeros((rows.stop - rows.start, cols.stop - cols.start), np.float32) if out is None else out
        )
        for tile_row in range(rows.start // BUILDING_TILE, (rows.stop - 1) // BUILDING_TILE + 1):
            for tile_col in range(cols.start // BUILDING_TILE, (cols.stop - 1) // BUILDING_TILE + 1):
                layer = self.tiles.get((tile_row, tile_col))
                if layer is None:
                    continue
                top = max(rows.start, tile_row * BUILDING_TILE)
                bottom = min(rows.stop, (tile_row + 1) * BUILDING_TILE)
                left = max(cols.start, tile_col * BUILDING_TILE)
                right = min(cols.stop, (tile_col + 1) * BUILDING_TILE)
                part = heights[top - rows.start : bottom - rows.start, left - cols.start : right - cols.start]
                target = gdal_array.OpenArray(part)  # a view: GDAL burns into ``heights``
                target.SetGeoTransform(
                    (
                        g.x_min + left * g.cell_size,
                        g.cell_size,
                        0.0,
                        g.y_max - top * g.cell_size,
                        0.0,
                        -g.cell_size,
                    )
                )
                try:
                    gdal.RasterizeLayer(target, [1], layer, options=["ATTRIBUTE=height"])
                except RuntimeError as error:
                    raise EngineError(
                        "The buildings could not be rasterised: {reason}", reason=str(error)
                    ) from None
                target.FlushCache()
        return heights


def _grid_dataset(values: np.ndarray, grid: Grid) -> gdal.Dataset:
    """A GDAL dataset over ``values`` (shared memory: what GDAL writes lands in the array)."""
    dataset = gdal_array.OpenArray(values)
    dataset.SetGeoTransform(grid.geotransform)
    if grid.crs_wkt:
        dataset.SetProjection(grid.crs_wkt)
    return dataset


def _gdal_progress(cancelled: Callable[[], bool]) -> Callable[..., int]:
    """A GDAL progress callback that stops the operation (returns 0) once ``cancelled()``."""
    return lambda _complete, _message, _data: 0 if cancelled() else 1


@dataclass
class _Raster:
    """A raster source of the obstruction (terrain or DSM), opened once; ``bilinear`` when
    GDAL's bilinear warp onto the grid reduces to the formula of :mod:`.bilinear`."""

    dataset: gdal.Dataset
    bilinear: BilinearSource | None


def _open_raster(path: str, grid: Grid) -> _Raster:
    try:
        dataset = gdal.Open(path)
    except RuntimeError as error:
        raise EngineError("Cannot read the raster {path}: {reason}", path=path, reason=str(error)) from None
    return _Raster(dataset, bilinear_source(dataset, 1, grid))


def _warp_onto(
    source: _Raster,
    grid: Grid,
    cancelled: Callable[[], bool] = lambda: False,
    out: np.ndarray | None = None,
    work: Buffers | None = None,
) -> np.ndarray:
    """Resample a raster onto the grid (bilinear), nodata → 0, as float32 (into ``out`` when
    given, every cell written).  By :func:`.bilinear_onto` where the source allows (every cell's
    four pixels valid), else by GDAL:
    a large grid on every core, a hotspot's window on one (less overhead, the same values)."""
    values = np.empty(grid.shape, np.float32) if out is None else out
    large = grid.n_rows * grid.n_cols > BLOCK_CELLS // 4
    small = grid.n_rows * grid.n_cols <= BLOCK_CELLS
    if (
        source.bilinear is not None
        and small
        and bilinear_onto(source.bilinear, grid, values, work or Buffers(), partial=False)
    ):
        return values
    values.fill(0)  # not covered / nodata: 0
    options = gdal.WarpOptions(
        resampleAlg="bilinear",
        multithread=large,
        warpOptions=["NUM_THREADS=ALL_CPUS"] if large else [],
        warpMemoryLimit=256,
        callback=_gdal_progress(cancelled) if large else None,
    )
    try:
        gdal.Warp(_grid_dataset(values, grid), source.dataset, options=options)
    except RuntimeError:
        if cancelled():
            raise Cancelled() from None
        raise
    return values


def _reference(grid: Grid) -> osr.SpatialReference | None:
    """The grid's CRS for an in-memory layer of geometries in it (no "assuming matching" warning)."""
    if not grid.crs_wkt:
        return None
    reference = osr.SpatialReference()
    reference.SetFromUserInput(grid.crs_wkt)
    return reference


def _building_tiles(
    pairs: Sequence[tuple[object, float]], grid: Grid, cancelled: Callable[[], bool]
) -> tuple[object, dict[tuple[int, int], ogr.Layer]]:
    """The buildings (in the given order: the last one wins a cell) in in-memory OGR layers, one per
    tile of ``BUILDING_TILE`` cells their bounding box meets.  Built from WKB: much faster than
    handing GeoJSON-like geometries to the rasteriser one by one."""
    vectors = ogr.GetDriverByName(OGR_MEMORY_DRIVER).CreateDataSource("")
    reference = _reference(grid)
    tiles: dict[tuple[int, int], ogr.Layer] = {}
    last_row, last_col = (grid.n_rows - 1) // BUILDING_TILE, (grid.n_cols - 1) // BUILDING_TILE
    span = grid.cell_size * BUILDING_TILE  # a tile's side, in CRS units
    present = [(geometry, height) for geometry, height in pairs if geometry is not None]
    for index, (blob, (_, height)) in enumerate(zip(wkb_of([g for g, _ in present]), present)):
        if index % 1000 == 0 and cancelled():
            raise Cancelled()
        shape = ogr.CreateGeometryFromWkb(blob)
        if shape.IsEmpty():
            continue
        x0, x1, y0, y1 = shape.GetEnvelope()
        top, bottom = math.floor((grid.y_max - y1) / span), math.floor((grid.y_max - y0) / span)
        left, right = math.floor((x0 - grid.x_min) / span), math.floor((x1 - grid.x_min) / span)
        for tile_row in range(max(top, 0), min(bottom, last_row) + 1):
            for tile_col in range(max(left, 0), min(right, last_col) + 1):
                layer = tiles.get((tile_row, tile_col))
                if layer is None:
                    layer = vectors.CreateLayer(f"b{tile_row}_{tile_col}", reference, ogr.wkbUnknown)
                    layer.CreateField(ogr.FieldDefn("height", ogr.OFTReal))
                    tiles[tile_row, tile_col] = layer
                feature = ogr.Feature(layer.GetLayerDefn())
                feature.SetGeometry(shape)
                feature.SetField(0, height)
                layer.CreateFeature(feature)
    return vectors, tiles


def build_obstruction(
    grid: Grid,
    terrain: str | None = None,
    surface: str | None = None,
    buildings: Sequence[tuple[object, float | None]] = (),
    cancelled: Callable[[], bool] = lambda: False,
) -> Obstruction:
    """Ground (``terrain`` raster, or flat 0) and obstruction surface on ``grid``.

    ``surface`` is a DSM raster (used as is); ``buildings`` are (shapely geometry, height above
    ground) pairs rasterised onto the grid (cell centre inside) and added to the ground; the
    taller building wins where footprints overlap (a missing or non-positive height counts
    ``DEFAULT_BUILDING_HEIGHT``). The rasters are opened and the buildings indexed here; the
    values are computed where the hotspots need them (see :class:`Obstruction`).
    :class:`Cancelled` as soon as ``cancelled()``.
    """
    sources = _Sources(
        grid,
        _open_raster(terrain, grid) if terrain else None,
        _open_raster(surface, grid) if surface else None,
        cancelled=cancelled,
    )
    if buildings:
        pairs = [
            (geometry, float(height) if height is not None and height > 0 else DEFAULT_BUILDING_HEIGHT)
            for geometry, height in buildings
        ]
        pairs.sort(key=lambda pair: pair[1])
        sources.vectors, sources.tiles = _building_tiles(pairs, grid, cancelled)
    if cancelled():
        raise Cancelled()
    return Obstruction(grid, sources=sources)


# --------------------------------------------------------------------------- one hotspot
@dataclass
class Field:
    """Received power of one hotspot on its window of the grid (NaN out of range)."""

    rows: slice
    cols: slice
    rssi: np.ndarray
    los: np.ndarray


def hotspot_field(obstruction: Obstruction, hotspot: Hotspot, settings: RadioSettings) -> Field | None:
    """Received power (dBm) around one hotspot, or None when it lies outside the grid.

    The obstruction of the hotspot's window only (``max_range`` around it) is computed, GDAL's
    viewshed runs on it, and the signal is computed on the window's cells from the distance terms
    of its rows and columns, one logarithm per cell, in float32."""
    work = obstruction.__dict__.setdefault("_work", Buffers())  # buffers reused by the next call
    sight = _line_of_sight(obstruction, hotspot, settings, work)
    if sight is None:
        return None
    field = _signal(sight, hotspot, settings, work)
    return Field(field.rows, field.cols, field.rssi.copy(), field.los.copy())


def hotspot_fields(
    obstruction: Obstruction, hotspots: Sequence[Hotspot], settings: RadioSettings
) -> Iterator[tuple[Hotspot, Field | None]]:
    """Each hotspot with its :func:`hotspot_field` (None outside the grid), in order; a field's
    arrays are valid until the next one is asked for.

    With more than one processor the steps of successive hotspots overlap, as on an assembly
    line: the rasters of a window (terrain, DSM) two hotspots ahead, its buildings burnt and
    GDAL's viewshed one hotspot ahead, each on a thread of its own, and this hotspot's signal
    (numpy) on the caller's (all of them release the GIL).  The fields are the same either way."""
    signal_work = Buffers()
    if (os.cpu_count() or 1) < 2 or len(hotspots) < 2:
        sight_work = Buffers()
        for hotspot in hotspots:
            sight = _line_of_sight(obstruction, hotspot, settings, sight_work)
            yield hotspot, None if sight is None else _signal(sight, hotspot, settings, signal_work)
        return
    if obstruction.needs_whole(len(hotspots), settings.max_range):
        obstruction.materialise()  # here, before the threads: not while one of them burns buildings
    buffers = (Buffers(), Buffers(), Buffers())  # windows in flight: read, viewshed, being computed
    obstructing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="obstruction")
    viewing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="viewshed")
    with obstructing, viewing, _quick_handoffs():

        balance = _Balance()

        def sight_of(index: int) -> Future[_Sight | None]:
            hotspot, work = hotspots[index], buffers[index % 3]
            early = balance.burn_early()

            def rasters() -> _Relief | _Window | None:
                relief = balance.timed("rasters", _start_window, obstruction, hotspot, settings, work)
                if relief is None or not early:
                    return relief
                return balance.timed("burn", _finish_window, obstruction, relief, hotspot, settings)

            prepared = obstructing.submit(rasters)

            def view() -> _Sight | None:
                ready = prepared.result()
                if ready is None:
                    return None
                if isinstance(ready, _Relief):
                    ready = balance.timed("burn", _finish_window, obstruction, ready, hotspot, settings)
                return balance.timed("viewshed", _viewshed, ready, hotspot, settings, work)

            return viewing.submit(view)

        pending = [sight_of(index) for index in range(min(2, len(hotspots)))]
        try:
            for index, hotspot in enumerate(hotspots):
                sight = pending.pop(0).result()
                if index + 2 < len(hotspots):  # into the buffers of the window read just before
                    pending.append(sight_of(index + 2))
                yield hotspot, None if sight is None else _signal(sight, hotspot, settings, signal_work)
        finally:
            for future in pending:
                future.cancel()


#: Python's thread switch interval while the assembly line runs (its default is 5 ms).
HANDOFF_SECONDS = 0.0002
_handoffs = {"runs": 0, "before": 0.0}
_handoffs_lock = threading.Lock()


@contextlib.contextmanager
def _quick_handoffs() -> Iterator[None]:
    """A short thread switch interval while it lasts (the previous one back after the last of
    overlapping runs).  Every GDAL call (the viewshed) and numpy call takes the GIL back when it
    returns; with the default 5 ms, a thread running Python code delays each of those calls by
    up to that much: 500 viewsheds took 2.1 s instead of 0.2 s beside a busy thread."""
    with _handoffs_lock:
        if _handoffs["runs"] == 0:
            _handoffs["before"] = sys.getswitchinterval()
            sys.setswitchinterval(HANDOFF_SECONDS)
        _handoffs["runs"] += 1
    try:
        yield
    finally:
        with _handoffs_lock:
            _handoffs["runs"] -= 1
            if _handoffs["runs"] == 0:
                sys.setswitchinterval(_handoffs["before"])


class _Balance:
    """Where the buildings of a window are burnt on the assembly line: with its rasters or
    before its viewshed, whichever keeps the slower of the two threads the shorter, from the
    running mean time of each step (GDAL's viewshed costs 0.5 ms a window in GDAL 3.6, 5 ms in
    3.13: the best place differs between installations)."""

    def __init__(self) -> None:
        self.mean = {"rasters": 0.0, "burn": 0.0, "viewshed": 0.0}

    def timed(self, step: str, function: Callable[..., Any], *arguments: Any) -> Any:
        started = time.perf_counter()
        value = function(*arguments)
        self.mean[step] += 0.2 * (time.perf_counter() - started - self.mean[step])
        return value

    def burn_early(self) -> bool:
        rasters, burn, viewshed = self.mean["rasters"], self.mean["burn"], self.mean["viewshed"]
        return max(rasters + burn, viewshed) < max(rasters, burn + viewshed)


@dataclass
class _Sight:
    """What GDAL computes for one hotspot: its window's surface and indoor cells, the viewshed
    (1 visible, 0 hidden, 2 out of range) on the part of the window it covers, the transmitter's
    height; arrays in a :class:`Buffers`'s buffers."""

    grid: Grid
    rows: slice  # the window, in grid rows and columns
    cols: slice
    surface: np.ndarray
    indoor: np.ndarray | None  # computed only for the building entry loss
    visible: np.ndarray
    r0: int  # the viewshed's first row and column, in the grid
    c0: int
    tx_z: float


def _line_of_sight(
    obstruction: Obstruction, hotspot: Hotspot, settings: RadioSettings, work: Buffers
) -> _Sight | None:
    """The obstruction of the hotspot's window and GDAL's viewshed on it, into ``work``'s
    buffers; None outside the grid."""
    window = _window_of(obstruction, hotspot, settings, work)
    return None if window is None else _viewshed(window, hotspot, settings, work)


@dataclass
class _Window:
    """A hotspot's window of the grid: its obstruction (in a :class:`Buffers`'s buffers) and the
    transmitter's height."""

    grid: Grid
    rows: slice
    cols: slice
    surface: np.ndarray
    indoor: np.ndarray | None  # computed only for the building entry loss
    tx_z: float
    top: float  # the obstruction at the hotspot


def _window_of(
    obstruction: Obstruction, hotspot: Hotspot, settings: RadioSettings, work: Buffers
) -> _Window | None:
    """The obstruction of ``max_range`` around the hotspot (computed, or a view of the whole
    grid) into ``work``'s buffers; None outside the grid."""
    relief = _start_window(obstruction, hotspot, settings, work)
    return None if relief is None else _finish_window(obstruction, relief, hotspot, settings)


def _start_window(
    obstruction: Obstruction, hotspot: Hotspot, settings: RadioSettings, work: Buffers
) -> _Relief | None:
    """The rasters of the hotspot's window (:meth:`Obstruction.start`); None outside the grid."""
    grid = obstruction.grid
    if not grid.contains(hotspot.x, hotspot.y):
        return None
    row, col = (int(v) for v in grid.cell_of(hotspot.x, hotspot.y))
    reach = math.ceil(settings.max_range / grid.cell_size) + 2  # a little more than the viewshed's window
    rows = slice(max(row - reach, 0), min(row + reach + 1, grid.n_rows))
    cols = slice(max(col - reach, 0), min(col + reach + 1, grid.n_cols))
    return obstruction.start(rows, cols, work=work)


def _finish_window(
    obstruction: Obstruction, relief: _Relief, hotspot: Hotspot, settings: RadioSettings
) -> _Window:
    """The window's buildings burnt (:meth:`Obstruction.finish`), its indoor cells when the entry
    loss needs them, the transmitter's height."""
    grid, rows, cols = obstruction.grid, relief.rows, relief.cols
    ground, surface = obstruction.finish(relief)
    indoor = None
    if settings.indoor != "none":  # the indoor cells serve the entry loss only
        indoor = obstruction.indoor_of(rows, cols, ground, surface, relief.work)
    row, col = (int(v) for v in grid.cell_of(hotspot.x, hotspot.y))
    r, c = row - rows.start, col - cols.start
    top = float(surface[r, c])
    tx_z = float(ground[r, c]) + hotspot.height_m
    if surface[r, c] - ground[r, c] > np.float32(0.5):  # inside a building, as :func:`_indoor` says
        tx_z = max(tx_z, top + ROOF_CLEARANCE)
    return _Window(grid, rows, cols, surface, indoor, tx_z, top)


def _viewshed(window: _Window, hotspot: Hotspot, settings: RadioSettings, work: Buffers) -> _Sight:
    """GDAL's viewshed from the hotspot on its window, into ``work``'s "visible" buffer."""
    grid, rows, cols = window.grid, window.rows, window.cols
    dataset = gdal_array.OpenArray(window.surface)  # shares the window's memory
    dataset.SetGeoTransform(
        (grid.x_min + cols.start * grid.cell_size, grid.cell_size, 0.0,
         grid.y_max - rows.start * grid.cell_size, 0.0, -grid.cell_size)
    )  # fmt: skip
    view = gdal.ViewshedGenerate(
        dataset.GetRasterBand(1),
        "MEM",
        "",
        [],
        hotspot.x,
        hotspot.y,
        window.tx_z - window.top,
        settings.rx_height,
        1,
        0,
        2,
        3,
        0.0,
        gdal.GVM_Edge,
        settings.max_range,
    )
    x0, _, _, y1, _, _ = view.GetGeoTransform()
    c0 = round((x0 - grid.x_min) / grid.cell_size)
    r0 = round((grid.y_max - y1) / grid.cell_size)
    shape = (view.RasterYSize, view.RasterXSize)
    visible = view.GetRasterBand(1).ReadAsArray(buf_obj=work.get("visible", shape, np.uint8))
    return _Sight(grid, rows, cols, window.surface, window.indoor, visible, r0, c0, window.tx_z)


def _signal(sight: _Sight, hotspot: Hotspot, settings: RadioSettings, work: Buffers) -> Field:
    """Received power on the viewshed's cells (NaN out of range), from the distance terms of its
    rows and columns, one logarithm per cell, in float32, into ``work``'s buffers (numpy only)."""
    grid, visible, r0, c0, tx_z = sight.grid, sight.visible, sight.r0, sight.c0, sight.tx_z
    shape = visible.shape
    height, width = shape
    top_row, left_col = r0 - sight.rows.start, c0 - sight.cols.start
    local = (slice(top_row, top_row + height), slice(left_col, left_col + width))
    # Distance terms of the window's columns and rows; their sum per cell (float64, as the range
    # test must be exact), the 3-D distance from it and the height difference (float32).
    dx = grid.x_min + (np.arange(c0, c0 + width) + 0.5) * grid.cell_size - hotspot.x
    dy = grid.y_max - (np.arange(r0, r0 + height) + 0.5) * grid.cell_size - hotspot.y
    horizontal = np.add(dy[:, None] ** 2, dx[None, :] ** 2, out=work.get("horizontal", shape, np.float64))
    keep = np.less_equal(horizontal, settings.max_range**2, out=work.get("keep", shape, bool))
    keep &= np.not_equal(visible, 2, out=work.get("los", shape, bool))  # 2: out of GDAL's range
    squared = np.add(sight.surface[local], np.float32(settings.rx_height - tx_z), out=work.get("log", shape))
    np.multiply(squared, squared, out=squared)
    np.add(squared, horizontal, out=squared, casting="same_kind")
    np.maximum(squared, np.float32(1.0), out=squared)
    with np.errstate(divide="ignore", invalid="ignore"):  # out of range: d² / 0 · 0 = NaN
        np.divide(squared, keep, out=squared)  # (arithmetic: several times faster than a masked copy)
        np.multiply(squared, keep, out=squared)
    log_distance = np.log10(squared, out=squared)
    log_distance *= np.float32(0.5)  # log10 of the 3-D distance: every model is linear in it
    los = np.equal(visible, 1, out=work.get("los", shape, bool))
    power = loss_from_log(log_distance, los, hotspot.frequency_mhz, settings, work)
    with np.errstate(invalid="ignore"):
        np.subtract(np.float32(hotspot.eirp_dbm - settings.body_loss), power, out=power)
        if hotspot.azimuth_deg is not None:
            bearing = np.degrees(np.arctan2(dx[None, :], dy[:, None]))
            power += sector_gain(bearing, hotspot.azimuth_deg, hotspot.beamwidth_deg).astype(np.float32)
        if sight.indoor is not None and settings.indoor != "none":
            entry = np.float32(building_entry_loss(hotspot.frequency_mhz, settings.indoor))
            power -= np.multiply(sight.indoor[local], entry, out=work.get("entry", shape))
    return Field(slice(r0, r0 + height), slice(c0, c0 + width), power, los)


def path_loss(
    distance: np.ndarray, los: np.ndarray, frequency_mhz: float, settings: RadioSettings
) -> np.ndarray:
    """Path loss plus the location-probability margin (dB), LoS or NLoS per cell.

    The NLoS losses are never taken below the free-space loss (the fitted NLoS lines cross it
    at short range, outside their validity range of 30 m and more).
    """
    distance, los = np.broadcast_arrays(np.asarray(distance, np.float64), np.asarray(los, bool))
    return loss_from_log(np.log10(distance), los, frequency_mhz, settings)


def loss_from_log(
    log_distance: np.ndarray,
    los: np.ndarray,
    frequency_mhz: float,
    settings: RadioSettings,
    work: Buffers | None = None,
) -> np.ndarray:
    """:func:`path_loss` from log10(distance in m): each model is a + b·log10(d) per LoS / NLoS
    (NLoS P.1411 floored at free space), so no other logarithm per cell is needed.  An array of
    ``log_distance``'s float type (``work``'s "loss" buffer when given); a NaN or infinite
    log-distance gives NaN."""
    log_distance = np.asarray(log_distance)
    kind = log_distance.dtype.type if log_distance.dtype.kind == "f" else np.float64
    work = work or Buffers()
    shape = np.broadcast_shapes(log_distance.shape, np.shape(los))
    p = settings.location_probability
    free_space = free_space_loss(1.0, frequency_mhz)  # the free-space loss at 1 m: its constant

    def line(name: str, slope: float, constant: float | np.ndarray) -> np.ndarray:
        values = np.multiply(log_distance, kind(slope), out=work.get(name, shape, kind))
        values += kind(constant)
        return values

    def choose(loss: np.ndarray, los_loss: np.ndarray) -> np.ndarray:
        """``los_loss`` where ``los``, ``loss`` elsewhere, in place (arithmetic: no masked copy)."""
        los_loss -= loss
        los_loss *= los
        loss += los_loss
        return loss

    if settings.model == "free_space":
        return line("loss", 20.0, free_space)
    with np.errstate(invalid="ignore"):
        if settings.model == "log_distance":
            margin = location_margin(p, settings.sigma_db)
            loss = line("loss", 10.0 * settings.nlos_exponent, free_space + margin)
            return choose(loss, line("other", 10.0 * settings.exponent, free_space + margin))
        nlos = P1411_NLOS[settings.environment]
        nlos_margin = location_margin(p, nlos.sigma)
        loss = line("loss", 10.0 * nlos.alpha, p1411_loss(1.0, frequency_mhz, nlos) + nlos_margin)
        np.maximum(loss, line("other", 20.0, free_space + nlos_margin), out=loss)
        los_constant = p1411_loss(1.0, frequency_mhz, P1411_LOS) + location_margin(p, P1411_LOS.sigma)
        return choose(loss, line("other", 10.0 * P1411_LOS.alpha, los_constant))


@dataclass
class HotspotStats:
    key: int
    name: str
    x: float
    y: float
    status: str  # "ok" or "outside the grid"
    covered_cells: int = 0
    good_cells: int = 0
    best_cells: int = 0
    overlap_cells: int = 0
    warning: str = ""


@dataclass
class CoverageResult:
    """Best-server received power (dBm, -inf where no hotspot reaches) and server keys (Int16 when
    the keys fit, else Int32; ``BEST_SERVER_NODATA`` where no hotspot reaches)."""

    grid: Grid
    rssi: np.ndarray
    best: np.ndarray
    stats: list[HotspotStats]
    settings: RadioSettings

    def covered(self, threshold: float | None = None) -> np.ndarray:
        return self.rssi >= (self.settings.threshold if threshold is None else threshold)


def best_server_coverage(
    obstruction: Obstruction,
    hotspots: Sequence[Hotspot],
    settings: RadioSettings,
    progress: Progress | None = None,
) -> CoverageResult:
    """Best-server RSSI and server over the grid, accumulated in place hotspot by hotspot (each
    on its window); the whole grid holds one float32 RSSI, the server keys and a one-byte count."""
    grid = obstruction.grid
    keys = [hotspot.key for hotspot in hotspots]
    small = all(-32768 <= key <= 32767 for key in keys)
    rssi = np.full(grid.shape, -np.inf, np.float32)
    best = np.full(grid.shape, BEST_SERVER_NODATA, np.int16 if small else np.int32)
    seen = np.zeros(grid.shape, np.uint8)  # bit 0: covered by a hotspot, bit 1: by two or more
    threshold, good = np.float32(settings.threshold), np.float32(settings.good_threshold)
    stats: list[HotspotStats] = []
    work = Buffers()
    for index, (hotspot, result) in enumerate(hotspot_fields(obstruction, hotspots, settings)):
        warning = eirp_warning(hotspot.eirp_dbm, hotspot.frequency_mhz) or ""
        if result is None:
            stats.append(
                HotspotStats(
                    hotspot.key, hotspot.name, hotspot.x, hotspot.y, "outside the grid", warning=warning
                )
            )
            continue
        shape = result.rssi.shape
        window = rssi[result.rows, result.cols]
        better = np.greater(result.rssi, window, out=work.get("better", shape, bool))  # NaN: False
        servers: np.ndarray = best[result.rows, result.cols]
        key = best.dtype.type(hotspot.key)
        change: np.ndarray = np.subtract(key, servers, out=work.get("change", shape, best.dtype))
        change *= better  # arithmetic rather than masked copies (several times faster)
        servers += change
        np.fmax(window, result.rssi, out=window)
        covered = np.greater_equal(result.rssi, threshold, out=work.get("covered", shape, bool))
        count = seen[result.rows, result.cols]
        once = covered.view(np.uint8)
        count |= np.left_shift(np.bitwise_and(count, once, out=work.get("twice", shape, np.uint8)), 1)
        count |= once
        stats.append(
            HotspotStats(
                hotspot.key,
                hotspot.name,
                hotspot.x,
                hotspot.y,
                "ok",
                int(np.count_nonzero(covered)),
                int(np.count_nonzero(np.greater_equal(result.rssi, good, out=covered))),
                warning=warning,
            )
        )
        if progress:
            progress(100.0 * (index + 1) / len(hotspots))
    best_counts: dict[int, int] = {}
    alone_counts: dict[int, int] = {}
    for rows in _row_blocks(grid):  # by blocks: no full-size temporaries
        on = rssi[rows] >= threshold
        servers = best[rows]
        _add_counts(best_counts, servers[on])
        _add_counts(alone_counts, servers[on & (seen[rows] == 1)])
    for s in stats:
        s.best_cells = best_counts.get(s.key, 0)
        s.overlap_cells = s.covered_cells - alone_counts.get(s.key, 0)
    return CoverageResult(grid, rssi, best, stats, settings)


def _add_counts(totals: dict[int, int], keys: np.ndarray) -> None:
    for key, number in _key_counts(keys).items():
        totals[key] = totals.get(key, 0) + number


def _key_counts(keys: np.ndarray) -> dict[int, int]:
    """How many times each key occurs: a bincount when the keys span a small range (no sort of the
    millions of covered cells), else np.unique."""
    if len(keys) == 0:
        return {}
    low, high = int(keys.min()), int(keys.max())
    if high - low < 1 << 22:
        counts = np.bincount(keys - low, minlength=high - low + 1)
        present = np.flatnonzero(counts)
        return dict(zip((present + low).tolist(), counts[present].tolist()))
    values, counts = np.unique(keys, return_counts=True)
    return dict(zip(values.tolist(), counts.tolist()))


# --------------------------------------------------------------------------- demand on the grid
@dataclass
class DemandCells:
    """Which grid cells each demand feature occupies: ``cells`` (flat indices) × demand, sparse."""

    cell_ids: np.ndarray  # sorted flat cell indices touched by demand
    incidence: sparse.csr_matrix  # len(cell_ids) × n_demand, True where the cell belongs to the demand
    weights: np.ndarray
    inside: np.ndarray  # demand with at least one cell on the grid

    def hit_by_cells(self, flat_cells: np.ndarray) -> np.ndarray:
        """Indices of the demand with at least one cell among ``flat_cells`` (flat grid indices)."""
        if len(self.cell_ids) == 0 or len(flat_cells) == 0:
            return np.zeros(0, np.int64)
        position = np.searchsorted(self.cell_ids, flat_cells)
        position[position == len(self.cell_ids)] = 0
        rows = position[self.cell_ids[position] == flat_cells]
        return np.unique(self.incidence[rows].indices)

    def hit_by_mask(self, mask: np.ndarray) -> np.ndarray:
        """Boolean per demand: at least one of its cells is True in the full-grid ``mask``."""
        rows = np.flatnonzero(mask.ravel()[self.cell_ids])
        hit = np.zeros(len(self.weights), bool)
        hit[self.incidence[rows].indices] = True
        return hit


#: Demand features turned into points between two progress reports.
DEMAND_CHUNK = 2000
#: Seconds between two progress reports of the long steps (Cancel is honoured at each).
REPORT_EVERY_S = 0.25


def _throttled(progress: Progress | None) -> Callable[[float], None]:
    """``progress`` called at most every ``REPORT_EVERY_S`` (it may raise Cancelled)."""
    if progress is None:
        return lambda _percent: None
    last = [time.monotonic()]

    def report(percent: float) -> None:
        now = time.monotonic()
        if now - last[0] >= REPORT_EVERY_S:
            last[0] = now
            progress(percent)

    return report


def demand_cells(
    grid: Grid,
    geometries: Sequence[Any],
    weights: Sequence[float] | np.ndarray,
    outdoor: np.ndarray | None = None,
    frontage_m: float = FRONTAGE_DISTANCE,
    progress: Progress | None = None,
) -> DemandCells:
    """Grid cells where each demand feature's signal is read.

    Points: their cell.  Polygons (buildings), without ``outdoor``: the cells whose centre is
    inside plus the cell of a representative point, so that small polygons count — the signal on
    the building itself.  With ``outdoor`` (full-grid boolean, True outside every obstruction):
    the building's frontage, i.e. the outdoor cells within ``frontage_m`` of its cells (at least
    the 8 adjacent cells), not inside any demand polygon — the outdoor signal in front of the
    building at receiver height, as public-space Wi-Fi is judged; a polygon with no outdoor cell
    around it (enclosed by other buildings) keeps its own cells.  ``progress`` (0–100; it may
    raise ``Cancelled``) is called a few times a second: the work goes by chunks of features and
    blocks of rows.
    """
    report = _throttled(progress)
    weights_array = np.asarray(weights, dtype=np.float64)
    if np.any(~np.isfinite(weights_array)) or np.any(weights_array < 0):
        raise EngineError("Demand weights must be finite and not negative.")
    count = len(geometries)
    kinds = [g.geom_type for g in geometries]
    is_polygon = np.array([kind in ("Polygon", "MultiPolygon") for kind in kinds], bool)
    xs, ys = np.zeros(count), np.zeros(count)
    for start in range(0, count, DEMAND_CHUNK):
        for i in range(start, min(start + DEMAND_CHUNK, count)):
            point = geometries[i] if kinds[i] == "Point" else geometries[i].representative_point()
            xs[i], ys[i] = point.x, point.y
        report(10.0 * min(start + DEMAND_CHUNK, count) / count)
    row, col = grid.cell_of(xs, ys)
    ok = (row >= 0) & (row < grid.n_rows) & (col >= 0) & (col < grid.n_cols)
    frontage = outdoor is not None
    pairs_cell: list[np.ndarray] = []
    pairs_demand: list[np.ndarray] = []
    polygons = np.flatnonzero(is_polygon)
    if len(polygons):
        labels = _label_polygons(grid, [geometries[i] for i in polygons], polygons + 1, report)
        flat, owners = _labelled_cells(labels, report)
        if outdoor is not None:
            # polygons too small to hold a cell centre occupy their representative point's cell
            has_cell = np.zeros(count, bool)
            has_cell[owners] = True
            tiny = np.flatnonzero(is_polygon & ok & ~has_cell)
            tiny_cells = row[tiny] * grid.n_cols + col[tiny]
            free = labels.ravel()[tiny_cells] == 0
            labels.ravel()[tiny_cells[free]] = tiny[free] + 1
            flat = np.concatenate([flat, tiny_cells[free]])
            owners = np.concatenate([owners, tiny[free]])
            ring_cells, ring_owners = _frontage(grid, labels, outdoor, frontage_m, count + 1, report)
            enclosed = is_polygon.copy()
            enclosed[ring_owners] = False
            keep = enclosed[owners]
            pairs_cell += [ring_cells, flat[keep]]
            pairs_demand += [ring_owners, owners[keep]]
        else:
            pairs_cell.append(flat)
            pairs_demand.append(owners)
        del labels
    use_point = ok & ~is_polygon if frontage else ok
    pairs_cell.append(row[use_point] * grid.n_cols + col[use_point])
    pairs_demand.append(np.flatnonzero(use_point))
    cells = np.concatenate(pairs_cell)
    owners = np.concatenate(pairs_demand)
    report(96.0)
    cell_ids, cell_index = np.unique(cells, return_inverse=True)
    report(98.0)
    incidence = sparse.csr_matrix(
        (np.ones(len(cells), bool), (cell_index, owners)), shape=(len(cell_ids), count)
    )
    incidence.sum_duplicates()
    inside = np.zeros(count, bool)
    inside[owners] = True
    if progress:
        progress(100.0)
    return DemandCells(cell_ids, incidence, weights_array, inside)


def _label_polygons(
    grid: Grid, polygons: list, labels: np.ndarray, report: Callable[[float], None]
) -> np.ndarray:
    """Int32 raster of the polygons' labels (cell centre inside; the later one wins a cell), burnt
    by GDAL from an in-memory layer, by blocks of rows (10–40 %)."""
    values = np.zeros(grid.shape, np.int32)
    vectors = ogr.GetDriverByName(OGR_MEMORY_DRIVER).CreateDataSource("")
    layer = vectors.CreateLayer("demand", _reference(grid), ogr.wkbUnknown)
    layer.CreateField(ogr.FieldDefn("label", ogr.OFTInteger))
    for start in range(0, len(polygons), DEMAND_CHUNK):
        chunk = polygons[start : start + DEMAND_CHUNK]
        for blob, label in zip(wkb_of(chunk), labels[start : start + DEMAND_CHUNK].tolist()):
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(blob))
            feature.SetField(0, label)
            layer.CreateFeature(feature)
        report(10.0 + 10.0 * (start + len(chunk)) / len(polygons))
    blocks = _row_blocks(grid)
    for done, rows in enumerate(blocks):
        part = grid.rows(rows.start, rows.stop - rows.start)
        x0, y0, x1, y1 = part.bounds
        layer.SetSpatialFilterRect(x0, y0, x1, y1)
        target = _grid_dataset(values[rows], part)  # a view: GDAL burns into ``values``
        gdal.RasterizeLayer(target, [1], layer, options=["ATTRIBUTE=label"])
        target.FlushCache()
        report(20.0 + 20.0 * (done + 1) / len(blocks))
    return values


def _labelled_cells(labels: np.ndarray, report: Callable[[float], None]) -> tuple[np.ndarray, np.ndarray]:
    """(flat cell, demand index) of the labelled cells, by blocks of rows (40–55 %)."""
    flat_labels = labels.ravel()
    step = max(1, BLOCK_CELLS // labels.shape[1]) * labels.shape[1]
    cells, owners = [], []
    for start in range(0, flat_labels.size, step):
        block = flat_labels[start : start + step]
        found = np.flatnonzero(block)
        cells.append(found + start)
        owners.append(block[found].astype(np.int64) - 1)
        report(40.0 + 15.0 * min(start + step, flat_labels.size) / flat_labels.size)
    return np.concatenate(cells), np.concatenate(owners)


def _frontage(
    grid: Grid,
    labels: np.ndarray,
    outdoor: np.ndarray,
    distance_m: float,
    n_labels: int,
    report: Callable[[float], None] = lambda _percent: None,
) -> tuple[np.ndarray, np.ndarray]:
    """(flat cell, demand index) pairs: outdoor cells (and outside every labelled polygon) whose
    centre is within ``distance_m`` (at least one diagonal cell) of a cell labelled with the
    polygon (label − 1, labels below ``n_labels``); by blocks of rows (55–95 %)."""
    reach = max(distance_m, grid.cell_size * math.sqrt(2.0)) / grid.cell_size + 1e-9
    k = math.floor(reach)
    offsets = [
        (dr, dc)
        for dr in range(-k, k + 1)
        for dc in range(-k, k + 1)
        if (dr or dc) and math.hypot(dr, dc) <= reach
    ]
    n_rows, n_cols = grid.shape
    step = max(1, BLOCK_CELLS // n_cols)
    keys: list[np.ndarray] = []
    for top in range(0, n_rows, step):
        bottom = min(top + step, n_rows)
        free = outdoor[top:bottom] & (labels[top:bottom] == 0)
        for done, (dr, dc) in enumerate(offsets):
            # the free cell at (r, c) and the labelled cell at (r + dr, c + dc)
            first, last = max(top, -dr), min(bottom, n_rows - dr)
            left, right = max(0, -dc), min(n_cols, n_cols - dc)
            if first >= last:
                continue
            near = labels[first + dr : last + dr, left + dc : right + dc]
            hit = free[first - top : last - top, left:right] & (near > 0)
            r, c = np.nonzero(hit)
            cell = (r + first).astype(np.int64) * n_cols + (c + left)
            keys.append(np.unique(cell * n_labels + near[hit]))
            report(55.0 + 40.0 * (top + (bottom - top) * (done + 1) / len(offsets)) / n_rows)
    merged = np.unique(np.concatenate(keys)) if keys else np.zeros(0, np.int64)
    return merged // n_labels, merged % n_labels - 1


# --------------------------------------------------------------------------- writing
def polygonize_classes(
    grid: Grid, classes: np.ndarray, labels: dict[int, str]
) -> list[tuple[bytes, int, str, float]]:
    """Polygons of a small-integer class raster (0 = nothing): (WKB, class code, label, area m²)."""
    source = gdal_array.OpenArray(classes.astype(np.uint8))
    source.SetGeoTransform(grid.geotransform)
    memory = ogr.GetDriverByName(OGR_MEMORY_DRIVER).CreateDataSource("")
    layer = memory.CreateLayer("classes", None, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("code", ogr.OFTInteger))
    band = source.GetRasterBand(1)
    gdal.Polygonize(band, band, layer, 0, [])
    result = []
    for feature in layer:
        geometry = feature.GetGeometryRef()
        code = feature.GetField(0)
        result.append((bytes(geometry.ExportToWkb()), code, labels[code], geometry.GetArea()))
    return result


@dataclass
class ZoneShare:
    """Demand of one zone and the part of it within the usable and the good signal levels."""

    total: float
    usable: float
    good: float

    @property
    def usable_pct(self) -> float | None:
        return 100.0 * self.usable / self.total if self.total > 0 else None

    @property
    def good_pct(self) -> float | None:
        return 100.0 * self.good / self.total if self.total > 0 else None


def zone_shares(
    zones: Sequence[Any],
    demand: Sequence[Any],
    weights: np.ndarray,
    usable: np.ndarray,
    good: np.ndarray,
) -> list[ZoneShare]:
    """Per zone polygon, the weight of the demand whose representative point lies in it, and the
    weight of that demand with usable / good signal (boolean arrays per demand)."""
    from shapely.prepared import prep

    points = [g if g.geom_type == "Point" else g.representative_point() for g in demand]
    xs = np.array([p.x for p in points])
    ys = np.array([p.y for p in points])
    shares = []
    for zone in zones:
        x0, y0, x1, y1 = zone.bounds
        candidates = np.flatnonzero((xs >= x0) & (xs <= x1) & (ys >= y0) & (ys <= y1))
        prepared = prep(zone)
        members = np.array([i for i in candidates if prepared.covers(points[i])], dtype=np.int64)
        w = weights[members]
        total, usable_weight = float(w.sum()), float(w[usable[members]].sum())
        shares.append(ZoneShare(total, usable_weight, float(w[good[members]].sum())))
    return shares
