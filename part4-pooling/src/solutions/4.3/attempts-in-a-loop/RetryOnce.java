package dbworkbook.part4.exercises;

import dbworkbook.part4.ReadRetry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Exercise 4.3, another correct answer: a loop over a fixed number of attempts, which grows into a general
 * retry policy (more attempts, a pause between them) when one is needed. */
public final class RetryOnce implements ReadRetry {

    @Override
    public <T> T read(DataSource dataSource, Read<T> read) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                return read.run(connection);
            } catch (SQLException e) {
                if (attempt == ATTEMPTS || !lostConnection(e)) {
                    throw e;
                }
            }
        }
    }

    private static final int ATTEMPTS = 2;

    private static boolean lostConnection(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || state.equals("57P01");
    }
}
