package dbworkbook.common;

import com.zaxxer.hikari.HikariConfig;
import dbworkbook.common.domain.DataGenerator;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * The workbook database of one benchmark trial: the server (embedded, or yours), a database of its own filled with
 * {@code scale}, dropped at the end. Every benchmark state opens one in {@code @Setup(Level.Trial)} and closes it in
 * {@code @TearDown(Level.Trial)}, so each fork measures against a fresh database. (It knows nothing of JMH: the
 * chapters' benchmarks use it.)
 */
public final class BenchmarkDatabase implements AutoCloseable {

    private final Workbook workbook;
    private final WorkbookDatabase database;

    private BenchmarkDatabase(Workbook workbook, WorkbookDatabase database) {
        this.workbook = workbook;
        this.database = database;
    }

    public static BenchmarkDatabase start(String purpose, Scale scale) {
        Workbook workbook = Workbook.start();
        try {
            WorkbookDatabase database = workbook.createDatabase(purpose);
            DataGenerator.populate(database.pooledDataSource(purpose + "-loader", 1), scale);
            return new BenchmarkDatabase(workbook, database);
        } catch (RuntimeException e) {
            workbook.close();
            throw e;
        }
    }

    /** A pool of one connection (one benchmark thread) with the given settings. */
    public DataSource pool(String name, Consumer<HikariConfig> settings) {
        return database.pooledDataSource(name, config -> {
            config.setMaximumPoolSize(1);
            settings.accept(config);
        });
    }

    /** MyBatis with the chapter's configuration ({@code configResource}) over such a pool. */
    public SqlSessionFactory sqlSessionFactory(String name, Consumer<HikariConfig> settings, String configResource) {
        return MyBatisBootstrap.sqlSessionFactory(pool(name, settings), configResource);
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            workbook.close();
        }
    }
}
