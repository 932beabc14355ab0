package org.pyeongga.voting.admin.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Server-rendered charts (no chart library, no script): the geometry of an SVG column chart and the widths of CSS bars.
 * Every chart on the owners' pages also has its numbers in a table next to it.
 */
final class Charts {

    static final int WIDTH = 720;
    static final int HEIGHT = 220;
    private static final int LEFT = 48;
    private static final int BOTTOM = 28;
    private static final int TOP = 12;

    private Charts() {}

    /** One column of a column chart: its label, value and rectangle; {@code marked} columns are drawn highlighted. */
    record Column(String label, long value, double x, double y, double width, double height, boolean marked) {}

    /** A horizontal gridline with its value. */
    record Tick(long value, double y) {}

    /** A column chart {@link #WIDTH} × {@link #HEIGHT} in SVG user units; labels are shown for every {@code labelEvery}-th column. */
    record ColumnChart(List<Column> columns, List<Tick> ticks, long max, int labelEvery, int width, int height, int left,
            double baseline) {}

    /** A value with its share of the largest value (0–100, for a CSS bar width) and of the total (a percentage). */
    record Bar(String label, long value, double widthPercent, double sharePercent) {}

    /** A series of (label, value, marked) as columns scaled to the largest value. */
    static ColumnChart columns(List<String> labels, List<Long> values, List<Boolean> marked) {
        long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
        long top = niceCeiling(max);
        double plotWidth = WIDTH - LEFT - 8;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double baseline = TOP + plotHeight;
        int n = Math.max(values.size(), 1);
        double slot = plotWidth / n;
        double gap = slot > 6 ? Math.min(slot * 0.2, 6) : 0;
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            double h = top == 0 ? 0 : plotHeight * values.get(i) / top;
            columns.add(new Column(labels.get(i), values.get(i), round(LEFT + i * slot + gap / 2), round(baseline - h),
                    round(Math.max(slot - gap, 1)), round(h), marked.get(i)));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int t = 0; t <= 4; t++) {
            long value = top * t / 4;
            ticks.add(new Tick(value, round(baseline - (top == 0 ? 0 : plotHeight * value / top))));
        }
        int labelEvery = Math.max(1, (int) Math.ceil(n / 8.0));
        return new ColumnChart(columns, ticks, max, labelEvery, WIDTH, HEIGHT, LEFT, baseline);
    }

    /** Horizontal bars: widths relative to the largest value, shares of the total. */
    static List<Bar> bars(List<String> labels, List<Long> values) {
        long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
        long total = values.stream().mapToLong(Long::longValue).sum();
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            long v = values.get(i);
            bars.add(new Bar(labels.get(i), v, max == 0 ? 0 : round(100.0 * v / max), total == 0 ? 0 : round(100.0 * v / total)));
        }
        return bars;
    }

    /** The smallest of 1, 2, 5 × 10ⁿ (and 4 for quarter ticks) at or above {@code max}; 0 stays 0. */
    static long niceCeiling(long max) {
        if (max <= 0) {
            return 0;
        }
        if (max <= 4) {
            return 4;
        }
        long magnitude = 1;
        while (magnitude * 10 < max) {
            magnitude *= 10;
        }
        for (long step : new long[] {1, 2, 4, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
