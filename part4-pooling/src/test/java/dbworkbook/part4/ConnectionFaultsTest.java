package dbworkbook.part4;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.logging.LogCapture;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

/**
 * Lesson 7: the server ends the pool's connections ({@code pg_terminate_backend}, as an operator, a restart or a
 * failover does). What the application sees, what HikariCP does about it, and how a read recovers.
 */
@WorkbookTest(dealerships = 5, carsPerDealership = 4, salespeoplePerDealership = 0)
class ConnectionFaultsTest {

    /** SQLSTATE of "terminating connection due to administrator command". */
    static final String ADMIN_SHUTDOWN = "57P01";

    /** Where HikariCP says it dropped a connection: at a failed statement, and at a failed check before a borrow. */
    static final String[] HIKARI_FAULT_LOGGERS = {"com.zaxxer.hikari.pool.ProxyConnection",
            "com.zaxxer.hikari.pool.PoolBase"};

    @Test
    void aConnectionInHandFailsOnItsNextStatementAndIsThenReplaced(WorkbookDatabase database) throws SQLException {
        try (LogCapture log = LogCapture.of(Level.WARN, HIKARI_FAULT_LOGGERS);
             HikariDataSource pool = FaultyPools.pool(database, "part4-faults-in-hand", 1)) {
            Connection inHand = pool.getConnection();
            int endedPid = PoolBackends.pidOf(inHand);

            assertThat(FaultyPools.endItsBackends(database, "part4-faults-in-hand")).isEqualTo(1);

            SQLException failure = catchThrowableOfType(SQLException.class, () -> countCars(inHand));
            assertThat(failure.getSQLState()).isEqualTo(ADMIN_SHUTDOWN);
            assertThat(failure.getMessage()).contains("terminating connection due to administrator command");
            assertThat(log.messages()).singleElement(as(STRING)).startsWith("part4-faults-in-hand - Connection ")
                    .endsWith(" marked as broken because of SQLSTATE(57P01), ErrorCode(0)");
            inHand.close(); // marked broken at the failure: closing it evicts it instead of returning it

            try (Connection next = pool.getConnection()) {
                assertThat(PoolBackends.pidOf(next)).as("a new server process").isNotEqualTo(endedPid);
            }
        }
    }

    @Test
    void idleConnectionsEndedByTheServerAreReplacedAtTheNextBorrow(WorkbookDatabase database, Scale scale)
            throws Exception {
        try (LogCapture log = LogCapture.of(Level.WARN, HIKARI_FAULT_LOGGERS);
             HikariDataSource pool = FaultyPools.pool(database, "part4-faults-idle", 3)) {
            Set<Integer> ended = pidsOfAllConnections(pool, 3);
            // HikariCP checks an idle connection before handing it out only if it was last used more than 500 ms
            // ago (see the next test). Wait that long: the test then shows the checked case, on any machine.
            Thread.sleep(1_000);
            assertThat(FaultyPools.endItsBackends(database, "part4-faults-idle")).isEqualTo(3);

            Set<Integer> after = pidsOfAllConnections(pool, 3); // every borrow works: dead ones were dropped
            assertThat(after).hasSize(3).doesNotContainAnyElementsOf(ended);
            assertThat(log.messages()).hasSize(3).allSatisfy(line -> assertThat(line)
                    .startsWith("part4-faults-idle - Failed to validate connection ")
                    .endsWith("(This connection has been closed.). Possibly consider using a shorter maxLifetime value."));
            try (Connection connection = pool.getConnection()) {
                assertThat(countCars(connection)).isEqualTo(scale.cars());
            }
        }
    }

