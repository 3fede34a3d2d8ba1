package dbworkbook.part4.exercises;

// BLIND: Decides with the JDBC 4 exception hierarchy (SQLRecoverableException, SQLNonTransientConnectionException, SQLTransientConnectionException) instead of the SQLSTATE; it looks like the textbook answer and passes a checker that throws those subclasses itself, but PgJDBC throws a plain PSQLException for a terminated or broken connection, so nothing is ever retried.
// Expected failure: and the read ended with FATAL: terminating connection due to administrator command

import dbworkbook.part4.ReadRetry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;

public final class RetryOnce implements ReadRetry {

    @Override
    public <T> T read(DataSource dataSource, Read<T> read) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return read.run(connection);
        } catch (SQLRecoverableException | SQLNonTransientConnectionException | SQLTransientConnectionException lost) {
            try (Connection connection = dataSource.getConnection()) {
                return read.run(connection);
            }
        }
    }
}
