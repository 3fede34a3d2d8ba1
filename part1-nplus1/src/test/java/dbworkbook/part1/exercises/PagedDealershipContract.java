package dbworkbook.part1.exercises;

import static dbworkbook.common.recorder.StatementsAssert.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.domain.Dealership;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.common.recorder.StatementRecorder;
import java.util.List;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exercise 3's contract: what any correct {@code PagedDealershipMapper.xml} does. */
@WorkbookTest(dealerships = 10, carsPerDealership = 5, mybatisConfig = "dbworkbook/part1/mybatis-config.xml")
abstract class PagedDealershipContract {

    static final String TASK = "Exercise 3: make PagedDealershipMapper.findPage return `limit` whole dealerships, "
            + "each with all its cars (LIMIT counts the rows of the JOIN: page the dealerships first)";

    private SqlSessionFactory factory;

    abstract String mapperXml();

    @BeforeEach
    void buildMyBatisWithTheMapperUnderTest(DataSource dataSource) {
        factory = MyBatisBootstrap.sqlSessionFactory(dataSource, "dbworkbook/part1/mybatis-config.xml", mapperXml());
    }

    @Test
    void theFirstPageHasTheFirstDealershipsWithAllTheirCars(Scale scale) {
        List<Dealership> page = findPage(0, 4);

        assertThat(page).as("%s: findPage(0, 4)", TASK).extracting(Dealership::getId).containsExactly(1L, 2L, 3L, 4L);
        assertThat(page).as("%s: cars per dealership", TASK)
                .allSatisfy(d -> assertThat(d.getCars()).hasSize(scale.carsPerDealership()));
    }

    @Test
    void laterPagesContinueWhereTheLastOneEnded() {
        assertThat(findPage(4, 4)).as("%s: findPage(4, 4)", TASK).extracting(Dealership::getId)
                .containsExactly(5L, 6L, 7L, 8L);
        assertThat(findPage(8, 4)).as("%s: findPage(8, 4), the last page", TASK).extracting(Dealership::getId)
                .containsExactly(9L, 10L);
    }

    @Test
    void aPageTakesAtMostTwoStatements(StatementRecorder recorder) {
        findPage(0, 4);

        assertThatStatements(recorder).as(TASK).hasNoNPlusOne(2).hasAtMost(2);
    }

    private List<Dealership> findPage(int offset, int limit) {
        try (SqlSession session = factory.openSession()) {
            return session.getMapper(PagedDealershipMapper.class).findPage(offset, limit);
        }
    }
}
