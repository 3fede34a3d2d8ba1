import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Puts the files of one exercise back as they were, or those of every exercise:
 * {@code ./mvnw -q -Preset -Dexercise=1.2} or {@code -Dexercise=all}. Run by the parent pom's reset profile as a
 * single-file program ({@code java ResetExercise.java}), so it needs nothing built first.
 *
 * <p>An exercise's files are the files under a chapter's {@code src/main/.../exercises} folders whose header names it
 * ({@code EXERCISE 1.2:}). They are restored from git, as they are in the last commit.
 */
public final class ResetExercise {

    private static final Pattern HEADER = Pattern.compile("EXERCISE (\\d+\\.\\d+):");
    /** The exit status for "nothing done, see the message": the reset profile takes it as an answer, not a crash. */
    private static final int USAGE = 2;

    private ResetExercise() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String wanted = args.length == 0 ? "" : args[0].trim();
        Path root = Path.of("").toAbsolutePath();
        List<Path> all = exerciseFiles(root);
        TreeSet<String> ids = new TreeSet<>();
        List<Path> chosen = new ArrayList<>();
        for (Path file : all) {
            String id = idOf(file);
            ids.add(id);
            if (wanted.equals("all") || wanted.equals(id)) {
                chosen.add(file);
            }
        }
        if (wanted.isEmpty() || chosen.isEmpty()) {
            System.out.println((wanted.isEmpty() ? "Which exercise?" : "There is no exercise " + wanted + ".")
                    + " Say it with -Dexercise=..., one of " + String.join(", ", ids) + ", or all.");
            System.exit(USAGE);
        }
        if (quietly(root, "git", "rev-parse", "--is-inside-work-tree") != 0) {
            System.out.println("The workbook is not a git clone here, so the original files are not at hand: clone it "
                    + "(git clone ...) or download it again, and copy the exercise's files from there.");
            System.exit(USAGE);
        }
        List<String> command = new ArrayList<>(List.of("git", "checkout", "HEAD", "--"));
        chosen.forEach(file -> command.add(root.relativize(file).toString()));
        if (run(root, command.toArray(String[]::new)) != 0) {
            System.out.println("git could not restore the files (see above).");
            System.exit(USAGE);
        }
        System.out.println((wanted.equals("all") ? "Every exercise is" : "Exercise " + wanted + " is")
                + " back as it was in your last commit:");
        chosen.forEach(file -> System.out.println("  " + root.relativize(file)));
    }

    /** The files the learner edits: everything in the chapters' exercises folders. */
    private static List<Path> exerciseFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> chapters = Files.list(root)) {
            for (Path chapter : chapters.filter(Files::isDirectory).sorted().toList()) {
                Path main = chapter.resolve("src/main");
                if (!Files.isDirectory(main)) {
                    continue;
                }
                try (Stream<Path> walk = Files.walk(main)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> p.getParent().getFileName().toString().equals("exercises"))
                            .sorted().forEach(files::add);
                }
            }
        }
        return files;
    }

    private static String idOf(Path file) throws IOException {
        Matcher matcher = HEADER.matcher(Files.readString(file, StandardCharsets.UTF_8));
        return matcher.find() ? matcher.group(1) : "?";
    }

    private static int run(Path directory, String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start().waitFor();
    }

    /** Runs a command whose output is of no interest; a missing git counts as a failure. */
    private static int quietly(Path directory, String... command) throws InterruptedException {
        try {
            return new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
        } catch (IOException e) {
            return 1;
        }
    }
}
