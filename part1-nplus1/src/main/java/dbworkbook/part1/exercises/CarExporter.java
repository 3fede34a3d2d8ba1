package dbworkbook.part1.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part1.AllCarsMapper;
import dbworkbook.part1.CarExport;
import java.util.List;
import java.util.function.Consumer;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * EXERCISE 1.4: export every car within a small heap.
 *
 * <p>This export is right on a small table and runs out of memory on a large one: it reads every car into a list
 * before it hands on the first. Rewrite {@link #exportAll} so that it hands each car to the sink as it is read, and
 * never holds more than a piece of the table (lesson 10). The sink keeps nothing: it writes each car out.
 *
 * <p>What is checked:
 * <ul>
 *   <li>on data you cannot guess (about 2,000 cars, ids with gaps, rows stored out of id order): every car is handed
 *       to the sink once, in id order, with all its columns;</li>
 *   <li>in a JVM of its own with a 16 MB heap, on a table of 150,000 cars (their objects alone take about 36 MB):
 *       every car is handed on, in id order (the count and a checksum of every column, in order, are compared).</li>
 * </ul>
 * The chapter's statement {@link AllCarsMapper#FIND_ALL_IN_ID_ORDER} reads every car in id order with a fetch size of
 * 1,000; use it, or write the JDBC yourself.
 *
 * <p>Check: {@code ./mvnw -Pexercises -pl part1-nplus1 -am verify}. Start over: {@code ./mvnw -q -Preset -Dexercise=1.4}
 */
public final class CarExporter implements CarExport {

    private final SqlSessionFactory sqlSessionFactory;

    public CarExporter(SqlSessionFactory sqlSessionFactory) {
        this.sqlSessionFactory = sqlSessionFactory;
    }

    @Override
    public void exportAll(Consumer<Car> sink) {
        // A read-only job: nothing to commit, so the session commits by itself (auto-commit).
        try (SqlSession session = sqlSessionFactory.openSession(true)) {
            // TODO exercise 1.4: hand each car on as it is read, not all of them once the last one is in memory.
            List<Car> cars = session.selectList(AllCarsMapper.FIND_ALL_IN_ID_ORDER);
            for (Car car : cars) {
                sink.accept(car);
            }
        }
    }
}
