package dbworkbook.part3.exercises;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.part3.Part3;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

/** A tempting wrong answer to exercise 2 fails, and the message says why it cannot work. */
@WorkbookTest(dealerships = 1, carsPerDealership = 2, salespeoplePerDealership = 0)
class CarPricingWrongFixTest {

    @Test
    void aCacheOfItsOwnDoesNotFlushTheCatalogs(DataSource dataSource) {
        SqlSessionFactory factory = MyBatisBootstrap.sqlSessionFactory(dataSource, Part3.MYBATIS_CONFIG,
                "dbworkbook/part3/alternatives/OwnCacheCarPricingMapper.xml");

        assertThatThrownBy(() -> CarPricingContract.checkTheCatalogShowsTheNewPrice(factory, 1L))
                .hasMessageStartingWith("Exercise 2:")
                .hasMessageContaining("a write flushes only the cache of its own namespace");
    }
}
