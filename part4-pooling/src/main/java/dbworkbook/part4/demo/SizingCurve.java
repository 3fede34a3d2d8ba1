package dbworkbook.part4.demo;

import static dbworkbook.common.demo.Figures.count;
import static dbworkbook.common.demo.Figures.decimals;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.demo.Chart;
import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.demo.Percentiles;
import dbworkbook.common.demo.Section;
import dbworkbook.common.demo.Table;
import dbworkbook.part4.Await;
import dbworkbook.part4.PoolState;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Lesson 6: a fixed number of workers share pools of 1, 2, 4, ... connections, directly and through the delay
 * relay: throughput, the wait for a connection, and, by Little's law, how many connections were busy on average.
 */
final class SizingCurve implements Measurement<SizingCurve.Result> {

    /** The unit of work: a short, indexed read, as most requests of a web application are. */
    static final String UNIT_OF_WORK = "SELECT count(*), sum(price) FROM car WHERE dealership_id = ?";
    /** Kept free for everyone else on the server when the demo decides which pool sizes fit. */
    private static final int CONNECTIONS_LEFT_FOR_OTHERS = 10;

    /**
     * One pool size, directly or relayed. {@code busyConnections}: Little's law, units per second times the mean
     * time a connection was held, the connections at work on average.
     */
    record Point(int poolSize, boolean relayed, int units, double unitsPerSecond, double waitP50Ms,
                 double waitP99Ms, double heldMeanMs, double busyConnections) {
    }

    record Result(int workers, String unitOfWork, long measureMs, int cores, int ruleOfThumb,
                  double relaySetToAddMs, int connectionsAvailable, List<Integer> skippedPoolSizes,
                  List<Point> points) {

        List<Point> of(boolean relayed) {
            return points.stream().filter(p -> p.relayed() == relayed).toList();
        }

        Point best(boolean relayed) {
            return of(relayed).stream().max(Comparator.comparingDouble(Point::unitsPerSecond)).orElseThrow();
        }

        /** The measured size nearest the rule of thumb, from below. */
        Point atRuleOfThumb(boolean relayed) {
            return of(relayed).stream().filter(p -> p.poolSize() <= ruleOfThumb)
                    .max(Comparator.comparingInt(Point::poolSize)).orElse(of(relayed).get(0));
        }
    }

    @Override
    public String title() {
        return "Pool size against throughput";
    }

    @Override
    public Result measure(DemoContext context) throws Exception {
        int workers = context.options().get(Part4Demo.WORKERS);
        Duration measure = Duration.ofMillis(context.options().get(Part4Demo.MEASURE_MS));
        int dealerships = Part4Demo.dealerships(context.options());
        int available = connectionsAvailable(context);
        int cores = Runtime.getRuntime().availableProcessors();
        InetSocketAddress relay = context.relay(context.options().roundTrip()).address();
        List<Point> points = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        for (int size = 1; size <= workers; size *= 2) {
            if (size > available) {
                skipped.add(size);
                continue;
            }
            for (boolean relayed : new boolean[] {false, true}) {
                context.progress("pool of " + size + (relayed ? ", through the relay" : ", directly"));
                int poolSize = size;
                Consumer<HikariConfig> settings = config -> config.setMaximumPoolSize(poolSize);
                String name = "part4-size-" + size + (relayed ? "-relayed" : "");
                try (HikariDataSource pool = relayed
                        ? context.database().pooledDataSourceThrough(relay, name, settings)
                        : context.database().pooledDataSource(name, settings)) {
                    Await.until("the pool of " + size + " filled", () -> PoolState.of(pool).total() == poolSize);
                    // The first size warms up the JIT compiler for all; later ones only need their connections used.
                    Workers.run(pool, workers, points.isEmpty() ? context.options().minWarmup()
                            : Duration.ofMillis(Math.min(300, measure.toMillis())), unit -> unitOfWork(unit, dealerships));
                    points.add(point(size, relayed, Workers.run(pool, workers, measure,
                            unit -> unitOfWork(unit, dealerships))));
                }
            }
        }
        return new Result(workers, UNIT_OF_WORK, measure.toMillis(), cores, cores * 2,
                context.options().roundTrip().toNanos() / 1e6, available, skipped, points);
    }

    private static Point point(int size, boolean relayed, Workers.Run run) {
        Percentiles waits = Percentiles.of(run.waitNanos());
        double heldMean = Arrays.stream(run.heldNanos()).average().orElse(0) / 1e6;
        return new Point(size, relayed, run.units(), run.unitsPerSecond(), waits.millis(0.5), waits.millis(0.99),
                heldMean, run.unitsPerSecond() * heldMean / 1000);
    }

