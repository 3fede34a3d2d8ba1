package dbworkbook.part2.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.part2.AppliedLogConfiguration;
import dbworkbook.part2.mapper.CarSearchMapper;
import dbworkbook.part2.mapper.DealershipMapper;
import java.math.BigDecimal;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

/** Exercise 1's contract: what any correct "one mapper at DEBUG" configuration prints when the mappers run. */
@WorkbookTest(dealerships = 2, carsPerDealership = 4, mybatisConfig = "dbworkbook/part2/mybatis-config.xml")
abstract class OneMapperLogConfigurationContract {

    static final String TASK = "Exercise 1: in exercises/log4j2-one-mapper.xml, log the statements of "
            + "dbworkbook.part2.mapper.CarSearchMapper at DEBUG and nothing else (hint: lesson 1)";
    private static final String CAR_SEARCH = "dbworkbook.part2.mapper.CarSearchMapper";

    private final SqlSessionFactory factory;

    OneMapperLogConfigurationContract(SqlSessionFactory factory) {
        this.factory = factory;
    }

    /** Classpath resource of the configuration under test. */
    abstract String configuration();

    @Test
    void printsTheSqlParametersAndRowCountOfTheCarSearchMapper() {
        List<String> lines = linesPrintedWhileTheMappersRun();

        assertThat(lines).as("%s. No SQL of CarSearchMapper was printed: is its logger at DEBUG, and does it reach "
                        + "an appender (directly, or through the root)?", TASK)
                .anyMatch(line -> line.startsWith(CAR_SEARCH + ".findById - ==>  Preparing:"))
                .anyMatch(line -> line.startsWith(CAR_SEARCH + ".findByMakeAndPriceRange - ==> Parameters:"))
                .anyMatch(line -> line.startsWith(CAR_SEARCH + ".findById - <==      Total:"));
    }

    @Test
    void printsNothingOfOtherMappers() {
        assertThat(linesPrintedWhileTheMappersRun())
                .as("%s. DealershipMapper's statements were printed too: the logger you set covers more than "
                        + "CarSearchMapper (dbworkbook.part2 or dbworkbook.part2.mapper is every mapper)", TASK)
                .noneMatch(line -> line.startsWith("dbworkbook.part2.mapper.DealershipMapper"));
    }

    @Test
    void printsNoRows() {
        assertThat(linesPrintedWhileTheMappersRun())
                .as("%s. The rows themselves were printed (Columns:/Row:): that is TRACE, and it writes your data "
                        + "into the log. DEBUG is enough", TASK)
                .noneMatch(line -> line.contains("<==    Columns:") || line.contains("<==        Row:"));
    }

    @Test
    void printsNoDebugLinesOfLibraries() {
        assertThat(linesPrintedWhileTheMappersRun())
                .as("%s. Lines of other loggers were printed below WARN: only CarSearchMapper should be at DEBUG "
                        + "(org.apache.ibatis at DEBUG prints connection chatter, but never the SQL)", TASK)
                .allMatch(line -> line.startsWith(CAR_SEARCH + "."));
    }

    private List<String> linesPrintedWhileTheMappersRun() {
        try (AppliedLogConfiguration log = AppliedLogConfiguration.apply(configuration())) {
            try (SqlSession session = factory.openSession()) {
                session.getMapper(CarSearchMapper.class).findById(1L);
                session.getMapper(CarSearchMapper.class)
                        .findByMakeAndPriceRange("Kia", BigDecimal.ZERO, new BigDecimal("100000"));
                session.getMapper(DealershipMapper.class).findAllWithCars();
            }
            return log.lines();
        }
    }
}
