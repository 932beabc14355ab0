package org.pyeongga.judging;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Minimum-cost maximum flow on a directed graph with integer capacities and non-negative integer costs: the primal–dual
 * method (Dijkstra with potentials for the shortest distances, then a blocking flow on the edges of zero reduced cost,
 * as in Dinic's algorithm). Each phase pushes every shortest augmenting path of the same length at once, so a network
 * with thousands of unit paths of few distinct lengths (an assignment) takes a few dozen phases. Plain Java, no Spring.
 */
public final class MinCostFlow {

    private final int nodes;
    private int[] head;
    private int[] next = new int[16];
    private int[] to = new int[16];
    private int[] capacity = new int[16];
    private long[] cost = new long[16];
    private int edges;

    public MinCostFlow(int nodes) {
        if (nodes < 2) {
            throw new IllegalArgumentException("a flow network needs a source and a sink");
        }
        this.nodes = nodes;
        this.head = new int[nodes];
        Arrays.fill(head, -1);
    }

    public int nodes() {
        return nodes;
    }

    /** Adds an edge and returns its id (for {@link #flow(int)}); costs must not be negative. */
    public int addEdge(int from, int target, int cap, long edgeCost) {
        if (from < 0 || from >= nodes || target < 0 || target >= nodes) {
            throw new IllegalArgumentException("no such node");
        }
        if (cap < 0 || edgeCost < 0) {
            throw new IllegalArgumentException("capacity and cost must not be negative");
        }
        int id = edges;
        append(from, target, cap, edgeCost);
        append(target, from, 0, -edgeCost);
        return id;
    }

    private void append(int from, int target, int cap, long edgeCost) {
        if (edges == to.length) {
            int grown = edges * 2;
            next = Arrays.copyOf(next, grown);
            to = Arrays.copyOf(to, grown);
            capacity = Arrays.copyOf(capacity, grown);
            cost = Arrays.copyOf(cost, grown);
        }
        to[edges] = target;
        capacity[edges] = cap;
        cost[edges] = edgeCost;
        next[edges] = head[from];
        head[from] = edges;
        edges++;
    }

    /** The flow on an edge returned by {@link #addEdge}. */
    public int flow(int edge) {
        return capacity[edge ^ 1];
    }

    /** The amount and total cost of a flow. */
    public record Result(long flow, long cost) {}

    /** Sends as much flow as possible (at most {@code limit}) from {@code source} to {@code sink} at minimum cost. */
    public Result solve(int source, int sink, long limit) {
        long[] potential = new long[nodes];
        long[] distance = new long[nodes];
        int[] level = new int[nodes];
        int[] current = new int[nodes];
        long flow = 0;
        long total = 0;
        while (flow < limit) {
            if (!shortestDistances(source, sink, potential, distance)) {
                break;
            }
            long reach = distance[sink];
            for (int v = 0; v < nodes; v++) {
                potential[v] += Math.min(distance[v], reach); // capped: reduced costs stay non-negative everywhere
            }
            // blocking flows on the admissible edges (zero reduced cost) until the sink is out of reach at this length
            while (flow < limit && levels(source, sink, potential, level)) {
                System.arraycopy(head, 0, current, 0, nodes);
                long pushed;
                while (flow < limit && (pushed = push(source, sink, limit - flow, potential, level, current)) > 0) {
                    flow += pushed;
                    total += pushed * (potential[sink] - potential[source]);
                }
            }
        }
        return new Result(flow, total);
    }

    private boolean shortestDistances(int source, int sink, long[] potential, long[] distance) {
        Arrays.fill(distance, Long.MAX_VALUE);
        distance[source] = 0;
        PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        queue.add(new long[] {0, source});
        boolean[] done = new boolean[nodes];
        while (!queue.isEmpty()) {
            long[] top = queue.poll();
            int u = (int) top[1];
            if (done[u]) {
                continue;
            }
            done[u] = true;
            for (int e = head[u]; e >= 0; e = next[e]) {
                if (capacity[e] <= 0) {
                    continue;
                }
                int v = to[e];
                long candidate = distance[u] + cost[e] + potential[u] - potential[v];
                if (candidate < distance[v]) {
                    distance[v] = candidate;
                    queue.add(new long[] {candidate, v});
                }
            }
        }
        return distance[sink] != Long.MAX_VALUE;
    }

    private boolean admissible(int e, int u, long[] potential) {
        return capacity[e] > 0 && cost[e] + potential[u] - potential[to[e]] == 0;
    }

    private boolean levels(int source, int sink, long[] potential, int[] level) {
        Arrays.fill(level, -1);
        level[source] = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(source);
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (int e = head[u]; e >= 0; e = next[e]) {
                int v = to[e];
                if (level[v] < 0 && admissible(e, u, potential)) {
                    level[v] = level[u] + 1;
                    queue.add(v);
                }
            }
        }
        return level[sink] >= 0;
    }

    private long push(int u, int sink, long want, long[] potential, int[] level, int[] current) {
        if (u == sink) {
            return want;
        }
        for (; current[u] >= 0; current[u] = next[current[u]]) {
            int e = current[u];
            int v = to[e];
            if (level[v] == level[u] + 1 && admissible(e, u, potential)) {
                long pushed = push(v, sink, Math.min(want, capacity[e]), potential, level, current);
                if (pushed > 0) {
                    capacity[e] -= (int) pushed;
                    capacity[e ^ 1] += (int) pushed;
                    return pushed;
                }
            }
        }
        return 0;
    }
}
