"""Shared facility: 1-median and p-median on a small road graph against the exhaustive optimum
computed with networkx shortest paths; suitability as constraint and weight; unserved actors."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pytest

from territoire_numerique.engine.errors import EngineError
from territoire_numerique.engine.road_network import RoadNetwork
from territoire_numerique.engine.shared_facility import Options, locate

KM = 1000.0


def grid(seed: int = 7, size: int = 6) -> tuple[RoadNetwork, nx.Graph, list[tuple[float, float]]]:
    """A jittered size × size street grid (RoadNetwork and the same graph in networkx)."""
    rng = np.random.default_rng(seed)
    nodes = {(i, j): (i * KM + rng.uniform(-200, 200), j * KM + rng.uniform(-200, 200)) for i in range(size)
             for j in range(size)}  # fmt: skip
    graph = nx.Graph()
    lines = []
    for (i, j), xy in nodes.items():
        for di, dj in ((1, 0), (0, 1)):
            other = (i + di, j + dj)
            if other in nodes and rng.random() > 0.15:  # a few streets missing
                graph.add_edge(xy, nodes[other], weight=float(np.hypot(*np.subtract(xy, nodes[other]))))
                lines.append(np.array([xy, nodes[other]]))
    return RoadNetwork(lines), graph, list(nodes.values())


def exhaustive(graph: nx.Graph, demand, weight, candidates, count: int) -> tuple[float, tuple]:
    lengths = {c: nx.single_source_dijkstra_path_length(graph, c, weight="weight") for c in candidates}
    best = (np.inf, ())
    for combination in itertools.combinations(range(len(candidates)), count):
        total = 0.0
        for d, w in zip(demand, weight):
            total += w * min(lengths[candidates[c]].get(d, np.inf) for c in combination)
        best = min(best, (total, combination))
    return best


@pytest.mark.parametrize("count", [1, 2, 3])
def test_p_median_equals_exhaustive_optimum_on_a_road_graph(count: int) -> None:
    network, graph, nodes = grid()
    component = max(nx.connected_components(graph), key=len)
    on = [n for n in nodes if n in component]
    rng = np.random.default_rng(count)
    demand = [on[k] for k in rng.choice(len(on), 12, replace=False)]
    candidates = [on[k] for k in rng.choice(len(on), 8, replace=False)]
    weight = rng.integers(1, 50, len(demand)).astype(float)
    options = Options(count=count, distance="network", network=network, snap_tolerance=1.0)
    result = locate([f"A{i}" for i in range(len(demand))], np.array(demand), weight,
                    [f"C{j}" for j in range(len(candidates))], np.array(candidates), options)  # fmt: skip
    optimum, combination = exhaustive(graph, demand, weight, candidates, count)
    ours = sum(a["weight"] * a["distance_m"] for a in result.actors)
    assert ours == pytest.approx(optimum, abs=0.05 * weight.sum())  # distances rounded to 0.1 m
    assert sorted(result.chosen) == list(combination)
    assert sum(s["chosen"] for s in result.sites) == count


def test_share_within_minutes_and_unserved_actors() -> None:
    demand = np.array([[0, 0], [500, 0], [3000, 0], [50_000, 0]], float)
    candidates = np.array([[400, 0], [2900, 0]], float)
    options = Options(count=1, max_distance=10_000, threshold=1000, speed_kmh=6)
    result = locate(
        ["a", "b", "c", "far"], demand, np.array([1.0, 1.0, 1.0, 5.0]), ["S1", "S2"], candidates, options
    )
    assert result.chosen == [0]  # 400 + 100 + 2600 < 2900 + 2400 + 100
    far = result.actors[3]
    assert far["site_id"] is None and not far["within"]
    assert result.actors[0]["minutes"] == pytest.approx(400 / 100)  # 6 km/h = 100 m per minute
    summary = {row["indicator"]: row["value"] for row in result.summary}
    assert summary["share of the weight within the threshold"] == pytest.approx(100 * 2 / 8)
    assert summary["unserved weight"] == 5.0


def test_suitability_as_constraint_and_as_weight() -> None:
    demand = np.array([[0, 0], [1000, 0]], float)
    candidates = np.array([[500, 0], [600, 300]], float)
    suitability = np.array([20.0, 90.0])
    plain = locate(["a", "b"], demand, np.ones(2), ["best", "apt"], candidates, Options())
    assert plain.chosen == [0]
    constrained = locate(
        ["a", "b"],
        demand,
        np.ones(2),
        ["best", "apt"],
        candidates,
        Options(suitability=suitability, min_suitability=50),
    )
    assert constrained.chosen == [1] and not constrained.sites[0]["eligible"]
    weighted = locate(
        ["a", "b"], demand, np.ones(2), ["best", "apt"], candidates,
        Options(suitability=suitability, suitability_mode="weight", suitability_weight=1.0),
    )  # fmt: skip
    assert weighted.chosen == [1]  # 1000 m × 1.8 > about 1170 m × 1.1
    with pytest.raises(EngineError):
        locate(["a"], demand[:1], np.ones(1), ["x"], candidates[:1], Options(count=2))


def test_a_threshold_in_minutes_is_read_at_the_speed() -> None:
    demand = np.array([[0, 0], [500, 0], [3000, 0]], float)
    candidates = np.array([[400, 0]], float)
    minutes = Options(threshold=10, threshold_unit="minutes", speed_kmh=6)  # 10 min at 100 m/min
    metres = Options(threshold=1000)
    assert (minutes.threshold_m, metres.limit_m) == (1000.0, np.inf)
    by_time = locate(["a", "b", "c"], demand, np.ones(3), ["S"], candidates, minutes)
    by_distance = locate(["a", "b", "c"], demand, np.ones(3), ["S"], candidates, metres)
    within = [actor["within"] for actor in by_time.actors]
    assert within == [actor["within"] for actor in by_distance.actors] == [True, True, False]
