package dbworkbook.part4.exercises;

import dbworkbook.part4.CarMapper;
import dbworkbook.part4.DealershipDescriber;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Exercise 4.2, the reference solution. The early return for an unknown dealership left the session open. With
 * try-with-resources the session is closed on every way out of the block: the normal return, the early one, and an
 * exception.
 */
public final class DealershipReport implements DealershipDescriber {

    private final SqlSessionFactory factory;

    public DealershipReport(SqlSessionFactory factory) {
        this.factory = factory;
    }

    @Override
    public String describe(long dealershipId) {
        try (SqlSession session = factory.openSession()) {
            CarMapper mapper = session.getMapper(CarMapper.class);
            String name = mapper.findDealershipName(dealershipId);
            if (name == null) {
                return "No dealership " + dealershipId;
            }
            return name + ": " + mapper.countCarsOfDealership(dealershipId) + " cars";
        }
    }
}
