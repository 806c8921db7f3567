"""Benchmark of territoire:waste_flows' engine: 10,000 producer rows × 1,000 receivers.

Generates a seeded synthetic instance (sites on a 60 × 60 km square, List of Waste codes from a
pool, receivers accepting codes and wildcards, 70 % with capacities, ~50,000-edge road grid)
and measures, each in a forked child process (time, peak resident memory added):

* the whole engine run (straight distances, then distances along the roads), synergies off;
* the allocation step alone on the same instance: ours (sparse LP, HiGHS) against a plain
  networkx min-cost flow (``network_simplex`` on integer-scaled tonnes and costs), with the
  total tonne-km of both (they should agree within the integer rounding).

Run: ``.venv/bin/python bench/bench_waste_flows.py`` (a few minutes on 2 cores).
"""

from __future__ import annotations

import multiprocessing
import resource
import sys
import time
from pathlib import Path

import networkx as nx
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / ".build" / "pkg"))

from warm import warm_memory

from territoire_numerique.engine.road_network import RoadNetwork
from territoire_numerique.engine.waste_flows import (
    Options,
    Producers,
    Receivers,
    WasteFlowModel,
    run_waste_flows,
    solve_transport,
)

SEED = 20250601
N_ROWS, N_SITES, N_RECEIVERS = 10_000, 2_500, 1_000
SIDE = 60_000.0  # m
GRID = 160  # 160 × 160 nodes → 2 × 160 × 159 = 50,880 road edges
MAX_KM = 30.0


def make_instance(seed: int = SEED) -> tuple[Producers, Receivers, RoadNetwork]:
    rng = np.random.default_rng(seed)
    chapters = [f"{c:02d}" for c in range(1, 21)]
    subs = [c + f"{s:02d}" for c in chapters for s in range(1, 7)]
    codes = [s + f"{k:02d}" for s in subs for k in (1, 2, 3)]  # 360 codes
    hazardous = rng.random(len(codes)) < 0.25
    labels = [f"{c[:2]} {c[2:4]} {c[4:]}" + ("*" if h else "") for c, h in zip(codes, hazardous)]
    site_xy = rng.uniform(0, SIDE, (N_SITES, 2))
    site_of_row = rng.integers(0, N_SITES, N_ROWS)
    producers = Producers(
        site_id=[f"S{s}" for s in site_of_row],
        site_name=[f"Site {s}" for s in site_of_row],
        xy=site_xy[site_of_row],
        code=[labels[k] for k in rng.integers(0, len(codes), N_ROWS)],
        tonnes=np.round(rng.lognormal(5.0, 1.2, N_ROWS), 1),
    )
    accepts = []
    for _ in range(N_RECEIVERS):
        items = [labels[k].rstrip("*") for k in rng.integers(0, len(codes), rng.integers(3, 9))]
        items += [f"{subs[k][:2]} {subs[k][2:]} *" for k in rng.integers(0, len(subs), rng.integers(0, 3))]
        items += [f"{chapters[k]} * *" for k in rng.integers(0, len(chapters), rng.integers(0, 2))]
        accepts.append(", ".join(items))
    capacity = np.where(rng.random(N_RECEIVERS) < 0.7, np.round(rng.lognormal(7.0, 1.0, N_RECEIVERS)), np.nan)
    receivers = Receivers(
        site_id=[f"R{k}" for k in range(N_RECEIVERS)],
        name=[f"Receiver {k}" for k in range(N_RECEIVERS)],
        xy=rng.uniform(0, SIDE, (N_RECEIVERS, 2)),
        accepts=accepts,
        capacity=capacity,
        hazardous_ok=rng.random(N_RECEIVERS) < 0.3,
        operation=["R1"] * N_RECEIVERS,
    )
    # jittered grid of roads: each horizontal and vertical link is a 2-vertex line
    step = SIDE / (GRID - 1)
    gx, gy = np.meshgrid(np.arange(GRID) * step, np.arange(GRID) * step)
    nodes = np.c_[gx.ravel(), gy.ravel()] + rng.normal(0, step * 0.15, (GRID * GRID, 2))
    index = np.arange(GRID * GRID).reshape(GRID, GRID)
    pairs = np.r_[
        np.c_[index[:, :-1].ravel(), index[:, 1:].ravel()], np.c_[index[:-1].ravel(), index[1:].ravel()]
    ]
    network = RoadNetwork([nodes[[a, b]] for a, b in pairs])
    return producers, receivers, network


