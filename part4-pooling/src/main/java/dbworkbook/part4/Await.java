package dbworkbook.part4;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for something a pool does in the background (fill itself, run its housekeeper, report a leak), by looking
 * again every few milliseconds. The limit is generous on purpose: it is there so a broken run ends, not to say how fast
 * anything must be. Nothing in this chapter asserts how long a wait took.
 */
public final class Await {

    public static final Duration GENEROUS_LIMIT = Duration.ofSeconds(30);

    private Await() {
    }

    /** Returns as soon as {@code condition} holds; fails with {@code what} if it still does not after the limit. */
    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + GENEROUS_LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + GENEROUS_LIMIT.toSeconds() + " s, and still not: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for: " + what, e);
            }
        }
    }
}
