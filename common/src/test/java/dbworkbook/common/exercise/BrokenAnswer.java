package dbworkbook.common.exercise;

/**
 * An answer's files cannot be used at all: Java that does not compile, XML that does not parse, a configuration the
 * library refuses. The exercise shows as broken on the board, with this message.
 */
public final class BrokenAnswer extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BrokenAnswer(String message) {
        super(message);
    }

    public BrokenAnswer(String message, Throwable cause) {
        super(message, cause);
    }
}
