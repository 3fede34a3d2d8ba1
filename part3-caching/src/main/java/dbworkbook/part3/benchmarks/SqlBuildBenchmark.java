package dbworkbook.part3.benchmarks;

import dbworkbook.common.BenchmarkDatabase;
import dbworkbook.common.domain.Scale;
import dbworkbook.part3.Part3;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.Configuration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lesson 1: what it costs to get the SQL text of a call, without running it. A static statement hands out the text
 * it made at start-up; a dynamic one evaluates its {@code <where>/<if>/<foreach>} tree (OGNL expressions included);
 * a hand-written {@code StringBuilder} is the floor. The database is started like in the other benchmarks, although
 * building SQL never touches it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
public class SqlBuildBenchmark {

    private static final String COLUMNS = "SELECT id, dealership_id, make, model, year, price, is_sold FROM car";

    private BenchmarkDatabase database;
    private MappedStatement findById;
    private MappedStatement search;
    private final Map<String, Object> criteria = new HashMap<>();

    @Setup(Level.Trial)
    public void startDatabase() {
        database = BenchmarkDatabase.start("sql-build-benchmark", Scale.of(1, 0, 0));
        Configuration configuration = database.sqlSessionFactory("sql-build", config -> { }, Part3.MYBATIS_CONFIG)
                .getConfiguration();
        findById = configuration.getMappedStatement("dbworkbook.part3.CarMapper.findById");
        search = configuration.getMappedStatement("dbworkbook.part3.CarMapper.search");
        criteria.put("make", "Ford");
        criteria.put("maxPrice", new BigDecimal("20000"));
        criteria.put("dealershipIds", List.of(1L, 2L, 3L));
    }

    @TearDown(Level.Trial)
    public void closeDatabase() {
        database.close();
    }

    @Benchmark
    public String staticSql() {
        return findById.getBoundSql(42L).getSql();
    }

    @Benchmark
    public String dynamicSql() {
        return search.getBoundSql(criteria).getSql();
    }

    /** The same text as {@link #dynamicSql()}, built by hand (parameters would be bound separately, as there). */
    @Benchmark
    public String handBuiltSql() {
        StringBuilder sql = new StringBuilder(COLUMNS);
        String joiner = " WHERE ";
        if (criteria.get("make") != null) {
            sql.append(joiner).append("make = ?");
            joiner = " AND ";
        }
        if (criteria.get("maxPrice") != null) {
            sql.append(joiner).append("price <= ?");
            joiner = " AND ";
        }
        List<?> ids = (List<?>) criteria.get("dealershipIds");
        if (ids != null && !ids.isEmpty()) {
            sql.append(joiner).append("dealership_id IN (");
            for (int i = 0; i < ids.size(); i++) {
                sql.append(i == 0 ? "?" : ",?");
            }
            sql.append(')');
        }
        return sql.append(" ORDER BY id").toString();
    }
}
