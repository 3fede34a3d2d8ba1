package dbworkbook.part3;

import static dbworkbook.common.recorder.StatementsAssert.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.domain.Dealership;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.logging.LogCapture;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.common.recorder.StatementRecorder;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

/**
 * Lesson 5: the second-level cache, one per namespace, shared by all sessions of a factory. The factory (and so the
 * caches) lives as long as this test class: every test uses dealerships of its own, so no test sees another's
 * cached rows. Tests that change a city put it back.
 */
@WorkbookTest(dealerships = 20, carsPerDealership = 0, salespeoplePerDealership = 0,
        mybatisConfig = Part3.MYBATIS_CONFIG)
class SecondLevelCacheTest {

    private static final String LOOKUP = "dbworkbook.part3.DealershipLookupMapper";

    @Test
    void aLaterSessionIsServedFromTheCacheAndMyBatisLogsTheHitRatio(DataSource dataSource,
                                                                     StatementRecorder recorder) {
        // A factory of its own, so that its caches start empty: the ratio counts every lookup since the start.
        SqlSessionFactory factory = MyBatisBootstrap.sqlSessionFactory(dataSource, Part3.MYBATIS_CONFIG);
        try (LogCapture log = LogCapture.of(Level.DEBUG, LOOKUP)) {
            for (int session = 0; session < 4; session++) {
                lookUp(factory, 1L);
            }

            // LoggingCache, one of the decorators around every namespace cache, logs the running ratio.
            assertThat(log.messages()).filteredOn(line -> line.startsWith("Cache Hit Ratio"))
                    .containsExactly("Cache Hit Ratio [" + LOOKUP + "]: 0.0",
                            "Cache Hit Ratio [" + LOOKUP + "]: 0.5",
                            "Cache Hit Ratio [" + LOOKUP + "]: 0.6666666666666666",
                            "Cache Hit Ratio [" + LOOKUP + "]: 0.75");
        }
        assertThatStatements(recorder).hasCount(1);
    }

    @Test
    void aResultReachesTheCacheOnlyWhenItsSessionCommitsOrCloses(SqlSessionFactory factory,
                                                                  StatementRecorder recorder) {
        try (SqlSession first = factory.openSession()) {
            first.getMapper(DealershipLookupMapper.class).findById(2L);
            lookUp(factory, 2L); // the first session is still open: its result is not shared yet
            assertThatStatements(recorder).hasCount(2);

            first.commit();
        }
        lookUp(factory, 2L);
        assertThatStatements(recorder).hasCount(2);
    }

    @Test
    void aWriteInTheNamespaceFlushesItsCache(SqlSessionFactory factory, StatementRecorder recorder) {
        String city = lookUp(factory, 3L).getCity();
        try {
            changeCity(factory, 3L, "Reykjavik", (session, c) ->
                    session.getMapper(DealershipLookupMapper.class).updateCity(3L, c));
            recorder.reset();

            assertThat(lookUp(factory, 3L).getCity()).isEqualTo("Reykjavik");
            assertThatStatements(recorder).as("the cache was flushed: the lookup ran again").hasCount(1);
        } finally {
            changeCity(factory, 3L, city, (session, c) ->
                    session.getMapper(DealershipLookupMapper.class).updateCity(3L, c));
        }
    }

    @Test
    void aWriteThroughAnotherNamespaceLeavesTheCacheStale(SqlSessionFactory factory) {
        String city = lookUp(factory, 4L).getCity();
        try {
            changeCity(factory, 4L, "Reykjavik", (session, c) ->
                    session.getMapper(DealershipAdminMapper.class).updateCity(4L, c));

            assertThat(lookUp(factory, 4L).getCity()).as("stale: served from the lookup's cache").isEqualTo(city);
            try (SqlSession session = factory.openSession()) {
                assertThat(session.getMapper(DealershipAdminMapper.class).findById(4L).getCity())
                        .as("what the database says").isEqualTo("Reykjavik");
            }
        } finally {
            changeCity(factory, 4L, city, (session, c) ->
                    session.getMapper(SharedCacheDealershipAdminMapper.class).updateCity(4L, c));
        }
    }

    @Test
    void cacheRefMakesTheOtherNamespacesWritesFlushTheCache(SqlSessionFactory factory) {
        String city = lookUp(factory, 5L).getCity();
        try {
            changeCity(factory, 5L, "Reykjavik", (session, c) ->
                    session.getMapper(SharedCacheDealershipAdminMapper.class).updateCity(5L, c));

            assertThat(lookUp(factory, 5L).getCity()).isEqualTo("Reykjavik");
        } finally {
            changeCity(factory, 5L, city, (session, c) ->
                    session.getMapper(SharedCacheDealershipAdminMapper.class).updateCity(5L, c));
        }
    }

    @Test
    void aReadWriteCacheHandsOutCopiesAReadOnlyCacheTheSameObject(SqlSessionFactory factory) {
        Dealership copy1 = lookUp(factory, 6L);
        Dealership copy2 = lookUp(factory, 6L);
        assertThat(copy2).isNotSameAs(copy1); // deserialized anew for every hit
        assertThat(copy2.getName()).isEqualTo(copy1.getName());

        Dealership shared1 = readOnlyLookUp(factory, 6L);
        Dealership shared2 = readOnlyLookUp(factory, 6L);
        assertThat(shared2).isSameAs(shared1); // one object for every caller: nobody may change it
    }

    @Test
    void aSmallCacheEvictsTheLeastRecentlyUsedEntry(SqlSessionFactory factory, StatementRecorder recorder) {
        assertThat(TinyCacheDealershipMapper.CACHE_SIZE).isEqualTo(2);
        tinyLookUp(factory, 7L);
        tinyLookUp(factory, 8L);
        tinyLookUp(factory, 7L); // a hit: 7 is now the most recently used, 8 the least
        tinyLookUp(factory, 9L); // a miss; the cache is full, so 8 is evicted
        assertThatStatements(recorder).hasCount(3);

        tinyLookUp(factory, 7L); // still cached
        assertThatStatements(recorder).hasCount(3);
        tinyLookUp(factory, 8L); // evicted: runs again
        assertThatStatements(recorder).hasCount(4);
    }

    private static Dealership lookUp(SqlSessionFactory factory, long id) {
        try (SqlSession session = factory.openSession()) {
            return session.getMapper(DealershipLookupMapper.class).findById(id);
        }
    }

    private static Dealership readOnlyLookUp(SqlSessionFactory factory, long id) {
        try (SqlSession session = factory.openSession()) {
            return session.getMapper(ReadOnlyCacheDealershipMapper.class).findById(id);
        }
    }

    private static void tinyLookUp(SqlSessionFactory factory, long id) {
        try (SqlSession session = factory.openSession()) {
            session.getMapper(TinyCacheDealershipMapper.class).findById(id);
        }
    }

    private static void changeCity(SqlSessionFactory factory, long id, String city,
                                   BiConsumer<SqlSession, String> update) {
        try (SqlSession session = factory.openSession()) {
            update.accept(session, city);
            session.commit();
        }
    }
}
