"""Waste flows between producers and receivers, in the manner of AGUR's Toile industrielle.

1. Producer rows (site, List of Waste code, t/yr) are aggregated per (site, code); rows whose
   ``destination`` names a receiver are *declared* flows, kept as they are.
2. A producer's waste may go to a receiver whose accepted patterns match its code, hazardous
   waste only where hazardous waste is allowed, within the maximum distance (straight line or
   along the roads), within the receivers' capacities.
3. The allocation is a transportation problem solved exactly as a linear programme (HiGHS,
   sparse): place as many tonnes as possible, then minimise tonne-kilometres.  What cannot be
   placed is reported with its cause.
4. Closure scenario: the sites removed lose their waste (producers) or their intake (receivers);
   everything is re-allocated and the waste that loses its outlet is reported.
5. Synergy candidates: a producer's waste that another site could take, scored on the code
   hierarchy (code / sub-chapter / chapter / material family), distance, quantity fit and
   confidence, each part kept so that the score can be explained.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csr_matrix
from scipy.spatial.distance import cdist

from .errors import Cancelled, EngineError, EngineWarning
from .symbiosis_options import WasteFlowsOptions as Options
from .waste_codes import (
    LEVEL_CODE,
    LEVEL_FAMILY,
    LEVEL_NAMES,
    MATCH_SCORE,
    WasteCode,
    match_level,
    parse_code,
    parse_patterns,
    unreadable_patterns,
)

Progress = Callable[[float, str], bool]  # (fraction done, step) → False to cancel

#: Output schemas: (field name, type) with type in "text", "int", "float", "bool".
FLOW_FIELDS = [
    ("producer_id", "text"),
    ("producer", "text"),
    ("receiver_id", "text"),
    ("receiver", "text"),
    ("code", "text"),
    ("chapter", "text"),
    ("family", "text"),
    ("hazardous", "bool"),
    ("tonnes", "float"),
    ("km", "float"),
    ("tonne_km", "float"),
    ("operation", "text"),
    ("provenance", "text"),
    ("status", "text"),
]
NODE_FIELDS = [
    ("site_id", "text"),
    ("name", "text"),
    ("role", "text"),
    ("tonnes_out", "float"),
    ("tonnes_in", "float"),
    ("unallocated_t", "float"),
    ("capacity_t", "float"),
    ("utilisation", "float"),
    ("baseline_out", "float"),
    ("baseline_in", "float"),
    ("closed", "bool"),
    ("snap_m", "float"),
]
UNALLOCATED_FIELDS = [
    ("producer_id", "text"),
    ("producer", "text"),
    ("code", "text"),
    ("family", "text"),
    ("hazardous", "bool"),
    ("tonnes", "float"),
    ("baseline_allocated_t", "float"),
    ("cause", "text"),
]
SYNERGY_FIELDS = [
    ("producer_id", "text"),
    ("producer", "text"),
    ("receiver_id", "text"),
    ("receiver", "text"),
    ("code", "text"),
    ("family", "text"),
    ("hazardous", "bool"),
    ("tonnes", "float"),
    ("km", "float"),
    ("match_level", "text"),
    ("match_score", "float"),
    ("proximity_score", "float"),
    ("fit_score", "float"),
    ("confidence", "text"),
    ("score", "float"),
    ("allocated", "bool"),
    ("explanation", "text"),
]
SUMMARY_FIELDS = [
    ("indicator", "text"),
    ("unit", "text"),
    ("baseline", "float"),
    ("scenario", "float"),
    ("change", "float"),
]

CAUSE_CODE = "unreadable waste code"
CAUSE_TONNES = "missing tonnage"
CAUSE_NO_RECEIVER = "no receiver accepts this code"
CAUSE_HAZARDOUS = "no receiver allowed hazardous waste accepts this code"
CAUSE_OFF_NETWORK = "off the road network (beyond the snapping tolerance)"
CAUSE_DISTANCE = "no accepting receiver within the maximum distance"
CAUSE_CAPACITY = "accepting receivers are full"
CAUSE_CLOSURE = "lost its outlet (closure scenario)"
CAUSE_CLOSED = "producer closed (scenario)"

_EPS = 1e-6


@dataclass
class Producers:
    """One row per (site, waste code) declaration; several rows per site allowed."""

    site_id: Sequence[str]
    site_name: Sequence[str]
    xy: np.ndarray  # (n, 2) metres
    code: Sequence[object]
    tonnes: np.ndarray  # t/yr, NaN when missing
    destination: Sequence[object] | None = None  # receiver id or name of a declared flow


@dataclass
class Receivers:
    """Treatment facilities, recyclers, industrial users."""

    site_id: Sequence[str]
    name: Sequence[str]
    xy: np.ndarray
    accepts: Sequence[object]  # "17 01 01, 17 02 *, 19 *"
    capacity: np.ndarray  # t/yr, NaN = unlimited
    hazardous_ok: np.ndarray  # bool
    operation: Sequence[str]
    inside: np.ndarray | None = None  # inside the territory (for the "treated within" share)


@dataclass
class Result:
    flows: list[dict] = field(default_factory=list)  # records with "geometry": 3 (x, y) vertices
    nodes: list[dict] = field(default_factory=list)  # records with "geometry": (x, y)
    unallocated: list[dict] = field(default_factory=list)
    synergies: list[dict] = field(default_factory=list)
    summary: list[dict] = field(default_factory=list)


@dataclass
class _Items:
    """Aggregated (site, code) items with their candidate receivers and distances."""

    site: np.ndarray  # site index into _Sites
    code: list[WasteCode]
    code_index: np.ndarray  # index into the unique codes
    tonnes: np.ndarray
    location: np.ndarray  # index into the unique producer locations
    declared_to: np.ndarray  # receiver index of a declared flow, -1 otherwise


@dataclass
class TransportProblem:
    """Supply per item, capacity per receiver (inf = unlimited), candidate edges with costs (km)."""

    supply: np.ndarray
    capacity: np.ndarray
    edge_item: np.ndarray  # position in ``supply``
    edge_receiver: np.ndarray
    cost: np.ndarray
    items: np.ndarray  # item index of each supply entry
    declared: np.ndarray  # bool per item: declared flows, outside the problem


# --- the transportation problem ---------------------------------------------------------------
def solve_transport(
    supply: np.ndarray,
    capacity: np.ndarray,
    edge_item: np.ndarray,
    edge_receiver: np.ndarray,
    edge_cost: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Optimal flows on candidate edges, and the unplaced tonnes of each item.

    Lexicographic objective: first place as many tonnes as possible, then minimise
    sum(cost × tonnes).  Unplaced tonnes pay a penalty larger than the cost of any augmenting
    path (at most one step per capacitated receiver), so the two goals never trade off.
    ``capacity`` is NaN (or inf) for unlimited receivers.

    Reduced first, exactly: an item that can reach an unlimited receiver sends nothing on an edge
    that costs as much as its cheapest such receiver or more (moving those tonnes there would cost
    no more and free capacity), and is never left unplaced.  So each item keeps its cheapest
    unlimited edge and the limited ones strictly cheaper; an item left with that edge alone is
    settled there, and the linear programme holds only the items that compete for capacity.
    """
    n_items, n_edges = len(supply), len(edge_item)
    if n_edges == 0:
        return np.zeros(0), supply.astype(float).copy()
    limited = np.isfinite(capacity)
    overflow = _cheapest_unlimited_edge(n_items, edge_item, edge_receiver, edge_cost, ~limited)
    reachable = overflow >= 0
    ceiling = np.full(n_items, np.inf)
    ceiling[reachable] = edge_cost[overflow[reachable]]
    competing = np.flatnonzero((edge_cost < ceiling[edge_item]) & limited[edge_receiver])
    flows, unplaced = np.zeros(n_edges), np.zeros(n_items)
    in_lp = np.zeros(n_items, bool)
    in_lp[edge_item[competing]] = True
    in_lp[~reachable] = True
    settled = reachable & ~in_lp
    flows[overflow[settled]] = supply[settled]
    items = np.flatnonzero(in_lp)
    if len(items) == 0:
        return flows, unplaced
    edges = np.sort(np.concatenate([competing, overflow[reachable & in_lp]]))
    # the programme over the competing items: their kept edges, and unplaced tonnes for the items
    # that no unlimited receiver takes
    item_row = np.full(n_items, -1)
    item_row[items] = np.arange(len(items))
    open_items = np.flatnonzero(~reachable[items])
    limited_ids = np.flatnonzero(limited)
    max_cost = float(edge_cost.max())
    penalty = (len(limited_ids) + 1) * max(max_cost, 1.0) + 1.0
    n_vars = len(edges) + len(open_items)
    cost = np.concatenate([edge_cost[edges], np.full(len(open_items), penalty)])
    a_eq = csr_matrix(
        (
            np.ones(n_vars),
            (np.concatenate([item_row[edge_item[edges]], open_items]), np.arange(n_vars)),
        ),
        shape=(len(items), n_vars),
    )
    a_ub = b_ub = None
    receiver_row = np.full(len(capacity), -1)
    receiver_row[limited_ids] = np.arange(len(limited_ids))
    capped = np.flatnonzero(receiver_row[edge_receiver[edges]] >= 0)
    if len(capped):
        used = np.unique(receiver_row[edge_receiver[edges[capped]]])
        compact = np.full(len(limited_ids), -1)
        compact[used] = np.arange(len(used))
        a_ub = csr_matrix(
            (np.ones(len(capped)), (compact[receiver_row[edge_receiver[edges[capped]]]], capped)),
            shape=(len(used), n_vars),
        )
        b_ub = capacity[limited_ids[used]]
    solution = linprog(
        cost, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=supply[items], bounds=(0, None), method="highs"
    )
    if solution.status != 0:
        raise EngineError("The allocation solver failed: {reason}", reason=solution.message)
    x = np.where(solution.x < _EPS, 0.0, solution.x)
    flows[edges] = x[: len(edges)]
    unplaced[items[open_items]] = x[len(edges) :]
    return flows, unplaced


