package dbworkbook.part4.exercises;

// BLIND: A recursive helper with an attemptsLeft counter (2, then 1): each call borrows its own connection with try-with-resources, and recurses only when the SQLSTATE is class 08 or exactly 57P01 and an attempt is left; any other failure is rethrown as it was.

import dbworkbook.part4.ReadRetry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

public final class RetryOnce implements ReadRetry {

    @Override
    public <T> T read(DataSource dataSource, Read<T> read) throws SQLException {
        return attempt(dataSource, read, 2);
    }

    private static <T> T attempt(DataSource dataSource, Read<T> read, int attemptsLeft) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return read.run(connection);
        } catch (SQLException e) {
            boolean lost = e.getSQLState() != null
                    && (e.getSQLState().startsWith("08") || "57P01".equals(e.getSQLState()));
            if (!lost || attemptsLeft <= 1) {
                throw e;
            }
        }
        return attempt(dataSource, read, attemptsLeft - 1);
    }
}
