package dbworkbook.part4.demo;

import static dbworkbook.common.demo.Figures.decimals;

import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.demo.Section;
import dbworkbook.part4.PoolState;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Lesson 3: every connection borrowed, one more asked for. {@code connectionTimeout} is short here (250 ms, not
 * HikariCP's 30 s default), so the demo does not stand still for half a minute to show it.
 */
final class Exhaustion implements Measurement<Exhaustion.Result> {

    private static final int POOL_SIZE = 2;
    private static final long CONNECTION_TIMEOUT_MS = 250;

    /** {@code waitedMs}: how long the third {@code getConnection()} took to give up. */
    record Result(int poolSize, long connectionTimeoutMs, String message, double waitedMs, PoolState afterwards) {
    }

    @Override
    public String title() {
        return "Exhaustion";
    }

    @Override
    @SuppressWarnings("try") // the connections are held, not used: holding them is the point
    public Result measure(DemoContext context) throws SQLException {
        try (HikariDataSource pool = context.database().pooledDataSource("part4-exhausted", config -> {
            config.setMaximumPoolSize(POOL_SIZE);
            config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        });
             Connection first = pool.getConnection();
             Connection second = pool.getConnection()) {
            String message;
            long start = System.nanoTime();
            try (Connection third = pool.getConnection()) {
                message = "(no timeout: the pool had a connection to spare)";
            } catch (SQLException e) {
                message = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            double waited = (System.nanoTime() - start) / 1e6;
            return new Result(POOL_SIZE, CONNECTION_TIMEOUT_MS, message, waited, PoolState.of(pool));
        }
    }

    @Override
    public Section present(Result result, DemoContext context) {
        return Section.titled("Exhaustion: a pool of " + result.poolSize() + ", both borrowed, a third "
                        + "getConnection() with connectionTimeout " + result.connectionTimeoutMs() + " ms")
                .line(result.message())
                .line("MXBean right after: " + result.afterwards())
                .reading("The third caller waited " + decimals(result.waitedMs(), 0) + " ms, then got the exception "
                        + "above: the pool's message names the pool and its state, the first thing to read when a "
                        + "service stalls.")
                .build();
    }
}
