package dbworkbook.common.junit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the tests in a JVM of its own, with the tests' class path, and returns what it printed. For
 * what only a fresh JVM shows as it is: a logging configuration applied at start-up, a small heap.
 */
public final class ChildJvm {

    /** What the JVM printed (standard output and error, interleaved as they came) and how it ended. */
    public record Result(int exitCode, List<String> lines) {

        public String lastLines(int n) {
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - n), lines.size()));
        }
    }

    private ChildJvm() {
    }

    /**
     * @param jvmOptions e.g. {@code -Xmx64m}, {@code -Dname=value}
     * @param environment added to this JVM's environment (for secrets: never on a command line)
     */
    public static Result run(Class<?> mainClass, List<String> jvmOptions, List<String> arguments,
                             Map<String, String> environment, long timeoutSeconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Short-lived: the JIT's first tier and the serial collector start fastest.
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", testClassPath(), mainClass.getName()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(mainClass.getSimpleName() + " did not finish within " + timeoutSeconds + " s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8).lines().toList());
    }

    /** The class path of the running tests: Surefire says it in a property of its own, an IDE in java.class.path. */
    public static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
