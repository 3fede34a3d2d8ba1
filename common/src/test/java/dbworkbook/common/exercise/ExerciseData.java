package dbworkbook.common.exercise;

import dbworkbook.common.domain.Car;
import dbworkbook.common.domain.Dealership;
import dbworkbook.common.domain.Salesperson;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Data for the exercises that an answer cannot guess, the same for the same seed: dealerships whose ids have gaps,
 * with unequal numbers of cars and salespeople (some none at all), car and salesperson ids that interleave across
 * dealerships, rows stored in an order that is not the id order, and prices that repeat. Compare
 * {@code DataGenerator}, whose uniform data the lessons and the demos rely on.
 *
 * <p>What was written is kept here too ({@link #dealerships()}), so a check compares an answer's result with it.
 */
public final class ExerciseData {

    private static final String[] CITIES = {"Austin", "Berlin", "Lyon", "Osaka", "Porto", "Quito", "Turin", "Utrecht",
        "Accra", "Lima", "Oslo", "Pune"};
    private static final String[][] MODELS = {{"Toyota", "Corolla"}, {"Toyota", "Yaris"}, {"Honda", "Civic"},
        {"Ford", "Focus"}, {"Volkswagen", "Golf"}, {"BMW", "3 Series"}, {"Tesla", "Model 3"}, {"Kia", "Ceed"},
        {"Renault", "Clio"}, {"Skoda", "Octavia"}};
    private static final String[] FIRST_NAMES = {"Ada", "Brook", "Chen", "Dana", "Emil", "Fatou", "Goran", "Hana",
        "Ines", "Jonas", "Kofi", "Lena"};
    private static final String[] LAST_NAMES = {"Silva", "Novak", "Okafor", "Berg", "Tanaka", "Moreau", "Haddad",
        "Kowalski"};
    /** Prices many cars share, so that an order by price alone has ties. */
    private static final BigDecimal[] COMMON_PRICES = {new BigDecimal("9990.00"), new BigDecimal("14500.00"),
        new BigDecimal("19990.00"), new BigDecimal("24900.00")};

    private final long seed;
    private final List<Dealership> dealerships;

    /** How much data, and how uneven. */
    public record Shape(int dealerships, int maxCarsPerDealership, int maxSalespeoplePerDealership) {

        /** A few dozen dealerships with up to a dozen cars and a few salespeople each: the usual exercise shape. */
        public static Shape small() {
            return new Shape(40, 12, 5);
        }
    }

    private ExerciseData(long seed, List<Dealership> dealerships) {
        this.seed = seed;
        this.dealerships = dealerships;
    }

    /** Writes the data of {@code seed} into an empty workbook database, and returns what it wrote. */
    public static ExerciseData generate(DataSource dataSource, long seed, Shape shape) throws SQLException {
        ExerciseData data = invent(seed, shape);
        try (Connection connection = dataSource.getConnection()) {
            data.write(connection);
        }
        return data;
    }

    public long seed() {
        return seed;
    }

    /** Every dealership in id order, each with its cars and salespeople in id order. */
    public List<Dealership> dealerships() {
        return dealerships;
    }

    public Map<Long, Dealership> dealershipsById() {
        Map<Long, Dealership> byId = new LinkedHashMap<>();
        dealerships.forEach(d -> byId.put(d.getId(), d));
        return byId;
    }

    public List<Long> dealershipIds() {
        return dealerships.stream().map(Dealership::getId).toList();
    }

    /** Every car, in id order. */
    public List<Car> cars() {
        return dealerships.stream().flatMap(d -> d.getCars().stream()).sorted(Comparator.comparing(Car::getId))
                .toList();
    }

    /** A dealership id that is not in the data (for "a dealership that does not exist"). */
    public long missingDealershipId() {
        long candidate = dealerships.get(0).getId() + 1;
        while (dealershipsById().containsKey(candidate)) {
            candidate++;
        }
        return candidate;
    }

    private static ExerciseData invent(long seed, Shape shape) {
        Random random = new Random(seed);
        List<Long> dealershipIds = distinctIds(random, shape.dealerships(), 5);
        int maxCars = shape.maxCarsPerDealership();
        int maxSalespeople = shape.maxSalespeoplePerDealership();
        List<Dealership> dealerships = new ArrayList<>();
        int totalCars = 0;
        int totalSalespeople = 0;
        List<int[]> counts = new ArrayList<>();
        for (int i = 0; i < dealershipIds.size(); i++) {
            // One dealership with none, one with the most, the rest uneven (about one in six has none).
            int cars = maxCars == 0 || i == 1 ? 0 : i == 2 ? maxCars : random.nextInt(6) == 0 ? 0 : 1 + random.nextInt(maxCars);
            int salespeople = i == 3 ? 0 : maxSalespeople == 0 ? 0 : random.nextInt(maxSalespeople + 1);
            counts.add(new int[] {cars, salespeople});
            totalCars += cars;
            totalSalespeople += salespeople;
        }
        List<Long> carIds = distinctIds(random, totalCars, 4);
        List<Long> salespersonIds = distinctIds(random, totalSalespeople, 4);
        // Shuffled, so that a dealership's cars are not a run of consecutive ids.
        Collections.shuffle(carIds, random);
        Collections.shuffle(salespersonIds, random);
        int nextCar = 0;
        int nextSalesperson = 0;
        for (int i = 0; i < dealershipIds.size(); i++) {
            Dealership dealership = new Dealership();
            long id = dealershipIds.get(i);
            dealership.setId(id);
            dealership.setName(CITIES[random.nextInt(CITIES.length)] + " " + (random.nextBoolean() ? "Motors" : "Cars")
                    + " " + (1000 + random.nextInt(9000)) + "-" + id);
            dealership.setCity(CITIES[random.nextInt(CITIES.length)]);
            for (int c = 0; c < counts.get(i)[0]; c++) {
                dealership.getCars().add(car(random, carIds.get(nextCar++), id));
            }
            for (int s = 0; s < counts.get(i)[1]; s++) {
                dealership.getSalespeople().add(salesperson(random, salespersonIds.get(nextSalesperson++), id));
            }
            dealership.getCars().sort(Comparator.comparing(Car::getId));
            dealership.getSalespeople().sort(Comparator.comparing(Salesperson::getId));
            dealerships.add(dealership);
        }
        return new ExerciseData(seed, dealerships);
    }

    private static Car car(Random random, long id, long dealershipId) {
        String[] model = MODELS[random.nextInt(MODELS.length)];
        Car car = new Car();
        car.setId(id);
        car.setDealershipId(dealershipId);
        car.setMake(model[0]);
        car.setModel(model[1]);
        car.setYear(1995 + random.nextInt(31));
        car.setPrice(random.nextInt(4) == 0 ? COMMON_PRICES[random.nextInt(COMMON_PRICES.length)]
                : BigDecimal.valueOf(500_000 + random.nextInt(7_500_000), 2));
        car.setSold(random.nextInt(3) == 0);
        return car;
    }

    private static Salesperson salesperson(Random random, long id, long dealershipId) {
        Salesperson salesperson = new Salesperson();
        salesperson.setId(id);
        salesperson.setDealershipId(dealershipId);
        salesperson.setName(FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " "
                + LAST_NAMES[random.nextInt(LAST_NAMES.length)]);
        salesperson.setHiredOn(LocalDate.of(2005, 1, 1).plusDays(random.nextInt(7000)));
        return salesperson;
    }

    /** {@code count} distinct ids from 1 to about {@code spread} times {@code count}, in ascending order. */
    private static List<Long> distinctIds(Random random, int count, int spread) {
        TreeSet<Long> ids = new TreeSet<>();
        long bound = Math.max(10L, (long) count * spread);
        while (ids.size() < count) {
            ids.add(1 + (long) random.nextInt((int) bound));
        }
        return new ArrayList<>(ids);
    }

    private void write(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        Random order = new Random(seed * 31 + 17);
        List<Dealership> shuffled = new ArrayList<>(dealerships);
        Collections.shuffle(shuffled, order); // stored out of id order: an answer without ORDER BY shows it
        try (PreparedStatement dealership = connection.prepareStatement(
                "INSERT INTO dealership (id, name, city) VALUES (?, ?, ?)");
             PreparedStatement car = connection.prepareStatement("INSERT INTO car (id, dealership_id, make, model, "
                     + "year, price, is_sold) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement salesperson = connection.prepareStatement(
                     "INSERT INTO salesperson (id, dealership_id, name, hired_on) VALUES (?, ?, ?, ?)")) {
            for (Dealership d : shuffled) {
                dealership.setLong(1, d.getId());
                dealership.setString(2, d.getName());
                dealership.setString(3, d.getCity());
                dealership.addBatch();
            }
            dealership.executeBatch();
            List<Car> cars = new ArrayList<>(dealerships.stream().flatMap(d -> d.getCars().stream()).toList());
            Collections.shuffle(cars, order);
            for (Car c : cars) {
                car.setLong(1, c.getId());
                car.setLong(2, c.getDealershipId());
                car.setString(3, c.getMake());
                car.setString(4, c.getModel());
                car.setInt(5, c.getYear());
                car.setBigDecimal(6, c.getPrice());
                car.setBoolean(7, c.isSold());
                car.addBatch();
            }
            car.executeBatch();
            List<Salesperson> people = new ArrayList<>(
                    dealerships.stream().flatMap(d -> d.getSalespeople().stream()).toList());
            Collections.shuffle(people, order);
            for (Salesperson s : people) {
                salesperson.setLong(1, s.getId());
                salesperson.setLong(2, s.getDealershipId());
                salesperson.setString(3, s.getName());
                salesperson.setDate(4, Date.valueOf(s.getHiredOn()));
                salesperson.addBatch();
            }
            salesperson.executeBatch();
            try (Statement statement = connection.createStatement()) {
                for (String table : new String[] {"dealership", "car", "salesperson"}) {
                    statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), "
                            + "coalesce(max(id), 0) + 1, false) FROM " + table);
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE dealership, car, salesperson");
        }
    }
}
