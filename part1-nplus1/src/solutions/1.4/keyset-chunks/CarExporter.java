package dbworkbook.part1.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part1.CarExport;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Exercise 1.4, another correct answer: no cursor at all, but chunks of 500 cars, each starting after the last car
 * of the one before (a keyset, lesson 11). Every chunk is a small result, so auto-commit does no harm, and the gaps
 * in the ids do not matter: it stops at the first chunk that is not full.
 */
public final class CarExporter implements CarExport {

    private static final int CHUNK = 500;
    private static final String SQL = "SELECT id, dealership_id, make, model, year, price, is_sold FROM car "
            + "WHERE id > ? ORDER BY id LIMIT " + CHUNK;

    private final SqlSessionFactory sqlSessionFactory;

    public CarExporter(SqlSessionFactory sqlSessionFactory) {
        this.sqlSessionFactory = sqlSessionFactory;
    }

    @Override
    public void exportAll(Consumer<Car> sink) {
        try (SqlSession session = sqlSessionFactory.openSession(true);
             PreparedStatement chunk = session.getConnection().prepareStatement(SQL)) {
            long last = Long.MIN_VALUE;
            int read;
            do {
                read = 0;
                chunk.setLong(1, last);
                try (ResultSet rows = chunk.executeQuery()) {
                    while (rows.next()) {
                        read++;
                        last = rows.getLong(1);
                        sink.accept(new Car(last, rows.getLong(2), rows.getString(3), rows.getString(4),
                                rows.getInt(5), rows.getBigDecimal(6), rows.getBoolean(7)));
                    }
                }
            } while (read == CHUNK);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
