"""Wi-Fi propagation on a raster grid: path loss, line of sight and best-server coverage.

Received power at a cell = EIRP + antenna pattern − path loss − body loss − z(p)·σ
(− building entry loss inside buildings).  Line of sight comes from GDAL's viewshed run on
the obstruction surface (terrain + buildings, or a DSM) in a window of ``max_range`` around
each hotspot, so the cost per hotspot does not depend on the size of the grid.

References: free-space loss (ITU-R P.525); ITU-R P.1411 §4.1.1 site-general model (both ends
below rooftops); ITU-R P.2109 building entry loss; 3GPP TR 36.814 sector pattern.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from osgeo import gdal, gdal_array, ogr
from scipy import sparse
from scipy.stats import norm

from .errors import EngineError
from .outputs import atomic_output

#: OGR's in-memory vector driver: "MEM" since GDAL 3.11 ("Memory", deprecated there, before).
OGR_MEMORY_DRIVER = "MEM" if int(gdal.VersionInfo()) >= 3110000 else "Memory"

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


def log_distance_loss(distance_m: np.ndarray | float, frequency_mhz: float, exponent: float) -> np.ndarray:
    """Log-distance loss (dB): free-space loss at 1 m + 10·n·log10(d)."""
    return free_space_loss(1.0, frequency_mhz) + 10.0 * exponent * np.log10(distance_m)


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
    return float(norm.ppf(probability_pct / 100.0) * sigma_db)


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
    eirp_dbm: float = 20.0
    height_m: float = 4.0
    frequency_mhz: float = 2437.0
    azimuth_deg: float | None = None
    beamwidth_deg: float | None = None
    name: str = ""


@dataclass(frozen=True)
class RadioSettings:
    """Propagation model and reception settings shared by coverage and placement."""

    model: str = "p1411"
    environment: str = "urban"
    exponent: float = 2.2
    nlos_exponent: float = 3.5
    sigma_db: float = 4.0  # shadowing σ of the log-distance model (free space has none)
    rx_height: float = 1.5
    body_loss: float = 3.0
    location_probability: float = 90.0
    threshold: float = -75.0
    good_threshold: float = -67.0
    max_range: float = 300.0
    indoor: str = "none"

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


@dataclass(frozen=True)
class Grid:
    """A north-up raster grid: top-left corner, square cells."""

    x_min: float
    y_max: float
    cell_size: float
    n_rows: int
    n_cols: int
    crs_wkt: str = ""

    @classmethod
    def from_bounds(
        cls, x_min: float, y_min: float, x_max: float, y_max: float, cell_size: float, crs_wkt: str = ""
    ) -> Grid:
        """The grid of ``cell_size`` cells covering the bounds (snapped outward to the cell size)."""
        if cell_size <= 0:
            raise EngineError("The cell size must be positive (got {value} m).", value=cell_size)
        x0 = math.floor(x_min / cell_size) * cell_size
        y1 = math.ceil(y_max / cell_size) * cell_size
        n_cols = max(1, math.ceil((x_max - x0) / cell_size))
        n_rows = max(1, math.ceil((y1 - y_min) / cell_size))
        return cls(x0, y1, cell_size, n_rows, n_cols, crs_wkt)

    @property
    def geotransform(self) -> tuple[float, float, float, float, float, float]:
        return (self.x_min, self.cell_size, 0.0, self.y_max, 0.0, -self.cell_size)

    @property
    def shape(self) -> tuple[int, int]:
        return (self.n_rows, self.n_cols)

    def contains(self, x: float, y: float) -> bool:
        return (
            self.x_min <= x < self.x_min + self.n_cols * self.cell_size
            and self.y_max - self.n_rows * self.cell_size < y <= self.y_max
        )

    def cell_of(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Row and column of points (may fall outside the grid)."""
        col = np.floor((np.asarray(x) - self.x_min) / self.cell_size).astype(np.int64)
        row = np.floor((self.y_max - np.asarray(y)) / self.cell_size).astype(np.int64)
        return row, col


