package dbworkbook.part3;

import static dbworkbook.common.recorder.StatementsAssert.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.domain.Car;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.logging.LogCapture;
import dbworkbook.common.recorder.StatementRecorder;
import java.util.List;
import org.apache.ibatis.executor.BatchExecutor;
import org.apache.ibatis.executor.BatchResult;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

/**
 * Lesson 2: the executor type decides how MyBatis uses JDBC statements. Counted twice: by the statement recorder
 * (executions, at the JDBC level) and by MyBatis' own DEBUG log, which says {@code Preparing:} each time it prepares
 * a JDBC statement. Every test rolls back what it inserted.
 */
@WorkbookTest(dealerships = 2, carsPerDealership = 5, mybatisConfig = Part3.MYBATIS_CONFIG)
class ExecutorTypeTest {

    private static final String CAR_MAPPER_LOG = "dbworkbook.part3.CarMapper";

    @Test
    void simplePreparesANewStatementForEveryCall(SqlSessionFactory factory, StatementRecorder recorder) {
        try (LogCapture log = LogCapture.of(Level.DEBUG, CAR_MAPPER_LOG);
             SqlSession session = factory.openSession(ExecutorType.SIMPLE)) {
            lookUpThreeCars(session);

            assertThat(preparings(log)).isEqualTo(3);
        }
        assertThatStatements(recorder).hasCount(3);
    }

    @Test
    void reusePreparesEachSqlTextOncePerSession(SqlSessionFactory factory, StatementRecorder recorder) {
        try (LogCapture log = LogCapture.of(Level.DEBUG, CAR_MAPPER_LOG);
             SqlSession session = factory.openSession(ExecutorType.REUSE)) {
            lookUpThreeCars(session);

            // The PreparedStatement of the first call is kept and executed again with new parameters.
            assertThat(preparings(log)).isEqualTo(1);
            assertThat(log.messages()).filteredOn(line -> line.contains("Parameters:")).hasSize(3);
        }
        assertThatStatements(recorder).hasCount(3);
    }

    @Test
    void batchQueuesInsertsAndSendsThemAtFlush(SqlSessionFactory factory, StatementRecorder recorder) {
        List<Car> cars = NewCars.of(3, 1, "batch lesson");
        try (LogCapture log = LogCapture.of(Level.DEBUG, CAR_MAPPER_LOG);
             SqlSession session = factory.openSession(ExecutorType.BATCH)) {
            CarMapper mapper = session.getMapper(CarMapper.class);
            for (Car car : cars) {
                // Not an update count: a marker meaning "queued in a batch, count not known yet".
                assertThat(mapper.insert(car)).isEqualTo(BatchExecutor.BATCH_UPDATE_RETURN_VALUE)
                        .isEqualTo(Integer.MIN_VALUE + 1002);
            }
            assertThat(cars).extracting(Car::getId).containsOnlyNulls();
            assertThatStatements(recorder).as("nothing sent before the flush").hasCount(0);

            List<BatchResult> results = session.flushStatements();

            assertThat(results).hasSize(1);
            assertThat(results.get(0).getUpdateCounts()).containsExactly(1, 1, 1);
            assertThat(cars).extracting(Car::getId).doesNotContainNull().doesNotHaveDuplicates();
            assertThat(preparings(log)).isEqualTo(1);
            assertThatStatements(recorder).hasCount(1);
            assertThat(recorder.statements().get(0).batchSize()).isEqualTo(3);
            session.rollback(true);
        }
    }

    @Test
    void aSelectInTheMiddleOfABatchSendsTheBatchFirst(SqlSessionFactory factory, StatementRecorder recorder) {
        try (SqlSession session = factory.openSession(ExecutorType.BATCH)) {
            CarMapper mapper = session.getMapper(CarMapper.class);
            Car car = NewCars.of(1, 1, "batch lesson").get(0);
            mapper.insert(car);

            Car read = mapper.findById(1L);

            assertThat(read).isNotNull();
            assertThat(car.getId()).as("the select flushed the batch, so the id is set").isNotNull();
            assertThatStatements(recorder).hasCount(2);
            session.rollback(true);
        }
    }

    private static void lookUpThreeCars(SqlSession session) {
        CarMapper mapper = session.getMapper(CarMapper.class);
        for (long id = 1; id <= 3; id++) { // three ids: the same id again would come from the session's cache
            assertThat(mapper.findById(id)).isNotNull();
        }
    }

    private static long preparings(LogCapture log) {
        return log.messages().stream().filter(line -> line.contains("Preparing:")).count();
    }
}
