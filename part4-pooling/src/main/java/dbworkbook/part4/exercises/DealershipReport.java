package dbworkbook.part4.exercises;

import dbworkbook.part4.CarMapper;
import dbworkbook.part4.DealershipDescriber;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * EXERCISE 4.2: find and fix the connection leak.
 *
 * <p>This report gives the right answers, and yet every so often it keeps a connection from the pool for good, until
 * the pool runs dry and every request times out (lesson 3). HikariCP's leak detector (lesson 5) points at the line
 * that borrowed the connection. Fix {@link #describe} so that every call returns its connection to the pool, whatever
 * path it takes.
 *
 * <p>What is checked, on data you cannot guess: the text for dealerships with cars, without cars, and for an id no
 * dealership has; and after every call, whatever its path, the pool has its connection back: also when a statement
 * fails in the middle of the report (the error must still reach the caller), and over many calls in a row on a small
 * pool.
 *
 * <p>Check: {@code ./mvnw -Pexercises -pl part4-pooling -am verify}. Start over: {@code ./mvnw -q -Preset -Dexercise=4.2}
 */
public final class DealershipReport implements DealershipDescriber {

    private final SqlSessionFactory factory;

    public DealershipReport(SqlSessionFactory factory) {
        this.factory = factory;
    }

    @Override
    public String describe(long dealershipId) {
        // TODO exercise 4.2: return the session's connection to the pool on every path.
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
