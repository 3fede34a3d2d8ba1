package dbworkbook.part4;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's side of a pool: its backends (one server process per connection) as {@code pg_stat_activity} lists
 * them. A pool is picked out by the {@code ApplicationName} its connections carry
 * ({@code config.addDataSourceProperty("ApplicationName", ...)}) and by the database, so that nothing else on a shared
 * server is ever counted, let alone terminated.
 */
public final class PoolBackends {

    private static final String OTHERS_OF_THIS_APPLICATION = """
            FROM pg_stat_activity
            WHERE application_name = ? AND datname = current_database() AND pid <> pg_backend_pid()
            """;

    private PoolBackends() {
    }

    /** The process ids of the backends of {@code applicationName} in the observer's database, the observer excluded. */
    public static List<Integer> pids(Connection observer, String applicationName) throws SQLException {
        return integers(observer, "SELECT pid " + OTHERS_OF_THIS_APPLICATION + "ORDER BY pid", applicationName);
    }

    /**
     * Ends the backends of {@code applicationName} in the admin connection's database, as an operator (or a failover)
     * would: {@code pg_terminate_backend}. A role may end the backends of its own role without being superuser.
     * Returns how many were ended.
     */
    public static int terminate(Connection admin, String applicationName) throws SQLException {
        return integers(admin, "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) "
                + OTHERS_OF_THIS_APPLICATION, applicationName).get(0);
    }

    /**
     * The backends of {@code applicationName} whose statement is waiting for a lock another transaction holds
     * ({@code wait_event_type = 'Lock'}): stuck, each keeping its connection (lesson 8). Process ids, in order.
     */
    public static List<Integer> waitingForALock(Connection observer, String applicationName) throws SQLException {
        return integers(observer, "SELECT pid " + OTHERS_OF_THIS_APPLICATION
                + "AND wait_event_type = 'Lock' ORDER BY pid", applicationName);
    }

    /** The process id of the server process behind {@code connection}. */
    public static int pidOf(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_backend_pid()");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static List<Integer> integers(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                List<Integer> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getInt(1));
                }
                return values;
            }
        }
    }
}
