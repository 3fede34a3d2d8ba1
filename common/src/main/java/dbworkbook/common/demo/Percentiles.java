package dbworkbook.common.demo;

import java.util.Arrays;

/** Durations sorted once, read at any rank: the median, p95, p99 of what a demo measured. */
public final class Percentiles {

    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    public static Percentiles of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted);
    }

    /** The value at or below which {@code fraction} of the values lie (nearest rank), in milliseconds. */
    public double millis(double fraction) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
    }

    public double maxMillis() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
    }

    public int count() {
        return sorted.length;
    }
}
