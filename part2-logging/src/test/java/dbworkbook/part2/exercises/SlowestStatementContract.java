package dbworkbook.part2.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.part2.ServerStatementStatistics;
import dbworkbook.part2.mapper.CarSearchMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

/**
 * Exercise 4's contract. The workload: 300 lookups by primary key (many calls, each a few microseconds on the
 * server) and 30 searches that read all 20,000 cars (few calls, each a full table scan). Whatever this machine's
 * speed, the searches take far more time in total: about a hundred times more per call here.
 */
@WorkbookTest(dealerships = 400, carsPerDealership = 50, salespeoplePerDealership = 0,
        mybatisConfig = "dbworkbook/part2/mybatis-config.xml")
abstract class SlowestStatementContract {

    static final String TASK = "Exercise 4: in exercises/slowest-statement.sql, select the query text of the "
            + "statement with the largest total execution time in the current database, from pg_stat_statements "
            + "(hint: lesson 5)";
    private static final String SEARCH_TEXT = "WHERE make = $1 AND price BETWEEN $2 AND $3";

    /** Classpath resource of the SQL under test. */
    abstract String query();

    @Test
    void findsTheStatementWithTheLargestTotalTimeInThisDatabase(WorkbookDatabase database, SqlSessionFactory factory)
            throws SQLException, IOException {
        try (Connection connection = database.connect()) {
            String missing = ServerStatementStatistics.availability(connection);
            assumeTrue(missing == null, () -> "Exercise 4 skipped: " + missing);
            ServerStatementStatistics.resetCurrentDatabase(connection);
        }
        runWorkload(factory);

        String answer;
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql(query()))) {
            answer = rs.next() ? rs.getString("query") : null;
        }

        assertThat(answer).as("%s. Your query returned no statement.", TASK).isNotNull();
        assertThat(answer.contains("WHERE id = $1"))
                .as("%s. You found the lookup by id: it was called most often, but each call is quick. Order by the "
                        + "total time, not by calls.", TASK)
                .isFalse();
        assertThat(answer)
                .as("%s. That is not the search by make and price of this test's workload: is it a statement of "
                        + "another database? The view holds the whole server's statements; filter on dbid.", TASK)
                .contains(SEARCH_TEXT);
    }

    private static void runWorkload(SqlSessionFactory factory) {
        try (SqlSession session = factory.openSession()) {
            CarSearchMapper cars = session.getMapper(CarSearchMapper.class);
            for (long id = 1; id <= 300; id++) {
                cars.findById(id);
            }
            List<String> makes = List.of("Toyota", "Honda", "Ford", "BMW", "Kia", "Tesla");
            for (int i = 0; i < 30; i++) {
                BigDecimal from = BigDecimal.valueOf(8000 + i * 1900L);
                cars.findByMakeAndPriceRange(makes.get(i % makes.size()), from, from.add(BigDecimal.valueOf(500)));
            }
        }
    }

    private static String sql(String resource) throws IOException {
        try (InputStream in = SlowestStatementContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No SQL file on the classpath at " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "").trim()
                    .replaceAll(";$", "");
        }
    }
}
