package dev.sale4j.eval.suite;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The paper's five human-solution-time bins, in minutes, each open below and closed above. In this suite a task's
 * bin is a documented proxy per source (see {@code docs/task-suite.md}), not a measured human time.
 */
public enum TimeBin {
    B1(0, 0.1),
    B2(0.1, 0.5),
    B3(0.5, 2.5),
    B4(2.5, 12.5),
    B5(12.5, 60);

    private final double lowerMinutes;
    private final double upperMinutes;

    TimeBin(double lowerMinutes, double upperMinutes) {
        this.lowerMinutes = lowerMinutes;
        this.upperMinutes = upperMinutes;
    }

    public double lowerMinutes() {
        return lowerMinutes;
    }

    public double upperMinutes() {
        return upperMinutes;
    }

    /** @return the interval as written in suite files and reports, e.g. {@code (0.5,2.5]} */
    public String label() {
        return "(" + format(lowerMinutes) + "," + format(upperMinutes) + "]";
    }

    /** @return the bin holding a human time of {@code minutes}, which must lie in (0, 60] */
    public static TimeBin ofMinutes(double minutes) {
        for (TimeBin bin : values()) {
            if (minutes > bin.lowerMinutes && minutes <= bin.upperMinutes) {
                return bin;
            }
        }
        throw new IllegalArgumentException("human time " + minutes + " min is outside the bins (0,60]; give a time"
                + " in minutes greater than 0 and at most 60");
    }

    /** Parses a label such as {@code (0.5,2.5]} (spaces ignored) or a bin name {@code B1}..{@code B5}. */
    public static TimeBin parse(String text) {
        String compact = text == null ? "" : text.replace(" ", "");
        for (TimeBin bin : values()) {
            if (bin.label().equals(compact) || bin.name().equalsIgnoreCase(compact)) {
                return bin;
            }
        }
        throw new IllegalArgumentException("unknown time bin '" + text + "'; use one of "
                + Arrays.stream(values()).map(TimeBin::label).collect(Collectors.joining(" ")));
    }

    private static String format(double minutes) {
        return minutes == Math.rint(minutes) ? Long.toString((long) minutes) : Double.toString(minutes);
    }

    @Override
    public String toString() {
        return label();
    }
}
