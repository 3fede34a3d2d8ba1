package dbworkbook.part4.exercises;

import dbworkbook.part4.ReadRetry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Wrong: the second attempt on the connection that failed. Expected failure: (SQLSTATE */
public final class RetryOnce implements ReadRetry {

    @Override
    public <T> T read(DataSource dataSource, Read<T> read) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try {
                return read.run(connection);
            } catch (SQLException e) {
                String state = e.getSQLState();
                if (state == null || !(state.startsWith("08") || state.equals("57P01"))) {
                    throw e;
                }
                return read.run(connection);
            }
        }
    }
}
