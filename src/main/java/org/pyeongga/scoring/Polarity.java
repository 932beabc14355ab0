package org.pyeongga.scoring;

/** Whether a higher raw value is better (민원 처리율) or worse (처리 기간, 감점 건수). */
public enum Polarity {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER
}
