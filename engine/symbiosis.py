"""Resource synergies between the actors of a survey: waste, materials, heat, steam, water, services.

1. Rules (a user-editable JSON, ``resources/symbiosis_rules.json``) say which offer may serve
   which need: waste and materials on the List-of-Waste code hierarchy (the scores of
   territoire:waste_flows), heat by temperature with a margin, steam by pressure (with a drop per
   km) and temperature, water by a class matrix (never potable from another class), services by
   name; each resource has a maximum distance (straight, or along the roads), a cost per unit and
   km, losses per km, the value of the supply it replaces and an emission factor.
2. One linear programme (HiGHS) allocates every resource together: it minimises transport cost
   minus the value of the substituted supply.  Seasonal resources are matched per block of
   months (months that every offer and need of the resource treat alike), so that a summer
   offer never serves a winter need; storable ones (waste, materials, services) per year.
3. What is left (unmet needs, unused offers) gets a reason: no compatible counterpart, too far,
   not in the same season, costs more than it saves, or quantity (counterparts used up).
4. Closure scenario: the actors removed lose their offers and needs; everything is re-allocated
   and the needs that lose their supply and offers that lose their outlet are reported.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix
from scipy.spatial.distance import cdist

from .errors import Cancelled, EngineError
from .symbiosis_options import SynergyOptions as Options
from .symbiosis_survey import (
    FAMILY,
    RESOURCES,
    UNITS,
    WATER_NEED_CLASSES,
    WATER_OFFER_CLASSES,
    SurveyRow,
    tr,
)
from .waste_codes import LEVEL_CODE, LEVEL_NAMES, MATCH_SCORE, WasteCode, match_level
from .waste_flows import curved_line

Progress = Callable[[float, str], bool]

RULES_PATH = Path(__file__).resolve().parents[1] / "resources" / "symbiosis_rules.json"
_REQUIRED = (
    "max_distance_km",
    "transport_eur_per_unit_km",
    "value_eur_per_unit",
    "co2_t_per_unit",
    "seasonal",
)
_LEVELS = {name: level for level, name in LEVEL_NAMES.items()}
_EPS = 1e-6

REASON_NO_MATCH = tr("no compatible counterpart in the survey")
REASON_TOO_FAR = tr("compatible counterparts are all beyond the maximum distance")
REASON_SEASON = tr("compatible counterparts within reach are not in the same season")
REASON_COST = tr("the exchange would cost more than it saves")
REASON_QUANTITY = tr("compatible counterparts are used up (quantity)")
REASON_CLOSURE_NEED = tr("lost its supply (closure scenario)")
REASON_CLOSURE_OFFER = tr("lost its outlet (closure scenario)")
REASON_CLOSED = tr("actor closed (scenario)")

SYNERGY_FIELDS = [
    ("resource", "text"),
    ("family", "text"),
    ("offer_actor", "text"),
    ("offer_site", "text"),
    ("offer_spec", "text"),
    ("need_actor", "text"),
    ("need_site", "text"),
    ("need_spec", "text"),
    ("quantity", "float"),
    ("delivered", "float"),
    ("unit", "text"),
    ("months", "text"),
    ("km", "float"),
    ("cost_eur", "float"),
    ("value_eur", "float"),
    ("net_eur", "float"),
    ("co2_avoided_t", "float"),
    ("match", "text"),
    ("confidence", "text"),
    ("confidential", "bool"),
    ("offer_confidential", "bool"),
    ("need_confidential", "bool"),
    ("status", "text"),
    ("offer_row", "int"),
    ("need_row", "int"),
]
BALANCE_FIELDS = [
    ("actor", "text"),
    ("site", "text"),
    ("resource", "text"),
    ("unit", "text"),
    ("offered", "float"),
    ("offered_used", "float"),
    ("offered_unused", "float"),
    ("needed", "float"),
    ("needed_met", "float"),
    ("needed_unmet", "float"),
    ("closed", "bool"),
    ("confidential", "bool"),
]
UNMATCHED_FIELDS = [
    ("row", "int"),
    ("role", "text"),
    ("actor", "text"),
    ("site", "text"),
    ("resource", "text"),
    ("spec", "text"),
    ("quantity", "float"),
    ("remaining", "float"),
    ("baseline_remaining", "float"),
    ("unit", "text"),
    ("reason", "text"),
    ("confidential", "bool"),
]
FACTOR_FIELDS = [("resource", "text"), ("factor", "text"), ("value", "text"), ("source", "text")]
SUMMARY_FIELDS = [
    ("resource", "text"),
    ("indicator", "text"),
    ("unit", "text"),
    ("baseline", "float"),
    ("scenario", "float"),
    ("change", "float"),
    ("factor", "float"),
    ("source", "text"),
]


# --- rules ----------------------------------------------------------------------------------------
def load_rules(path: str | Path | None = None) -> dict:
    """The rules JSON (the bundled one by default), checked: every resource has its keys, water
    classes are known and never let another class serve potable water."""
    path = Path(path) if path else RULES_PATH
    try:
        rules = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise EngineError(
            "The rules file {path} cannot be read: {reason}", path=str(path), reason=str(error)
        ) from error
    resources = rules.get("resources") if isinstance(rules, dict) else None
    if not isinstance(resources, dict):
        raise EngineError("The rules file {path} has no resources object.", path=str(path))
    for resource in RESOURCES:
        rule = resources.get(resource)
        missing = [key for key in _REQUIRED if not isinstance(rule, dict) or key not in rule]
        if missing:
            raise EngineError(
                "The rules of {resource} lack {keys}.", resource=resource, keys=", ".join(missing)
            )
    classes = resources["water"].get("classes", {})
    for offered, served in classes.items():
        unknown = sorted({offered, *served} - set(WATER_NEED_CLASSES))
        if unknown or offered not in WATER_OFFER_CLASSES:
            raise EngineError("The water rules name unknown classes: {classes}.", classes=", ".join(unknown))
        if offered != "potable" and "potable" in served:
            raise EngineError(
                "The water rules let {water} serve potable water: only potable water may.", water=offered
            )
    for resource in ("waste", "material"):
        level = resources[resource].get("min_match", "sub-chapter")
        if level not in _LEVELS:
            raise EngineError("Unknown match level {level} in the rules.", level=level)
    return rules


def per_spec(value: Any, spec: str) -> float:
    """A rule value: a number, or an object with values per spec and a ``default``."""
    if isinstance(value, dict):
        chosen: Any = value.get(spec, value.get("default", 0.0))
        return float(chosen)
    return float(value)


def _spec_key(quality: object) -> str:
    if isinstance(quality, WasteCode):
        return quality.label
    return str(quality) if isinstance(quality, str) else ""


# --- inputs and results ---------------------------------------------------------------------------
@dataclass
class Allocation:
    """One LP solution: flows (candidate index, need row, taken, delivered, months) and totals."""

    flows: list[tuple[int, int, float, float, frozenset[int]]]
    used: np.ndarray  # per survey row: quantity taken (offers) or delivered (needs)


@dataclass
class Result:
    synergies: list[dict] = field(default_factory=list)
    balance: list[dict] = field(default_factory=list)
    unmatched: list[dict] = field(default_factory=list)
    summary: list[dict] = field(default_factory=list)
    factors: list[dict] = field(default_factory=list)  # factor, value, unit, source per resource
    scenario: bool = False  # a closure scenario was run

    def headline(self) -> dict[str, float]:
        """The run in three numbers (of the scenario when there is one): synergies, CO2 avoided
        (t/yr), net saving (EUR/yr, value of the substituted supply minus transport and pipes)."""
        totals = {(row["resource"], row["indicator"]): row for row in self.summary}
        now = "scenario" if self.scenario else "baseline"
        value = float(totals[("all", "value of the substituted supply")][now])
        return {
            "SYNERGY_COUNT": sum(1 for s in self.synergies if s["status"] != "removed"),
            "CO2_AVOIDED_T": float(totals[("all", "CO2 avoided")][now]),
            "NET_EUR": value - float(totals[("all", "transport and pipe cost")][now]),
        }


@dataclass
class Candidates:
    """Allowed (offer, need) pairs with their per-unit terms, and per-row screening flags."""

    offer: np.ndarray
    need: np.ndarray
    km: np.ndarray
    eta: np.ndarray  # share delivered
    unit_cost: np.ndarray  # EUR per unit taken
    unit_value: np.ndarray  # EUR per unit taken (value x eta x score)
    co2: np.ndarray  # t avoided per unit taken
    match: list[str]
    flags: np.ndarray  # per row: 0 nothing, 1 compatible, 2 within reach, 3 in season, 4 worth it


def _months_mask(months: frozenset[int]) -> int:
    return sum(1 << (m - 1) for m in months)


def _months_text(months: frozenset[int]) -> str:
    """1-3,10-12 style."""
    ordered = sorted(months)
    if len(ordered) == 12:
        return "1-12"
    runs: list[list[int]] = []
    for month in ordered:
        if runs and month == runs[-1][-1] + 1:
            runs[-1].append(month)
        else:
            runs.append([month])
    return ",".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


class SymbiosisModel:
    """Candidates, allocation and outputs for one survey."""

    def __init__(self, rows: Sequence[SurveyRow], rules: dict, options: Options) -> None:
        if options.distance == "network" and options.network is None:
            raise EngineError("Network distances need a road layer.")
        self.rows = list(rows)
        self.rules = rules["resources"]
        self.o = options
        self.role = np.array([r.role for r in self.rows], dtype=str)
        self.resource = np.array([r.resource for r in self.rows], dtype=str)
        self.xy = np.array([[r.x, r.y] for r in self.rows], float).reshape(-1, 2)
        self.quantity = np.array([r.quantity for r in self.rows], float)
        self.key = np.array([r.key for r in self.rows], dtype=str)
        self.closed = np.array(
            [r.actor in options.closed or r.key in options.closed for r in self.rows], bool
        )
        self.mask = np.array([_months_mask(r.months) for r in self.rows], np.int64)
        self.secret = {row.actor for row in self.rows if row.confidential}  # any row confidential
        self.alias: dict[str, str] = {}
        for row in self.rows:
            if row.confidential and not options.show_confidential and row.actor not in self.alias:
                self.alias[row.actor] = options.confidential_label.format(number=len(self.alias) + 1)

    def names(self, i: int) -> tuple[str, str]:
        """(actor, site) of row ``i`` as printed: an alias for a confidential row."""
        row = self.rows[i]
        if row.actor in self.alias:  # one confidential row hides the actor everywhere
            return self.alias[row.actor], ""
        return row.actor, row.site

    # --- distances ------------------------------------------------------------------------------
    def distances(self, progress: Progress | None) -> dict[str, np.ndarray]:
        """Per resource, km from each of its offers to each of its needs (survey order), inf
        beyond the resource's maximum distance along the roads."""
        matrices: dict[str, np.ndarray] = {}
        for step, resource in enumerate(RESOURCES):
            offers = np.flatnonzero((self.resource == resource) & (self.role == "offer"))
            needs = np.flatnonzero((self.resource == resource) & (self.role == "need"))
            if not len(offers) or not len(needs):
                continue
            _tick(progress, 0.3 * step / len(RESOURCES), "distances")
            if self.o.distance == "network":
                metres, _, _ = self.o.network.distances(  # type: ignore[union-attr]
                    self.xy[offers],
                    self.xy[needs],
                    tolerance=self.o.snap_tolerance,
                    limit=1000.0 * float(self.rules[resource]["max_distance_km"]) + 1.0,
                )
            else:
                metres = cdist(self.xy[offers], self.xy[needs])
            matrices[resource] = metres / 1000.0
        return matrices

    # --- candidates -----------------------------------------------------------------------------
    def candidates(self, km_all: dict[str, np.ndarray], open_rows: np.ndarray) -> Candidates:
        parts: dict[str, list] = {
            k: [] for k in ("offer", "need", "km", "eta", "cost", "value", "co2", "match")
        }
        flags = np.zeros(len(self.rows), np.int8)
        for resource in RESOURCES:
            rule = self.rules[resource]
            offers = np.flatnonzero((self.resource == resource) & (self.role == "offer") & open_rows)
            needs = np.flatnonzero((self.resource == resource) & (self.role == "need") & open_rows)
            if not len(offers) or not len(needs):
                continue
            all_offers = np.flatnonzero((self.resource == resource) & (self.role == "offer"))
            all_needs = np.flatnonzero((self.resource == resource) & (self.role == "need"))
            km = km_all[resource][
                np.ix_(np.searchsorted(all_offers, offers), np.searchsorted(all_needs, needs))
            ]
            ok, score, match = self._compatible(resource, rule, offers, needs, km)
            ok &= self.key[offers][:, None] != self.key[needs][None, :]
            within = ok & (km <= float(rule["max_distance_km"]) + 1e-9)
            if rule["seasonal"]:
                season = within & ((self.mask[offers][:, None] & self.mask[needs][None, :]) != 0)
            else:
                season = within
            eta = np.clip(
                1.0 - float(rule.get("loss_per_km", 0.0)) * np.where(np.isfinite(km), km, 0.0), 0, 1
            )
            cost = float(rule["transport_eur_per_unit_km"]) * np.where(np.isfinite(km), km, 0.0)
            need_specs = [_spec_key(self.rows[n].quality) for n in needs]
            value = np.array([per_spec(rule["value_eur_per_unit"], s) for s in need_specs])[None, :]
            value = value * eta * score
            co2 = np.array([per_spec(rule["co2_t_per_unit"], s) for s in need_specs])[None, :] * eta
            co2 = co2 - float(rule.get("transport_co2_t_per_unit_km", 0.0)) * np.where(
                np.isfinite(km), km, 0.0
            )
            worth = season & (value - cost > _EPS)
            for level, matrix in ((1, ok), (2, within), (3, season), (4, worth)):
                flags[offers[matrix.any(axis=1)]] = level
                flags[needs[matrix.any(axis=0)]] = level
            i, j = np.nonzero(worth)
            parts["offer"].append(offers[i])
            parts["need"].append(needs[j])
            parts["km"].append(km[i, j])
            parts["eta"].append(np.broadcast_to(eta, km.shape)[i, j])
            parts["cost"].append(cost[i, j])
            parts["value"].append(value[i, j])
            parts["co2"].append(np.broadcast_to(co2, km.shape)[i, j])
            parts["match"] += [match[a][b] if isinstance(match, list) else match for a, b in zip(i, j)]

        def join(name: str, dtype: type) -> np.ndarray:
            return np.concatenate(parts[name]).astype(dtype) if parts[name] else np.zeros(0, dtype)

        return Candidates(
            offer=join("offer", int),
            need=join("need", int),
            km=join("km", float),
            eta=join("eta", float),
            unit_cost=join("cost", float),
            unit_value=join("value", float),
            co2=join("co2", float),
            match=parts["match"],
            flags=flags,
        )

    def _compatible(
        self, resource: str, rule: dict, offers: np.ndarray, needs: np.ndarray, km: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, list | str]:
        """(compatible, score, match label(s)) matrices offers × needs for one resource."""
        shape = (len(offers), len(needs))
        quality_o = [self.rows[o].quality for o in offers]
        quality_n = [self.rows[n].quality for n in needs]
        score = np.ones(shape)
        if resource in ("waste", "material"):
            minimum = _LEVELS[rule.get("min_match", "sub-chapter")]
            level = np.zeros(shape, int)
            cache: dict[tuple, int] = {}
            for a, code in enumerate(quality_o):
                for b, patterns in enumerate(quality_n):
                    pair = (code, tuple(p.prefix for p in patterns))
                    if pair not in cache:
                        cache[pair] = match_level(code, patterns)
                    level[a, b] = cache[pair]
            hazardous = np.array([code.hazardous for code in quality_o])[:, None]
            ok = (level >= minimum) & (~hazardous | (level == LEVEL_CODE))
            score = np.vectorize(MATCH_SCORE.get)(level).astype(float)
            labels = [[LEVEL_NAMES[int(v)] for v in row] for row in level]
            return ok, score, labels
        if resource == "heat":
            margin = float(rule.get("temperature_margin_c", 0.0))
            ok = np.array(quality_o, float)[:, None] >= np.array(quality_n, float)[None, :] + margin
            return ok, score, "temperature"
        if resource == "steam":
            drop = float(rule.get("pressure_drop_bar_per_km", 0.0))
            margin = float(rule.get("temperature_margin_c", 0.0))
            pressure_o = np.array([q.pressure_bar for q in quality_o])[:, None]
            pressure_n = np.array([q.pressure_bar for q in quality_n])[None, :]
            ok = pressure_o - drop * np.where(np.isfinite(km), km, np.inf) >= pressure_n - 1e-9
            temp_o = np.array([np.nan if q.temperature_c is None else q.temperature_c for q in quality_o])
            temp_n = np.array([np.nan if q.temperature_c is None else q.temperature_c for q in quality_n])
            both = ~np.isnan(temp_o)[:, None] & ~np.isnan(temp_n)[None, :]
            ok &= ~both | (np.nan_to_num(temp_o)[:, None] >= np.nan_to_num(temp_n)[None, :] + margin)
            return ok, score, "pressure"
        if resource == "water":
            classes = rule.get("classes", {})
            ok = np.array([[n in classes.get(o, ()) for n in quality_n] for o in quality_o], bool).reshape(
                shape
            )
            return ok, score, "water class"
        ok = np.array([[o == n for n in quality_n] for o in quality_o], bool).reshape(shape)
        return ok, score, "service"

    # --- the linear programme -------------------------------------------------------------------
    def _blocks(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Blocks of months of one resource: (block of each month 0..11, months per block)."""
        bits = (self.mask[rows][:, None] >> np.arange(12)[None, :]) & 1
        _, block = np.unique(bits.T, axis=0, return_inverse=True)
        block = np.asarray(block).ravel()
        return block, np.bincount(block, minlength=int(block.max()) + 1)

    def allocate(self, c: Candidates, open_rows: np.ndarray, prefer: set | None = None) -> Allocation:
        """Solve the LP on the candidates (see module doc); ``prefer``: (offer, need) pairs of the
        baseline, nudged so that ties keep them (flows the scenario does not affect stay put)."""
        n_rows = len(self.rows)
        var_edge: list[np.ndarray] = []
        var_block: list[np.ndarray] = []
        row_of_key: dict[tuple[int, int], int] = {}
        capacity: list[float] = []

        def key_index(row: int, block: int, share: float) -> int:
            if (row, block) not in row_of_key:
                row_of_key[(row, block)] = len(capacity)
                capacity.append(self.quantity[row] * share)
            return row_of_key[(row, block)]

        edge_resource = self.resource[c.offer] if len(c.offer) else np.zeros(0, str)
        block_months: dict[tuple[str, int], frozenset[int]] = {}
        for resource in RESOURCES:
            edges = np.flatnonzero(edge_resource == resource)
            if not len(edges):
                continue
            if not self.rules[resource]["seasonal"]:
                var_edge.append(edges)
                var_block.append(np.zeros(len(edges), int))
                block_months[(resource, 0)] = frozenset(range(1, 13))
                continue
            rows = np.flatnonzero((self.resource == resource) & open_rows)
            block, _ = self._blocks(rows)
            for b in range(int(block.max()) + 1):
                bit = int(sum(1 << m for m in np.flatnonzero(block == b)))
                block_months[(resource, b)] = frozenset(int(m) + 1 for m in np.flatnonzero(block == b))
                both = ((self.mask[c.offer[edges]] & bit) != 0) & ((self.mask[c.need[edges]] & bit) != 0)
                var_edge.append(edges[both])
                var_block.append(np.full(int(both.sum()), b))
        if not var_edge:
            return Allocation([], np.zeros(n_rows))
        edge = np.concatenate(var_edge)
        block = np.concatenate(var_block)
        resources = edge_resource[edge]
        offer_row, need_row = c.offer[edge], c.need[edge]
        months_in = np.array([len(block_months[(r, int(b))]) for r, b in zip(resources, block)], float)

        def share(row: int, months: float) -> float:
            return (
                months / bin(int(self.mask[row])).count("1")
                if self.rules[self.resource[row]]["seasonal"]
                else 1.0
            )

        offer_con = np.array(
            [key_index(int(o), int(b), share(int(o), m)) for o, b, m in zip(offer_row, block, months_in)], int
        )
        need_con = np.array(
            [key_index(int(n), int(b), share(int(n), m)) for n, b, m in zip(need_row, block, months_in)], int
        )
        n_var = len(edge)
        a_ub = coo_matrix(
            (
                np.concatenate([np.ones(n_var), c.eta[edge]]),
                (np.concatenate([offer_con, need_con]), np.tile(np.arange(n_var), 2)),
            ),
            shape=(len(capacity), n_var),
        ).tocsr()
        cost = c.unit_cost[edge] - c.unit_value[edge]
        if prefer:
            nudge = np.array([(int(o), int(n)) in prefer for o, n in zip(offer_row, need_row)], bool)
            cost = cost - 1e-7 * np.abs(cost) * nudge
        solution = linprog(cost, A_ub=a_ub, b_ub=np.asarray(capacity), bounds=(0, None), method="highs")
        if solution.status != 0:
            raise EngineError("The allocation solver failed: {reason}", reason=solution.message)
        x = np.where(solution.x < _EPS, 0.0, solution.x)
        flows: dict[int, list] = {}
        for v in np.flatnonzero(x > 0):
            e = int(edge[v])
            entry = flows.setdefault(e, [0.0, 0.0, set()])
            entry[0] += x[v]
            entry[1] += x[v] * c.eta[e]
            entry[2] |= block_months[(resources[v], int(block[v]))]
        used = np.zeros(n_rows)
        out = []
        for e in sorted(flows):
            taken, delivered, months = flows[e]
            used[c.offer[e]] += taken
            used[c.need[e]] += delivered
            out.append((e, int(c.need[e]), float(taken), float(delivered), frozenset(months)))
        return Allocation(out, used)

    # --- run ------------------------------------------------------------------------------------
    def run(self, progress: Progress | None = None) -> Result:
        _tick(progress, 0.0, "distances")
        km = self.distances(progress)
        everyone = np.ones(len(self.rows), bool)
        _tick(progress, 0.35, "candidates")
        base_c = self.candidates(km, everyone)
        _tick(progress, 0.5, "allocation")
        base = self.allocate(base_c, everyone)
        scenario = bool(self.closed.any())
        if scenario:
            open_rows = ~self.closed
            c = self.candidates(km, open_rows)
            prefer = {(int(base_c.offer[e]), n) for e, n, *_ in base.flows}
            now = self.allocate(c, open_rows, prefer)
        else:
            c, now = base_c, base
        _tick(progress, 0.85, "outputs")
        result = Result()
        result.synergies = self._synergy_records(
            c, now, base_c if scenario else None, base if scenario else None
        )
        result.unmatched = self._unmatched(c, now, base, scenario)
        result.balance = self._balance(now)
        result.summary, result.factors = self._summary(
            base_c, base, c if scenario else None, now if scenario else None
        )
        _tick(progress, 1.0, "done")
        return result

    # --- records --------------------------------------------------------------------------------
    def _pair_records(self, c: Candidates, allocation: Allocation) -> dict[tuple[int, int], dict]:
        records = {}
        for e, n, taken, delivered, months in allocation.flows:
            o = int(c.offer[e])
            offer, need = self.rows[o], self.rows[n]
            resource = offer.resource
            cost = c.unit_cost[e] * taken
            value = c.unit_value[e] * taken
            (offer_actor, offer_site), (need_actor, need_site) = self.names(o), self.names(n)
            records[(o, n)] = {
                "resource": resource,
                "family": FAMILY[resource],
                "offer_actor": offer_actor,
                "offer_site": offer_site,
                "offer_spec": offer.spec,
                "need_actor": need_actor,
                "need_site": need_site,
                "need_spec": need.spec,
                "quantity": round(taken, 3),
                "delivered": round(delivered, 3),
                "unit": offer.unit,
                "months": _months_text(months),
                "km": round(float(c.km[e]), 3),
                "cost_eur": round(float(cost), 2),
                "value_eur": round(float(value), 2),
                "net_eur": round(float(value - cost), 2),
                "co2_avoided_t": round(float(c.co2[e] * taken), 3),
                "match": c.match[e],
                "confidence": _CONFIDENCE.get(c.match[e], "high"),
                "confidential": offer.confidential or need.confidential,
                "offer_confidential": offer.actor in self.secret,
                "need_confidential": need.actor in self.secret,
                "offer_row": offer.row,
                "need_row": need.row,
            }
        return records

    def _synergy_records(
        self, c: Candidates, now: Allocation, base_c: Candidates | None, base: Allocation | None
    ) -> list[dict]:
        current = self._pair_records(c, now)
        before = self._pair_records(base_c, base) if base is not None and base_c is not None else {}
        records = []
        for pair, record in current.items():
            if base is None:
                status = "baseline"
            elif pair not in before:
                status = "new"
            else:
                status = (
                    "unchanged" if abs(before[pair]["quantity"] - record["quantity"]) < 1e-3 else "changed"
                )
            records.append({**record, "status": status})
        records += [{**r, "status": "removed"} for pair, r in before.items() if pair not in current]
        rank: dict[tuple[str, str], int] = {}
        for record, pair in zip(records, [*current, *(p for p in before if p not in current)]):
            o, n = pair
            ends = (self.key[o], self.key[n])
            rank[ends] = rank.get(ends, -1) + 1
            record["geometry"] = curved_line(tuple(self.xy[o]), tuple(self.xy[n]), 0.15 + 0.08 * rank[ends])
        return records

    def _unmatched(self, c: Candidates, now: Allocation, base: Allocation, scenario: bool) -> list[dict]:
        records = []
        for i, row in enumerate(self.rows):
            remaining = self.quantity[i] - now.used[i]
            baseline_remaining = self.quantity[i] - base.used[i]
            if self.closed[i]:
                reason, remaining = REASON_CLOSED, self.quantity[i]
            elif remaining <= 1e-3 * max(1.0, self.quantity[i]):
                continue
            elif scenario and remaining > baseline_remaining + 1e-3:
                reason = REASON_CLOSURE_NEED if row.role == "need" else REASON_CLOSURE_OFFER
            else:
                reason = {
                    0: REASON_NO_MATCH,
                    1: REASON_TOO_FAR,
                    2: REASON_SEASON,
                    3: REASON_COST,
                    4: REASON_QUANTITY,
                }[int(c.flags[i])]
            records.append(
                {
                    "row": row.row,
                    "role": row.role,
                    "actor": self.names(i)[0],
                    "site": self.names(i)[1],
                    "resource": row.resource,
                    "spec": row.spec,
                    "quantity": round(float(self.quantity[i]), 3),
                    "remaining": round(float(remaining), 3),
                    "baseline_remaining": round(float(baseline_remaining), 3),
                    "unit": row.unit,
                    "reason": reason,
                    "confidential": row.confidential,
                    "geometry": tuple(self.xy[i]),
                }
            )
        return records

    def _balance(self, now: Allocation) -> list[dict]:
        groups: dict[tuple[str, str], dict] = {}
        for i, row in enumerate(self.rows):
            entry = groups.setdefault(
                (row.key, row.resource),
                {
                    "actor": self.names(i)[0],
                    "site": self.names(i)[1],
                    "resource": row.resource,
                    "unit": row.unit,
                    "offered": 0.0,
                    "offered_used": 0.0,
                    "needed": 0.0,
                    "needed_met": 0.0,
                    "closed": bool(self.closed[i]),
                    "confidential": row.confidential,
                    "geometry": tuple(self.xy[i]),
                },
            )
            entry["confidential"] = entry["confidential"] or row.confidential
            if row.role == "offer":
                entry["offered"] += self.quantity[i]
                entry["offered_used"] += now.used[i]
            else:
                entry["needed"] += self.quantity[i]
                entry["needed_met"] += now.used[i]
        records = []
        for entry in groups.values():
            entry["offered_unused"] = entry["offered"] - entry["offered_used"]
            entry["needed_unmet"] = entry["needed"] - entry["needed_met"]
            for name in ("offered", "offered_used", "offered_unused", "needed", "needed_met", "needed_unmet"):
                entry[name] = round(float(entry[name]), 3)
            records.append(entry)
        return records

    def _totals(
        self, c: Candidates, allocation: Allocation, open_rows: np.ndarray
    ) -> dict[tuple[str, str], float]:
        """Totals per (resource, indicator); the euros and CO2 also for resource "all"."""
        totals: dict[tuple[str, str], float] = {}

        def add(resource: str, name: str, value: float) -> None:
            totals[(resource, name)] = totals.get((resource, name), 0.0) + value
            if name in _ALL_RESOURCES:
                totals[("all", name)] = totals.get(("all", name), 0.0) + value

        for i in np.flatnonzero(open_rows):
            add(self.resource[i], "offered" if self.role[i] == "offer" else "needed", self.quantity[i])
        for e, _, taken, delivered, _ in allocation.flows:
            resource = self.resource[c.offer[e]]
            add(resource, "delivered", delivered)
            add(resource, "cost_eur", c.unit_cost[e] * taken)
            add(resource, "value_eur", c.unit_value[e] * taken)
            add(resource, "co2_avoided_t", c.co2[e] * taken)
        return totals

    def _summary(
        self, base_c: Candidates, base: Allocation, c: Candidates | None, now: Allocation | None
    ) -> tuple[list[dict], list[dict]]:
        before = self._totals(base_c, base, np.ones(len(self.rows), bool))
        after = self._totals(c, now, ~self.closed) if c is not None and now is not None else None
        rows = []
        names = [
            ("offered", tr("offered")),
            ("needed", tr("needed")),
            ("delivered", tr("exchanged (delivered)")),
            ("cost_eur", tr("transport and pipe cost")),
            ("value_eur", tr("value of the substituted supply")),
            ("co2_avoided_t", tr("CO2 avoided")),
        ]
        present = [r for r in RESOURCES if (r, "offered") in before or (r, "needed") in before]
        for resource in [*present, "all"]:
            rule = self.rules.get(resource, {})
            unit = UNITS.get(resource, "")
            for key, label in names:
                if resource == "all" and key not in _ALL_RESOURCES:
                    continue
                b = before.get((resource, key), 0.0)
                s = after.get((resource, key), 0.0) if after is not None else None
                factor, source = None, ""
                if key == "co2_avoided_t" and rule:
                    factor = _number(rule["co2_t_per_unit"])
                    source = rule.get("sources", {}).get("co2_t_per_unit", "")
                if key == "value_eur" and rule:
                    factor = _number(rule["value_eur_per_unit"])
                    source = rule.get("sources", {}).get("value_eur_per_unit", "")
                if key == "cost_eur" and rule:
                    factor = _number(rule["transport_eur_per_unit_km"])
                    source = rule.get("sources", {}).get("transport_eur_per_unit_km", "")
                rows.append(
                    {
                        "resource": resource,
                        "indicator": label,
                        "unit": {
                            "cost_eur": "EUR/yr",
                            "value_eur": "EUR/yr",
                            "co2_avoided_t": "tCO2e/yr",
                        }.get(key, unit),
                        "baseline": round(b, 3),
                        "scenario": None if s is None else round(s, 3),
                        "change": None if s is None else round(s - b, 3),
                        "factor": factor,
                        "source": source,
                    }
                )
        factors = []
        for resource in present:
            rule = self.rules[resource]
            for key, value in rule.items():
                if key in rule.get("sources", {}):
                    factors.append(
                        {
                            "resource": resource,
                            "factor": key,
                            "value": json.dumps(value),
                            "source": rule["sources"][key],
                        }
                    )
        return rows, factors


_ALL_RESOURCES = ("cost_eur", "value_eur", "co2_avoided_t")
#: Confidence of a synergy: exact rules (temperature, pressure, class, service) are high; a waste
#: or material match is as good as its level on the code hierarchy.
_CONFIDENCE = {"code": "high", "sub-chapter": "medium", "chapter": "low", "family": "low"}


def _number(value: object) -> float | None:
    """A rule factor as one number (None when it varies by spec)."""
    return float(value) if isinstance(value, (int, float)) else None


def _tick(progress: Progress | None, fraction: float, step: str) -> None:
    if progress is not None and progress(fraction, step) is False:
        raise Cancelled()


def run_synergies(
    rows: Sequence[SurveyRow], rules: dict, options: Options, progress: Progress | None = None
) -> Result:
    """Candidates, one LP for every resource, closure scenario, outputs (see module doc).

    A survey without usable rows gives empty outputs (its set-aside rows still need reporting)."""
    unknown = sorted(options.closed - {row.actor for row in rows} - {row.key for row in rows})
    if unknown:
        raise EngineError(
            "Closure scenario: no actor of the survey is called {names}.", names=", ".join(unknown)
        )
    result = SymbiosisModel(rows, rules, options).run(progress)
    result.scenario = bool(options.closed)
    return result
