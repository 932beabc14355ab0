package org.pyeongga.evaluation;

import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The tests' own module that knows a value: indicator V2 (적극행정 우수공무원 선발 인원) is offered as 7, as the contest
 * module's selection statistics will once they exist. No fake is shipped in the app; this lives under src/test only.
 */
@Component
class TestKnownIndicatorValues implements KnownIndicatorValues {

    static final String SOURCE = "적극행정 우수공무원 선발 대장 (시험)";

    @Override
    public Optional<KnownValue> valueFor(Question question) {
        return question.indicatorCode().equals("V2") ? Optional.of(new KnownValue(BigDecimal.valueOf(7), SOURCE))
                : Optional.empty();
    }
}
