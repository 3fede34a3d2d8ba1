package dbworkbook.part3;

import static dbworkbook.common.recorder.StatementsAssert.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.domain.Car;
import dbworkbook.common.recorder.StatementRecorder;
import dbworkbook.common.junit.WorkbookTest;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.defaults.RawSqlSource;
import org.apache.ibatis.scripting.xmltags.DynamicSqlSource;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

/**
 * Lesson 1: MyBatis "bakes" mapped statements when it reads the mapper XML. A static statement's SQL text is final
 * from then on; a dynamic one is rebuilt from its {@code <if>}/{@code <where>}/{@code <foreach>} tree on every call.
 * (What that costs is measured by the benchmarks, not here.)
 */
@WorkbookTest(dealerships = 3, carsPerDealership = 4, mybatisConfig = Part3.MYBATIS_CONFIG)
class StaticAndDynamicSqlTest {

    private static final String COLUMNS = "SELECT id, dealership_id, make, model, year, price, is_sold FROM car";

    @Test
    void aStaticStatementIsBuiltOnceAtStartUp(SqlSessionFactory factory) {
        MappedStatement findById = factory.getConfiguration().getMappedStatement("dbworkbook.part3.CarMapper.findById");

        assertThat(findById.getSqlSource()).isInstanceOf(RawSqlSource.class);
        BoundSql first = findById.getBoundSql(1L);
        BoundSql second = findById.getBoundSql(2L);
        assertThat(singleLine(first.getSql())).isEqualTo(COLUMNS + " WHERE id = ?");
        // Not rebuilt per call: every call gets the very same String, made once when the XML was read.
        assertThat(second.getSql()).isSameAs(first.getSql());
    }

    @Test
    void aDynamicStatementIsRebuiltOnEveryCall(SqlSessionFactory factory) {
        MappedStatement search = factory.getConfiguration().getMappedStatement("dbworkbook.part3.CarMapper.search");

        assertThat(search.getSqlSource()).isInstanceOf(DynamicSqlSource.class);
        String byMake = search.getBoundSql(criteria("Ford", null, null)).getSql();
        String byAll = search.getBoundSql(criteria("Ford", new BigDecimal("20000"), List.of(1L, 2L))).getSql();
        String byMakeAgain = search.getBoundSql(criteria("Ford", null, null)).getSql();
        assertThat(singleLine(byMake)).isEqualTo(COLUMNS + " WHERE make = ? ORDER BY id");
        assertThat(singleLine(byAll))
                .isEqualTo(COLUMNS + " WHERE make = ? AND price <= ? AND dealership_id IN (?,?) ORDER BY id");
        // The same arguments, the same text, but built again: a new String each time.
        assertThat(byMakeAgain).isEqualTo(byMake).isNotSameAs(byMake);
    }

    @Test
    void theDynamicSearchRunsTheSqlItBuilt(SqlSessionFactory factory, StatementRecorder recorder) {
        List<Car> cars;
        try (SqlSession session = factory.openSession()) {
            cars = session.getMapper(CarMapper.class).search(null, null, List.of(2L, 3L));
        }

        assertThat(cars).hasSize(8).allSatisfy(car -> assertThat(car.getDealershipId()).isIn(2L, 3L));
        assertThat(singleLine(recorder.statements().get(0).sql()))
                .isEqualTo(COLUMNS + " WHERE dealership_id IN (?,?) ORDER BY id");
        assertThatStatements(recorder).hasCount(1);
    }

    private static Map<String, Object> criteria(String make, BigDecimal maxPrice, List<Long> dealershipIds) {
        Map<String, Object> criteria = new HashMap<>();
        criteria.put("make", make);
        criteria.put("maxPrice", maxPrice);
        criteria.put("dealershipIds", dealershipIds);
        return criteria;
    }

    private static String singleLine(String sql) {
        return sql.replaceAll("\\s+", " ").trim();
    }
}
