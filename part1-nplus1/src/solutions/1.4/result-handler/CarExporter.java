package dbworkbook.part1.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part1.AllCarsMapper;
import dbworkbook.part1.CarExport;
import java.util.function.Consumer;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Exercise 1.4, another correct answer: a ResultHandler, which MyBatis calls with each car as it maps it, in a
 * session that is a transaction. (With a flat result map nothing else is kept: a nested select would fill the
 * session's local cache, mybatis-3 issue 1174.)
 */
public final class CarExporter implements CarExport {

    private final SqlSessionFactory sqlSessionFactory;

    public CarExporter(SqlSessionFactory sqlSessionFactory) {
        this.sqlSessionFactory = sqlSessionFactory;
    }

    @Override
    public void exportAll(Consumer<Car> sink) {
        try (SqlSession session = sqlSessionFactory.openSession(false)) {
            session.select(AllCarsMapper.FIND_ALL_IN_ID_ORDER, context -> sink.accept((Car) context.getResultObject()));
        }
    }
}
