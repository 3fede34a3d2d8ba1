package dbworkbook.common.exercise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One answer to an exercise: a set of files that stand where the exercise's files stand. It is the learner's own
 * files, or a known answer kept with the contract: a correct one ({@code src/solutions/<id>/<name>/}, the reference
 * solution among them) or a wrong one ({@code src/test/wrong-answers/<id>/<name>/}) whose header says which failure
 * it must produce ({@code Expected failure: ...}). Every kind goes through the same checks the same way: Java is
 * compiled and loaded, XML and SQL are read from the file, as the library would read them.
 */
public final class Answer {

    /** Where an answer comes from, and so what it must do. */
    public enum Kind {
        /** The learner's files: whatever they do is the verdict. */
        YOURS,
        /** A known correct answer: must pass every check. */
        CORRECT,
        /** A known wrong answer: must fail, with the message its header names. */
        WRONG
    }

    private static final Pattern EXPECTED_FAILURE = Pattern.compile("Expected failure:\\s*(.+?)\\s*(?:-->|\\*/)?\\s*$",
            Pattern.MULTILINE);

    private final String name;
    private final Kind kind;
    private final Map<String, Path> files;
    private final Path workDirectory;
    private JavaAnswerClasses classes;

    private Answer(String name, Kind kind, Map<String, Path> files, Path workDirectory) {
        this.name = name;
        this.kind = kind;
        this.files = files;
        this.workDirectory = workDirectory;
    }

    /** The learner's files of an exercise, found in the chapter's folder. */
    static Answer yours(Exercise exercise, Path moduleDirectory, Path workDirectory) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (String file : exercise.files()) {
            Path path = moduleDirectory.resolve(file);
            files.put(path.getFileName().toString(), path);
        }
        return new Answer("your answer", Kind.YOURS, files, workDirectory);
    }

    /** A known answer: the files of one folder, named like the exercise's files. */
    static Answer known(Path folder, Kind kind, Path workDirectory) {
        Map<String, Path> files = new LinkedHashMap<>();
        try (Stream<Path> listing = Files.list(folder)) {
            listing.filter(Files::isRegularFile).sorted()
                    .forEach(path -> files.put(path.getFileName().toString(), path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Answer(folder.getFileName().toString(), kind, files, workDirectory);
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** The file called {@code fileName} (e.g. {@code BatchCarLoader.java}) of this answer. */
    public Path file(String fileName) {
        Path path = files.get(fileName);
        if (path == null) {
            throw new IllegalStateException(this + " has no file " + fileName + ": it has " + files.keySet());
        }
        if (!Files.isRegularFile(path)) {
            throw new BrokenAnswer("The file " + path + " is missing. Put it back: ./mvnw -q -Preset -Dexercise=...");
        }
        return path;
    }

    /** The content of the file called {@code fileName}. */
    public String text(String fileName) {
        try {
            return Files.readString(file(fileName), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BrokenAnswer("Could not read " + file(fileName) + ": " + e.getMessage(), e);
        }
    }

    /**
     * A new instance of the answer's class {@code className}, as {@code type}: the answer's Java files are compiled
     * (once per answer) and loaded. A compile error makes the answer {@link BrokenAnswer broken}.
     */
    public <T> T newInstance(String className, Class<T> type, Object... constructorArguments) {
        return classes().newInstance(className, type, constructorArguments);
    }

    /** The answer's class {@code className}, compiled and loaded. */
    public Class<?> loadClass(String className) {
        return classes().load(className);
    }

    /**
     * The folder of the answer's compiled classes, for a JVM of its own to run them in
     * ({@code dbworkbook.common.ChildJvm}, with this folder first on its class path). Compiled once per answer; a
     * compile error makes the answer {@link BrokenAnswer broken}.
     */
    public Path compiledClasses() {
        return classes().output();
    }

    private synchronized JavaAnswerClasses classes() {
        if (classes == null) {
            List<Path> sources = files.values().stream().filter(p -> p.toString().endsWith(".java")).toList();
            classes = JavaAnswerClasses.compile(sources, workDirectory.resolve(name.replaceAll("[^A-Za-z0-9.-]", "-")));
        }
        return classes;
    }

    /** For a wrong answer: the text its failure must contain, from its header's {@code Expected failure:} line. */
    Optional<String> expectedFailure() {
        for (Path path : files.values()) {
            try {
                Matcher matcher = EXPECTED_FAILURE.matcher(Files.readString(path, StandardCharsets.UTF_8));
                if (matcher.find()) {
                    return Optional.of(matcher.group(1).trim());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.empty();
    }

    /** The file names this answer's code may show up as in a stack trace. */
    List<String> fileNames() {
        return List.copyOf(files.keySet());
    }

    @Override
    public String toString() {
        return switch (kind) {
            case YOURS -> "your answer";
            case CORRECT -> "correct answer '" + name + "'";
            case WRONG -> "wrong answer '" + name + "'";
        };
    }
}
