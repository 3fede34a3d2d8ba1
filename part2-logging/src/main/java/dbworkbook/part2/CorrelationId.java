package dbworkbook.part2;

import java.util.UUID;
import org.apache.logging.log4j.ThreadContext;

/**
 * Lesson 4: a correlation id for one unit of work (a web request, a message, a job). While the scope is open, every
 * log line written on this thread carries it in Log4j's {@link ThreadContext}, and a pattern with
 * {@code %X{correlationId}} prints it: MyBatis' SQL lines included, so one request's statements can be picked out of
 * a busy log with one grep.
 *
 * <pre>{@code
 * try (CorrelationId.Scope request = CorrelationId.begin()) {
 *     ... every statement logged here carries request.id() ...
 * }
 * }</pre>
 */
public final class CorrelationId {

    /** The ThreadContext key, as a layout names it: {@code %X{correlationId}}. */
    public static final String KEY = "correlationId";

    private CorrelationId() {
    }

    /** Opens a unit of work with a new id. */
    public static Scope begin() {
        return begin(UUID.randomUUID().toString().substring(0, 8));
    }

    /** Opens a unit of work with the caller's id, e.g. one that came in with the request (an X-Request-Id header). */
    public static Scope begin(String id) {
        String outer = ThreadContext.get(KEY);
        ThreadContext.put(KEY, id);
        return new Scope(id, outer);
    }

    /** Closing it puts back what was there before (nothing, or the id of an enclosing unit of work). */
    public static final class Scope implements AutoCloseable {

        private final String id;
        private final String outer;

        private Scope(String id, String outer) {
            this.id = id;
            this.outer = outer;
        }

        public String id() {
            return id;
        }

        @Override
        public void close() {
            // A pooled thread serves the next request next: an id left behind would label that request's lines.
            if (outer == null) {
                ThreadContext.remove(KEY);
            } else {
                ThreadContext.put(KEY, outer);
            }
        }
    }
}
