package dbworkbook.part1;

import dbworkbook.common.domain.Car;
import java.util.List;
import java.util.function.Consumer;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Lesson 10, the way that holds everything: {@code selectList}. The statement has a fetch size and the session is a
 * transaction, so the driver does fetch 1,000 rows at a time; but MyBatis maps every row into the list it returns,
 * and the first car reaches the consumer only when the last one is in memory. The heap it needs grows with the
 * table.
 */
public record SelectListCarExport(SqlSessionFactory sqlSessionFactory) implements CarExport {

    @Override
    public void exportAll(Consumer<Car> sink) {
        try (SqlSession session = sqlSessionFactory.openSession()) {
            List<Car> cars = session.selectList(AllCarsMapper.FIND_ALL_IN_ID_ORDER);
            cars.forEach(sink);
        }
    }
}
