package dbworkbook.part4.exercises;

import dbworkbook.part4.ReadRetry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Wrong: the first attempt's connection is never closed when it fails. Expected failure: still borrowed from the pool */
public final class RetryOnce implements ReadRetry {

    @Override
    public <T> T read(DataSource dataSource, Read<T> read) throws SQLException {
        Connection first = dataSource.getConnection();
        try {
            T result = read.run(first);
            first.close();
            return result;
        } catch (SQLException e) {
            String state = e.getSQLState();
            if (state == null || !(state.startsWith("08") || state.equals("57P01"))) {
                first.close();
                throw e;
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
