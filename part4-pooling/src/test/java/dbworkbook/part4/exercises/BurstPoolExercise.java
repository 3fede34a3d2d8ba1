package dbworkbook.part4.exercises;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.exercise.Exercise;
import dbworkbook.common.exercise.ExerciseContract;
import dbworkbook.common.exercise.Expect;
import dbworkbook.common.logging.LogCapture;
import dbworkbook.part4.PoolBackends;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.logging.log4j.Level;

/**
 * Exercise 4.1's contract: the pool's settings, then the burst, at the planned speed and twice as slow. Whether a
 * request times out depends on how long it waits in the pool, which the queries decide ({@code pg_sleep}): the same
 * on any machine, give or take the margin the exercise asks for.
 */
@Exercise(id = "4.1", title = "size a pool for a burst",
        files = "src/main/java/dbworkbook/part4/exercises/BurstPoolSettings.java",
        hint = "Lessons 2 and 3: with fewer connections than requests, the others queue in the pool. How many rounds "
                + "of queries does the burst take on the connections you may have, how long does the last request "
                + "wait, and which setting decides how long a request may wait for a connection?")
class BurstPoolExercise extends ExerciseContract<WorkbookDatabase> {

    static final int REQUESTS = 20;
    static final int LIMIT = 5;
    static final long MAX_TIMEOUT_MS = 30_000;

    @Override
    protected boolean dataVariesBySeed() {
        return false;
    }

    @Override
    protected boolean knownAnswersInParallel() {
        return true; // each answer waits: for a JVM of its own, or for the server's sleeps
    }

    /**
     * Three at once: a burst sleeps on the server, and at most 5 connections each. More load only lengthens the waits,
     * which the correct answers (seconds of connectionTimeout) absorb and the wrong ones (their failing timeouts of a
     * few hundred ms) fail on all the more.
     */
    @Override
    protected int knownAnswersAtOnce() {
        return 3;
    }

    @Override
    protected WorkbookDatabase prepare(WorkbookDatabase database, long seed) {
        return database;
    }

    @Override
    protected List<Check<WorkbookDatabase>> checks() {
        return List.of(
                check("at most 5 connections, and a bounded wait for one", trial -> {
                    HikariConfig config = new HikariConfig();
                    settings(trial).accept(config);
                    Expect.that(config.getMaximumPoolSize() <= LIMIT, "maximumPoolSize is %d: the pool may open up to "
                            + "that many connections, more than the %d the database allows this application.",
                            config.getMaximumPoolSize(), LIMIT);
                    Expect.that(config.getConnectionTimeout() <= MAX_TIMEOUT_MS, "connectionTimeout is %d ms%s: a "
                            + "request must still fail, and not hang, when the database is really gone. Keep it at "
                            + "most %d ms (HikariCP's default).", config.getConnectionTimeout(),
                            config.getConnectionTimeout() >= Integer.MAX_VALUE ? " (0 means: wait for ever)" : "",
                            MAX_TIMEOUT_MS);
                }),
                check("the burst completes with no timeout, at 80 ms a query and at 160 ms", trial -> {
                    for (double seconds : new double[] {0.08, 0.16}) {
                        burst(trial, seconds);
                    }
                }));
    }

    private static void burst(Trial<WorkbookDatabase> trial, double querySeconds) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        String warned;
        HikariDataSource created;
        // HikariCP WARNs about settings it corrects or ignores as it makes the pool: those lines go into the verdict,
        // where they explain something, not onto the console. One pool made at a time, so that each capture holds
        // only its own pool's lines (known answers are judged side by side).
        synchronized (BurstPoolExercise.class) {
            try (LogCapture settingWarnings = LogCapture.of(Level.WARN, "com.zaxxer.hikari.HikariConfig")) {
                created = trial.database().pooledDataSource("burst", config -> {
                    settings(trial).accept(config);
                    config.setMetricRegistry(registry);
                });
                warned = settingWarnings.messages().isEmpty() ? "" : " HikariCP warned about these settings: "
                        + String.join("; ", settingWarnings.messages());
            }
        }
        try (HikariDataSource pool = created) {
            List<Throwable> failures = new ArrayList<>();
            Set<Integer> backends = new HashSet<>();
            ExecutorService requests = Executors.newFixedThreadPool(REQUESTS);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int i = 0; i < REQUESTS; i++) {
                    results.add(requests.submit(() -> slowQuery(pool, querySeconds)));
                }
                for (Future<Integer> result : results) {
                    try {
                        backends.add(result.get());
                    } catch (ExecutionException e) {
                        failures.add(e.getCause());
                    }
                }
            } finally {
                requests.shutdownNow();
            }
            long timeouts = failures.stream().filter(SQLTransientConnectionException.class::isInstance).count();
            int connections = pool.getMaximumPoolSize();
            int rounds = (REQUESTS + connections - 1) / connections;
            Expect.that(timeouts == 0, "with queries of %.0f ms, %d of %d requests timed out after waiting %d ms for a "
                    + "connection (connectionTimeout). On %d connections, %d requests run in %d rounds: the last ones "
                    + "wait about %.0f ms in the pool, and a slower day makes that longer.%s", querySeconds * 1000,
                    timeouts, REQUESTS, pool.getConnectionTimeout(), connections, REQUESTS, rounds,
                    (rounds - 1) * querySeconds * 1000, warned);
            Expect.that(failures.isEmpty(), "with queries of %.0f ms, requests failed: %s", querySeconds * 1000,
                    failures.isEmpty() ? "" : failures.get(0));
            Expect.that(backends.size() <= LIMIT, "the burst was served by %d server processes, more than the %d "
                    + "allowed.%s", backends.size(), LIMIT, warned);
            Expect.that(registry.get("hikaricp.connections.timeout").counter().count() == 0,
                    "HikariCP counted a connection timeout.");
        }
    }

    private static int slowQuery(HikariDataSource pool, double seconds) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_sleep(" + seconds + ")");
            return PoolBackends.pidOf(connection);
        }
    }

    @SuppressWarnings("unchecked")
    private static Consumer<HikariConfig> settings(Trial<WorkbookDatabase> trial) {
        return trial.answer().newInstance("dbworkbook.part4.exercises.BurstPoolSettings", Consumer.class);
    }
}
