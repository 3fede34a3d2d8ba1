package dbworkbook.part1.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part1.AllCarsMapper;
import dbworkbook.part1.CarExport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Exercise 1.4, the reference solution: a Cursor in a session that is a transaction (openSession(): auto-commit
 * off), over the chapter's statement with its fetch size of 1,000. PgJDBC fetches 1,000 rows at a time and MyBatis
 * maps one car per step of the loop.
 */
public final class CarExporter implements CarExport {

    private final SqlSessionFactory sqlSessionFactory;

    public CarExporter(SqlSessionFactory sqlSessionFactory) {
        this.sqlSessionFactory = sqlSessionFactory;
    }

    @Override
    public void exportAll(Consumer<Car> sink) {
        try (SqlSession session = sqlSessionFactory.openSession();
             Cursor<Car> cars = session.getMapper(AllCarsMapper.class).findAllInIdOrder()) {
            for (Car car : cars) {
                sink.accept(car);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
