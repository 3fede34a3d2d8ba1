package dbworkbook.part4.exercises;

import dbworkbook.part4.CarMapper;
import dbworkbook.part4.DealershipDescriber;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** Wrong: the session closed where something went wrong, and at the end, but not at the early return. Expected failure: an id no dealership has */
public final class DealershipReport implements DealershipDescriber {

    private final SqlSessionFactory factory;

    public DealershipReport(SqlSessionFactory factory) {
        this.factory = factory;
    }

    @Override
    public String describe(long dealershipId) {
        SqlSession session = factory.openSession();
        try {
            CarMapper mapper = session.getMapper(CarMapper.class);
            String name = mapper.findDealershipName(dealershipId);
            if (name == null) {
                return "No dealership " + dealershipId;
            }
            long cars = mapper.countCarsOfDealership(dealershipId);
            session.close();
            return name + ": " + cars + " cars";
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }
}
