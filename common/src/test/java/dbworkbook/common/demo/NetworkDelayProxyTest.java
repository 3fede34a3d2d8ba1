package dbworkbook.common.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.junit.WorkbookTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The relay delays, and changes nothing: what goes through it arrives whole and in order. */
@WorkbookTest(dealerships = 50, carsPerDealership = 20, salespeoplePerDealership = 1)
class NetworkDelayProxyTest {

    @Test
    void statementsThroughTheRelayReadTheSameRows(WorkbookDatabase database, Scale scale) throws Exception {
        try (NetworkDelayProxy relay = NetworkDelayProxy.start(database.workbook().server().address(),
                Duration.ofMillis(1));
             HikariDataSource pool = database.pooledDataSourceThrough(relay.address(), "through-relay", 2)) {
            assertThat(queryText(pool, "SELECT count(*) FROM car")).isEqualTo(String.valueOf(scale.cars()));
            assertThat(queryText(pool, "SELECT md5(string_agg(make || model || price, ',' ORDER BY id)) FROM car"))
                    .isEqualTo(queryText(database, "SELECT md5(string_agg(make || model || price, ',' ORDER BY id)) FROM car"));
        }
    }

    @Test
    void largeResultsArriveWhole(WorkbookDatabase database) throws Exception {
        try (NetworkDelayProxy relay = NetworkDelayProxy.start(database.workbook().server().address(),
                Duration.ofMillis(1));
             HikariDataSource pool = database.pooledDataSourceThrough(relay.address(), "through-relay-large", 1)) {
            assertThat(queryText(pool, "SELECT repeat('abc', 1000000)")).hasSize(3_000_000).startsWith("abcabc");
        }
    }

    private static String queryText(HikariDataSource pool, String sql) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            return queryText(connection, sql);
        }
    }

    private static String queryText(WorkbookDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect()) {
            return queryText(connection, sql);
        }
    }

    private static String queryText(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
