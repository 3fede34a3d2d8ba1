// BLIND: plain JDBC on the session's connection: one PreparedStatement with RETURNING id (generated-key column "id"), addBatch per car, one executeBatch, ids read in order from getGeneratedKeys, then a forced commit (session.commit(true), since raw JDBC does not mark the session dirty) or a forced rollback on any failure.
package dbworkbook.part3.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part3.CarsImporter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

public final class CarImporter implements CarsImporter {

    public static final int MAX_EXECUTIONS = 10;

    private static final String INSERT =
            "INSERT INTO car (dealership_id, make, model, year, price, is_sold) VALUES (?, ?, ?, ?, ?, ?)";

    @Override
    public List<Long> importCars(SqlSessionFactory factory, List<Car> cars) {
        List<Long> ids = new ArrayList<>(cars.size());
        if (cars.isEmpty()) {
            return ids;
        }
        try (SqlSession session = factory.openSession()) {
            try {
                Connection connection = session.getConnection();
                try (PreparedStatement insert = connection.prepareStatement(INSERT, new String[] {"id"})) {
                    for (Car car : cars) {
                        if (car.getDealershipId() == null) {
                            insert.setNull(1, Types.BIGINT);
                        } else {
                            insert.setLong(1, car.getDealershipId());
                        }
                        insert.setString(2, car.getMake());
                        insert.setString(3, car.getModel());
                        insert.setInt(4, car.getYear());
                        insert.setBigDecimal(5, car.getPrice());
                        insert.setBoolean(6, car.isSold());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        while (keys.next()) {
                            ids.add(keys.getLong(1));
                        }
                    }
                }
                if (ids.size() != cars.size()) {
                    throw new PersistenceException("Expected " + cars.size() + " generated ids, got " + ids.size());
                }
                session.commit(true);
            } catch (SQLException | RuntimeException e) {
                session.rollback(true);
                if (e instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new PersistenceException("Importing " + cars.size() + " cars failed", e);
            }
        }
        for (int i = 0; i < cars.size(); i++) {
            cars.get(i).setId(ids.get(i));
        }
        return ids;
    }
}
