package dbworkbook.part4;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.logging.LogCapture;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import java.math.BigDecimal;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.postgresql.jdbc.PgStatement;
import org.postgresql.util.PSQLException;

/**
 * Lesson 8: a statement that waits (here for the rows a {@link SaleInProgress} holds) keeps its connection for as long
 * as it waits, and a few of them take the whole pool. Then each bound: what it raises, and what it leaves behind (the
 * connection, the transaction, the server's process). Every wait is bounded at a few hundred milliseconds; no test
 * asserts how long anything took.
 */
@WorkbookTest(dealerships = 2, carsPerDealership = 3, salespeoplePerDealership = 0)
class TimeoutsTest {

    /** The dealership whose unsold cars the sale holds. */
    static final long HELD = 1;
    static final int CARS_OF_HELD = 3;

    static final String QUERY_CANCELED = "57014";
    static final String LOCK_NOT_AVAILABLE = "55P03";
    static final String IN_FAILED_TRANSACTION = "25P02";
    static final String IDLE_IN_TRANSACTION_TIMEOUT = "25P03";
    static final String CONNECTION_FAILURE = "08006";

    @Test
    void aFewStuckStatementsTakeTheWholePoolAndTheNextBorrowerTimesOut(WorkbookDatabase database) throws Exception {
        try (HikariDataSource pool = pool(database, "part4-stuck", 2, config -> config.setConnectionTimeout(250));
             SaleInProgress sale = SaleInProgress.ofUnsoldCarsOf(database.connect(), HELD);
             Connection observer = database.connect()) {
            List<CompletableFuture<Integer>> stuck =
                    List.of(repriceInTheBackground(pool), repriceInTheBackground(pool));
            Await.until("two statements waiting for the sale's rows",
                    () -> waitingForALock(observer, "part4-stuck").size() == 2);

            // Nothing is wrong with the two statements: they wait, and hold their connections as they wait.
            SQLTransientConnectionException timeout =
                    catchThrowableOfType(SQLTransientConnectionException.class, pool::getConnection);
            assertThat(timeout.getMessage()).contains("request timed out after")
                    .endsWith("(total=2, active=2, idle=0, waiting=0)");

            sale.close(); // rolled back: its rows are free, and the two statements get them
            for (CompletableFuture<Integer> statement : stuck) {
                assertThat(statement.get(Await.GENEROUS_LIMIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(CARS_OF_HELD);
            }
            assertThat(PoolState.of(pool)).as("the pool recovers by itself").isEqualTo(new PoolState(0, 2, 2, 0));
        }
    }

    @Test
    void statementTimeoutEndsTheStatementOnTheServerAndTheConnectionStaysUsable(WorkbookDatabase database)
            throws SQLException {
        // For every connection of the pool: the driver passes "options" to the server when it connects.
        try (HikariDataSource pool = pool(database, "part4-statement-timeout", 1,
                config -> config.addDataSourceProperty("options", "-c statement_timeout=100"));
             SaleInProgress sale = SaleInProgress.ofUnsoldCarsOf(database.connect(), HELD)) {
            int pid;
            try (Connection connection = pool.getConnection()) {
                pid = PoolBackends.pidOf(connection);
                SQLException timeout = catchThrowableOfType(SQLException.class, () -> reprice(connection));
                assertThat(timeout.getClass()).isEqualTo(PSQLException.class); // the driver's own, through the pool
                assertThat(timeout.getSQLState()).isEqualTo(QUERY_CANCELED);
                assertThat(timeout.getMessage()).startsWith("ERROR: canceling statement due to statement timeout");
                assertThat(countCars(connection)).as("the same connection works on").isEqualTo(2 * CARS_OF_HELD);

                // In a transaction the error aborts it: every statement fails until the rollback.
                connection.setAutoCommit(false);
                assertThat(catchThrowableOfType(SQLException.class, () -> reprice(connection)).getSQLState())
                        .isEqualTo(QUERY_CANCELED);
                SQLException aborted = catchThrowableOfType(SQLException.class, () -> countCars(connection));
                assertThat(aborted.getSQLState()).isEqualTo(IN_FAILED_TRANSACTION);
                assertThat(aborted.getMessage()).startsWith("ERROR: current transaction is aborted");
                connection.rollback();
                assertThat(countCars(connection)).isEqualTo(2 * CARS_OF_HELD);
            }
            try (Connection again = pool.getConnection()) {
                assertThat(PoolBackends.pidOf(again)).as("the pool kept the connection").isEqualTo(pid);
            }
        }
    }

    @Test
    void lockTimeoutBoundsTheWaitForALockAndNothingElse(WorkbookDatabase database) throws SQLException {
        try (HikariDataSource pool = pool(database, "part4-lock-timeout", 1,
                config -> config.addDataSourceProperty("options", "-c lock_timeout=50"));
             SaleInProgress sale = SaleInProgress.ofUnsoldCarsOf(database.connect(), HELD);
             Connection connection = pool.getConnection()) {
            SQLException timeout = catchThrowableOfType(SQLException.class, () -> reprice(connection));
            assertThat(timeout.getSQLState()).isEqualTo(LOCK_NOT_AVAILABLE);
            assertThat(timeout.getMessage()).startsWith("ERROR: canceling statement due to lock timeout");

            // A statement that is slow without waiting for a lock runs on, past the 50 ms.
            try (Statement statement = connection.createStatement()) {
                assertThat(statement.execute("SELECT pg_sleep(0.1)")).isTrue();
            }
        }
    }

    @Test
    void aQueryTimeoutMakesTheDriverAskTheServerToCancel(WorkbookDatabase database) throws SQLException {
        try (HikariDataSource pool = pool(database, "part4-query-timeout", 1, config -> { });
             SaleInProgress sale = SaleInProgress.ofUnsoldCarsOf(database.connect(), HELD);
             Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(SaleInProgress.REPRICE_CARS_OF_DEALERSHIP)) {
            int pid = PoolBackends.pidOf(connection);
            statement.setLong(1, HELD);
            // JDBC counts in whole seconds, setQueryTimeout(1); PgJDBC also takes milliseconds. When the time is up,
            // the driver opens a second connection to send the server a cancel request for this one.
            statement.unwrap(PgStatement.class).setQueryTimeoutMs(100);

            SQLException timeout = catchThrowableOfType(SQLException.class, statement::executeUpdate);
            assertThat(timeout.getSQLState()).isEqualTo(QUERY_CANCELED);
            assertThat(timeout.getMessage()).startsWith("ERROR: canceling statement due to user request");
            assertThat(countCars(connection)).isEqualTo(2 * CARS_OF_HELD);
            assertThat(PoolBackends.pidOf(connection)).isEqualTo(pid);
        }
    }

    @Test
    void myBatisDefaultStatementTimeoutIsAQueryTimeoutOnEveryStatement(WorkbookDatabase database) {
        try (HikariDataSource pool = pool(database, "part4-mybatis-timeout", 1, config -> { })) {
            Configuration configuration = MyBatisBootstrap.configuration(pool, "dbworkbook/part4/mybatis-config.xml");
            configuration.setDefaultStatementTimeout(1); // seconds; a mapped statement's timeout="..." overrides it
            QueryTimeouts seen = new QueryTimeouts();
            configuration.addInterceptor(seen);
            try (SqlSession session = new SqlSessionFactoryBuilder().build(configuration).openSession()) {
                assertThat(session.getMapper(CarMapper.class).countCars()).isEqualTo(2 * CARS_OF_HELD);
            }
            // The same Statement.setQueryTimeout as above, so the same cancel request when it runs out.
            assertThat(seen.seconds).containsExactly(1);
        }
    }

    @Test
    void aSocketTimeoutBreaksTheConnectionWhileTheServerGoesOnWaiting(WorkbookDatabase database) throws Exception {
        String app = "part4-socket-timeout";
        try (LogCapture log = LogCapture.of(Level.WARN, "com.zaxxer.hikari.pool.ProxyConnection");
             HikariDataSource pool = pool(database, app, 1, config -> { });
             SaleInProgress sale = SaleInProgress.ofUnsoldCarsOf(database.connect(), HELD);
             Connection observer = database.connect()) {
            BigDecimal pricesBefore = pricesOfHeld(observer);
            int stuckPid;
            try (Connection connection = pool.getConnection()) {
                stuckPid = PoolBackends.pidOf(connection);
                // The driver property socketTimeout (in seconds) sets this same read timeout on every connection.
                connection.setNetworkTimeout(Runnable::run, 100);
                SQLException broken = catchThrowableOfType(SQLException.class, () -> raisePrices(connection));
                assertThat(broken.getSQLState()).isEqualTo(CONNECTION_FAILURE);
                assertThat(broken.getMessage()).isEqualTo("An I/O error occurred while sending to the backend.");
                assertThat(broken.getCause()).isInstanceOf(SocketTimeoutException.class);
                assertThat(connection.isClosed()).isTrue();
            }
            assertThat(log.messages()).singleElement(as(STRING))
                    .endsWith("marked as broken because of SQLSTATE(08006), ErrorCode(0)");

            // The client gave up; the server does not know. Its process is still waiting for the rows.
            assertThat(waitingForALock(observer, app)).containsExactly(stuckPid);
            try (Connection next = pool.getConnection()) {
                assertThat(PoolBackends.pidOf(next)).as("HikariCP evicted the broken one").isNotEqualTo(stuckPid);
            }

            sale.close();
            // The rows are free: the process runs the UPDATE the application saw fail, commits it, and only then
            // finds nobody to answer to.
            Await.until("the stuck process ended", () -> !pids(observer, app).contains(stuckPid));
            assertThat(pricesOfHeld(observer)).isEqualByComparingTo(pricesBefore.add(BigDecimal.valueOf(CARS_OF_HELD)));
        }
    }

    @Test
    void idleInTransactionSessionTimeoutEndsTheSessionThatHoldsTheLock(WorkbookDatabase database) throws Exception {
        try (LogCapture quiet = LogCapture.of(Level.WARN, "com.zaxxer.hikari");
             HikariDataSource forgetful = pool(database, "part4-idle-in-transaction", 1,
                     config -> config.addDataSourceProperty("options", "-c idle_in_transaction_session_timeout=100"));
             HikariDataSource waiting = pool(database, "part4-waits-for-the-sale", 1, config -> { })) {
            Connection holder = forgetful.getConnection();
            int holderPid = PoolBackends.pidOf(holder);
            try (SaleInProgress sale = SaleInProgress.ofUnsoldCarsOf(holder, HELD)) {
                // No bound on the waiting statement: the server ends the idle transaction that holds the rows.
                assertThat(repriceInTheBackground(waiting).get(Await.GENEROUS_LIMIT.toSeconds(), TimeUnit.SECONDS))
                        .isEqualTo(CARS_OF_HELD);

                SQLException ended = catchThrowableOfType(SQLException.class, sale::commit);
                assertThat(ended.getSQLState()).isEqualTo(IDLE_IN_TRANSACTION_TIMEOUT);
                assertThat(ended.getMessage())
                        .startsWith("FATAL: terminating connection due to idle-in-transaction timeout");
                assertThat(holder.isClosed()).isTrue();
            }
            try (Connection connection = waiting.getConnection()) {
                assertThat(countCars(connection, "NOT is_sold")).as("the sale was rolled back").isEqualTo(4);
            }
            try (Connection next = forgetful.getConnection()) {
                assertThat(PoolBackends.pidOf(next)).as("a new server process").isNotEqualTo(holderPid);
            }
        }
    }

    /** Records the query timeout of each statement MyBatis prepares. */
    @Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
    static final class QueryTimeouts implements Interceptor {

        final List<Integer> seconds = new CopyOnWriteArrayList<>();

        @Override
        public Object intercept(Invocation invocation) throws Throwable {
            Statement statement = (Statement) invocation.proceed();
            seconds.add(statement.getQueryTimeout());
            return statement;
        }

        @Override
        public void setProperties(Properties properties) {
        }
    }

    private static HikariDataSource pool(WorkbookDatabase database, String name, int size,
                                         Consumer<HikariConfig> settings) {
        return database.pooledDataSource(name, config -> {
            config.setMaximumPoolSize(size);
            config.addDataSourceProperty("ApplicationName", name);
            settings.accept(config);
        });
    }

    /**
     * On a thread of its own: statements that wait for a lock would wait in line on a shared pool of threads (the
     * common pool has one thread on a 2-core machine), and only the first would reach the server.
     */
    private static CompletableFuture<Integer> repriceInTheBackground(HikariDataSource pool) {
        return CompletableFuture.supplyAsync(() -> {
            try (Connection connection = pool.getConnection()) {
                return reprice(connection);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, TimeoutsTest::startThread);
    }

    private static void startThread(Runnable work) {
        Thread thread = new Thread(work, "reprice");
        thread.setDaemon(true);
        thread.start();
    }

    private static int reprice(Connection connection) throws SQLException {
        return update(connection, SaleInProgress.REPRICE_CARS_OF_DEALERSHIP);
    }

    private static int raisePrices(Connection connection) throws SQLException {
        return update(connection, "UPDATE car SET price = price + 1 WHERE dealership_id = ?");
    }

    private static int update(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, HELD);
            return statement.executeUpdate();
        }
    }

    private static BigDecimal pricesOfHeld(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT sum(price) FROM car WHERE dealership_id = ?")) {
            statement.setLong(1, HELD);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBigDecimal(1);
            }
        }
    }

    private static long countCars(Connection connection) throws SQLException {
        return countCars(connection, "true");
    }

    private static long countCars(Connection connection, String condition) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM car WHERE " + condition)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<Integer> waitingForALock(Connection observer, String app) {
        try {
            return PoolBackends.waitingForALock(observer, app);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Integer> pids(Connection observer, String app) {
        try {
            return PoolBackends.pids(observer, app);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
