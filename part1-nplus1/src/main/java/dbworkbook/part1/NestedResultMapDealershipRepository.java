package dbworkbook.part1;

import dbworkbook.common.domain.Dealership;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** Lesson 3: the fix in one statement, a LEFT JOIN folded by a nested result map (SQLAlchemy's joinedload). */
public record NestedResultMapDealershipRepository(SqlSessionFactory sqlSessionFactory) implements DealershipRepository {

    @Override
    public String strategy() {
        return "nested result map (JOIN)";
    }

    @Override
    public List<Dealership> findAllWithCars() {
        try (SqlSession session = sqlSessionFactory.openSession()) {
            return session.getMapper(NestedResultMapMapper.class).findAllWithCars();
        }
    }
}
