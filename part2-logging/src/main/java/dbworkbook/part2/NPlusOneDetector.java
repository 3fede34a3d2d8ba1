package dbworkbook.part2;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Lesson 8: the rule an application performance tool applies to a trace to find an N+1. Under one parent span, the
 * same statement text in more than {@code threshold} statement spans one after another is a finding: one statement
 * per row of an earlier result, the N of N+1.
 *
 * <p>Only statement spans count: a connection span between two statements (a session per lookup) does not break the
 * run, and neither does any other span. Bind parameters are never in the spans, and need not be: the text with its
 * {@code ?} is the same for every row, which is the point. What the rule cannot see: repetitions under different
 * parents (each lookup inside a span of its own), and an N+1 over two collections that alternates two statements.
 *
 * @param threshold how many repetitions in a row are still fine; more is a finding. See {@link #DEFAULT_THRESHOLD}.
 */
public record NPlusOneDetector(int threshold) {

    /**
     * Five, as Sentry's N+1 detector (its repeated spans must "exceed a threshold (usually five spans)"). A unit of
     * work that repeats a statement on purpose does it a few times: a load in batches (2,000 dealerships at 500 per
     * statement are 4), a page or two, a retry. An N+1 repeats once per parent row, so it grows with the data and
     * crosses five as soon as there are more than five parents. The rule counts, it does not time: Sentry also asks
     * for 50 ms in all, so that six repetitions of a microsecond are not reported; a workbook test cannot depend on
     * times.
     */
    public static final int DEFAULT_THRESHOLD = 5;

    public NPlusOneDetector {
        if (threshold < 1) {
            throw new IllegalArgumentException("A threshold of at least 1 repetition, not " + threshold);
        }
    }

    public static NPlusOneDetector withDefaultThreshold() {
        return new NPlusOneDetector(DEFAULT_THRESHOLD);
    }

    /**
     * One run of repetitions above the threshold.
     *
     * @param parentName the name of the parent span, or {@code "(not among the spans)"} if it was not given
     */
    public record Finding(String traceId, String parentSpanId, String parentName, String statement, int repetitions) {
    }

    /** Every run above the threshold among {@code spans} (of any traces), in the order of their parents' spans. */
    public List<Finding> findings(Collection<SpanData> spans) {
        Map<String, String> nameById = new LinkedHashMap<>();
        Map<List<String>, List<SpanData>> statementsByParent = new LinkedHashMap<>();
        for (SpanData span : spans) {
            nameById.put(span.getTraceId() + span.getSpanId(), span.getName());
            if (DatabaseSpans.isStatement(span)) {
                statementsByParent.computeIfAbsent(List.of(span.getTraceId(), span.getParentSpanId()),
                        parent -> new ArrayList<>()).add(span);
            }
        }
        List<Finding> findings = new ArrayList<>();
        statementsByParent.forEach((parent, statements) -> {
            statements.sort(Comparator.comparingLong(SpanData::getStartEpochNanos)
                    .thenComparingLong(SpanData::getEndEpochNanos));
            String parentName = nameById.getOrDefault(parent.get(0) + parent.get(1), "(not among the spans)");
            int runStart = 0;
            for (int i = 1; i <= statements.size(); i++) {
                if (i == statements.size() || !sameText(statements.get(i), statements.get(runStart))) {
                    int repetitions = i - runStart;
                    if (repetitions > threshold) {
                        findings.add(new Finding(parent.get(0), parent.get(1), parentName,
                                DatabaseSpans.statementText(statements.get(runStart)).orElseThrow(), repetitions));
                    }
                    runStart = i;
                }
            }
        });
        return findings;
    }

    private static boolean sameText(SpanData a, SpanData b) {
        return Objects.equals(DatabaseSpans.statementText(a), DatabaseSpans.statementText(b));
    }
}
