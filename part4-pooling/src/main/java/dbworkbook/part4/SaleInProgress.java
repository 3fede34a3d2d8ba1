package dbworkbook.part4;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lesson 8's cause of a stuck query: a sale that has marked its cars sold and not committed yet, because the code
 * that runs it hangs (a call to a payment service with no timeout, a debugger, a forgotten transaction). Until its
 * transaction ends, it holds a lock on each of those rows, and every statement that wants to lock one of them too (an
 * {@code UPDATE}, a {@code SELECT ... FOR SHARE}) waits for it, keeping its own connection as it waits. Reads without
 * a lock do not wait: PostgreSQL shows them the rows as they were.
 *
 * <p>It runs on a connection of its own, not one of the pool being watched. {@link #close()} rolls the sale back (the
 * data is as it was) and closes the connection; {@link #commit()} completes it.
 */
public final class SaleInProgress implements AutoCloseable {

    /**
     * A statement that waits for the sale: it locks the same rows. It changes nothing (the price stays the price), so
     * that a lesson's data is the same after it as before.
     */
    public static final String REPRICE_CARS_OF_DEALERSHIP = "UPDATE car SET price = price WHERE dealership_id = ?";

    private final Connection connection;
    private final List<Long> cars;
    private boolean ended;

    private SaleInProgress(Connection connection, List<Long> cars) {
        this.connection = connection;
        this.cars = cars;
    }

    /** Starts selling every unsold car of the dealership, on {@code connection}, and stops before the commit. */
    public static SaleInProgress ofUnsoldCarsOf(Connection connection, long dealershipId) throws SQLException {
        return start(connection, "UPDATE car SET is_sold = true WHERE dealership_id = ? AND NOT is_sold RETURNING id",
                dealershipId);
    }

    /** Starts selling one car, on {@code connection}, and stops before the commit. */
    public static SaleInProgress ofCar(Connection connection, long carId) throws SQLException {
        return start(connection, "UPDATE car SET is_sold = true WHERE id = ? RETURNING id", carId);
    }

    private static SaleInProgress start(Connection connection, String sql, long id) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            List<Long> cars = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    cars.add(rows.getLong(1));
                }
            }
            return new SaleInProgress(connection, List.copyOf(cars));
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** The cars whose rows the sale holds, in no particular order. */
    public List<Long> cars() {
        return cars;
    }

    /** Completes the sale: its cars are sold, and whoever waited for their rows goes on. */
    public void commit() throws SQLException {
        connection.commit();
        ended = true;
    }

    /**
     * Rolls the sale back unless it was committed, which releases its rows, and closes its connection. A connection
     * the server has ended already (lesson 8's {@code idle_in_transaction_session_timeout}) has nothing to roll back.
     */
    @Override
    public void close() throws SQLException {
        try (connection) {
            if (!ended && !connection.isClosed()) {
                connection.rollback();
            }
            ended = true;
        }
    }
}
