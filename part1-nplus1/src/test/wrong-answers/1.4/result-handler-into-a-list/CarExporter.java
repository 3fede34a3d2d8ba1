package dbworkbook.part1.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part1.AllCarsMapper;
import dbworkbook.part1.CarExport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Wrong: a ResultHandler in a transaction, as it should be, but it collects the cars into a list and hands them on
 * once the statement is done: selectList written by hand.
 * Expected failure: so the cars were kept on your side
 */
public final class CarExporter implements CarExport {

    private final SqlSessionFactory sqlSessionFactory;

    public CarExporter(SqlSessionFactory sqlSessionFactory) {
        this.sqlSessionFactory = sqlSessionFactory;
    }

    @Override
    public void exportAll(Consumer<Car> sink) {
        List<Car> cars = new ArrayList<>();
        try (SqlSession session = sqlSessionFactory.openSession()) {
            session.select(AllCarsMapper.FIND_ALL_IN_ID_ORDER, context -> cars.add((Car) context.getResultObject()));
        }
        cars.forEach(sink);
    }
}
