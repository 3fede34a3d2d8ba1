package dbworkbook.part1;

import static dbworkbook.common.recorder.StatementsAssert.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.domain.Dealership;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.recorder.StatementRecorder;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

/** Lesson 3: one LEFT JOIN and a nested result map load every dealership with its cars in one statement. */
@WorkbookTest(dealerships = 10, carsPerDealership = 5, mybatisConfig = "dbworkbook/part1/mybatis-config.xml")
class NestedResultMapTest {

    @Test
    void loadsEveryDealershipWithItsCarsInOneStatement(
            SqlSessionFactory factory, StatementRecorder recorder, Scale scale) {
        List<Dealership> dealerships = new NestedResultMapDealershipRepository(factory).findAllWithCars();

        GeneratedData.assertAllDealershipsWithAllCars(dealerships, scale);
        assertThatStatements(recorder).hasCount(1).hasNoNPlusOne();
    }

    @Test
    void readsOneRowPerCar(SqlSessionFactory factory, StatementRecorder recorder, Scale scale) {
        new NestedResultMapDealershipRepository(factory).findAllWithCars();

        assertThatStatements(recorder).hasRowsRead(scale.cars());
    }

    @Test
    void aDealershipWithoutCarsKeepsAnEmptyList(SqlSessionFactory factory, StatementRecorder recorder)
            throws SQLException {
        try (SqlSession session = factory.openSession()) {
            try {
                try (Statement statement = session.getConnection().createStatement()) {
                    statement.execute("INSERT INTO dealership (name, city) VALUES ('No Cars Yet', 'Oslo')");
                }
                recorder.reset();

                List<Dealership> dealerships = session.getMapper(NestedResultMapMapper.class).findAllWithCars();

                Dealership empty = dealerships.get(dealerships.size() - 1);
                assertThat(empty.getName()).isEqualTo("No Cars Yet");
                assertThat(empty.getCars()).isEmpty();
                assertThatStatements(recorder).hasCount(1);
            } finally {
                // Forced: MyBatis only rolls back on close when a mapper wrote something. It did not see this
                // INSERT, and closing would reset auto-commit, which commits it.
                session.rollback(true);
            }
        }
    }
}
