package dbworkbook.part1.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part1.CarsByDealershipLoader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;

/** Exercise 1.2, another correct answer: plain JDBC on the session's connection, one array parameter per batch. */
public final class BatchCarLoader implements CarsByDealershipLoader {

    public static final int BATCH_SIZE = 100;

    private static final String SQL = "SELECT id, dealership_id, make, model, year, price, is_sold FROM car "
            + "WHERE dealership_id = ANY (?) ORDER BY id";

    @Override
    public Map<Long, List<Car>> loadCars(SqlSession session, List<Long> dealershipIds) {
        Map<Long, List<Car>> cars = new LinkedHashMap<>();
        for (Long id : dealershipIds) {
            cars.put(id, new ArrayList<>());
        }
        Connection connection = session.getConnection();
        try (PreparedStatement statement = connection.prepareStatement(SQL)) {
            for (int start = 0; start < dealershipIds.size(); start += BATCH_SIZE) {
                List<Long> batch = dealershipIds.subList(start, Math.min(start + BATCH_SIZE, dealershipIds.size()));
                Array ids = connection.createArrayOf("bigint", batch.toArray());
                statement.setArray(1, ids);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Car car = new Car();
                        car.setId(rows.getLong("id"));
                        car.setDealershipId(rows.getLong("dealership_id"));
                        car.setMake(rows.getString("make"));
                        car.setModel(rows.getString("model"));
                        car.setYear(rows.getInt("year"));
                        car.setPrice(rows.getBigDecimal("price"));
                        car.setSold(rows.getBoolean("is_sold"));
                        cars.get(car.getDealershipId()).add(car);
                    }
                }
                ids.free();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load the cars: " + e.getMessage(), e);
        }
        return cars;
    }
}
