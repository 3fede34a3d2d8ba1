package dbworkbook.part4.exercises;

import dbworkbook.part4.ReadRetry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Exercise 4.3, the reference solution. The first attempt's connection is closed before the second attempt
 * borrows: HikariCP has marked it broken, and closing it takes it out of the pool, so the second borrow cannot get it
 * back.
 */
public final class RetryOnce implements ReadRetry {

    @Override
    public <T> T read(DataSource dataSource, Read<T> read) throws SQLException {
        try {
            return attempt(dataSource, read);
        } catch (SQLException e) {
            if (!connectionLost(e)) {
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

    /** SQLSTATE class 08 (connection exception) or 57P01 (admin shutdown: the server ended the session). */
    private static boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01"));
    }
}
