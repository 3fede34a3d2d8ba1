package dbworkbook.part4.exercises;

import dbworkbook.part4.CarMapper;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** Another correct answer to exercise 2: the pre-Java-7 way, try/finally. Longer, and just as leak-free. */
class DealershipReportTryFinallySolutionTest extends DealershipReportContract {

    @Override
    DealershipDescriber report(SqlSessionFactory factory) {
        return dealershipId -> {
            SqlSession session = factory.openSession();
            try {
                CarMapper mapper = session.getMapper(CarMapper.class);
                String name = mapper.findDealershipName(dealershipId);
                return name == null ? "No dealership " + dealershipId
                        : name + ": " + mapper.countCarsOfDealership(dealershipId) + " cars";
            } finally {
                session.close();
            }
        };
    }
}
