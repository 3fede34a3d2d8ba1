package dbworkbook.part1.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part1.AllCarsMapper;
import dbworkbook.part1.CarExport;
import java.util.List;
import java.util.function.Consumer;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Wrong: a transaction and a fetch size let the driver stream, but selectList still builds the list of every car
 * before the first is handed on.
 * Expected failure: so the cars were kept on your side: selectList returns every car in one list
 */
public final class CarExporter implements CarExport {

    private final SqlSessionFactory sqlSessionFactory;

    public CarExporter(SqlSessionFactory sqlSessionFactory) {
        this.sqlSessionFactory = sqlSessionFactory;
    }

    @Override
    public void exportAll(Consumer<Car> sink) {
        try (SqlSession session = sqlSessionFactory.openSession()) {
            List<Car> cars = session.selectList(AllCarsMapper.FIND_ALL_IN_ID_ORDER);
            cars.forEach(sink);
        }
    }
}