def measured(function, *args):
    """Run ``function(*args)`` in a forked child: (result, seconds, peak MB added to the RSS)."""
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe()

    def target() -> None:
        with open("/proc/self/status") as status:
            start_kb = next(int(line.split()[1]) for line in status if line.startswith("VmRSS"))
        started = time.perf_counter()
        value = function(*args)
        seconds = time.perf_counter() - started
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        child.send((value, seconds, max(peak_kb - start_kb, 0) / 1024))

    process = context.Process(target=target)
    process.start()
    result = parent.recv()
    process.join()
    return result


def full_run(producers: Producers, receivers: Receivers, options: Options) -> tuple[float, float]:
    result = run_waste_flows(producers, receivers, options)
    summary = {row["indicator"]: row["baseline"] for row in result.summary}
    return summary["transport"], summary["allocated"]


def ours(problem) -> tuple[float, float]:
    flows, _unplaced = solve_transport(
        problem.supply, problem.capacity, problem.edge_item, problem.edge_receiver, problem.cost
    )
    return float((flows * problem.cost).sum()), float(flows.sum())


def networkx_min_cost_flow(problem) -> tuple[float, float]:
    """Plain networkx formulation: items → receivers → sink, item → sink at a penalty (unplaced).

    Tonnes in kg and costs in metres, as integers (network_simplex needs exact arithmetic).
    """
    supply = np.round(problem.supply * 1000).astype(np.int64)
    cost = np.round(problem.cost * 1000).astype(np.int64)
    limited = np.isfinite(problem.capacity)
    penalty = int((limited.sum() + 1) * max(int(cost.max()), 1000) + 1)
    graph = nx.DiGraph()
    for i, amount in enumerate(supply):
        graph.add_node(("i", i), demand=-int(amount))
        graph.add_edge(("i", i), "sink", weight=penalty)
    graph.add_node("sink", demand=int(supply.sum()))
    for r in np.unique(problem.edge_receiver):
        if limited[r]:
            graph.add_edge(("r", int(r)), "sink", weight=0, capacity=round(problem.capacity[r] * 1000))
        else:
            graph.add_edge(("r", int(r)), "sink", weight=0)
    for i, r, c in zip(problem.edge_item, problem.edge_receiver, cost):
        graph.add_edge(("i", int(i)), ("r", int(r)), weight=int(c))
    _, flow = nx.network_simplex(graph)
    tonne_km = allocated = 0.0
    for i, r, c in zip(problem.edge_item, problem.edge_receiver, cost):
        kg = flow[("i", int(i))][("r", int(r))]
        tonne_km += kg / 1000 * c / 1000
        allocated += kg / 1000
    return tonne_km, allocated


def ortools_min_cost_flow(problem) -> tuple[float, float]:
    """OR-Tools' SimpleMinCostFlow (network simplex in C++) on the same network as networkx: items
    → receivers → sink, item → sink at a penalty (unplaced); kg and metres as integers; the model
    built with its vectorised calls (as a competent user would)."""
    from ortools.graph.python import min_cost_flow

    supply = np.round(problem.supply * 1000).astype(np.int64)
    cost = np.round(problem.cost * 1000).astype(np.int64)
    limited = np.isfinite(problem.capacity)
    penalty = int((limited.sum() + 1) * max(int(cost.max()), 1000) + 1)
    n_items, n_receivers = len(supply), len(problem.capacity)
    sink = n_items + n_receivers
    total = int(supply.sum())
    receivers = np.arange(n_receivers)
    capacity = np.where(limited, np.round(np.where(limited, problem.capacity, 0) * 1000), total).astype(
        np.int64
    )
    tails = np.concatenate([problem.edge_item, np.arange(n_items), n_items + receivers]).astype(np.int32)
    heads = np.concatenate(
        [n_items + problem.edge_receiver, np.full(n_items, sink), np.full(n_receivers, sink)]
    ).astype(np.int32)
    capacities = np.concatenate([np.full(len(cost), total), supply, capacity]).astype(np.int64)
    costs = np.concatenate([cost, np.full(n_items, penalty), np.zeros(n_receivers, np.int64)])
    solver = min_cost_flow.SimpleMinCostFlow()
    arcs = solver.add_arcs_with_capacity_and_unit_cost(tails, heads, capacities, costs)
    solver.set_nodes_supplies(
        np.arange(sink + 1, dtype=np.int32),
        np.concatenate([supply, np.zeros(n_receivers, np.int64), [-total]]),
    )
    status = solver.solve()
    if status != solver.OPTIMAL:
        raise RuntimeError(f"OR-Tools min cost flow: status {status}")
    flow = solver.flows(arcs[: len(cost)]) / 1000.0  # t on the item → receiver arcs
    return float((flow * cost / 1000.0).sum()), float(flow.sum())


