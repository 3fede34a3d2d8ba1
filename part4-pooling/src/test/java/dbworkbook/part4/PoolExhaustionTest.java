package dbworkbook.part4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.junit.WorkbookTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Lesson 3: when every connection is borrowed, the next borrower waits up to {@code connectionTimeout}: either a
 * connection comes back in that time and it gets that one, or it gets a {@link SQLTransientConnectionException}.
 */
@WorkbookTest(dealerships = 1, carsPerDealership = 1, salespeoplePerDealership = 0)
@SuppressWarnings("try") // connections held in try-with-resources and never used: holding them is the point
class PoolExhaustionTest {

    @Test
    void withEveryConnectionBorrowedTheNextBorrowerTimesOut(WorkbookDatabase database) throws SQLException {
        try (HikariDataSource pool = database.pooledDataSource("exhausted", config -> {
            config.setMaximumPoolSize(2);
            config.setConnectionTimeout(250); // HikariCP's minimum
        });
             Connection first = pool.getConnection();
             Connection second = pool.getConnection()) {

            SQLTransientConnectionException timeout =
                    catchThrowableOfType(SQLTransientConnectionException.class, pool::getConnection);

            // HikariCP puts the pool's state into the message: the first thing to read in a production log.
            assertThat(timeout.getMessage()).startsWith("exhausted - Connection is not available, request timed out "
                    + "after ").endsWith("ms (total=2, active=2, idle=0, waiting=0)");
            assertThat(PoolState.of(pool)).isEqualTo(new PoolState(2, 0, 2, 0));
        }
    }

    @Test
    void aWaitingBorrowerIsCountedAndGetsTheNextConnectionReturned(WorkbookDatabase database) throws Exception {
        try (HikariDataSource pool = database.pooledDataSource("one-connection", config -> {
            config.setMaximumPoolSize(1); // connectionTimeout stays at its default, 30 s: time enough to wait
        })) {
            Connection held = pool.getConnection();
            int heldPid = PoolBackends.pidOf(held);
            CompletableFuture<Integer> waiter = CompletableFuture.supplyAsync(() -> {
                try (Connection connection = pool.getConnection()) {
                    return PoolBackends.pidOf(connection);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });

            Await.until("a thread waiting for a connection", () -> PoolState.of(pool).waiting() == 1);
            assertThat(PoolState.of(pool)).isEqualTo(new PoolState(1, 0, 1, 1));

            held.close(); // handed straight to the waiting thread: the same connection, the same server process
            assertThat(waiter.get(Await.GENEROUS_LIMIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(heldPid);
            assertThat(PoolState.of(pool)).isEqualTo(new PoolState(0, 1, 1, 0));
        }
    }
}
