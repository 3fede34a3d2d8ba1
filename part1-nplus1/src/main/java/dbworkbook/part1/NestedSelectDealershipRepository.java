package dbworkbook.part1;

import dbworkbook.common.domain.Dealership;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** Lesson 1: the N+1 problem, eagerly. 1 statement for the dealerships + 1 per dealership for its cars. */
public record NestedSelectDealershipRepository(SqlSessionFactory sqlSessionFactory) implements DealershipRepository {

    @Override
    public String strategy() {
        return "nested select (N+1)";
    }

    @Override
    public List<Dealership> findAllWithCars() {
        try (SqlSession session = sqlSessionFactory.openSession()) {
            return session.getMapper(NestedSelectMapper.class).findAll();
        }
    }
}
