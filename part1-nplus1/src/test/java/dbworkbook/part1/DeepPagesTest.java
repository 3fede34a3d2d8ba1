package dbworkbook.part1;

import static dbworkbook.common.recorder.StatementsAssert.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.domain.Car;
import dbworkbook.common.recorder.StatementRecorder;
import dbworkbook.common.junit.WorkbookTest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lesson 11: a page at OFFSET k reads k + limit rows; a keyset page reads the limit, however deep. The server's own
 * account ({@code EXPLAIN ANALYZE}) says so, not a stopwatch.
 */
@WorkbookTest(dealerships = 100, carsPerDealership = 20, mybatisConfig = "dbworkbook/part1/mybatis-config.xml")
class DeepPagesTest {

    private static final int LIMIT = 20;
    private static final String OFFSET_PAGE = "dbworkbook.part1.CarPageMapper.findPageByOffset";
    private static final String KEYSET_PAGE = "dbworkbook.part1.CarPageMapper.findPageAfter";

    @BeforeAll
    static void theLessonsIndex(DataSource dataSource) throws SQLException {
        DeepPages.createTheIndex(dataSource);
    }

    @Test
    void aPageAtOffsetKReadsKPlusTheLimitRows(SqlSessionFactory factory) throws SQLException {
        try (SqlSession session = factory.openSession()) {
            for (long offset : new long[] {0, 500, 1900}) {
                DeepPages.UnderTheLimit plan = DeepPages.explain(session, OFFSET_PAGE,
                        Map.of("offset", offset, "limit", LIMIT)).underTheLimit();

                assertThat(plan.rows()).as("rows read for the page at offset %d", offset).isEqualTo(offset + LIMIT);
            }
        }
    }

    @Test
    void aKeysetPageReadsTheLimitThroughTheIndexHoweverDeep(SqlSessionFactory factory) throws SQLException {
        try (SqlSession session = factory.openSession()) {
            CarPageMapper pages = session.getMapper(CarPageMapper.class);
            for (long position : new long[] {1, 500, 1900}) {
                Car last = pages.findPageByOffset(position - 1, 1).get(0);
                DeepPages.UnderTheLimit plan = DeepPages.explain(session, KEYSET_PAGE,
                        Map.of("price", last.getPrice(), "id", last.getId(), "limit", LIMIT)).underTheLimit();

                assertThat(plan.rows()).as("rows read for the page after position %d", position).isEqualTo(LIMIT);
                assertThat(plan.indexName()).as("the node under the Limit").isEqualTo("car_price_id_idx");
            }
        }
    }

    @Test
    void bothGiveTheSamePage(SqlSessionFactory factory) {
        try (SqlSession session = factory.openSession()) {
            CarPageMapper pages = session.getMapper(CarPageMapper.class);
            for (long offset : new long[] {20, 700, 1980}) {
                Car last = pages.findPageByOffset(offset - 1, 1).get(0);

                assertThat(pages.findPageAfter(last.getPrice(), last.getId(), LIMIT))
                        .containsExactlyElementsOf(pages.findPageByOffset(offset, LIMIT));
            }
        }
    }

    @Test
    void walkingEveryKeysetPageReadsEveryCarOnceInOrder(SqlSessionFactory factory, StatementRecorder recorder) {
        List<Car> walked = new ArrayList<>();
        try (SqlSession session = factory.openSession()) {
            CarPageMapper pages = session.getMapper(CarPageMapper.class);
            List<Car> page = pages.findPageByOffset(0, LIMIT);
            while (!page.isEmpty()) {
                walked.addAll(page);
                Car last = page.get(page.size() - 1);
                page = pages.findPageAfter(last.getPrice(), last.getId(), LIMIT);
            }
        }

        assertThat(walked).hasSize(2000).doesNotHaveDuplicates()
                .isSortedAccordingTo(Comparator.comparing(Car::getPrice).thenComparing(Car::getId));
        assertThatStatements(recorder).hasCount(2000 / LIMIT + 1);
    }
}
