package dbworkbook.part4.exercises;

// BLIND: Wraps the body in try/catch(RuntimeException) that closes the session and answers "No dealership" on any failure; the connection is returned on every path, which a checker that only looks at the pool accepts, but a failing statement's error never reaches the caller.
// Expected failure: returned normally although counting its cars failed: the error must reach the

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
        SqlSession session = factory.openSession();
        try {
            CarMapper mapper = session.getMapper(CarMapper.class);
            String name = mapper.findDealershipName(dealershipId);
            if (name == null) {
                session.close();
                return "No dealership " + dealershipId;
            }
            long cars = mapper.countCarsOfDealership(dealershipId);
            session.close();
            return name + ": " + cars + " cars";
        } catch (RuntimeException e) {
            session.close();
            return "No dealership " + dealershipId;
        }
    }
}
