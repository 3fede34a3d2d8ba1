package dbworkbook.common.exercise;

import java.util.Objects;

/**
 * The assertions of the exercise contracts. They fail with the plain sentence they are given: the contract's
 * runner puts the exercise's id in front of it and the hint behind it, so a learner reads
 * {@code Exercise 1.2: <what is wrong> ... Hint: ...} and nothing else around it.
 */
public final class Expect {

    private Expect() {
    }

    /** Fails with {@code String.format(message, args)} unless {@code condition} holds. */
    public static void that(boolean condition, String message, Object... args) {
        if (!condition) {
            throw failure(message, args);
        }
    }

    /** Fails unless {@code actual} equals {@code expected}: "{what}: expected X, but it was Y. {advice}". */
    public static void equal(Object expected, Object actual, String what, String advice) {
        if (!Objects.equals(expected, actual)) {
            throw failure("%s: expected %s, but it was %s.%s", what, expected, actual,
                    advice.isEmpty() ? "" : " " + advice);
        }
    }

    public static AssertionError failure(String message, Object... args) {
        return new AssertionError(args.length == 0 ? message : String.format(message, args));
    }
}
