package dbworkbook.part4;

import static dbworkbook.common.demo.Figures.count;
import static dbworkbook.common.demo.Figures.decimals;
import static dbworkbook.common.demo.Figures.times;

import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.Workbook;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.demo.DemoArguments;
import dbworkbook.common.demo.DemoReport;
import dbworkbook.common.demo.RoundTrips;
import dbworkbook.common.demo.TextTable;
import dbworkbook.common.demo.Timing;
import dbworkbook.common.domain.DataGenerator;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.logging.LogCapture;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;

/**
 * Chapter 4's demo: what a pool saves, how its size shapes throughput and waiting, and what it looks like when it
 * runs dry, leaks, or loses its connections. Every number is measured in this run.
 *
 * <ol>
 *   <li>A new connection per unit of work against a borrow from HikariCP: per operation, and as throughput.</li>
 *   <li>The sizing curve: a fixed number of workers share pools of 1, 2, 4, ... connections; throughput and the
 *       time each unit of work waited for a connection (p50, p99).</li>
 *   <li>An exhaustion event, a leak warning and a recovery after the server ended the pool's connections.</li>
 * </ol>
 *
 * <p>Run: {@code ./mvnw -Pdemo package -pl part4-pooling -am}. Change it with e.g.
 * {@code -Ddemo.args="--workers 32 --measure-ms 2000 --warmup-ms 1500 --dealerships 1000"}.
 */
public final class Part4Demo {

    private static final String SIZING_APPLICATION = "part4-demo-sizing";
    private static final String FAULTS_APPLICATION = "part4-demo-faults";
    /** The unit of work of the sizing curve: a short, indexed read, as most requests of a web application are. */
    private static final String UNIT_OF_WORK = "SELECT count(*), sum(price) FROM car WHERE dealership_id = ?";
    /** Kept free for everyone else on the server when the demo decides which pool sizes fit. */
    private static final int CONNECTIONS_LEFT_FOR_OTHERS = 10;

    private final Options options;
    private final WorkbookDatabase db;
    private final DemoReport report = new DemoReport("part4-pooling");

    private Part4Demo(Options options, WorkbookDatabase db) {
        this.options = options;
        this.db = db;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        try (Workbook workbook = Workbook.start();
             WorkbookDatabase db = workbook.createDatabase("part4-demo")) {
            new Part4Demo(options, db).run();
        }
    }

    private void run() throws Exception {
        String server = db.workbook().server().description();
        System.out.println();
        System.out.println("Chapter 4, connection pooling with HikariCP");
        System.out.println("Server: " + server);
        report.put("server", server);
        Scale scale = Scale.of(options.dealerships(), 20, 0);
        try (Connection connection = db.connect()) {
            DataGenerator.populate(connection, scale);
        }
        System.out.println("Data:   " + count(scale.dealerships()) + " dealerships, " + count(scale.cars()) + " cars");
        report.put("dealerships", scale.dealerships());
        report.put("cars", scale.cars());

        connectVersusBorrow();
        sizingCurve();
        exhaustion();
        leak();
        recovery();

        Path file = report.write("part4-pooling-demo.json");
        System.out.println();
        System.out.println("JSON:   " + file.toAbsolutePath());
    }

