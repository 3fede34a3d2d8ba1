package dbworkbook.part4.exercises;

// BLIND: Retries a lost connection once on a new connection, but "adds context" by wrapping every failure it gives up on (and any RuntimeException) in a new SQLException("read failed", cause); a checker that only asserts an SQLException is thrown accepts it, but the error no longer reaches the caller as it was (other SQLSTATE, other type).
// Expected failure: must fail with that same error, unchanged; the caller got java.sql.SQLException: read

import dbworkbook.part4.ReadRetry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

public final class RetryOnce implements ReadRetry {

    @Override
    public <T> T read(DataSource dataSource, Read<T> read) throws SQLException {
        try {
            try (Connection connection = dataSource.getConnection()) {
                return read.run(connection);
            } catch (SQLException e) {
                if (!lost(e)) {
                    throw e;
                }
            }
            try (Connection connection = dataSource.getConnection()) {
                return read.run(connection);
            }
        } catch (Exception e) {
            throw new SQLException("read failed", e);
        }
    }

    private static boolean lost(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01"));
    }
}
