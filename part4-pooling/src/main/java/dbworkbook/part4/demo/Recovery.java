package dbworkbook.part4.demo;

import static dbworkbook.common.demo.Figures.count;

import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.demo.Section;
import dbworkbook.common.demo.Table;
import dbworkbook.common.logging.LogCapture;
import dbworkbook.part4.Await;
import dbworkbook.part4.PoolBackends;
import dbworkbook.part4.PoolState;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.logging.log4j.Level;

/**
 * Lesson 7: the server ends every connection of a busy pool ({@code pg_terminate_backend}); reads that retry once
 * on a lost connection. Twice: as it is, and with the pool told to drop all its connections at the first one found
 * dead.
 */
final class Recovery implements Measurement<Recovery.Result> {

    private static final String APPLICATION = "part4-demo-faults";
    private static final int POOL_SIZE = 4;
    private static final int READS = 20;

    record Row(boolean softEvict, String strategy, int reads, int succeeded, int retried, int failed,
               boolean rowsRight) {
    }

    record Result(int poolSize, List<Row> rows) {

        Row of(boolean softEvict) {
            return rows.stream().filter(row -> row.softEvict() == softEvict).findFirst().orElseThrow();
        }
    }

    @Override
    public String title() {
        return "Recovery";
    }

    @Override
    public Result measure(DemoContext context) throws Exception {
        long expectedCars = (long) Part4Demo.dealerships(context.options()) * Part4Demo.CARS_PER_DEALERSHIP;
        List<Row> rows = new ArrayList<>();
        for (boolean softEvict : new boolean[] {false, true}) {
            rows.add(recover(context, softEvict, expectedCars));
        }
        return new Result(POOL_SIZE, rows);
    }

    @SuppressWarnings("try") // LogCapture quiet: HikariCP's warnings about the ended connections are expected here
    private static Row recover(DemoContext context, boolean softEvict, long expectedCars) throws Exception {
        try (LogCapture quiet = LogCapture.of(Level.WARN, "com.zaxxer.hikari");
             HikariDataSource pool = context.database().pooledDataSource(APPLICATION, config -> {
                 config.setMaximumPoolSize(POOL_SIZE);
                 config.addDataSourceProperty("ApplicationName", APPLICATION);
             });
             Connection admin = context.database().connect()) {
            Await.until("the pool filled", () -> PoolState.of(pool).total() == POOL_SIZE);
            useEveryConnection(pool);
            PoolBackends.terminate(admin, APPLICATION);
            int succeeded = 0;
            int failed = 0;
            int retried = 0;
            boolean rowsRight = true;
            for (int i = 0; i < READS; i++) {
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
            return new Row(softEvict, softEvict ? "retry once, soft-evict the pool" : "retry once", READS, succeeded, retried,
                    failed, rowsRight);
        }
    }

    /** Borrows every connection at once and uses each, so that every one was used just now. */
    private static void useEveryConnection(HikariDataSource pool) throws SQLException {
        List<Connection> all = new ArrayList<>();
        try {
            for (int i = 0; i < POOL_SIZE; i++) {
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

    @Override
    public Section present(Result result, DemoContext context) {
        Row plain = result.of(false);
        Row evicting = result.of(true);
        return Section.titled("Recovery: the server ends all " + result.poolSize() + " connections of a pool just used "
                        + "(pg_terminate_backend); then " + plain.reads() + " reads, each retried once if its "
                        + "connection was lost")
                .table(Table.of("", result.rows())
                        .column("on a lost connection", Row::strategy)
                        .column("reads", row -> count(row.reads()))
                        .column("ok", row -> count(row.succeeded()))
                        .column("retried", row -> count(row.retried()))
                        .column("failed", row -> count(row.failed()))
                        .column("rows right", row -> row.rowsRight() ? "yes" : "NO")
                        .build())
                .reading("HikariCP skips its liveness check for a connection used in the last 500 ms, so dead ones are "
                        + "handed out; each is evicted when it fails. With one retry, " + count(plain.failed())
                        + " of " + count(plain.reads()) + " reads still failed: a retry can meet a second dead "
                        + "connection. softEvictConnections() at the first lost connection retires them all at once: "
                        + count(evicting.failed()) + " failed.")
                .build();
    }
}