    static void unitOfWork(Connection connection, int dealerships) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UNIT_OF_WORK)) {
            statement.setLong(1, 1 + ThreadLocalRandom.current().nextInt(dealerships));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
            }
        }
    }

    private static int connectionsAvailable(DemoContext context) throws SQLException {
        try (Connection connection = context.database().connect();
             PreparedStatement statement = connection.prepareStatement("SELECT current_setting('max_connections')::int "
                     + "- current_setting('superuser_reserved_connections')::int "
                     + "- (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')::int");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getInt(1) - CONNECTIONS_LEFT_FOR_OTHERS;
        }
    }

    @Override
    public Section present(Result result, DemoContext context) {
        String far = "+" + decimals(result.relaySetToAddMs(), 2) + " ms";
        Point bestDirect = result.best(false);
        Point bestRelayed = result.best(true);
        Point ruleDirect = result.atRuleOfThumb(false);
        Point ruleRelayed = result.atRuleOfThumb(true);
        String rule = "HikariCP's rule of thumb, cores x 2 + spindles, gives " + result.cores() + " x 2 + 0 = "
                + result.ruleOfThumb() + " for this machine";
        String throughput = "Directly, the best throughput was with a pool of " + bestDirect.poolSize() + " ("
                + count(Math.round(bestDirect.unitsPerSecond())) + " units/s); through the relay, with "
                + bestRelayed.poolSize() + " (" + count(Math.round(bestRelayed.unitsPerSecond())) + " units/s). "
                + rule + ": a pool of " + ruleDirect.poolSize() + " reached "
                + percent(ruleDirect.unitsPerSecond() / bestDirect.unitsPerSecond()) + " of the best directly and "
                + percent(ruleRelayed.unitsPerSecond() / bestRelayed.unitsPerSecond()) + " through the relay.";
        String littlesLaw = "Little's law: connections at work = throughput x the time each is held. At the best "
                + "size, a unit held its connection " + decimals(bestDirect.heldMeanMs(), 3) + " ms directly and "
                + decimals(bestRelayed.heldMeanMs(), 3) + " ms through the relay, so the same throughput needs "
                + decimals(bestRelayed.heldMeanMs() / bestDirect.heldMeanMs(), 0) + " times the connections: "
                + (bestRelayed.poolSize() > bestDirect.poolSize() ? "the relay moves the peak to a larger pool ("
                        + bestDirect.poolSize() + " to " + bestRelayed.poolSize() + (bestRelayed.poolSize()
                        == result.of(true).get(result.of(true).size() - 1).poolSize() ? ", the largest measured: with "
                        + result.workers() + " workers a larger pool has nothing to do" : "") + ")."
                        : bestRelayed.poolSize() == bestDirect.poolSize() ? "the peak stays at the same size here."
                        : "yet the peak came at a smaller pool here.")
                + " With " + bestRelayed.poolSize() + " connections through the relay, "
                + decimals(bestRelayed.busyConnections(), 1) + " were at work on average (the table's busy column).";
        String why = "The rule is a starting point for a database server with cores and disks of its own. Here the "
                + result.workers() + " workers, the server's processes and the relay share " + result.cores()
                + " cores, and a connection stays borrowed while its worker waits for a core, so "
                + (bestDirect.poolSize() > result.ruleOfThumb() ? "more connections than the rule kept the work "
                        + "flowing." : "the rule held.");
        Chart.Builder units = Chart.titled("Throughput against pool size")
                .x("pool size (connections)", "", true).y("throughput", "units of work/s", false)
                .marker(result.ruleOfThumb(), "rule of thumb: " + result.ruleOfThumb());
        Chart.Builder waits = Chart.titled("The wait for a connection (p99) against pool size")
                .x("pool size (connections)", "", true).y("wait for a connection, p99", "ms", true)
                .marker(result.ruleOfThumb(), "rule of thumb: " + result.ruleOfThumb());
        for (boolean relayed : new boolean[] {false, true}) {
            List<Chart.Point> throughputPoints = result.of(relayed).stream()
                    .map(p -> Chart.Point.of(p.poolSize(), p.unitsPerSecond())).toList();
            List<Chart.Point> waitPoints = result.of(relayed).stream().filter(p -> p.waitP99Ms() > 0)
                    .map(p -> Chart.Point.of(p.poolSize(), p.waitP99Ms())).toList();
            if (relayed) {
                units.dashedSeries("through the relay (" + far + ")", throughputPoints);
                waits.dashedSeries("through the relay (" + far + ")", waitPoints);
            } else {
                units.series("directly", throughputPoints);
                waits.series("directly", waitPoints);
            }
        }
        Point smallest = result.of(false).get(0);
        Section.Builder section = Section.titled(title() + ": " + result.workers() + " workers, each unit of work "
                        + "one indexed read (" + result.measureMs() + " ms per size, directly and through the relay)")
                .table(Table.of("", result.points())
                        .column("pool size", p -> count(p.poolSize()))
                        .column("connection", p -> p.relayed() ? "relay " + far : "direct")
                        .column("units/s", p -> count(Math.round(p.unitsPerSecond())))
                        .column("wait p50 ms", p -> decimals(p.waitP50Ms(), 3))
                        .column("wait p99 ms", p -> decimals(p.waitP99Ms(), 3))
                        .column("held mean ms", p -> decimals(p.heldMeanMs(), 3))
                        .column("busy (Little)", p -> decimals(p.busyConnections(), 1))
                        .build())
                .chart(units.reading(throughput))
                .chart(waits.reading("With a pool of " + smallest.poolSize() + " the slowest 1% of units waited "
                        + decimals(smallest.waitP99Ms(), 1) + " ms or more for a connection directly; with "
                        + bestDirect.poolSize() + ", " + decimals(bestDirect.waitP99Ms(), 3) + " ms. Both axes are "
                        + "logarithmic; a wait of 0 has no point on them."))
                .reading(throughput)
                .reading(littlesLaw)
                .reading(why);
        if (!result.skippedPoolSizes().isEmpty()) {
            section.reading("Skipped pool sizes " + result.skippedPoolSizes() + ": the server has "
                    + result.connectionsAvailable() + " connections to spare (max_connections, less those in use, "
                    + "less " + CONNECTIONS_LEFT_FOR_OTHERS + " left for others).");
        }
        return section.build();
    }

    private static String percent(double fraction) {
        return Math.round(fraction * 100) + "%";
    }
}
