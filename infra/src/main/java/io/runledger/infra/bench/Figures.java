package io.runledger.infra.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The benchmark's results: figure, value, target and the value's ratio to its baseline, as a table. */
final class Figures {

    private record Figure(String name, String value, String target, String ratio) {}

    private final List<Figure> rows = new ArrayList<>();

    void add(String name, String value, String target, String ratio) {
        rows.add(new Figure(name, value, target, ratio));
        System.out.printf("%-58s %16s%n", name, value);
    }

    static String rate(double perSecond, String unit) {
        return String.format("%,.0f %s/s", perSecond, unit);
    }

    static String ratio(double value, double baseline) {
        return baseline <= 0 ? "" : String.format("%.0f%%", 100 * value / baseline);
    }

    static long percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }

    /** The percentile of durations in nanoseconds, in milliseconds. */
    static double millis(long[] nanos, double p) {
        return percentile(nanos, p) / 1e6;
    }

    String table() {
        StringBuilder table = new StringBuilder("| figure | value | target | ratio |\n| --- | --- | --- | --- |\n");
        rows.forEach(row -> table.append("| ")
                .append(row.name())
                .append(" | ")
                .append(row.value())
                .append(" | ")
                .append(row.target())
                .append(" | ")
                .append(row.ratio())
                .append(" |\n"));
        return table.toString();
    }
}
