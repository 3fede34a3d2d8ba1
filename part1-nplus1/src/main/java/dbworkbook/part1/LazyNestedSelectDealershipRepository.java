package dbworkbook.part1;

import dbworkbook.common.domain.Dealership;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Lesson 2: the N+1 problem, lazily, as in the seed's loop: the dealerships are loaded, then each one's cars are
 * touched, each touch one more statement. Touching inside the session keeps it to the session's one connection.
 */
public record LazyNestedSelectDealershipRepository(SqlSessionFactory sqlSessionFactory) implements DealershipRepository {

    @Override
    public String strategy() {
        return "lazy nested select (N+1)";
    }

    @Override
    public List<Dealership> findAllWithCars() {
        try (SqlSession session = sqlSessionFactory.openSession()) {
            List<Dealership> dealerships = session.getMapper(LazyNestedSelectMapper.class).findAll();
            for (Dealership dealership : dealerships) {
                dealership.getCars().size(); // the seed's "for car in dealership.cars": a statement per dealership
            }
            return dealerships;
        }
    }
}
