package dbworkbook.part4.exercises;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * EXERCISE 3: retry a read once when the connection was lost.
 *
 * <p>After a database restart or failover, the pool may hand out a connection whose server process is gone, and the
 * first statement on it fails (lesson 7). For a read, which is safe to run twice, the cure is to run it once more on
 * another connection. Make {@link #read} do that: if the read fails because the connection was lost, borrow a
 * connection again and run the read a second time. Do not retry anything else (a syntax error, a missing table, a
 * constraint violation would only fail again), and never run the read more than twice.
 *
 * <p>Hint: lesson 7 ({@code ConnectionFaultsTest}). A lost connection shows in {@link SQLException#getSQLState()}:
 * the class {@code 08} (connection exception), or {@code 57P01} (the server ended the session). The state can be null.
 *
 * <p>Check: {@code ./mvnw -Pexercises -pl part4-pooling -am verify}
 */
public final class RetryOnce {

    /** A read on one connection. It must be safe to run twice. */
    @FunctionalInterface
    public interface Read<T> {
        T run(Connection connection) throws SQLException;
    }

    private RetryOnce() {
    }

    public static <T> T read(DataSource dataSource, Read<T> read) throws SQLException {
        // TODO exercise 3: run the read a second time, on a newly borrowed connection, if the connection was lost.
        try (Connection connection = dataSource.getConnection()) {
            return read.run(connection);
        }
    }
}
