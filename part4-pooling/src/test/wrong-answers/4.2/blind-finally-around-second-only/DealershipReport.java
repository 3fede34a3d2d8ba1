package dbworkbook.part4.exercises;

// BLIND: Puts try/finally around the car count, the line the fix seemed to be about, but looks the name up and returns "No dealership" before the try; a dealership that exists (and a failing count) returns the connection, which a checker that uses only existing ids accepts, but an unknown id, or a failing name lookup, keeps it.
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
            return "No dealership " + dealershipId;
        }
        try {
            long cars = mapper.countCarsOfDealership(dealershipId);
            return name + ": " + cars + " cars";
        } finally {
            session.close();
        }
    }
}
