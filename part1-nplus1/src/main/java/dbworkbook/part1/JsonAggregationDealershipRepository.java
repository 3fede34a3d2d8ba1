package dbworkbook.part1;

import dbworkbook.common.domain.Dealership;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Lesson 8: the collections built by PostgreSQL (the idea behind jOOQ's MULTISET). One statement, one row per
 * dealership: each collection is a correlated subquery that aggregates the children to a JSON array, which a type
 * handler turns into objects. No parent row is repeated, and two collections do not multiply each other.
 */
public record JsonAggregationDealershipRepository(SqlSessionFactory sqlSessionFactory) implements DealershipRepository {

    @Override
    public String strategy() {
        return "JSON built by the server";
    }

    @Override
    public List<Dealership> findAllWithCars() {
        try (SqlSession session = sqlSessionFactory.openSession()) {
            return session.getMapper(JsonAggregationMapper.class).findAllWithCars();
        }
    }

    /** Both collections, still one statement and one row per dealership. */
    public List<Dealership> findAllWithCarsAndSalespeople() {
        try (SqlSession session = sqlSessionFactory.openSession()) {
            return session.getMapper(JsonAggregationMapper.class).findAllWithCarsAndSalespeople();
        }
    }
}
