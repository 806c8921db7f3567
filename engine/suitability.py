"""Site suitability: read a JSON suitability model, compute the 0–100 suitability grid, find sites.

The model format is documented in docs/site_suitability.md and docs/suitability_model.schema.json.
:func:`load_model` validates it with located messages; :func:`run` computes each criterion
(distance, raster value or vector attribute → 0–1 transform; several side by side in worker
threads when memory allows), accumulates the weighted aggregate in place in model order (so the
result does not depend on the threads), applies the constraints, then locates or scores
candidate sites and, optionally, tests their stability under Monte Carlo weight perturbation.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import shutil
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

import numpy as np
from rasterio import features
from rasterio.windows import Window
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from . import mcda
from .arrays import ArrayPool
from .errors import Cancelled, EngineError, Message
from .outputs import atomic_output
from .raster_grid import (
    Grid,
    VectorData,
    crs_is_geographic,
    distance_bands,
    extent_in,
    feature_mask,
    layer_label,
    open_raster,
    probe_vector,
    raster_info,
    rasterize,
    read_vector,
    resample_to,
    write_raster,
)
from .suitability_options import Options

MEASURES = ("distance", "value", "attribute")
NAME_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,29}$")
NODATA = -9999.0
#: Fixed overhead (interpreter, GDAL caches, libraries) added to every memory estimate.
BASE_MEMORY = 150 * 2**20
#: Largest share of the grid's larger side by which distance grids are padded.
MAX_MARGIN_SHARE = 0.5
#: Bytes per cell of a block: aggregate, one criterion, constraint mask, rasterizing temporaries.
BLOCK_CELL_BYTES = 24
#: Rows of a GeoTIFF tile: blocks of whole tiles are written without re-reading any.
TILE_ROWS = 256
#: Cells of a block when memory allows more (larger blocks are hardly faster).
BLOCK_CELLS = 8 * 2**20
#: Most criteria computed at once (distance transforms and GDAL warps release the GIL).
MAX_THREADS = 4
#: Longest wait, in seconds, between two progress reports and cancel checks while criteria compute.
REPORT_SECONDS = 0.5
#: Rough seconds per cell of a distance transform: the progress shown while one runs.
DISTANCE_CELL_SECONDS = 1.5e-7
#: Transforms constant beyond their saturation: their distances can be computed by bands of rows.
FLAT_BEYOND_SATURATION = ("linear", "threshold")


# --- model ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Criterion:
    """One criterion: what is measured on which layer, and how it becomes a 0–1 suitability."""

    name: str
    layer: str
    measure: str
    transform: mcda.Transform
    band: int = 1
    field: str | None = None
    where: str | None = None
    resampling: str = "bilinear"
    fill: float | None = None


@dataclass(frozen=True)
class Constraint:
    """A hard constraint: cells in (``include``) or away from (``exclude``, with buffer) a layer."""

    layer: str
    mode: str
    buffer: float = 0.0
    where: str | None = None


@dataclass
class Model:
    """A validated suitability model."""

    name: str
    criteria: list[Criterion]
    weights: np.ndarray  # normalised, in criteria order
    aggregation: str
    order_weights: np.ndarray | None
    constraints: list[Constraint]
    base_dir: str | None
    ahp: mcda.AhpResult | None = None


def load_model(
    source: str | os.PathLike[str] | dict, base_dir: str | None = None, allow_inconsistent: bool = False
) -> Model:
    """Parse and validate a model given as a dict, JSON text or a JSON file path.

    Relative layer paths resolve against the model file's folder (or ``base_dir``).  An AHP
    matrix with CR ≥ 0.10 is refused unless ``allow_inconsistent``.
    """
    if isinstance(source, dict):
        data = source
    else:
        text = str(source)
        if not text.lstrip().startswith("{"):
            path = Path(text).expanduser()
            if not path.is_file():
                raise EngineError("The model file {path} does not exist.", path=text)
            text = path.read_text(encoding="utf-8")
            base_dir = str(path.resolve().parent)
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise EngineError(
                "The model is not valid JSON: {reason} (line {line}, column {column}).",
                reason=error.msg,
                line=error.lineno,
                column=error.colno,
            ) from error
    if not isinstance(data, dict):
        raise EngineError("The model must be a JSON object with 'criteria' and 'weights'.")
    criteria = [
        _criterion(item, f"criteria[{index}]") for index, item in enumerate(_list(data, "criteria", "model"))
    ]
    if not criteria:
        raise EngineError("The model has no criteria.")
    names = [criterion.name for criterion in criteria]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise EngineError(
            "Criterion names must be unique: {names} appear twice.", names=", ".join(duplicates)
        )
    weights, ahp_result = _weights(data.get("weights"), names, allow_inconsistent)
    aggregation, order_weights = _aggregation(data.get("aggregation", {"method": "wlc"}), len(names))
    constraints = [
        _constraint(item, f"constraints[{index}]") for index, item in enumerate(data.get("constraints") or [])
    ]
    return Model(
        name=str(data.get("name", "")),
        criteria=criteria,
        weights=weights,
        aggregation=aggregation,
        order_weights=order_weights,
        constraints=constraints,
        base_dir=base_dir,
        ahp=ahp_result,
    )


def _list(data: dict, key: str, where: str) -> list:
    value = data.get(key)
    if not isinstance(value, list):
        raise EngineError("{where}: '{key}' must be a list.", where=where, key=key)
    return value


def _number(data: dict, key: str, where: str, default: float | None = None) -> float:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise EngineError(
            "{where}: '{key}' must be a number, not {value!r}.", where=where, key=key, value=value
        )
    return float(value)


def _text(
    data: dict, key: str, where: str, choices: tuple[str, ...] | None = None, default: str | None = None
) -> str:
    value = data.get(key, default)
    if not isinstance(value, str) or not value.strip():
        raise EngineError("{where}: '{key}' must be a non-empty text.", where=where, key=key)
    if choices is not None and value not in choices:
        raise EngineError(
            "{where}: '{key}' is '{value}'; expected one of {choices}.",
            where=where,
            key=key,
            value=value,
            choices=", ".join(choices),
        )
    return value


def _criterion(item: object, where: str) -> Criterion:
    if not isinstance(item, dict):
        raise EngineError("{where} must be an object.", where=where)
    name = _text(item, "name", where)
    if not NAME_PATTERN.match(name):
        raise EngineError(
            "{where}: the name '{name}' must start with a letter and hold only letters, digits and _ "
            "(30 characters at most): it names the output field c_<name>.",
            where=where,
            name=name,
        )
    where = f"{where} ({name})"
    measure = _text(item, "measure", where, MEASURES)
    transform = _transform(item.get("transform"), f"{where}.transform")
    field_name = _text(item, "field", where) if measure == "attribute" else None
    band = int(_number(item, "band", where, 1)) if measure == "value" else 1
    default_resampling = "nearest" if transform.function == "categories" else "bilinear"
    resampling = _text(
        item, "resampling", where, ("nearest", "bilinear", "cubic", "average"), default_resampling
    )
    where_clause = item.get("where")
    if where_clause is not None and not isinstance(where_clause, str):
        raise EngineError("{where}: 'where' must be a filter text such as \"ftth = 1\".", where=where)
    if where_clause and measure == "value":
        raise EngineError(
            "{where}: 'where' filters vector features; a raster criterion cannot use it.", where=where
        )
    fill = item.get("fill")
    if fill is not None:
        fill = _number(item, "fill", where)
        if not 0 <= fill <= 1:
            raise EngineError(
                "{where}: 'fill' is a suitability between 0 and 1, not {value}.", where=where, value=fill
            )
    return Criterion(
        name=name,
        layer=_text(item, "layer", where),
        measure=measure,
        transform=transform,
        band=band,
        field=field_name,
        where=where_clause or None,
        resampling=resampling,
        fill=fill,
    )


def _transform(item: object, where: str) -> mcda.Transform:
    if not isinstance(item, dict):
        raise EngineError("{where} must be an object with a 'function'.", where=where)
    function = _text(item, "function", where, mcda.FUNCTIONS)
    direction = _text(item, "direction", where, ("benefit", "cost"), "benefit")
    if function == "linear":
        low, high = _number(item, "low", where), _number(item, "high", where)
        if low == high:
            raise EngineError("{where}: 'low' and 'high' must differ.", where=where)
        if low > high:
            raise EngineError(
                "{where}: 'low' ({low}) must be below 'high' ({high}); use 'direction' to reverse the curve.",
                where=where,
                low=low,
                high=high,
            )
        return mcda.Transform(function, direction, low=low, high=high)
    if function == "sigmoid":
        spread = _number(item, "spread", where)
        if spread <= 0:
            raise EngineError("{where}: 'spread' must be positive.", where=where)
        return mcda.Transform(function, direction, midpoint=_number(item, "midpoint", where), spread=spread)
    if function == "gaussian":
        spread = _number(item, "spread", where)
        if spread <= 0:
            raise EngineError("{where}: 'spread' must be positive.", where=where)
        return mcda.Transform(function, direction, ideal=_number(item, "ideal", where), spread=spread)
    if function == "threshold":
        return mcda.Transform(function, direction, value=_number(item, "value", where))
    values = item.get("values")
    if not isinstance(values, dict) or not values:
        raise EngineError("{where}: 'values' must map each category to a suitability (0–1).", where=where)
    table = {}
    for key, _value in values.items():
        number = _number(values, key, f"{where}.values")
        if not 0 <= number <= 1:
            raise EngineError(
                "{where}: the suitability of category '{key}' must be between 0 and 1, not {value}.",
                where=where,
                key=key,
                value=number,
            )
        table[str(key)] = number
    default = item.get("default")
    if default is not None:
        default = _number(item, "default", where)
    return mcda.Transform(function, direction, categories=table, default=default)


def _judgement(value: object, where: str) -> float:
    if isinstance(value, str):
        try:
            value = float(Fraction(value.strip()))
        except (ValueError, ZeroDivisionError):
            value = None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise EngineError(
            '{where}: a judgement must be a positive number or a fraction such as "1/3".', where=where
        )
    return float(value)


def _weights(
    item: object, names: list[str], allow_inconsistent: bool
) -> tuple[np.ndarray, mcda.AhpResult | None]:
    if not isinstance(item, dict):
        raise EngineError('weights: give {"method": "direct", "values": {...}} or an AHP matrix.')
    method = _text(item, "method", "weights", ("direct", "ahp"))
    if method == "direct":
        values = item.get("values")
        if not isinstance(values, dict):
            raise EngineError("weights.values must map each criterion name to a weight.")
        missing = [name for name in names if name not in values]
        unknown = [name for name in values if name not in names]
        if missing or unknown:
            raise EngineError(
                "weights.values must give one weight per criterion (missing: {missing}; unknown: {unknown}).",
                missing=", ".join(missing) or "-",
                unknown=", ".join(unknown) or "-",
            )
        weights = [_number(values, name, "weights.values") for name in names]
        if any(weight <= 0 for weight in weights):
            raise EngineError("weights.values must be positive (remove a criterion rather than weigh it 0).")
        return mcda.normalise(weights), None
    order = item.get("order")
    if not isinstance(order, list) or sorted(map(str, order)) != sorted(names):
        raise EngineError("weights.order must list every criterion once: {names}.", names=", ".join(names))
    pairwise = item.get("pairwise")
    size = len(order)
    if (
        not isinstance(pairwise, list)
        or len(pairwise) != size
        or any(not isinstance(row, list) or len(row) != size for row in pairwise)
    ):
        raise EngineError("weights.pairwise must be a {n}×{n} matrix (one row per criterion).", n=size)
    matrix = np.array(
        [
            [_judgement(value, f"weights.pairwise[{i}][{j}]") for j, value in enumerate(row)]
            for i, row in enumerate(pairwise)
        ]
    )
    for i in range(size):
        if abs(matrix[i, i] - 1) > 1e-9:
            raise EngineError("weights.pairwise[{i}][{i}] must be 1.", i=i)
        for j in range(i + 1, size):
            if abs(matrix[i, j] * matrix[j, i] - 1) > 0.01:
                raise EngineError(
                    "weights.pairwise[{j}][{i}] must be the reciprocal of [{i}][{j}] = {value:g} "
                    "({first} vs {second}).",
                    i=i,
                    j=j,
                    value=matrix[i, j],
                    first=order[i],
                    second=order[j],
                )
    result = mcda.ahp(matrix)
    if result.cr >= 0.10 and not allow_inconsistent:
        i, j = result.worst_pair
        raise EngineError(
            "The AHP judgements are inconsistent: CR = {cr:.3f} (must be below 0.10). The most "
            "inconsistent pair is {first} vs {second}: judged {judged:g}, about {implied:.2g} would be "
            "consistent with the others. Revise it, or allow inconsistent judgements.",
            cr=result.cr,
            first=order[i],
            second=order[j],
            judged=matrix[i, j],
            implied=result.worst_consistent_value,
        )
    by_name = dict(zip(map(str, order), result.weights))
    return np.array([by_name[name] for name in names]), result


def _aggregation(item: object, size: int) -> tuple[str, np.ndarray | None]:
    if not isinstance(item, dict):
        raise EngineError('aggregation must be an object such as {"method": "wlc"}.')
    method = _text(item, "method", "aggregation", mcda.AGGREGATIONS)
    if method != "owa":
        return method, None
    order_weights = item.get("order_weights")
    if not isinstance(order_weights, list) or len(order_weights) != size:
        raise EngineError("aggregation.order_weights must hold {n} numbers (one per criterion).", n=size)
    values = [
        _number({"w": value}, "w", f"aggregation.order_weights[{index}]")
        for index, value in enumerate(order_weights)
    ]
    if any(value < 0 for value in values) or sum(values) <= 0:
        raise EngineError("aggregation.order_weights must be non-negative with a positive sum.")
    return method, mcda.normalise(values)


def _constraint(item: object, where: str) -> Constraint:
    if not isinstance(item, dict):
        raise EngineError("{where} must be an object.", where=where)
    buffer = _number(item, "buffer", where, 0.0)
    if buffer < 0:
        raise EngineError("{where}: 'buffer' must not be negative.", where=where)
    where_clause = item.get("where")
    if where_clause is not None and not isinstance(where_clause, str):
        raise EngineError("{where}: 'where' must be a filter text.", where=where)
    return Constraint(
        layer=_text(item, "layer", where),
        mode=_text(item, "mode", where, ("exclude", "include")),
        buffer=buffer,
        where=where_clause or None,
    )


# --- run ------------------------------------------------------------------------------------
@dataclass
class Site:
    """A ranked candidate site and why it scores as it does."""

    site_id: int
    rank: int | None
    score: float | None  # 0–100 mean suitability
    min_score: float | None
    area_m2: float
    contributions: dict[str, float]  # criterion → weight × mean transformed value × 100
    geometry: BaseGeometry
    stay_top_prob: float | None = None
    cells: np.ndarray | None = field(default=None, repr=False)  # flat indices of its scored cells


@dataclass
class Result:
    """The suitability grid (0–100, NaN outside or excluded) and the sites.

    A run by blocks keeps no grid: its raster is already written to ``staged`` (in the work
    folder) and :func:`write_suitability` moves it into place.
    """

    grid: Grid
    suitability: np.ndarray | None
    sites: list[Site] = field(default_factory=list)
    memory_estimate: int = 0
    warnings: list[str] = field(default_factory=list)
    staged: Path | None = None
    block_rows: int | None = None  # rows per block, None when computed whole
    threads: int = 0  # threads of the run (options.threads): the output is compressed on as many


ProgressCallback = Callable[[float, str], object]


def memory_estimate(grid: Grid, model: Model, options: Options, margin_cells: int, threads: int = 1) -> int:
    """Peak bytes a run needs: accumulators, the stack and, for each of ``threads`` criteria
    computed at once, its padded distance grid; with threads, every criterion may also wait,
    burnt or computed, for its turn to be accumulated."""
    cells = grid.cells
    padded = (grid.width + 2 * margin_cells) * (grid.height + 2 * margin_cells)
    has_distance = any(criterion.measure == "distance" for criterion in model.criteria)
    keep = len(model.criteria) if _keeps_stack(model, options) else 0
    criterion_peak = cells * 8 + (padded * 16 if has_distance else 0)  # mask, 2 int32 indices, distance
    waiting = len(model.criteria) * (padded + cells * 4) if threads > 1 else 0
    criteria_peak = criterion_peak * threads + waiting
    locate_peak = cells * 18 if options.sites and not options.candidates else 0
    return BASE_MEMORY + cells * (1 + 4 + 4 * keep) + max(criteria_peak, locate_peak)


def thread_count(grid: Grid, model: Model, options: Options, margin_cells: int) -> int:
    """Criteria to compute at once: up to the processors (or ``options.threads``) and the
    criteria, as many as ``options.max_memory`` allows; 1 when even one at a time does not fit."""
    most = options.threads or min(os.cpu_count() or 1, MAX_THREADS)
    for threads in range(min(most, len(model.criteria)), 1, -1):
        if memory_estimate(grid, model, options, margin_cells, threads) <= options.max_memory:
            return threads
    return 1


def margin_cells(model: Model, grid: Grid) -> int:
    """Cells by which the largest distance grid of ``model`` is padded on each side."""
    return max(
        (
            math.ceil((distance_margin(c, grid) or 0) / grid.cell_size)
            for c in model.criteria
            if c.measure == "distance"
        ),
        default=0,
    )


def blocked_estimate(grid: Grid, model: Model, margin_cells: int, rows: int) -> int:
    """Peak bytes of a run by blocks of ``rows`` rows: one whole-grid distance transform at a time
    (its result then waits on disk), or one block of criteria, aggregate and constraint mask."""
    padded = (grid.width + 2 * margin_cells) * (grid.height + 2 * margin_cells)
    has_distance = any(criterion.measure == "distance" for criterion in model.criteria)
    distance_peak = padded * 16 + grid.cells * 4 if has_distance else 0
    return BASE_MEMORY + max(distance_peak, rows * _block_row_bytes(grid, model))


def block_rows(grid: Grid, model: Model, margin_cells: int, max_memory: int) -> int | None:
    """Rows per block: as many as ``max_memory`` allows up to about BLOCK_CELLS cells, whole
    GeoTIFF tiles of 256 rows when more than 256 fit; None when even one row does not fit."""
    if blocked_estimate(grid, model, margin_cells, 1) > max_memory:
        return None
    fitting = (max_memory - BASE_MEMORY) // _block_row_bytes(grid, model)
    rows = min(grid.height, fitting, max(TILE_ROWS, BLOCK_CELLS // grid.width))
    if TILE_ROWS < rows < grid.height:
        rows -= rows % TILE_ROWS
    return int(rows)


def _block_row_bytes(grid: Grid, model: Model) -> int:
    keep = len(model.criteria) if model.aggregation == "owa" else 0
    return grid.width * (BLOCK_CELL_BYTES + 4 * keep)


def _refuse_unless_blocks(
    grid: Grid, model: Model, options: Options, estimate: int, rows: int | None, margin: int
) -> None:
    """Refuse, with the estimates, a run that fits neither whole nor by blocks, or needs sites."""
    values = {
        "width": grid.width,
        "height": grid.height,
        "cells": grid.cells / 1e6,
        "size": grid.cell_size,
        "need": estimate / 2**30,
        "limit": options.max_memory / 2**30,
        "blocked": blocked_estimate(grid, model, margin, 1) / 2**30,
    }
    if rows is None:
        raise EngineError(
            "The grid of {width} × {height} cells ({cells:.1f} million) at {size:g} m needs about "
            "{need:.1f} GB of memory, more than the {limit:.1f} GB allowed; even by blocks of rows it "
            "needs at least {blocked:.1f} GB (each distance is computed on the whole grid). Use larger "
            "cells or a smaller extent.",
            **values,
        )
    if options.sites or options.candidates is not None:
        raise EngineError(
            "The grid of {width} × {height} cells ({cells:.1f} million) at {size:g} m needs about "
            "{need:.1f} GB of memory, more than the {limit:.1f} GB allowed. The suitability raster alone "
            "would be computed by blocks of rows (about {blocked:.1f} GB), but the sites need the whole "
            "grid: leave the sites out, or use larger cells or a smaller extent.",
            **values,
        )
    distances = sum(criterion.measure == "distance" for criterion in model.criteria)
    disk = grid.cells * 4 * (distances + 1)  # raw distances and the uncompressed output, at worst
    folder = options.work_dir or tempfile.gettempdir()
    free = shutil.disk_usage(folder if os.path.isdir(folder) else tempfile.gettempdir()).free
    if disk > free:
        raise EngineError(
            "The grid of {width} × {height} cells ({cells:.1f} million) at {size:g} m would be computed "
            "by blocks of rows, but its temporary files need up to {disk:.1f} GB of disk and only "
            "{free:.1f} GB are free in {folder}. Use larger cells or a smaller extent.",
            disk=disk / 2**30,
            free=free / 2**30,
            folder=folder,
            **values,
        )


def check_memory(model: Model, options: Options) -> int:
    """Peak bytes a run of ``model`` needs, whole or by blocks of rows; raise EngineError, with
    the estimate and the limit, when it fits neither (nothing is computed: only the include
    constraints are read, for the extent)."""
    grid = model_grid(model, options)
    margin = margin_cells(model, grid)
    estimate = memory_estimate(grid, model, options, margin, thread_count(grid, model, options, margin))
    if estimate <= options.max_memory:
        return estimate
    rows = block_rows(grid, model, margin, options.max_memory)
    _refuse_unless_blocks(grid, model, options, estimate, rows, margin)
    return blocked_estimate(grid, model, margin, rows)


def _keeps_stack(model: Model, options: Options) -> bool:
    return model.aggregation == "owa" or options.sites or bool(options.candidates)


def distance_margin(criterion: Criterion, grid: Grid) -> float | None:
    """How far beyond the grid edge features still matter for a distance criterion (capped)."""
    saturation = criterion.transform.saturation()
    cap = MAX_MARGIN_SHARE * max(grid.width, grid.height) * grid.cell_size
    return cap if saturation is None else min(max(saturation, 0.0), cap)


def run(
    model: Model,
    options: Options,
    progress: ProgressCallback = lambda percent, message: None,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> Result:
    """Compute the suitability grid and sites of ``model`` (see the module docstring)."""
    if crs_is_geographic(options.target_crs):
        raise EngineError(
            "The target CRS {crs} is geographic (degrees): choose a projected CRS in metres such as "
            "EPSG:2154.",
            crs=options.target_crs,
        )
    crs, base_dir = options.target_crs, model.base_dir
    warnings: list[str] = []
    vectors = {}
    for index, constraint in enumerate(model.constraints):
        data = read_vector(constraint.layer, crs, constraint.where, base_dir=base_dir)
        if not data.geometries:
            if constraint.mode == "include":
                raise EngineError(
                    "The include constraint layer '{layer}' has no features: nothing could be suitable.",
                    layer=data.label,
                )
            warnings.append(f"Exclude constraint layer '{data.label}' has no features: it excludes nothing.")
        vectors[("constraint", index)] = data
    grid = Grid.covering(_extent(model, options, vectors), options.cell_size, crs)
    margin = margin_cells(model, grid)
    threads = thread_count(grid, model, options, margin)
    estimate = memory_estimate(grid, model, options, margin, threads)
    if estimate > options.max_memory:
        rows = block_rows(grid, model, margin, options.max_memory)
        _refuse_unless_blocks(grid, model, options, estimate, rows, margin)
        estimate = blocked_estimate(grid, model, margin, rows)
        progress(
            2,
            Message(
                "Grid of {width} × {height} cells by blocks of {rows} rows; estimated peak memory {mb} MB",
                width=grid.width,
                height=grid.height,
                rows=rows,
                mb=round(estimate / 2**20),
            ),
        )
        staged = _run_by_blocks(model, options, grid, vectors, rows, warnings, progress, is_cancelled)
        progress(100, Message("Done"))
        return Result(
            grid,
            None,
            memory_estimate=estimate,
            warnings=warnings,
            staged=staged,
            block_rows=rows,
            threads=options.threads,
        )
    progress(
        2,
        Message(
            "Grid of {width} × {height} cells; estimated peak memory {mb} MB",
            width=grid.width,
            height=grid.height,
            mb=round(estimate / 2**20),
        ),
    )
    valid = _constraint_mask(grid, _constraint_shapes(model, vectors))
    del vectors
    folder = _criteria_staging(options.criteria_folder)
    try:
        stack = (
            np.empty((len(model.criteria), *grid.shape), dtype=np.float32)
            if _keeps_stack(model, options)
            else None
        )
        total = None

        def report(index: int, share: float) -> None:
            name = model.criteria[index].name
            progress(5 + 70 * (index + share) / len(model.criteria), Message("Criterion {name}", name=name))

        pool = ArrayPool()  # the grids of the criteria already summed serve the next ones
        computed = _criteria_values(model, grid, threads, warnings, is_cancelled, report, pool)
        with contextlib.closing(computed) as values:
            for index, (criterion, value) in enumerate(zip(model.criteria, values)):
                progress(
                    5 + 70 * (index + 1) / len(model.criteria),
                    Message("Criterion {name}", name=criterion.name),
                )
                if folder is not None:
                    write_raster(
                        folder / f"{criterion.name}.tif",
                        grid,
                        [value],
                        nodata=math.nan,
                        threads=options.threads,
                    )
                if stack is not None:
                    stack[index] = value
                if model.aggregation != "owa":
                    total = mcda.accumulate(total, value, float(model.weights[index]), model.aggregation)
                if value is not total:
                    pool.give(value)
                del value
        pool.clear()
        if model.aggregation == "owa":
            total = _owa_by_blocks(stack, model, is_cancelled)
        else:
            mcda.finish(total, model.aggregation)
        total[valid == 0] = np.nan
        del valid
        np.multiply(total, 100.0, out=total)
        result = Result(grid, total, memory_estimate=estimate, warnings=warnings, threads=options.threads)
        if options.candidates is not None:
            progress(80, Message("Scoring candidate sites"))
            result.sites = _score_candidates(total, stack, model, options, grid)
        elif options.sites:
            progress(80, Message("Locating sites"))
            result.sites = _locate_sites(total, stack, model, options, grid, is_cancelled)
        if result.sites and options.sensitivity_runs > 0:
            progress(92, Message("Sensitivity of the ranking to the weights"))
            _sensitivity(result.sites, stack, model, options, grid, is_cancelled)
        del stack
        if folder is not None:
            _publish_criteria(folder, Path(options.criteria_folder))
            folder = None
        progress(100, Message("Done"))
        return result
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


def model_grid(model: Model, options: Options) -> Grid:
    """The grid a run of ``model`` with ``options`` uses."""
    vectors = {
        ("constraint", index): read_vector(
            constraint.layer, options.target_crs, constraint.where, base_dir=model.base_dir
        )
        for index, constraint in enumerate(model.constraints)
        if constraint.mode == "include"
    }
    return Grid.covering(_extent(model, options, vectors), options.cell_size, options.target_crs)


def _extent(model: Model, options: Options, vectors: dict) -> tuple[float, float, float, float]:
    crs = options.target_crs
    if options.extent is not None:
        return extent_in(crs, options.extent_crs or crs, options.extent)
    boxes = [
        vectors[("constraint", index)].bounds
        for index, constraint in enumerate(model.constraints)
        if constraint.mode == "include"
    ]
    boxes = [box for box in boxes if box is not None]
    if not boxes:
        first = model.criteria[0]
        if first.measure == "value":
            layer_crs, bounds, _ = raster_info(first.layer, model.base_dir)
            return extent_in(crs, layer_crs, bounds)
        box = read_vector(first.layer, crs, first.where, base_dir=model.base_dir).bounds
        if box is None:
            raise EngineError(
                "Cannot take the extent from layer '{layer}': it has no features. Give an extent.",
                layer=layer_label(first.layer),
            )
        boxes = [box]
    array = np.array(boxes)
    return (array[:, 0].min(), array[:, 1].min(), array[:, 2].max(), array[:, 3].max())


def _constraint_shapes(model: Model, vectors: dict) -> list[tuple[str, VectorData, bool]]:
    """(mode, features, buffered) of each constraint, exclude buffers applied once."""
    shapes = []
    for index, constraint in enumerate(model.constraints):
        data: VectorData = vectors[("constraint", index)]
        buffered = constraint.mode == "exclude" and constraint.buffer > 0
        if buffered:
            geometries = [geometry.buffer(constraint.buffer) for geometry in data.geometries]
            data = VectorData(data.label, geometries, [], data.geometry_type)
        shapes.append((constraint.mode, data, buffered))
    return shapes


def _constraint_mask(grid: Grid, shapes: list[tuple[str, VectorData, bool]]) -> np.ndarray:
    """1 where every include constraint holds and no exclude constraint applies."""
    valid = np.ones(grid.shape, dtype=np.uint8)
    for mode, data, buffered in shapes:
        if mode == "include":
            np.minimum(valid, feature_mask(grid, data), out=valid)
        elif data.geometries:
            inside = rasterize(grid, data.geometries) if buffered else feature_mask(grid, data)
            valid[inside.astype(bool)] = 0
    return valid


def _criteria_values(
    model: Model,
    grid: Grid,
    threads: int,
    warnings: list[str],
    is_cancelled: Callable[[], bool],
    report: Callable[[int, float], None] = lambda index, share: None,
    arrays: ArrayPool | None = None,
) -> Iterator[np.ndarray]:
    """The transformed 0–1 Float32 grid of each criterion in model order (NaN where no data).

    Vector features are read and burnt, rasters warped, in this thread (shapely's GEOS handle
    and rasterio's warps are not thread-safe) while ``threads`` workers run the distance
    transforms (a long one by bands of rows, side by side) and the 0–1 transforms; with one
    thread, criteria are computed one at a time.  While it waits for a criterion, this thread
    calls ``report(index, share done)`` and checks ``is_cancelled`` every REPORT_SECONDS.
    Grids are taken from ``arrays`` when given (the caller gives each back once summed).
    """
    arrays = arrays or ArrayPool()
    pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="suitability")
    running: deque[_Parts] = deque()
    finished = False
    try:
        for index, criterion in enumerate(model.criteria):
            if is_cancelled():
                raise Cancelled()
            if threads == 1:
                report(index, 0.0)

            def warping(share: float, index: int = index) -> None:
                """While this thread resamples a raster: the earliest criterion still running
                (progress never goes back), else this one; Cancel honoured between bands."""
                if is_cancelled():
                    raise Cancelled()
                if running:
                    report(running[0].index, running[0].share())
                else:
                    report(index, 0.9 * share)

            parts = _criterion_parts(criterion, grid, model.base_dir, warnings, threads, warping, arrays)
            running.append(_Parts(index, [(cells, pool.submit(task)) for cells, task in parts]))
            if threads == 1:
                yield running.popleft().result(is_cancelled, report)
                continue
            while running and running[0].done():  # in model order, as soon as they are ready
                yield running.popleft().result(is_cancelled, report)
            if running:
                report(running[0].index, running[0].share())
        while running:
            yield running.popleft().result(is_cancelled, report)
        finished = True
    finally:
        # a cancelled or failed run does not wait for the distance transform under way
        pool.shutdown(wait=finished, cancel_futures=True)


@dataclass
class _Parts:
    """The parts of one criterion submitted to the workers: (cells, future) each; every future
    gives the criterion's whole grid once all are done."""

    index: int
    futures: list[tuple[int, Future]]
    submitted: float = field(default_factory=time.monotonic)

    def result(self, is_cancelled: Callable[[], bool], report: Callable[[int, float], None]) -> np.ndarray:
        """Wait for every part, reporting the share done (parts done, the one under way by its
        expected time) and checking ``is_cancelled`` every REPORT_SECONDS."""
        pending = {future for _, future in self.futures}
        while pending:
            if is_cancelled():
                raise Cancelled()
            _, pending = wait(pending, timeout=REPORT_SECONDS)
            if pending:
                report(self.index, self.share())
        return self.futures[0][1].result()

    def done(self) -> bool:
        return all(future.done() for _, future in self.futures)

    def share(self) -> float:
        """Share of the criterion done: parts done count whole, the others by elapsed time
        against their expected time (never reaching 1 before they end)."""
        expected = sum(cells for cells, _ in self.futures) * DISTANCE_CELL_SECONDS
        elapsed = time.monotonic() - self.submitted
        done = sum(1 for _, future in self.futures if future.done())
        running = (len(self.futures) - done) * (1.0 - math.exp(-elapsed / max(expected, 1e-3)))
        return 0.95 * (done + running) / len(self.futures)


def _waited(
    task: Callable[[], np.ndarray],
    cells: int,
    index: int,
    is_cancelled: Callable[[], bool],
    report: Callable[[int, float], None],
) -> np.ndarray:
    """``task()`` (over ``cells`` cells) run in a worker thread while this one reports progress
    and checks for cancelling."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="suitability")
    parts = _Parts(index, [(cells, pool.submit(task))])
    try:
        return parts.result(is_cancelled, report)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _criterion_parts(
    criterion: Criterion,
    grid: Grid,
    base_dir: str | None,
    warnings: list[str],
    bands: int = 1,
    warping: Callable[[float], None] | None = None,
    pool: ArrayPool | None = None,
) -> list[tuple[int, Callable[[], np.ndarray]]]:
    """Read what a criterion needs now; return the rest of its computation (thread-safe) as
    parts ``(cells, computation)``, each returning the criterion's grid (whole once all ran):
    a distance may be computed by up to ``bands`` bands of rows (see :func:`_distance`).
    Rasters are warped here too (rasterio's warps are not reliably thread-safe), by GDAL on
    ``bands`` threads, by bands of rows with ``warping`` (0–1) after each.  Grids are taken
    from ``pool`` when given.
    """
    pool = pool or ArrayPool()
    if criterion.measure == "value":
        value = resample_to(
            grid,
            criterion.layer,
            criterion.band,
            criterion.resampling,
            base_dir,
            warping,
            threads=bands,
            out=pool.take(grid.shape),
        )
        return [(grid.cells, lambda: _filled(criterion, criterion.transform.apply(value)))]
    data = _criterion_features(criterion, grid, base_dir, warnings)
    if criterion.measure != "distance":
        value = _filled(criterion, _attribute_grid(criterion, grid, data, pool))
        return [(0, lambda: value)]
    parts = _distance(criterion, grid, data, bands, pool)
    if len(parts) == 1:
        distances = parts[0][2]
        return [(grid.cells, lambda: _filled(criterion, criterion.transform.apply(distances())))]
    value = pool.take(grid.shape)

    def band(first: int, end: int, distances: Callable[[], np.ndarray]) -> Callable[[], np.ndarray]:
        def compute() -> np.ndarray:
            band_distances = distances()
            value[first:end] = _filled(criterion, criterion.transform.apply(band_distances))
            pool.give(band_distances)
            return value

        return compute

    return [((end - first) * grid.width, band(first, end, task)) for first, end, task in parts]


def _filled(criterion: Criterion, value: np.ndarray) -> np.ndarray:
    if criterion.fill is not None:
        value[np.isnan(value)] = criterion.fill
    return value


def _criterion_features(
    criterion: Criterion, grid: Grid, base_dir: str | None, warnings: list[str]
) -> VectorData:
    """The features of a vector criterion in the grid CRS (a warning when there are none)."""
    data = read_vector(
        criterion.layer,
        grid.crs,
        criterion.where,
        criterion.field if criterion.measure == "attribute" else None,
        base_dir,
    )
    if not data.geometries:
        warnings.append(
            f"Criterion {criterion.name}: layer '{data.label}' has no features"
            + (f" matching '{criterion.where}'" if criterion.where else "")
        )
    return data


def _distance(
    criterion: Criterion, grid: Grid, data: VectorData, bands: int = 1, pool: ArrayPool | None = None
) -> list[tuple[int, int, Callable[[], np.ndarray]]]:
    """The raw distance grid of a distance criterion (exact up to the transform's saturation),
    as computations to run by up to ``bands`` bands of rows when the transform is constant
    beyond its saturation (then only the windows around the features count): see
    :func:`distance_bands`."""
    margin = distance_margin(criterion, grid)
    saturation = criterion.transform.saturation()
    limit = saturation if saturation is not None and margin is not None and saturation <= margin else None
    flat = criterion.transform.function in FLAT_BEYOND_SATURATION
    return distance_bands(grid, data, margin, limit, bands if flat else 1, within_limit=flat, pool=pool)


def _attribute_grid(
    criterion: Criterion, grid: Grid, data: VectorData, pool: ArrayPool | None = None
) -> np.ndarray:
    transform = criterion.transform
    if transform.function == "categories":
        numbers = [transform.category_value(raw) for raw in data.values]
    else:
        numbers = []
        for raw in data.values:
            try:
                numbers.append(math.nan if raw is None else float(raw))
            except (TypeError, ValueError) as error:
                raise EngineError(
                    "Criterion {name}: field '{field}' of layer '{layer}' holds '{value}', not a number; "
                    "use a 'categories' transform.",
                    name=criterion.name,
                    field=criterion.field,
                    layer=data.label,
                    value=raw,
                ) from error
    polygons = [
        (g, v) for g, v in zip(data.geometries, numbers) if g.geom_type in ("Polygon", "MultiPolygon")
    ]
    others = [
        (g, v) for g, v in zip(data.geometries, numbers) if g.geom_type not in ("Polygon", "MultiPolygon")
    ]
    value = (pool or ArrayPool()).take(grid.shape)
    value.fill(np.nan)
    groups = [(pairs, touched) for pairs, touched in ((polygons, False), (others, True)) if pairs]
    for pairs, touched in groups:
        geometries, numbers = [g for g, _ in pairs], [v for _, v in pairs]
        if len(groups) == 1:  # burnt in place: no second grid to merge
            rasterize(grid, geometries, numbers, fill=np.nan, all_touched=touched, out=value)
        else:
            burnt = rasterize(grid, geometries, numbers, fill=np.nan, dtype="float32", all_touched=touched)
            np.copyto(value, burnt, where=~np.isnan(burnt))
            del burnt
    if transform.function != "categories":
        transform.apply(value)
    return value


def _owa_by_blocks(stack: np.ndarray, model: Model, is_cancelled: Callable[[], bool]) -> np.ndarray:
    total = np.empty(stack.shape[1:], dtype=np.float32)
    rows = max(1, 2_000_000 // max(stack.shape[2], 1))
    for top in range(0, stack.shape[1], rows):
        if is_cancelled():
            raise Cancelled()
        total[top : top + rows] = mcda.aggregate(
            stack[:, top : top + rows], model.weights, "owa", model.order_weights
        )
    return total


def _run_by_blocks(
    model: Model,
    options: Options,
    grid: Grid,
    vectors: dict,
    rows: int,
    warnings: list[str],
    progress: ProgressCallback,
    is_cancelled: Callable[[], bool],
) -> Path:
    """Compute the suitability raster by blocks of ``rows`` rows into a staged GeoTIFF.

    Distances need the whole grid: each is computed whole, written raw to a scratch file and
    freed; then each block reads its rows of them, resamples rasters and burns attributes and
    constraints on its own rows, aggregates and is written.  Returns the staged raster's path.
    """
    if options.work_dir:
        Path(options.work_dir).mkdir(parents=True, exist_ok=True)
    shapes = _constraint_shapes(model, vectors)
    folder = _criteria_staging(options.criteria_folder)
    handle, name = tempfile.mkstemp(prefix=".suitability.", suffix=".tif", dir=options.work_dir)
    os.close(handle)
    staged = Path(name)

    def report(index: int, share: float) -> None:
        name = model.criteria[index].name
        progress(5 + 30 * (index + share) / len(model.criteria), Message("Criterion {name}", name=name))

    try:
        with tempfile.TemporaryDirectory(prefix=".suitability.", dir=options.work_dir) as scratch:
            sources: list[Path | VectorData | None] = []
            for index, criterion in enumerate(model.criteria):
                if is_cancelled():
                    raise Cancelled()
                report(index, 0.0)
                if criterion.measure == "value":
                    sources.append(None)
                    continue
                data = _criterion_features(criterion, grid, model.base_dir, warnings)
                if criterion.measure == "attribute":
                    sources.append(data)
                    continue
                path = Path(scratch) / f"{index}.f32"
                _, _, distances = _distance(criterion, grid, data)[0]
                _waited(distances, grid.cells, index, is_cancelled, report).tofile(path)
                sources.append(path)
            _write_blocks(
                model, grid, rows, sources, shapes, staged, folder, progress, is_cancelled, options.threads
            )
        if folder is not None:
            _publish_criteria(folder, Path(options.criteria_folder))
            folder = None
        return staged
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


def _write_blocks(
    model: Model,
    grid: Grid,
    rows: int,
    sources: list[Path | VectorData | None],
    shapes: list[tuple[str, VectorData, bool]],
    staged: Path,
    folder: Path | None,
    progress: ProgressCallback,
    is_cancelled: Callable[[], bool],
    threads: int = 0,
) -> None:
    """Transform, aggregate and constrain each block of rows; write it (and each criterion's),
    compressed on ``threads`` threads (0: all processors)."""
    with contextlib.ExitStack() as open_files:
        output = open_files.enter_context(open_raster(staged, grid, nodata=NODATA, threads=threads))
        criteria_outputs = [
            open_files.enter_context(
                open_raster(folder / f"{criterion.name}.tif", grid, nodata=math.nan, threads=threads)
            )
            for criterion in model.criteria
            if folder is not None
        ]
        for top in range(0, grid.height, rows):
            if is_cancelled():
                raise Cancelled()
            progress(
                35 + 60 * top / grid.height,
                Message("Rows {first}–{last}", first=top + 1, last=min(top + rows, grid.height)),
            )
            block = grid.rows(top, min(rows, grid.height - top))
            window = Window(0, top, block.width, block.height)
            total, values = None, []
            for index, criterion in enumerate(model.criteria):
                value = _block_values(criterion, sources[index], block, top, model.base_dir)
                if criteria_outputs:
                    criteria_outputs[index].write(value, 1, window=window)
                if model.aggregation == "owa":
                    values.append(value)
                else:
                    total = mcda.accumulate(total, value, float(model.weights[index]), model.aggregation)
            if model.aggregation == "owa":
                total = mcda.aggregate(np.stack(values), model.weights, "owa", model.order_weights)
            else:
                mcda.finish(total, model.aggregation)
            total[_constraint_mask(block, shapes) == 0] = np.nan
            np.multiply(total, 100.0, out=total)
            total[np.isnan(total)] = NODATA
            output.write(total, 1, window=window)


def _block_values(
    criterion: Criterion, source: Path | VectorData | None, block: Grid, top: int, base_dir: str | None
) -> np.ndarray:
    """The transformed 0–1 values of one criterion on the rows of ``block`` (starting at ``top``)."""
    if criterion.measure == "value":
        value = resample_to(block, criterion.layer, criterion.band, criterion.resampling, base_dir)
        criterion.transform.apply(value)
    elif criterion.measure == "attribute":
        value = _attribute_grid(criterion, block, source)
    else:
        value = np.fromfile(source, dtype=np.float32, count=block.cells, offset=top * block.width * 4)
        value = criterion.transform.apply(value.reshape(block.shape))
    return _filled(criterion, value)


# --- sites ----------------------------------------------------------------------------------
def _site(
    site_id: int,
    cells: np.ndarray,
    score: np.ndarray,
    stack: np.ndarray,
    model: Model,
    grid: Grid,
    geometry: BaseGeometry,
) -> Site:
    values = score.ravel()[cells]
    good = ~np.isnan(values)
    if not good.any():
        return Site(site_id, None, None, None, 0.0, {c.name: math.nan for c in model.criteria}, geometry)
    good_cells = cells[good]
    contributions = {
        criterion.name: float(model.weights[index] * np.nanmean(stack[index].ravel()[good_cells]) * 100)
        for index, criterion in enumerate(model.criteria)
    }
    return Site(
        site_id,
        None,
        float(values[good].mean()),
        float(values[good].min()),
        float(good.sum() * grid.cell_area),
        contributions,
        geometry,
        cells=good_cells,
    )


def _rank(sites: list[Site]) -> list[Site]:
    scored = sorted((s for s in sites if s.score is not None), key=lambda s: -s.score)
    for rank, site in enumerate(scored, start=1):
        site.rank = rank
    return scored + [s for s in sites if s.score is None]


def _region_polygon(cells: np.ndarray, grid: Grid) -> BaseGeometry:
    rows, cols = np.divmod(cells, grid.width)
    top, left = rows.min(), cols.min()
    window = np.zeros((rows.max() - top + 1, cols.max() - left + 1), dtype=np.uint8)
    window[rows - top, cols - left] = 1
    # the grid's transform moved to the window's corner (no Affine product: its operator
    # changed between affine 2.4 and 3.0)
    t = grid.transform
    transform = type(t)(t.a, t.b, t.c + t.a * left + t.b * top, t.d, t.e, t.f + t.d * left + t.e * top)
    polygons = [
        shape(geometry)
        for geometry, value in features.shapes(
            window, mask=window.astype(bool), connectivity=4, transform=transform
        )
        if value == 1
    ]
    return unary_union(polygons)


def _locate_sites(
    score: np.ndarray,
    stack: np.ndarray,
    model: Model,
    options: Options,
    grid: Grid,
    is_cancelled: Callable[[], bool],
) -> list[Site]:
    pool = options.n_sites * (3 if options.sensitivity_runs > 0 else 1)
    regions = mcda.locate_regions(
        score, grid.cell_size, options.min_area, pool, options.min_spacing, is_cancelled
    )
    sites = [
        _site(index + 1, cells, score, stack, model, grid, _region_polygon(cells, grid))
        for index, cells in enumerate(regions)
    ]
    return _rank(sites)


def _score_candidates(
    score: np.ndarray, stack: np.ndarray, model: Model, options: Options, grid: Grid
) -> list[Site]:
    candidates = options.candidates or []
    geometries = [geometry for _, geometry in candidates]
    ids = rasterize(grid, geometries, list(range(1, len(candidates) + 1)), dtype="int32")
    present = np.bincount(ids.ravel(), minlength=len(candidates) + 1)
    missing = [index for index in range(len(candidates)) if present[index + 1] == 0]
    if missing:  # polygons smaller than a cell: take every cell they touch
        touched = rasterize(
            grid, [geometries[i] for i in missing], [i + 1 for i in missing], dtype="int32", all_touched=True
        )
        ids = np.where(ids == 0, touched, ids)
    flat = ids.ravel()
    order = np.argsort(flat, kind="stable")
    bounds = np.searchsorted(flat[order], np.arange(len(candidates) + 2))
    sites = []
    for index, (feature_id, geometry) in enumerate(candidates):
        cells = order[bounds[index + 1] : bounds[index + 2]]
        sites.append(_site(int(feature_id), cells, score, stack, model, grid, geometry))
    return _rank(sites)


def _sensitivity(
    sites: list[Site],
    stack: np.ndarray,
    model: Model,
    options: Options,
    grid: Grid,
    is_cancelled: Callable[[], bool],
) -> None:
    """Set each site's probability of staying in the top ``n_sites``; keep only those top sites."""
    scored = [site for site in sites if site.score is not None]
    cells = np.concatenate([site.cells for site in scored])
    owner = np.concatenate([np.full(len(site.cells), index) for index, site in enumerate(scored)])
    values = stack.reshape(len(model.criteria), -1)[:, cells]
    probabilities = mcda.stay_top_probability(
        values,
        owner,
        len(scored),
        model.weights,
        model.aggregation,
        model.order_weights,
        options.n_sites,
        options.sensitivity_runs,
        options.perturbation,
        is_cancelled=is_cancelled,
    )
    for site, probability in zip(scored, probabilities):
        site.stay_top_prob = float(probability)


def final_sites(result: Result, options: Options) -> list[Site]:
    """The sites to publish: every candidate polygon, or the ``n_sites`` best located regions."""
    if options.candidates is not None:
        return result.sites
    return result.sites[: options.n_sites]


# --- outputs --------------------------------------------------------------------------------
def write_suitability(path: str | os.PathLike[str], result: Result) -> None:
    """Write the 0–100 suitability as Float32 with nodata −9999 (atomically)."""
    if result.staged is not None:
        with atomic_output(path) as temporary:
            shutil.move(str(result.staged), str(temporary))
        result.staged = None
        return
    array = result.suitability
    nodata = np.isnan(array)
    array[nodata] = NODATA
    try:
        with atomic_output(path) as temporary:
            write_raster(temporary, result.grid, [array], nodata=NODATA, threads=result.threads)
    finally:
        array[nodata] = np.nan


def _criteria_staging(folder: str | None) -> Path | None:
    if not folder:
        return None
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=".criteria.", dir=target))


def _publish_criteria(staging: Path, target: Path) -> None:
    for path in staging.iterdir():
        shutil.move(str(path), str(target / path.name))
    staging.rmdir()


def model_layers(model: Model) -> list[str]:
    """Every layer URI the model reads (criteria, then constraints)."""
    return [criterion.layer for criterion in model.criteria] + [
        constraint.layer for constraint in model.constraints
    ]


def check_layers(model: Model) -> None:
    """Open every layer once (fail early: missing file, unknown layer, geographic CRS, bad field)."""
    for criterion in model.criteria:
        if criterion.measure == "value":
            raster_info(criterion.layer, model.base_dir)
        else:
            probe_vector(criterion.layer, criterion.where, criterion.field, model.base_dir)
    for constraint in model.constraints:
        probe_vector(constraint.layer, constraint.where, None, model.base_dir)
