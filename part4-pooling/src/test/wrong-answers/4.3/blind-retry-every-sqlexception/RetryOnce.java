package dbworkbook.part4.exercises;

// BLIND: Retries once, on a new connection, after any SQLException; a lost connection is recovered and nothing runs more than twice, which a checker that only tests the lost-connection case accepts, but a missing table, a division by zero or a statement timeout also runs twice.
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
        } catch (SQLException first) {
            try (Connection again = dataSource.getConnection()) {
                return read.run(again);
            }
        }
    }
}
