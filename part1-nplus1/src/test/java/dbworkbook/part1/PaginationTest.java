package dbworkbook.part1;

import static dbworkbook.common.recorder.StatementsAssert.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.domain.Dealership;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.recorder.StatementRecorder;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

/** Lesson 6: LIMIT on a joined query counts children, not parents. */
@WorkbookTest(dealerships = 10, carsPerDealership = 5, mybatisConfig = "dbworkbook/part1/mybatis-config.xml")
class PaginationTest {

    @Test
    void limitingTheJoinReturnsTooFewDealershipsAndCutsTheLastOnesCars(SqlSessionFactory factory) {
        try (SqlSession session = factory.openSession()) {
            List<Dealership> page = session.getMapper(DealershipPageMapper.class).findPageLimitingTheJoin(0, 3);

            // Asked for 3 dealerships, got 3 joined rows: one dealership with 3 of its 5 cars.
            assertThat(page).hasSize(1);
            assertThat(page.get(0).getCars()).hasSize(3);
        }
    }

    @Test
    void pagingTheParentsFirstReturnsWholeDealershipsInOneStatement(
            SqlSessionFactory factory, StatementRecorder recorder, Scale scale) {
        try (SqlSession session = factory.openSession()) {
            DealershipPageMapper mapper = session.getMapper(DealershipPageMapper.class);

            List<Dealership> firstPage = mapper.findPageOfParentsFirst(0, 3);
            List<Dealership> lastPage = mapper.findPageOfParentsFirst(9, 3);

            assertThat(firstPage).extracting(Dealership::getId).containsExactly(1L, 2L, 3L);
            assertThat(firstPage).allSatisfy(d -> assertThat(d.getCars()).hasSize(scale.carsPerDealership()));
            assertThat(lastPage).extracting(Dealership::getId).containsExactly(10L);
            assertThatStatements(recorder).hasCount(2);
        }
    }
}
