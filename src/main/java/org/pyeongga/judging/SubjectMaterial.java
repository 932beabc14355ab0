package org.pyeongga.judging;

import java.util.Optional;

/**
 * What an evaluator reads before scoring a subject (for an institution evaluation: the institution's 성과요약서 for
 * the indicator). Implemented by the module that opened the round; judging asks every implementation and shows the
 * first that knows the round's source.
 */
public interface SubjectMaterial {

    /** A title and a plain-text body, shown as text (never as HTML). */
    record Material(String title, String body) {}

    /** Whether this implementation serves rounds opened from {@code source} (e.g. {@code "evaluation"}). */
    boolean serves(String source);

    /** The material for one subject: the round's source reference, the subject's reference and its criterion. */
    Optional<Material> material(String sourceRef, String subjectRef, String criterion);
}
