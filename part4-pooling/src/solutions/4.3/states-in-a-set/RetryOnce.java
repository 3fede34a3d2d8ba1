package dbworkbook.part4.exercises;

import dbworkbook.part4.ReadRetry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** Exercise 4.3, another correct answer: the states that mean "this connection is gone" written out, as HikariCP
 * keeps its own list; the first failure is kept for the caller if the second attempt fails too. */
public final class RetryOnce implements ReadRetry {

    @Override
    public <T> T read(DataSource dataSource, Read<T> read) throws SQLException {
        SQLException first;
        try {
            return attempt(dataSource, read);
        } catch (SQLException e) {
            if (!connectionGone(e)) {
                throw e;
            }
            first = e;
        }
        try {
            return attempt(dataSource, read);
        } catch (SQLException second) {
            second.addSuppressed(first);
            throw second;
        }
    }

    private static final Set<String> GONE = Set.of("57P01");

    private static boolean connectionGone(SQLException e) {
        return Optional.ofNullable(e.getSQLState()).filter(s -> s.startsWith("08") || GONE.contains(s)).isPresent();
    }

    private static <T> T attempt(DataSource dataSource, Read<T> read) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return read.run(connection);
        }
    }
}
