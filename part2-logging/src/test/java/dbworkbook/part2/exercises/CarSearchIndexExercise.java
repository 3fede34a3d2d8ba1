package dbworkbook.part2.exercises;

import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.domain.Car;
import dbworkbook.common.domain.DataGenerator;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.exercise.Exercise;
import dbworkbook.common.exercise.ExerciseContract;
import dbworkbook.common.exercise.Expect;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.part2.ExplainPlan;
import dbworkbook.part2.mapper.CarSearchMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Exercise 2.3's contract: after the learner's script, every search of the workload reads through an index, about
 * one page per car it returns instead of the whole table, and returns the same cars. The searches (makes, price
 * bands) differ from seed to seed, so an index for one search only does not pass. Nothing here measures time:
 * the server's own count of the pages each search touched ({@code EXPLAIN (ANALYZE, BUFFERS)}) is the measure.
 */
@Exercise(id = "2.3", title = "fix the slowest statement with an index",
        files = "src/main/resources/dbworkbook/part2/exercises/car-search-index.sql",
        hint = "Lesson 6: look at the search's WHERE clause. One column is compared with =, the other with a range. "
                + "An index is read like a phone book: which column has to come first so that all the matching "
                + "entries sit next to each other?")
class CarSearchIndexExercise extends ExerciseContract<CarSearchIndexExercise.Searches> {

    static final String FILE = "car-search-index.sql";
    static final String SEARCH = "dbworkbook.part2.mapper.CarSearchMapper.findByMakeAndPriceRange";
    private static final String[] MAKES = {"Toyota", "Honda", "Ford", "Volkswagen", "BMW", "Tesla", "Kia", "Renault"};

    /** The searches of one seed, and what each one found before any index. */
    record Searches(List<Map<String, Object>> parameters, List<List<Long>> found) {
    }

    @Override
    protected Searches prepare(WorkbookDatabase database, long seed) throws Exception {
        try (Connection connection = database.connect()) {
            DataGenerator.populate(connection, Scale.of(400, 50, 0)); // 20,000 cars, none of their columns indexed
        }
        Random random = new Random(seed);
        List<Map<String, Object>> searches = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            BigDecimal from = BigDecimal.valueOf(8000 + random.nextInt(55_000));
            searches.add(Map.of("make", MAKES[random.nextInt(MAKES.length)], "minPrice", from,
                    "maxPrice", from.add(BigDecimal.valueOf(600 + random.nextInt(900)))));
        }
        List<List<Long>> found = new ArrayList<>();
        SqlSessionFactory factory = MyBatisBootstrap.sqlSessionFactory(database.unpooledDataSource(),
                "dbworkbook/part2/mybatis-config.xml");
        try (SqlSession session = factory.openSession()) {
            searches.forEach(search -> found.add(carIds(session, search)));
        }
        return new Searches(searches, found);
    }

    @Override
    protected List<Check<Searches>> checks() {
        return List.of(check("every search reads through an index, about a page per car, and finds the same cars",
                trial -> {
                    List<String> statements = statements(trial.answer().text(FILE));
                    Expect.that(!statements.isEmpty(), "the script creates nothing: write the CREATE INDEX "
                            + "statement below the TODO.");
                    for (String statement : statements) {
                        Expect.that(statement.matches("(?is)^CREATE\\s+(UNIQUE\\s+)?INDEX\\b.*"), "the script may "
                                + "only create indexes, and it has: %s", statement.lines().findFirst().orElse(""));
                    }
                    Set<String> before = indexesOnCar(trial.database());
                    try {
                        runScript(trial.database(), statements);
                        SqlSessionFactory factory = MyBatisBootstrap.sqlSessionFactory(trial.dataSource(),
                                "dbworkbook/part2/mybatis-config.xml");
                        try (SqlSession session = factory.openSession()) {
                            List<Map<String, Object>> searches = trial.data().parameters();
                            for (int i = 0; i < searches.size(); i++) {
                                checkOneSearch(session, searches.get(i), trial.data().found().get(i));
                            }
                        }
                    } finally {
                        dropIndexesNotIn(trial.database(), before);
                    }
                }));
    }

    private static void checkOneSearch(SqlSession session, Map<String, Object> search, List<Long> foundBefore)
            throws SQLException {
        String described = search.get("make") + " from " + search.get("minPrice") + " to " + search.get("maxPrice");
        ExplainPlan plan = ExplainPlan.of(session, SEARCH, search);
        Expect.that(!plan.scansSequentially("car"), "the search for %s still reads the whole car table: %s. An "
                + "index helps only if the planner can look the search up in it.", described, plan.scanNodes());
        List<Long> found = carIds(session, search);
        long limit = 2L * found.size() + 20;
        Expect.that(plan.pagesTouched() <= limit, "the search for %s returned %d cars and touched %d pages (%s) to "
                + "find them; an index that fits the search reads about one page per car, here at most %d. The plan: "
                + "%s.", described, found.size(), plan.pagesTouched(), plan.buffers(), limit, plan.scanNodes());
        Expect.that(found.equals(foundBefore), "the search for %s found other cars than before the script: an index "
                + "changes how the cars are found, never which.", described);
    }

    private static List<Long> carIds(SqlSession session, Map<String, Object> search) {
        return session.getMapper(CarSearchMapper.class).findByMakeAndPriceRange((String) search.get("make"),
                (BigDecimal) search.get("minPrice"), (BigDecimal) search.get("maxPrice"))
                .stream().map(Car::getId).toList();
    }

    /** The script's statements: comments dropped, split at semicolons. */
    static List<String> statements(String script) {
        String text = script.replaceAll("(?m)--.*$", "").replaceAll("(?s)/\\*.*?\\*/", "");
        return Arrays.stream(text.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static void runScript(WorkbookDatabase database, List<String> statements) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw Expect.failure("PostgreSQL refused the statement '%s': %s", sql.lines().findFirst()
                            .orElse(sql), e.getMessage().lines().findFirst().orElse(""));
                }
            }
            statement.execute("ANALYZE car"); // fresh statistics, as autovacuum would give them a little later
        }
    }

    private static Set<String> indexesOnCar(WorkbookDatabase database) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT indexname FROM pg_indexes WHERE tablename = 'car'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Puts the database back for the next answer: the indexes the script created are dropped. */
    private static void dropIndexesNotIn(WorkbookDatabase database, Set<String> before) throws SQLException {
        Set<String> now = indexesOnCar(database);
        now.removeAll(before);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String index : now) {
                statement.execute("DROP INDEX IF EXISTS \"" + index.replace("\"", "\"\"") + "\"");
            }
            statement.execute("ANALYZE car");
        }
    }
}
