package dbworkbook.common.recorder;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on recorded statements that read like the lesson:
 * <pre>{@code
 * assertThatStatements(recorder).hasCount(1);
 * assertThatStatements(recorder).hasAtMost(2).hasNoNPlusOne();
 * }</pre>
 * A failure lists the statements that ran, so the reader sees what happened, not only how many.
 */
public final class StatementsAssert extends AbstractAssert<StatementsAssert, List<RecordedStatement>> {

    /** How many differently-parametrised runs of one SQL text {@link #hasNoNPlusOne()} lets pass. */
    public static final int DEFAULT_MAX_REPEATS = 3;

    private static final int LISTED = 8;

    private StatementsAssert(List<RecordedStatement> actual) {
        super(actual, StatementsAssert.class);
    }

    /** Every statement the recorder saw, from all threads. */
    public static StatementsAssert assertThatStatements(StatementRecorder recorder) {
        return new StatementsAssert(recorder.statements());
    }

    public static StatementsAssert assertThatStatements(List<RecordedStatement> statements) {
        return new StatementsAssert(statements);
    }

    public StatementsAssert hasCount(int expected) {
        isNotNull();
        if (actual.size() != expected) {
            failWithMessage("Expected exactly %d statement%s, but %d ran:%n%s", expected, expected == 1 ? "" : "s",
                    actual.size(), listing());
        }
        return this;
    }

    public StatementsAssert hasAtMost(int max) {
        isNotNull();
        if (actual.size() > max) {
            failWithMessage("Expected at most %d statement%s, but %d ran:%n%s", max, max == 1 ? "" : "s",
                    actual.size(), listing());
        }
        return this;
    }

    public StatementsAssert hasRowsRead(long expected) {
        isNotNull();
        long rows = actual.stream().mapToLong(RecordedStatement::rowsRead).sum();
        if (rows != expected) {
            failWithMessage("Expected %d rows read in all, but %d were read:%n%s", expected, rows, listing());
        }
        return this;
    }

    /** Fails on the N+1 shape: one SQL text run more than {@value #DEFAULT_MAX_REPEATS} times with other parameters. */
    public StatementsAssert hasNoNPlusOne() {
        return hasNoNPlusOne(DEFAULT_MAX_REPEATS);
    }

    /**
     * Fails when one SQL text ran with more than {@code maxRepeats} different parameter lists: the shape of N+1,
     * where a statement is repeated once per parent row. (Running the same statement with the same parameters
     * again is a different smell, and not this one.)
     */
    public StatementsAssert hasNoNPlusOne(int maxRepeats) {
        isNotNull();
        Map<String, Set<List<List<Object>>>> parametersBySql = new LinkedHashMap<>();
        for (RecordedStatement statement : actual) {
            parametersBySql.computeIfAbsent(statement.normalizedSql(), sql -> new LinkedHashSet<>())
                    .add(statement.batchParameters());
        }
        parametersBySql.forEach((sql, parameterLists) -> {
            if (parameterLists.size() > maxRepeats) {
                String examples = parameterLists.stream().limit(3).map(StatementsAssert::shortForm)
                        .collect(Collectors.joining(", "));
                failWithMessage("N+1: this statement ran %d times, each time with other parameters (%s, ...):%n"
                                + "    %s%n"
                                + "One statement per parent row is the N+1 problem. Load the children of all parents at "
                                + "once: in the parents' own query (a JOIN with a nested result map) or in one batch "
                                + "query (WHERE parent_id = ANY(?)). At most %d run(s) of one statement are allowed here.",
                        parameterLists.size(), examples, sql, maxRepeats);
            }
        });
        return this;
    }

    /** [[1]] (one execution, one parameter) reads better as 1. */
    private static String shortForm(List<List<Object>> batchParameters) {
        Object single = batchParameters.size() == 1 ? batchParameters.get(0) : batchParameters;
        if (single instanceof List<?> list && list.size() == 1) {
            single = list.get(0);
        }
        return String.valueOf(single);
    }

    private String listing() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(LISTED, actual.size()); i++) {
            out.append(String.format("  %d. %s%n", i + 1, actual.get(i)));
        }
        if (actual.size() > LISTED) {
            out.append(String.format("  ... and %d more%n", actual.size() - LISTED));
        }
        return out.toString();
    }
}
