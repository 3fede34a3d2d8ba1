package dbworkbook.common;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * One database of the workbook's own: the migrated schema, whatever data a test or demo puts in, dropped on close.
 */
public final class WorkbookDatabase implements AutoCloseable {

    private final Workbook workbook;
    private final String name;
    private final List<HikariDataSource> pools = new ArrayList<>();

    WorkbookDatabase(Workbook workbook, String name) {
        this.workbook = workbook;
        this.name = name;
    }

    /** The run this database belongs to: it can make more databases like this one. */
    public Workbook workbook() {
        return workbook;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return workbook.server().jdbcUrl(name);
    }

    /** A new, unpooled connection: for set-up work such as loading data. */
    public Connection connect() throws SQLException {
        return workbook.server().connect(name);
    }

    /**
     * A {@link DataSource} without a pool: every {@code getConnection()} opens a new connection to the server (a new
     * server process, a new authentication) and {@code close()} really closes it. Chapter 4 measures what that costs.
     */
    public DataSource unpooledDataSource() {
        return new UnpooledDataSource(this);
    }

    /**
     * A HikariCP pool on this database, closed with it. Chapter 4 explains every setting; here only the size and
     * a name (it shows in HikariCP's log lines and metrics) are chosen.
     */
    public HikariDataSource pooledDataSource(String poolName, int maximumPoolSize) {
        return pooledDataSource(poolName, maximumPoolSize, jdbcUrl());
    }

    /**
     * A HikariCP pool on this database with settings of your own: {@code settings} receives a configuration that
     * already has the URL, the credentials and the workbook's connection properties (add driver properties with
     * {@code addDataSourceProperty}), and may change anything else. Closed with the database.
     */
    public HikariDataSource pooledDataSource(String poolName, Consumer<HikariConfig> settings) {
        return pooledDataSource(poolName, 10, jdbcUrl(), settings);
    }

    /** The same, connecting through {@code relay} (e.g. a {@code NetworkDelayProxy}) instead of directly. */
    public HikariDataSource pooledDataSourceThrough(InetSocketAddress relay, String poolName, int maximumPoolSize) {
        return pooledDataSource(poolName, maximumPoolSize, workbook.server().jdbcUrl(name, relay));
    }

    /** A pool with settings of your own (see {@link #pooledDataSource(String, Consumer)}), through {@code relay}. */
    public HikariDataSource pooledDataSourceThrough(InetSocketAddress relay, String poolName,
            Consumer<HikariConfig> settings) {
        return pooledDataSource(poolName, 10, workbook.server().jdbcUrl(name, relay), settings);
    }

    private HikariDataSource pooledDataSource(String poolName, int maximumPoolSize, String jdbcUrl) {
        return pooledDataSource(poolName, maximumPoolSize, jdbcUrl, config -> { });
    }

    private synchronized HikariDataSource pooledDataSource(String poolName, int maximumPoolSize, String jdbcUrl,
            Consumer<HikariConfig> settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(jdbcUrl);
        config.setDataSourceProperties(workbook.server().connectionProperties());
        config.setMaximumPoolSize(maximumPoolSize);
        settings.accept(config);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    @Override
    public synchronized void close() {
        pools.forEach(HikariDataSource::close);
        pools.clear();
        workbook.drop(name);
    }

    @Override
    public String toString() {
        return name + " on " + workbook.server().description();
    }
}
