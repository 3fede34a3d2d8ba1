package dbworkbook.part4;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Lesson 5's bad example, on purpose: it opens a {@link SqlSession} and never closes it. The count is right, the
 * method returns, and the connection the session borrowed stays borrowed: the pool has one connection fewer, for good.
 * Do this {@code maximumPoolSize} times and every later {@code getConnection()} times out (lesson 3).
 * {@link CarCounter} is the fix.
 */
public final class LeakingCarCounter {

    private final SqlSessionFactory factory;

    public LeakingCarCounter(SqlSessionFactory factory) {
        this.factory = factory;
    }

    public long countCars() {
        SqlSession session = factory.openSession(); // never closed: the leak
        return session.getMapper(CarMapper.class).countCars();
    }
}
