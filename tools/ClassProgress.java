import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A class's progress at a glance: {@code java tools/ClassProgress.java handed-in/*.json} reads the learners'
 * {@code exercise-progress.json} files and prints one row per learner (the name they put in, else the file name)
 * and one column per exercise: x solved, . not solved, ! broken, - not checked on their server.
 *
 * <p>A single-file program with no library: it reads only the few fields it needs.
 */
public final class ClassProgress {

    private static final Pattern LEARNER = Pattern.compile("\"learner\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern EXERCISE = Pattern.compile(
            "\"id\"\\s*:\\s*\"([0-9.]+)\"[^}]*?\"status\"\\s*:\\s*\"([a-z-]+)\"");

    private ClassProgress() {
    }

    private record Learner(String name, List<String[]> exercises) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.out.println("Usage: java tools/ClassProgress.java <exercise-progress.json files...>");
            return;
        }
        List<Learner> learners = new ArrayList<>();
        TreeSet<String> ids = new TreeSet<>(ClassProgress::byNumber);
        for (String file : args) {
            String json = Files.readString(Path.of(file));
            Matcher name = LEARNER.matcher(json);
            List<String[]> exercises = new ArrayList<>();
            Matcher exercise = EXERCISE.matcher(json);
            while (exercise.find()) {
                exercises.add(new String[] {exercise.group(1), exercise.group(2)});
                ids.add(exercise.group(1));
            }
            learners.add(new Learner(name.find() ? name.group(1) : Path.of(file).getFileName().toString(), exercises));
        }
        int width = learners.stream().mapToInt(l -> l.name().length()).max().orElse(7);
        StringBuilder header = new StringBuilder(String.format("%-" + width + "s ", "learner"));
        ids.forEach(id -> header.append(String.format(" %4s", id)));
        System.out.println(header.append("  solved"));
        for (Learner learner : learners) {
            StringBuilder row = new StringBuilder(String.format("%-" + width + "s ", learner.name()));
            int solved = 0;
            for (String id : ids) {
                String status = learner.exercises().stream().filter(e -> e[0].equals(id)).map(e -> e[1])
                        .findFirst().orElse("");
                solved += status.equals("solved") ? 1 : 0;
                row.append(String.format(" %4s", switch (status) {
                    case "solved" -> "x";
                    case "broken" -> "!";
                    case "not-checked" -> "-";
                    case "" -> " ";
                    default -> ".";
                }));
            }
            System.out.println(row.append(String.format("  %d/%d", solved, ids.size())));
        }
    }

    private static int byNumber(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int chapter = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return chapter != 0 ? chapter : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }
}
