package dbworkbook.part2.demo;

import static dbworkbook.common.demo.Figures.count;
import static dbworkbook.common.demo.Figures.decimals;
import static dbworkbook.common.demo.Figures.times;

import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.demo.Section;
import dbworkbook.common.demo.Table;
import dbworkbook.common.demo.Timing;
import dbworkbook.part2.ExplainPlan;
import dbworkbook.part2.mapper.CarSearchMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Lesson 6: the plan of the search, and its time, without and with an index on (make, price). The index is dropped
 * again at the end, so the chapter's data is as it was.
 */
final class ExplainBeforeAndAfter implements Measurement<ExplainBeforeAndAfter.Result> {

    private static final String SEARCH = "dbworkbook.part2.mapper.CarSearchMapper.findByMakeAndPriceRange";
    /** Teslas priced 60,000 to 61,000: a fraction of a percent of the cars. */
    private static final Map<String, Object> PARAMETERS = Map.of(
            "make", "Tesla", "minPrice", new BigDecimal("60000"), "maxPrice", new BigDecimal("61000"));

    record Plan(String label, List<String> scanNodes, String buffers, double explainAnalyzeMs, double clientMedianMs,
                int runs, int cars, List<String> plan) {
    }

    record Result(Plan withoutIndex, Plan withIndex) {
    }

    @Override
    public String title() {
        return "EXPLAIN before and after an index";
    }

    @Override
    public Result measure(DemoContext context) throws SQLException {
        SqlSessionFactory factory = Part2Demo.mybatis(context.database().pooledDataSource("part2-explain", 1));
        Plan before = measure(context, factory, "no index");
        execute(context, "CREATE INDEX car_make_price_idx ON car (make, price)", "ANALYZE car");
        try {
            return new Result(before, measure(context, factory, "index on (make, price)"));
        } finally {
            execute(context, "DROP INDEX car_make_price_idx", "ANALYZE car");
        }
    }

    private static Plan measure(DemoContext context, SqlSessionFactory factory, String label) throws SQLException {
        ExplainPlan plan;
        try (SqlSession session = factory.openSession()) {
            plan = ExplainPlan.of(session, SEARCH, PARAMETERS);
        }
        int cars = search(factory).size();
        Timing.Sample sample = context.timeInterleaved(Map.of(label, () -> search(factory))).get(label);
        return new Plan(label, plan.scanNodes(), plan.buffers(), plan.executionMillis(), sample.medianMillis(),
                sample.runs(), cars, plan.lines());
    }

    private static List<?> search(SqlSessionFactory factory) {
        try (SqlSession session = factory.openSession()) {
            return session.getMapper(CarSearchMapper.class).findByMakeAndPriceRange((String) PARAMETERS.get("make"),
                    (BigDecimal) PARAMETERS.get("minPrice"), (BigDecimal) PARAMETERS.get("maxPrice"));
        }
    }

    private static void execute(DemoContext context, String... sql) throws SQLException {
        try (Connection connection = context.database().connect(); Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
    }

    @Override
    public Section present(Result result, DemoContext context) {
        Plan before = result.withoutIndex();
        Plan after = result.withIndex();
        return Section.titled("EXPLAIN (ANALYZE, BUFFERS) of CarSearchMapper.findByMakeAndPriceRange(Tesla, 60000, "
                        + "61000), the SQL and parameters from MyBatis' BoundSql")
                .table(Table.of("", List.of(before, after))
                        .column("", Plan::label)
                        .column("plan (scan nodes)", plan -> String.join(" + ", plan.scanNodes()))
                        .column("buffers", Plan::buffers)
                        .column("EXPLAIN ANALYZE ms", plan -> decimals(plan.explainAnalyzeMs(), 3))
                        .column("median ms (client)", plan -> decimals(plan.clientMedianMs(), 3))
                        .column("cars", plan -> count(plan.cars()))
                        .build())
                .reading("With the index the search took " + times(after.clientMedianMs() / before.clientMedianMs(), 2)
                        + " the time it took without (client median of " + after.runs() + " runs after warm-up; "
                        + "measured one after the other, not interleaved, since the index is either there or not). "
                        + "Same " + count(after.cars()) + " cars.")
                .build();
    }
}
