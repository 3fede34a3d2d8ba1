package dbworkbook.common.demo;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A demo's options: those every chapter has (runs, warm-ups, warm-up time, the added round trip, the scale) and the
 * chapter's own, each with a default, given as {@code -Ddemo.args="--runs 3 --scale-percent 10"} (see
 * {@link DemoArguments}).
 *
 * <p>{@code --scale-percent} shrinks or grows every size a demo uses (rows, dealerships, workers): 10 makes a quick
 * run, 100 the default, 1000 a long one. The demos' smoke tests run at 1.
 */
public final class DemoOptions {

    public static final String RUNS = "--runs";
    public static final String WARMUPS = "--warmups";
    public static final String WARMUP_MS = "--warmup-ms";
    public static final String ROUND_TRIP_US = "--round-trip-us";
    public static final String SCALE_PERCENT = "--scale-percent";
    /** Measured runs per point of a sweep (a point whose first run is long runs once: see DemoContext). */
    public static final String SWEEP_RUNS = "--sweep-runs";

    private final DemoArguments arguments;
    private final Map<String, Integer> values;

    private DemoOptions(DemoArguments arguments, Map<String, Integer> values) {
        this.arguments = arguments;
        this.values = values;
    }

    /** The shared options' defaults, then the chapter's (which may change a shared one's default). */
    public static DemoOptions parse(String[] args, Map<String, Integer> chapterDefaults) {
        Map<String, Integer> defaults = new LinkedHashMap<>();
        defaults.put(RUNS, 5);
        defaults.put(WARMUPS, 2);
        defaults.put(WARMUP_MS, 1500);
        defaults.put(ROUND_TRIP_US, 500);
        defaults.put(SCALE_PERCENT, 100);
        defaults.put(SWEEP_RUNS, 3);
        defaults.putAll(chapterDefaults);
        DemoArguments arguments = DemoArguments.parse(args, defaults);
        Map<String, Integer> values = new LinkedHashMap<>();
        defaults.keySet().forEach(name -> values.put(name, arguments.get(name)));
        if (values.get(RUNS) < 1 || values.get(SWEEP_RUNS) < 1 || values.get(SCALE_PERCENT) < 1) {
            throw arguments.invalid("At least 1 run, 1 sweep run, and a scale of at least 1 percent.");
        }
        return new DemoOptions(arguments, Collections.unmodifiableMap(values));
    }

    public int runs() {
        return values.get(RUNS);
    }

    public int warmups() {
        return values.get(WARMUPS);
    }

    public int sweepRuns() {
        return values.get(SWEEP_RUNS);
    }

    public Duration minWarmup() {
        return Duration.ofMillis(values.get(WARMUP_MS));
    }

    /** The round trip the delay relay adds, as between two machines in one data centre (0.5 ms by default). */
    public Duration roundTrip() {
        return Duration.ofNanos(values.get(ROUND_TRIP_US) * 1000L);
    }

    /** {@code n} at this run's scale, at least {@code 1}. */
    public int scaled(int n) {
        return (int) Math.max(1, (long) n * values.get(SCALE_PERCENT) / 100);
    }

    /** A chapter's own option. */
    public int get(String name) {
        return arguments.get(name);
    }

    /** For a demo's own checks: the reason, followed by the usage line. */
    public IllegalArgumentException invalid(String reason) {
        return arguments.invalid(reason);
    }

    /** Every option with its value, for the record of the run. */
    public Map<String, Integer> values() {
        return values;
    }
}
