package dbworkbook.part4.exercises;

import dbworkbook.part4.ReadRetry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Wrong: reads the SQLSTATE as if every error had one. Expected failure: NullPointerException */
public final class RetryOnce implements ReadRetry {

    @Override
    public <T> T read(DataSource dataSource, Read<T> read) throws SQLException {
        try {
            return attempt(dataSource, read);
        } catch (SQLException e) {
            if (!(e.getSQLState().startsWith("08") || e.getSQLState().equals("57P01"))) {
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
