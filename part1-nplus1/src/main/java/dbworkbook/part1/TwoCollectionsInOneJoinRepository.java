package dbworkbook.part1;

import dbworkbook.common.domain.Dealership;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Lesson 5, the trap: cars and salespeople in one JOIN. One statement, correct objects, and a result of
 * cars x salespeople rows per dealership (the cartesian product). Compare {@link OneQueryPerCollectionRepository}.
 */
public record TwoCollectionsInOneJoinRepository(SqlSessionFactory sqlSessionFactory) {

    public List<Dealership> findAllWithCarsAndSalespeople() {
        try (SqlSession session = sqlSessionFactory.openSession()) {
            return session.getMapper(TwoCollectionsMapper.class).findAllWithCarsAndSalespeopleInOneJoin();
        }
    }
}
