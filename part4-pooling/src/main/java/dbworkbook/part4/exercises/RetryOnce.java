package dbworkbook.part4.exercises;

import dbworkbook.part4.ReadRetry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * EXERCISE 4.3: retry a read once when the connection was lost.
 *
 * <p>After a database restart or failover, the pool may hand out a connection whose server process is gone, and the
 * first statement on it fails (lesson 7). For a read, which is safe to run twice, the cure is to run it once more on
 * another connection. Make {@link #read} do that: if the read fails because the connection was lost, borrow a
 * connection again and run the read a second time. Do not retry anything else (a syntax error, a missing table, a
 * statement that ran out of time would only fail again), and never run the read more than twice.
 *
 * <p>What is checked: a read whose connection the server ended, and one whose network connection broke, each run
 * once more on a new connection and return the right result; reads that fail for other reasons (a missing table,
 * a division by zero, a statement timeout, an error without an SQLSTATE, an exception that is not an SQLException)
 * run once, and their error reaches the caller as it was; when both attempts lose their connection, the read ran
 * twice and the error reaches the caller; a read that works runs once; and no call keeps a connection.
 *
 * <p>Check: {@code ./mvnw -Pexercises -pl part4-pooling -am verify}. Start over: {@code ./mvnw -q -Preset -Dexercise=4.3}
 */
public final class RetryOnce implements ReadRetry {

    @Override
    public <T> T read(DataSource dataSource, Read<T> read) throws SQLException {
        // TODO exercise 4.3: run the read a second time, on a newly borrowed connection, if the connection was lost.
        try (Connection connection = dataSource.getConnection()) {
            return read.run(connection);
        }
    }
}
