package dbworkbook.part2;

import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.domain.Car;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.logging.LogCapture;
import dbworkbook.part2.mapper.CarSearchMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

/** Lesson 2: {@code #{}} binds a value as a parameter; {@code ${}} pastes it into the SQL text. */
@WorkbookTest(dealerships = 3, carsPerDealership = 8, mybatisConfig = "dbworkbook/part2/mybatis-config.xml")
class BoundParametersTest {

    private static final String HOSTILE = "'; drop table car; --";

    @Test
    void theLogShowsAPlaceholderAndTheValueSeparately(SqlSessionFactory factory) {
        try (LogCapture log = LogCapture.of(Level.DEBUG, "dbworkbook.part2.mapper.CarSearchMapper");
             SqlSession session = factory.openSession()) {
            session.getMapper(CarSearchMapper.class).findByMakeAndPriceRange("Kia", BigDecimal.ZERO, BigDecimal.TEN);

            assertThat(log.messages()).anyMatch(line -> line.startsWith("==>  Preparing:")
                    && line.contains("WHERE make = ? AND price BETWEEN ? AND ?") && !line.contains("Kia"));
            assertThat(log.messages()).contains("==> Parameters: Kia(String), 0(BigDecimal), 10(BigDecimal)");
        }
    }

    @Test
    void aHostileValueBoundWithHashBracesIsJustAStringThatMatchesNoCar(SqlSessionFactory factory, DataSource dataSource,
                                                                        Scale scale) throws SQLException {
        try (SqlSession session = factory.openSession()) {
            List<Car> cars = session.getMapper(CarSearchMapper.class)
                    .findByMakeAndPriceRange(HOSTILE, BigDecimal.ZERO, new BigDecimal("100000"));

            assertThat(cars).isEmpty();
        }
        assertThat(countCars(dataSource)).as("the car table is still there, all rows in it").isEqualTo(scale.cars());
    }

    @Test
    void aValuePastedWithDollarBracesBecomesSqlAndChangesTheQuery(SqlSessionFactory factory, Scale scale) {
        try (LogCapture log = LogCapture.of(Level.DEBUG, "dbworkbook.part2.mapper.CarSearchMapper");
             SqlSession session = factory.openSession()) {
            // Meant: the cars of make "x". Pasted into '${make}', the quote closes the string, and the rest is SQL.
            List<Car> cars = session.getMapper(CarSearchMapper.class).findByMakePasted("x' OR '1'='1");

            assertThat(cars).as("every car of every make").hasSize((int) scale.cars());
            assertThat(log.messages()).anyMatch(line -> line.contains("WHERE make = 'x' OR '1'='1'"))
                    .contains("==> Parameters: ");
        }
    }

    private static long countCars(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM car")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
