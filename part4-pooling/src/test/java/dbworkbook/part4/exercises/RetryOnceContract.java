package dbworkbook.part4.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.logging.LogCapture;
import dbworkbook.part4.FaultyPools;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

/** Exercise 3's contract: a read retried once after a lost connection, and never for anything else. */
@WorkbookTest(dealerships = 4, carsPerDealership = 3, salespeoplePerDealership = 0)
@SuppressWarnings("try") // LogCapture quiet: opened only to keep HikariCP's expected warnings off the console
abstract class RetryOnceContract {

    static final String TASK = "Exercise 3: make RetryOnce.read run the read once more, on a newly borrowed "
            + "connection, when the first attempt lost its connection (SQLSTATE class 08, or 57P01), and only then";

    /** A read, as the test writes it; each implementation passes it on to its own RetryOnce. */
    @FunctionalInterface
    interface Work {
        Object run(Connection connection) throws SQLException;
    }

    /** Calls the {@code RetryOnce.read} under test. */
    @FunctionalInterface
    interface Reader {
        Object read(DataSource dataSource, Work work) throws SQLException;
    }

    abstract Reader reader();

    @Test
    void aReadThatLostItsConnectionRunsOnceMoreAndReturnsEveryRow(WorkbookDatabase database, Scale scale)
            throws SQLException {
        Checks.recoversFromALostConnection(database, reader(), scale);
    }

    @Test
    void aReadThatWorksRunsOnce(WorkbookDatabase database, Scale scale) throws SQLException {
        try (HikariDataSource pool = FaultyPools.pool(database, "part4-retry-healthy", 1)) {
            AtomicInteger attempts = new AtomicInteger();
            assertThat(reader().read(pool, counted(attempts, Checks::countCars))).as(TASK).isEqualTo(scale.cars());
            assertThat(attempts).as("%s: attempts of a read that works", TASK).hasValue(1);
        }
    }

    @Test
    void anErrorThatWouldHappenAgainIsNotRetried(WorkbookDatabase database) throws SQLException {
        Checks.doesNotRetryOtherErrors(database, reader());
    }

    @Test
    void aSecondLostConnectionEndsTheRead(WorkbookDatabase database) throws SQLException {
        Checks.runsAtMostTwice(database, reader());
    }

    static Work counted(AtomicInteger attempts, Work work) {
        return connection -> {
            attempts.incrementAndGet();
            return work.run(connection);
        };
    }

    /** The checks, callable with any reader (the solution tests also feed them wrong answers). */
    static final class Checks {

        private Checks() {
        }

        static void recoversFromALostConnection(WorkbookDatabase database, Reader reader, Scale scale)
                throws SQLException {
            try (LogCapture quiet = LogCapture.of(Level.WARN, "com.zaxxer.hikari");
                 HikariDataSource pool = deadPool(database, "part4-retry-recovers", 1)) {
                AtomicInteger attempts = new AtomicInteger();
                Throwable failure = catchThrowable(() -> assertThat(reader.read(pool, counted(attempts, Checks::countCars)))
                        .as("%s: the cars counted", TASK).isEqualTo(scale.cars()));
                assertThat(failure).as("%s. The read failed (%s) after %d attempt(s): the server had ended the "
                        + "connection, so borrow another one and run the read again", TASK, failure, attempts.get())
                        .isNull();
                assertThat(attempts).as("%s: attempts", TASK).hasValue(2);
            }
        }

        static void doesNotRetryOtherErrors(WorkbookDatabase database, Reader reader) throws SQLException {
            try (HikariDataSource pool = FaultyPools.pool(database, "part4-retry-other-errors", 1)) {
                AtomicInteger attempts = new AtomicInteger();
                Throwable failure = catchThrowable(() -> reader.read(pool, counted(attempts,
                        connection -> query(connection, "SELECT count(*) FROM no_such_table"))));
                assertThat(failure).as("%s: a read of a table that does not exist must fail", TASK)
                        .isInstanceOf(SQLException.class);
                assertThat(attempts).as("%s. The read failed with SQLSTATE %s (%s), and it was run %d times: that "
                                + "error is not a lost connection and would only happen again. Retry only SQLSTATE "
                                + "class 08 and 57P01", TASK, ((SQLException) failure).getSQLState(),
                        failure.getMessage(), attempts.get()).hasValue(1);
            }
        }

        static void runsAtMostTwice(WorkbookDatabase database, Reader reader) throws SQLException {
            try (LogCapture quiet = LogCapture.of(Level.WARN, "com.zaxxer.hikari");
                 HikariDataSource pool = deadPool(database, "part4-retry-twice", 2)) {
                AtomicInteger attempts = new AtomicInteger();
                Throwable failure = catchThrowable(() -> reader.read(pool, counted(attempts, Checks::countCars)));
                assertThat(attempts).as("%s. Both connections of the pool were dead: the read must run exactly "
                        + "twice (once, and once more after the lost connection), then give up; it was run %d time(s). "
                        + "A retry without a limit keeps a failing request busy for ever", TASK, attempts.get())
                        .hasValue(2);
                assertThat(failure).as("%s: after two lost connections the error must reach the caller", TASK)
                        .isInstanceOf(SQLException.class);
            }
        }

        /**
         * A fixed pool of {@code size} connections, every one of whose server processes has been ended, and which
         * hands them out unchecked (see {@link FaultyPools#poolThatTrustsRecentlyUsedConnections}).
         */
        private static HikariDataSource deadPool(WorkbookDatabase database, String name, int size)
                throws SQLException {
            HikariDataSource pool = FaultyPools.poolThatTrustsRecentlyUsedConnections(database, name, size);
            List<Connection> all = new ArrayList<>();
            try {
                for (int i = 0; i < size; i++) {
                    all.add(pool.getConnection()); // all at once: each one is used, so each one is trusted
                    countCars(all.get(i));
                }
            } finally {
                for (Connection connection : all) {
                    connection.close();
                }
            }
            FaultyPools.endItsBackends(database, name);
            return pool;
        }

        static Object countCars(Connection connection) throws SQLException {
            return query(connection, "SELECT count(*) FROM car");
        }

        private static Object query(Connection connection, String sql) throws SQLException {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
