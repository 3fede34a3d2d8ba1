package dbworkbook.part1.benchmarks;

import dbworkbook.common.BenchmarkDatabase;
import dbworkbook.common.domain.Dealership;
import dbworkbook.common.domain.Scale;
import dbworkbook.part1.DealershipRepository;
import dbworkbook.part1.MappingWay;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Lesson 12: the chapter's JOIN, 1,000 dealerships x 20 cars, turned into objects each way of {@link MappingWay}.
 * One operation loads everything once. The benchmarks profile runs it with JMH's GC profiler, which adds the bytes
 * allocated per operation ({@code gc.alloc.rate.norm}) beside the time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class JoinMappingBenchmark {

    @Param({"PLAIN_JDBC", "NESTED_RESULT_MAP", "NO_AUTO_MAPPING", "CONSTRUCTOR", "RESULT_ORDERED", "FOLDED_ROWS",
            "JSON_BUILT_BY_THE_SERVER"})
    public String way;

    private BenchmarkDatabase database;
    private DealershipRepository repository;

    @Setup(Level.Trial)
    public void startDatabase() {
        database = BenchmarkDatabase.start("join-mapping-benchmark", Scale.of(1000, 20, 0));
        repository = MappingWay.valueOf(way).over(database.pool("join-mapping-" + way, config -> { }));
    }

    @TearDown(Level.Trial)
    public void closeDatabase() {
        database.close();
    }

    @Benchmark
    public List<Dealership> loadEveryDealershipWithItsCars() {
        return repository.findAllWithCars();
    }
}
