package dbworkbook.part1;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.SqlSession;

/**
 * Lesson 11: what a deep page costs, in the server's own words. {@link #explain} asks {@code EXPLAIN (ANALYZE)}, and
 * {@link Plan#underTheLimit} says how many rows the node under the {@code Limit} handed up: for
 * {@code OFFSET k LIMIT n}, k + n; for a keyset page, about n, whatever its depth.
 */
public final class DeepPages {

    /**
     * The index both kinds of page need: in the order of the pages, ending with the tie-breaker. Created in the
     * lesson's own database only: the workbook's schema leaves {@code price} unindexed on purpose (chapter 2's
     * EXPLAIN lesson and exercise start from a table without such an index).
     */
    public static final String KEYSET_INDEX = "CREATE INDEX IF NOT EXISTS car_price_id_idx ON car (price, id)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeepPages() {
    }

    public static void createTheIndex(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(KEYSET_INDEX);
            statement.execute("ANALYZE car");
        }
    }

    /** What EXPLAIN (ANALYZE, FORMAT JSON) said about one statement: its plan, as the server gave it. */
    public record Plan(JsonNode root) {

        /** The node under the plan's {@code Limit}: its type, its index (or ""), and the rows it handed up. */
        public UnderTheLimit underTheLimit() {
            JsonNode limit = find(root, "Limit");
            if (limit == null) {
                throw new IllegalStateException("The plan has no Limit: " + root);
            }
            JsonNode under = limit.path("Plans").path(0);
            return new UnderTheLimit(under.path("Node Type").asText(), under.path("Index Name").asText(""),
                    rows(under, "Actual Rows"));
        }

        /**
         * The rows every scan of the plan read from its table: those it handed up and those its filter removed. A
         * {@code Sort} under a {@code Limit} hands up only a page, but the scan under it read the whole table.
         */
        public long rowsReadByTheScans() {
            return scanned(root);
        }

        private static long scanned(JsonNode node) {
            long rows = node.path("Node Type").asText().endsWith("Scan") && node.has("Relation Name")
                    ? rows(node, "Actual Rows") + rows(node, "Rows Removed by Filter")
                            + rows(node, "Rows Removed by Index Recheck") : 0;
            for (JsonNode child : node.path("Plans")) {
                rows += scanned(child);
            }
            return rows;
        }

        private static long rows(JsonNode node, String field) {
            return Math.round(node.path(field).asDouble() * node.path("Actual Loops").asDouble(1));
        }
    }

    /** The node under the plan's {@code Limit}: its type, its index (or ""), and the rows it handed up. */
    public record UnderTheLimit(String nodeType, String indexName, long rows) {
    }

    /**
     * Runs mapped statement {@code statementId} with {@code parameter} under {@code EXPLAIN (ANALYZE, FORMAT JSON)},
     * with the SQL and bound values MyBatis would send, on the session's connection.
     */
    public static Plan explain(SqlSession session, String statementId, Object parameter) throws SQLException {
        MappedStatement statement = session.getConfiguration().getMappedStatement(statementId);
        BoundSql boundSql = statement.getBoundSql(parameter);
        try (PreparedStatement explain = session.getConnection().prepareStatement(
                "EXPLAIN (ANALYZE, FORMAT JSON) " + boundSql.getSql())) {
            new DefaultParameterHandler(statement, parameter, boundSql).setParameters(explain);
            try (ResultSet rs = explain.executeQuery()) {
                rs.next();
                return new Plan(JSON.readTree(rs.getString(1)).path(0).path("Plan"));
            } catch (JsonProcessingException e) {
                throw new SQLException("EXPLAIN's JSON could not be read: " + e.getOriginalMessage(), e);
            }
        }
    }

    private static JsonNode find(JsonNode node, String type) {
        if (type.equals(node.path("Node Type").asText())) {
            return node;
        }
        for (JsonNode child : node.path("Plans")) {
            JsonNode found = find(child, type);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
