package dbworkbook.part2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Lesson 5: the server's own view of the statements, from the {@code pg_stat_statements} extension. PostgreSQL
 * counts every statement it runs, per normalized text: the constants of a statement replaced by {@code $1, $2, ...}
 * (and the placeholders a driver sends are {@code $n} already), so {@code WHERE id = 7} and {@code WHERE id = 8} are
 * one entry with two calls.
 *
 * <p>Needs the library preloaded ({@code shared_preload_libraries = 'pg_stat_statements'}, a server restart) and the
 * extension created in the database ({@code CREATE EXTENSION pg_stat_statements}, which needs a superuser). The
 * embedded server of the workbook has both; on your own server {@link #availability} says what is missing.
 *
 * <p>The view shows the statements of every database on the server. Everything here reads and resets only the
 * entries of the current database ({@code dbid}): never other people's statistics.
 */
public final class ServerStatementStatistics {

    private ServerStatementStatistics() {
    }

    /** One normalized statement as the server counted it. */
    public record ServerStatement(String query, long calls, double totalMillis, double meanMillis, long rows) {
    }

    /**
     * Creates the extension in the current database if this server and role allow it. Returns null when it is ready,
     * or the reason it is not (say it, then skip the lesson).
     */
    public static String availability(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return "the role " + connection.getMetaData().getUserName() + " is not a superuser: creating the "
                            + "pg_stat_statements extension and resetting its statistics need one";
                }
            }
            // Only a superuser (or a member of pg_read_all_settings) may read this setting: hence checked second.
            try (ResultSet rs = statement.executeQuery("SHOW shared_preload_libraries")) {
                rs.next();
                if (!rs.getString(1).contains("pg_stat_statements")) {
                    return "pg_stat_statements is not preloaded on this server: add it to shared_preload_libraries "
                            + "in postgresql.conf and restart the server";
                }
            }
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
        return null;
    }

    /**
     * Forgets the statistics of the current database only. {@code pg_stat_statements_reset(userid, dbid, queryid)}:
     * 0 means "any", so (0, this database, 0) resets exactly this database's entries. (PostgreSQL 17 added a fourth
     * argument, {@code minmax_only}, with a default: the same call works on 13 to 18.)
     */
    public static void resetCurrentDatabase(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database "
                    + "WHERE datname = current_database()), 0)");
        }
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