def _cheapest_unlimited_edge(
    n_items: int,
    edge_item: np.ndarray,
    edge_receiver: np.ndarray,
    edge_cost: np.ndarray,
    unlimited: np.ndarray,
) -> np.ndarray:
    """Per item, its cheapest edge to an unlimited receiver (the lowest index among equals), −1
    when it has none."""
    best = np.full(n_items, -1)
    candidates = np.flatnonzero(unlimited[edge_receiver])
    if len(candidates):
        order = candidates[np.lexsort((candidates, edge_cost[candidates], edge_item[candidates]))]
        owners = edge_item[order]
        first = np.concatenate([[True], owners[1:] != owners[:-1]])
        best[owners[first]] = order[first]
    return best


# --- helpers ----------------------------------------------------------------------------------
def curved_line(
    start: Sequence[float], end: Sequence[float], bend: float = 0.15
) -> list[tuple[float, float]]:
    """Three vertices start → offset middle → end; the middle lies to the left of the direction.

    QGIS's arrow symbol layer draws a curved arrow through them; A→B and B→A bend to opposite
    sides because "left" flips with the direction.
    """
    (x0, y0), (x1, y1) = start, end
    dx, dy = x1 - x0, y1 - y0
    mx, my = (x0 + x1) / 2 - dy * bend, (y0 + y1) / 2 + dx * bend
    return [(float(x0), float(y0)), (float(mx), float(my)), (float(x1), float(y1))]


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _tick(progress: Progress | None, fraction: float, step: str) -> None:
    if progress is not None and progress(fraction, step) is False:
        raise Cancelled()


