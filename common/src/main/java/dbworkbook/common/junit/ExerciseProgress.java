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

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        board(context).markFailed(exercise(context));
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

        synchronized void register(Exercise exercise) {
            exercises.put(exercise.number(), exercise);
            solved.putIfAbsent(exercise.number(), true);
        }

        synchronized void markFailed(Exercise exercise) {
            exercises.put(exercise.number(), exercise);
            solved.put(exercise.number(), false);
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
                out.printf("  [%s] Exercise %d: %s%n", ok ? "x" : " ", number, exercise.title());
                if (!ok) {
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
