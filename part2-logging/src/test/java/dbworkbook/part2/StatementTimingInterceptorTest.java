package dbworkbook.part2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dbworkbook.common.domain.Scale;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.logging.LogCapture;
import dbworkbook.common.recorder.StatementRecorder;
import dbworkbook.part2.mapper.CarSearchMapper;
import dbworkbook.part2.mapper.DealershipMapper;
import java.math.BigDecimal;
import java.util.Properties;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lesson 3: the timing plugin counts every statement on the wire and warns about the slow ones. */
@WorkbookTest(dealerships = 60, carsPerDealership = 3, mybatisConfig = "dbworkbook/part2/mybatis-config.xml")
class StatementTimingInterceptorTest {

    private static final String FIND_ALL = "dbworkbook.part2.mapper.DealershipMapper.findAllWithCars";
    private static final String NESTED = "dbworkbook.part2.mapper.DealershipMapper.findCarsByDealershipId";
    private static final String FIND_BY_ID = "dbworkbook.part2.mapper.CarSearchMapper.findById";
    private static final String SEARCH = "dbworkbook.part2.mapper.CarSearchMapper.findByMakeAndPriceRange";

    private StatementTimingInterceptor timing;

    @BeforeEach
    void startCounting(SqlSessionFactory factory) {
        timing = StatementTimingInterceptor.of(factory);
        timing.reset();
    }

    @AfterEach
    void restoreTheConfiguredThreshold() {
        threshold("200");
    }

    @Test
    void countsEveryStatementIncludingTheNestedSelects(SqlSessionFactory factory, StatementRecorder recorder,
                                                       Scale scale) {
        try (SqlSession session = factory.openSession()) {
            session.getMapper(DealershipMapper.class).findAllWithCars();
        }

        assertThat(timing.summary(FIND_ALL).count()).isEqualTo(1);
        assertThat(timing.summary(NESTED).count()).isEqualTo(scale.dealerships());
        assertThat(timing.summaries().stream().mapToLong(StatementSummary::count).sum())
                .as("the same number of statements the JDBC-level recorder saw")
                .isEqualTo(recorder.count());
    }

    @Test
    void aStatementsTimeDoesNotIncludeItsNestedSelects(SqlSessionFactory factory) {
        long start = System.nanoTime();
        try (SqlSession session = factory.openSession()) {
            session.getMapper(DealershipMapper.class).findAllWithCars();
        }
        double wallMillis = (System.nanoTime() - start) / 1e6;

        // The nested selects ran inside the parent's query. Counted in both, the two totals would add up to more
        // than the whole call took; each counted once, they fit in it. (An invariant, whatever this machine's speed.)
        assertThat(timing.summary(FIND_ALL).totalMillis() + timing.summary(NESTED).totalMillis())
                .isLessThanOrEqualTo(wallMillis);
    }

    @Test
    void keepsCountTotalMeanMaxAndPercentilePerStatementId(SqlSessionFactory factory) {
        try (SqlSession session = factory.openSession()) {
            for (long id = 1; id <= 20; id++) {
                session.getMapper(CarSearchMapper.class).findById(id);
            }
        }

        StatementSummary summary = timing.summary(FIND_BY_ID);
        assertThat(summary.count()).isEqualTo(20);
        assertThat(summary.meanMillis()).isCloseTo(summary.totalMillis() / 20, offset(1e-9));
        assertThat(summary.p95Millis()).isPositive().isLessThanOrEqualTo(summary.maxMillis());
        assertThat(summary.maxMillis()).isLessThanOrEqualTo(summary.totalMillis());
        assertThat(summary.sql()).isEqualTo("SELECT id, dealership_id, make, model, year, price, is_sold FROM car "
                + "WHERE id = ?");
    }

    @Test
    void warnsAboutAStatementSlowerThanTheThresholdWithItsIdTimeAndParameters(SqlSessionFactory factory) {
        threshold("0"); // every statement is "slow": the test does not depend on how fast this machine is
        try (LogCapture log = LogCapture.of(Level.WARN, StatementTimingInterceptor.class.getName());
             SqlSession session = factory.openSession()) {
            session.getMapper(CarSearchMapper.class).findByMakeAndPriceRange("Kia", BigDecimal.ONE, BigDecimal.TEN);

            assertThat(log.messages()).singleElement().satisfies(line -> assertThat(line)
                    .startsWith("Slow statement " + SEARCH + " took ")
                    .contains(" ms (threshold 0 ms), parameters [Kia, 1, 10]"));
        }
    }

    @Test
    void saysNothingAboutStatementsUnderTheThreshold(SqlSessionFactory factory) {
        threshold("3600000");
        try (LogCapture log = LogCapture.of(Level.WARN, StatementTimingInterceptor.class.getName());
             SqlSession session = factory.openSession()) {
            session.getMapper(CarSearchMapper.class).findByMakeAndPriceRange("Kia", BigDecimal.ONE, BigDecimal.TEN);

            assertThat(log.messages()).isEmpty();
        }
        assertThat(timing.summary(SEARCH).count()).as("still timed, just not reported").isEqualTo(1);
    }

    /** Sets the plugin property the way {@code <property>} in mybatis-config.xml does. */
    private void threshold(String millis) {
        Properties properties = new Properties();
        properties.setProperty(StatementTimingInterceptor.SLOW_THRESHOLD_PROPERTY, millis);
        timing.setProperties(properties);
    }
}
