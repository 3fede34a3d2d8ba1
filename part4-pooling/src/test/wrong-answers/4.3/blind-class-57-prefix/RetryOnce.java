package dbworkbook.part4.exercises;

// BLIND: Treats SQLSTATE class 08 and the whole class 57 ("operator intervention", where 57P01 lives) as a lost connection; terminated and broken connections are retried once, which a checker that tests only those accepts, but a statement timeout (57014) is in class 57 too and is retried.
// Expected failure: times: that error is not a lost connection, and would only happen

import dbworkbook.part4.ReadRetry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

public final class RetryOnce implements ReadRetry {

    @Override
    public <T> T read(DataSource dataSource, Read<T> read) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return read.run(connection);
        } catch (SQLException e) {
            String state = e.getSQLState();
            if (state == null || !(state.startsWith("08") || state.startsWith("57"))) {
                throw e;
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            return read.run(connection);
        }
    }
}
