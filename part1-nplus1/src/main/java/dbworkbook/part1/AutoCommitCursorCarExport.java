package dbworkbook.part1;

import dbworkbook.common.domain.Car;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Lesson 10, PgJDBC's trap: the same cursor and the same fetch size as {@link StreamingCursorCarExport}, in a session
 * with auto-commit on ({@code openSession(true)}, as a read-only job is often written: "nothing to commit"). PgJDBC
 * then ignores the fetch size: without a transaction it has no portal to fetch from later, so it reads the whole
 * result into memory before {@code executeQuery} returns. The cursor streams MyBatis' mapping, over rows the driver
 * already holds, all of them.
 */
public record AutoCommitCursorCarExport(SqlSessionFactory sqlSessionFactory) implements CarExport {

    @Override
    public void exportAll(Consumer<Car> sink) {
        try (SqlSession session = sqlSessionFactory.openSession(true);
             Cursor<Car> cars = session.getMapper(AllCarsMapper.class).findAllInIdOrder()) {
            cars.forEach(sink);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not close the cursor", e);
        }
    }
}
