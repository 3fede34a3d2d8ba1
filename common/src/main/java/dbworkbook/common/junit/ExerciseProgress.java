package dbworkbook.common.junit;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Keeps score of the {@link Exercise} classes of one test run and prints the progress when the run ends, like
 * rustlings does: how many are solved, and for each one not solved, the file to edit.
 */
public final class ExerciseProgress implements TestWatcher, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ExerciseProgress.class);

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        board(context).markFailed(exercise(context));
    }

    /** A test skipped by an assumption (e.g. the server lacks pg_stat_statements): the exercise cannot be checked here. */
    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        String reason = cause.getMessage() == null ? "skipped" : cause.getMessage().replaceFirst("^Assumption failed: ", "");
        board(context).markUncheckable(exercise(context), reason);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Exercise exercise = exercise(context);
        Board board = board(context);
        board.register(exercise);
        if (context.getExecutionException().isPresent()) { // e.g. the class's database could not be set up
            board.markFailed(exercise);
        }
    }

    private static Exercise exercise(ExtensionContext context) {
        return context.getRequiredTestClass().getAnnotation(Exercise.class);
    }

    private static Board board(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Board.class, key -> new Board(), Board.class);
    }

    /** Closed by JUnit when the run ends: that is when the score is final and printed. */
    static final class Board implements AutoCloseable {

        private final Map<Integer, Exercise> exercises = new TreeMap<>();
        private final Map<Integer, Boolean> solved = new TreeMap<>();
        /** Why an exercise could not be checked on this run, if it could not (and did not fail otherwise). */
        private final Map<Integer, String> uncheckable = new TreeMap<>();

        synchronized void register(Exercise exercise) {
            exercises.put(exercise.number(), exercise);
            solved.putIfAbsent(exercise.number(), true);
        }

        synchronized void markFailed(Exercise exercise) {
            exercises.put(exercise.number(), exercise);
            solved.put(exercise.number(), false);
            uncheckable.remove(exercise.number());
        }

        synchronized void markUncheckable(Exercise exercise, String reason) {
            exercises.put(exercise.number(), exercise);
            if (solved.getOrDefault(exercise.number(), true)) {
                solved.put(exercise.number(), false);
                uncheckable.put(exercise.number(), reason);
            }
        }

        @Override
        public synchronized void close() {
            PrintStream out = System.out;
            long done = solved.values().stream().filter(s -> s).count();
            String chapter = System.getProperty("workbook.chapter", "exercises");
            out.println();
            out.println("==================================================================");
            out.printf("%s: %d of %d exercises solved%n", chapter, done, exercises.size());
            exercises.forEach((number, exercise) -> {
                boolean ok = solved.get(number);
                String reason = uncheckable.get(number);
                out.printf("  [%s] Exercise %d: %s%n", ok ? "x" : reason != null ? "-" : " ", number, exercise.title());
                if (reason != null) {
                    out.printf("        not checked on this server: %s%n", reason);
                } else if (!ok) {
                    out.printf("        edit %s/%s%n", chapter, exercise.file());
                }
            });
            out.println(done == exercises.size()
                    ? "All solved. Compare with the reference solutions in the chapter's solutions folders."
                    : "Read the failure above the first unchecked box: it says what is wrong and gives a hint.");
            out.println("==================================================================");
        }
    }
}
