package dbworkbook.part4.exercises;

import dbworkbook.part4.CarMapper;
import dbworkbook.part4.DealershipDescriber;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** Exercise 4.2, another correct answer: the session's life in one helper (execute around), the report's logic in
 * a function given to it. */
public final class DealershipReport implements DealershipDescriber {

    private final SqlSessionFactory factory;

    public DealershipReport(SqlSessionFactory factory) {
        this.factory = factory;
    }

    @Override
    public String describe(long dealershipId) {
        return withMapper(mapper -> {
            String name = mapper.findDealershipName(dealershipId);
            return name == null ? "No dealership " + dealershipId
                    : name + ": " + mapper.countCarsOfDealership(dealershipId) + " cars";
        });
    }

    private <T> T withMapper(Function<CarMapper, T> work) {
        SqlSession session = factory.openSession();
        try {
            return work.apply(session.getMapper(CarMapper.class));
        } finally {
            session.close();
        }
    }
}
