package dbworkbook.part3.demo;

import static dbworkbook.common.demo.Figures.count;
import static dbworkbook.common.demo.Figures.decimals;
import static dbworkbook.common.demo.Figures.times;

import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.demo.Section;
import dbworkbook.common.demo.Table;
import dbworkbook.common.demo.Timing;
import dbworkbook.common.logging.LogCapture;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.common.recorder.StatementRecorder;
import dbworkbook.part3.DealershipAdminMapper;
import dbworkbook.part3.DealershipLookupMapper;
import dbworkbook.part3.Part3;
import dbworkbook.part3.ReadOnlyCacheDealershipMapper;
import dbworkbook.part3.TinyCacheDealershipMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.logging.log4j.Level;

/**
 * Lessons 4 and 5: the same lookups of a few dealerships in many sessions, without the second-level cache, with it
 * (read/write and read-only), with one too small, and all in one session (the local cache only). Statements and
 * hit ratios from empty caches; times with the caches warm.
 */
final class Caches implements Measurement<Caches.Result> {

    private static final int DISTINCT_DEALERSHIPS = 10;

    enum Setting {
        NO_CACHE("no second-level cache", null, false,
                session -> id -> session.getMapper(DealershipAdminMapper.class).findById(id)),
        READ_WRITE("<cache/> read/write (copies)", "dbworkbook.part3.DealershipLookupMapper", false,
                session -> id -> session.getMapper(DealershipLookupMapper.class).findById(id)),
        READ_ONLY("<cache readOnly=\"true\"/>", "dbworkbook.part3.ReadOnlyCacheDealershipMapper", false,
                session -> id -> session.getMapper(ReadOnlyCacheDealershipMapper.class).findById(id)),
        TOO_SMALL("<cache size=\"2\"/> (LRU, too small)", "dbworkbook.part3.TinyCacheDealershipMapper", false,
                session -> id -> session.getMapper(TinyCacheDealershipMapper.class).findById(id)),
        ONE_SESSION("all in one session (local cache)", null, true,
                session -> id -> session.getMapper(DealershipAdminMapper.class).findById(id));

        private final String label;
        private final String namespace;
        private final boolean oneSession;
        private final Function<SqlSession, Function<Long, Object>> lookup;

        Setting(String label, String namespace, boolean oneSession,
                Function<SqlSession, Function<Long, Object>> lookup) {
            this.label = label;
            this.namespace = namespace;
            this.oneSession = oneSession;
            this.lookup = lookup;
        }

        void run(SqlSessionFactory factory, int sessions) {
            if (oneSession) {
                try (SqlSession session = factory.openSession()) {
                    Function<Long, Object> find = lookup.apply(session);
                    for (int i = 0; i < sessions; i++) {
                        lookUpDealerships(find);
                    }
                }
                return;
            }
            for (int i = 0; i < sessions; i++) {
                try (SqlSession session = factory.openSession()) {
                    lookUpDealerships(lookup.apply(session));
                }
            }
        }

        private static void lookUpDealerships(Function<Long, Object> find) {
            for (long id = 1; id <= DISTINCT_DEALERSHIPS; id++) {
                find.apply(id);
            }
        }
    }

    /** {@code hitRatio} is null where there is no second-level cache to ask. */
    record Row(Setting setting, String label, int statements, Double hitRatio, double medianMs, double toNoCache) {
    }

    record Result(int lookups, int sessions, int distinctDealerships, List<Row> rows) {

        Row of(Setting setting) {
            return rows.stream().filter(row -> row.setting() == setting).findFirst().orElseThrow();
        }
    }

    @Override
    public String title() {
        return "Caches";
    }

    @Override
    public Result measure(DemoContext context) {
        int lookups = Math.max(DISTINCT_DEALERSHIPS, context.options().scaled(context.options().get(Part3Demo.LOOKUPS)));
        int sessions = lookups / DISTINCT_DEALERSHIPS;
        DataSource pool = context.database().pooledDataSource("part3-caches", 1);
        Map<Setting, Runnable> work = new LinkedHashMap<>();
        Map<Setting, Integer> statements = new LinkedHashMap<>();
        Map<Setting, Double> hitRatios = new LinkedHashMap<>();
        for (Setting setting : Setting.values()) {
            // A new factory, so its caches start empty: the counts include filling them.
            StatementRecorder recorder = new StatementRecorder();
            SqlSessionFactory counted = MyBatisBootstrap.sqlSessionFactory(recorder.record(pool), Part3.MYBATIS_CONFIG);
            if (setting.namespace == null) {
                setting.run(counted, sessions);
            } else {
                try (LogCapture log = LogCapture.of(Level.DEBUG, setting.namespace)) {
                    setting.run(counted, sessions);
                    List<String> ratios = log.messages().stream().filter(line -> line.startsWith("Cache Hit Ratio"))
                            .toList();
                    if (!ratios.isEmpty()) {
                        hitRatios.put(setting, Double.parseDouble(ratios.get(ratios.size() - 1).replaceAll(".*: ", "")));
                    }
                }
            }
            statements.put(setting, recorder.count());
            // Timed on another factory, warmed up like a running application's.
            SqlSessionFactory timed = MyBatisBootstrap.sqlSessionFactory(pool, Part3.MYBATIS_CONFIG);
            work.put(setting, () -> setting.run(timed, sessions));
        }
        Map<Setting, Timing.Sample> samples = context.timeInterleaved(work);
        double noCache = samples.get(Setting.NO_CACHE).medianMillis();
        List<Row> rows = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            double median = samples.get(setting).medianMillis();
            rows.add(new Row(setting, setting.label, statements.get(setting), hitRatios.get(setting), median,
                    median / noCache));
        }
        return new Result(lookups, sessions, DISTINCT_DEALERSHIPS, rows);
    }

    @Override
    public Section present(Result result, DemoContext context) {
        Row readWrite = result.of(Setting.READ_WRITE);
        Row readOnly = result.of(Setting.READ_ONLY);
        Row tooSmall = result.of(Setting.TOO_SMALL);
        return Section.titled("Caches: " + count(result.lookups()) + " dealership lookups, " + count(result.sessions())
                        + " sessions x the same " + result.distinctDealerships() + " dealerships")
                .table(Table.of("", result.rows())
                        .column("setting", Row::label)
                        .column("statements", row -> count(row.statements()))
                        .column("cache hit ratio", row -> row.hitRatio() == null ? "-" : decimals(row.hitRatio(), 3))
                        .column("median ms", row -> decimals(row.medianMs(), 1))
                        .column("x no cache", row -> times(row.toNoCache(), 2))
                        .build())
                .reading("Statements and hit ratio from empty caches; times with the caches warm. The read/write "
                        + "cache ran " + count(readWrite.statements()) + " statements for " + count(result.lookups())
                        + " lookups, but copies every hit (it deserializes): " + times(readWrite.medianMs()
                        / readOnly.medianMs(), 0) + " the time of the read-only cache, which hands out the same "
                        + "objects. Too small a cache evicts what the next session needs: " + count(tooSmall.statements())
                        + " statements.")
                .build();
    }
}
