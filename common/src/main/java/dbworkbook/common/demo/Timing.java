package dbworkbook.common.demo;

import java.util.Arrays;

/**
 * Times a piece of work the simple, honest way a demo can: a few warm-up runs first (class loading, JIT, the
 * server's caches), then several measured runs, and the median of those, which one slow run cannot drag.
 * For error bars and a real benchmark harness, see JMH in chapter 3.
 */
public final class Timing {

    private Timing() {
    }

    /** The measured runs of one piece of work, in nanoseconds. */
    public record Sample(long[] nanos) {

        public double medianMillis() {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int middle = sorted.length / 2;
            double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
            return median / 1_000_000.0;
        }

        public double minMillis() {
            return Arrays.stream(nanos).min().orElse(0) / 1_000_000.0;
        }

        public double maxMillis() {
            return Arrays.stream(nanos).max().orElse(0) / 1_000_000.0;
        }

        public int runs() {
            return nanos.length;
        }
    }

    public static Sample measure(int warmups, int runs, Runnable work) {
        for (int i = 0; i < warmups; i++) {
            work.run();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            nanos[i] = System.nanoTime() - start;
        }
        return new Sample(nanos);
    }
}
