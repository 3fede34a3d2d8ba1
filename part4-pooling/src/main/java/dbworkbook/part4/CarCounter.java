package dbworkbook.part4;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Counts cars the right way: the {@link SqlSession} is closed by try-with-resources, whatever happens inside, and
 * closing it returns its connection to the pool. (MyBatis borrows the connection at the first statement and holds it
 * until the session is closed.)
 */
public final class CarCounter {

    private final SqlSessionFactory factory;

    public CarCounter(SqlSessionFactory factory) {
        this.factory = factory;
    }

    public long countCars() {
        try (SqlSession session = factory.openSession()) {
            return session.getMapper(CarMapper.class).countCars();
        }
    }
}
