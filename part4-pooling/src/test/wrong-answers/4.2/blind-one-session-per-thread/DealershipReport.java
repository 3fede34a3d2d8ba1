package dbworkbook.part4.exercises;

// BLIND: "Fixes" the repeated open/close by keeping one SqlSession per thread in a ThreadLocal and never closing it, so the pool never fills up from one thread and the answers stay right, which a single-threaded checker on a big pool may accept, but each thread keeps a connection borrowed for good after its first call.
// Expected failure: were still borrowed from the pool: a SqlSession was not closed

import dbworkbook.part4.CarMapper;
import dbworkbook.part4.DealershipDescriber;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

public final class DealershipReport implements DealershipDescriber {

    private final SqlSessionFactory factory;
    private final ThreadLocal<SqlSession> sessions;

    public DealershipReport(SqlSessionFactory factory) {
        this.factory = factory;
        this.sessions = ThreadLocal.withInitial(() -> this.factory.openSession(true));
    }

    @Override
    public String describe(long dealershipId) {
        CarMapper mapper = sessions.get().getMapper(CarMapper.class);
        String name = mapper.findDealershipName(dealershipId);
        if (name == null) {
            return "No dealership " + dealershipId;
        }
        long cars = mapper.countCarsOfDealership(dealershipId);
        return name + ": " + cars + " cars";
    }
}