@dataclass
class Obstruction:
    """Ground and obstruction surface (ground + buildings or a DSM) on a grid, metres."""

    grid: Grid
    ground: np.ndarray
    surface: np.ndarray
    indoor: np.ndarray = field(init=False)  # cells inside a building

    def __post_init__(self) -> None:
        self.indoor = (self.surface - self.ground) > 0.5
        self._dataset = gdal_array.OpenArray(self.surface)  # shares the array's memory
        self._dataset.SetGeoTransform(self.grid.geotransform)

    @property
    def band(self) -> gdal.Band:
        return self._dataset.GetRasterBand(1)


def _grid_dataset(values: np.ndarray, grid: Grid) -> gdal.Dataset:
    """A GDAL dataset over ``values`` (shared memory: what GDAL writes lands in the array)."""
    dataset = gdal_array.OpenArray(values)
    dataset.SetGeoTransform(grid.geotransform)
    if grid.crs_wkt:
        dataset.SetProjection(grid.crs_wkt)
    return dataset


def _warp_onto(path: str, grid: Grid) -> np.ndarray:
    """Resample a raster onto the grid (bilinear, on every core), nodata → 0, as float32."""
    try:
        source = gdal.Open(path)
    except RuntimeError as error:
        raise EngineError("Cannot read the raster {path}: {reason}", path=path, reason=str(error)) from None
    values = np.zeros(grid.shape, np.float32)  # cells the raster does not cover (or nodata) stay 0
    options = gdal.WarpOptions(
        resampleAlg="bilinear", multithread=True, warpOptions=["NUM_THREADS=ALL_CPUS"], warpMemoryLimit=256
    )
    gdal.Warp(_grid_dataset(values, grid), source, options=options)
    return values


def _burn_heights(pairs: Sequence[tuple[object, float]], grid: Grid) -> np.ndarray:
    """Heights burnt onto the grid (cell centre inside), in order: the last one wins a cell.

    Through an in-memory OGR layer built from WKB: much faster than handing GeoJSON-like
    geometries to the rasteriser one by one.
    """
    heights = np.zeros(grid.shape, np.float32)
    vectors = ogr.GetDriverByName(OGR_MEMORY_DRIVER).CreateDataSource("")
    layer = vectors.CreateLayer("buildings", geom_type=ogr.wkbUnknown)
    layer.CreateField(ogr.FieldDefn("height", ogr.OFTReal))
    definition = layer.GetLayerDefn()
    for geometry, height in pairs:
        if geometry is None or geometry.is_empty:
            continue
        feature = ogr.Feature(definition)
        feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(geometry.wkb))
        feature.SetField(0, height)
        layer.CreateFeature(feature)
    target = _grid_dataset(heights, grid)
    try:
        gdal.RasterizeLayer(target, [1], layer, options=["ATTRIBUTE=height"])
    except RuntimeError as error:
        raise EngineError("The buildings could not be rasterised: {reason}", reason=str(error)) from None
    target.FlushCache()
    return heights


def build_obstruction(
    grid: Grid,
    terrain: str | None = None,
    surface: str | None = None,
    buildings: Sequence[tuple[object, float | None]] = (),
) -> Obstruction:
    """Ground (``terrain`` raster, or flat 0) and obstruction surface on ``grid``.

    ``surface`` is a DSM raster (used as is); ``buildings`` are (shapely geometry, height above
    ground) pairs rasterised onto the grid (cell centre inside) and added to the ground; the
    taller building wins where footprints overlap.
    """
    ground = _warp_onto(terrain, grid) if terrain else np.zeros(grid.shape, np.float32)
    top = _warp_onto(surface, grid) if surface else ground.copy()
    if surface and not terrain:
        ground = top.copy()
    if buildings:
        pairs = [
            (geometry, float(height) if height is not None and height > 0 else DEFAULT_BUILDING_HEIGHT)
            for geometry, height in buildings
        ]
        pairs.sort(key=lambda pair: pair[1])
        heights = _burn_heights(pairs, grid)
        heights += ground
        np.maximum(top, heights, out=top)
    return Obstruction(grid, ground, top)


