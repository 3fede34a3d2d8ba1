package dbworkbook.part4.exercises;

import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.demo.NetworkDelayProxy;
import dbworkbook.common.exercise.Exercise;
import dbworkbook.common.exercise.ExerciseContract;
import dbworkbook.common.exercise.ExerciseData;
import dbworkbook.common.exercise.Expect;
import dbworkbook.common.logging.LogCapture;
import dbworkbook.part4.FaultyPools;
import dbworkbook.part4.PoolState;
import dbworkbook.part4.ReadRetry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.Level;

/**
 * Exercise 4.3's contract. Connections are lost two ways: the server ends them ({@code pg_terminate_backend}:
 * SQLSTATE 57P01), and the network between breaks (a relay of the contract's cuts them: 08006). Each pool hands
 * out its dead connections unchecked, as a busy pool does after a failover ({@link FaultyPools}). Errors that are
 * not a lost connection come from the server (42P01, 22012, 57014) and from the read itself.
 */
@Exercise(id = "4.3", title = "retry a read once when the connection was lost",
        files = "src/main/java/dbworkbook/part4/exercises/RetryOnce.java",
        hint = "Lesson 7 (ConnectionFaultsTest): a lost connection shows in SQLException.getSQLState(): the class 08 "
                + "(connection exception), or 57P01 (the server ended the session). Nothing else, not the other 57 "
                + "codes either; and the state can be null. The first attempt's connection goes back (closed) before "
                + "the second is borrowed.")
class RetryOnceExercise extends ExerciseContract<ExerciseData> {

    @Override
    protected ExerciseData prepare(WorkbookDatabase database, long seed) throws Exception {
        return ExerciseData.generate(database.unpooledDataSource(), seed, ExerciseData.Shape.small());
    }

    @Override
    protected List<Check<ExerciseData>> checks() {
        return List.of(
                check("a read that works runs once", trial -> {
                    try (HikariDataSource pool = FaultyPools.pool(trial.database(), "retry-healthy", 1)) {
                        AtomicInteger attempts = new AtomicInteger();
                        Object cars = retry(trial).read(pool, counted(attempts, RetryOnceExercise::countCars));
                        Expect.that(Long.valueOf(trial.data().cars().size()).equals(cars), "the read returned %s, "
                                + "where it counts %d cars.", cars, trial.data().cars().size());
                        Expect.that(attempts.get() == 1, "a read that worked was run %d times.", attempts.get());
                        noConnectionKept(pool, "a read that worked");
                    }
                }),
                check("a read whose connection the server ended runs once more, on a new one", trial -> {
                    try (LogCapture quiet = LogCapture.of(Level.ERROR, "com.zaxxer.hikari");
                         HikariDataSource pool = deadPool(trial.database(), "retry-ended", 1)) {
                        recovers(trial, pool, "the server had ended its connection (SQLSTATE 57P01)");
                    }
                }),
                check("a read whose network connection broke runs once more, on a new one", trial -> {
                    try (LogCapture quiet = LogCapture.of(Level.ERROR, "com.zaxxer.hikari");
                         NetworkDelayProxy relay = NetworkDelayProxy.start(trial.database().workbook().server()
                                 .address(), Duration.ZERO);
                         HikariDataSource pool = FaultyPools.poolThatTrustsRecentlyUsedConnectionsThrough(relay,
                                 trial.database(), "retry-network")) {
                        try (Connection connection = pool.getConnection()) {
                            countCars(connection);
                        }
                        relay.breakConnections();
                        recovers(trial, pool, "the network connection to the server broke (SQLSTATE 08006)");
                    }
                }),
                check("other errors are not retried, and reach the caller as they were", trial -> {
                    try (HikariDataSource pool = FaultyPools.pool(trial.database(), "retry-other-errors", 1)) {
                        notRetried(trial, pool, "a missing table (SQLSTATE 42P01)",
                                connection -> query(connection, "SELECT count(*) FROM no_such_table"));
                        notRetried(trial, pool, "a division by zero (SQLSTATE 22012)",
                                connection -> query(connection, "SELECT 1 / (count(*) - count(*)) FROM car"));
                        notRetried(trial, pool, "a statement timeout (SQLSTATE 57014, not a lost connection although "
                                + "it starts with 57)", connection -> {
                                    try (Statement statement = connection.createStatement()) {
                                        statement.execute("SET statement_timeout = 50");
                                        try {
                                            return query(connection, "SELECT count(*) FROM pg_sleep(2)");
                                        } finally {
                                            statement.execute("RESET statement_timeout");
                                        }
                                    }
                                });
                        notRetried(trial, pool, "an SQLException without an SQLSTATE", connection -> {
                            throw new SQLException("the read failed, and says no SQLSTATE");
                        });
                        notRetried(trial, pool, "an IllegalStateException of the read's own", connection -> {
                            throw new IllegalStateException("the read's own error");
                        });
                    }
                }),
                check("two lost connections in a row: the read ran twice, and the error reaches the caller", trial -> {
                    try (LogCapture quiet = LogCapture.of(Level.ERROR, "com.zaxxer.hikari");
                         HikariDataSource pool = deadPool(trial.database(), "retry-twice", 2)) {
                        AtomicInteger attempts = new AtomicInteger();
                        Throwable failure = null;
                        try {
                            retry(trial).read(pool, counted(attempts, RetryOnceExercise::countCars));
                        } catch (Throwable e) {
                            failure = e;
                        }
                        Expect.that(attempts.get() == 2, "both connections of the pool were dead: the read must run "
                                + "twice (once, and once more after the lost connection), then give up. It was run %d "
                                + "time(s).%s", attempts.get(), attempts.get() > 2 ? " A retry without a limit keeps a "
                                        + "failing request busy for ever." : "");
                        Expect.that(failure instanceof SQLException, "after two lost connections the SQLException must "
                                + "reach the caller; it got %s.", failure == null ? "a result" : failure);
                        noConnectionKept(pool, "two lost connections");
                    }
                }));
    }

