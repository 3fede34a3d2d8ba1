package dbworkbook.common.exercise;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The exercises of one chapter, as checked in this test run, printed when the run ends, like rustlings does: what is
 * solved, and for the rest the failure, the hint and the file to edit. It also keeps the progress file at the
 * repository's root ({@link ProgressFile}) and says what changed since the last run.
 *
 * <p>In {@code ./mvnw -Pexercises verify} several chapters run one after the other, each in a JVM of its own. The
 * last chapter of the run (Maven says which chapters the run has) adds the total of the run and, if anything is not
 * solved, leaves a marker file that makes the build fail at its very end (the parent pom's enforcer rule).
 */
public final class ExerciseBoard implements AutoCloseable {

    /** The file whose presence fails the exercises run at its end (see the parent pom). */
    static final String NOT_SOLVED_MARKER = "target/exercises-not-solved.txt";

    private static final String RULE = "=".repeat(78);
    private static final int MESSAGE_LINES = 16;
    private static final int WIDTH = 110;
    private static final Pattern REACTOR_PROJECT = Pattern.compile("MavenProject: [^:]+:([^:]+):\\S+ @ ([^,\\]]+)");

    private final Map<String, Entry> entries = new TreeMap<>(Comparator.comparing(ExerciseBoard::sortKey));
    private Path moduleDirectory;

    record Entry(Exercise exercise, Verdict verdict) {
    }

    /** Whether verdicts go to the console board only ({@code -Pexercises}), not to the test run as failures. */
    static boolean isConsoleBoard() {
        return "console".equals(System.getProperty("workbook.exercises.board"));
    }

    synchronized void record(Exercise exercise, Verdict verdict, Path module) {
        entries.put(exercise.id(), new Entry(exercise, verdict));
        moduleDirectory = module;
    }

    /** JUnit closes the board when the run ends: then its results are final. */
    @Override
    public synchronized void close() {
        if (entries.isEmpty()) {
            return;
        }
        String chapter = System.getProperty("workbook.chapter", moduleDirectory.getFileName().toString());
        ProgressFile progress = ProgressFile.at(rootDirectory());
        Map<String, Verdict.Status> before = progress.statuses(chapter);
        progress.update(chapter, System.getProperty("workbook.run", ""), entries.values());
        progress.write();
        PrintStream out = System.out;
        out.println();
        out.println(RULE);
        long solved = entries.values().stream().filter(e -> e.verdict().isSolved()).count();
        out.printf("Exercises of %s: %d of %d solved%n", chapter, solved, entries.size());
        for (Entry entry : entries.values()) {
            printEntry(out, chapter, entry);
        }
        List<String> newlySolved = entries.values().stream()
                .filter(e -> e.verdict().isSolved() && before.containsKey(e.exercise().id())
                        && before.get(e.exercise().id()) != Verdict.Status.SOLVED)
                .map(e -> "Exercise " + e.exercise().id()).toList();
        if (!newlySolved.isEmpty()) {
            out.println("  Newly solved since the last run: " + String.join(", ", newlySolved) + ".");
        }
        if (solved < entries.size()) {
            out.println("  To start one over: ./mvnw -q -Preset -Dexercise=" + firstNotSolved()
                    + "   (every exercise: -Dexercise=all)");
        }
        out.println(RULE);
        if (isConsoleBoard()) {
            finishTheRun(out, progress, chapter);
        }
    }

    private void printEntry(PrintStream out, String chapter, Entry entry) {
        Exercise exercise = entry.exercise();
        Verdict verdict = entry.verdict();
        String box = switch (verdict.status()) {
            case SOLVED -> "[x]";
            case UNSOLVED -> "[ ]";
            case BROKEN -> "[!]";
            case NOT_CHECKED -> "[-]";
        };
        String state = switch (verdict.status()) {
            case BROKEN -> "   (broken: the file cannot be used as it is)";
            case NOT_CHECKED -> "   (not checked on this server)";
            default -> "";
        };
        out.printf("  %s Exercise %s  %s%s%n", box, exercise.id(), exercise.title(), state);
        if (verdict.isSolved()) {
            return;
        }
        List<String> lines = wrapped(verdict.message());
        lines.subList(0, Math.min(MESSAGE_LINES, lines.size())).forEach(line -> out.println("        " + line));
        if (lines.size() > MESSAGE_LINES) {
            out.println("        ... (the whole message: target/surefire-reports, or run the exercise in your IDE)");
        }
        if (verdict.status() != Verdict.Status.NOT_CHECKED) {
            for (String file : exercise.files()) {
                out.println("        edit " + chapter + "/" + file);
            }
        }
    }

    /** The message's lines, long ones wrapped at a word so that a terminal shows them whole. */
    public static List<String> wrapped(String message) {
        List<String> lines = new ArrayList<>();
        for (String line : message.lines().toList()) {
            String indent = line.replaceAll("^(\\s*).*$", "$1");
            String rest = line;
            while (rest.length() > WIDTH) {
                int cut = rest.lastIndexOf(' ', WIDTH);
                if (cut <= indent.length()) {
                    break;
                }
                lines.add(rest.substring(0, cut));
                rest = indent + "  " + rest.substring(cut + 1);
            }
            lines.add(rest);
        }
        return lines;
    }

    private String firstNotSolved() {
        return entries.values().stream().filter(e -> !e.verdict().isSolved()).findFirst()
                .map(e -> e.exercise().id()).orElse("all");
    }

    /**
     * The last chapter of an exercises run prints the run's total and leaves the marker that fails the build when
     * something is not solved; every other chapter removes a marker an earlier run may have left.
     */
    private void finishTheRun(PrintStream out, ProgressFile progress, String chapter) {
        Path marker = moduleDirectory.resolve(NOT_SOLVED_MARKER);
        try {
            Files.deleteIfExists(marker);
            List<String> chapters = chaptersOfThisRun();
            if (!chapters.isEmpty() && !chapters.get(chapters.size() - 1).equals(chapter)) {
                return;
            }
            ProgressFile.Totals totals = progress.totalsOfRun(chapters.isEmpty() ? List.of(chapter) : chapters,
                    System.getProperty("workbook.run", ""));
            out.printf("Exercises: %d of %d solved%s. Your progress is kept in %s.%n", totals.solved(),
                    totals.exercises(), totals.describeTheRest(), progress.path().getFileName());
            if (totals.solved() < totals.exercises()) {
                Files.createDirectories(marker.getParent());
                Files.writeString(marker, totals.solved() + " of " + totals.exercises() + " solved\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chapters this Maven run checks, in its order, from the reactor list the exercises profile passes in. */
    static List<String> chaptersOfThisRun() {
        List<String> chapters = new ArrayList<>();
        Matcher matcher = REACTOR_PROJECT.matcher(System.getProperty("workbook.reactor", ""));
        while (matcher.find()) {
            Path module = Path.of(matcher.group(2).trim()).getParent();
            boolean hasExercises = module != null && (Files.isDirectory(module.resolve("src/test/wrong-answers"))
                    || Files.isDirectory(module.resolve("src/solutions")));
            if (hasExercises) {
                chapters.add(matcher.group(1));
            }
        }
        return chapters;
    }

    private Path rootDirectory() {
        String configured = System.getProperty("workbook.root.dir", "");
        return configured.isBlank() ? moduleDirectory.toAbsolutePath().getParent() : Path.of(configured);
    }

    /** "1.10" after "1.9": ids sort by their numbers. */
    private static String sortKey(String id) {
        StringBuilder key = new StringBuilder();
        for (String part : id.split("\\.")) {
            key.append(String.format("%05d", Integer.parseInt(part)));
        }
        return key.toString();
    }

    /** Hands each contract the board of the run: one per test JVM, closed (and printed) when the run ends. */
    public static final class Extension implements ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ExerciseBoard.class);

        @Override
        public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
            return parameterContext.getParameter().getType() == ExerciseBoard.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
            return extensionContext.getRoot().getStore(NAMESPACE)
                    .computeIfAbsent(ExerciseBoard.class, key -> new ExerciseBoard(), ExerciseBoard.class);
        }
    }
}
