package dbworkbook.part4.demo;

import static dbworkbook.common.demo.Figures.count;
import static dbworkbook.common.demo.Figures.times;

import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.demo.Chart;
import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.demo.Section;
import dbworkbook.common.demo.Table;
import dbworkbook.part4.Await;
import dbworkbook.part4.PoolBackends;
import dbworkbook.part4.PoolState;
import dbworkbook.part4.SaleInProgress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Lesson 8: normal requests (lesson 6's indexed read) on a pool of 4, while k requests are stuck, waiting for the rows
 * of a sale that hangs ({@link SaleInProgress}). Once with no bound, once with {@code statement_timeout} for every
 * connection of the pool. {@code connectionTimeout} is 250 ms here (HikariCP's default is 30 s), so that a request
 * the pool cannot serve fails within the measured window, as a caller's own timeout would end it.
 */
final class StuckQueries implements Measurement<StuckQueries.Result> {

    static final int POOL_SIZE = 4;
    static final long CONNECTION_TIMEOUT_MS = 250;
    /** The bound, unless the window is shorter (a quick run): a bound must end the stuck requests within it. */
    static final int STATEMENT_TIMEOUT_MS = 200;
    /** How many requests are stuck at each point of the curve: none, some, the pool's size, more. */
    static final List<Integer> STUCK = List.of(0, 1, 2, 4, 6);
    /** The dealership whose cars the sale holds; the normal requests read any dealership, without a lock. */
    private static final long HELD_DEALERSHIP = 1;
    private static final String QUERY_CANCELED = "57014";

    /**
     * One point: {@code stuck} requests, with or without the bound. What the normal requests did in the window, and
     * how each stuck request ended: cancelled by the bound, run at last (when the sale ended), or timed out in the
     * pool before it even had a connection.
     */
    record Point(int stuck, boolean bounded, int units, int timedOut, double unitsPerSecond, int stuckCanceled,
                 int stuckCompleted, int stuckTimedOutInThePool) {
    }

    record Result(int poolSize, int workers, long windowMs, long connectionTimeoutMs, long statementTimeoutMs,
                  String stuckStatement, List<Point> points) {

        List<Point> of(boolean bounded) {
            return points.stream().filter(p -> p.bounded() == bounded).toList();
        }

        Point at(int stuck, boolean bounded) {
            return of(bounded).stream().filter(p -> p.stuck() == stuck).findFirst().orElseThrow();
        }
    }

    @Override
    public String title() {
        return "Stuck queries";
    }

    @Override
    public Result measure(DemoContext context) throws Exception {
        int workers = Math.max(2, context.options().get(Part4Demo.WORKERS) / 4);
        Duration window = Duration.ofMillis(context.options().get(Part4Demo.MEASURE_MS));
        int dealerships = Part4Demo.dealerships(context.options());
        long statementTimeoutMs = Math.min(STATEMENT_TIMEOUT_MS, window.toMillis());
        List<Point> points = new ArrayList<>();
        for (boolean bounded : new boolean[] {false, true}) {
            String name = bounded ? "part4-stuck-bounded" : "part4-stuck";
            try (HikariDataSource pool = context.database().pooledDataSource(name, config -> {
                config.setMaximumPoolSize(POOL_SIZE);
                config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
                config.addDataSourceProperty("ApplicationName", name);
                if (bounded) { // the driver passes this to the server for every connection it opens
                    config.addDataSourceProperty("options", "-c statement_timeout=" + statementTimeoutMs);
                }
            });
                 Connection observer = context.database().connect()) {
                Await.until("the pool filled", () -> PoolState.of(pool).total() == POOL_SIZE);
                // The code is warm from the sizing curve; the first pool's connections need a longer run than the
                // second's before their first window is like the others.
                Duration warmUp = Duration.ofMillis(Math.min(bounded ? 300 : 1000, window.toMillis()));
                Workers.run(pool, workers, warmUp, unit -> SizingCurve.unitOfWork(unit, dealerships));
                for (int stuck : STUCK) {
                    context.progress(stuck + " stuck, " + (bounded ? "statement_timeout " + statementTimeoutMs
                            + " ms" : "no bound"));
                    points.add(point(context, pool, observer, name, stuck, bounded, workers, window, dealerships));
                }
            }
        }
        return new Result(POOL_SIZE, workers, window.toMillis(), CONNECTION_TIMEOUT_MS, statementTimeoutMs,
                SaleInProgress.REPRICE_CARS_OF_DEALERSHIP, points);
    }

    private static Point point(DemoContext context, HikariDataSource pool, Connection observer, String name,
                               int stuck, boolean bounded, int workers, Duration window, int dealerships)
            throws Exception {
        ExecutorService stuckThreads = Executors.newFixedThreadPool(Math.max(1, stuck));
        List<CompletableFuture<String>> outcomes = new ArrayList<>();
        Workers.Run run;
        try (SaleInProgress sale = SaleInProgress.ofUnsoldCarsOf(context.database().connect(), HELD_DEALERSHIP)) {
            for (int i = 0; i < stuck; i++) {
                outcomes.add(CompletableFuture.supplyAsync(() -> stuckRequest(pool), stuckThreads));
            }
            // Measure once they are stuck (or, with the bound, already over: a slow machine may not see them wait).
            Await.until(Math.min(stuck, POOL_SIZE) + " requests waiting for the sale's rows", () ->
                    waitingForALock(observer, name) >= Math.min(stuck, POOL_SIZE)
                            || outcomes.stream().anyMatch(CompletableFuture::isDone));
            run = Workers.run(pool, workers, window, unit -> SizingCurve.unitOfWork(unit, dealerships));
            if (bounded) { // the sale hangs for ever: only the bound (or the pool's timeout) ends a stuck request
                Await.until("the stuck requests ended", () -> outcomes.stream().allMatch(CompletableFuture::isDone));
            }
        } finally {
            stuckThreads.shutdown(); // the sale has ended: the requests still waiting get its rows and finish
        }
        List<String> ended = new ArrayList<>();
        for (CompletableFuture<String> outcome : outcomes) {
            ended.add(outcome.get(Await.GENEROUS_LIMIT.toSeconds(), TimeUnit.SECONDS));
        }
        stuckThreads.awaitTermination(Await.GENEROUS_LIMIT.toSeconds(), TimeUnit.SECONDS);
        Await.until("every connection back in the pool", () -> PoolState.of(pool).active() == 0);
        return new Point(stuck, bounded, run.units(), run.timeouts(), run.unitsPerSecond(),
                occurrences(ended, "canceled"), occurrences(ended, "completed"), occurrences(ended, "timed out"));
    }

    /** A request for the held rows; says how it ended. */
    private static String stuckRequest(HikariDataSource pool) {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(SaleInProgress.REPRICE_CARS_OF_DEALERSHIP)) {
            statement.setLong(1, HELD_DEALERSHIP);
            statement.executeUpdate();
            return "completed";
        } catch (SQLTransientConnectionException e) {
            return "timed out";
        } catch (SQLException e) {
            if (QUERY_CANCELED.equals(e.getSQLState())) {
                return "canceled";
            }
            throw new IllegalStateException("A stuck request failed in a way the demo did not expect: " + e, e);
        }
    }

    private static int waitingForALock(Connection observer, String name) {
        try {
            return PoolBackends.waitingForALock(observer, name).size();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int occurrences(List<String> outcomes, String outcome) {
        return (int) outcomes.stream().filter(outcome::equals).count();
    }

    @Override
    public Section present(Result result, DemoContext context) {
        String bound = "statement_timeout " + result.statementTimeoutMs() + " ms";
        Point none = result.at(0, false);
        Point drained = result.at(result.poolSize(), false);
        Point bounded = result.at(result.poolSize(), true);
        Chart.Builder throughput = Chart.titled("Normal requests while some are stuck")
                .x("stuck requests", "", false).y("normal requests", "units/s", false)
                .marker(result.poolSize(), "pool size: " + result.poolSize());
        Chart.Builder timeouts = Chart.titled("Normal requests that found no connection in time")
                .x("stuck requests", "", false).y("timed out after " + result.connectionTimeoutMs() + " ms", "requests",
                        false)
                .marker(result.poolSize(), "pool size: " + result.poolSize());
        for (boolean withBound : new boolean[] {false, true}) {
            List<Chart.Point> units = result.of(withBound).stream()
                    .map(p -> Chart.Point.of(p.stuck(), p.unitsPerSecond())).toList();
            List<Chart.Point> failed = result.of(withBound).stream()
                    .map(p -> Chart.Point.of(p.stuck(), p.timedOut())).toList();
            if (withBound) {
                throughput.dashedSeries(bound, units);
                timeouts.dashedSeries(bound, failed);
            } else {
                throughput.series("no bound", units);
                timeouts.series("no bound", failed);
            }
        }
        String reading = "With " + drained.stuck() + " stuck requests, as many as the pool has connections, and no "
                + "bound, the normal requests did " + count(Math.round(drained.unitsPerSecond())) + " units/s and "
                + count(drained.timedOut()) + " of them timed out waiting for a connection (against "
                + count(Math.round(none.unitsPerSecond())) + " units/s with none stuck). With " + bound + ", "
                + count(Math.round(bounded.unitsPerSecond())) + " units/s and " + count(bounded.timedOut())
                + " timed out: the server cancelled the stuck ones (" + count(bounded.stuckCanceled())
                + ") and their connections came back.";
        return Section.titled(title() + ": " + result.workers() + " workers on a pool of " + result.poolSize()
                        + " (connectionTimeout " + result.connectionTimeoutMs() + " ms) for " + result.windowMs()
                        + " ms, while k requests wait for the rows of a sale that hangs")
                .table(Table.of("", result.points())
                        .column("stuck", p -> count(p.stuck()))
                        .column("bound", p -> p.bounded() ? bound : "none")
                        .column("units/s", p -> count(Math.round(p.unitsPerSecond())))
                        .column("x none stuck", p -> times(p.unitsPerSecond()
                                / result.at(0, p.bounded()).unitsPerSecond(), 2))
                        .column("timed out", p -> count(p.timedOut()))
                        .column("stuck: canceled", p -> count(p.stuckCanceled()))
                        .column("ran when the sale ended", p -> count(p.stuckCompleted()))
                        .column("no connection", p -> count(p.stuckTimedOutInThePool()))
                        .build())
                .chart(throughput.reading(reading))
                .chart(timeouts.reading("Without a bound, every normal request that asked for a connection while all "
                        + result.poolSize() + " were stuck waited " + result.connectionTimeoutMs() + " ms and failed: "
                        + count(drained.timedOut()) + " in " + result.windowMs() + " ms with " + drained.stuck()
                        + " stuck, " + count(bounded.timedOut()) + " with the bound."))
                .reading(reading)
                .reading("Below the pool's size a stuck request costs one connection of " + result.poolSize()
                        + ", and the others go on serving; at the pool's size nothing is served until the sale ends. "
                        + "The bound here is the pool's, because every request of this demo is short. A pool that "
                        + "also serves requests that are meant to run long needs the bound on the stuck kind alone "
                        + "(exercise 4.4).")
                .build();
    }
}
