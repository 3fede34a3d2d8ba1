package dbworkbook.part4.exercises;

import dbworkbook.part4.CarMapper;
import dbworkbook.part4.DealershipDescriber;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** Exercise 4.2, another correct answer: a short session for each statement, each closed by try-with-resources. */
public final class DealershipReport implements DealershipDescriber {

    private final SqlSessionFactory factory;

    public DealershipReport(SqlSessionFactory factory) {
        this.factory = factory;
    }

    @Override
    public String describe(long dealershipId) {
        String name;
        try (SqlSession session = factory.openSession()) {
            name = session.getMapper(CarMapper.class).findDealershipName(dealershipId);
        }
        if (name == null) {
            return "No dealership " + dealershipId;
        }
        try (SqlSession session = factory.openSession()) {
            return name + ": " + session.getMapper(CarMapper.class).countCarsOfDealership(dealershipId) + " cars";
        }
    }
}
