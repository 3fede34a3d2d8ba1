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
 * Lesson 11: what a deep page costs, in the server's own words. {@link #explainUnderTheLimit} asks
 * {@code EXPLAIN (ANALYZE)} how many rows the node under the {@code Limit} handed up: for {@code OFFSET k LIMIT n},
 * k + n; for a keyset page, about n, whatever its depth.
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

    /** The node under the plan's {@code Limit}: its type, its index (or ""), and the rows it handed up. */
    public record UnderTheLimit(String nodeType, String indexName, long rows) {
    }

    /**
     * Runs mapped statement {@code statementId} with {@code parameter} under {@code EXPLAIN (ANALYZE, FORMAT JSON)},
     * with the SQL and bound values MyBatis would send, and returns what the node under the plan's {@code Limit} did:
     * the rows it handed up are its "Actual Rows" times its loops.
     */
    public static UnderTheLimit explainUnderTheLimit(SqlSession session, String statementId, Object parameter)
            throws SQLException {
        MappedStatement statement = session.getConfiguration().getMappedStatement(statementId);
        BoundSql boundSql = statement.getBoundSql(parameter);
        try (PreparedStatement explain = session.getConnection().prepareStatement(
                "EXPLAIN (ANALYZE, FORMAT JSON) " + boundSql.getSql())) {
            new DefaultParameterHandler(statement, parameter, boundSql).setParameters(explain);
            try (ResultSet rs = explain.executeQuery()) {
                rs.next();
                JsonNode limit = find(JSON.readTree(rs.getString(1)).path(0).path("Plan"), "Limit");
                if (limit == null) {
                    throw new IllegalStateException(statementId + " has no Limit in its plan");
                }
                JsonNode under = limit.path("Plans").path(0);
                return new UnderTheLimit(under.path("Node Type").asText(), under.path("Index Name").asText(""),
                        Math.round(under.path("Actual Rows").asDouble() * under.path("Actual Loops").asDouble(1)));
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
