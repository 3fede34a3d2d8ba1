package dbworkbook.common;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

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
     * A HikariCP pool on this database, closed with it. Chapter 4 explains every setting; here only the size and
     * a name (it shows in HikariCP's log lines and metrics) are chosen.
     */
    public HikariDataSource pooledDataSource(String poolName, int maximumPoolSize) {
        return pooledDataSource(poolName, maximumPoolSize, jdbcUrl());
    }

    /** The same, connecting through {@code relay} (e.g. a {@code NetworkDelayProxy}) instead of directly. */
    public HikariDataSource pooledDataSourceThrough(InetSocketAddress relay, String poolName, int maximumPoolSize) {
        return pooledDataSource(poolName, maximumPoolSize, workbook.server().jdbcUrl(name, relay));
    }

    private synchronized HikariDataSource pooledDataSource(String poolName, int maximumPoolSize, String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(jdbcUrl);
        config.setDataSourceProperties(workbook.server().connectionProperties());
        config.setMaximumPoolSize(maximumPoolSize);
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
