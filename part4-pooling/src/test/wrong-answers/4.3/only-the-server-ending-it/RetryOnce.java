package dbworkbook.part4.exercises;

import dbworkbook.part4.ReadRetry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Wrong: 57P01 alone: a broken network (class 08) is a lost connection too. Expected failure: network connection to the server broke */
public final class RetryOnce implements ReadRetry {

    @Override
    public <T> T read(DataSource dataSource, Read<T> read) throws SQLException {
        try {
            return attempt(dataSource, read);
        } catch (SQLException e) {
            if (!"57P01".equals(e.getSQLState())) {
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
