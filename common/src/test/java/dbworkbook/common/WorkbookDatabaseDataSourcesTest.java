package dbworkbook.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.junit.WorkbookTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@WorkbookTest(dealerships = 1, carsPerDealership = 1, salespeoplePerDealership = 1)
class WorkbookDatabaseDataSourcesTest {

    @Test
    void aPoolWithSettingsOfItsOwnKeepsTheWorkbookConnectionProperties(WorkbookDatabase database) throws SQLException {
        try (HikariDataSource pool = database.pooledDataSource("own-settings", config -> {
            config.setMaximumPoolSize(1);
            config.addDataSourceProperty("prepareThreshold", "0");
        })) {
            assertThat(pool.getMaximumPoolSize()).isEqualTo(1);
            assertThat(query(pool, "SHOW application_name")).isEqualTo("workbook");
            assertThat(query(pool, "SELECT current_database()")).isEqualTo(database.name());
        }
    }

    @Test
    void theUnpooledDataSourceOpensANewServerProcessEachTime(WorkbookDatabase database) throws SQLException {
        DataSource unpooled = database.unpooledDataSource();
        assertThat(query(unpooled, "SELECT pg_backend_pid()")).isNotEqualTo(query(unpooled, "SELECT pg_backend_pid()"));
    }

    private static String query(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
