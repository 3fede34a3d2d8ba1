package dbworkbook.part3.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dbworkbook.common.domain.Dealership;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.common.recorder.StatementRecorder;
import dbworkbook.part3.Part3;
import javax.sql.DataSource;
import org.apache.ibatis.cache.Cache;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exercise 1's contract: what any correct {@code DealershipDirectoryMapper.xml} does. Each test builds MyBatis anew,
 * so every test starts with empty caches.
 */
@WorkbookTest(dealerships = 10, carsPerDealership = 0, salespeoplePerDealership = 0,
        mybatisConfig = Part3.MYBATIS_CONFIG)
abstract class DealershipDirectoryContract {

    static final String TASK = "Exercise 1: give DealershipDirectoryMapper.xml a second-level cache, as lesson 5 "
            + "does (DealershipLookupMapper.xml), so that a dealership looked up once is not looked up again by "
            + "later sessions";
    static final String NAMESPACE = "dbworkbook.part3.exercises.DealershipDirectoryMapper";
    static final int SESSIONS = 100;
    static final int DEALERSHIPS = 10;

    private SqlSessionFactory factory;

    /** The mapper XML under test, a classpath resource. */
    abstract String mapperXml();

    @BeforeEach
    void buildMyBatisWithTheMapperUnderTest(DataSource dataSource) {
        factory = MyBatisBootstrap.sqlSessionFactory(dataSource, Part3.MYBATIS_CONFIG, mapperXml());
    }

    @Test
    void findsTheDealership() {
        try (SqlSession session = factory.openSession()) {
            Dealership dealership = session.getMapper(DealershipDirectoryMapper.class).findById(3L);
            assertThat(dealership).as(TASK).isNotNull();
            assertThat(dealership.getName()).as(TASK).isEqualTo("Dealership 00003");
        }
    }

    @Test
    void aThousandLookupsInAHundredSessionsRunOneStatementPerDealership(StatementRecorder recorder) {
        checkAThousandLookupsRunAtMostTenStatements(factory, recorder);
    }

    /** 100 sessions (requests), each looking up the same 10 dealerships: at most 10 statements in all. */
    static void checkAThousandLookupsRunAtMostTenStatements(SqlSessionFactory factory, StatementRecorder recorder) {
        recorder.reset();
        for (int request = 0; request < SESSIONS; request++) {
            try (SqlSession session = factory.openSession()) {
                DealershipDirectoryMapper directory = session.getMapper(DealershipDirectoryMapper.class);
                for (long id = 1; id <= DEALERSHIPS; id++) {
                    directory.findById(id);
                }
            }
        }
        int statements = recorder.count();
        if (statements <= DEALERSHIPS) {
            return;
        }
        Cache cache = factory.getConfiguration().hasCache(NAMESPACE) ? factory.getConfiguration().getCache(NAMESPACE)
                : null;
        if (cache == null) {
            fail("%s. %d lookups in %d sessions ran %d statements, at most %d allowed. The namespace has no "
                    + "cache: each session's own (first-level) cache dies when the session closes.",
                    TASK, SESSIONS * DEALERSHIPS, SESSIONS, statements, DEALERSHIPS);
        }
        fail("%s. The namespace has a cache now, but %d lookups in %d sessions still ran %d statements, at most %d "
                + "allowed. Does it have room for %d dealerships (size), and does nothing flush it (flushCache, "
                + "useCache=\"false\" on the select)? An LRU cache too small for the working set misses every time.",
                TASK, SESSIONS * DEALERSHIPS, SESSIONS, statements, DEALERSHIPS, DEALERSHIPS);
    }
}
