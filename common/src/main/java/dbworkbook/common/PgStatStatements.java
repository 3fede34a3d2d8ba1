package dbworkbook.common;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The server's own statement statistics ({@code pg_stat_statements}) in a workbook database: whether they can be
 * used there, and a reset that touches that database's entries only.
 *
 * <p>Three things are needed, and each one missing is said in words: the library preloaded on the server
 * ({@code shared_preload_libraries}, a restart); the extension in the database (created here if the role may: a
 * superuser may, and a teacher can put it into {@code template1} once for every database made later); and the right
 * to reset (a superuser's, or granted: see TEACHING.md). The embedded server has all three.
 */
public final class PgStatStatements {

    private PgStatStatements() {
    }

    /** Null when the statistics can be read and reset in the connection's database; otherwise why not. */
    public static String availability(Connection connection) throws SQLException {
        String role = connection.getMetaData().getUserName();
        try (Statement statement = connection.createStatement()) {
            if (!exists(statement, "SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'")) {
                try {
                    statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                } catch (SQLException e) {
                    return "the extension pg_stat_statements is not in this database and the role " + role
                            + " may not create it (a superuser may; or put it into template1 once, see TEACHING.md)";
                }
            }
            try {
                statement.executeQuery("SELECT count(*) FROM pg_stat_statements").close();
            } catch (SQLException e) {
                return "pg_stat_statements is not preloaded on this server: add it to shared_preload_libraries in "
                        + "postgresql.conf and restart the server";
            }
            if (!exists(statement, "SELECT 1 FROM pg_proc WHERE proname = 'pg_stat_statements_reset' "
                    + "AND has_function_privilege(oid, 'EXECUTE')")) {
                return "the role " + role + " may not reset the statistics (pg_stat_statements_reset): a superuser "
                        + "may, or it can be granted, see TEACHING.md";
            }
        }
        return null;
    }

    /**
     * Forgets the statistics of the connection's database only. {@code pg_stat_statements_reset(userid, dbid,
     * queryid)}: 0 means "any", so (0, this database, 0) resets exactly this database's entries. (PostgreSQL 17 added
     * a fourth argument, {@code minmax_only}, with a default: the same call works on 13 to 18.)
     */
    public static void resetCurrentDatabase(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database "
                    + "WHERE datname = current_database()), 0)").close();
        }
    }

    private static boolean exists(Statement statement, String query) throws SQLException {
        try (ResultSet rs = statement.executeQuery(query)) {
            return rs.next();
        }
    }
}
