package dbworkbook.part1.demo;

import dbworkbook.common.domain.Dealership;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.part1.DealershipRepository;
import dbworkbook.part1.JsonAggregationDealershipRepository;
import dbworkbook.part1.LazyNestedSelectDealershipRepository;
import dbworkbook.part1.NestedResultMapDealershipRepository;
import dbworkbook.part1.NestedSelectDealershipRepository;
import dbworkbook.part1.PlainJdbcDealershipRepository;
import dbworkbook.part1.SelectInBatchDealershipRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSessionFactory;

/** The chapter's ways of loading every dealership with its cars, each built over one way into the database. */
enum Strategy {

    NESTED_SELECT(c -> new NestedSelectDealershipRepository(c.factory())),
    LAZY_NESTED_SELECT(c -> new LazyNestedSelectDealershipRepository(c.factory())),
    NESTED_RESULT_MAP(c -> new NestedResultMapDealershipRepository(c.factory())),
    SELECT_IN(c -> new SelectInBatchDealershipRepository(c.factory())),
    JSON_AGGREGATION(c -> new JsonAggregationDealershipRepository(c.factory())),
    PLAIN_JDBC(c -> new PlainJdbcDealershipRepository(c.dataSource()));

    /** The ones the sweeps follow: lazy loading only moves N+1's statements, it costs the same. */
    static final List<Strategy> SWEPT = List.of(NESTED_SELECT, NESTED_RESULT_MAP, SELECT_IN, JSON_AGGREGATION,
            PLAIN_JDBC);

    private final Function<Connections, DealershipRepository> repository;

    Strategy(Function<Connections, DealershipRepository> repository) {
        this.repository = repository;
    }

    /** The name the repository gives itself (it is built here only to be asked; it connects to nothing). */
    String label() {
        return repository.apply(new Connections(null, null)).strategy();
    }

    DealershipRepository over(Connections connections) {
        return repository.apply(connections);
    }

    /**
     * Each strategy's work over {@code connections}, for the timer: load everything and check it is all there, so
     * that a wrong result cannot pass as a fast one.
     */
    static Map<Strategy, Runnable> work(List<Strategy> strategies, Connections connections, Loaded expected) {
        Map<Strategy, Runnable> work = new LinkedHashMap<>();
        for (Strategy strategy : strategies) {
            DealershipRepository repository = strategy.over(connections);
            work.put(strategy, () -> expected.require(strategy.label(), repository.findAllWithCars()));
        }
        return work;
    }

    /** One way into the database: the data source itself (for plain JDBC), and MyBatis over it. */
    record Connections(DataSource dataSource, SqlSessionFactory factory) {

        static Connections over(DataSource dataSource) {
            return new Connections(dataSource,
                    MyBatisBootstrap.sqlSessionFactory(dataSource, "dbworkbook/part1/mybatis-config.xml"));
        }
    }

    /** What a strategy returned, counted. */
    record Loaded(long dealerships, long cars, long salespeople) {

        static Loaded of(List<Dealership> dealerships) {
            return new Loaded(dealerships.size(),
                    dealerships.stream().mapToLong(d -> d.getCars().size()).sum(),
                    dealerships.stream().mapToLong(d -> d.getSalespeople().size()).sum());
        }

        void require(String strategy, List<Dealership> returned) {
            Loaded actual = of(returned);
            if (!actual.equals(this)) {
                throw new IllegalStateException(strategy + " returned " + actual + ", expected " + this);
            }
        }
    }
}
