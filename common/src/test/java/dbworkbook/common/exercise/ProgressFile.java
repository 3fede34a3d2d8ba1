package dbworkbook.common.exercise;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code exercise-progress.json} at the repository's root: for every chapter, each exercise as solved, unsolved,
 * broken or not checked on this server, with the totals. Written by every exercise run, kept by git out of its
 * history ({@code .gitignore}) and by {@code clean} (it is not under {@code target/}). A teacher collects these files.
 *
 * <p>The learner's name is in it only if they put it there themselves: {@code -Dworkbook.learner="Ada Lovelace"}
 * or the environment variable {@code WORKBOOK_LEARNER}. Nothing else about the machine or the person is written.
 */
final class ProgressFile {

    static final String FILE_NAME = "exercise-progress.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    private final Path path;
    private Progress progress;

    /** The whole file. */
    record Progress(String learner, String updated, Totals totals, Map<String, Chapter> chapters) {
    }

    /** One chapter as its last exercise run left it. */
    record Chapter(String checked, String run, List<Entry> exercises) {
    }

    /** One exercise: its status ({@code solved}, {@code unsolved}, {@code broken}, {@code not-checked}). */
    record Entry(String id, String title, String status, String message) {
    }

    /** Counts of exercises by status. */
    record Totals(int exercises, int solved, int unsolved, int broken, int notChecked) {

        static Totals of(Collection<Entry> entries) {
            return new Totals(entries.size(), count(entries, "solved"), count(entries, "unsolved"),
                    count(entries, "broken"), count(entries, "not-checked"));
        }

        private static int count(Collection<Entry> entries, String status) {
            return (int) entries.stream().filter(e -> e.status().equals(status)).count();
        }

        /** ", 1 broken, 2 not checked on this server", or nothing. */
        String describeTheRest() {
            List<String> parts = new ArrayList<>();
            if (broken > 0) {
                parts.add(broken + " broken");
            }
            if (notChecked > 0) {
                parts.add(notChecked + " not checked on this server");
            }
            return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
        }
    }

    private ProgressFile(Path path, Progress progress) {
        this.path = path;
        this.progress = progress;
    }

    static ProgressFile at(Path rootDirectory) {
        Path path = rootDirectory.resolve(FILE_NAME);
        Progress read = null;
        if (Files.isRegularFile(path)) {
            try {
                read = JSON.readValue(path.toFile(), Progress.class);
            } catch (IOException e) {
                // A file damaged by hand: start a new one rather than fail the learner's run.
                read = null;
            }
        }
        return new ProgressFile(path, read == null ? new Progress(null, null, null, new TreeMap<>()) : read);
    }

    Path path() {
        return path;
    }

    /** The status each exercise of {@code chapter} had in the file before this run. */
    Map<String, Verdict.Status> statuses(String chapter) {
        Map<String, Verdict.Status> statuses = new LinkedHashMap<>();
        Chapter known = chapters().get(chapter);
        if (known != null && known.exercises() != null) {
            known.exercises().forEach(e -> statuses.put(e.id(), status(e.status())));
        }
        return statuses;
    }

    void update(String chapter, String run, Collection<ExerciseBoard.Entry> entries) {
        List<Entry> exercises = new ArrayList<>();
        for (ExerciseBoard.Entry entry : entries) {
            Verdict verdict = entry.verdict();
            exercises.add(new Entry(entry.exercise().id(), entry.exercise().title(), name(verdict.status()),
                    verdict.isSolved() ? null : verdict.message().lines().findFirst().orElse("")));
        }
        Map<String, Chapter> chapters = new TreeMap<>(chapters());
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        chapters.put(chapter, new Chapter(now, run, exercises));
        List<Entry> all = chapters.values().stream().flatMap(c -> c.exercises().stream()).toList();
        String learner = learner();
        progress = new Progress(learner != null ? learner : progress.learner(), now, Totals.of(all), chapters);
    }

    /** The totals of the chapters that this run checked. */
    Totals totalsOfRun(List<String> chapters, String run) {
        List<Entry> entries = new ArrayList<>();
        for (String name : chapters) {
            Chapter chapter = chapters().get(name);
            if (chapter != null && chapter.run().equals(run)) {
                entries.addAll(chapter.exercises());
            } else {
                // Its tests did not get to run: count it as one exercise not solved, so the run cannot pass.
                entries.add(new Entry(name, name, "unsolved", "not checked in this run"));
            }
        }
        return Totals.of(entries);
    }

    void write() {
        Path lock = path.resolveSibling("." + FILE_NAME + ".lock");
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            Path temporary = path.resolveSibling(FILE_NAME + ".tmp");
            JSON.writeValue(temporary.toFile(), progress);
            Files.move(temporary, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the progress file " + path, e);
        }
    }

    private Map<String, Chapter> chapters() {
        return progress.chapters() == null ? Map.of() : progress.chapters();
    }

    private static String learner() {
        String name = System.getProperty("workbook.learner", "");
        if (name.isBlank()) {
            name = System.getenv().getOrDefault("WORKBOOK_LEARNER", "");
        }
        return name.isBlank() ? null : name.trim();
    }

    private static String name(Verdict.Status status) {
        return switch (status) {
            case SOLVED -> "solved";
            case UNSOLVED -> "unsolved";
            case BROKEN -> "broken";
            case NOT_CHECKED -> "not-checked";
        };
    }

    private static Verdict.Status status(String name) {
        return switch (name) {
            case "solved" -> Verdict.Status.SOLVED;
            case "broken" -> Verdict.Status.BROKEN;
            case "not-checked" -> Verdict.Status.NOT_CHECKED;
            default -> Verdict.Status.UNSOLVED;
        };
    }
}
