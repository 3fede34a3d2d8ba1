package dbworkbook.part2.demo;

import static dbworkbook.common.demo.Figures.count;
import static dbworkbook.common.demo.Figures.decimals;

import dbworkbook.common.demo.Chart;
import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.demo.Section;
import dbworkbook.common.demo.Table;
import dbworkbook.common.logging.LogCapture;
import dbworkbook.part2.DatabaseSpans;
import dbworkbook.part2.NPlusOneDetector;
import dbworkbook.part2.OtlpJson;
import dbworkbook.part2.StatementTimingInterceptor;
import dbworkbook.part2.StatementTracing;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.logging.log4j.Level;

/**
 * Lesson 8: the three loads traced with OpenTelemetry. Each is a unit of work's span with a span per statement and
 * per borrowed connection under it, shown as a compact trace tree; the N+1 detector reads them; and every span goes
 * to an OTLP JSON file that a tracing tool can load.
 */
final class StatementSpans implements Measurement<StatementSpans.Result> {

    /** How many spans of a run of the same statement the tree shows before "… n more like this". */
    private static final int SHOWN_OF_A_RUN = 2;
    static final String OTLP_FILE = "part2-logging-traces.otlp.json";

    /**
     * One load's trace.
     *
     * @param longestRun the most spans of one statement one after another under the unit of work
     * @param tree       the compact trace tree, a line per row
     */
    record Load(DealershipLoads strategy, String label, int statementSpans, int connectionSpans, int distinctStatements,
                int longestRun, boolean flagged, double unitOfWorkMs, List<String> tree) {
    }

    /**
     * @param statementTextAttribute where this version of the instrumentation put the SQL
     * @param otlpFile the file every span was written to, and how many
     */
    record Result(int dealerships, int detectorThreshold, String statementTextAttribute, String otlpFile,
                  int spansWritten, List<Load> loads) {

        Load of(DealershipLoads strategy) {
            return loads.stream().filter(load -> load.strategy() == strategy).findFirst().orElseThrow();
        }
    }

    @Override
    public String title() {
        return "Every statement a span (OpenTelemetry)";
    }

    @Override
    public Result measure(DemoContext context) throws IOException {
        CollectedSpans collected = new CollectedSpans();
        NPlusOneDetector detector = NPlusOneDetector.withDefaultThreshold();
        List<SpanData> all = new ArrayList<>();
        List<Load> loads = new ArrayList<>();
        int dealerships = 0;
        // The plugin's slow-statement warnings are lesson 3's: not again here.
        try (StatementTracing tracing = StatementTracing.exportingTo(collected);
             LogCapture quiet = LogCapture.of(Level.WARN, StatementTimingInterceptor.class.getName())) {
            SqlSessionFactory factory = Part2Demo.mybatis(
                    tracing.traced(context.database().pooledDataSource("part2-traces", 1)));
            for (DealershipLoads strategy : DealershipLoads.values()) {
                context.progress(strategy.label());
                collected.clear();
                String name = "every dealership with its cars: " + strategy.label();
                dealerships = tracing.unitOfWork(name, () -> strategy.load(factory)).size();
                List<SpanData> spans = collected.spans();
                all.addAll(spans);
                loads.add(load(strategy, spans, detector));
            }
        }
        String attribute = all.stream().map(DatabaseSpans::statementTextAttribute).flatMap(Optional::stream)
                .findFirst().orElse("none");
        Path file = OtlpJson.write(all, context.outputFile(OTLP_FILE));
        return new Result(dealerships, detector.threshold(), attribute, file.toAbsolutePath().normalize().toString(),
                all.size(), loads);
    }

    private static Load load(DealershipLoads strategy, List<SpanData> spans, NPlusOneDetector detector) {
        SpanData root = spans.stream().filter(span -> !span.getParentSpanContext().isValid()).findFirst()
                .orElseThrow(() -> new IllegalStateException("No unit-of-work span among " + spans.size()));
        List<SpanData> children = spans.stream().filter(span -> span.getParentSpanId().equals(root.getSpanId()))
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
        List<SpanData> statements = children.stream().filter(DatabaseSpans::isStatement).toList();
        int longestRun = 0;
        int run = 0;
        for (int i = 0; i < statements.size(); i++) {
            run = i > 0 && text(statements.get(i)).equals(text(statements.get(i - 1))) ? run + 1 : 1;
            longestRun = Math.max(longestRun, run);
        }
        return new Load(strategy, strategy.label(), statements.size(),
                (int) children.stream().filter(DatabaseSpans::isConnection).count(),
                (int) statements.stream().map(StatementSpans::text).distinct().count(), longestRun,
                !detector.findings(spans).isEmpty(), millis(root), tree(root, children));
    }

