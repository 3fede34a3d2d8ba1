package dbworkbook.part4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.logging.LogCapture;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

/**
 * Lesson 2: the seed's {@code pool_size}, {@code max_overflow} and {@code pool_timeout} in HikariCP's terms, the fixed
 * pool HikariCP recommends instead, and what HikariCP does with settings out of its range.
 */
@WorkbookTest(dealerships = 1, carsPerDealership = 1, salespeoplePerDealership = 0)
class PoolSettingsTest {

    @Test
    void theSeedsSettingsBecomeAFloorOfFiveIdleConnectionsAndACapOfFifteen(WorkbookDatabase database)
            throws SQLException {
        // The seed's pool_timeout is 30 s; the test waits the shortest time HikariCP allows.
        SeedPoolSettings seed = new SeedPoolSettings(5, 10, Duration.ofMillis(250));
        try (HikariDataSource pool = database.pooledDataSource("seed-settings", seed::applyTo)) {
            // At rest the pool fills itself, in the background, to minimumIdle (pool_size).
            Await.until("5 idle connections (minimumIdle)", () -> PoolState.of(pool).idle() == 5);

            // Under load it opens more, up to maximumPoolSize (pool_size + max_overflow), and not one more.
            List<Connection> held = new ArrayList<>();
            try {
                for (int i = 0; i < 15; i++) {
                    held.add(pool.getConnection());
                }
                assertThat(PoolState.of(pool)).isEqualTo(new PoolState(15, 0, 15, 0));
                assertThatThrownBy(pool::getConnection).isInstanceOf(SQLTransientConnectionException.class);
            } finally {
                closeAll(held);
            }
            // Returned, the 10 "overflow" connections stay open as idle ones: unlike SQLAlchemy, which closes overflow
            // connections on return, HikariCP retires them only after idleTimeout (10 minutes by default).
            assertThat(PoolState.of(pool)).isEqualTo(new PoolState(0, 15, 15, 0));
        }
    }

    @Test
    void aFixedPoolOpensAllItsConnectionsAndKeepsThem(WorkbookDatabase database) {
        try (HikariDataSource pool = database.pooledDataSource("fixed", config -> config.setMaximumPoolSize(4))) {
            // minimumIdle was not set: it defaults to maximumPoolSize, which makes the pool fixed.
            assertThat(pool.getMinimumIdle()).isEqualTo(4);
            Await.until("4 idle connections", () -> PoolState.of(pool).equals(new PoolState(0, 4, 4, 0)));
        }
    }

    @Test
    void theSettingsThatBoundTimeHaveDefaultsWorthKnowing() {
        HikariConfig defaults = new HikariConfig();

        assertThat(defaults.getMaximumPoolSize()).isEqualTo(10);
        assertThat(defaults.getConnectionTimeout()).isEqualTo(Duration.ofSeconds(30).toMillis());
        assertThat(defaults.getIdleTimeout()).isEqualTo(Duration.ofMinutes(10).toMillis());
        assertThat(defaults.getMaxLifetime()).isEqualTo(Duration.ofMinutes(30).toMillis());
        assertThat(defaults.getKeepaliveTime()).isEqualTo(Duration.ofMinutes(2).toMillis());
        assertThat(defaults.getLeakDetectionThreshold()).as("leak detection is off").isZero();
    }

    @Test
    void aConnectionTimeoutBelow250MillisecondsIsRefusedAtOnce() {
        HikariConfig config = new HikariConfig();

        assertThatThrownBy(() -> config.setConnectionTimeout(100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("connectionTimeout cannot be less than 250ms");
    }

    @Test
    void otherValuesOutOfRangeAreCorrectedWithAWarningWhenThePoolStarts(WorkbookDatabase database) {
        try (LogCapture log = LogCapture.of(Level.WARN, "com.zaxxer.hikari.HikariConfig");
             HikariDataSource pool = database.pooledDataSource("out-of-range", config -> {
                 config.setMaximumPoolSize(1);
                 config.setLeakDetectionThreshold(500);  // the minimum is 2 s
                 config.setMaxLifetime(10_000);          // the minimum is 30 s
                 config.setKeepaliveTime(5_000);         // the minimum is 30 s
                 config.setIdleTimeout(60_000);          // means nothing in a fixed pool
             })) {
            assertThat(pool.getLeakDetectionThreshold()).as("leak detection switched off").isZero();
            assertThat(pool.getMaxLifetime()).as("maxLifetime back to its default").isEqualTo(1_800_000);
            assertThat(pool.getKeepaliveTime()).as("keepalive switched off").isZero();
            assertThat(log.messages()).containsExactlyInAnyOrder(
                    "out-of-range - maxLifetime is less than 30000ms, setting to default 1800000ms.",
                    "out-of-range - keepaliveTime is less than 30000ms, disabling it.",
                    "out-of-range - leakDetectionThreshold is less than 2000ms or more than maxLifetime, disabling it.",
                    "out-of-range - idleTimeout has been set but has no effect because the pool is operating as a "
                            + "fixed size pool.");
        }
    }

    private static void closeAll(List<Connection> connections) throws SQLException {
        for (Connection connection : connections) {
            connection.close();
        }
    }
}
