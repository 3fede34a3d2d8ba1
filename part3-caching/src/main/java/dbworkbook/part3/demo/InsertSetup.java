package dbworkbook.part3.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.domain.Car;
import dbworkbook.part3.CarMapper;
import java.net.InetSocketAddress;
import java.util.List;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** The executor settings the chapter compares, each with the driver setting it needs. */
enum InsertSetup {

    SIMPLE("SIMPLE", ExecutorType.SIMPLE, false),
    REUSE("REUSE", ExecutorType.REUSE, false),
    BATCH("BATCH", ExecutorType.BATCH, false),
    BATCH_REWRITTEN("BATCH + reWriteBatchedInserts", ExecutorType.BATCH, true);

    private final String label;
    private final ExecutorType executorType;
    private final boolean reWriteBatchedInserts;

    InsertSetup(String label, ExecutorType executorType, boolean reWriteBatchedInserts) {
        this.label = label;
        this.executorType = executorType;
        this.reWriteBatchedInserts = reWriteBatchedInserts;
    }

    String label() {
        return label;
    }

    /** A pool of one connection with this setting's driver property; through {@code relay} if it is not null. */
    HikariDataSource pool(WorkbookDatabase database, InetSocketAddress relay, String purpose) {
        String name = "part3-" + purpose + "-" + name().toLowerCase();
        return relay == null
                ? database.pooledDataSource(name, this::configure)
                : database.pooledDataSourceThrough(relay, name, this::configure);
    }

    private void configure(HikariConfig config) {
        config.setMaximumPoolSize(1);
        config.addDataSourceProperty("reWriteBatchedInserts", String.valueOf(reWriteBatchedInserts));
    }

    /** Inserts without reading the ids back (the driver rewrites only such inserts, see BatchRewriteTest). */
    void insertAndRollBack(SqlSessionFactory factory, List<Car> cars) {
        try (SqlSession session = factory.openSession(executorType)) {
            CarMapper mapper = session.getMapper(CarMapper.class);
            for (Car car : cars) {
                mapper.insertWithoutId(car);
            }
            session.flushStatements();
            session.rollback(true);
        }
    }
}
