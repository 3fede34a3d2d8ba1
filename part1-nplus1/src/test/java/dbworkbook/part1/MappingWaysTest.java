package dbworkbook.part1;

import static dbworkbook.common.recorder.StatementsAssert.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.domain.Dealership;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.recorder.StatementRecorder;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Lesson 12: every way of mapping the chapter's JOIN gives the same dealerships with the same cars as plain JDBC,
 * column for column, in one statement; a dealership without cars included. What they cost is the demo's and JMH's.
 */
@WorkbookTest(dealerships = 12, carsPerDealership = 4, mybatisConfig = "dbworkbook/part1/mybatis-config.xml")
class MappingWaysTest {

    @Test
    void everyWayLoadsWhatPlainJdbcLoadsInOneStatement(DataSource dataSource, StatementRecorder recorder, Scale scale)
            throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO dealership (name, city) VALUES ('Empty lot', 'Lyon')");
            try {
                List<Dealership> reference = MappingWay.PLAIN_JDBC.over(dataSource).findAllWithCars();
                assertThat(reference).hasSize(scale.dealerships() + 1);
                for (MappingWay way : MappingWay.values()) {
                    recorder.reset();
                    List<Dealership> loaded = way.over(dataSource).findAllWithCars();

                    assertThat(loaded).as(way.label()).usingRecursiveComparison()
                            .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                            .isEqualTo(reference);
                    assertThatStatements(recorder).hasCount(1);
                }
            } finally {
                statement.execute("DELETE FROM dealership WHERE name = 'Empty lot'");
            }
        }
    }
}
