package dbworkbook.part2.exercises;

import dbworkbook.common.ChildJvm;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.WorkbookServer;
import dbworkbook.common.exercise.BrokenAnswer;
import dbworkbook.common.exercise.Exercise;
import dbworkbook.common.exercise.ExerciseContract;
import dbworkbook.common.exercise.ExerciseData;
import dbworkbook.common.exercise.Expect;
import dbworkbook.part2.exercises.LoggingWorkload.Call;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.Configuration;

/**
 * Exercise 2.1's contract. The learner's Log4j 2 configuration is judged by what it prints: the contract starts a
 * JVM with {@code -Dlog4j2.configurationFile=<the file>} (the way an application is started with it), runs
 * {@link LoggingWorkload} there, and reads the console. Nothing of the file is rewritten first: filters, levels on
 * appender references, additivity, patterns all do what Log4j makes of them.
 */
@Exercise(id = "2.1", title = "log exactly one mapper",
        files = "src/main/resources/dbworkbook/part2/exercises/log4j2-one-mapper.xml",
        hint = "Lesson 1: MyBatis logs each statement under a logger named after its mapper's namespace, and "
                + "statement by statement below it. DEBUG shows the SQL, the parameters and the row count; TRACE "
                + "adds the rows. One logger at the right name and level is enough; the root decides the rest.")
class OneMapperLogConfigurationExercise extends ExerciseContract<OneMapperLogConfigurationExercise.Run> {

    static final String FILE = "log4j2-one-mapper.xml";
    private static final long TIMEOUT_SECONDS = 60;
    /** An error of Log4j's own about the configuration (its status logger), in its old format and its new one. */
    private static final Pattern STATUS_ERROR = Pattern.compile("^(?:ERROR StatusLogger |\\S+ \\S+ ERROR )(.*)$");

    /** The database the workload runs on, and the SQL each statement of it sends. */
    record Run(WorkbookDatabase database, List<String> carSearchSql, List<String> otherSql) {
    }

    @Override
    protected boolean dataVariesBySeed() {
        return false;
    }

    @Override
    protected boolean knownAnswersInParallel() {
        return true; // each answer waits: for a JVM of its own, or for the server's sleeps
    }

    @Override
    protected Run prepare(WorkbookDatabase database, long seed) throws Exception {
        ExerciseData.generate(database.unpooledDataSource(), seed, new ExerciseData.Shape(6, 3, 2));
        Configuration configuration = LoggingWorkload.configuration(database.unpooledDataSource());
        return new Run(database, sqlOf(configuration, LoggingWorkload.CAR_SEARCHES),
                sqlOf(configuration, LoggingWorkload.OTHERS));
    }

    @Override
    protected List<Check<Run>> checks() {
        return List.of(check("prints the SQL, parameters and row count of every CarSearchMapper statement, and only "
                + "that below WARN", trial -> {
                    List<String> lines = printedWith(trial.answer().file(FILE), trial.data().database());
                    Run run = trial.data();
                    List<String> preparing = lines.stream().filter(l -> l.contains("Preparing:")).toList();
                    for (String sql : run.otherSql()) {
                        Expect.that(preparing.stream().noneMatch(l -> l.endsWith("Preparing: " + sql)),
                                "a statement of another mapper was printed: %s. The logger you set covers more "
                                        + "than CarSearchMapper; the package dbworkbook.part2.mapper has other mappers "
                                        + "too (and will have more than the ones you know of).", quote(sql));
                    }
                    for (String sql : run.carSearchSql()) {
                        Expect.that(preparing.stream().anyMatch(l -> l.endsWith("Preparing: " + sql)),
                                "the SQL of a CarSearchMapper statement was not printed: %s. Every statement of the "
                                        + "mapper must show, not only the ones you know of: is the logger the "
                                        + "mapper's namespace, at DEBUG, and does it reach an appender?%s",
                                quote(sql), lines.isEmpty() ? " (Nothing was printed at all.)" : "");
                    }
                    long parameters = lines.stream().filter(l -> l.contains("==> Parameters:")).count();
                    long totals = lines.stream().filter(l -> l.contains("<==      Total:")).count();
                    Expect.that(parameters == run.carSearchSql().size() && totals == run.carSearchSql().size(),
                            "CarSearchMapper ran %d statements, and %d 'Parameters:' and %d 'Total:' lines were "
                                    + "printed: each statement's parameters and row count belong with its SQL.",
                            run.carSearchSql().size(), parameters, totals);
                    Expect.that(lines.stream().noneMatch(l -> l.contains("<==    Columns:") || l.contains("<==        Row:")),
                            "the rows themselves were printed ('Columns:' and 'Row:' lines): that is TRACE, and it "
                                    + "writes your data into the log. DEBUG is enough.");
                    Expect.that(lines.stream().anyMatch(l -> l.contains("leakDetectionThreshold")),
                            "a library's WARN was not printed (HikariCP warns that a setting is out of range, and "
                                    + "it did not show): everything else must still log at WARN and above. Is the "
                                    + "root logger at WARN, with an appender?");
                    List<String> others = lines.stream()
                            .filter(l -> !l.contains("Preparing:") && !l.contains("==> Parameters:")
                                    && !l.contains("<==      Total:") && !l.contains("leakDetectionThreshold")
                                    && !l.isBlank())
                            .toList();
                    Expect.that(others.isEmpty(), "lines of other loggers below WARN were printed, e.g. %s. Only "
                            + "CarSearchMapper's statements should be at DEBUG: the root stays at WARN (MyBatis' own "
                            + "org.apache.ibatis at DEBUG, say, prints connection chatter and never any SQL).",
                            others.isEmpty() ? "" : quote(others.get(0)));
                }));
    }

    /** Runs the workload in a new JVM under the configuration file, and returns what it printed. */
    private static List<String> printedWith(Path configurationFile, WorkbookDatabase database)
            throws IOException, InterruptedException {
        WorkbookServer server = database.workbook().server();
        ChildJvm.Result result = ChildJvm.run(LoggingWorkload.class,
                List.of("-Dlog4j2.configurationFile=" + configurationFile.toAbsolutePath()),
                List.of(database.jdbcUrl(), server.user()),
                server.password().isEmpty() ? Map.of() : Map.of("WORKBOOK_JDBC_PASSWORD", server.password()),
                TIMEOUT_SECONDS);
        result.lines().stream().map(l -> STATUS_ERROR.matcher(l)).filter(Matcher::matches).findFirst()
                .ifPresent(error -> {
                    throw new BrokenAnswer("Log4j cannot use " + configurationFile.getFileName() + ": "
                            + error.group(1));
                });
        if (result.exitCode() != 0) {
            throw new IllegalStateException("The logging workload failed (exit " + result.exitCode() + "):\n"
                    + result.lastLines(20));
        }
        return result.lines();
    }

    private static List<String> sqlOf(Configuration configuration, List<Call> calls) {
        List<String> sql = new ArrayList<>();
        for (Call call : calls) {
            MappedStatement statement = configuration.getMappedStatement(call.statementId());
            sql.add(statement.getBoundSql(call.parameters()).getSql());
        }
        return sql;
    }

    private static String quote(String line) {
        return "'" + (line.length() > 140 ? line.substring(0, 137) + "..." : line) + "'";
    }
}
