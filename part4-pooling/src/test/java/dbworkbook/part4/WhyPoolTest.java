package dbworkbook.part4;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.junit.WorkbookTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Lesson 1: a connection is a server process. Without a pool, every unit of work starts one (and authenticates);
 * with a pool, a few processes serve every unit of work. How much time that saves is the demo's part.
 */
@WorkbookTest(dealerships = 2, carsPerDealership = 2, salespeoplePerDealership = 0)
class WhyPoolTest {

    private static final int UNITS_OF_WORK = 50;

    @Test
    void withoutAPoolEveryConnectionIsANewServerProcess(WorkbookDatabase database) throws SQLException {
        DataSource unpooled = database.unpooledDataSource();

        Set<Integer> pids = pidsSeenBy(unpooled, 5);

        assertThat(pids).as("one new backend per getConnection()").hasSize(5);
    }

    @Test
    void aPoolServesManyUnitsOfWorkWithAFewServerProcesses(WorkbookDatabase database) throws SQLException {
        try (HikariDataSource pool = database.pooledDataSource("why-pool", config -> {
            config.setMaximumPoolSize(2);
            config.addDataSourceProperty("ApplicationName", "part4-why-pool");
        })) {
            Set<Integer> pids = pidsSeenBy(pool, UNITS_OF_WORK);

            assertThat(pids).as("backends that served %d borrows", UNITS_OF_WORK).hasSizeBetween(1, 2);
            try (Connection observer = database.connect()) {
                assertThat(PoolBackends.pids(observer, "part4-why-pool")).as("the server's view")
                        .containsAll(pids).hasSizeLessThanOrEqualTo(2);
            }
        }
    }

    /** Runs {@code times} units of work, each on a connection of its own from {@code dataSource}. */
    private static Set<Integer> pidsSeenBy(DataSource dataSource, int times) throws SQLException {
        Set<Integer> pids = new HashSet<>();
        for (int i = 0; i < times; i++) {
            try (Connection connection = dataSource.getConnection()) {
                pids.add(PoolBackends.pidOf(connection));
            }
        }
        return pids;
    }
}
