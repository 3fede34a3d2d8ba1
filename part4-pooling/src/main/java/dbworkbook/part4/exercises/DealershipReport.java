package dbworkbook.part4.exercises;

import dbworkbook.part4.CarMapper;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * EXERCISE 2: find and fix the connection leak.
 *
 * <p>This report gives the right answers, and yet every so often it keeps a connection from the pool for good, until
 * the pool runs dry and every request times out (lesson 3). HikariCP's leak detector (lesson 5) points at the line
 * that borrowed the connection. Fix {@link #describe} so that every call returns its connection to the pool, whatever
 * path it takes.
 *
 * <p>Hint: lesson 5 ({@code CarCounter}). Which path through this method never reaches {@code session.close()}? One
 * Java statement closes a session on every path, the early return and an exception included.
 *
 * <p>Check: {@code ./mvnw -Pexercises -pl part4-pooling -am verify}
 */
public final class DealershipReport implements DealershipDescriber {

    private final SqlSessionFactory factory;

    public DealershipReport(SqlSessionFactory factory) {
        this.factory = factory;
    }

    @Override
    public String describe(long dealershipId) {
        // TODO exercise 2: return the session's connection to the pool on every path.
        SqlSession session = factory.openSession();
        CarMapper mapper = session.getMapper(CarMapper.class);
        String name = mapper.findDealershipName(dealershipId);
        if (name == null) {
            return "No dealership " + dealershipId;
        }
        long cars = mapper.countCarsOfDealership(dealershipId);
        session.close();
        return name + ": " + cars + " cars";
    }
}
