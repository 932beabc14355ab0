package org.pyeongga.scoring;

/**
 * The shape of a panel's design, which decides what a normalization can identify: who scored what, whether the design
 * is complete, and whether evaluators and units form one connected group (the bipartite graph with an edge for each
 * score). Evaluators who scored nothing and units nobody scored are not part of the design.
 */
final class PanelDesign {

    final int[] scoresBy;
    final int[] scoresFor;
    /** Evaluators with at least one score. */
    final int activeEvaluators;
    /** Units with at least one score. */
    final int scoredUnits;
    /** Every active evaluator scored every scored unit. */
    final boolean complete;
    /** Connected groups of active evaluators and scored units (0 when there are no scores, 1 when connected). */
    final int groups;

    PanelDesign(EvaluatorScores scores) {
        int m = scores.evaluatorCount();
        int u = scores.unitCount();
        scoresBy = new int[m];
        scoresFor = new int[u];
        int[] parent = new int[m + u];
        for (int k = 0; k < parent.length; k++) {
            parent[k] = k;
        }
        int edges = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < u; j++) {
                if (scores.scored(i, j)) {
                    scoresBy[i]++;
                    scoresFor[j]++;
                    edges++;
                    union(parent, i, m + j);
                }
            }
        }
        int active = 0;
        int scored = 0;
        int roots = 0;
        for (int i = 0; i < m; i++) {
            if (scoresBy[i] > 0) {
                active++;
                if (find(parent, i) == i) {
                    roots++;
                }
            }
        }
        for (int j = 0; j < u; j++) {
            if (scoresFor[j] > 0) {
                scored++;
                if (find(parent, m + j) == m + j) {
                    roots++;
                }
            }
        }
        activeEvaluators = active;
        scoredUnits = scored;
        complete = edges == active * scored;
        groups = roots;
    }

    /** Active evaluators who scored fewer than {@code minimum} units. */
    int evaluatorsBelow(int minimum) {
        int n = 0;
        for (int s : scoresBy) {
            if (s > 0 && s < minimum) {
                n++;
            }
        }
        return n;
    }

    private static int find(int[] parent, int k) {
        int root = k;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[k] != root) {
            int next = parent[k];
            parent[k] = root;
            k = next;
        }
        return root;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
