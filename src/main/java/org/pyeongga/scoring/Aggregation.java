package org.pyeongga.scoring;

/**
 * How normalized indicator values combine into a total (methods §3.2.5). With points p_k (배점) and P = Σ p_k:
 * arithmetic Σ p_k·y_k (fully compensatory: the usual Korean evaluation); geometric P·Π y_k^(p_k/P) (a weak
 * indicator cannot be fully bought back by a strong one; y below {@link ScoringEngine#GEOMETRIC_FLOOR} counts as it).
 */
public enum Aggregation {
    ARITHMETIC,
    GEOMETRIC
}
