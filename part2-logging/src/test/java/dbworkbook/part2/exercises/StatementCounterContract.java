package dbworkbook.part2.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.domain.Scale;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.common.recorder.StatementRecorder;
import dbworkbook.part2.exercises.StatementTallies.Tally;
import dbworkbook.part2.mapper.CarSearchMapper;
import dbworkbook.part2.mapper.DealershipMapper;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exercise 2's contract: what any correct {@link StatementTallies} plugin counts for a known workload. */
@WorkbookTest(dealerships = 7, carsPerDealership = 2, salespeoplePerDealership = 0)
abstract class StatementCounterContract {

    static final String TASK = "Exercise 2: make StatementCounter count each statement that reaches the database "
            + "(hint: lesson 3, which MyBatis object executes every statement?)";
    private static final String MAPPERS = "dbworkbook.part2.mapper.";

    private StatementTallies counter;
    private SqlSessionFactory factory;

    /** A new instance of the plugin under test. */
    abstract StatementTallies newCounter();

    @BeforeEach
    void installTheCounter(DataSource dataSource) {
        counter = newCounter();
        factory = MyBatisBootstrap.sqlSessionFactory(dataSource, "dbworkbook/part2/mybatis-config.xml");
        factory.getConfiguration().addInterceptor(counter);
    }

    @Test
    void countsTheNestedSelects(Scale scale) {
        try (SqlSession session = factory.openSession()) {
            session.getMapper(DealershipMapper.class).findAllWithCars();
        }

        Map<String, Tally> tallies = counter.tallies();
        assertThat(count(tallies, "DealershipMapper.findAllWithCars")).as(TASK).isEqualTo(1);
        assertThat(count(tallies, "DealershipMapper.findCarsByDealershipId"))
                .as("%s. The database ran findCarsByDealershipId once per dealership, %d times; the counter saw "
                        + "it that often? (A plugin on Executor never sees nested selects: MyBatis runs them through "
                        + "an inner executor no plugin wraps.)", TASK, scale.dealerships())
                .isEqualTo(scale.dealerships());
    }

    @Test
    void countsWhatReachesTheDatabaseNotWhatTheCodeAsked(StatementRecorder recorder) {
        try (SqlSession session = factory.openSession()) {
            CarSearchMapper cars = session.getMapper(CarSearchMapper.class);
            cars.findById(1L);
            cars.findById(1L); // answered from the session's local cache: no statement
            cars.findById(2L);
        }

        assertThat(count(counter.tallies(), "CarSearchMapper.findById"))
                .as("%s. Three calls, but the second was answered from the session's local cache: %d statements "
                        + "reached the database", TASK, recorder.count())
                .isEqualTo(recorder.count());
    }

    @Test
    void keepsTotalAndMaxTimePerStatement() {
        try (SqlSession session = factory.openSession()) {
            session.getMapper(DealershipMapper.class).findAllWithCars();
        }

        assertThat(counter.tallies()).as(TASK).isNotEmpty();
        counter.tallies().forEach((id, tally) -> {
            assertThat(tally.totalNanos()).as("%s: total time of %s", TASK, id).isPositive();
            assertThat(tally.maxNanos()).as("%s: the longest single execution of %s", TASK, id)
                    .isPositive()
                    .isLessThanOrEqualTo(tally.totalNanos())
                    .isGreaterThanOrEqualTo(tally.totalNanos() / tally.count());
        });
    }

    private static long count(Map<String, Tally> tallies, String statement) {
        Tally tally = tallies.get(MAPPERS + statement);
        return tally == null ? 0 : tally.count();
    }
}
