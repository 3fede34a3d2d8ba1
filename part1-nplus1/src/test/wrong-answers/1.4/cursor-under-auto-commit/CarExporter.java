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
 * Wrong: the Cursor is right, but the session kept auto-commit on, as the exercise file had it: PgJDBC ignores the
 * fetch size and reads every row before the cursor maps the first.
 * Expected failure: ran with auto-commit on (its fetch size of 1,000 was ignored), and so PgJDBC read the whole result
 */
public final class CarExporter implements CarExport {

    private final SqlSessionFactory sqlSessionFactory;

    public CarExporter(SqlSessionFactory sqlSessionFactory) {
        this.sqlSessionFactory = sqlSessionFactory;
    }

    @Override
    public void exportAll(Consumer<Car> sink) {
        // A read-only job: nothing to commit, so the session commits by itself (auto-commit).
        try (SqlSession session = sqlSessionFactory.openSession(true);
             Cursor<Car> cars = session.getMapper(AllCarsMapper.class).findAllInIdOrder()) {
            cars.forEach(sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
