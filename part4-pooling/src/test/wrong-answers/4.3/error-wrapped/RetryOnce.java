package dbworkbook.part4.exercises;

import dbworkbook.part4.ReadRetry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Wrong: the right retries, and every other error wrapped in a new one. Expected failure: must fail with that same error */
public final class RetryOnce implements ReadRetry {

    @Override
    public <T> T read(DataSource dataSource, Read<T> read) throws SQLException {
        try {
            return attempt(dataSource, read);
        } catch (SQLException e) {
            String state = e.getSQLState();
            if (state == null || !(state.startsWith("08") || state.equals("57P01"))) {
                throw new SQLException("The read failed: " + e.getMessage(), state, e);
            }
            return attempt(dataSource, read);
        }
    }

    private static <T> T attempt(DataSource dataSource, Read<T> read) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return read.run(connection);
        }
    }
}
