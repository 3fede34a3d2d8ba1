package dbworkbook.part3;

import dbworkbook.common.WorkbookDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The server's own count of executed statements, from {@code pg_stat_statements}, for one workbook database only:
 * it counts what really ran on the server, whatever the driver did below JDBC (e.g. rewriting a batch).
 */
public final class ServerStatementStatistics {

    private static final String THIS_DATABASE = "(SELECT oid FROM pg_database WHERE datname = current_database())";

    private ServerStatementStatistics() {
    }

    /**
     * Creates the extension in {@code db} (the workbook's own database). Fails with the server's message where the
     * module is not preloaded ({@code shared_preload_libraries}) or the role may not create it.
     */
    public static void enable(WorkbookDatabase db) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statement.executeQuery("SELECT count(*) FROM pg_stat_statements").close();
        }
    }

    /** Forgets the statistics of {@code db}, and only of it: other databases on the server keep theirs. */
    public static void reset(WorkbookDatabase db) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT pg_stat_statements_reset(0, " + THIS_DATABASE + ", 0)").close();
        }
    }

    /** How many times statements of {@code db} whose text starts with {@code sqlStart} were executed. */
    public static long executionsOf(WorkbookDatabase db, String sqlStart) throws SQLException {
        try (Connection connection = db.connect();
             PreparedStatement statement = connection.prepareStatement("SELECT coalesce(sum(calls), 0) "
                     + "FROM pg_stat_statements WHERE dbid = " + THIS_DATABASE + " AND query LIKE ? || '%'")) {
            statement.setString(1, sqlStart);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
