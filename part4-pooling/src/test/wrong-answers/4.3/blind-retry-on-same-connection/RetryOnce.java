package dbworkbook.part4.exercises;

// BLIND: Retries only lost connections and only once, but inside the same try-with-resources, so the second run is on the very connection that was just lost; the rule reads exactly like the header, which a checker that counts runs accepts, but the retry fails again every time.
// Expected failure: the first attempt of a read failed because the server had ended

import dbworkbook.part4.ReadRetry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

public final class RetryOnce implements ReadRetry {

    @Override
    public <T> T read(DataSource dataSource, Read<T> read) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try {
                return read.run(connection);
            } catch (SQLException e) {
                String state = e.getSQLState();
                if (state != null && (state.startsWith("08") || state.equals("57P01"))) {
                    return read.run(connection);
                }
                throw e;
            }
        }
    }
}
