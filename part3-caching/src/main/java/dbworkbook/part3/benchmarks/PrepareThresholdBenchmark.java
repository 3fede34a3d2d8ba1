package dbworkbook.part3.benchmarks;

import dbworkbook.common.BenchmarkDatabase;
import dbworkbook.common.domain.Scale;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lesson 3: a primary-key lookup with PgJDBC's {@code prepareThreshold} 0 (never a named server statement),
 * 5 (the default: from the fifth run of the SQL text on a connection) and -1 (from the first). Plain JDBC, the way
 * MyBatis' SIMPLE executor uses it (prepare, execute, close per call), so that only the driver's choice differs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
public class PrepareThresholdBenchmark {

    private static final int CARS = 1_000;
    private static final String FIND_CAR =
            "SELECT id, dealership_id, make, model, year, price, is_sold FROM car WHERE id = ?";

    @Param({"0", "5", "-1"})
    public String prepareThreshold;

    private BenchmarkDatabase database;
    private DataSource pool;
    private long nextId;

    @Setup(Level.Trial)
    public void startDatabase() {
        database = BenchmarkDatabase.start("prepare-threshold-benchmark", Scale.of(10, CARS / 10, 0));
        pool = database.pool("prepare-threshold-" + prepareThreshold,
                config -> config.addDataSourceProperty("prepareThreshold", prepareThreshold));
    }

    @TearDown(Level.Trial)
    public void closeDatabase() {
        database.close();
    }

    @Benchmark
    public long lookUpCarById() throws SQLException {
        nextId = nextId % CARS + 1;
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(FIND_CAR)) {
            statement.setLong(1, nextId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1) + rs.getString(3).length() + rs.getBigDecimal(6).intValue();
            }
        }
    }
}
