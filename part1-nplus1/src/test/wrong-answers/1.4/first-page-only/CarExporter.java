package dbworkbook.part1.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part1.AllCarsMapper;
import dbworkbook.part1.CarExport;
import java.util.List;
import java.util.function.Consumer;
import org.apache.ibatis.session.RowBounds;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Wrong: pages of 1,000 cars, but the loop's condition is off by one (more than a page, where it should be a full
 * page), so it stops after the first.
 * Expected failure: it handed 1,000 to the sink. A round number: did it stop after the first fetch or page?
 */
public final class CarExporter implements CarExport {

    private static final int PAGE = 1000;

    private final SqlSessionFactory sqlSessionFactory;

    public CarExporter(SqlSessionFactory sqlSessionFactory) {
        this.sqlSessionFactory = sqlSessionFactory;
    }

    @Override
    public void exportAll(Consumer<Car> sink) {
        try (SqlSession session = sqlSessionFactory.openSession()) {
            int offset = 0;
            List<Car> page;
            do {
                page = session.selectList(AllCarsMapper.FIND_ALL_IN_ID_ORDER, null, new RowBounds(offset, PAGE));
                page.forEach(sink);
                offset += page.size();
            } while (page.size() > PAGE);
        }
    }
}
