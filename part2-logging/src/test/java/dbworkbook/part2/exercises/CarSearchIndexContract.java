package dbworkbook.part2.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.domain.Car;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.part2.ExplainPlan;
import dbworkbook.part2.mapper.CarSearchMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Exercise 3's contract: after the learner's script, the search reads through an index and returns the same cars.
 * 20,000 cars, and searches that match a fraction of a percent of them: an index clearly pays, so the planner's
 * choice is stable. Nothing here measures time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WorkbookTest(dealerships = 400, carsPerDealership = 50, salespeoplePerDealership = 0,
        mybatisConfig = "dbworkbook/part2/mybatis-config.xml")
abstract class CarSearchIndexContract {

    static final String TASK = "Exercise 3: in exercises/car-search-index.sql, write the CREATE INDEX that lets the "
            + "search by make and price range find its cars without reading the whole car table (hint: lesson 6)";
    private static final String SEARCH = "dbworkbook.part2.mapper.CarSearchMapper.findByMakeAndPriceRange";
    private static final List<Map<String, Object>> SEARCHES = List.of(
            search("Tesla", "60000", "61000"), search("Kia", "8000", "8500"), search("Ford", "30000", "30700"));

    private final Map<Map<String, Object>, List<Long>> foundBeforeTheIndex = new LinkedHashMap<>();

    /** Classpath resource of the SQL script under test. */
    abstract String script();

    @BeforeAll
    void runTheScript(SqlSessionFactory factory, WorkbookDatabase database) throws SQLException, IOException {
        try (SqlSession session = factory.openSession()) {
            SEARCHES.forEach(search -> foundBeforeTheIndex.put(search, carIds(session, search)));
        }
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements(script())) {
                statement.execute(sql);
            }
            statement.execute("ANALYZE car"); // fresh statistics, as autovacuum would give them a little later
        }
    }

    @Test
    void theSearchReadsThroughAnIndex(SqlSessionFactory factory) throws SQLException {
        try (SqlSession session = factory.openSession()) {
            for (Map<String, Object> search : SEARCHES) {
                ExplainPlan plan = ExplainPlan.of(session, SEARCH, search);
                assertThat(plan.usesAnIndex() && !plan.scansSequentially("car"))
                        .as("%s. The plan for %s still reads: %s. An index helps only if it starts with a column the "
                                + "WHERE clause compares (make, price), not is_sold or model.", TASK, search,
                                plan.scanNodes())
                        .isTrue();
            }
        }
    }

    @Test
    void theSearchFindsTheSameCarsAsBefore(SqlSessionFactory factory) {
        try (SqlSession session = factory.openSession()) {
            for (Map<String, Object> search : SEARCHES) {
                assertThat(carIds(session, search))
                        .as("%s. An index changes how the cars are found, never which: %s", TASK, search)
                        .isNotEmpty()
                        .isEqualTo(foundBeforeTheIndex.get(search));
            }
        }
    }

    private static Map<String, Object> search(String make, String minPrice, String maxPrice) {
        return Map.of("make", make, "minPrice", new BigDecimal(minPrice), "maxPrice", new BigDecimal(maxPrice));
    }

    private static List<Long> carIds(SqlSession session, Map<String, Object> search) {
        return session.getMapper(CarSearchMapper.class).findByMakeAndPriceRange((String) search.get("make"),
                (BigDecimal) search.get("minPrice"), (BigDecimal) search.get("maxPrice"))
                .stream().map(Car::getId).toList();
    }

    /** The script's statements: comment lines dropped, split at semicolons. */
    private static List<String> statements(String resource) throws IOException {
        try (InputStream in = CarSearchIndexContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No script on the classpath at " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
            return Arrays.stream(text.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
    }
}
