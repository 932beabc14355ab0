package org.pyeongga.voting.portal.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A server-rendered bar chart (templates/voting/portal/fragments.html :: chart): one bar per row, its length the share
 * of the largest value, with the same numbers in a table for screen readers and for copying.
 */
record Chart(String caption, String valueHeading, List<Row> rows) {

    record Row(String label, long value, BigDecimal percent, BigDecimal width, boolean leading) {
    }

    /** Rows with the percentage of {@code total} (one decimal, half up) and bar widths relative to the largest. */
    static Chart of(String caption, String valueHeading, List<String> labels, List<Long> values, long total) {
        long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
        var rows = new java.util.ArrayList<Row>();
        for (int i = 0; i < labels.size(); i++) {
            long v = values.get(i);
            rows.add(new Row(labels.get(i), v, share(v, total), share(v, max), v > 0 && v == max));
        }
        return new Chart(caption, valueHeading, List.copyOf(rows));
    }

    private static BigDecimal share(long value, long of) {
        if (of <= 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(value * 100L).divide(BigDecimal.valueOf(of), 1, RoundingMode.HALF_UP);
    }
}
