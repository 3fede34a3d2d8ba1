package dbworkbook.part1;

import static dbworkbook.common.recorder.StatementsAssert.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.domain.Dealership;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.common.recorder.StatementRecorder;
import java.util.HashSet;
import java.util.List;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

/** Lesson 2: lazy loading moves the N statements to wherever the collections are first touched. */
@WorkbookTest(dealerships = 10, carsPerDealership = 5, mybatisConfig = LazyNestedSelectTest.CONFIG)
class LazyNestedSelectTest {

    static final String CONFIG = "dbworkbook/part1/mybatis-config.xml";

    @Test
    void loadingRunsOneStatementAndEachTouchedCollectionOneMore(SqlSessionFactory factory, StatementRecorder recorder) {
        try (SqlSession session = factory.openSession()) {
            List<Dealership> dealerships = session.getMapper(LazyNestedSelectMapper.class).findAll();
            assertThatStatements(recorder).hasCount(1);

            dealerships.get(0).getCars().size();
            dealerships.get(1).getCars().size();
            dealerships.get(2).getCars().size();
            assertThatStatements(recorder).hasCount(1 + 3);
        }
    }

    @Test
    void touchingEveryCollectionIsNPlusOneAgain(SqlSessionFactory factory, StatementRecorder recorder, Scale scale) {
        List<Dealership> dealerships = new LazyNestedSelectDealershipRepository(factory).findAllWithCars();

        GeneratedData.assertAllDealershipsWithAllCars(dealerships, scale);
        assertThatStatements(recorder).hasCount(1 + scale.dealerships());
    }

    @Test
    void toStringLoadsTheLazyCarsEvenThoughItNeverReadsThem(SqlSessionFactory factory, StatementRecorder recorder) {
        try (SqlSession session = factory.openSession()) {
            Dealership first = session.getMapper(LazyNestedSelectMapper.class).findAll().get(0);
            recorder.reset();

            String printed = first.toString(); // e.g. by a log line: Dealership.toString() does not touch cars

            assertThat(printed).doesNotContain("Car");
            // ...and yet: toString is one of MyBatis' lazyLoadTriggerMethods (equals, clone, hashCode, toString).
            assertThatStatements(recorder).hasCount(1);
        }
    }

    @Test
    void withNoTriggerMethodsToStringLoadsNothing(DataSource dataSource, StatementRecorder recorder) {
        SqlSessionFactory factory = MyBatisBootstrap.sqlSessionFactory(dataSource, CONFIG);
        factory.getConfiguration().setLazyLoadTriggerMethods(new HashSet<>());
        try (SqlSession session = factory.openSession()) {
            Dealership first = session.getMapper(LazyNestedSelectMapper.class).findAll().get(0);
            recorder.reset();

            first.toString();
            assertThatStatements(recorder).hasCount(0);

            first.getCars().size();
            assertThatStatements(recorder).hasCount(1);
        }
    }

    @Test
    void aLazyLoadAfterTheSessionClosedStillRunsOnAConnectionOfItsOwn(
            SqlSessionFactory factory, StatementRecorder recorder, Scale scale) {
        List<Dealership> dealerships;
        try (SqlSession session = factory.openSession()) {
            dealerships = session.getMapper(LazyNestedSelectMapper.class).findAll();
        }
        recorder.reset();

        // No LazyInitializationException as in Hibernate: MyBatis quietly borrows a new connection for the load.
        assertThat(dealerships.get(4).getCars()).hasSize(scale.carsPerDealership());
        assertThatStatements(recorder).hasCount(1);
    }
}
