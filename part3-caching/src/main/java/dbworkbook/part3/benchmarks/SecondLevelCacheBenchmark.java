package dbworkbook.part3.benchmarks;

import dbworkbook.common.BenchmarkDatabase;
import dbworkbook.common.domain.Dealership;
import dbworkbook.common.domain.Scale;
import dbworkbook.part3.DealershipAdminMapper;
import dbworkbook.part3.DealershipLookupMapper;
import dbworkbook.part3.Part3;
import java.util.concurrent.TimeUnit;
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
 * Lesson 5: one dealership lookup in a new session (one request), with the namespace's second-level cache
 * ({@code DealershipLookupMapper}, read/write: every hit is a deserialized copy) and without
 * ({@code DealershipAdminMapper.findById}, the same SQL). 100 dealerships, looked up in turn: all cached after warm-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
public class SecondLevelCacheBenchmark {

    private static final int DEALERSHIPS = 100;

    @Param({"on", "off"})
    public String cache;

    private BenchmarkDatabase database;
    private SqlSessionFactory factory;
    private long nextId;

    @Setup(Level.Trial)
    public void startDatabase() {
        database = BenchmarkDatabase.start("cache-benchmark", Scale.of(DEALERSHIPS, 0, 0));
        factory = database.sqlSessionFactory("cache-" + cache, config -> { }, Part3.MYBATIS_CONFIG);
    }

    @TearDown(Level.Trial)
    public void closeDatabase() {
        database.close();
    }

    @Benchmark
    public Dealership lookUpDealershipInANewSession() {
        nextId = nextId % DEALERSHIPS + 1;
        try (SqlSession session = factory.openSession()) {
            return cache.equals("on")
                    ? session.getMapper(DealershipLookupMapper.class).findById(nextId)
                    : session.getMapper(DealershipAdminMapper.class).findById(nextId);
        }
    }
}
