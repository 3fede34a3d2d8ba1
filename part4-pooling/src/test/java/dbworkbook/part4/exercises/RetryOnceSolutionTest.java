package dbworkbook.part4.exercises;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dbworkbook.common.WorkbookDatabase;
import dbworkbook.part4.solutions.RetryOnce;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class RetryOnceSolutionTest extends RetryOnceContract {

    @Override
    Reader reader() {
        return (dataSource, work) -> RetryOnce.read(dataSource, work::run);
    }

    @Test
    void aFixThatRetriesEveryErrorFailsAndSaysWhy(WorkbookDatabase database) {
        Reader retriesEverything = (dataSource, work) -> {
            try (Connection connection = dataSource.getConnection()) {
                return work.run(connection);
            } catch (SQLException e) {
                try (Connection connection = dataSource.getConnection()) {
                    return work.run(connection);
                }
            }
        };
        assertThatThrownBy(() -> Checks.doesNotRetryOtherErrors(database, retriesEverything))
                .hasMessageStartingWith("[Exercise 3:").hasMessageContaining("SQLSTATE 42P01")
                .hasMessageContaining("would only happen again");
    }

    @Test
    void aFixThatRetriesUntilItWorksFailsAndSaysWhy(WorkbookDatabase database) {
        Reader retriesForEver = (dataSource, work) -> {
            while (true) {
                try (Connection connection = dataSource.getConnection()) {
                    return work.run(connection);
                } catch (SQLException e) {
                    if (!"57P01".equals(e.getSQLState()) && !String.valueOf(e.getSQLState()).startsWith("08")) {
                        throw e;
                    }
                }
            }
        };
        assertThatThrownBy(() -> Checks.runsAtMostTwice(database, retriesForEver))
                .hasMessageStartingWith("[Exercise 3:").hasMessageContaining("it was run 3 time(s)");
    }
}
