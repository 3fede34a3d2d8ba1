package dbworkbook.part2.exercises;

import dbworkbook.common.PgStatStatements;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.exercise.BrokenAnswer;
import dbworkbook.common.exercise.Exercise;
import dbworkbook.common.exercise.ExerciseContract;
import dbworkbook.common.exercise.ExerciseData;
import dbworkbook.common.exercise.Expect;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.io.Resources;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;

/**
 * Exercise 2.4's contract. The workload gives three statements three parts, shuffled by the seed: one is called most
 * often (each call quick), one has the largest total time (the answer), and the third has either the longest single
 * call (the answer then being several calls that add up to more) or several calls (the answer then being one long
 * call): an answer that orders by the mean, the maximum or the calls, or that leaves out statements called once,
 * fails on one seed or another. A neighbouring database of the same server runs a statement with a larger total still:
 * an answer that reads the whole server's view finds that one. Statement times come from {@code pg_sleep} on the
 * server, so the order is the same on any machine.
 */
@Exercise(id = "2.4", title = "find the slowest statement with pg_stat_statements",
        files = "src/main/resources/dbworkbook/part2/exercises/slowest-statement.sql",
        hint = "Lesson 5: the view holds every database's statements; which column names the database, and how do "
                + "you get the current one's id? Of its time columns, which one adds up every call? Then the top "
                + "entry by it, and only that one.")
class SlowestStatementExercise extends ExerciseContract<SlowestStatementExercise.Workload> {

    static final String FILE = "slowest-statement.sql";
    /** A database of the contract's own, from which the view's entries of the trial's database are forgotten. */
    private WorkbookDatabase bookkeeping;
    private static final String WORKLOAD = "dbworkbook.part2.exercises.SlowestStatementWorkload.";
    /** What identifies each statement's text on the server, by the workload statement's id. */
    private static final Map<String, String> TEXT = Map.of("lookUp", "WHERE id =", "countCars", "count(*)",
            "highestPrice", "max(price)");

    /**
     * Which statement got which part, and what the third one did; null {@code unavailable} when the server can run
     * the exercise.
     */
    record Workload(String mostCalls, String other, String largestTotal, String whatTheOtherDid, String unavailable,
                    long forgottenBefore) {
    }

    @Override
    protected Workload prepare(WorkbookDatabase database, long seed) throws Exception {
        ExerciseData.generate(database.unpooledDataSource(), seed, new ExerciseData.Shape(20, 6, 0));
        try (Connection connection = database.connect()) {
            String missing = PgStatStatements.availability(connection);
            if (missing != null) {
                return new Workload(null, null, null, null, missing, -1);
            }
        }
        try (WorkbookDatabase neighbour = database.workbook().createDatabase("exercise-2.4-neighbour");
             Connection connection = neighbour.connect(); Statement statement = connection.createStatement()) {
            PgStatStatements.availability(connection);
            statement.execute("SELECT pg_sleep(0.35)"); // another application's statement, larger than any here
        }
        List<String> parts = new ArrayList<>(List.of("lookUp", "countCars", "highestPrice"));
        Collections.shuffle(parts, new Random(seed));
        long forgottenBefore;
        try (Connection connection = database.connect()) {
            PgStatStatements.resetCurrentDatabase(connection);
            forgottenBefore = forgotten(connection);
        }
        boolean answerIsOneLongCall = seed % 2 != 0;
        Workload workload = new Workload(parts.get(0), parts.get(1), parts.get(2), answerIsOneLongCall
                ? "That statement was called several times and added up to less than one that took 250 ms in a "
                        + "single call: every statement counts, one called once too."
                : "That statement had the single longest call, the largest mean: the total adds up every call, and "
                        + "another statement's calls added up to more.", null, forgottenBefore);
        Configuration configuration = MyBatisBootstrap.configuration(database.unpooledDataSource(),
                "dbworkbook/part2/mybatis-config.xml");
        LoggingWorkload.withoutSlowStatementWarnings(configuration); // its long calls are slow on purpose
        String mapper = "dbworkbook/part2/exercises/SlowestStatementWorkloadMapper.xml";
        try (InputStream in = Resources.getResourceAsStream(mapper)) {
            new XMLMapperBuilder(in, configuration, mapper, configuration.getSqlFragments()).parse();
        }
        try (SqlSession session = new SqlSessionFactoryBuilder().build(configuration).openSession()) {
            for (int i = 0; i < 150; i++) {                       // many calls, each quick
                call(session, workload.mostCalls(), 0, i);
            }
            if (answerIsOneLongCall) {
                call(session, workload.largestTotal(), 0.25, 1);  // one call of 250 ms: the largest total
                for (int i = 0; i < 6; i++) {                     // 6 x 20 ms: more calls, less time
                    call(session, workload.other(), 0.02, i);
                }
            } else {
                call(session, workload.other(), 0.12, 1);         // one long call: the largest mean and max
                for (int i = 0; i < 8; i++) {                     // 8 x 25 ms: the largest total
                    call(session, workload.largestTotal(), 0.025, i);
                }
            }
        }
        return workload;
    }

    private static void call(SqlSession session, String statement, double seconds, int i) {
        session.clearCache(); // every call reaches the server, even with the same parameters
        session.selectList(WORKLOAD + statement, Map.of("seconds", seconds, "id", i + 1));
    }

