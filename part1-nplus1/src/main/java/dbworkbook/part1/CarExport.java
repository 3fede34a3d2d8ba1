package dbworkbook.part1;

import dbworkbook.common.domain.Car;
import java.util.function.Consumer;

/**
 * Hands every car of the table, in id order, to a consumer (a file writer, a message queue, a checksum): lesson 10's
 * three ways of reading a large result, and what exercise 1.4 asks for. Whether it fits in a small heap depends only
 * on how the rows are read: the consumer keeps nothing.
 */
public interface CarExport {

    /** Calls {@code sink} once per car, in id order, before it returns. */
    void exportAll(Consumer<Car> sink);
}
