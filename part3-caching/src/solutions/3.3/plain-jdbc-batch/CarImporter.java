package dbworkbook.part3.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part3.CarsImporter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Exercise 3.3, another correct answer: a JDBC batch by hand on the session's connection, the generated keys read
 * from the batch in the order of its entries. The session is committed with force: JDBC work on its connection does
 * not mark it dirty (chapter 3, lesson 4), and a plain commit() would then commit nothing.
 */
public final class CarImporter implements CarsImporter {

    public static final int MAX_EXECUTIONS = 10;

    private static final String INSERT = "INSERT INTO car (dealership_id, make, model, year, price, is_sold) "
            + "VALUES (?, ?, ?, ?, ?, ?)";

    @Override
    public List<Long> importCars(SqlSessionFactory factory, List<Car> cars) {
        try (SqlSession session = factory.openSession()) {
            Connection connection = session.getConnection();
            List<Long> ids = new ArrayList<>(cars.size());
            try (PreparedStatement insert = connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
                for (Car car : cars) {
                    insert.setLong(1, car.getDealershipId());
                    insert.setString(2, car.getMake());
                    insert.setString(3, car.getModel());
                    insert.setInt(4, car.getYear());
                    insert.setBigDecimal(5, car.getPrice());
                    insert.setBoolean(6, car.isSold());
                    insert.addBatch();
                }
                if (!cars.isEmpty()) {
                    insert.executeBatch();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        while (keys.next()) {
                            ids.add(keys.getLong("id"));
                        }
                    }
                }
            } catch (SQLException e) {
                session.rollback(true);
                throw new IllegalStateException("The import failed: " + e.getMessage(), e);
            }
            session.commit(true);
            return ids;
        }
    }
}
