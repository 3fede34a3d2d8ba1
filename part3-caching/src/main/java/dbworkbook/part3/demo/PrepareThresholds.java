package dbworkbook.part3.demo;

import static dbworkbook.common.demo.Figures.count;
import static dbworkbook.common.demo.Figures.decimals;
import static dbworkbook.common.demo.Figures.times;

import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.demo.Section;
import dbworkbook.common.demo.Table;
import dbworkbook.common.demo.Timing;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.part3.CarMapper;
import dbworkbook.part3.Part3;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Lesson 3: the driver's {@code prepareThreshold} 0 (never a server-side prepared statement), 5 (the default: from
 * the fifth execution on) and -1 (from the first, binary transfer): primary-key lookups, a new SIMPLE session each,
 * on a pool of one connection; the server-side prepared statements that connection then holds.
 */
final class PrepareThresholds implements Measurement<PrepareThresholds.Result> {

    private static final List<Integer> THRESHOLDS = List.of(0, 5, -1);

    record Row(int prepareThreshold, boolean isDefault, long lookupPreparedOnServer, double medianMs,
               double toThreshold0) {
    }

    record Result(int lookups, List<Row> rows) {
    }

    @Override
    public String title() {
        return "prepareThreshold";
    }

    @Override
    public Result measure(DemoContext context) {
        int lookups = context.options().scaled(context.options().get(Part3Demo.LOOKUPS));
        Map<Integer, Runnable> work = new LinkedHashMap<>();
        Map<Integer, DataSource> pools = new LinkedHashMap<>();
        for (int threshold : THRESHOLDS) {
            DataSource pool = context.database().pooledDataSource("part3-threshold" + threshold, config -> {
                config.setMaximumPoolSize(1);
                config.addDataSourceProperty("prepareThreshold", String.valueOf(threshold));
            });
            pools.put(threshold, pool);
            SqlSessionFactory factory = MyBatisBootstrap.sqlSessionFactory(pool, Part3.MYBATIS_CONFIG);
            work.put(threshold, () -> lookUpCars(factory, lookups));
        }
        Map<Integer, Timing.Sample> samples = context.timeInterleaved(work);
        double never = samples.get(0).medianMillis();
        List<Row> rows = new ArrayList<>();
        pools.forEach((threshold, pool) -> rows.add(new Row(threshold, threshold == 5,
                serverPreparedStatements(pool), samples.get(threshold).medianMillis(),
                samples.get(threshold).medianMillis() / never)));
        return new Result(lookups, rows);
    }

    private static void lookUpCars(SqlSessionFactory factory, int lookups) {
        int cars = Part3Demo.DEALERSHIPS * Part3Demo.CARS_PER_DEALERSHIP;
        for (int i = 0; i < lookups; i++) {
            try (SqlSession session = factory.openSession(ExecutorType.SIMPLE)) {
                session.getMapper(CarMapper.class).findById(1 + i % cars);
            }
        }
    }

    private static long serverPreparedStatements(DataSource pool) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_prepared_statements "
                     + "WHERE statement LIKE '%FROM car WHERE id = $1%' "
                     + "AND statement NOT LIKE '%pg_prepared_statements%'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read pg_prepared_statements: " + e.getMessage(), e);
        }
    }

    @Override
    public Section present(Result result, DemoContext context) {
        Row byDefault = result.rows().stream().filter(Row::isDefault).findFirst().orElseThrow();
        return Section.titled("prepareThreshold: " + count(result.lookups()) + " car lookups by id, a new SIMPLE "
                        + "session each, on a pool of one connection")
                .table(Table.of("", result.rows())
                        .column("prepareThreshold", row -> row.prepareThreshold() + (row.isDefault() ? " (default)" : ""))
                        .column("lookup prepared on server", row -> count(row.lookupPreparedOnServer()))
                        .column("median ms", row -> decimals(row.medianMs(), 1))
                        .column("x threshold 0", row -> times(row.toThreshold0(), 2))
                        .build())
                .reading("Lookup prepared on server: the car lookup's rows in pg_prepared_statements on the pool's "
                        + "one connection, after all runs. With the default the lookups took "
                        + times(byDefault.toThreshold0(), 2) + " the time of never preparing them on the server: the "
                        + "server parses and plans the statement once, not on every call.")
                .build();
    }
}
