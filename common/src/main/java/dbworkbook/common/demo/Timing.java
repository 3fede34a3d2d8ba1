package dbworkbook.common.demo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Times a piece of work the simple, honest way a demo can: warm-up runs first, then several measured runs, and the
 * median of those, which one slow run cannot drag. For error bars and a real benchmark harness, see JMH in
 * chapter 3.
 *
 * <p>Warm-up is bounded by count and by time: at least {@code warmups} rounds, and rounds until {@code minWarmup}
 * has passed. A count alone is not enough for fast work: the JIT compiler keeps compiling the hot code for a second or
 * two, on the same cores the measured runs need, and a 30 ms task measured in that window looks several times slower
 * than it is.
 */
public final class Timing {

    private Timing() {
    }

    /** The measured runs of one piece of work, in nanoseconds. */
    public record Sample(long[] nanos) {

        public double medianMillis() {
            return Percentiles.of(nanos).millis(0.5);
        }

        public double minMillis() {
            return Percentiles.of(nanos).millis(0);
        }

        public double maxMillis() {
            return Percentiles.of(nanos).maxMillis();
        }

        public int runs() {
            return nanos.length;
        }
    }

    /**
     * Times several pieces of work that are to be compared, interleaved: they warm up together, then each round of
     * measurement runs every one of them once. Whatever slows the machine for a while (the JIT compiler, a garbage
     * collection, the database's autovacuum) then slows all of them a little rather than one of them a lot.
     */
    public static <K> Map<K, Sample> measureInterleaved(Map<K, Runnable> work, int warmups, Duration minWarmup,
                                                        int runs) {
        long warmupEnd = System.nanoTime() + minWarmup.toNanos();
        for (int i = 0; i < warmups || System.nanoTime() < warmupEnd; i++) {
            work.values().forEach(Runnable::run);
        }
        Map<K, long[]> nanos = new LinkedHashMap<>();
        work.keySet().forEach(key -> nanos.put(key, new long[runs]));
        for (int i = 0; i < runs; i++) {
            for (Map.Entry<K, Runnable> entry : work.entrySet()) {
                long start = System.nanoTime();
                entry.getValue().run();
                nanos.get(entry.getKey())[i] = System.nanoTime() - start;
            }
        }
        Map<K, Sample> samples = new LinkedHashMap<>();
        nanos.forEach((key, times) -> samples.put(key, new Sample(times)));
        return samples;
    }
}
