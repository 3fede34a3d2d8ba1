package dbworkbook.part4.exercises;

// BLIND: Each read runs in its own short try-with-resources session through a small helper taking a Function<CarMapper, T>, so no connection is held between or after the two reads, on any path, and any exception propagates unchanged.

import dbworkbook.part4.CarMapper;
import dbworkbook.part4.DealershipDescriber;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

public final class DealershipReport implements DealershipDescriber {

    private final SqlSessionFactory factory;

    public DealershipReport(SqlSessionFactory factory) {
        this.factory = factory;
    }

    @Override
    public String describe(long dealershipId) {
        String name = withMapper(mapper -> mapper.findDealershipName(dealershipId));
        if (name == null) {
            return "No dealership " + dealershipId;
        }
        long cars = withMapper(mapper -> mapper.countCarsOfDealership(dealershipId));
        return name + ": " + cars + " cars";
    }

    private <T> T withMapper(Function<CarMapper, T> work) {
        try (SqlSession session = factory.openSession()) {
            return work.apply(session.getMapper(CarMapper.class));
        }
    }
}
