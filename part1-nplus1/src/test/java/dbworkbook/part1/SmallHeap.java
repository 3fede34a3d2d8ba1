package dbworkbook.part1;

/**
 * The small heap of lesson 10's test and exercise 1.4's contract, and the table that does not fit in it.
 *
 * <p>Calibrated with a wide margin on both sides, by running each way alone in a child JVM on {@value #CARS} cars with
 * heaps of 6 to 64 MB (the serial collector and the flags {@code ExportInChildJvm} starts it with) and keeping the
 * smallest heap in which it completed:
 * <ul>
 *   <li>the streaming cursor completed in 8 MB (not in 6: that much goes to the JVM, MyBatis and the driver before
 *       the first row), and held under 1 MB when its first car reached the consumer. {@value #HEAP_MB} MB is twice the
 *       whole heap it needs, and more than ten times what it holds above what every way needs anyway;</li>
 *   <li>{@code selectList} and the cursor under auto-commit both completed in 48 MB and ran out of heap in 40: they
 *       hold 34 and 37 MB of cars or rows (about 230 and 250 bytes each) before the first car is handed on. That is
 *       three times the whole {@value #HEAP_MB} MB heap.</li>
 * </ul>
 * So a heap two and a half times larger would still not fit the table (40 MB), and one half as large would still
 * run the streaming way (8 MB); {@value #CARS} cars (one second to generate here) is the smallest table with that margin at this heap. The
 * tests run several exports one after another in one JVM; each begins with the heap as the first did (checked), so
 * the calibration holds for each.
 */
public final class SmallHeap {

    /** The heap of the JVM the export runs in, in MB. */
    public static final int HEAP_MB = 16;

    /** The cars of the table that must not fit in it. */
    public static final int CARS = 150_000;

    private SmallHeap() {
    }
}
