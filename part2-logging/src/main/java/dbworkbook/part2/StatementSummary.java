package dbworkbook.part2;

/**
 * What {@link StatementTimingInterceptor} measured for one mapped statement id, in milliseconds.
 *
 * @param sql the SQL MyBatis sent (the last one, if dynamic SQL made several)
 */
public record StatementSummary(String statementId, String sql, long count, double totalMillis, double meanMillis,
                               double maxMillis, double p95Millis) {

    static StatementSummary none(String statementId) {
        return new StatementSummary(statementId, null, 0, 0, 0, 0, 0);
    }

    /** The id without its namespace, e.g. {@code findById}: short enough for a table. */
    public String shortId() {
        String[] parts = statementId.split("\\.");
        return parts.length < 2 ? statementId : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }
}
