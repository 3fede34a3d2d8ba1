package dbworkbook.part3;

import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

/**
 * Lesson 3: PgJDBC's {@code prepareThreshold}. The driver counts the executions of each SQL text on a connection;
 * from the threshold on (default 5) it uses a named server-side prepared statement, parsed and planned once and
 * kept for the connection's life. That happens below MyBatis: here with the SIMPLE executor, which closes its
 * {@code PreparedStatement} after every call. {@code pg_prepared_statements} lists a session's server statements.
 */
@WorkbookTest(dealerships = 2, carsPerDealership = 10)
class PrepareThresholdTest {

    @Test
    void byDefaultTheFifthExecutionSwitchesToAServerSidePreparedStatement(WorkbookDatabase db) throws SQLException {
        try (SqlSession session = sessionOnOneConnection(db, null)) {
            lookUpCars(session, 4);
            assertThat(serverPreparedCarLookups(session)).as("after 4 executions").isZero();

            lookUpCars(session, 1);
            assertThat(serverPreparedCarLookups(session)).as("after the 5th execution").isEqualTo(1);

            lookUpCars(session, 10);
            assertThat(serverPreparedCarLookups(session)).as("one statement, reused by every later execution")
                    .isEqualTo(1);
        }
    }

    @Test
    void zeroNeverPreparesOnTheServer(WorkbookDatabase db) throws SQLException {
        try (SqlSession session = sessionOnOneConnection(db, "0")) {
            lookUpCars(session, 15);

            assertThat(serverPreparedCarLookups(session)).isZero();
        }
    }

    @Test
    void minusOnePreparesOnTheServerFromTheFirstExecution(WorkbookDatabase db) throws SQLException {
        try (SqlSession session = sessionOnOneConnection(db, "-1")) {
            lookUpCars(session, 1);

            assertThat(serverPreparedCarLookups(session)).isEqualTo(1);
        }
    }

    /** A SIMPLE-executor session on a pool of one connection with this {@code prepareThreshold} (null: default). */
    private static SqlSession sessionOnOneConnection(WorkbookDatabase db, String prepareThreshold) {
        SqlSessionFactory factory = MyBatisBootstrap.sqlSessionFactory(db.pooledDataSource(
                "prepare-threshold-" + prepareThreshold, config -> {
                    config.setMaximumPoolSize(1);
                    if (prepareThreshold != null) {
                        config.addDataSourceProperty("prepareThreshold", prepareThreshold);
                    }
                }), Part3.MYBATIS_CONFIG);
        return factory.openSession(ExecutorType.SIMPLE);
    }

    /** Looks up {@code times} different cars (different ids, so the session's local cache does not answer). */
    private static void lookUpCars(SqlSession session, int times) {
        CarMapper mapper = session.getMapper(CarMapper.class);
        for (int i = 0; i < times; i++) {
            mapper.findByIdUncached(1 + i % 20);
        }
    }

    /** Named server-side statements of this session (connection) that are the car lookup. */
    private static long serverPreparedCarLookups(SqlSession session) throws SQLException {
        try (Statement statement = session.getConnection().createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%FROM car WHERE id = $1%'"
                             // with -1 this query is prepared too, and its own text matches the pattern above
                             + " AND statement NOT LIKE '%pg_prepared_statements%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