    @Test
    void aConnectionUsedWithinTheLastHalfSecondIsHandedOutUnchecked(WorkbookDatabase database) throws SQLException {
        try (LogCapture log = LogCapture.of(Level.WARN, HIKARI_FAULT_LOGGERS);
             HikariDataSource pool = FaultyPools.poolThatTrustsRecentlyUsedConnections(database, "part4-faults-trusted", 1)) {
            try (Connection connection = pool.getConnection()) {
                PoolBackends.pidOf(connection);
            }
            FaultyPools.endItsBackends(database, "part4-faults-trusted");

            try (Connection borrowed = pool.getConnection()) { // no error here: the borrow itself succeeds
                SQLException failure = catchThrowableOfType(SQLException.class, () -> countCars(borrowed));
                assertThat(failure.getSQLState()).isEqualTo(ADMIN_SHUTDOWN);
            }
            assertThat(log.messages()).as("no check failed before the borrow").noneMatch(line -> line.contains("validate"));
        }
    }

    @Test
    void anIdempotentReadRetriedOnceRecoversWithNothingLost(WorkbookDatabase database, Scale scale)
            throws SQLException {
        try (LogCapture log = LogCapture.of(Level.WARN, HIKARI_FAULT_LOGGERS);
             HikariDataSource pool = FaultyPools.poolThatTrustsRecentlyUsedConnections(database, "part4-faults-retry", 1)) {
            long before;
            try (Connection connection = pool.getConnection()) {
                before = countCars(connection);
            }
            FaultyPools.endItsBackends(database, "part4-faults-retry");

            List<String> failures = new ArrayList<>();
            long after = -1;
            for (int attempt = 1; attempt <= 2 && after < 0; attempt++) {
                try (Connection connection = pool.getConnection()) {
                    after = countCars(connection);
                } catch (SQLException e) {
                    // Retry only what is safe to run twice (a read), and only for a lost connection: class 08, or the
                    // server ending the session (57P01). A syntax error or a constraint violation would fail again.
                    if (!e.getSQLState().startsWith("08") && !e.getSQLState().equals(ADMIN_SHUTDOWN)) {
                        throw e;
                    }
                    failures.add(e.getSQLState());
                }
            }

            assertThat(failures).containsExactly(ADMIN_SHUTDOWN);
            assertThat(log.messages()).singleElement(as(STRING)).contains("marked as broken");
            assertThat(after).isEqualTo(before).isEqualTo(scale.cars());
        }
    }

    @Test
    void softEvictingThePoolAtTheFirstLostConnectionRetiresTheOtherDeadOnesToo(WorkbookDatabase database, Scale scale)
            throws SQLException {
        try (LogCapture log = LogCapture.of(Level.WARN, HIKARI_FAULT_LOGGERS);
             HikariDataSource pool = FaultyPools.poolThatTrustsRecentlyUsedConnections(database, "part4-faults-evict", 2)) {
            Set<Integer> ended = pidsOfAllConnections(pool, 2);
            FaultyPools.endItsBackends(database, "part4-faults-evict");

            try (Connection first = pool.getConnection()) {
                assertThat(catchThrowableOfType(SQLException.class, () -> countCars(first)).getSQLState())
                        .isEqualTo(ADMIN_SHUTDOWN);
            }
            // The other connection is dead too, and would be handed out next. Soft eviction closes every connection
            // the pool has now (idle ones at once, borrowed ones when they come back) and the pool opens new ones.
            pool.getHikariPoolMXBean().softEvictConnections();

            try (Connection next = pool.getConnection()) {
                assertThat(countCars(next)).isEqualTo(scale.cars());
                assertThat(PoolBackends.pidOf(next)).isNotIn(ended);
            }
            assertThat(log.messages()).as("only the first dead connection was ever used")
                    .singleElement(as(STRING)).contains("marked as broken");
        }
    }

    private static long countCars(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM car")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Borrows {@code size} connections at once, so each is a different one, and returns their server processes. */
    private static Set<Integer> pidsOfAllConnections(HikariDataSource pool, int size) throws SQLException {
        List<Connection> borrowed = new ArrayList<>();
        Set<Integer> pids = new HashSet<>();
        try {
            for (int i = 0; i < size; i++) {
                borrowed.add(pool.getConnection());
                pids.add(PoolBackends.pidOf(borrowed.get(i)));
            }
        } finally {
            for (Connection connection : borrowed) {
                connection.close();
            }
        }
        return pids;
    }
}
