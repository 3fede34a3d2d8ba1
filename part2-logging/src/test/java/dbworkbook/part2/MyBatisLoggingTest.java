package dbworkbook.part2;

import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.part2.mapper.CarSearchMapper;
import dbworkbook.part2.mapper.DealershipMapper;
import java.math.BigDecimal;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

/**
 * Lesson 1: what the shipped Log4j 2 configurations print. Each test runs the mappers under one configuration file
 * from {@code src/main/resources/dbworkbook/part2/logging} and looks at the lines it lets through.
 */
@WorkbookTest(dealerships = 3, carsPerDealership = 4, mybatisConfig = "dbworkbook/part2/mybatis-config.xml")
class MyBatisLoggingTest {

    private static final String CAR_SEARCH = "dbworkbook.part2.mapper.CarSearchMapper";
    private static final String SEARCH = CAR_SEARCH + ".findByMakeAndPriceRange";

    @Test
    void debugOnTheMapperPackageShowsEveryStatementWithItsParametersAndRowCount(SqlSessionFactory factory) {
        try (AppliedLogConfiguration log = AppliedLogConfiguration.apply(
                "dbworkbook/part2/logging/log4j2-all-mappers.xml")) {
            runWorkload(factory);

            assertThat(log.lines()).contains(
                    SEARCH + " - ==>  Preparing: SELECT id, dealership_id, make, model, year, price, is_sold FROM car "
                            + "WHERE make = ? AND price BETWEEN ? AND ? ORDER BY price, id",
                    SEARCH + " - ==> Parameters: Toyota(String), 0(BigDecimal), 100000(BigDecimal)",
                    CAR_SEARCH + ".findById - ==> Parameters: 1(Long)",
                    CAR_SEARCH + ".findById - <==      Total: 1");
            // Every mapper of the package, and the nested selects too, with a longer arrow for each level of nesting.
            assertThat(log.lines())
                    .anyMatch(line -> line.startsWith("dbworkbook.part2.mapper.DealershipMapper.findAllWithCars - ==>"))
                    .anyMatch(line -> line.startsWith(
                            "dbworkbook.part2.mapper.DealershipMapper.findCarsByDealershipId - ====>  Preparing:"));
        }
    }

    @Test
    void debugDoesNotShowTheRows(SqlSessionFactory factory) {
        try (AppliedLogConfiguration log = AppliedLogConfiguration.apply(
                "dbworkbook/part2/logging/log4j2-all-mappers.xml")) {
            runWorkload(factory);

            assertThat(log.lines()).isNotEmpty().noneMatch(line -> line.contains("Columns:") || line.contains("Row:"));
        }
    }

    @Test
    void traceOnOneStatementShowsItsRowsAndNothingOfTheOthers(SqlSessionFactory factory) {
        try (AppliedLogConfiguration log = AppliedLogConfiguration.apply(
                "dbworkbook/part2/logging/log4j2-one-statement.xml")) {
            runWorkload(factory);

            assertThat(log.lines()).allMatch(line -> line.startsWith(SEARCH + " - "));
            assertThat(log.lines())
                    .contains(SEARCH + " - <==    Columns: id, dealership_id, make, model, year, price, is_sold")
                    .anyMatch(line -> line.startsWith(SEARCH + " - <==        Row: ") && line.contains("Toyota"));
        }
    }

    @Test
    void debugOnOrgApacheIbatisOrJavaSqlPrintsNoSql(SqlSessionFactory factory) {
        try (AppliedLogConfiguration log = AppliedLogConfiguration.apply(
                "dbworkbook/part2/logging/log4j2-pitfall.xml")) {
            runWorkload(factory);

            // MyBatis' own classes do log at DEBUG (opening connections, transactions), which makes the
            // configuration look alive; but no statement is logged under org.apache.ibatis or java.sql.
            assertThat(log.lines()).anyMatch(line -> line.startsWith("org.apache.ibatis."))
                    .noneMatch(line -> line.contains("Preparing:") || line.contains("Parameters:"));
        }
    }

    private static void runWorkload(SqlSessionFactory factory) {
        try (SqlSession session = factory.openSession()) {
            CarSearchMapper cars = session.getMapper(CarSearchMapper.class);
            cars.findByMakeAndPriceRange("Toyota", BigDecimal.ZERO, new BigDecimal("100000"));
            cars.findById(1L);
            session.getMapper(DealershipMapper.class).findAllWithCars();
        }
    }
}
