package dbworkbook.part4.exercises;

// BLIND: Opens the session with openSession(true), believing that in autocommit mode MyBatis hands the connection back after each statement, and keeps the original close on the happy path; the answers are right and the found path returns its connection, but the "No dealership" path and a failing statement still keep it.
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
        SqlSession session = factory.openSession(true); // autocommit: no transaction left holding the connection
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
