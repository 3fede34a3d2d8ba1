package dbworkbook.common.demo;

import dbworkbook.common.Workbook;
import dbworkbook.common.WorkbookDatabase;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;
import java.util.stream.LongStream;

/**
 * What a measurement works with: the chapter's database (its data loaded), the run's options, the delay relays, the
 * interleaved timing with the run's warm-up and runs, and a progress line for each step of a long measurement.
 */
public final class DemoContext implements AutoCloseable {

    private final Workbook workbook;
    private final WorkbookDatabase database;
    private final DemoOptions options;
    private final PrintStream out;
    private final Path outputDirectory;
    private final Map<Duration, NetworkDelayProxy> relays = new LinkedHashMap<>();
    private String stepPrefix = "";

    DemoContext(Workbook workbook, WorkbookDatabase database, DemoOptions options, PrintStream out,
                Path outputDirectory) {
        this.workbook = workbook;
        this.database = database;
        this.options = options;
        this.out = out;
        this.outputDirectory = outputDirectory;
    }

    public Workbook workbook() {
        return workbook;
    }

    /** The chapter's database, with the data the chapter loaded into it. */
    public WorkbookDatabase database() {
        return database;
    }

    public DemoOptions options() {
        return options;
    }

    /**
     * A file of the measurement's own (traces for a tracing tool, say) beside the chapter's JSON: in the module's
     * {@code target} folder when the demo runs, in the smoke test's folder when it is tested. Its folder exists.
     */
    public Path outputFile(String name) {
        try {
            Files.createDirectories(outputDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + outputDirectory, e);
        }
        return outputDirectory.resolve(name);
    }

    /** Says what the measurement is doing now: {@code [chapter 1 - 3/7] latency sweep: +1.0 ms}. */
    public void progress(String detail) {
        out.println(stepPrefix + ": " + detail);
    }

    void startStep(String prefix) {
        stepPrefix = prefix;
        out.println(prefix);
    }

    /**
     * A relay on the loopback address that adds {@code roundTrip} to every round trip to the server (see
     * {@link NetworkDelayProxy}); one per round trip, closed when the demo ends. Close the pools that use it first.
     */
    public NetworkDelayProxy relay(Duration roundTrip) {
        return relays.computeIfAbsent(roundTrip, rtt -> {
            try {
                return NetworkDelayProxy.start(workbook.server().address(), rtt);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the delay relay", e);
            }
        });
    }

    /**
     * A database of the measurement's own (a sweep's data set, say), dropped with {@code close()}: a sweep makes one
     * per point and drops it before the next, so the server holds one at a time.
     */
    public WorkbookDatabase newDatabase(String purpose) {
        return workbook.createDatabase(purpose);
    }

    /** {@link Timing#measureInterleaved} with this run's warm-up and runs. */
    public <K> Map<K, Timing.Sample> timeInterleaved(Map<K, Runnable> work) {
        return Timing.measureInterleaved(work, options.warmups(), options.minWarmup(), options.runs());
    }

    /** The same, with a warm-up and number of runs of the measurement's own (a sweep's points, say). */
    public <K> Map<K, Timing.Sample> timeInterleaved(Map<K, Runnable> work, int warmups, Duration minWarmup, int runs) {
        return Timing.measureInterleaved(work, warmups, minWarmup, runs);
    }

    /** The added round trips of a sweep up to {@code max}: none (directly), then 1/8, 1/4, 1/2, 3/4 and all of it. */
    public static List<Duration> roundTripsUpTo(Duration max) {
        return DoubleStream.of(0, 0.125, 0.25, 0.5, 0.75, 1)
                .mapToObj(fraction -> Duration.ofNanos(Math.round(fraction * max.toNanos() / 1000) * 1000))
                .toList();
    }

    /** A piece of work whose first run at a sweep's point takes longer than this runs only once there. */
    public static final Duration ONE_RUN_IF_LONGER = Duration.ofMillis(500);

    /**
     * Times the work of one point of a sweep: one run each, then {@code runs - 1} more, interleaved, of those whose
     * first run was shorter than {@link #ONE_RUN_IF_LONGER} (a run of seconds says what it costs, a run of
     * milliseconds needs its median). No warm-up: a sweep comes after the chapter's first measurements have warmed
     * the code up, and a median sets a slow first run aside.
     */
    public <K> Map<K, Timing.Sample> timeSweepPoint(Map<K, Runnable> work, int runs) {
        Map<K, Timing.Sample> first = Timing.measureInterleaved(work, 0, Duration.ZERO, 1);
        Map<K, Runnable> quick = new LinkedHashMap<>(work);
        quick.keySet().removeIf(key -> first.get(key).medianMillis() > ONE_RUN_IF_LONGER.toMillis());
        Map<K, Timing.Sample> more = runs > 1 && !quick.isEmpty()
                ? Timing.measureInterleaved(quick, 0, Duration.ZERO, runs - 1) : Map.of();
        Map<K, Timing.Sample> samples = new LinkedHashMap<>();
        first.forEach((key, sample) -> samples.put(key, more.containsKey(key)
                ? new Timing.Sample(LongStream.concat(LongStream.of(sample.nanos()),
                        LongStream.of(more.get(key).nanos())).toArray())
                : sample));
        return samples;
    }

    /** Drops the chapter's database (its pools first), then stops the relays those pools talked through. */
    @Override
    public void close() {
        database.close();
        relays.values().forEach(NetworkDelayProxy::close);
        relays.clear();
    }
}
