package dbworkbook.part3.exercises;

import static dbworkbook.common.recorder.StatementsAssert.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.common.recorder.StatementRecorder;
import dbworkbook.part3.Part3;
import java.math.BigDecimal;
import javax.sql.DataSource;
import org.apache.ibatis.cache.Cache;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exercise 2's contract: what any correct {@code CarPricingMapper.xml} does. Each test builds MyBatis anew (empty
 * caches) and puts back the price it changed.
 */
@WorkbookTest(dealerships = 2, carsPerDealership = 5, salespeoplePerDealership = 0,
        mybatisConfig = Part3.MYBATIS_CONFIG)
abstract class CarPricingContract {

    static final String TASK = "Exercise 2: make the writes of CarPricingMapper.xml flush the cache of "
            + "CarCatalogMapper.xml, so that the catalog shows a committed price change at once (lesson 5)";
    static final String CATALOG = "dbworkbook.part3.exercises.CarCatalogMapper";
    static final String UPDATE_PRICE = "dbworkbook.part3.exercises.CarPricingMapper.updatePrice";

    private SqlSessionFactory factory;

    /** The mapper XML under test, a classpath resource. */
    abstract String mapperXml();

    @BeforeEach
    void buildMyBatisWithTheMapperUnderTest(DataSource dataSource) {
        factory = MyBatisBootstrap.sqlSessionFactory(dataSource, Part3.MYBATIS_CONFIG, mapperXml());
    }

    @Test
    void theCatalogShowsACommittedPriceChangeAtOnce() {
        checkTheCatalogShowsTheNewPrice(factory, 1L);
    }

    @Test
    void theCatalogStillCachesItsLookups(StatementRecorder recorder) {
        for (int request = 0; request < 10; request++) {
            catalogPrice(factory, 2L);
        }
        assertThatStatements(recorder).as("%s, and the catalog keeps its cache: 10 sessions reading one car", TASK)
                .hasCount(1);
    }

    static void checkTheCatalogShowsTheNewPrice(SqlSessionFactory factory, long carId) {
        BigDecimal before = catalogPrice(factory, carId); // now in the catalog's cache
        BigDecimal changed = before.add(new BigDecimal("100.00"));
        changePrice(factory, carId, changed);
        try {
            BigDecimal shown = catalogPrice(factory, carId);
            if (shown.compareTo(changed) != 0) {
                Cache updateFlushes = factory.getConfiguration().getMappedStatement(UPDATE_PRICE).getCache();
                String why = updateFlushes == null
                        ? "CarPricingMapper has no cache, so its update flushes none."
                        : "CarPricingMapper's update flushes the cache '" + updateFlushes.getId() + "', which is not "
                                + "the catalog's: a <cache/> of its own is a second cache, and a write flushes only "
                                + "the cache of its own namespace.";
                fail("%s. After the price of car %d was changed from %s to %s and committed, the catalog still shows "
                        + "%s. %s", TASK, carId, before, changed, shown, why);
            }
            assertThat(factory.getConfiguration().getCache(CATALOG)).as(TASK).isNotNull();
        } finally {
            changePrice(factory, carId, before);
        }
    }

    private static BigDecimal catalogPrice(SqlSessionFactory factory, long carId) {
        try (SqlSession session = factory.openSession()) {
            return session.getMapper(CarCatalogMapper.class).findById(carId).getPrice();
        }
    }

    private static void changePrice(SqlSessionFactory factory, long carId, BigDecimal price) {
        try (SqlSession session = factory.openSession()) {
            session.getMapper(CarPricingMapper.class).updatePrice(carId, price);
            session.commit();
        }
    }
}
