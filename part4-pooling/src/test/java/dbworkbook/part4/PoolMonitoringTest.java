package dbworkbook.part4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.logging.LogCapture;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

/**
 * Lesson 4: four ways to see a pool at work. Its MXBean (a reading at any moment), its metrics in a Micrometer
 * registry (counts and times since it started), its own log lines at DEBUG, and the server's {@code pg_stat_activity}.
 */
@WorkbookTest(dealerships = 1, carsPerDealership = 1, salespeoplePerDealership = 0)
@SuppressWarnings("try") // connections held in try-with-resources and never used: holding them is the point
class PoolMonitoringTest {

    private static final String POOL_LOGGER = "com.zaxxer.hikari.pool.HikariPool";

    @Test
    void theMXBeanShowsWhoHoldsAConnectionAndWhoWaits(WorkbookDatabase database) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(6);
        CountDownLatch finishWork = new CountDownLatch(1);
        try (HikariDataSource pool = database.pooledDataSource("watched", config -> config.setMaximumPoolSize(4))) {
            Await.until("the pool filled", () -> PoolState.of(pool).total() == 4);
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                tasks.add(workers.submit(() -> {
                    try (Connection connection = pool.getConnection()) {
                        finishWork.await(); // holds the connection until the test lets go
                    }
                    return null;
                }));
            }

            PoolState underLoad = new PoolState(4, 0, 4, 2);
            Await.until("4 tasks holding a connection and 2 waiting: " + underLoad,
                    () -> PoolState.of(pool).equals(underLoad));

            finishWork.countDown();
            for (Future<?> task : tasks) {
                task.get(Await.GENEROUS_LIMIT.toSeconds(), TimeUnit.SECONDS);
            }
            assertThat(PoolState.of(pool)).isEqualTo(new PoolState(0, 4, 4, 0));
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void micrometerCountsEveryBorrowEveryReturnAndEveryTimeout(WorkbookDatabase database) throws SQLException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (HikariDataSource pool = database.pooledDataSource("metered", config -> {
            config.setMaximumPoolSize(1);
            config.setConnectionTimeout(250);
            config.setMetricRegistry(registry);
        })) {
            for (int i = 0; i < 10; i++) {
                try (Connection connection = pool.getConnection()) {
                    PoolBackends.pidOf(connection);
                }
            }
            try (Connection held = pool.getConnection()) {
                assertThatThrownBy(pool::getConnection).isInstanceOf(SQLTransientConnectionException.class);
            }

            // acquire times every getConnection(): 11 that got a connection and the 1 that timed out.
            assertThat(registry.get("hikaricp.connections.acquire").tag("pool", "metered").timer().count())
                    .isEqualTo(12);
            // usage times how long each borrowed connection was held, counted when it is returned.
            assertThat(registry.get("hikaricp.connections.usage").tag("pool", "metered").timer().count())
                    .isEqualTo(11);
            assertThat(registry.get("hikaricp.connections.timeout").tag("pool", "metered").counter().count())
                    .isEqualTo(1);
            assertThat(registry.get("hikaricp.connections.max").tag("pool", "metered").gauge().value()).isEqualTo(1);
        }
    }

    @Test
    void theHousekeeperLogsThePoolsStatsAtDebug(WorkbookDatabase database) {
        assumeTrue(Long.getLong("com.zaxxer.hikari.housekeeping.periodMs", 30_000) <= 1_000,
                "The housekeeper runs every 30 s unless -Dcom.zaxxer.hikari.housekeeping.periodMs says otherwise "
                        + "(the module's pom sets 1000 for its tests; an IDE run may not).");
        try (LogCapture log = LogCapture.of(Level.DEBUG, POOL_LOGGER);
             HikariDataSource pool = database.pooledDataSource("housekept", config -> config.setMaximumPoolSize(2))) {
            String statsAtRest = pool.getPoolName() + " - Pool stats (total=2/2, idle=2/2, active=0, waiting=0)";
            Await.until("a periodic stats line", () -> log.messages().contains(statsAtRest));
        }
    }

    @Test
    void thePoolLogsItsStatsAtATimeoutAndAtShutdownToo(WorkbookDatabase database) throws SQLException {
        try (LogCapture log = LogCapture.of(Level.DEBUG, POOL_LOGGER)) {
            try (HikariDataSource pool = database.pooledDataSource("logged", config -> {
                config.setMaximumPoolSize(1);
                config.setConnectionTimeout(250);
            });
                 Connection held = pool.getConnection()) {
                assertThatThrownBy(pool::getConnection).isInstanceOf(SQLTransientConnectionException.class);
            }
            assertThat(log.messages()).contains(
                    "logged - Timeout failure stats (total=1/1, idle=0/1, active=1, waiting=0)",
                    "logged - Before shutdown stats (total=1/1, idle=1/1, active=0, waiting=0)",
                    "logged - After  shutdown stats (total=0/1, idle=0/1, active=0, waiting=0)");
        }
    }

    @Test
    void theServerSeesThePoolsConnectionsUnderItsApplicationName(WorkbookDatabase database) throws SQLException {
        try (HikariDataSource pool = database.pooledDataSource("named", config -> {
            config.setMaximumPoolSize(3);
            config.addDataSourceProperty("ApplicationName", "part4-monitoring");
        });
             Connection observer = database.connect()) {
            Await.until("3 connections open", () -> PoolState.of(pool).total() == 3);

            assertThat(PoolBackends.pids(observer, "part4-monitoring")).hasSize(3);
        }
    }
}
