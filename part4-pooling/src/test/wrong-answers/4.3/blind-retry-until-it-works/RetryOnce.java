package dbworkbook.part4.exercises;

// BLIND: Retries only lost connections (class 08, 57P01), each time on a new connection, but in a loop "until it works" with a short pause; a single lost connection is recovered in two runs, which a checker that tests only that case accepts, but when every attempt loses its connection the read runs for ever instead of twice.
// Expected failure: both connections of the pool were dead: the read must run twice

import dbworkbook.part4.ReadRetry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

public final class RetryOnce implements ReadRetry {

    @Override
    public <T> T read(DataSource dataSource, Read<T> read) throws SQLException {
        while (true) {
            try (Connection connection = dataSource.getConnection()) {
                return read.run(connection);
            } catch (SQLException e) {
                String state = e.getSQLState();
                if (state == null || !(state.startsWith("08") || state.equals("57P01"))) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
