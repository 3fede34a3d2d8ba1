package dbworkbook.part4.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.junit.WorkbookTest;
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
import org.junit.jupiter.api.Test;

/** Exercise 1's contract: what any correct pool configuration for the burst does. */
@WorkbookTest(dealerships = 1, carsPerDealership = 1, salespeoplePerDealership = 0)
abstract class BurstPoolContract {

    static final String TASK = "Exercise 1: configure the pool in BurstPoolSettings so that the burst of "
            + BurstPool.TASKS + " requests completes with no timeout and at most " + BurstPoolSettings.CONNECTION_LIMIT
            + " connections";

    /** The settings under test. */
    abstract Consumer<HikariConfig> settings();

    @Test
    void theBurstCompletesWithNoTimeoutOnAtMostTheAllowedConnections(WorkbookDatabase database) throws Exception {
        BurstPool.check(database, settings());
    }

    /** The burst, and the checks of its outcome. */
    static final class BurstPool {

        static final int TASKS = 20;
        static final double QUERY_SECONDS = 0.2;

        private BurstPool() {
        }

        static void check(WorkbookDatabase database, Consumer<HikariConfig> settings) throws Exception {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (HikariDataSource pool = database.pooledDataSource("burst", config -> {
                settings.accept(config);
                config.setMetricRegistry(registry);
            })) {
                assertThat(pool.getMaximumPoolSize())
                        .as("%s. The pool may open up to maximumPoolSize = %d connections, more than the database "
                                + "allows this application", TASK, pool.getMaximumPoolSize())
                        .isLessThanOrEqualTo(BurstPoolSettings.CONNECTION_LIMIT);

                List<Throwable> failures = new ArrayList<>();
                Set<Integer> backends = runBurst(pool, failures);

                long timeouts = failures.stream().filter(SQLTransientConnectionException.class::isInstance).count();
                assertThat(timeouts).as("%s. %d of %d requests timed out after waiting %d ms for a connection "
                                + "(connectionTimeout). With %d connections, %d requests of %.0f ms each run in %d rounds: "
                                + "the last ones wait about %d ms in the pool", TASK, timeouts, TASKS,
                        pool.getConnectionTimeout(), pool.getMaximumPoolSize(), TASKS, QUERY_SECONDS * 1000,
                        rounds(pool), (long) ((rounds(pool) - 1) * QUERY_SECONDS * 1000)).isZero();
                assertThat(failures).as("%s: other failures", TASK).isEmpty();
                assertThat(backends).as("%s: server processes used", TASK)
                        .hasSizeLessThanOrEqualTo(BurstPoolSettings.CONNECTION_LIMIT);
                assertThat(registry.get("hikaricp.connections.timeout").counter().count()).isZero();
            }
        }

        private static int rounds(HikariDataSource pool) {
            return (TASKS + pool.getMaximumPoolSize() - 1) / pool.getMaximumPoolSize();
        }

        /** Runs the burst: all requests at once; returns the server processes that served them. */
        private static Set<Integer> runBurst(HikariDataSource pool, List<Throwable> failures)
                throws InterruptedException {
            ExecutorService requests = Executors.newFixedThreadPool(TASKS);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int i = 0; i < TASKS; i++) {
                    results.add(requests.submit(() -> slowQuery(pool)));
                }
                Set<Integer> backends = new HashSet<>();
                for (Future<Integer> result : results) {
                    try {
                        backends.add(result.get());
                    } catch (ExecutionException e) {
                        failures.add(e.getCause());
                    }
                }
                return backends;
            } finally {
                requests.shutdownNow();
            }
        }

        private static int slowQuery(HikariDataSource pool) throws SQLException {
            try (Connection connection = pool.getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_sleep(" + QUERY_SECONDS + ")");
                return PoolBackends.pidOf(connection);
            }
        }
    }
}
