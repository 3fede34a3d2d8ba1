package dbworkbook.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a main class in a JVM of its own, with this JVM's class path, and returns what it printed. For what only a
 * fresh JVM shows as it is: a logging configuration applied at start-up, a small heap, the heap one piece of work
 * needs.
 */
public final class ChildJvm {

    /** Short-lived: the JIT's first tier and the serial collector start fastest. */
    private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xshare:auto");

    /** What the JVM printed (standard output and error, interleaved as they came) and how it ended. */
    public record Result(int exitCode, List<String> lines) {

        public String lastLines(int n) {
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - n), lines.size()));
        }
    }

    private ChildJvm() {
    }

    /**
     * A short-lived JVM (see {@link #QUICK_START}) with this JVM's class path.
     *
     * @param jvmOptions e.g. {@code -Xmx64m}, {@code -Dname=value}
     * @param environment added to this JVM's environment (for secrets: never on a command line)
     */
    public static Result run(Class<?> mainClass, List<String> jvmOptions, List<String> arguments,
                             Map<String, String> environment, long timeoutSeconds) throws IOException, InterruptedException {
        return runWithOwnOptions(mainClass, Stream.concat(QUICK_START.stream(), jvmOptions.stream()).toList(),
                arguments, environment, timeoutSeconds);
    }

    /** The same, with exactly {@code jvmOptions}: no quick-start flags (for what is timed, say). */
    public static Result runWithOwnOptions(Class<?> mainClass, List<String> jvmOptions, List<String> arguments,
                                           Map<String, String> environment, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath(), mainClass.getName()));
        command.addAll(arguments);
        // The output goes to a file rather than a pipe, so that a child that hangs cannot make this JVM wait past
        // the timeout for a stream that never ends.
        Path output = Files.createTempFile("workbook-child-jvm", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(mainClass.getSimpleName() + " did not finish within " + timeoutSeconds
                        + " s");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8).lines().toList());
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /**
     * The class path of this JVM: in a test run, Surefire says it in a property of its own (its JVM's own class path
     * is a booter jar); elsewhere (an IDE, the demo) it is {@code java.class.path}.
     */
    public static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
