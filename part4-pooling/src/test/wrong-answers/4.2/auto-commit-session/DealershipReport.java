package dbworkbook.part4.exercises;

import dbworkbook.part4.CarMapper;
import dbworkbook.part4.DealershipDescriber;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** Wrong: an auto-commit session is still a session, and still has to be closed. Expected failure: a SqlSession was not closed */
public final class DealershipReport implements DealershipDescriber {

    private final SqlSessionFactory factory;

    public DealershipReport(SqlSessionFactory factory) {
        this.factory = factory;
    }

    @Override
    public String describe(long dealershipId) {
        SqlSession session = factory.openSession(true);
        CarMapper mapper = session.getMapper(CarMapper.class);
        String name = mapper.findDealershipName(dealershipId);
        return name == null ? "No dealership " + dealershipId
                : name + ": " + mapper.countCarsOfDealership(dealershipId) + " cars";
    }
}
