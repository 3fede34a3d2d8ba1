package dbworkbook.part2;

import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.domain.Car;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.part2.mapper.CarSearchMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

/**
 * Lesson 6: EXPLAIN the search MyBatis really runs. 20,000 cars; the search (one make of eight, a price band of
 * 1,000 out of 60,000) matches about 0.2% of them: a case where an index clearly pays, so the planner's choice does
 * not waver.
 */
@WorkbookTest(dealerships = 400, carsPerDealership = 50, salespeoplePerDealership = 0,
        mybatisConfig = "dbworkbook/part2/mybatis-config.xml")
class ExplainPlanTest {

    static final String SEARCH = "dbworkbook.part2.mapper.CarSearchMapper.findByMakeAndPriceRange";
    static final Map<String, Object> TESLAS_60_TO_61K = Map.of(
            "make", "Tesla", "minPrice", new BigDecimal("60000"), "maxPrice", new BigDecimal("61000"));

    @Test
    void theExplainedStatementIsTheMappedOneWithItsParametersBound(SqlSessionFactory factory) throws SQLException {
        try (SqlSession session = factory.openSession()) {
            ExplainPlan plan = ExplainPlan.of(session, SEARCH, TESLAS_60_TO_61K);

            // The values were bound (as parameters, not pasted), and the planner planned for them.
            assertThat(plan.lines()).anyMatch(line -> line.contains("make = 'Tesla'::text")
                    && line.contains("price >= '60000'::numeric") && line.contains("price <= '61000'::numeric"));
            assertThat(plan.lines()).anyMatch(line -> line.contains("Buffers: shared"));
            assertThat(plan.executionMillis()).isPositive();
        }
    }

    @Test
    void withoutAnIndexTheSearchReadsTheWholeTableAndWithOneItDoesNot(SqlSessionFactory factory,
                                                                       WorkbookDatabase database) throws SQLException {
        List<Long> before;
        try (SqlSession session = factory.openSession()) {
            assertThat(ExplainPlan.of(session, SEARCH, TESLAS_60_TO_61K).scansSequentially("car")).isTrue();
            before = search(session);
        }

        execute(database, "CREATE INDEX car_make_price_idx ON car (make, price)", "ANALYZE car");
        try (SqlSession session = factory.openSession()) {
            ExplainPlan plan = ExplainPlan.of(session, SEARCH, TESLAS_60_TO_61K);

            assertThat(plan.usesIndex("car_make_price_idx")).as(plan.toString()).isTrue();
            assertThat(plan.scansSequentially("car")).isFalse();
            assertThat(search(session)).as("the same cars, in the same order").isEqualTo(before).isNotEmpty();
        } finally {
            execute(database, "DROP INDEX car_make_price_idx");
        }
    }

    private static List<Long> search(SqlSession session) {
        return session.getMapper(CarSearchMapper.class).findByMakeAndPriceRange("Tesla", new BigDecimal("60000"),
                new BigDecimal("61000")).stream().map(Car::getId).toList();
    }

    private static void execute(WorkbookDatabase database, String... sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
    }
}