    /**
     * Lesson 1: getting a connection and giving it back, alone and with a unit of work (SELECT 1), on a new connection
     * each time and on a borrowed one.
     */
    private void connectVersusBorrow() throws Exception {
        DataSource unpooled = db.unpooledDataSource();
        try (HikariDataSource pool = db.pooledDataSource("part4-demo-borrow", 4)) {
            // Measured apart, not interleaved: a closed connection's server process goes on exiting in the
            // background, and on a small machine that would slow whatever is timed right after it.
            Map<String, Timing.Sample> opened = Timing.measureInterleaved(Map.of(
                    "connect", () -> getAndClose(unpooled),
                    "connect and SELECT 1", () -> RoundTrips.selectOne(unpooled)), 3, options.minWarmup(), 50);
            Map<String, Timing.Sample> borrowed = Timing.measureInterleaved(Map.of(
                    "borrow", () -> getAndClose(pool),
                    "borrow and SELECT 1", () -> RoundTrips.selectOne(pool)), 3, options.minWarmup(), 50);
            double connectMs = opened.get("connect").medianMillis();
            double borrowMs = borrowed.get("borrow").medianMillis();
            double connectUnitMs = opened.get("connect and SELECT 1").medianMillis();
            double borrowUnitMs = borrowed.get("borrow and SELECT 1").medianMillis();
            double connectPerSecond = throughput(unpooled, 4);
            double borrowPerSecond = throughput(pool, 4);

            TextTable table = new TextTable("a connection", "getConnection()+close() us", "with SELECT 1 ms",
                    "units/s (4 threads)");
            table.row("opened new each time", decimals(connectMs * 1000, 1), decimals(connectUnitMs, 3), count(Math.round(connectPerSecond)));
            table.row("borrowed from HikariCP (4)", decimals(borrowMs * 1000, 1), decimals(borrowUnitMs, 3),
                    count(Math.round(borrowPerSecond)));
            table.print("1. A new connection per unit of work, or a borrowed one (medians)");
            System.out.println("  Getting a connection: opening one (a new server process, authentication, session "
                    + "set-up) took " + times(connectMs / borrowMs, 1) + " as long as borrowing one.");
            System.out.println("  With the query it serves: a unit of work took " + times(connectUnitMs / borrowUnitMs, 1)
                    + " as long; with 4 threads the pool did " + times(borrowPerSecond / connectPerSecond, 1)
                    + " the units per second.");
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("connectMedianMs", connectMs);
            json.put("borrowMedianMs", borrowMs);
            json.put("connectVersusBorrowRatio", connectMs / borrowMs);
            json.put("connectAndSelectMedianMs", connectUnitMs);
            json.put("borrowAndSelectMedianMs", borrowUnitMs);
            json.put("unitOfWorkRatio", connectUnitMs / borrowUnitMs);
            json.put("connectUnitsPerSecond4Threads", connectPerSecond);
            json.put("borrowUnitsPerSecond4Threads", borrowPerSecond);
            report.put("connectVersusBorrow", json);
        }
    }

