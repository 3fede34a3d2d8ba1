package dbworkbook.part4.exercises;

import dbworkbook.part4.CarMapper;
import dbworkbook.part4.DealershipDescriber;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** Wrong: the early return fixed, and an exception still leaves the session open. Expected failure: whose car count failed */
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
