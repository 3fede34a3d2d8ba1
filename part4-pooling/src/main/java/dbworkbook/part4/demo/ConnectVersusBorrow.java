package dbworkbook.part4.demo;

import static dbworkbook.common.demo.Figures.count;
import static dbworkbook.common.demo.Figures.decimals;
import static dbworkbook.common.demo.Figures.times;

import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.demo.RoundTrips;
import dbworkbook.common.demo.Section;
import dbworkbook.common.demo.Table;
import dbworkbook.common.demo.Timing;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Lesson 1: getting a connection and giving it back, alone and with a unit of work (SELECT 1), on a new connection
 * each time and on one borrowed from HikariCP; and the units per second of 4 threads either way.
 */
final class ConnectVersusBorrow implements Measurement<ConnectVersusBorrow.Result> {

    private static final int THREADS = 4;

    record Way(String label, double getAndCloseUs, double withSelectOneMs, double unitsPerSecond) {
    }

    record Result(int threads, Way opened, Way borrowed) {
    }

    @Override
    public String title() {
        return "A new connection per unit of work, or a borrowed one";
    }

    @Override
    public Result measure(DemoContext context) throws Exception {
        DataSource unpooled = context.database().unpooledDataSource();
        Duration measure = Duration.ofMillis(context.options().get(Part4Demo.MEASURE_MS));
        try (HikariDataSource pool = context.database().pooledDataSource("part4-borrow", THREADS)) {
            // Measured apart, not interleaved: a closed connection's server process goes on exiting in the
            // background, and on a small machine that would slow whatever is timed right after it.
            Map<String, Timing.Sample> opened = context.timeInterleaved(Map.of(
                    "connect", () -> getAndClose(unpooled),
                    "connect and SELECT 1", () -> RoundTrips.selectOne(unpooled)), 3, context.options().minWarmup(),
                    Math.max(5, context.options().runs() * 10));
            Map<String, Timing.Sample> borrowed = context.timeInterleaved(Map.of(
                    "borrow", () -> getAndClose(pool),
                    "borrow and SELECT 1", () -> RoundTrips.selectOne(pool)), 3, context.options().minWarmup(),
                    Math.max(5, context.options().runs() * 10));
            context.progress("units per second, " + THREADS + " threads, a new connection each");
            double openedPerSecond = Workers.run(unpooled, THREADS, measure, connection -> selectOne(connection))
                    .unitsPerSecond();
            context.progress("units per second, " + THREADS + " threads, borrowed");
            double borrowedPerSecond = Workers.run(pool, THREADS, measure, connection -> selectOne(connection))
                    .unitsPerSecond();
            return new Result(THREADS,
                    new Way("opened new each time", opened.get("connect").medianMillis() * 1000,
                            opened.get("connect and SELECT 1").medianMillis(), openedPerSecond),
                    new Way("borrowed from HikariCP (" + THREADS + ")", borrowed.get("borrow").medianMillis() * 1000,
                            borrowed.get("borrow and SELECT 1").medianMillis(), borrowedPerSecond));
        }
    }

    private static void getAndClose(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.getAutoCommit(); // answered by the driver, no round trip: taken and given back, nothing else
        } catch (SQLException e) {
            throw new IllegalStateException("getConnection() failed: " + e.getMessage(), e);
        }
    }

    private static void selectOne(Connection connection) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery("SELECT 1")) {
            rows.next();
        }
    }

    @Override
    public Section present(Result result, DemoContext context) {
        Way opened = result.opened();
        Way borrowed = result.borrowed();
        return Section.titled(title() + " (medians)")
                .table(Table.of("", List.of(opened, borrowed))
                        .column("a connection", Way::label)
                        .column("getConnection()+close() us", way -> decimals(way.getAndCloseUs(), 1))
                        .column("with SELECT 1 ms", way -> decimals(way.withSelectOneMs(), 3))
                        .column("units/s (" + result.threads() + " threads)", way -> count(Math.round(way.unitsPerSecond())))
                        .build())
                .reading("Getting a connection: opening one (a new server process, authentication, session set-up) "
                        + "took " + times(opened.getAndCloseUs() / borrowed.getAndCloseUs(), 0) + " as long as "
                        + "borrowing one. With the query it serves, a unit of work took "
                        + times(opened.withSelectOneMs() / borrowed.withSelectOneMs(), 1) + " as long; with "
                        + result.threads() + " threads the pool did "
                        + times(borrowed.unitsPerSecond() / opened.unitsPerSecond(), 0) + " the units per second.")
                .build();
    }
}
