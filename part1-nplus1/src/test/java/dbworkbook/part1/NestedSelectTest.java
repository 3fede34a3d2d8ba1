package dbworkbook.part1;

import static dbworkbook.common.recorder.StatementsAssert.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dbworkbook.common.domain.Dealership;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.recorder.StatementRecorder;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

/** Lesson 1: a nested select runs one statement for the parents and one more per parent. */
@WorkbookTest(dealerships = 10, carsPerDealership = 5, mybatisConfig = "dbworkbook/part1/mybatis-config.xml")
class NestedSelectTest {

    @Test
    void runsOneStatementForTheDealershipsAndOnePerDealershipForTheirCars(
            SqlSessionFactory factory, StatementRecorder recorder, Scale scale) {
        List<Dealership> dealerships = new NestedSelectDealershipRepository(factory).findAllWithCars();

        GeneratedData.assertAllDealershipsWithAllCars(dealerships, scale);
        assertThatStatements(recorder).hasCount(1 + scale.dealerships());
    }

    @Test
    void theRecorderRecognisesTheNPlusOneShape(SqlSessionFactory factory, StatementRecorder recorder) {
        new NestedSelectDealershipRepository(factory).findAllWithCars();

        assertThatThrownBy(() -> assertThatStatements(recorder).hasNoNPlusOne())
                .hasMessageContaining("N+1: this statement ran 10 times")
                .hasMessageContaining("FROM car WHERE dealership_id = ?");
    }

    @Test
    void withinOneSessionANestedSelectRunsOncePerDistinctKey(
            SqlSessionFactory factory, StatementRecorder recorder, Scale scale) {
        try (SqlSession session = factory.openSession()) {
            NestedSelectMapper mapper = session.getMapper(NestedSelectMapper.class);
            mapper.findCarsByDealershipId(1L);
            recorder.reset();

            mapper.findAll();
        }
        // The cars of dealership 1 were already in the session's local cache: that nested select did not run again.
        assertThatStatements(recorder).hasCount(1 + scale.dealerships() - 1);
    }
}
