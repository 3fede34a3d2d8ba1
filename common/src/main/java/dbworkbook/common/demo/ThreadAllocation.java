package dbworkbook.common.demo;

import java.lang.management.ManagementFactory;

/**
 * The bytes the calling thread allocates while it runs a piece of work, from HotSpot's own per-thread counter
 * ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}). Allocation is what the garbage collector later
 * pays for: two ways of loading the same rows that take the same time on an idle machine differ under load by
 * what they leave behind. Only the calling thread counts; work handed to other threads is not in it.
 */
public final class ThreadAllocation {

    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private ThreadAllocation() {
    }

    /** The bytes {@code work} allocated on this thread, or -1 where the JVM does not count them. */
    public static long of(Runnable work) {
        if (THREADS == null) {
            work.run();
            return -1;
        }
        long before = THREADS.getCurrentThreadAllocatedBytes();
        work.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    private static com.sun.management.ThreadMXBean threads() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean hotspot
                && hotspot.isThreadAllocatedMemorySupported()) {
            hotspot.setThreadAllocatedMemoryEnabled(true);
            return hotspot;
        }
        return null;
    }
}
