package dbworkbook.part4.exercises;

// BLIND: Right rule (class 08 or 57P01, once, on a new connection) but calls e.getSQLState().startsWith(...) without a null check, so an error without an SQLSTATE reaches the caller as a NullPointerException instead of its own error; a checker that tests only PostgreSQL errors (which always carry one) accepts it.
// Expected failure: a read that failed with an SQLException without an SQLSTATE must fail

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
            if (!(e.getSQLState().startsWith("08") || e.getSQLState().equals("57P01"))) {
                throw e;
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            return read.run(connection);
        }
    }
}
