package dbworkbook.part4.exercises;

// BLIND: A bounded for-loop of at most two attempts, each on its own try-with-resources connection; only SQLSTATE class 08 or 57P01/57P02/57P03 (the server ended or refused the session) on the first attempt continues the loop, everything else (including null SQLSTATE and non-SQL exceptions) propagates untouched, and the first loss is attached as suppressed to a second one.

import dbworkbook.part4.ReadRetry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;

public final class RetryOnce implements ReadRetry {

    private static final int MAX_ATTEMPTS = 2;
    private static final Set<String> SESSION_ENDED = Set.of("57P01", "57P02", "57P03");

    @Override
    public <T> T read(DataSource dataSource, Read<T> read) throws SQLException {
        SQLException previous = null;
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                return read.run(connection);
            } catch (SQLException e) {
                if (previous != null) {
                    e.addSuppressed(previous);
                }
                if (attempt >= MAX_ATTEMPTS || !connectionLost(e)) {
                    throw e;
                }
                previous = e;
            }
        }
    }

    private static boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || SESSION_ENDED.contains(state));
    }
}
