"""The symbiosis allocation computed by another route: a networkx min-cost flow.

Source → (offer, block of months) → (need, block) → sink, with a free bypass source → sink so
that nothing has to flow; costs are integers (EUR × ``scale``).  Valid without losses (a
min-cost flow conserves what it carries).  Used by the engine tests and by
bench/bench_symbiosis.py (the peer it is measured against).
"""

from __future__ import annotations

import networkx as nx
import numpy as np


def networkx_allocation(
    model, candidates, open_rows: np.ndarray, scale: float = 1000.0
) -> tuple[float, dict]:
    """(objective in EUR, {(offer row, need row): quantity}) of the optimal allocation."""
    assert np.allclose(candidates.eta, 1.0), "a min-cost flow cannot model losses"
    graph = nx.DiGraph()
    supply = 0
    blocks_of: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for resource, rule in model.rules.items():
        rows = np.flatnonzero((model.resource == resource) & open_rows)
        if len(rows) and rule["seasonal"]:
            blocks_of[resource] = model._blocks(rows)

    def row_blocks(row: int) -> list[tuple[int, float]]:
        resource = model.resource[row]
        if resource not in blocks_of:
            return [(0, 1.0)]
        block, _ = blocks_of[resource]
        months = [m for m in range(12) if model.mask[row] >> m & 1]
        counts: dict[int, int] = {}
        for m in months:
            counts[int(block[m])] = counts.get(int(block[m]), 0) + 1
        return [(b, n / len(months)) for b, n in sorted(counts.items())]

    for row in sorted(set(candidates.offer) | set(candidates.need)):
        for b, share in row_blocks(int(row)):
            capacity = round(float(model.quantity[row]) * share)
            if model.role[row] == "offer":
                graph.add_edge("source", ("o", int(row), b), capacity=capacity, weight=0)
                supply += capacity
            else:
                graph.add_edge(("n", int(row), b), "sink", capacity=capacity, weight=0)
    for e in range(len(candidates.offer)):
        o, n = int(candidates.offer[e]), int(candidates.need[e])
        weight = round(float(scale * (candidates.unit_cost[e] - candidates.unit_value[e])))
        need_blocks = {b for b, _ in row_blocks(n)}
        for b, _ in row_blocks(o):
            if b in need_blocks:
                graph.add_edge(("o", o, b), ("n", n, b), weight=weight)
    graph.add_edge("source", "sink", capacity=supply, weight=0)
    graph.nodes["source"]["demand"] = -supply
    graph.nodes["sink"]["demand"] = supply
    cost, flow = nx.network_simplex(graph)
    pairs: dict[tuple[int, int], float] = {}
    for node, targets in flow.items():
        if isinstance(node, tuple) and node[0] == "o":
            for target, amount in targets.items():
                if amount and target != "sink":
                    pairs[(node[1], target[1])] = pairs.get((node[1], target[1]), 0.0) + amount
    return cost / scale, pairs
