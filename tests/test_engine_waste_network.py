"""Road network: junction merging, snapping onto lines, many-to-many and nearest distances."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from territoire_numerique.engine.errors import Cancelled, EngineError
from territoire_numerique.engine.road_network import RoadNetwork


def grid_network(n: int = 8, step: float = 100.0, seed: int = 3) -> RoadNetwork:
    rng = np.random.default_rng(seed)
    nodes = {(i, j): np.array([i * step, j * step]) + rng.normal(0, 5, 2) for i in range(n) for j in range(n)}
    lines = []
    for (i, j), xy in nodes.items():
        for di, dj in ((1, 0), (0, 1)):
            if (i + di, j + dj) in nodes and rng.random() > 0.15:  # a few missing links
                middle = (xy + nodes[(i + di, j + dj)]) / 2 + rng.normal(0, 10, 2)  # a bent road
                lines.append(np.array([xy, middle, nodes[(i + di, j + dj)]]))
    return RoadNetwork(lines)


def test_junctions_merge_within_tolerance_and_parallel_roads_keep_the_shortest() -> None:
    lines = [
        np.array([[0, 0], [100, 0]]),
        np.array([[100.3, 0], [200, 0]]),  # 0.3 m gap: one junction
        np.array([[0, 0], [0, 50], [100, 50], [100, 0]]),  # a longer parallel road
        np.array([[300, 0], [400, 0]]),  # apart
    ]
    network = RoadNetwork(lines, node_tolerance=0.5)
    assert network.node_count == 5 and network.components() == 2
    metres, origin_snap, target_snap = network.distances(
        np.array([[0, -3]]), np.array([[200, 4], [350, 0]]), 10
    )
    assert metres[0, 0] == pytest.approx(3 + 100 + 99.7 + 4, abs=0.01)
    assert np.isinf(metres[0, 1])  # another component
    assert origin_snap.tolist() == [3.0] and target_snap.tolist() == [4.0, 0.0]


def test_snapping_lands_on_the_nearest_line_not_the_nearest_junction() -> None:
    network = RoadNetwork([np.array([[0, 0], [1000, 0]]), np.array([[0, 0], [0, 1000]])])
    segment, along, distance = network.snap(np.array([[500, 30], [20, 700], [600, 600]]), 100)
    assert along[:2].tolist() == [500.0, 700.0] and distance[:2].tolist() == [30.0, 20.0]
    assert segment[2] == -1 and np.isinf(distance[2])


def test_many_to_many_matches_networkx_on_a_bent_grid() -> None:
    network = grid_network()
    rng = np.random.default_rng(5)
    origins, targets = rng.uniform(0, 700, (12, 2)), rng.uniform(0, 700, (9, 2))
    metres, o_snap, t_snap = network.distances(origins, targets, tolerance=80, chunk=4)
    # reference: the same graph in networkx with the snapped points inserted by hand
    graph = nx.Graph()
    segment, along, _ = network.snap(np.vstack([origins, targets]), 80)
    cut: dict[int, list[tuple[float, str]]] = {}
    for k, (s, a) in enumerate(zip(segment, along)):
        if s >= 0:
            cut.setdefault(int(network.seg_line[s]), []).append((a, f"p{k}"))
    for index in range(network.edge_count):
        start, end = (int(node) for node in network.end_node[index])
        stops = [(0.0, start), *sorted(cut.get(index, [])), (network.line_length[index], end)]
        for (a0, n0), (a1, n1) in zip(stops[:-1], stops[1:]):
            if not graph.has_edge(n0, n1) or graph[n0][n1]["weight"] > a1 - a0:
                graph.add_edge(n0, n1, weight=a1 - a0)
    n_o = len(origins)
    for i in range(n_o):
        for j in range(len(targets)):
            a, b = f"p{i}", f"p{n_o + j}"
            if a in graph and b in graph and nx.has_path(graph, a, b):
                expected = nx.dijkstra_path_length(graph, a, b) + o_snap[i] + t_snap[j]
                assert metres[i, j] == pytest.approx(expected, abs=1e-2)  # locations kept to the mm
            else:
                assert np.isinf(metres[i, j])


def test_nearest_facility_agrees_with_the_many_to_many_minimum() -> None:
    network = grid_network(seed=11)
    rng = np.random.default_rng(12)
    demand, facilities = rng.uniform(0, 700, (40, 2)), rng.uniform(0, 700, (5, 2))
    distance, nearest, _ = network.nearest(demand, facilities, tolerance=80)
    full, _, _ = network.distances(demand, facilities, tolerance=80)
    best = full.min(axis=1)
    finite = np.isfinite(best)
    assert finite.sum() > 30
    assert np.allclose(distance[finite], best[finite])
    assert np.isinf(distance[~finite]).all()
    assert np.allclose(full[np.flatnonzero(finite), nearest[finite]], best[finite])
    assert (nearest[~finite] == -1).all()


def test_limit_progress_and_errors() -> None:
    network = RoadNetwork([np.array([[0, 0], [1000, 0]])])
    metres, _, _ = network.distances(np.array([[0, 0]]), np.array([[400, 0], [900, 0]]), 10, limit=500)
    assert metres[0, 0] == 400 and np.isinf(metres[0, 1])
    with pytest.raises(Cancelled):
        network.distances(np.array([[0, 0]]), np.array([[400, 0]]), 10, progress=lambda fraction: False)
    with pytest.raises(EngineError, match="no line"):
        RoadNetwork([np.array([[0, 0]])])
