package dbworkbook.part3.benchmarks;

import dbworkbook.common.BenchmarkDatabase;
import dbworkbook.common.domain.Car;
import dbworkbook.common.domain.Scale;
import dbworkbook.part3.CarMapper;
import dbworkbook.part3.NewCars;
import dbworkbook.part3.Part3;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
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
 * Lesson 2: 100 inserts with each executor type, and with BATCH plus the driver's {@code reWriteBatchedInserts}.
 * Every operation rolls back, so the table does not grow between operations. The insert does not read back the
 * generated id (the driver would not rewrite it otherwise, see {@code BatchRewriteTest}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
public class ExecutorTypeBenchmark {

    private static final int ROWS = 100;

    @Param({"SIMPLE", "REUSE", "BATCH", "BATCH_REWRITTEN"})
    public String executor;

    private BenchmarkDatabase database;
    private SqlSessionFactory factory;
    private ExecutorType executorType;
    private final List<Car> cars = NewCars.of(ROWS, 1, "benchmark");

    @Setup(Level.Trial)
    public void startDatabase() {
        database = BenchmarkDatabase.start("executor-benchmark", Scale.of(1, 0, 0));
        boolean rewrite = executor.equals("BATCH_REWRITTEN");
        factory = database.sqlSessionFactory("executor-" + executor,
                config -> config.addDataSourceProperty("reWriteBatchedInserts", String.valueOf(rewrite)), Part3.MYBATIS_CONFIG);
        executorType = rewrite ? ExecutorType.BATCH : ExecutorType.valueOf(executor);
    }

    @TearDown(Level.Trial)
    public void closeDatabase() {
        database.close();
    }

    @Benchmark
    public void insertHundredCars() {
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