def versions() -> str:
    import os

    import scipy

    try:
        import ortools

        ortools_version = ortools.__version__
    except ImportError:
        ortools_version = "not installed"
    return (
        f"numpy {np.__version__}, SciPy {scipy.__version__}, networkx {nx.__version__}, "
        f"OR-Tools {ortools_version}; {os.cpu_count()} cores"
    )


def main() -> None:
    warmed = warm_memory()
    producers, receivers, network = make_instance()
    print(
        f"Compared: the allocation step, ours against OR-Tools' and networkx's min-cost flow on the "
        f"same instance, each in a forked child, in full (extrapolated: nothing); ours and OR-Tools "
        f"twice each, the faster kept; memory warmed first ({warmed:.1f} s). {versions()}"
    )
    print(
        f"Instance: {N_ROWS} producer rows on {N_SITES} sites, {N_RECEIVERS} receivers, "
        f"{network.edge_count} road edges, max distance {MAX_KM:.0f} km"
    )
    for kind in ("straight", "network"):
        options = Options(
            distance=kind,
            network=network,
            snap_tolerance=500.0,
            max_distance=MAX_KM * 1000.0,
            top_synergies=0,
        )
        (tkm, allocated), seconds, mb = measured(full_run, producers, receivers, options)
        print(
            f"Whole run, {kind:8s}: {seconds:7.2f} s, +{mb:6.0f} MB peak RSS; "
            f"{allocated:,.0f} t allocated, {tkm:,.0f} t.km"
        )
    model = WasteFlowModel(producers, receivers, Options(max_distance=MAX_KM * 1000.0, top_synergies=0))
    items = model.prepare()
    problem = model.transport_problem(
        items, np.ones(len(items.tonnes), bool), np.ones(N_RECEIVERS, bool), set()
    )
    print(
        f"Allocation step (straight): {len(problem.supply)} (site, code) items, "
        f"{len(problem.cost)} candidate edges"
    )
    # Ours and OR-Tools twice, the order swapped in the second round; each side's faster run kept.
    first_ours, first_or = measured(ours, problem), measured(ortools_min_cost_flow, problem)
    second_or, second_ours = measured(ortools_min_cost_flow, problem), measured(ours, problem)
    (ours_tkm, ours_t), ours_s, ours_mb = min(first_ours, second_ours, key=lambda run: run[1])
    (or_tkm, or_t), or_s, or_mb = min(first_or, second_or, key=lambda run: run[1])
    print(
        f"  runs (s): ours {first_ours[1]:.2f} / {second_ours[1]:.2f}, "
        f"OR-Tools {first_or[1]:.2f} / {second_or[1]:.2f} (order swapped in the second round)"
    )
    (nx_tkm, nx_t), nx_s, nx_mb = measured(networkx_min_cost_flow, problem)
    print(
        f"  ours (scipy linprog HiGHS, sparse): {ours_s:7.2f} s, +{ours_mb:6.0f} MB; "
        f"{ours_t:,.1f} t placed, {ours_tkm:,.1f} t.km"
    )
    print(
        f"  networkx network_simplex:           {nx_s:7.2f} s, +{nx_mb:6.0f} MB; "
        f"{nx_t:,.1f} t placed, {nx_tkm:,.1f} t.km"
    )
    print(
        f"  OR-Tools SimpleMinCostFlow:         {or_s:7.2f} s, +{or_mb:6.0f} MB; "
        f"{or_t:,.1f} t placed, {or_tkm:,.1f} t.km"
    )
    print(
        f"  time ours / OR-Tools: {ours_s / or_s:.2f}× (goal ≤ 1.5×); networkx / ours: {nx_s / ours_s:.1f}×; "
        f"tonne-km difference ours vs OR-Tools: {abs(ours_tkm - or_tkm) / max(or_tkm, 1e-9) * 100:.4f} %, "
        f"vs networkx: {abs(ours_tkm - nx_tkm) / max(nx_tkm, 1e-9) * 100:.4f} %"
    )


if __name__ == "__main__":
    main()
