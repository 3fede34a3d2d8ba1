package dbworkbook.part4;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** What exercise 4.3 asks for (given): a way to run a read that survives a lost connection. */
public interface ReadRetry {

    /** A read on one connection. It must be safe to run twice. */
    @FunctionalInterface
    interface Read<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code read} on a connection borrowed from {@code dataSource}, and returns what it returned. What happens
     * when the read fails is what the exercise is about.
     */
    <T> T read(DataSource dataSource, Read<T> read) throws SQLException;
}
