package dbworkbook.part4.exercises;

import dbworkbook.part4.ReadRetry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Wrong: the whole class 57, which holds a statement that ran out of time (57014) too. Expected failure: a statement timeout */
public final class RetryOnce implements ReadRetry {

    @Override
    public <T> T read(DataSource dataSource, Read<T> read) throws SQLException {
        try {
            return attempt(dataSource, read);
        } catch (SQLException e) {
            String state = e.getSQLState();
            if (state == null || !(state.startsWith("08") || state.startsWith("57"))) {
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
