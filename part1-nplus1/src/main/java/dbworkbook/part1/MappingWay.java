package dbworkbook.part1;

import dbworkbook.common.domain.Dealership;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.ibatis.session.AutoMappingBehavior;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Lesson 12: the ways of turning the chapter's JOIN (every dealership with its cars) into objects, from plain JDBC
 * to the server's JSON, each built over one data source. The demo times them side by side; the JMH benchmark
 * ({@code JoinMappingBenchmark}) measures them with error bars and allocation.
 */
public enum MappingWay {

    PLAIN_JDBC("plain JDBC", dataSource -> new PlainJdbcDealershipRepository(dataSource)),
    NESTED_RESULT_MAP("nested result map (lesson 3)",
            dataSource -> new NestedResultMapDealershipRepository(mybatis(dataSource))),
    NO_AUTO_MAPPING("... with autoMappingBehavior NONE", dataSource -> {
        SqlSessionFactory factory = mybatis(dataSource);
        // Auto-mapping (PARTIAL by default) looks for columns no <result> names, in every result map without
        // nested mappings, here the car's. The chapter's maps name every column, so NONE loses nothing.
        factory.getConfiguration().setAutoMappingBehavior(AutoMappingBehavior.NONE);
        return new NestedResultMapDealershipRepository(factory);
    }),
    CONSTRUCTOR("... with constructor mapping", dataSource -> statement(mybatis(dataSource),
            "constructor mapping", "dbworkbook.part1.MappingCostMapper.findAllWithCarsByConstructor")),
    RESULT_ORDERED("... with resultOrdered=\"true\"", dataSource -> statement(mybatis(dataSource),
            "resultOrdered", "dbworkbook.part1.MappingCostMapper.findAllWithCarsResultOrdered")),
    FOLDED_ROWS("flat rows folded by a ResultHandler", dataSource -> new FoldedRowsDealershipRepository(
            mybatis(dataSource))),
    JSON_BUILT_BY_THE_SERVER("JSON built by the server (lesson 8)",
            dataSource -> new JsonAggregationDealershipRepository(mybatis(dataSource)));

    private final String label;
    private final Function<DataSource, DealershipRepository> repository;

    MappingWay(String label, Function<DataSource, DealershipRepository> repository) {
        this.label = label;
        this.repository = repository;
    }

    public String label() {
        return label;
    }

    /** A repository of this way over {@code dataSource} (each with a MyBatis of its own, where it needs one). */
    public DealershipRepository over(DataSource dataSource) {
        return repository.apply(dataSource);
    }

    private static SqlSessionFactory mybatis(DataSource dataSource) {
        return MyBatisBootstrap.sqlSessionFactory(dataSource, "dbworkbook/part1/mybatis-config.xml");
    }

    private static DealershipRepository statement(SqlSessionFactory factory, String name, String statementId) {
        return new DealershipRepository() {
            @Override
            public String strategy() {
                return name;
            }

            @Override
            public List<Dealership> findAllWithCars() {
                try (SqlSession session = factory.openSession()) {
                    return session.selectList(statementId);
                }
            }
        };
    }
}