    @Override
    protected List<Check<Workload>> checks() {
        return List.of(check("names the statement with the largest total time in this database", trial -> {
            Workload workload = trial.data();
            Assumptions.assumeTrue(workload.unavailable() == null, () -> workload.unavailable());
            try (Connection connection = trial.database().connect()) {
                long forgotten = forgotten(connection) - workload.forgottenBefore();
                Assumptions.assumeTrue(workload.forgottenBefore() < 0 || forgotten == 0, () -> "pg_stat_statements "
                        + "forgot " + forgotten + (forgotten == 1 ? " statement" : " statements") + " of this server "
                        + "while the exercise ran (its pg_stat_statements.max is too small for all that the server "
                        + "runs), and the workload's may be among them: ask for a larger pg_stat_statements.max, or "
                        + "check again when the server is quieter");
            }
            forgetQueriesOfTheView(trial);
            String sql = trial.answer().text(FILE).replaceAll("(?m)--.*$", "").trim().replaceAll(";\\s*$", "");
            Expect.that(!sql.isEmpty(), "the file has no query: write the SELECT below the TODO.");
            List<String> rows = new ArrayList<>();
            try (Connection connection = trial.database().connect(); Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(sql)) {
                int column = queryColumn(rs.getMetaData());
                while (rs.next()) {
                    rows.add(rs.getString(column));
                }
            } catch (SQLException e) {
                throw new BrokenAnswer("PostgreSQL refused the query: " + e.getMessage().lines().findFirst().orElse(""));
            }
            Expect.that(rows.size() == 1, "the query returned %d rows; the exercise asks for one row, the slowest "
                    + "statement.", rows.size());
            Expect.that(rows.get(0) != null, "the query returned NULL, not a statement's text.");
            String answer = rows.get(0);
            if (answer.contains(TEXT.get(workload.largestTotal()))) {
                return;
            }
            String why = answer.contains(TEXT.get(workload.mostCalls()))
                    ? "That statement was called most often, each call quick: order by the total time, not the calls."
                    : answer.contains(TEXT.get(workload.other())) ? workload.whatTheOtherDid()
                            : ofAnotherDatabase(trial, answer)
                                    ? "That is a statement of another database on this server: the view holds them "
                                            + "all; keep the current database's (dbid)."
                                    : "That is not one of this database's statements of the workload.";
            throw Expect.failure("the query named %s. %s", quote(answer), why);
        }));
    }

    /** Whether the text is only in other databases' entries (or hidden: another user's, seen without the right). */
    private static boolean ofAnotherDatabase(Trial<Workload> trial, String text) throws SQLException {
        if (text.equals("<insufficient privilege>")) {
            return true;
        }
        try (Connection connection = trial.database().connect();
             PreparedStatement statement = connection.prepareStatement("SELECT count(*) FILTER (WHERE dbid <> here), "
                     + "count(*) FILTER (WHERE dbid = here) FROM pg_stat_statements, (SELECT oid AS here FROM "
                     + "pg_database WHERE datname = current_database()) d WHERE query = ?")) {
            statement.setString(1, text);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0 && rs.getLong(2) == 0;
            }
        }
    }

    /**
     * How many entries the view has had to forget for lack of room since its statistics were last reset
     * (pg_stat_statements_info, PostgreSQL 14 and later); -1 where the server cannot say.
     */
    private static long forgotten(Connection connection) {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT dealloc FROM pg_stat_statements_info")) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            return -1;
        }
    }

    /**
     * Every query of the view run in this database so far (by answers judged before this one, and by this contract)
     * is a statement of this database too, and on a busy server one can take longer than the workload's: each is
     * forgotten before an answer runs. From another database of the workbook's, so that this query itself leaves
     * nothing here.
     */
    private void forgetQueriesOfTheView(Trial<Workload> trial) throws SQLException {
        try (Connection connection = bookkeeping(trial).connect();
             PreparedStatement forget = connection.prepareStatement("SELECT count(pg_stat_statements_reset(s.userid, "
                     + "s.dbid, s.queryid)) FROM pg_stat_statements s WHERE s.queryid IS NOT NULL AND s.dbid = "
                     + "(SELECT oid FROM pg_database WHERE datname = ?) AND s.query LIKE '%pg\\_stat\\_statements%'")) {
            forget.setString(1, trial.database().name());
            forget.executeQuery().close();
        }
    }

    private synchronized WorkbookDatabase bookkeeping(Trial<Workload> trial) throws SQLException {
        if (bookkeeping == null) {
            bookkeeping = trial.database().workbook().createDatabase("exercise-2.4-bookkeeping");
            try (Connection connection = bookkeeping.connect()) {
                PgStatStatements.availability(connection); // the view, where the server has it and may add it
            }
        }
        return bookkeeping;
    }

    @Override
    @AfterAll
    protected void dropDatabases() {
        super.dropDatabases();
        if (bookkeeping != null) {
            bookkeeping.close();
            bookkeeping = null;
        }
    }

    private static int queryColumn(ResultSetMetaData metadata) throws SQLException {
        for (int i = 1; i <= metadata.getColumnCount(); i++) {
            if (metadata.getColumnLabel(i).equalsIgnoreCase("query")) {
                return i;
            }
        }
        throw Expect.failure("the query's result has no column 'query' (it has %d column(s), the first called "
                + "'%s'): select the statement's text as query.", metadata.getColumnCount(),
                metadata.getColumnCount() == 0 ? "" : metadata.getColumnLabel(1));
    }

    private static String quote(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return "'" + (line.length() > 120 ? line.substring(0, 117) + "..." : line) + "'";
    }
}
