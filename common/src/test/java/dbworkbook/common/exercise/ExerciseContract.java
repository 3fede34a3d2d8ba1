package dbworkbook.common.exercise;

import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.Workbook;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.junit.WorkbookExtension;
import dbworkbook.common.recorder.StatementRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.ibatis.exceptions.PersistenceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * One exercise's contract: the checks that every answer must pass, whatever way it is written. A subclass names the
 * exercise ({@link Exercise}), fills a database per data seed ({@link #prepare}) and lists its {@link #checks}.
 *
 * <p>The same checks judge every answer:
 * <ul>
 *   <li>{@link #yourAnswer} the learner's files (tag {@code your-answer}: {@code ./mvnw -Pexercises verify}, or run
 *       it from an IDE). The verdict goes on the chapter's board;</li>
 *   <li>{@link #knownAnswers} the reference solution and the other correct answers, which must pass, and the wrong
 *       answers, which must fail with the message their header names (the default build).</li>
 * </ul>
 *
 * <p>Data: each seed fills a database of its own with data an answer cannot guess (see {@link ExerciseData}). Every
 * answer runs on every seed, so an answer tuned to one shape of data fails on another. {@code -Dexercise.seed=7}
 * repeats one seed; a failure always says which seed it was found with.
 *
 * @param <D> what {@link #prepare} tells the checks about a seed's data (e.g. the generated rows)
 */
@ExtendWith({WorkbookExtension.class, ExerciseBoard.Extension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ExerciseContract<D> {

    /** The data seeds every answer is checked with, unless {@code -Dexercise.seed} names others. */
    public static final List<Long> DEFAULT_SEEDS = List.of(2026L, 7L, 42L);

    private final Exercise exercise = exerciseOf(getClass());
    private final Map<Long, SeedDatabase<D>> databases = new LinkedHashMap<>();
    private Workbook workbook;

    /**
     * Fills {@code database} (the migrated schema, empty) for {@code seed} and returns what the checks need to know
     * about it. Called once per seed and contract class; checks that change the data put it back.
     */
    protected abstract D prepare(WorkbookDatabase database, long seed) throws Exception;

    /** The checks, in the order they run. The first that fails is the verdict. */
    protected abstract List<Check<D>> checks();

    /** The seeds to check with: {@link #DEFAULT_SEEDS}, or what {@code -Dexercise.seed} says. */
    protected List<Long> seeds() {
        String chosen = System.getProperty("exercise.seed", "").trim();
        if (chosen.isEmpty()) {
            return DEFAULT_SEEDS;
        }
        return Arrays.stream(chosen.split("[,\\s]+")).map(Long::valueOf).toList();
    }

    /**
     * Whether the data differs from seed to seed. A contract whose checks do not depend on generated data (a
     * configuration, say) answers false: it runs on one seed, and its failures do not mention seeds.
     */
    protected boolean dataVariesBySeed() {
        return true;
    }

    /**
     * Whether the known answers may be judged two at a time. Only for a contract whose checks share nothing of a
     * seed's database (its statement recorder above all) and spend their time waiting (a child JVM, a sleep on the
     * server): the default build then waits half as long.
     */
    protected boolean knownAnswersInParallel() {
        return false;
    }

    /**
     * Called with every known answer before any is judged: for a contract whose check is costly per answer and
     * cheaper for many at once (a JVM of its own for each, say), to do that work for all of them in one go and keep
     * the outcomes for its checks. The learner's answer is judged without it.
     */
    protected void beforeKnownAnswers(Workbook workbook, List<Answer> answers) throws Exception {
    }

    /**
     * How many known answers are judged at once when {@link #knownAnswersInParallel} says so: two, or more for a
     * contract whose checks hardly use a core (they wait on locks and timeouts) and whose pools are small.
     */
    protected int knownAnswersAtOnce() {
        return 2;
    }

    /** The size of the pool each seed's database gets. */
    protected int poolSize() {
        return 4;
    }

    /** The exercise this contract checks. */
    protected final Exercise exercise() {
        return exercise;
    }

    /** A check: a name for the reader of the contract, and the body that throws when the answer does not pass. */
    public record Check<D>(String name, Body<D> body) {
    }

    /** The body of a check. It fails with an {@link AssertionError} (see {@link Expect}) whose message teaches. */
    @FunctionalInterface
    public interface Body<D> {
        void run(Trial<D> trial) throws Exception;
    }

    protected static <D> Check<D> check(String name, Body<D> body) {
        return new Check<>(name, body);
    }

    /** One answer on one seed's data: what a check works with. */
    public static final class Trial<D> {

        private final Answer answer;
        private final long seed;
        private final SeedDatabase<D> database;

        Trial(Answer answer, long seed, SeedDatabase<D> database) {
            this.answer = answer;
            this.seed = seed;
            this.database = database;
        }

        public Answer answer() {
            return answer;
        }

        public long seed() {
            return seed;
        }

        /** What {@link #prepare} returned for this seed. */
        public D data() {
            return database.data();
        }

        public WorkbookDatabase database() {
            return database.database();
        }

        /** The seed database's pool, through the statement recorder (reset before every check). */
        public DataSource dataSource() {
            return database.recorded();
        }

        /** The same pool, not recorded. */
        public HikariDataSource pool() {
            return database.pool();
        }

        public StatementRecorder recorder() {
            return database.recorder();
        }

        /**
         * Something every answer can share on this seed's database (a MyBatis factory of the chapter's own mappers,
         * say), made once by {@code maker}. Never for what depends on the answer: see {@link #ofThisAnswer}.
         */
        public <T> T shared(Class<T> type, Supplier<T> maker) {
            return type.cast(database.shared().computeIfAbsent(type, key -> maker.get()));
        }

        /**
         * Something made from this answer for this seed's database (a MyBatis factory with the answer's mapper, say),
         * made once by {@code maker} and kept for the answer's other checks on this seed.
         */
        public <T> T ofThisAnswer(Class<T> type, Supplier<T> maker) {
            return type.cast(database.shared().computeIfAbsent(new AnswerKey(answer, type), key -> maker.get()));
        }
    }

    private record AnswerKey(Answer answer, Class<?> type) {
    }

    record SeedDatabase<D>(WorkbookDatabase database, HikariDataSource pool, StatementRecorder recorder,
                           DataSource recorded, D data, Map<Object, Object> shared) {
    }

    /** The learner's files. */
    @Test
    @Tag("your-answer")
    @DisplayName("your answer")
    protected void yourAnswer(Workbook workbook, ExerciseBoard board) {
        this.workbook = workbook;
        Verdict verdict = judge(Answer.yours(exercise, moduleDirectory(), workDirectory()));
        board.record(exercise, verdict, moduleDirectory());
        if (verdict.isSolved()) {
            return;
        }
        if (verdict.status() == Verdict.Status.NOT_CHECKED || ExerciseBoard.isConsoleBoard()) {
            // On the console board every verdict is shown there, so the test run itself stays quiet.
            throw new TestAbortedException(verdict.message());
        }
        throw new AssertionFailedError(verdict.message());
    }

    /** The reference solution, the other correct answers, and the wrong answers with the failure each must cause. */
    @TestFactory
    @Tag("known-answers")
    @DisplayName("known answers:")
    protected Stream<DynamicTest> knownAnswers(Workbook workbook) {
        this.workbook = workbook;
        List<Answer> answers = new ArrayList<>();
        try {
            Files.deleteIfExists(workDirectory().resolve("verdicts.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        answers.addAll(answersIn(moduleDirectory().resolve("src/solutions").resolve(exercise.id()), Answer.Kind.CORRECT));
        answers.addAll(answersIn(moduleDirectory().resolve("src/test/wrong-answers").resolve(exercise.id()),
                Answer.Kind.WRONG));
        try {
            beforeKnownAnswers(workbook, List.copyOf(answers));
        } catch (Exception e) {
            throw new IllegalStateException("Could not prepare the known answers of exercise " + exercise.id() + ": "
                    + e.getMessage(), e);
        }
        Map<Answer, List<Long>> seeds = new LinkedHashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            seeds.put(answers.get(i), seedsFor(answers.get(i), i));
        }
        Map<Answer, CompletableFuture<Verdict>> verdicts = new LinkedHashMap<>();
        if (knownAnswersInParallel()) {
            ExecutorService judges = Executors.newFixedThreadPool(knownAnswersAtOnce());
            answers.forEach(answer -> verdicts.put(answer,
                    CompletableFuture.supplyAsync(() -> judge(answer, seeds.get(answer)), judges)));
            judges.shutdown();
        }
        return answers.stream().map(answer -> DynamicTest.dynamicTest(answer.toString(), () -> expect(answer,
                verdicts.containsKey(answer) ? verdicts.get(answer).join() : judge(answer, seeds.get(answer)))));
    }

    private void expect(Answer answer, Verdict verdict) {
        keepForTheReader(answer, verdict);
        String id = "Exercise " + exercise.id() + ":";
        switch (verdict.status()) {
            case NOT_CHECKED -> throw new TestAbortedException(verdict.message());
            case SOLVED -> {
                if (answer.kind() == Answer.Kind.WRONG) {
                    throw new AssertionFailedError(answer + " passed every check: the contract does not catch it.");
                }
            }
            default -> {
                if (answer.kind() == Answer.Kind.CORRECT) {
                    throw new AssertionFailedError(answer + " must pass, but failed:\n" + verdict.message());
                }
                String expected = answer.expectedFailure().orElseThrow(() -> new AssertionFailedError(answer
                        + " must say in its header what it must fail with ('Expected failure: ...')"));
                // "A | B": either, for a failure that the server's version words one way or another.
                if (!verdict.message().startsWith(id)
                        || Arrays.stream(expected.split(" \\| ")).noneMatch(verdict.message()::contains)) {
                    throw new AssertionFailedError(answer + " fails, but not with the message it must fail with.\n"
                            + "Expected a message starting with '" + id + "' and containing: " + expected
                            + "\nIt failed with:\n" + verdict.message());
                }
            }
        }
    }

    /**
     * Appends each known answer's verdict to {@code target/exercise-answers/<id>/verdicts.txt}: what each wrong
     * answer is told, for whoever reviews the contract (the console stays quiet).
     */
    private void keepForTheReader(Answer answer, Verdict verdict) {
        try {
            Path file = workDirectory().resolve("verdicts.txt");
            Files.createDirectories(file.getParent());
            String text = "== " + answer + ": " + verdict.status().label() + System.lineSeparator()
                    + (verdict.isSolved() ? "" : verdict.message() + System.lineSeparator());
            Files.writeString(file, text, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs every check on every seed; the first failure is the verdict. */
    Verdict judge(Answer answer) {
        return judge(answer, dataVariesBySeed() ? seeds() : seeds().subList(0, 1));
    }

    /**
     * The seeds a known answer is checked on. The reference solution, the wrong answers and the learner's file: all
     * of them. Each other correct answer: one, in turn, so that every seed is still covered by some correct answer and
     * the default build stays quick; {@code -Dexercise.thorough=true} checks every known answer on every seed.
     */
    private List<Long> seedsFor(Answer answer, int index) {
        List<Long> all = dataVariesBySeed() ? seeds() : seeds().subList(0, 1);
        boolean oneSeed = answer.kind() == Answer.Kind.CORRECT && !answer.name().equals("reference")
                && !Boolean.getBoolean("exercise.thorough") && System.getProperty("exercise.seed", "").isBlank();
        return oneSeed ? List.of(all.get(index % all.size())) : all;
    }

    private Verdict judge(Answer answer, List<Long> seeds) {
        List<Check<D>> checks = checks();
        for (long seed : seeds) {
            SeedDatabase<D> database = database(seed);
            for (Check<D> check : checks) {
                database.recorder().reset();
                try {
                    check.body().run(new Trial<>(answer, seed, database));
                } catch (BrokenAnswer e) {
                    return verdict(Verdict.Status.BROKEN, e.getMessage(), null);
                } catch (TestAbortedException e) {
                    return verdict(Verdict.Status.NOT_CHECKED, e.getMessage(), null);
                } catch (AssertionError e) {
                    return verdict(Verdict.Status.UNSOLVED, e.getMessage(), dataVariesBySeed() ? seed : null);
                } catch (Throwable e) {
                    return verdict(Verdict.Status.UNSOLVED, thrown(e, answer), dataVariesBySeed() ? seed : null);
                }
            }
        }
        return Verdict.solved();
    }

    private Verdict verdict(Verdict.Status status, String message, Long seed) {
        String prefix = "Exercise " + exercise.id() + ":";
        if (status == Verdict.Status.NOT_CHECKED) {
            return new Verdict(status, prefix + " not checked on this server: "
                    + String.valueOf(message).replaceFirst("^Assumption failed: ", ""));
        }
        StringBuilder text = new StringBuilder(message.startsWith(prefix) ? message : prefix + " " + message);
        if (seed != null) {
            text.append(System.lineSeparator()).append("  (Found with the data of seed ").append(seed)
                    .append(". To check with that data only: -Dexercise.seed=").append(seed).append(")");
        }
        text.append(System.lineSeparator()).append("Hint: ").append(exercise.hint());
        return new Verdict(status, text.toString());
    }

    /** What the answer's code threw, and where in the answer's files. */
    static String thrown(Throwable thrown, Answer answer) {
        Throwable unwrapped = thrown;
        while ((unwrapped instanceof AnswerThrew || unwrapped instanceof InvocationTargetException
                || unwrapped instanceof UndeclaredThrowableException) && unwrapped.getCause() != null) {
            unwrapped = unwrapped.getCause();
        }
        Throwable t = unwrapped;
        // Where in the answer's files (in the exception or one of its causes: MyBatis wraps what a plugin throws);
        // else where it surfaced (a library, or the contract using the result).
        String where = Stream.iterate(t, c -> c != null, Throwable::getCause)
                .flatMap(c -> Arrays.stream(c.getStackTrace()))
                .filter(frame -> frame.getFileName() != null && answer.fileNames().contains(frame.getFileName()))
                .findFirst()
                .or(() -> Arrays.stream(t.getStackTrace()).findFirst())
                .map(frame -> " at " + frame.getFileName() + ":" + frame.getLineNumber()).orElse("");
        if (t instanceof PersistenceException) {
            String cause = mybatisCause(t);
            return "MyBatis failed" + where + ": " + cause + (cause.contains("Executor was closed")
                    ? " (the answer went to the database after its session was closed: something loaded later, "
                            + "when the result was used?)" : "");
        }
        return "the answer threw " + t.getClass().getSimpleName() + where
                + (t.getMessage() == null ? "" : ": " + t.getMessage().lines().findFirst().orElse(""));
    }

    /** The database's own message and the SQL it was about, from MyBatis' many-line report. */
    private static String mybatisCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String sql = Optional.ofNullable(e.getMessage()).flatMap(m -> m.lines()
                .filter(line -> line.startsWith("### SQL:")).findFirst()).map(line -> System.lineSeparator()
                + "  " + line.replaceFirst("^### ", "")).orElse("");
        return root.getClass().getSimpleName() + ": " + String.valueOf(root.getMessage()).lines().findFirst()
                .orElse("") + sql;
    }

    private synchronized SeedDatabase<D> database(long seed) {
        SeedDatabase<D> existing = databases.get(seed);
        if (existing != null) {
            return existing;
        }
        WorkbookDatabase database = workbook.createDatabase("exercise-" + exercise.id() + "-seed-" + seed);
        try {
            HikariDataSource pool = database.pooledDataSource("exercise-" + exercise.id() + "-" + seed, poolSize());
            D data = prepare(database, seed);
            StatementRecorder recorder = new StatementRecorder();
            SeedDatabase<D> created = new SeedDatabase<>(database, pool, recorder, recorder.record(pool), data,
                    new ConcurrentHashMap<>());
            databases.put(seed, created);
            return created;
        } catch (Exception e) {
            database.close();
            throw new IllegalStateException("Could not prepare the data of seed " + seed + " for exercise "
                    + exercise.id() + ": " + e.getMessage(), e);
        }
    }

    @AfterAll
    protected void dropDatabases() {
        databases.values().forEach(db -> db.database().close());
        databases.clear();
    }

    private List<Answer> answersIn(Path folder, Answer.Kind kind) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(Files::isDirectory).sorted()
                    .map(answerFolder -> Answer.known(answerFolder, kind, workDirectory())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chapter's folder: Surefire says it; from an IDE, it is found from where the contract's classes are. */
    private Path moduleDirectory() {
        String configured = System.getProperty("workbook.module.dir", "");
        if (!configured.isBlank()) {
            return Path.of(configured);
        }
        try {
            // <chapter>/target/test-classes
            return Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI()).getParent()
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path workDirectory() {
        return moduleDirectory().resolve("target/exercise-answers").resolve(exercise.id());
    }

    private static Exercise exerciseOf(Class<?> type) {
        Exercise exercise = type.getAnnotation(Exercise.class);
        if (exercise == null) {
            throw new IllegalStateException(type + " needs @Exercise: which exercise does it check?");
        }
        return exercise;
    }
}