class _Sites:
    """Every site (producers and receivers) by id, keeping the first location and name."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.ids: list[str] = []
        self.names: list[str] = []
        self.xy: list[tuple[float, float]] = []

    def add(self, site_id: str, name: str, xy: Sequence[float]) -> int:
        if site_id not in self.index:
            self.index[site_id] = len(self.ids)
            self.ids.append(site_id)
            self.names.append(name)
            self.xy.append((float(xy[0]), float(xy[1])))
        return self.index[site_id]


# --- the analysis -----------------------------------------------------------------------------
class WasteFlowModel:
    """Allocation, closure scenario and synergies on one set of producers and receivers."""

    def __init__(self, producers: Producers, receivers: Receivers, options: Options) -> None:
        self.p, self.r, self.o = producers, receivers, options
        if options.distance == "network" and options.network is None:
            raise EngineError("Network distances need a road layer.")
        self.max_km = options.max_distance / 1000.0 if options.max_distance > 0 else np.inf
        self.removed = options.removed
        self.sites = _Sites()
        self.receiver_site = np.array(
            [
                self.sites.add(_text(i), _text(n), xy)
                for i, n, xy in zip(receivers.site_id, receivers.name, receivers.xy)
            ],
            dtype=int,
        )
        self.patterns = [parse_patterns(text) for text in receivers.accepts]
        self.capacity = np.asarray(receivers.capacity, float).copy()
        self.capacity[~(self.capacity >= 0)] = np.inf  # NaN / negative: unlimited
        self.hazardous_ok = np.asarray(receivers.hazardous_ok, bool)
        self.closed_receiver = np.array([_text(i) in self.removed for i in receivers.site_id], bool)
        self.rejected: list[dict] = []

    # 1. producers → items
    def _items(self) -> _Items:
        p = self.p
        by_name: dict[str, int] = {}
        for index, (rid, name) in enumerate(zip(self.r.site_id, self.r.name)):
            by_name.setdefault(_text(name).casefold(), index)
            by_name[_text(rid).casefold()] = index  # ids win over names
        keys: dict[tuple, int] = {}
        site: list[int] = []
        codes: list[Any] = []
        tonnes: list[float] = []
        xy: list[Any] = []
        declared: list[Any] = []
        destinations = p.destination if p.destination is not None else [None] * len(p.code)
        for row, (sid, name, code_text, amount) in enumerate(zip(p.site_id, p.site_name, p.code, p.tonnes)):
            sid, name = _text(sid), _text(name)
            code = parse_code(code_text)
            if code is None or not (amount > 0):
                self.rejected.append(
                    {
                        "producer_id": sid,
                        "producer": name,
                        "code": _text(code_text),
                        "family": code.family if code else None,
                        "hazardous": code.hazardous if code else None,
                        "tonnes": None if np.isnan(amount) else float(amount),
                        "baseline_allocated_t": None,
                        "cause": CAUSE_CODE if code is None else CAUSE_TONNES,
                        "geometry": tuple(p.xy[row]),
                    }
                )
                continue
            site_index = self.sites.add(sid, name, p.xy[row])
            target = by_name.get(_text(destinations[row]).casefold(), -1) if destinations[row] else -1
            key = (site_index, code, target)
            if key not in keys:
                keys[key] = len(site)
                site.append(site_index)
                codes.append(code)
                tonnes.append(0.0)
                xy.append(self.sites.xy[site_index])
                declared.append(target)
            tonnes[keys[key]] += float(amount)
        unique_codes = sorted(set(codes))
        code_position = {code: i for i, code in enumerate(unique_codes)}
        self.codes = unique_codes
        locations, location = np.unique(np.asarray(xy, float).reshape(-1, 2), axis=0, return_inverse=True)
        self.locations = locations
        return _Items(
            site=np.asarray(site, int),
            code=codes,
            code_index=np.array([code_position[c] for c in codes], int),
            tonnes=np.asarray(tonnes, float),
            location=np.asarray(location, int).ravel(),
            declared_to=np.asarray(declared, int),
        )

    # 2. compatibility and distances
    def _compatibility(self) -> tuple[np.ndarray, np.ndarray]:
        """(accepts, level) matrices: unique codes × receivers."""
        n_c, n_r = len(self.codes), len(self.patterns)
        accepted = np.zeros((n_c, n_r), bool)
        level = np.zeros((n_c, n_r), np.int8)
        for c, code in enumerate(self.codes):
            for r, patterns in enumerate(self.patterns):
                accepted[c, r] = any(pattern.matches(code) for pattern in patterns)
                level[c, r] = match_level(code, patterns)
            if code.hazardous:
                accepted[c] &= self.hazardous_ok
        return accepted, level

    def _distances(self, progress: Progress | None) -> tuple[np.ndarray, np.ndarray]:
        """km between unique producer locations and receivers (inf beyond reach), producer snaps (m)."""
        rxy = np.asarray(self.r.xy, float).reshape(-1, 2)
        if self.o.distance == "network":
            network = self.o.network
            assert network is not None
            metres, snap_from, _ = network.distances(
                self.locations,
                rxy,
                tolerance=self.o.snap_tolerance,
                limit=self.max_km * 1000.0,
                progress=None if progress is None else (lambda f: progress(0.1 + 0.4 * f, "network")),
            )
            return metres / 1000.0, snap_from
        km = cdist(self.locations, rxy) / 1000.0
        km[km > self.max_km] = np.inf
        return km, np.zeros(len(self.locations))

    def _straight_km(self, location: np.ndarray, receiver: np.ndarray) -> np.ndarray:
        rxy = np.asarray(self.r.xy, float).reshape(-1, 2)
        return np.hypot(*(self.locations[location] - rxy[receiver]).T) / 1000.0

    # 3. one allocation
    def transport_problem(
        self, items: _Items, active: np.ndarray, open_receiver: np.ndarray, prefer: set[tuple[int, int]]
    ) -> TransportProblem:
        """The transportation problem of the active, non-declared items (after ``prepare``)."""
        declared = active & (items.declared_to >= 0) & open_receiver[np.maximum(items.declared_to, 0)]
        used = np.bincount(
            items.declared_to[declared], weights=items.tonnes[declared], minlength=len(self.capacity)
        )
        capacity = np.where(open_receiver, np.maximum(self.capacity - used, 0.0), 0.0)
        free_items = np.flatnonzero(active & ~declared)
        ok = self.accepted[items.code_index[free_items]] & np.isfinite(self.km[items.location[free_items]])
        ok &= open_receiver[None, :]
        edge_row, edge_receiver = np.nonzero(ok)
        edge_item = free_items[edge_row]
        cost = self.km[items.location[edge_item], edge_receiver].copy()
        if prefer:
            keep = np.array([(i, r) in prefer for i, r in zip(edge_item, edge_receiver)], bool)
            cost[keep] = np.maximum(cost[keep] - 1e-6, 0.0)  # ties: stay where the baseline was
        return TransportProblem(
            items.tonnes[free_items], capacity, edge_row, edge_receiver, cost, free_items, declared
        )

    def _allocate(
        self, items: _Items, active: np.ndarray, open_receiver: np.ndarray, prefer: set[tuple[int, int]]
    ) -> tuple[list[tuple[int, int, float, str]], np.ndarray, np.ndarray]:
        """Flows (item, receiver, tonnes, provenance) and unplaced tonnes per item (NaN if inactive)."""
        problem = self.transport_problem(items, active, open_receiver, prefer)
        mask_items, declared, edge_receiver = problem.items, problem.declared, problem.edge_receiver
        edge_item = mask_items[problem.edge_item]
        tonnes, unplaced_free = solve_transport(
            problem.supply, problem.capacity, problem.edge_item, edge_receiver, problem.cost
        )
        flows = [
            (int(i), int(r), float(t), "allocated")
            for i, r, t in zip(edge_item, edge_receiver, tonnes)
            if t > 0
        ]
        flows += [
            (int(i), int(items.declared_to[i]), float(items.tonnes[i]), "declared")
            for i in np.flatnonzero(declared)
        ]
        unplaced = np.full(len(items.tonnes), np.nan)
        unplaced[active] = 0.0
        unplaced[mask_items] = unplaced_free
        has_edge = np.zeros(len(items.tonnes), bool)
        has_edge[edge_item] = True
        return flows, unplaced, has_edge

    def _cause(self, items: _Items, i: int, has_edge: bool, open_receiver: np.ndarray) -> str:
        code = items.code[i]
        accepted = self.accepted[items.code_index[i]] & open_receiver
        if not accepted.any():
            if code.hazardous and any(
                p.matches(code) for r in np.flatnonzero(open_receiver) for p in self.patterns[r]
            ):
                return CAUSE_HAZARDOUS
            return CAUSE_NO_RECEIVER
        if self.o.distance == "network" and not np.isfinite(self.snap[items.location[i]]):
            return CAUSE_OFF_NETWORK
        return CAUSE_CAPACITY if has_edge else CAUSE_DISTANCE

    # 4. everything
    def prepare(self, progress: Progress | None = None) -> _Items:
        """Items, compatibility and distances: everything the allocation needs."""
        _tick(progress, 0.0, "items")
        items = self._items()
        if len(items.tonnes) == 0:
            raise EngineError("No producer row has both a readable waste code and a tonnage.")
        self.accepted, self.level = self._compatibility()
        _tick(progress, 0.1, "distances")
        self.km, self.snap = self._distances(progress)
        return items

    def run(self, progress: Progress | None = None) -> Result:
        items = self.prepare(progress)
        _tick(progress, 0.5, "allocation")
        all_items = np.ones(len(items.tonnes), bool)
        everyone = np.ones(len(self.capacity), bool)
        base_flows, base_unplaced, base_edge = self._allocate(items, all_items, everyone, set())
        scenario = bool(self.removed)
        if scenario:
            _tick(progress, 0.7, "scenario")
            closed_site = np.array([sid in self.removed for sid in self.sites.ids], bool)
            active = ~closed_site[items.site]
            open_receiver = ~self.closed_receiver
            prefer = {(i, r) for i, r, _, _ in base_flows}
            flows, unplaced, has_edge = self._allocate(items, active, open_receiver, prefer)
            was_declared = (items.declared_to >= 0) & ~open_receiver[np.maximum(items.declared_to, 0)]
            flows = [(i, r, t, "inferred" if was_declared[i] else kind) for i, r, t, kind in flows]
        else:
            closed_site = np.zeros(len(self.sites.ids), bool)
            flows, unplaced, has_edge, open_receiver = base_flows, base_unplaced, base_edge, everyone
        _tick(progress, 0.85, "outputs")
        result = Result()
        result.flows = self._flow_records(items, flows, base_flows if scenario else None)
        result.unallocated = self._unallocated_records(
            items, unplaced, base_unplaced, has_edge, open_receiver, scenario
        )
        result.nodes = self._node_records(items, flows, base_flows, unplaced, closed_site)
        result.synergies = self._synergies(items, flows, open_receiver, closed_site, progress)
        result.summary = self._summary(
            items, base_flows, base_unplaced, flows if scenario else None, unplaced
        )
        _tick(progress, 1.0, "done")
        return result

    # --- records ------------------------------------------------------------------------------
    def _km(self, items: _Items, i: int, r: int) -> float:
        km = self.km[items.location[i], r]
        return float(km if np.isfinite(km) else self._straight_km(items.location[[i]], np.array([r]))[0])

    def _flow_records(self, items: _Items, flows: list, baseline: list | None) -> list[dict]:
        before = {(i, r): t for i, r, t, _ in baseline} if baseline is not None else {}
        rows = [
            (i, r, t, kind, self._status(before, i, r, t, baseline is not None)) for i, r, t, kind in flows
        ]
        if baseline is not None:
            now = {(i, r) for i, r, _, _ in flows}
            rows += [(i, r, t, kind, "removed") for i, r, t, kind in baseline if (i, r) not in now]
        rank: dict[tuple[int, int], int] = {}
        records = []
        for i, r, t, kind, status in rows:
            code = items.code[i]
            site = items.site[i]
            pair = (site, int(self.receiver_site[r]))
            rank[pair] = rank.get(pair, -1) + 1
            km = self._km(items, i, r)
            records.append(
                {
                    **self._pair(site, r, code),
                    "chapter": code.chapter,
                    "tonnes": round(t, 3),
                    "km": round(km, 3),
                    "tonne_km": round(t * km, 3),
                    "operation": _text(self.r.operation[r]),
                    "provenance": kind,
                    "status": status,
                    "geometry": curved_line(self.sites.xy[site], self.r.xy[r], 0.15 + 0.08 * rank[pair]),
                }
            )
        return records

    def _pair(self, site: int, r: int, code: WasteCode) -> dict:
        """The producer, receiver and waste columns of a flow or a synergy record."""
        return {
            "producer_id": self.sites.ids[site],
            "producer": self.sites.names[site],
            "receiver_id": _text(self.r.site_id[r]),
            "receiver": _text(self.r.name[r]),
            "code": code.label,
            "family": code.family,
            "hazardous": code.hazardous,
        }

    @staticmethod
    def _status(before: dict, i: int, r: int, t: float, scenario: bool) -> str:
        if not scenario:
            return "baseline"
        if (i, r) not in before:
            return "new"
        return "unchanged" if abs(before[(i, r)] - t) < 1e-3 else "changed"

    def _unallocated_records(
        self,
        items: _Items,
        unplaced: np.ndarray,
        base_unplaced: np.ndarray,
        has_edge: np.ndarray,
        open_receiver: np.ndarray,
        scenario: bool,
    ) -> list[dict]:
        records = list(self.rejected)
        for i in range(len(items.tonnes)):
            code, site = items.code[i], items.site[i]
            base_allocated = items.tonnes[i] - base_unplaced[i]
            if np.isnan(unplaced[i]):
                tonnes, cause = items.tonnes[i], CAUSE_CLOSED
            elif unplaced[i] > 1e-3:
                tonnes = unplaced[i]
                lost = scenario and unplaced[i] > base_unplaced[i] + 1e-3
                cause = CAUSE_CLOSURE if lost else self._cause(items, i, bool(has_edge[i]), open_receiver)
            else:
                continue
            records.append(
                {
                    "producer_id": self.sites.ids[site],
                    "producer": self.sites.names[site],
                    "code": code.label,
                    "family": code.family,
                    "hazardous": code.hazardous,
                    "tonnes": round(float(tonnes), 3),
                    "baseline_allocated_t": round(float(base_allocated), 3),
                    "cause": cause,
                    "geometry": self.sites.xy[site],
                }
            )
        return records

    def _node_records(
        self, items: _Items, flows: list, base_flows: list, unplaced: np.ndarray, closed_site: np.ndarray
    ) -> list[dict]:
        n = len(self.sites.ids)

        def totals(flow_list: list) -> tuple[np.ndarray, np.ndarray]:
            out, into = np.zeros(n), np.zeros(n)
            for i, r, t, _ in flow_list:
                out[items.site[i]] += t
                into[self.receiver_site[r]] += t
            return out, into

        out, into = totals(flows)
        base_out, base_in = totals(base_flows)
        lost = np.bincount(items.site, weights=np.nan_to_num(unplaced), minlength=n)
        capacity = np.full(n, np.nan)
        np.fmin.at(capacity, self.receiver_site, np.where(np.isfinite(self.capacity), self.capacity, np.nan))
        is_producer = np.zeros(n, bool)
        is_producer[items.site] = True
        is_receiver = np.zeros(n, bool)
        is_receiver[self.receiver_site] = True
        snap = np.full(n, np.nan)
        if self.o.distance == "network":
            snap[items.site] = self.snap[items.location]
            rsnap = self.o.network.snap(np.asarray(self.r.xy, float), self.o.snap_tolerance)[2]  # type: ignore[union-attr]
            snap[self.receiver_site] = rsnap
        records = []
        for s in range(n):
            role = (
                "both" if is_producer[s] and is_receiver[s] else "producer" if is_producer[s] else "receiver"
            )
            cap = capacity[s]
            records.append(
                {
                    "site_id": self.sites.ids[s],
                    "name": self.sites.names[s],
                    "role": role,
                    "tonnes_out": round(out[s], 3),
                    "tonnes_in": round(into[s], 3),
                    "unallocated_t": round(lost[s], 3) if is_producer[s] else None,
                    "capacity_t": None if np.isnan(cap) else float(cap),
                    "utilisation": None if np.isnan(cap) or cap <= 0 else round(into[s] / cap, 4),
                    "baseline_out": round(base_out[s], 3),
                    "baseline_in": round(base_in[s], 3),
                    "closed": bool(closed_site[s]),
                    "snap_m": None if not np.isfinite(snap[s]) else round(float(snap[s]), 1),
                    "geometry": self.sites.xy[s],
                }
            )
        return records

    def _synergies(
        self,
        items: _Items,
        flows: list,
        open_receiver: np.ndarray,
        closed_site: np.ndarray,
        progress: Progress | None,
    ) -> list[dict]:
        """Top candidate receivers per item, beyond strict acceptance, with an explainable score."""
        top = self.o.top_synergies
        if top <= 0:
            return []
        recovery = np.array([not _text(op).upper().startswith("D") for op in self.r.operation], bool)
        eligible_receiver = open_receiver & recovery
        intake = np.zeros(len(self.capacity))
        for _, r, t, _ in flows:
            intake[r] += t
        spare = np.maximum(self.capacity - intake, 0.0)
        used = {(i, r) for i, r, _, _ in flows}
        finite_km = self.km[np.isfinite(self.km)]
        scale = (
            self.max_km
            if np.isfinite(self.max_km)
            else max(float(finite_km.max()) if finite_km.size else 1.0, 1.0)
        )
        records = []
        for i in np.flatnonzero(~closed_site[items.site]):
            if i % 500 == 0:
                _tick(progress, 0.85 + 0.1 * i / len(items.tonnes), "synergies")
            code = items.code[i]
            level = self.level[items.code_index[i]].astype(int)
            km = self.km[items.location[i]]
            ok = eligible_receiver & (level >= LEVEL_FAMILY) & np.isfinite(km)
            ok &= self.receiver_site != items.site[i]
            if code.hazardous:
                ok &= self.hazardous_ok
            candidates = np.flatnonzero(ok)
            if not len(candidates):
                continue
            match = np.vectorize(MATCH_SCORE.get)(level[candidates])
            proximity = np.clip(1.0 - km[candidates] / scale, 0.0, 1.0)
            fit = np.minimum(1.0, spare[candidates] / items.tonnes[i])
            accepted = self.accepted[items.code_index[i], candidates]
            score = 100.0 * (0.45 * match + 0.30 * proximity + 0.25 * fit)
            best = candidates[np.argsort(-score, kind="stable")[:top]]
            for r in best:
                k = int(np.searchsorted(candidates, r))
                confidence = (
                    "high" if accepted[k] and level[r] == LEVEL_CODE else "medium" if accepted[k] else "low"
                )
                level_name = LEVEL_NAMES[int(level[r])]
                explanation = (
                    f"{code.label} ↔ '{_text(self.r.accepts[r])}': {level_name} match; {km[r]:.1f} km; "
                    f"spare capacity covers {100 * fit[k]:.0f} % of {items.tonnes[i]:.1f} t; "
                    + ("accepted by its declared list" if accepted[k] else "not in its declared list")
                )
                site = items.site[i]
                records.append(
                    {
                        **self._pair(site, r, code),
                        "tonnes": round(float(items.tonnes[i]), 3),
                        "km": round(float(km[r]), 3),
                        "match_level": level_name,
                        "match_score": float(match[k]),
                        "proximity_score": round(float(proximity[k]), 3),
                        "fit_score": round(float(fit[k]), 3),
                        "confidence": confidence,
                        "score": round(float(score[k]), 1),
                        "allocated": (int(i), int(r)) in used,
                        "explanation": explanation,
                        "geometry": curved_line(self.sites.xy[site], self.r.xy[r], 0.25),
                    }
                )
        return records

    def _indicators(self, items: _Items, flows: list, unplaced: np.ndarray) -> dict[str, float]:
        produced = float(np.nansum(np.where(np.isnan(unplaced), 0.0, items.tonnes)))
        tonnes = np.array([t for _, _, t, _ in flows]) if flows else np.zeros(0)
        km = np.array([self._km(items, i, r) for i, r, _, _ in flows]) if flows else np.zeros(0)
        allocated = float(tonnes.sum())
        values = {
            "waste_t": produced,
            "allocated_t": allocated,
            "unallocated_t": float(np.nansum(unplaced)),
            "hazardous_t": float(sum(t for i, _, t, _ in flows if items.code[i].hazardous)),
            "tonne_km": float((tonnes * km).sum()),
            "mean_km": float((tonnes * km).sum() / allocated) if allocated > 0 else np.nan,
            "flows": float(len(flows)),
            "within": np.nan,
        }
        if self.r.inside is not None and allocated > 0:
            inside = np.asarray(self.r.inside, bool)
            values["within"] = 100.0 * sum(t for _, r, t, _ in flows if inside[r]) / allocated
        return values

    def _summary(
        self,
        items: _Items,
        base_flows: list,
        base_unplaced: np.ndarray,
        flows: list | None,
        unplaced: np.ndarray,
    ) -> list[dict]:
        base = self._indicators(items, base_flows, base_unplaced)
        after = self._indicators(items, flows, unplaced) if flows is not None else None
        labels = [
            ("waste_t", "waste to place", "t/yr"),
            ("allocated_t", "allocated", "t/yr"),
            ("unallocated_t", "unallocated", "t/yr"),
            ("hazardous_t", "hazardous waste allocated", "t/yr"),
            ("tonne_km", "transport", "t.km/yr"),
            ("mean_km", "mean distance (tonne-weighted)", "km"),
            ("within", "treated within the territory", "%"),
            ("flows", "flows", "count"),
        ]
        rows = []
        for key, label, unit in labels:
            b = base[key]
            s = after[key] if after is not None else np.nan
            rows.append(
                {
                    "indicator": label,
                    "unit": unit,
                    "baseline": _num(b),
                    "scenario": _num(s),
                    "change": _num(s - b) if after is not None else None,
                }
            )
        rows.append(
            {
                "indicator": "rows set aside (unreadable code or missing tonnage)",
                "unit": "count",
                "baseline": float(len(self.rejected)),
                "scenario": None,
                "change": None,
            }
        )
        if after is not None:
            lost = float(np.nansum(np.clip(np.nan_to_num(unplaced) - base_unplaced, 0, None)))
            rows.append(
                {
                    "indicator": "waste losing its outlet (closure)",
                    "unit": "t/yr",
                    "baseline": 0.0,
                    "scenario": round(lost, 3),
                    "change": round(lost, 3),
                }
            )
        if self.o.distance == "network":
            finite = self.snap[np.isfinite(self.snap)]
            rows.append(
                {
                    "indicator": "largest producer snapping distance",
                    "unit": "m",
                    "baseline": _num(float(finite.max()) if finite.size else np.nan),
                    "scenario": None,
                    "change": None,
                }
            )
        return rows


def _num(value: float) -> float | None:
    return None if value is None or not np.isfinite(value) else round(float(value), 3)


def run_waste_flows(
    producers: Producers,
    receivers: Receivers,
    options: Options,
    progress: Progress | None = None,
    territory: Sequence[Any] | None = None,
) -> Result:
    """Allocate, run the closure scenario if any, find synergies and summarise (see module doc).
    ``territory``: polygons (shapely) for the share treated within it."""
    if len(receivers.site_id) == 0:
        raise EngineError("The receivers layer has no feature.")
    unknown = sorted(options.removed - {_text(i) for i in [*producers.site_id, *receivers.site_id]})
    if unknown:
        raise EngineError(
            "Closure scenario: no producer or receiver has the identifier {ids}.", ids=", ".join(unknown)
        )
    if territory is not None:
        from dataclasses import replace

        from shapely.geometry import Point
        from shapely.ops import unary_union

        area = unary_union([shape for shape in territory if shape is not None])
        inside = np.array([area.intersects(Point(x, y)) for x, y in np.asarray(receivers.xy, float)], bool)
        receivers = replace(receivers, inside=inside)
    return WasteFlowModel(producers, receivers, options).run(progress)


# --- from the layers' rows ---------------------------------------------------------------------
def point_xy(frame: Any) -> np.ndarray:
    """(n, 2) coordinates of the point (or the centroid of any other) geometries of a GeoDataFrame;
    NaN for missing ones."""
    xy = np.full((len(frame), 2), np.nan)
    for i, geometry in enumerate(frame.geometry):
        if geometry is not None and not geometry.is_empty:
            point = geometry if geometry.geom_type == "Point" else geometry.centroid
            xy[i] = (point.x, point.y)
    return xy


def producers_from_frame(frame: Any, tonnes: np.ndarray) -> tuple[Producers, int]:
    """Producers from a frame with columns code and optionally site_id, site_name, destination
    (``tonnes``: the numbers read from its tonnes column); rows without a geometry are left out and
    counted.  Without a site id, rows at the same place are the same site."""
    xy = point_xy(frame)
    ids = [str(v) for v in frame["site_id"]] if "site_id" in frame else [f"{x:.0f} {y:.0f}" for x, y in xy]
    keep = ~np.isnan(xy).any(axis=1)
    names = list(frame["site_name"]) if "site_name" in frame else ids
    producers = Producers(
        site_id=[v for v, k in zip(ids, keep) if k],
        site_name=[("" if v is None else str(v)) for v, k in zip(names, keep) if k],
        xy=xy[keep],
        code=[v for v, k in zip(frame["code"], keep) if k],
        tonnes=np.asarray(tonnes, float)[keep],
        destination=[v for v, k in zip(frame["destination"], keep) if k] if "destination" in frame else None,
    )
    return producers, int((~keep).sum())


def receivers_from_frame(frame: Any, capacity: np.ndarray | None) -> Receivers:
    """Receivers from a frame with column accepts and optionally id, name, hazardous_ok (true /
    false, oui / non, 1 / 0), operation; ``capacity``: t/yr read from its capacity column."""
    from .indicators import as_bool

    n = len(frame)
    ids = [str(v) for v in frame["id"]] if "id" in frame else [f"R{i + 1}" for i in range(n)]
    return Receivers(
        site_id=ids,
        name=[str(v) if v is not None else "" for v in frame["name"]] if "name" in frame else ids,
        xy=point_xy(frame),
        accepts=list(frame["accepts"]),
        capacity=np.full(n, np.nan) if capacity is None else np.asarray(capacity, float),
        hazardous_ok=as_bool(frame["hazardous_ok"]).to_numpy(bool)
        if "hazardous_ok" in frame
        else np.zeros(n, bool),
        operation=[v or "" for v in frame["operation"]] if "operation" in frame else [""] * n,
    )


def accepts_warnings(receivers: Receivers, field: str) -> list[EngineWarning]:
    """Accepted-code items that cannot be read, and receivers that accept everything (``field``:
    the accepted-codes field as the user chose it)."""
    warnings = []
    unreadable = [item for text in receivers.accepts for item in unreadable_patterns(text)]
    if unreadable:
        warnings.append(
            EngineWarning(
                "{count} items of {field} are neither a waste code nor a wildcard (17 01 01, 17 02 *, "
                "19 *) and are ignored (e.g. {examples}).",
                count=len(unreadable),
                field=field,
                examples=", ".join(f"\u201c{item}\u201d" for item in unreadable[:3]),
            )
        )
    everything = [
        _text(name)
        for text, name in zip(receivers.accepts, receivers.name)
        if any(not pattern.prefix for pattern in parse_patterns(text))
    ]
    if everything:
        warnings.append(
            EngineWarning(
                "{count} receivers accept every waste code (a lone \u201c*\u201d in {field}): {names}.",
                count=len(everything),
                field=field,
                names=", ".join(everything[:5]),
            )
        )
    return warnings
