package dbworkbook.part4.exercises;

import dbworkbook.part4.ReadRetry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Wrong: a lost connection is retried as long as it takes. Expected failure: It was run 3 time(s) */
public final class RetryOnce implements ReadRetry {

    @Override
    public <T> T read(DataSource dataSource, Read<T> read) throws SQLException {
        while (true) {
            try {
                return attempt(dataSource, read);
            } catch (SQLException e) {
                String state = e.getSQLState();
                if (state == null || !(state.startsWith("08") || state.equals("57P01"))) {
                    throw e;
                }
            }
        }
    }

    private static <T> T attempt(DataSource dataSource, Read<T> read) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return read.run(connection);
        }
    }
}
