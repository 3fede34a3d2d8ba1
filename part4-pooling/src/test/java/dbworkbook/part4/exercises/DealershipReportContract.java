package dbworkbook.part4.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.logging.LogCapture;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.part4.Await;
import dbworkbook.part4.PoolState;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exercise 2's contract: a report that returns its connection to the pool on every path. */
@WorkbookTest(dealerships = 3, carsPerDealership = 2, salespeoplePerDealership = 0)
abstract class DealershipReportContract {

    static final String TASK = "Exercise 2: make DealershipReport.describe return its connection to the pool on "
            + "every path (try-with-resources, as lesson 5's CarCounter does)";

    private LogCapture leakWarnings;
    private HikariDataSource pool;
    private SqlSessionFactory factory;

    /** The report under test. */
    abstract DealershipDescriber report(SqlSessionFactory factory);

    @BeforeEach
    void leakDetectingPool(WorkbookDatabase database) {
        leakWarnings = LogCapture.of(Level.WARN, "com.zaxxer.hikari.pool.ProxyLeakTask");
        pool = database.pooledDataSource("report", config -> {
            config.setMaximumPoolSize(2);
            config.setLeakDetectionThreshold(2_000);
        });
        factory = MyBatisBootstrap.sqlSessionFactory(pool, "dbworkbook/part4/mybatis-config.xml");
    }

    @AfterEach
    void closePool() {
        pool.close();
        leakWarnings.close();
    }

    @Test
    void describesADealershipAndReturnsTheConnection() {
        assertThat(report(factory).describe(1)).as(TASK).isEqualTo("Dealership 00001: 2 cars");
        assertConnectionReturned("describe(1)");
    }

    @Test
    void describesAMissingDealershipAndReturnsTheConnection() {
        assertThat(report(factory).describe(99)).as(TASK).isEqualTo("No dealership 99");
        assertConnectionReturned("describe(99), a dealership that does not exist,");
    }

    /**
     * No clock needed: when the call has returned, its connection is either back in the pool or not. If not, the
     * failure quotes the leak detector's warning, which names the line that borrowed it.
     */
    private void assertConnectionReturned(String call) {
        int stillBorrowed = PoolState.of(pool).active();
        if (stillBorrowed > 0) {
            Await.until("HikariCP's leak warning", () -> !leakWarnings.events().isEmpty());
        }
        assertThat(stillBorrowed).as("%s. After %s returned, %d connection(s) were still borrowed from the pool: a "
                + "SqlSession was not closed. HikariCP's leak detector says the connection was borrowed at:%n%s", TASK,
                call, stillBorrowed, stillBorrowed > 0 ? whereBorrowed(leakWarnings.events().get(0)) : "").isZero();
    }

    /** The frames of the warning's stack trace that are in the workbook's own code. */
    private static String whereBorrowed(LogEvent warning) {
        return Arrays.stream(warning.getThrown().getStackTrace())
                .filter(frame -> frame.getClassName().startsWith("dbworkbook.part4.exercises.DealershipReport"))
                .map(frame -> "    at " + frame)
                .collect(Collectors.joining(System.lineSeparator()));
    }
}
