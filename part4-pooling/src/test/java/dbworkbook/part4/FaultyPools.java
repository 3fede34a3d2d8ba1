package dbworkbook.part4;

import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.demo.NetworkDelayProxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Pools whose connections the server can be made to end, for lesson 7 and exercise 3. Each one carries its own
 * {@code ApplicationName}, so that {@link PoolBackends#terminate} ends its backends and nothing else.
 */
public final class FaultyPools {

    /**
     * HikariCP checks that an idle connection is alive before it hands it out ({@code Connection.isValid()}), but not
     * if the connection was last used within this window: 500 ms by default, read from this system property when a
     * pool is created.
     */
    public static final String ALIVE_BYPASS_WINDOW = "com.zaxxer.hikari.aliveBypassWindowMs";

    private FaultyPools() {
    }

    /** A fixed pool with HikariCP's defaults. */
    public static HikariDataSource pool(WorkbookDatabase database, String applicationName, int size) {
        return database.pooledDataSource(applicationName, config -> {
            config.setMaximumPoolSize(size);
            config.addDataSourceProperty("ApplicationName", applicationName);
        });
    }

    /**
     * A fixed pool that trusts every connection used within the last minute, so that a connection whose server process
     * was ended is handed out as it is: what a busy pool does after a failover, every one of its connections having
     * been used within the last 500 ms. A test gets that situation every time, whatever the speed of the machine.
     */
    public static HikariDataSource poolThatTrustsRecentlyUsedConnections(WorkbookDatabase database,
                                                                         String applicationName, int size) {
        return trustingRecentlyUsedConnections(() -> pool(database, applicationName, size));
    }

    /** The same, with one connection, connecting through {@code relay} (whose connections a test can break). */
    public static HikariDataSource poolThatTrustsRecentlyUsedConnectionsThrough(NetworkDelayProxy relay,
            WorkbookDatabase database, String applicationName) {
        return trustingRecentlyUsedConnections(() -> database.pooledDataSourceThrough(relay.address(), applicationName,
                config -> {
                    config.setMaximumPoolSize(1);
                    config.addDataSourceProperty("ApplicationName", applicationName);
                }));
    }

    private static HikariDataSource trustingRecentlyUsedConnections(Supplier<HikariDataSource> creation) {
        String before = System.getProperty(ALIVE_BYPASS_WINDOW);
        System.setProperty(ALIVE_BYPASS_WINDOW, "60000");
        try {
            return creation.get();
        } finally {
            if (before == null) {
                System.clearProperty(ALIVE_BYPASS_WINDOW);
            } else {
                System.setProperty(ALIVE_BYPASS_WINDOW, before);
            }
        }
    }

    /** Ends every backend of the pool named {@code applicationName}, from a connection of its own; returns how many. */
    public static int endItsBackends(WorkbookDatabase database, String applicationName) throws SQLException {
        try (Connection admin = database.connect()) {
            return PoolBackends.terminate(admin, applicationName);
        }
    }
}