# --------------------------------------------------------------------------- one hotspot
@dataclass
class Field:
    """Received power of one hotspot on its window of the grid (NaN out of range)."""

    rows: slice
    cols: slice
    rssi: np.ndarray
    los: np.ndarray


def hotspot_field(obstruction: Obstruction, hotspot: Hotspot, settings: RadioSettings) -> Field | None:
    """Received power (dBm) around one hotspot, or None when it lies outside the grid."""
    grid = obstruction.grid
    if not grid.contains(hotspot.x, hotspot.y):
        return None
    row, col = (int(v) for v in grid.cell_of(hotspot.x, hotspot.y))
    ground, top = float(obstruction.ground[row, col]), float(obstruction.surface[row, col])
    tx_z = ground + hotspot.height_m
    if obstruction.indoor[row, col]:
        tx_z = max(tx_z, top + ROOF_CLEARANCE)
    view = gdal.ViewshedGenerate(
        obstruction.band,
        "MEM",
        "",
        [],
        hotspot.x,
        hotspot.y,
        tx_z - top,
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
    visible = view.GetRasterBand(1).ReadAsArray()
    rows, cols = slice(r0, r0 + visible.shape[0]), slice(c0, c0 + visible.shape[1])
    xs = grid.x_min + (np.arange(cols.start, cols.stop) + 0.5) * grid.cell_size
    ys = grid.y_max - (np.arange(rows.start, rows.stop) + 0.5) * grid.cell_size
    dx = (xs - hotspot.x)[None, :]
    dy = (ys - hotspot.y)[:, None]
    dz = obstruction.surface[rows, cols] + settings.rx_height - tx_z
    distance = np.maximum(np.sqrt(dx * dx + dy * dy + dz * dz), 1.0)
    los = visible == 1
    power = hotspot.eirp_dbm - settings.body_loss - path_loss(distance, los, hotspot.frequency_mhz, settings)
    if hotspot.azimuth_deg is not None:
        power += sector_gain(np.degrees(np.arctan2(dx, dy)), hotspot.azimuth_deg, hotspot.beamwidth_deg)
    if settings.indoor != "none":
        entry = building_entry_loss(hotspot.frequency_mhz, settings.indoor)
        power = np.where(obstruction.indoor[rows, cols], power - entry, power)
    power = power.astype(np.float32)
    power[(visible == 2) | (dx * dx + dy * dy > settings.max_range**2)] = np.nan
    return Field(rows, cols, power, los)


def path_loss(
    distance: np.ndarray, los: np.ndarray, frequency_mhz: float, settings: RadioSettings
) -> np.ndarray:
    """Path loss plus the location-probability margin (dB), LoS or NLoS per cell.

    The NLoS losses are never taken below the free-space loss (the fitted NLoS lines cross it
    at short range, outside their validity range of 30 m and more).
    """
    p = settings.location_probability
    if settings.model == "free_space":
        return free_space_loss(distance, frequency_mhz)
    if settings.model == "log_distance":
        exponent = np.where(los, settings.exponent, settings.nlos_exponent)
        return log_distance_loss(distance, frequency_mhz, exponent) + location_margin(p, settings.sigma_db)
    nlos = P1411_NLOS[settings.environment]
    return np.where(
        los,
        p1411_loss(distance, frequency_mhz, P1411_LOS) + location_margin(p, P1411_LOS.sigma),
        np.maximum(p1411_loss(distance, frequency_mhz, nlos), free_space_loss(distance, frequency_mhz))
        + location_margin(p, nlos.sigma),
    )


# --------------------------------------------------------------------------- many hotspots
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
    """Best-server received power (dBm, -inf where no hotspot reaches) and server keys."""

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
    """Best-server RSSI and server over the grid, accumulated in place hotspot by hotspot."""
    grid = obstruction.grid
    rssi = np.full(grid.shape, -np.inf, np.float32)
    best = np.full(grid.shape, BEST_SERVER_NODATA, np.int32)
    count = np.zeros(grid.shape, np.uint16)
    stats: list[HotspotStats] = []
    for index, hotspot in enumerate(hotspots):
        warning = eirp_warning(hotspot.eirp_dbm, hotspot.frequency_mhz) or ""
        result = hotspot_field(obstruction, hotspot, settings)
        if result is None:
            stats.append(
                HotspotStats(
                    hotspot.key, hotspot.name, hotspot.x, hotspot.y, "outside the grid", warning=warning
                )
            )
            continue
        window = rssi[result.rows, result.cols]
        better = result.rssi > window  # NaN compares False
        window[better] = result.rssi[better]
        best[result.rows, result.cols][better] = hotspot.key
        covered = result.rssi >= settings.threshold
        count[result.rows, result.cols] += covered
        stats.append(
            HotspotStats(
                hotspot.key,
                hotspot.name,
                hotspot.x,
                hotspot.y,
                "ok",
                int(covered.sum()),
                int((result.rssi >= settings.good_threshold).sum()),
                warning=warning,
            )
        )
        if progress:
            progress(100.0 * (index + 1) / len(hotspots))
    on = rssi >= settings.threshold
    best_keys, best_counts = np.unique(best[on], return_counts=True)
    alone_keys, alone_counts = np.unique(best[on & (count == 1)], return_counts=True)
    for s in stats:
        s.best_cells = int(best_counts[best_keys == s.key].sum())
        s.overlap_cells = s.covered_cells - int(alone_counts[alone_keys == s.key].sum())
    return CoverageResult(grid, rssi, best, stats, settings)


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


def demand_cells(
    grid: Grid,
    geometries: Sequence[object],
    weights: Sequence[float],
    outdoor: np.ndarray | None = None,
    frontage_m: float = FRONTAGE_DISTANCE,
) -> DemandCells:
    """Grid cells where each demand feature's signal is read.

    Points: their cell.  Polygons (buildings), without ``outdoor``: the cells whose centre is
    inside plus the cell of a representative point, so that small polygons count — the signal on
    the building itself.  With ``outdoor`` (full-grid boolean, True outside every obstruction):
    the building's frontage, i.e. the outdoor cells within ``frontage_m`` of its cells (at least
    the 8 adjacent cells), not inside any demand polygon — the outdoor signal in front of the
    building at receiver height, as public-space Wi-Fi is judged; a polygon with no outdoor cell
    around it (enclosed by other buildings) keeps its own cells.
    """
    from rasterio import features
    from rasterio.transform import Affine

    weights_array = np.asarray(weights, dtype=np.float64)
    if np.any(~np.isfinite(weights_array)) or np.any(weights_array < 0):
        raise EngineError("Demand weights must be finite and not negative.")
    pairs_cell: list[np.ndarray] = []
    pairs_demand: list[np.ndarray] = []
    points = [g if g.geom_type == "Point" else g.representative_point() for g in geometries]
    xs = np.array([p.x for p in points]) if points else np.zeros(0)
    ys = np.array([p.y for p in points]) if points else np.zeros(0)
    row, col = grid.cell_of(xs, ys)
    ok = (row >= 0) & (row < grid.n_rows) & (col >= 0) & (col < grid.n_cols)
    is_polygon = np.array([g.geom_type in ("Polygon", "MultiPolygon") for g in geometries], bool)
    polygons = [(g, i + 1) for i, g in enumerate(geometries) if is_polygon[i]]
    frontage = outdoor is not None
    if polygons:
        labels = features.rasterize(
            polygons,
            out_shape=grid.shape,
            transform=Affine.from_gdal(*grid.geotransform),
            fill=0,
            dtype="int32",
        )
        flat_labels = labels.ravel()
        flat = np.flatnonzero(flat_labels)
        owners = flat_labels[flat].astype(np.int64) - 1
        if frontage:
            # polygons too small to hold a cell centre occupy their representative point's cell
            tiny = np.flatnonzero(is_polygon & ok & ~np.isin(np.arange(len(geometries)), owners))
            tiny_cells = row[tiny] * grid.n_cols + col[tiny]
            free = flat_labels[tiny_cells] == 0
            flat_labels[tiny_cells[free]] = tiny[free] + 1
            flat = np.flatnonzero(flat_labels)
            owners = flat_labels[flat].astype(np.int64) - 1
            ring_cells, ring_owners = _frontage(grid, labels, outdoor, frontage_m)
            enclosed = is_polygon.copy()
            enclosed[ring_owners] = False
            keep = enclosed[owners]
            pairs_cell += [ring_cells, flat[keep]]
            pairs_demand += [ring_owners, owners[keep]]
        else:
            pairs_cell.append(flat)
            pairs_demand.append(owners)
        del labels, flat_labels
    use_point = ok & ~is_polygon if frontage else ok
    pairs_cell.append(row[use_point] * grid.n_cols + col[use_point])
    pairs_demand.append(np.flatnonzero(use_point))
    cells = np.concatenate(pairs_cell)
    owners = np.concatenate(pairs_demand)
    cell_ids, cell_index = np.unique(cells, return_inverse=True)
    incidence = sparse.csr_matrix(
        (np.ones(len(cells), bool), (cell_index, owners)), shape=(len(cell_ids), len(geometries))
    )
    incidence.sum_duplicates()
    inside = np.zeros(len(geometries), bool)
    inside[owners] = True
    return DemandCells(cell_ids, incidence, weights_array, inside)


def _frontage(
    grid: Grid, labels: np.ndarray, outdoor: np.ndarray, distance_m: float
) -> tuple[np.ndarray, np.ndarray]:
    """(flat cell, demand index) pairs: outdoor cells (and outside every labelled polygon) whose
    centre is within ``distance_m`` (at least one diagonal cell) of a cell labelled with the
    polygon (label − 1)."""
    reach = max(distance_m, grid.cell_size * math.sqrt(2.0)) / grid.cell_size + 1e-9
    k = math.floor(reach)
    offsets = [
        (dr, dc)
        for dr in range(-k, k + 1)
        for dc in range(-k, k + 1)
        if (dr or dc) and math.hypot(dr, dc) <= reach
    ]
    free = outdoor & (labels == 0)
    n_rows, n_cols = grid.shape
    n_labels = int(labels.max()) + 1
    keys: list[np.ndarray] = []
    for dr, dc in offsets:
        # the free cell at (r, c) and the labelled cell at (r + dr, c + dc)
        near = labels[max(dr, 0) : n_rows + min(dr, 0), max(dc, 0) : n_cols + min(dc, 0)]
        here = free[max(-dr, 0) : n_rows + min(-dr, 0), max(-dc, 0) : n_cols + min(-dc, 0)]
        hit = here & (near > 0)
        r, c = np.nonzero(hit)
        cell = (r + max(-dr, 0)).astype(np.int64) * n_cols + (c + max(-dc, 0))
        keys.append(np.unique(cell * n_labels + near[hit]))
    merged = np.unique(np.concatenate(keys)) if keys else np.zeros(0, np.int64)
    return merged // n_labels, merged % n_labels - 1


# --------------------------------------------------------------------------- writing
def write_raster(path: str | Path, grid: Grid, values: np.ndarray, nodata: float) -> None:
    """Write one band as a tiled, compressed GeoTIFF, atomically."""
    data_type = gdal_array.NumericTypeCodeToGDALTypeCode(values.dtype)
    with atomic_output(path) as temporary:
        dataset = gdal.GetDriverByName("GTiff").Create(
            str(temporary),
            grid.n_cols,
            grid.n_rows,
            1,
            data_type,
            ["COMPRESS=DEFLATE", "TILED=YES", "BIGTIFF=IF_SAFER"],
        )
        dataset.SetGeoTransform(grid.geotransform)
        if grid.crs_wkt:
            dataset.SetProjection(grid.crs_wkt)
        band = dataset.GetRasterBand(1)
        band.SetNoDataValue(nodata)
        band.WriteArray(values)
        band.ComputeStatistics(False)
        dataset.FlushCache()
        dataset = None


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
    zones: Sequence[object],
    demand: Sequence[object],
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
