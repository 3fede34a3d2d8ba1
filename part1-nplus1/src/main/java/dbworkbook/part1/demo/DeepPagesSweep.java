package dbworkbook.part1.demo;

import static dbworkbook.common.demo.Figures.count;
import static dbworkbook.common.demo.Figures.decimals;
import static dbworkbook.common.demo.Figures.times;

import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.demo.Chart;
import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.demo.Section;
import dbworkbook.common.demo.Table;
import dbworkbook.common.demo.Timing;
import dbworkbook.common.domain.Car;
import dbworkbook.common.domain.DataGenerator;
import dbworkbook.common.domain.Scale;
import dbworkbook.part1.CarPageMapper;
import dbworkbook.part1.DeepPages;
import dbworkbook.part1.demo.Strategy.Connections;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;

/**
 * Lesson 11: the time of one page of 20 cars, cheapest first, from page 1 to the last (page 10,000 of 200,000 cars
 * at the default scale), by OFFSET and by keyset, with the rows the server read for it (its EXPLAIN ANALYZE).
 */
final class DeepPagesSweep implements Measurement<DeepPagesSweep.Result> {

    static final int PAGE_SIZE = 20;

    /** One page: its number, and for each way its median time and the rows read under the Limit. */
    record Point(long page, double offsetMs, long offsetRowsRead, double keysetMs, long keysetRowsRead) {
    }

    private enum Way { OFFSET, KEYSET }

    record Result(long cars, int pageSize, List<Point> points) {
    }

    @Override
    public String title() {
        return "Deep pages: OFFSET against keyset";
    }

    @Override
    public Result measure(DemoContext context) throws SQLException {
        Scale scale = Scale.of(context.options().scaled(10_000), 20, 0);
        List<Point> points = new ArrayList<>();
        try (WorkbookDatabase database = context.newDatabase("part1-deep-pages")) {
            context.progress("loading " + count(scale.cars()) + " cars, and the index on (price, id)");
            DataGenerator.populate(database.unpooledDataSource(), scale);
            DeepPages.createTheIndex(database.unpooledDataSource());
            Connections connections = Connections.over(database.pooledDataSource("part1-deep-pages", 1));
            long lastPage = scale.cars() / PAGE_SIZE;
            for (int page : Sweeps.oneThreeTen(1, (int) lastPage)) {
                context.progress("page " + count(page));
                points.add(point(context, connections, page));
            }
        }
        return new Result(scale.cars(), PAGE_SIZE, points);
    }

    private static Point point(DemoContext context, Connections connections, long page) throws SQLException {
        long offset = (page - 1) * PAGE_SIZE;
        try (SqlSession session = connections.factory().openSession()) {
            CarPageMapper pages = session.getMapper(CarPageMapper.class);
            // The keyset page needs the last car of the page before; the first page starts before the cheapest car.
            Car last = offset == 0 ? null : pages.findPageByOffset(offset - 1, 1).get(0);
            Map<String, Object> byOffset = Map.of("offset", offset, "limit", PAGE_SIZE);
            Map<String, Object> afterLast = last == null ? null
                    : Map.of("price", last.getPrice(), "id", last.getId(), "limit", PAGE_SIZE);
            Map<Way, Runnable> work = new LinkedHashMap<>();
            work.put(Way.OFFSET, () -> pages.findPageByOffset(offset, PAGE_SIZE));
            work.put(Way.KEYSET, () -> {
                if (last == null) {
                    pages.findPageByOffset(0, PAGE_SIZE);
                } else {
                    pages.findPageAfter(last.getPrice(), last.getId(), PAGE_SIZE);
                }
            });
            Map<Way, Timing.Sample> samples = context.timeInterleaved(clearingTheCache(session, work));
            long offsetRows = DeepPages.explain(session, "dbworkbook.part1.CarPageMapper.findPageByOffset", byOffset)
                    .underTheLimit().rows();
            long keysetRows = afterLast == null ? offsetRows : DeepPages.explain(session,
                    "dbworkbook.part1.CarPageMapper.findPageAfter", afterLast).underTheLimit().rows();
            return new Point(page, samples.get(Way.OFFSET).medianMillis(), offsetRows,
                    samples.get(Way.KEYSET).medianMillis(), keysetRows);
        }
    }

    /** Each run asks the server: MyBatis' local cache would otherwise answer a repeated page itself. */
    private static Map<Way, Runnable> clearingTheCache(SqlSession session, Map<Way, Runnable> work) {
        Map<Way, Runnable> cleared = new LinkedHashMap<>();
        work.forEach((way, run) -> cleared.put(way, () -> {
            session.clearCache();
            run.run();
        }));
        return cleared;
    }

    @Override
    public Section present(Result result, DemoContext context) {
        Point first = result.points().get(0);
        Point deepest = result.points().get(result.points().size() - 1);
        String reading = "Page " + count(deepest.page()) + " by OFFSET read " + count(deepest.offsetRowsRead())
                + " rows to return " + result.pageSize() + " and took " + decimals(deepest.offsetMs(), 2) + " ms, "
                + times(deepest.offsetMs() / first.offsetMs(), 0) + " page 1's time; by keyset it read "
                + count(deepest.keysetRowsRead()) + " rows and took " + decimals(deepest.keysetMs(), 2)
                + " ms. Both axes are logarithmic.";
        return Section.titled(title() + " (" + count(result.cars()) + " cars, " + result.pageSize() + " a page, "
                        + "cheapest first; median ms)")
                .table(Table.of("", result.points())
                        .column("page", p -> count(p.page()))
                        .column("OFFSET ms", p -> decimals(p.offsetMs(), 3))
                        .column("OFFSET rows read", p -> count(p.offsetRowsRead()))
                        .column("keyset ms", p -> decimals(p.keysetMs(), 3))
                        .column("keyset rows read", p -> count(p.keysetRowsRead()))
                        .build())
                .chart(Chart.titled("The time of one page against its depth").x("page", "", true)
                        .y("median time", "ms", true)
                        .series("OFFSET", result.points().stream().map(p -> Chart.Point.of(p.page(), p.offsetMs()))
                                .toList())
                        .series("keyset (seek)", result.points().stream()
                                .map(p -> Chart.Point.of(p.page(), p.keysetMs())).toList())
                        .reading(reading))
                .reading(reading)
                .reading("Rows read: what the node under the Limit handed up, in the server's EXPLAIN ANALYZE of "
                        + "that page.")
                .build();
    }
}
