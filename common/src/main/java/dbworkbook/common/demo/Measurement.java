package dbworkbook.common.demo;

/**
 * One lesson's measurement in a chapter's demo: it measures, and returns what it found as a record ({@code R}); then
 * it says how to show that: tables, charts and the sentences that read them ({@link Section}). The kit does the
 * rest: the progress lines, printing, the JSON, the report.
 *
 * @param <R> what was measured: a record, whose fields name every figure (the JSON is written from it)
 */
public interface Measurement<R> {

    /** A few words for the progress line and the section's heading, e.g. {@code "latency sweep"}. */
    String title();

    R measure(DemoContext context) throws Exception;

    /** The tables, charts and readings of {@code result}, every figure in them taken from it. */
    Section present(R result, DemoContext context);
}