    /** Units of work per second with {@code threads} threads for the measuring time. */
    private double throughput(DataSource dataSource, int threads) throws Exception {
        long deadline = System.nanoTime() + options.measure().toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < threads; i++) {
                done.add(workers.submit(() -> {
                    int units = 0;
                    while (System.nanoTime() < deadline) {
                        RoundTrips.selectOne(dataSource);
                        units++;
                    }
                    return units;
                }));
            }
            long units = 0;
            for (Future<Integer> future : done) {
                units += future.get();
            }
            return units / ((System.nanoTime() - start) / 1e9);
        } finally {
            workers.shutdownNow();
        }
    }

    /** Lesson 6: throughput and the wait for a connection against the pool's size, with a fixed number of workers. */
    private void sizingCurve() throws Exception {
        int available = connectionsAvailable();
        int cores = Runtime.getRuntime().availableProcessors();
        TextTable table = new TextTable("pool size", "units/s", "x best", "wait p50 ms", "wait p99 ms",
                "held p50 ms", "wait+held p99 ms");
        List<SizingPoint> points = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        for (int size = 1; size <= options.workers(); size *= 2) {
            if (size > available) {
                skipped.add(size);
                continue;
            }
            // The first size warms up the JIT compiler for all of them; later ones only need their new connections used.
            points.add(measureSize(size, points.isEmpty() ? options.minWarmup() : Duration.ofMillis(500)));
        }
        double best = points.stream().mapToDouble(SizingPoint::unitsPerSecond).max().orElse(1);
        for (SizingPoint point : points) {
            table.row(count(point.poolSize()), count(Math.round(point.unitsPerSecond())),
                    times(point.unitsPerSecond() / best, 1), decimals(point.waitP50Ms(), 3), decimals(point.waitP99Ms(), 3),
                    decimals(point.heldP50Ms(), 3), decimals(point.responseP99Ms(), 3));
        }
        table.print("2. Pool size against throughput: " + options.workers() + " workers, each unit of work one indexed "
                + "read (" + decimals(options.measure().toMillis(), 0) + " ms per size)");
        List<Integer> nearBest = points.stream().filter(p -> p.unitsPerSecond() >= 0.9 * best)
                .map(SizingPoint::poolSize).toList();
        SizingPoint smallest = points.get(0);
        SizingPoint largest = points.get(points.size() - 1);
        System.out.println("  Within 10% of the best throughput: pool sizes " + nearBest + ". HikariCP's rule of thumb, "
                + "cores * 2 + spindles, gives " + cores + " * 2 + 0 = " + (cores * 2));
        System.out.println("  for this machine (" + cores + " cores; the data is cached in memory, so no spindle "
                + "counts; the server and the workers share the cores).");
        System.out.println("  A connection was held (p50) " + decimals(smallest.heldP50Ms(), 3) + " ms with a pool of "
                + smallest.poolSize() + " and " + decimals(largest.heldP50Ms(), 3) + " ms with " + largest.poolSize()
                + ": with more connections than cores,");
        System.out.println("  the work waits inside the server (for a core) instead of in the pool.");
        if (!skipped.isEmpty()) {
            System.out.println("  Skipped pool sizes " + skipped + ": the server has " + available + " connections "
                    + "to spare (max_connections, less those in use, less " + CONNECTIONS_LEFT_FOR_OTHERS
                    + " left for others).");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("workers", options.workers());
        json.put("unitOfWork", UNIT_OF_WORK);
        json.put("measureMs", options.measure().toMillis());
        json.put("cores", cores);
        json.put("ruleOfThumb", cores * 2);
        json.put("skippedPoolSizes", skipped);
        json.put("points", points.stream().map(SizingPoint::toJson).toList());
        report.put("sizing", json);
    }

    private int connectionsAvailable() throws SQLException {
        try (Connection connection = db.connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_setting('max_connections')::int "
                     + "- current_setting('superuser_reserved_connections')::int "
                     + "- (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')::int")) {
            rows.next();
            return rows.getInt(1) - CONNECTIONS_LEFT_FOR_OTHERS;
        }
    }

    private SizingPoint measureSize(int size, Duration warmup) throws Exception {
        try (HikariDataSource pool = db.pooledDataSource("part4-demo-size-" + size, config -> {
            config.setMaximumPoolSize(size);
            config.addDataSourceProperty("ApplicationName", SIZING_APPLICATION);
        })) {
            Await.until("the pool of " + size + " filled", () -> PoolState.of(pool).total() == size);
            runWorkers(pool, warmup);
            return SizingPoint.of(size, runWorkers(pool, options.measure()));
        }
    }

    /** The workers' units of work over {@code duration}: how long each waited for its connection, and held it. */
    private WorkerRun runWorkers(HikariDataSource pool, Duration duration) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(options.workers());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<long[][]>> results = new ArrayList<>();
            long[] window = new long[2];
            for (int i = 0; i < options.workers(); i++) {
                results.add(workers.submit(() -> {
                    start.await();
                    long deadline = window[1];
                    long[] waits = new long[1024];
                    long[] held = new long[1024];
                    int n = 0;
                    while (System.nanoTime() < deadline) {
                        if (n == waits.length) {
                            waits = Arrays.copyOf(waits, n * 2);
                            held = Arrays.copyOf(held, n * 2);
                        }
                        long asked = System.nanoTime();
                        try (Connection connection = pool.getConnection()) {
                            long got = System.nanoTime();
                            unitOfWork(connection);
                            held[n] = System.nanoTime() - got; // until the work is done; close() is not counted
                            waits[n] = got - asked;
                        }
                        n++;
                    }
                    return new long[][] {Arrays.copyOf(waits, n), Arrays.copyOf(held, n)};
                }));
            }
            window[0] = System.nanoTime();
            window[1] = window[0] + duration.toNanos();
            start.countDown(); // the latch publishes window[] to the workers
            List<long[]> waits = new ArrayList<>();
            List<long[]> held = new ArrayList<>();
            for (Future<long[][]> result : results) {
                long[][] r = result.get();
                waits.add(r[0]);
                held.add(r[1]);
            }
            return new WorkerRun(concat(waits), concat(held), System.nanoTime() - window[0]);
        } finally {
            workers.shutdownNow();
        }
    }

    private void unitOfWork(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UNIT_OF_WORK)) {
            statement.setLong(1, 1 + ThreadLocalRandom.current().nextInt(options.dealerships()));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
            }
        }
    }

    /** Lesson 3: every connection borrowed, one more asked for. */
    @SuppressWarnings("try") // the connections are held, not used: holding them is the point
    private void exhaustion() throws SQLException {
        try (HikariDataSource pool = db.pooledDataSource("part4-demo-exhausted", config -> {
            config.setMaximumPoolSize(2);
            config.setConnectionTimeout(250);
        });
             Connection first = pool.getConnection();
             Connection second = pool.getConnection()) {
            String message;
            try (Connection third = pool.getConnection()) {
                message = "(no timeout: the pool had a connection to spare)";
            } catch (SQLException e) {
                message = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            PoolState state = PoolState.of(pool);
            System.out.println();
            System.out.println("3. Exhaustion: a pool of 2, both borrowed, a third getConnection() with "
                    + "connectionTimeout 250 ms");
            System.out.println("  " + message);
            System.out.println("  MXBean right after: " + state);
            report.put("exhaustion", Map.of("message", message, "poolState", state.toString()));
        }
    }

    /** Lesson 5: a session never closed, reported by the leak detector. */
    private void leak() {
        try (LogCapture log = LogCapture.of(Level.WARN, "com.zaxxer.hikari.pool.ProxyLeakTask");
             HikariDataSource pool = db.pooledDataSource("part4-demo-leak", config -> {
                 config.setMaximumPoolSize(2);
                 config.setLeakDetectionThreshold(2_000);
             })) {
            new LeakingCarCounter(MyBatisBootstrap.sqlSessionFactory(pool, "dbworkbook/part4/mybatis-config.xml"))
                    .countCars();
            Await.until("the leak warning", () -> !log.events().isEmpty());
            LogEvent warning = log.events().get(0);
            List<String> borrowedAt = Arrays.stream(warning.getThrown().getStackTrace())
                    .filter(frame -> frame.getClassName().startsWith("dbworkbook."))
                    .map(StackTraceElement::toString)
                    .toList();
            System.out.println();
            System.out.println("4. A leak: LeakingCarCounter never closes its SqlSession; leakDetectionThreshold 2 s");
            System.out.println("  WARN " + warning.getLoggerName() + " - " + warning.getMessage().getFormattedMessage());
            System.out.println("  " + warning.getThrown());
            borrowedAt.forEach(frame -> System.out.println("      at " + frame));
            System.out.println("  MXBean: " + PoolState.of(pool) + " (the leaked connection is still active)");
            report.put("leak", Map.of("warning", warning.getMessage().getFormattedMessage(),
                    "borrowedAt", borrowedAt));
        }
    }

    /**
     * Lesson 7: the server ends every connection of a busy pool; reads that retry once on a lost connection. Twice:
     * as it is, and with the pool told to drop all its connections at the first one found dead.
     */
    private void recovery() throws Exception {
        TextTable table = new TextTable("on a lost connection", "reads", "ok", "retried", "failed",
                "rows right");
        List<Map<String, Object>> json = new ArrayList<>();
        for (boolean softEvict : new boolean[] {false, true}) {
            Recovery r = recover(softEvict);
            table.row(r.strategy(), count(r.reads()), count(r.succeeded()), count(r.retried()), count(r.failed()),
                    r.rowsRight() ? "yes" : "NO");
            json.add(r.toJson());
        }
        table.print("5. The server ends all 4 connections of a pool just used (pg_terminate_backend); then 20 reads, "
                + "each retried once if its connection was lost");
        System.out.println("  HikariCP skips its liveness check for a connection used in the last 500 ms, so dead "
                + "ones are handed out; each is");
        System.out.println("  evicted when it fails. With one retry, a read can meet a second dead one. "
                + "softEvictConnections() at the first");
        System.out.println("  lost connection retires them all at once.");
        report.put("recovery", json);
    }

    @SuppressWarnings("try") // LogCapture quiet: keeps HikariCP's expected warnings off the console
    private Recovery recover(boolean softEvict) throws Exception {
        String strategy = softEvict ? "retry once, soft-evict the pool" : "retry once";
        long expectedCars = (long) options.dealerships() * 20;
        try (LogCapture quiet = LogCapture.of(Level.WARN, "com.zaxxer.hikari");
             HikariDataSource pool = db.pooledDataSource(FAULTS_APPLICATION, config -> {
                 config.setMaximumPoolSize(4);
                 config.addDataSourceProperty("ApplicationName", FAULTS_APPLICATION);
             });
             Connection admin = db.connect()) {
            Await.until("the pool filled", () -> PoolState.of(pool).total() == 4);
            useEveryConnection(pool, 4);
            PoolBackends.terminate(admin, FAULTS_APPLICATION);
            int succeeded = 0;
            int failed = 0;
            int retried = 0;
            boolean rowsRight = true;
            for (int i = 0; i < 20; i++) {
                try {
                    long cars;
                    try {
                        cars = countCars(pool);
                    } catch (SQLException e) {
                        if (!connectionLost(e)) {
                            throw e;
                        }
                        if (softEvict) {
                            pool.getHikariPoolMXBean().softEvictConnections();
                        }
                        retried++;
                        cars = countCars(pool);
                    }
                    succeeded++;
                    rowsRight &= cars == expectedCars;
                } catch (SQLException e) {
                    failed++;
                }
            }
            return new Recovery(strategy, 20, succeeded, failed, retried, rowsRight);
        }
    }

    /** Borrows {@code size} connections at once and uses each, so that every one was used just now. */
    private static void useEveryConnection(HikariDataSource pool, int size) throws SQLException {
        List<Connection> all = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                all.add(pool.getConnection());
                PoolBackends.pidOf(all.get(i));
            }
        } finally {
            for (Connection connection : all) {
                connection.close();
            }
        }
    }

    private static long countCars(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM car")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01"));
    }

    private static void getAndClose(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.getAutoCommit(); // answered by the driver, no round trip: the connection is only taken and given back
        } catch (SQLException e) {
            throw new IllegalStateException("getConnection() failed: " + e.getMessage(), e);
        }
    }


    private static long[] concat(List<long[]> parts) {
        return parts.stream().flatMapToLong(Arrays::stream).toArray();
    }

    /** What the workers did in one measured window. */
    private record WorkerRun(long[] waitNanos, long[] heldNanos, long elapsedNanos) {
    }

    /** One point of the sizing curve. */
    private record SizingPoint(int poolSize, long units, double unitsPerSecond, double waitP50Ms, double waitP99Ms,
                               double heldP50Ms, double responseP99Ms) {

        static SizingPoint of(int poolSize, WorkerRun run) {
            long[] waits = run.waitNanos().clone();
            long[] held = run.heldNanos().clone();
            long[] response = new long[waits.length];
            Arrays.setAll(response, i -> run.waitNanos()[i] + run.heldNanos()[i]);
            Arrays.sort(waits);
            Arrays.sort(held);
            Arrays.sort(response);
            return new SizingPoint(poolSize, waits.length, waits.length / (run.elapsedNanos() / 1e9),
                    percentile(waits, 0.50), percentile(waits, 0.99), percentile(held, 0.50),
                    percentile(response, 0.99));
        }

        /** The value below which {@code fraction} of the sorted values lie (nearest rank), in milliseconds. */
        private static double percentile(long[] sorted, double fraction) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(fraction * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1e6;
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("poolSize", poolSize);
            json.put("units", units);
            json.put("unitsPerSecond", unitsPerSecond);
            json.put("waitP50Ms", waitP50Ms);
            json.put("waitP99Ms", waitP99Ms);
            json.put("heldP50Ms", heldP50Ms);
            json.put("waitPlusHeldP99Ms", responseP99Ms);
            return json;
        }
    }

    /** What one recovery strategy did after the pool's backends were ended. */
    private record Recovery(String strategy, int reads, int succeeded, int failed, int retried, boolean rowsRight) {

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("strategy", strategy);
            json.put("reads", reads);
            json.put("succeeded", succeeded);
            json.put("failed", failed);
            json.put("retried", retried);
            json.put("rowsRight", rowsRight);
            return json;
        }
    }

    /** The program arguments (see {@link DemoArguments}). */
    private record Options(int workers, Duration measure, Duration minWarmup, int dealerships) {

        static Options parse(String[] args) {
            Map<String, Integer> defaults = new LinkedHashMap<>();
            defaults.put("--workers", 32);
            defaults.put("--measure-ms", 2000);
            defaults.put("--warmup-ms", 1500);
            defaults.put("--dealerships", 1000);
            DemoArguments arguments = DemoArguments.parse(args, defaults);
            if (arguments.get("--workers") < 1 || arguments.get("--measure-ms") < 1
                    || arguments.get("--dealerships") < 1) {
                throw arguments.invalid("At least 1 worker, 1 ms of measuring and 1 dealership.");
            }
            return new Options(arguments.get("--workers"), Duration.ofMillis(arguments.get("--measure-ms")),
                    Duration.ofMillis(arguments.get("--warmup-ms")), arguments.get("--dealerships"));
        }
    }
}
