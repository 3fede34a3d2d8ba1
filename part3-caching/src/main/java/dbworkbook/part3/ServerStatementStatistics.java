package dbworkbook.part3;

import dbworkbook.common.PgStatStatements;
import dbworkbook.common.WorkbookDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The server's own count of executed statements, from {@code pg_stat_statements}, for one workbook database only:
 * it counts what really ran on the server, whatever the driver did below JDBC (e.g. rewriting a batch).
 */
public final class ServerStatementStatistics {

    private static final String THIS_DATABASE = "(SELECT oid FROM pg_database WHERE datname = current_database())";

    private ServerStatementStatistics() {
    }

    /** Null when {@code db} can count its statements on the server; otherwise why not (see {@link PgStatStatements}). */
    public static String availability(WorkbookDatabase db) throws SQLException {
        try (Connection connection = db.connect()) {
            return PgStatStatements.availability(connection);
        }
    }

    /** Forgets the statistics of {@code db}, and only of it: other databases on the server keep theirs. */
    public static void reset(WorkbookDatabase db) throws SQLException {
        try (Connection connection = db.connect()) {
            PgStatStatements.resetCurrentDatabase(connection);
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
