package dbworkbook.part1;

import dbworkbook.common.domain.Car;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Lesson 10, the way that streams: a MyBatis {@link Cursor} over a statement with a fetch size, in a session that is
 * a transaction ({@code openSession()}: auto-commit off). PgJDBC then fetches 1,000 rows at a time (a portal on the
 * server), MyBatis maps one row per {@code next()}, and each car is garbage once the consumer is done with it. The
 * heap it needs does not depend on the size of the table.
 */
public record StreamingCursorCarExport(SqlSessionFactory sqlSessionFactory) implements CarExport {

    @Override
    public void exportAll(Consumer<Car> sink) {
        try (SqlSession session = sqlSessionFactory.openSession();
             Cursor<Car> cars = session.getMapper(AllCarsMapper.class).findAllInIdOrder()) {
            cars.forEach(sink);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not close the cursor", e);
        }
    }
}
