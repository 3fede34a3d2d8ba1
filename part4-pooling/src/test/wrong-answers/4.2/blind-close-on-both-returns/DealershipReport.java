package dbworkbook.part4.exercises;

// BLIND: Adds the missing session.close() to the "No dealership" branch, so both normal paths return the connection (the leak the detector pointed at), but without try/finally a statement that fails in the middle still leaves the session open; a checker that only tries found/not-found ids accepts it.
// Expected failure: were still borrowed from the pool: a SqlSession was not closed

import dbworkbook.part4.CarMapper;
import dbworkbook.part4.DealershipDescriber;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

public final class DealershipReport implements DealershipDescriber {

    private final SqlSessionFactory factory;

    public DealershipReport(SqlSessionFactory factory) {
        this.factory = factory;
    }

    @Override
    public String describe(long dealershipId) {
        SqlSession session = factory.openSession();
        CarMapper mapper = session.getMapper(CarMapper.class);
        String name = mapper.findDealershipName(dealershipId);
        if (name == null) {
            session.close();
            return "No dealership " + dealershipId;
        }
        long cars = mapper.countCarsOfDealership(dealershipId);
        session.close();
        return name + ": " + cars + " cars";
    }
}
