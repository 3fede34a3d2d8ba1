package dbworkbook.part4.exercises;

import dbworkbook.part4.CarMapper;
import dbworkbook.part4.DealershipDescriber;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** Wrong: closed on every path, and a failure answered as if the dealership did not exist. Expected failure: the error must reach the caller */
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
        } catch (RuntimeException e) {
            return "No dealership " + dealershipId;
        }
    }
}
