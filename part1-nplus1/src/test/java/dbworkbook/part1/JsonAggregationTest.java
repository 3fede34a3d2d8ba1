package dbworkbook.part1;

import static dbworkbook.common.recorder.StatementsAssert.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.domain.Dealership;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.recorder.StatementRecorder;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

/** Lesson 8: the collections built by PostgreSQL, one statement and one row per dealership. */
@WorkbookTest(dealerships = 10, carsPerDealership = 6, salespeoplePerDealership = 4,
        mybatisConfig = "dbworkbook/part1/mybatis-config.xml")
class JsonAggregationTest {

    @Test
    void oneStatementReadsOneRowPerDealershipWithBothCollections(
            SqlSessionFactory factory, StatementRecorder recorder, Scale scale) {
        List<Dealership> dealerships = new JsonAggregationDealershipRepository(factory).findAllWithCarsAndSalespeople();

        GeneratedData.assertAllDealershipsWithAllCars(dealerships, scale);
        GeneratedData.assertAllSalespeople(dealerships, scale);
        // Not cars x salespeople rows (lesson 5's JOIN), not cars + salespeople: one row per dealership.
        assertThatStatements(recorder).hasCount(1).hasRowsRead(scale.dealerships());
    }

    @Test
    void theSalespeopleAreThoseOfOneQueryPerCollection(SqlSessionFactory factory) {
        List<Dealership> aggregated = new JsonAggregationDealershipRepository(factory).findAllWithCarsAndSalespeople();
        List<Dealership> separate = new OneQueryPerCollectionRepository(factory).findAllWithCarsAndSalespeople();

        assertThat(aggregated).usingRecursiveComparison().isEqualTo(separate);
    }

    @Test
    void aDealershipWithoutCarsOrSalespeopleIsThereWithEmptyLists(DataSource dataSource, SqlSessionFactory factory,
                                                                  Scale scale) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO dealership (name, city) VALUES ('Empty lot', 'Lyon')");
            try {
                List<Dealership> dealerships = new JsonAggregationDealershipRepository(factory)
                        .findAllWithCarsAndSalespeople();

                assertThat(dealerships).hasSize(scale.dealerships() + 1);
                Dealership empty = dealerships.get(dealerships.size() - 1);
                assertThat(empty.getName()).isEqualTo("Empty lot");
                assertThat(empty.getCars()).isNotNull().isEmpty();
                assertThat(empty.getSalespeople()).isNotNull().isEmpty();
            } finally {
                statement.execute("DELETE FROM dealership WHERE name = 'Empty lot'");
            }
        }
    }
}
