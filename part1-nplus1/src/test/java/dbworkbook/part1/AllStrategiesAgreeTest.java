package dbworkbook.part1;

import static dbworkbook.common.recorder.StatementsAssert.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.domain.Dealership;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.recorder.StatementRecorder;
import java.util.List;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

/**
 * Every strategy of the chapter returns the same dealerships with the same cars, column for column; they differ
 * only in how many statements it took. Lesson 7's plain JDBC is the reference.
 */
@WorkbookTest(dealerships = 12, carsPerDealership = 4, mybatisConfig = "dbworkbook/part1/mybatis-config.xml")
class AllStrategiesAgreeTest {

    @Test
    void everyStrategyLoadsTheSameCarsAsPlainJdbc(DataSource dataSource, SqlSessionFactory factory, Scale scale) {
        List<Dealership> reference = new PlainJdbcDealershipRepository(dataSource).findAllWithCars();
        GeneratedData.assertAllDealershipsWithAllCars(reference, scale);

        for (DealershipRepository repository : List.of(
                new NestedSelectDealershipRepository(factory),
                new LazyNestedSelectDealershipRepository(factory),
                new NestedResultMapDealershipRepository(factory),
                new SelectInBatchDealershipRepository(factory, 5),
                new JsonAggregationDealershipRepository(factory))) {
            List<Dealership> loaded = repository.findAllWithCars();

            assertThat(loaded).as(repository.strategy()).extracting(Dealership::getName)
                    .containsExactlyElementsOf(reference.stream().map(Dealership::getName).toList());
            assertThat(GeneratedData.allCars(loaded)).as(repository.strategy())
                    .containsExactlyElementsOf(GeneratedData.allCars(reference));
        }
    }

    @Test
    void plainJdbcReadsTheJoinInOneStatement(DataSource dataSource, StatementRecorder recorder, Scale scale) {
        new PlainJdbcDealershipRepository(dataSource).findAllWithCars();

        assertThatStatements(recorder).hasCount(1).hasRowsRead(scale.cars());
    }
}
