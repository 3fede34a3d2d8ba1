package dbworkbook.part1;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * Lesson 8: reads a column that PostgreSQL built with {@code json_agg} (a JSON array of objects, one per child row)
 * into a list of {@code T}, with Jackson. The object's keys are the Java property names ({@code json_build_object}
 * in the mapper names them), so no mapping is configured here. Read-only: the workbook never writes a collection
 * as JSON.
 *
 * <p>Subclassed once per element type ({@link CarsJsonTypeHandler}), because MyBatis hands a type handler the
 * property's raw type ({@code List}), not its element type.
 */
public abstract class JsonCollectionTypeHandler<T> extends BaseTypeHandler<List<T>> {

    /** Unknown keys fail: a column renamed in the SQL must not leave a field silently empty. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final JavaType listType;

    protected JsonCollectionTypeHandler(Class<T> elementType) {
        this.listType = JSON.getTypeFactory().constructCollectionType(List.class, elementType);
    }

    @Override
    public List<T> getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return parse(rs.getString(columnName));
    }

    @Override
    public List<T> getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return parse(rs.getString(columnIndex));
    }

    @Override
    public List<T> getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return parse(cs.getString(columnIndex));
    }

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, List<T> parameter, JdbcType jdbcType) {
        throw new UnsupportedOperationException("A JSON collection is only read, never written, in this workbook");
    }

    private List<T> parse(String json) throws SQLException {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, listType);
        } catch (JsonProcessingException e) {
            throw new SQLException("The JSON collection could not be read: " + e.getOriginalMessage(), e);
        }
    }
}