    private static void recovers(Trial<ExerciseData> trial, HikariDataSource pool, String what) throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        List<Connection> used = new ArrayList<>();
        Object cars;
        try {
            cars = retry(trial).read(pool, counted(attempts, connection -> {
                used.add(connection);
                return countCars(connection);
            }));
        } catch (SQLException e) {
            throw Expect.failure("the first attempt of a read failed because %s, and the read ended with %s (SQLSTATE "
                    + "%s) after %d attempt(s): run it once more, on a newly borrowed connection.", what,
                    e.getMessage().lines().findFirst().orElse(""), e.getSQLState(), attempts.get());
        }
        Expect.that(attempts.get() == 2, "the first attempt failed because %s; the read must then run exactly once "
                + "more. It ran %d time(s).", what, attempts.get());
        Expect.that(used.size() == 2 && used.get(0) != used.get(1), "the second attempt ran on the connection that "
                + "had failed: borrow a new one.");
        Expect.that(Long.valueOf(trial.data().cars().size()).equals(cars), "the read returned %s, where it counts %d "
                + "cars.", cars, trial.data().cars().size());
        noConnectionKept(pool, "a read retried after " + what.replaceFirst(" \\(.*$", ""));
    }

    private static void notRetried(Trial<ExerciseData> trial, HikariDataSource pool, String what,
                                   ReadRetry.Read<Object> read) throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        List<Throwable> thrown = new ArrayList<>();
        Throwable failure = null;
        try {
            retry(trial).read(pool, counted(attempts, connection -> {
                try {
                    return read.run(connection);
                } catch (SQLException | RuntimeException e) {
                    thrown.add(e);
                    throw e;
                }
            }));
        } catch (Throwable e) {
            failure = e;
        }
        Expect.that(attempts.get() == 1, "a read that failed with %s was run %d times: that error is not a lost "
                + "connection, and would only happen again. Retry only SQLSTATE class 08 and 57P01.", what,
                attempts.get());
        Expect.that(failure != null && !thrown.isEmpty() && failure == thrown.get(0), "a read that failed with %s "
                + "must fail with that same error, unchanged; the caller got %s.", what,
                failure == null ? "a result" : failure);
        noConnectionKept(pool, "a read that failed with " + what);
    }

    private static void noConnectionKept(HikariDataSource pool, String after) {
        int active = PoolState.of(pool).active();
        Expect.that(active == 0, "after %s, %d connection(s) were still borrowed from the pool: every attempt's "
                + "connection goes back (closed), the failed one too.", after, active);
    }

    /** A fixed pool of {@code size} connections whose server processes have all been ended, handed out unchecked. */
    private static HikariDataSource deadPool(WorkbookDatabase database, String name, int size) throws SQLException {
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

    private static ReadRetry.Read<Object> counted(AtomicInteger attempts, ReadRetry.Read<Object> read) {
        return connection -> {
            attempts.incrementAndGet();
            return read.run(connection);
        };
    }

    static Object countCars(Connection connection) throws SQLException {
        return query(connection, "SELECT count(*) FROM car");
    }

    private static Object query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static ReadRetry retry(Trial<ExerciseData> trial) {
        return trial.answer().newInstance("dbworkbook.part4.exercises.RetryOnce", ReadRetry.class);
    }
}
