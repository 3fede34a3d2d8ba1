package dbworkbook.part2;

import dbworkbook.common.PgStatStatements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lesson 5: the server's own view of the statements, from the {@code pg_stat_statements} extension. PostgreSQL
 * counts every statement it runs, per normalized text: the constants of a statement replaced by {@code $1, $2, ...}
 * (and the placeholders a driver sends are {@code $n} already), so {@code WHERE id = 7} and {@code WHERE id = 8} are
 * one entry with two calls.
 *
 * <p>Needs the library preloaded and the extension in the database: {@link PgStatStatements#availability} says what
 * is missing, if anything (the embedded server has it all), and {@link PgStatStatements#resetCurrentDatabase} resets
 * the current database's entries.
 *
 * <p>The view shows the statements of every database on the server. Everything here reads only the entries of the
 * current database ({@code dbid}): never other people's statistics.
 */
public final class ServerStatementStatistics {

    private ServerStatementStatistics() {
    }

    /** One normalized statement as the server counted it. */
    public record ServerStatement(String query, long calls, double totalMillis, double meanMillis, long rows) {
    }

    /** The current database's statements, the largest total time first. */
    public static List<ServerStatement> currentDatabase(Connection connection) throws SQLException {
        String sql = """
                SELECT query, calls, total_exec_time, mean_exec_time, rows
                FROM pg_stat_statements
                WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                ORDER BY total_exec_time DESC
                """;
        List<ServerStatement> statements = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                statements.add(new ServerStatement(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4),
                        rs.getLong(5)));
            }
        }
        return statements;
    }

    /**
     * The text the server shows for a statement MyBatis sent: the driver turned each {@code ?} into {@code $1},
     * {@code $2}, ... before sending it. (Good enough for the workbook's SQL, which has no {@code ?} inside quotes.)
     */
    public static String asServerText(String mybatisSql) {
        StringBuilder text = new StringBuilder();
        int n = 0;
        for (char c : mybatisSql.toCharArray()) {
            if (c == '?') {
                text.append('$').append(++n);
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
