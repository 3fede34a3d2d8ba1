package dbworkbook.part4.exercises;

// BLIND: Pre-Java-7 style: the session variable starts null, is opened inside try, and a finally closes it if it was opened, so every return and every exception (which propagates unchanged) gives the connection back.

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
        SqlSession session = null;
        try {
            session = factory.openSession();
            CarMapper mapper = session.getMapper(CarMapper.class);
            String name = mapper.findDealershipName(dealershipId);
            if (name == null) {
                return "No dealership " + dealershipId;
            }
            long cars = mapper.countCarsOfDealership(dealershipId);
            return name + ": " + cars + " cars";
        } finally {
            if (session != null) {
                session.close();
            }
        }
    }
}
