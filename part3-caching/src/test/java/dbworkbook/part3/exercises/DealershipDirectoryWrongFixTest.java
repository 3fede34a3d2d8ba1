package dbworkbook.part3.exercises;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.common.recorder.StatementRecorder;
import dbworkbook.part3.Part3;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

/**
 * A wrong answer to exercise 1 fails, and the message says what is wrong. (That the untouched exercise fails is
 * checked by {@code .ci/check-exercises}.)
 */
@WorkbookTest(dealerships = 10, carsPerDealership = 0, salespeoplePerDealership = 0)
class DealershipDirectoryWrongFixTest {

    @Test
    void aCacheTooSmallForTheWorkingSetFailsAndSaysWhy(DataSource dataSource, StatementRecorder recorder) {
        SqlSessionFactory factory = MyBatisBootstrap.sqlSessionFactory(dataSource, Part3.MYBATIS_CONFIG,
                "dbworkbook/part3/alternatives/TooSmallCacheDealershipDirectoryMapper.xml");

        assertThatThrownBy(() -> DealershipDirectoryContract.checkAThousandLookupsRunAtMostTenStatements(factory,
                recorder)).hasMessageStartingWith("Exercise 1:").hasMessageContaining("room for 10 dealerships");
    }
}
