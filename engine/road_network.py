"""A routable graph from a line layer, point snapping and many-to-many shortest distances.

Lines meet where their end points coincide (within ``node_tolerance``); a line's inner vertices
shape it but are not junctions.  Points (sites, buildings) are snapped to the nearest point *on*
a line, not to the nearest junction, and inserted in the graph there; how far each point had to
move is reported so that sites far from any road can be flagged.  Distances are symmetric
(undirected network) and include the snapping legs at both ends.

Used by waste flows and waste access; any analysis that needs road distances can reuse it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.csgraph import connected_components, dijkstra
from scipy.spatial import cKDTree

from .errors import Cancelled, EngineError

ProgressCallback = Callable[[float], bool]  # fraction done → False to cancel


class RoadNetwork:
    """Undirected network from polylines; edges weighted by length (times an optional factor)."""

    def __init__(
        self,
        lines: Sequence[np.ndarray],
        node_tolerance: float = 0.5,
        weights: Sequence[float] | None = None,
    ) -> None:
        """``lines``: (n, 2) coordinate arrays; ``weights``: cost per metre of each line (default 1)."""
        self.lines = [np.asarray(line, dtype=float)[:, :2] for line in lines if len(line) >= 2]
        if not self.lines:
            raise EngineError("The road layer has no line to build a network from.")
        self.factors = np.ones(len(self.lines)) if weights is None else np.asarray(weights, float)
        ends = np.array([[line[0], line[-1]] for line in self.lines]).reshape(-1, 2)
        self.end_node = _merge_points(ends, node_tolerance).reshape(-1, 2)
        self.node_count = int(self.end_node.max()) + 1
        # every segment of every line, with its line and its distance from the line start
        self.seg_a = np.concatenate([line[:-1] for line in self.lines])
        self.seg_b = np.concatenate([line[1:] for line in self.lines])
        seg_len = np.hypot(*(self.seg_b - self.seg_a).T)
        self.seg_line = np.concatenate([np.full(len(line) - 1, i) for i, line in enumerate(self.lines)])
        line_start = np.concatenate([[0], np.cumsum([len(line) - 1 for line in self.lines])[:-1]])
        cumulative = np.cumsum(seg_len)
        before_line = np.concatenate([[0.0], cumulative])[line_start]
        self.seg_offset = cumulative - seg_len - before_line[self.seg_line]
        self.seg_len = seg_len
        self.line_length = np.bincount(self.seg_line, weights=seg_len, minlength=len(self.lines))
        self._pieces: tuple[cKDTree, np.ndarray, float] | None = None

    @property
    def edge_count(self) -> int:
        return len(self.lines)

    def components(self) -> int:
        """Number of connected parts of the network."""
        graph, _ = self._graph(np.empty(0, int), np.empty(0))
        return int(connected_components(graph, directed=False)[0])

    # --- snapping -------------------------------------------------------------------------
    def _piece_index(self, radius: float) -> tuple[cKDTree, np.ndarray, float]:
        """KD-tree of segment pieces no longer than ``step`` (midpoints), for exact nearest search."""
        step = max(radius, float(np.median(self.seg_len)) if len(self.seg_len) else radius, 1.0)
        if self._pieces is None or self._pieces[2] != step:
            count = np.maximum(1, np.ceil(self.seg_len / step)).astype(int)
            segment = np.repeat(np.arange(len(self.seg_len)), count)
            first = np.cumsum(count) - count
            rank = np.arange(len(segment)) - np.repeat(first, count)
            t = (rank + 0.5) / np.repeat(count, count)
            mid = self.seg_a[segment] + (self.seg_b[segment] - self.seg_a[segment]) * t[:, None]
            self._pieces = (cKDTree(mid), segment, step)
        return self._pieces

    def snap(self, xy: np.ndarray, tolerance: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Nearest segment, position along its line and distance for each point (segment -1: none).

        Only segments within ``tolerance`` metres are considered.
        """
        xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        tree, piece_segment, step = self._piece_index(tolerance)
        candidates = tree.query_ball_point(xy, r=tolerance + step / 2 + 1e-9)
        counts = np.fromiter((len(c) for c in candidates), int, len(candidates))
        segment = np.full(len(xy), -1)
        along = np.zeros(len(xy))
        distance = np.full(len(xy), np.inf)
        if counts.sum() == 0:
            return segment, along, distance
        point = np.repeat(np.arange(len(xy)), counts)
        seg = piece_segment[np.concatenate([np.asarray(c, int) for c in candidates if c])]
        a, b, p = self.seg_a[seg], self.seg_b[seg], xy[point]
        ab = b - a
        length2 = np.maximum((ab**2).sum(axis=1), 1e-12)
        t = np.clip(((p - a) * ab).sum(axis=1) / length2, 0.0, 1.0)
        d = np.hypot(*(a + ab * t[:, None] - p).T)
        order = np.lexsort((d, point))  # by point, then distance
        first = order[np.r_[True, point[order][1:] != point[order][:-1]]]
        best = first[d[first] <= tolerance]
        segment[point[best]] = seg[best]
        along[point[best]] = self.seg_offset[seg[best]] + t[best] * np.sqrt(length2[best])
        distance[point[best]] = d[best]
        return segment, along, distance

    # --- graph ------------------------------------------------------------------------------
    def _graph(self, point_line: np.ndarray, point_along: np.ndarray) -> tuple[csr_matrix, np.ndarray]:
        """Sparse graph with snapped points inserted as nodes; returns it and each point's node.

        Lines carrying snapped points are cut into a chain start → points (by position) → end.
        """
        n_points = len(point_line)
        point_node = self.node_count + np.arange(n_points)
        order = np.lexsort((point_along, point_line))
        line_sorted, along_sorted = point_line[order], point_along[order]
        starts = self.end_node[:, 0]
        ends = self.end_node[:, 1]
        # chain pieces: (previous node, previous position) → (point node, position)
        new_chain = np.r_[True, line_sorted[1:] != line_sorted[:-1]] if n_points else np.empty(0, bool)
        prev_node = np.where(new_chain, starts[line_sorted], np.r_[-1, point_node[order][:-1]])
        prev_along = np.where(new_chain, 0.0, np.r_[0.0, along_sorted[:-1]])
        last_of_line = np.r_[new_chain[1:], True] if n_points else np.empty(0, bool)
        tail_from = point_node[order][last_of_line]
        tail_line = line_sorted[last_of_line]
        tail_cost = (self.line_length[tail_line] - along_sorted[last_of_line]) * self.factors[tail_line]
        cut = np.zeros(len(self.lines), bool)
        cut[point_line] = True
        whole = np.flatnonzero(~cut)
        rows = np.concatenate([starts[whole], prev_node, tail_from])
        cols = np.concatenate([ends[whole], point_node[order], ends[tail_line]])
        cost = np.concatenate(
            [
                self.line_length[whole] * self.factors[whole],
                (along_sorted - prev_along) * self.factors[line_sorted],
                tail_cost,
            ]
        )
        # a tiny positive weight keeps zero-length links (coincident points) as real edges
        cost = np.maximum(cost, 1e-9)
        size = self.node_count + n_points
        # duplicate links (parallel lines) keep the shortest, not the sum
        return _min_duplicates(rows, cols, cost, size), point_node

    def distances(
        self,
        origins: np.ndarray,
        targets: np.ndarray,
        tolerance: float,
        limit: float = np.inf,
        progress: ProgressCallback | None = None,
        chunk: int = 128,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Shortest network distances (m) between every origin and every target point.

        Returns the (n_origins, n_targets) matrix (inf when unreachable, off the network or
        beyond ``limit``) and the snapping distances of origins and targets (inf when farther
        than ``tolerance``).  Dijkstra runs once per distinct snapped location on the smaller
        side, in chunks to bound memory.
        """
        origins = np.asarray(origins, float).reshape(-1, 2)
        targets = np.asarray(targets, float).reshape(-1, 2)
        graph, node, snap = self._snapped_graph(np.vstack([origins, targets]), tolerance)
        n_o = len(origins)
        from_node, to_node = node[:n_o], node[n_o:]
        from_snap, to_snap = snap[:n_o], snap[n_o:]
        swap = len(np.unique(to_node[to_node >= 0])) < len(np.unique(from_node[from_node >= 0]))
        if swap:
            from_node, to_node, from_snap, to_snap = to_node, from_node, to_snap, from_snap
        result = np.full((len(from_node), len(to_node)), np.inf)
        sources = np.unique(from_node[from_node >= 0])
        reachable_to = to_node >= 0
        for start in range(0, len(sources), chunk):
            if progress is not None and not progress(start / max(len(sources), 1)):
                raise Cancelled()
            block = sources[start : start + chunk]
            dist = dijkstra(graph, directed=False, indices=block, limit=limit)
            rows = np.searchsorted(block, from_node)
            in_block = (from_node >= 0) & (rows < len(block))
            in_block[in_block] &= block[rows[in_block]] == from_node[in_block]
            sub = dist[np.ix_(rows[in_block], to_node[reachable_to])]
            result[np.ix_(np.flatnonzero(in_block), np.flatnonzero(reachable_to))] = sub
        result += from_snap[:, None] + to_snap[None, :]
        result[result > limit] = np.inf
        if swap:
            result, from_snap, to_snap = result.T, to_snap, from_snap
        return result, from_snap, to_snap

    def _snapped_graph(
        self, points: np.ndarray, tolerance: float
    ) -> tuple[csr_matrix, np.ndarray, np.ndarray]:
        """The graph with a node at each point's snapped location (distinct locations share one),
        each point's node (-1 off the network) and its snapping distance."""
        segment, along, snap = self.snap(points, tolerance)
        on = segment >= 0
        line = self.seg_line[np.where(on, segment, 0)]
        key = np.round(np.c_[line, along], 3)
        uniq, location = np.unique(key[on], axis=0, return_inverse=True)
        graph, location_node = self._graph(uniq[:, 0].astype(int), uniq[:, 1])
        node = np.full(len(points), -1)
        node[on] = location_node[location]
        return graph, node, snap

    def nearest(
        self, demand: np.ndarray, facilities: np.ndarray, tolerance: float, limit: float = np.inf
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Distance to the nearest facility and its index for each demand point (one Dijkstra).

        Returns (distance, facility index or -1, demand snapping distance).
        """
        demand = np.asarray(demand, float).reshape(-1, 2)
        facilities = np.asarray(facilities, float).reshape(-1, 2)
        graph, node, snap = self._snapped_graph(np.vstack([facilities, demand]), tolerance)
        n_f = len(facilities)
        fac_node, dem_node = node[:n_f], node[n_f:]
        distance = np.full(len(demand), np.inf)
        nearest = np.full(len(demand), -1)
        if (fac_node >= 0).any():
            # each facility starts at its own snapping distance: add a super-source edge per facility
            size = graph.shape[0] + 1
            valid = np.flatnonzero(fac_node >= 0)
            # one start per snapped node (the facility nearest to it, then the lowest index: a
            # sparse matrix would add up parallel edges); ties between nodes go to the lowest
            # facility index: each start is lengthened by its rank × TIE_STEP_M, far below any
            # distance that matters and above float noise at a territory's scale
            start = np.maximum(snap[valid], 1e-9)
            order = np.lexsort((valid, start, fac_node[valid]))
            first = np.r_[True, np.diff(fac_node[valid][order]) != 0]
            chosen, chosen_start = valid[order][first], start[order][first]
            tie = TIE_STEP_M * (np.argsort(np.argsort(chosen)) + 1)
            extra = coo_matrix(
                (chosen_start + tie, (np.full(len(chosen), size - 1), fac_node[chosen])), shape=(size, size)
            )
            padded = coo_matrix(graph)
            padded = coo_matrix((padded.data, (padded.row, padded.col)), shape=(size, size))
            full = (padded + extra).tocsr()
            dist, predecessors = dijkstra(
                full, directed=False, indices=size - 1, limit=limit, return_predecessors=True
            )
            # the facility whose super-source edge starts the path to each node
            owner = _path_roots(predecessors, size - 1)
            facility_of_node = np.full(size, -1)
            facility_of_node[fac_node[chosen]] = chosen
            tie_of_node = np.zeros(size)
            tie_of_node[fac_node[chosen]] = tie
            reached = dem_node >= 0
            start_node = owner[dem_node[reached]]
            distance[reached] = dist[dem_node[reached]] - tie_of_node[start_node] + snap[n_f:][reached]
            nearest[reached] = facility_of_node[start_node]
            distance[~np.isfinite(distance) | (distance > limit)] = np.inf
            nearest[~np.isfinite(distance)] = -1
        return distance, nearest, snap[n_f:]


#: Lengthening per facility rank (m) that breaks ties between equally near facilities.
TIE_STEP_M = 1e-9


def _path_roots(predecessors: np.ndarray, source: int) -> np.ndarray:
    """For every node, the first node after ``source`` on its shortest path (-1 if unreached)."""
    root = np.full(len(predecessors), -1)
    direct = predecessors == source
    root[direct] = np.flatnonzero(direct)
    pending = np.flatnonzero((predecessors >= 0) & ~direct)
    parent = predecessors[pending]
    # pointer jumping: follow predecessors until a node whose root is known
    while len(pending):
        known = root[parent] >= 0
        root[pending[known]] = root[parent[known]]
        pending, parent = pending[~known], parent[~known]
        parent = np.where(predecessors[parent] == source, parent, predecessors[parent])
    return root


def _min_duplicates(rows: np.ndarray, cols: np.ndarray, cost: np.ndarray, size: int) -> csr_matrix:
    """Sparse matrix keeping, for repeated (row, col) pairs in either direction, the lowest cost."""
    low, high = np.minimum(rows, cols), np.maximum(rows, cols)
    keep = low != high  # a loop never shortens a path
    low, high, cost = low[keep], high[keep], cost[keep]
    order = np.lexsort((cost, high, low))
    low, high, cost = low[order], high[order], cost[order]
    first = np.r_[True, (low[1:] != low[:-1]) | (high[1:] != high[:-1])]
    return coo_matrix((cost[first], (low[first], high[first])), shape=(size, size)).tocsr()


def _merge_points(xy: np.ndarray, tolerance: float) -> np.ndarray:
    """Node id of each point; points closer than ``tolerance`` (transitively) share one."""
    pairs = cKDTree(xy).query_pairs(max(tolerance, 1e-9), output_type="ndarray")
    n = len(xy)
    link = coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
    return connected_components(link, directed=False)[1]
