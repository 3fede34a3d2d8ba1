package dbworkbook.common.junit;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints why a test was skipped, on the console, as it happens. Maven's summary counts skipped tests but keeps their
 * reasons in the XML reports; a test skipped because your server lacks a feature (pg_stat_statements, say) should
 * say so where you read. Registered for every chapter's tests by the test kit
 * ({@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}).
 */
public final class SkipReasonPrinter implements TestExecutionListener {

    /** Reasons already printed, per test class: a reason shared by many tests of a class is said once. */
    private final Set<String> printed = ConcurrentHashMap.newKeySet();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        print(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            print(test, result.getThrowable().map(Throwable::getMessage).orElse("skipped"));
        }
    }

    private void print(TestIdentifier test, String reason) {
        // The exercise board reports the exercises' own verdicts; this is for the lessons' tests.
        if (test.getTags().contains(TestTag.create("your-answer"))) {
            return;
        }
        String text = Optional.ofNullable(reason).orElse("skipped").replaceFirst("^Assumption failed: ", "");
        String line = text.lines().findFirst().orElse(text);
        String name = name(test);
        if (printed.add(name.replaceFirst("\\..*$", "") + ": " + line)) {
            System.out.println("SKIPPED " + name + ": " + line);
        }
    }

    private static String name(TestIdentifier test) {
        return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(method -> method.getClassName().substring(method.getClassName().lastIndexOf('.') + 1) + "."
                        + method.getMethodName())
                .orElse(test.getDisplayName());
    }
}
