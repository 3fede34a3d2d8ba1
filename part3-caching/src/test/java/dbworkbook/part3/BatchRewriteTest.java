package dbworkbook.part3;

import static dbworkbook.common.recorder.StatementsAssert.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.domain.Car;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.common.recorder.StatementRecorder;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.ibatis.executor.BatchResult;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lesson 2, continued: what a JDBC batch of 10,000 inserts becomes on the server, with and without PgJDBC's
 * {@code reWriteBatchedInserts}. The statement recorder sees one {@code executeBatch} call every time: the rewriting
 * happens inside the driver, below JDBC. The server's own statistics ({@code pg_stat_statements}) see the
 * difference: 10,000 executions of a one-row INSERT, or a handful of multi-row INSERTs.
 *
 * <p>Needs the {@code pg_stat_statements} extension (preloaded in the embedded server); skipped where it is not.
 * Every batch is rolled back: the statistics keep the executions, the table stays empty.
 */
@WorkbookTest(dealerships = 1, carsPerDealership = 0, salespeoplePerDealership = 0)
class BatchRewriteTest {

    private static final int ROWS = 10_000;

    /** Why pg_stat_statements cannot be used here, or null when it can. */
    private static String unavailable;

    @BeforeAll
    static void enableTheServersStatementStatistics(WorkbookDatabase db) throws SQLException {
        unavailable = ServerStatementStatistics.availability(db);
    }

    /** Skips each test, with the reason (a skip in {@code @BeforeAll} would not show in Maven's test report). */
    @BeforeEach
    void needsTheServersStatementStatistics() {
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
    }

    @Test
    void withoutRewritingTheServerRunsOneInsertPerRow(WorkbookDatabase db) throws SQLException {
        Batch batch = insertInOneBatch(db, false, CarMapper::insertWithoutId);

        assertThat(batch.serverExecutions()).isEqualTo(ROWS);
        assertThat(batch.updateCounts()).hasSize(ROWS).containsOnly(1);
    }

    @Test
    void withReWriteBatchedInsertsTheServerRunsAFewMultiRowInserts(WorkbookDatabase db) throws SQLException {
        Batch batch = insertInOneBatch(db, true, CarMapper::insertWithoutId);

        // The driver packs the rows into a few INSERT ... VALUES (...), (...), ... (the demo prints how many).
        assertThat(batch.serverExecutions()).isBetween(1L, (long) ROWS / 100);
        // The price: the driver can no longer say which row each count belongs to.
        assertThat(batch.updateCounts()).hasSize(ROWS).containsOnly(Statement.SUCCESS_NO_INFO);
    }

    @Test
    void reWriteBatchedInsertsDoesNothingForAnInsertThatReturnsItsId(WorkbookDatabase db) throws SQLException {
        Batch batch = insertInOneBatch(db, true, CarMapper::insert);

        assertThat(batch.cars()).extracting(Car::getId).doesNotContainNull().doesNotHaveDuplicates();
        // useGeneratedKeys makes the driver append RETURNING, and it does not rewrite such an insert.
        assertThat(batch.serverExecutions()).isEqualTo(ROWS);
    }

    private record Batch(List<Car> cars, int[] updateCounts, long serverExecutions) {
    }

    private static Batch insertInOneBatch(WorkbookDatabase db, boolean reWriteBatchedInserts,
                                          BiConsumer<CarMapper, Car> insert) throws SQLException {
        StatementRecorder recorder = new StatementRecorder();
        SqlSessionFactory factory = MyBatisBootstrap.sqlSessionFactory(recorder.record(db.pooledDataSource(
                "batch-rewrite-" + reWriteBatchedInserts, config -> {
                    config.setMaximumPoolSize(1);
                    config.addDataSourceProperty("reWriteBatchedInserts", String.valueOf(reWriteBatchedInserts));
                })), Part3.MYBATIS_CONFIG);
        List<Car> cars = NewCars.of(ROWS, 1, "rewrite lesson");
        ServerStatementStatistics.reset(db);
        List<BatchResult> results;
        try (SqlSession session = factory.openSession(ExecutorType.BATCH)) {
            CarMapper mapper = session.getMapper(CarMapper.class);
            cars.forEach(car -> insert.accept(mapper, car));
            results = session.flushStatements();
            session.rollback(true);
        }
        assertThatStatements(recorder).as("JDBC sees one executeBatch, whatever the driver makes of it").hasCount(1);
        assertThat(results).hasSize(1);
        assertThat(rowsInCarTable(db)).as("rolled back").isZero();
        return new Batch(cars, results.get(0).getUpdateCounts(),
                ServerStatementStatistics.executionsOf(db, "INSERT INTO car"));
    }

    private static long rowsInCarTable(WorkbookDatabase db) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM car")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
