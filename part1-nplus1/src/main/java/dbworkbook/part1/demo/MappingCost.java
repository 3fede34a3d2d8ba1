package dbworkbook.part1.demo;

import static dbworkbook.common.demo.Figures.count;
import static dbworkbook.common.demo.Figures.decimals;
import static dbworkbook.common.demo.Figures.times;

import dbworkbook.common.demo.Chart;
import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.demo.Section;
import dbworkbook.common.demo.Table;
import dbworkbook.common.demo.ThreadAllocation;
import dbworkbook.common.demo.Timing;
import dbworkbook.common.domain.Dealership;
import dbworkbook.common.domain.Scale;
import dbworkbook.part1.DealershipRepository;
import dbworkbook.part1.MappingWay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Lesson 12: the chapter's JOIN turned into objects each way of {@link MappingWay}, timed interleaved (medians) with
 * the bytes the loading thread allocated, against plain JDBC. JMH measures the same with error bars
 * ({@code JoinMappingBenchmark}, in the report when a benchmark run has written its results).
 */
final class MappingCost implements Measurement<MappingCost.Result> {

    record Row(MappingWay way, String label, double medianMs, long allocatedBytes) {
    }

    record Result(Scale scale, List<Row> rows) {

        Row of(MappingWay way) {
            return rows.stream().filter(row -> row.way() == way).findFirst().orElseThrow();
        }

        /** The fastest way that is not plain JDBC: the question is how close MyBatis gets. */
        Row fastestMyBatis() {
            return rows.stream().filter(row -> row.way() != MappingWay.PLAIN_JDBC)
                    .min(Comparator.comparingDouble(Row::medianMs)).orElseThrow();
        }
    }

    @Override
    public String title() {
        return "What mapping the JOIN costs";
    }

    @Override
    public Result measure(DemoContext context) {
        Scale scale = Part1Demo.scale(context.options());
        DataSource pool = context.database().pooledDataSource("part1-mapping", 1);
        Map<MappingWay, Runnable> work = new LinkedHashMap<>();
        for (MappingWay way : MappingWay.values()) {
            DealershipRepository repository = way.over(pool);
            work.put(way, () -> {
                List<Dealership> loaded = repository.findAllWithCars();
                if (loaded.size() != scale.dealerships()) {
                    throw new IllegalStateException(way + " loaded " + loaded.size() + " dealerships");
                }
            });
        }
        Map<MappingWay, Timing.Sample> samples = context.timeInterleaved(work);
        List<Row> rows = new ArrayList<>();
        work.forEach((way, run) -> rows.add(new Row(way, way.label(), samples.get(way).medianMillis(),
                ThreadAllocation.of(run))));
        return new Result(scale, rows);
    }

    @Override
    public Section present(Result result, DemoContext context) {
        Row jdbc = result.of(MappingWay.PLAIN_JDBC);
        Row nested = result.of(MappingWay.NESTED_RESULT_MAP);
        Row fastest = result.fastestMyBatis();
        List<String> labels = result.rows().stream().map(Row::label).toList();
        List<Chart.Point> time = new ArrayList<>();
        List<Chart.Point> allocation = new ArrayList<>();
        for (int i = 0; i < result.rows().size(); i++) {
            Row row = result.rows().get(i);
            time.add(Chart.Point.of(i, row.medianMs() / jdbc.medianMs()));
            allocation.add(Chart.Point.of(i, (double) row.allocatedBytes() / jdbc.allocatedBytes()));
        }
        String reading = "The nested result map took " + times(nested.medianMs() / jdbc.medianMs(), 1) + " the time "
                + "of plain JDBC and allocated " + times((double) nested.allocatedBytes() / jdbc.allocatedBytes(), 1)
                + " its bytes. The fastest MyBatis way here, " + fastest.label() + ", took "
                + times(fastest.medianMs() / jdbc.medianMs(), 2) + " plain JDBC's time. The axis is logarithmic; 1x "
                + "is plain JDBC.";
        return Section.titled(title() + " (" + count(result.scale().dealerships()) + " dealerships x "
                        + count(result.scale().carsPerDealership()) + " cars, one statement each way; median ms)")
                .table(Table.of("", result.rows())
                        .column("way", Row::label)
                        .column("median ms", row -> decimals(row.medianMs(), 1))
                        .column("x JDBC", row -> times(row.medianMs() / jdbc.medianMs(), 2))
                        .column("MB allocated", row -> decimals(row.allocatedBytes() / 1e6, 1))
                        .column("x JDBC", row -> times((double) row.allocatedBytes() / jdbc.allocatedBytes(), 1))
                        .build())
                .chart(Chart.titled("Time and allocation against plain JDBC's").x("way", "", false)
                        .y("against plain JDBC", "x", true).categories(labels).bars()
                        .series("time", time).series("bytes allocated", allocation)
                        .reading(reading))
                .reading(reading)
                .reading("JMH's benchmark of the same (./mvnw -Pbenchmarks -pl part1-nplus1 -am package) adds error "
                        + "bars and the allocation per operation; its results appear in this chapter's report.")
                .build();
    }
}
