package dbworkbook.part4.exercises;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Another correct answer to exercise 3: a loop with a bounded number of attempts, which grows into a general retry
 * policy (more attempts, a pause between them) when one is needed.
 */
class RetryOnceLoopSolutionTest extends RetryOnceContract {

    private static final int ATTEMPTS = 2;

    @Override
    Reader reader() {
        return (dataSource, work) -> {
            for (int attempt = 1; ; attempt++) {
                try (Connection connection = dataSource.getConnection()) {
                    return work.run(connection);
                } catch (SQLException e) {
                    String state = e.getSQLState() == null ? "" : e.getSQLState();
                    boolean connectionLost = state.startsWith("08") || state.equals("57P01");
                    if (!connectionLost || attempt == ATTEMPTS) {
                        throw e;
                    }
                }
            }
        };
    }
}
