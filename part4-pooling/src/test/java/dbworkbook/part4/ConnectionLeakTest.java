package dbworkbook.part4;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.logging.LogCapture;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import java.util.Arrays;
import java.util.List;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.junit.jupiter.api.Test;

/**
 * Lesson 5: a {@code SqlSession} that is never closed keeps its connection. With {@code leakDetectionThreshold} set,
 * HikariCP notices a connection held longer than that and logs a warning with the stack trace of the code that
 * borrowed it: the line to fix.
 */
@WorkbookTest(dealerships = 3, carsPerDealership = 2, salespeoplePerDealership = 0)
class ConnectionLeakTest {

    static final String LEAK_LOGGER = "com.zaxxer.hikari.pool.ProxyLeakTask";
    static final String MYBATIS_CONFIG = "dbworkbook/part4/mybatis-config.xml";

    @Test
    void anUnclosedSessionIsReportedWithTheStackTraceOfItsBorrower(WorkbookDatabase database, Scale scale) {
        try (LogCapture log = LogCapture.of(Level.WARN, LEAK_LOGGER);
             HikariDataSource pool = leakDetectingPool(database, "leaky")) {
            SqlSessionFactory factory = MyBatisBootstrap.sqlSessionFactory(pool, MYBATIS_CONFIG);

            assertThat(new LeakingCarCounter(factory).countCars()).isEqualTo(scale.cars()); // the answer is right...
            assertThat(PoolState.of(pool).active()).as("...but the connection was never returned").isEqualTo(1);

            Await.until("the leak warning", () -> !log.events().isEmpty());
            LogEvent warning = log.events().get(0);
            assertThat(warning.getLevel()).isEqualTo(Level.WARN);
            assertThat(warning.getMessage().getFormattedMessage())
                    .startsWith("Connection leak detection triggered for ").endsWith("stack trace follows");
            assertThat(warning.getThrown()).hasMessage("Apparent connection leak detected");
            assertThat(borrowers(warning)).contains(LeakingCarCounter.class.getName() + ".countCars");
        }
    }

    @Test
    void aSessionClosedByTryWithResourcesIsNeverReported(WorkbookDatabase database, Scale scale) {
        try (LogCapture log = LogCapture.of(Level.WARN, LEAK_LOGGER);
             HikariDataSource pool = leakDetectingPool(database, "tidy")) {
            SqlSessionFactory factory = MyBatisBootstrap.sqlSessionFactory(pool, MYBATIS_CONFIG);

            assertThat(new CarCounter(factory).countCars()).isEqualTo(scale.cars());
            assertThat(PoolState.of(pool).active()).as("returned to the pool").isZero();

            // Proving that no warning comes needs no clock: leak a connection now, as a control. HikariCP checks both
            // borrows in the order they were made, so when the control's warning arrives, a warning for the first
            // borrow would have arrived before it.
            new LeakingCarCounter(factory).countCars();
            Await.until("the control's leak warning", () -> !log.events().isEmpty());
            assertThat(log.events()).singleElement().satisfies(warning -> assertThat(borrowers(warning))
                    .contains(LeakingCarCounter.class.getName() + ".countCars")
                    .doesNotContain(CarCounter.class.getName() + ".countCars"));
        }
    }

    /** A pool that reports a connection held for more than 2 s, the shortest threshold HikariCP accepts. */
    static HikariDataSource leakDetectingPool(WorkbookDatabase database, String name) {
        return database.pooledDataSource(name, config -> {
            config.setMaximumPoolSize(2);
            config.setLeakDetectionThreshold(2_000);
        });
    }

    /** Class.method of each frame of the borrower's stack trace that the warning carries. */
    static List<String> borrowers(LogEvent warning) {
        return Arrays.stream(warning.getThrown().getStackTrace())
                .map(frame -> frame.getClassName() + "." + frame.getMethodName())
                .toList();
    }
}
