package dbworkbook.part4.exercises;

// BLIND: Retries only lost connections, once, on a new connection, but closes the first connection only when the read succeeds ("it is dead anyway"); the happy path and the retry's result are right, which a checker that does not look at the pool accepts, but every retried call keeps the lost connection borrowed from the pool.
// Expected failure: after a read that failed with an IllegalStateException of the read

import dbworkbook.part4.ReadRetry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

public final class RetryOnce implements ReadRetry {

    @Override
    public <T> T read(DataSource dataSource, Read<T> read) throws SQLException {
        Connection connection = dataSource.getConnection();
        T result;
        try {
            result = read.run(connection);
        } catch (SQLException e) {
            String state = e.getSQLState();
            if (state == null || !(state.startsWith("08") || state.equals("57P01"))) {
                connection.close();
                throw e;
            }
            try (Connection again = dataSource.getConnection()) {
                return read.run(again);
            }
        }
        connection.close();
        return result;
    }
}
