package org.pyeongga.judging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The primal–dual solver against a textbook one (successive shortest paths with Bellman–Ford, one path at a time) on
 * random graphs: the same maximum flow at the same minimum cost, and every edge's flow within its capacity.
 */
class MinCostFlowTests {

    @Test
    void choosesTheCheaperOfTwoRoutes() {
        var flow = new MinCostFlow(4);
        int cheap = flow.addEdge(0, 1, 1, 1);
        int dear = flow.addEdge(0, 2, 5, 10);
        flow.addEdge(1, 3, 5, 1);
        flow.addEdge(2, 3, 5, 1);
        var result = flow.solve(0, 3, 3);
        assertThat(result.flow()).isEqualTo(3);
        assertThat(result.cost()).isEqualTo(2 + 2 * 11);
        assertThat(flow.flow(cheap)).isEqualTo(1);
        assertThat(flow.flow(dear)).isEqualTo(2);
    }

    @Test
    void reroutesAlongAResidualEdgeWhenThatIsCheaper() {
        // the classic case where the first shortest path must be partly undone
        var flow = new MinCostFlow(4);
        flow.addEdge(0, 1, 1, 1);
        flow.addEdge(0, 2, 1, 5);
        flow.addEdge(1, 2, 1, 1);
        flow.addEdge(1, 3, 1, 5);
        flow.addEdge(2, 3, 1, 1);
        var result = flow.solve(0, 3, 10);
        assertThat(result.flow()).isEqualTo(2);
        assertThat(result.cost()).isEqualTo(12);
    }

    @Test
    void refusesNegativeCostsAndUnknownNodes() {
        var flow = new MinCostFlow(3);
        assertThatThrownBy(() -> flow.addEdge(0, 1, 1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> flow.addEdge(0, 3, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(flow.solve(0, 2, 5).flow()).isZero();
    }

    static LongStream seeds() {
        return LongStream.range(1, 61);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void matchesSuccessiveShortestPathsOnRandomGraphs(long seed) {
        var random = new SplittableRandom(seed);
        int n = 2 + random.nextInt(12);
        int m = random.nextInt(40);
        var flow = new MinCostFlow(n);
        var reference = new Reference(n);
        List<int[]> added = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            int u = random.nextInt(n);
            int v = random.nextInt(n);
            if (u == v) {
                continue;
            }
            int cap = random.nextInt(5);
            int cost = random.nextInt(20);
            added.add(new int[] {flow.addEdge(u, v, cap, cost), cap});
            reference.add(u, v, cap, cost);
        }
        long limit = random.nextBoolean() ? Long.MAX_VALUE : random.nextInt(8);
        var result = flow.solve(0, n - 1, limit);
        long[] expected = reference.solve(0, n - 1, limit);
        assertThat(result.flow()).as("flow").isEqualTo(expected[0]);
        assertThat(result.cost()).as("cost").isEqualTo(expected[1]);
        for (int[] edge : added) {
            assertThat(flow.flow(edge[0])).isBetween(0, edge[1]);
        }
    }

    /** Successive shortest paths with Bellman–Ford, one augmenting path at a time. */
    private static final class Reference {
        final int n;
        final List<long[]> edges = new ArrayList<>(); // from, to, cap, cost

        Reference(int n) {
            this.n = n;
        }

        void add(int u, int v, int cap, int cost) {
            edges.add(new long[] {u, v, cap, cost});
            edges.add(new long[] {v, u, 0, -cost});
        }

        long[] solve(int s, int t, long limit) {
            long flow = 0;
            long cost = 0;
            while (flow < limit) {
                long[] dist = new long[n];
                int[] via = new int[n];
                Arrays.fill(dist, Long.MAX_VALUE);
                Arrays.fill(via, -1);
                dist[s] = 0;
                for (int round = 0; round < n; round++) {
                    for (int e = 0; e < edges.size(); e++) {
                        long[] edge = edges.get(e);
                        int u = (int) edge[0];
                        int v = (int) edge[1];
                        if (edge[2] > 0 && dist[u] != Long.MAX_VALUE && dist[u] + edge[3] < dist[v]) {
                            dist[v] = dist[u] + edge[3];
                            via[v] = e;
                        }
                    }
                }
                if (dist[t] == Long.MAX_VALUE) {
                    break;
                }
                long push = limit - flow;
                for (int v = t; v != s; v = (int) edges.get(via[v])[0]) {
                    push = Math.min(push, edges.get(via[v])[2]);
                }
                for (int v = t; v != s; v = (int) edges.get(via[v])[0]) {
                    edges.get(via[v])[2] -= push;
                    edges.get(via[v] ^ 1)[2] += push;
                }
                flow += push;
                cost += push * dist[t];
            }
            return new long[] {flow, cost};
        }
    }
}