    /** The unit of work, then its children in order, a run of one statement cut to its first spans. */
    private static List<String> tree(SpanData root, List<SpanData> children) {
        List<String> lines = new ArrayList<>();
        lines.add(root.getName() + "  " + decimals(millis(root), 1) + " ms");
        List<String> rows = new ArrayList<>();
        int i = 0;
        while (i < children.size()) {
            int end = i;
            while (end + 1 < children.size() && sameRow(children.get(end + 1), children.get(i))) {
                end++;
            }
            for (int shown = i; shown <= Math.min(end, i + SHOWN_OF_A_RUN - 1); shown++) {
                rows.add(row(children.get(shown)));
            }
            int more = end - i + 1 - SHOWN_OF_A_RUN;
            if (more > 0) {
                rows.add("… " + count(more) + " more like this");
            }
            i = end + 1;
        }
        for (int r = 0; r < rows.size(); r++) {
            lines.add((r == rows.size() - 1 ? "└─ " : "├─ ") + rows.get(r));
        }
        return lines;
    }

    private static String row(SpanData span) {
        String row = span.getName() + "  " + decimals(millis(span), 2) + " ms";
        return DatabaseSpans.isStatement(span) ? row + "  " + abbreviated(text(span))
                : DatabaseSpans.isConnection(span) ? row + "  (borrowing a connection: not a statement)" : row;
    }

    private static boolean sameRow(SpanData a, SpanData b) {
        return a.getName().equals(b.getName()) && Objects.equals(DatabaseSpans.statementText(a),
                DatabaseSpans.statementText(b));
    }

    private static String text(SpanData span) {
        return DatabaseSpans.statementText(span).orElse("");
    }

    private static String abbreviated(String sql) {
        return sql.length() <= 72 ? sql : sql.substring(0, 30) + " … " + sql.substring(sql.length() - 40);
    }

    private static double millis(SpanData span) {
        return (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e6;
    }

    @Override
    public Section present(Result result, DemoContext context) {
        Load nPlusOne = result.of(DealershipLoads.NESTED_SELECT);
        Load join = result.of(DealershipLoads.JOIN);
        Load batches = result.of(DealershipLoads.BATCHES);
        List<Chart.Point> spans = new ArrayList<>();
        for (int i = 0; i < result.loads().size(); i++) {
            spans.add(Chart.Point.of(i, result.loads().get(i).statementSpans()));
        }
        String counts = "The N+1 is " + count(nPlusOne.statementSpans()) + " statement spans under its unit of work "
                + "(1 + " + count(result.dealerships()) + " dealerships), the JOIN " + count(join.statementSpans())
                + ", the batches " + count(batches.statementSpans()) + ".";
        Section.Builder section = Section.titled(title() + ": every dealership with its cars, three ways, "
                        + count(result.dealerships()) + " dealerships")
                .table(Table.of("", result.loads())
                        .column("strategy", Load::label)
                        .column("statement spans", load -> count(load.statementSpans()))
                        .column("connection spans", load -> count(load.connectionSpans()))
                        .column("distinct statements", load -> count(load.distinctStatements()))
                        .column("longest run", load -> count(load.longestRun()))
                        .column("N+1 detector", load -> load.flagged() ? "flagged" : "-")
                        .column("unit of work ms", load -> decimals(load.unitOfWorkMs(), 1))
                        .build())
                .chart(Chart.titled("Statement spans in one unit of work")
                        .x("strategy", "", false).y("statement spans", "", true)
                        .categories(result.loads().stream().map(Load::label).toList()).bars()
                        .series("statement spans", spans)
                        .reading(counts));
        result.loads().forEach(load -> {
            load.tree().forEach(section::line);
            section.line("");
        });
        return section
                .reading(counts + " Each also borrowed one connection, whose span is counted apart: it is not a "
                        + "statement.")
                .reading("The detector (more than " + result.detectorThreshold() + " spans of the same statement one "
                        + "after another under one parent) flags " + flagged(result) + ". The N+1 repeats its nested "
                        + "select " + times(nPlusOne.longestRun()) + " in a row, the batches theirs "
                        + times(batches.longestRun()) + ".")
                .reading("The SQL is in the attribute " + result.statementTextAttribute()
                        + (result.statementTextAttribute().equals(DatabaseSpans.STATEMENT.getKey())
                                ? " (the conventions before 1.26, this instrumentation's default; "
                                        + DatabaseSpans.QUERY_TEXT.getKey() + " with "
                                        + "-Dotel.semconv-stability.opt-in=database)"
                                : " (the stable conventions)")
                        + ". No span holds a bound value.")
                .reading("All " + count(result.spansWritten()) + " spans are written as OTLP JSON to "
                        + result.otlpFile() + ". Load them into your tracing tool through its OTLP endpoint: curl -H "
                        + "'Content-Type: application/json' --data-binary @" + OTLP_FILE
                        + " http://localhost:4318/v1/traces (Jaeger, Grafana Tempo, an OpenTelemetry Collector).")
                .build();
    }

    private static String times(int n) {
        return n == 1 ? "once" : count(n) + " times";
    }

    private static String flagged(Result result) {
        List<String> flagged = result.loads().stream().filter(Load::flagged).map(Load::label).toList();
        return flagged.isEmpty() ? "none of them" : String.join(" and ", flagged) + " only";
    }
}
