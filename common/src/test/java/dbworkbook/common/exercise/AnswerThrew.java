package dbworkbook.common.exercise;

/** The answer's own code threw while a check ran it: the check reports what it threw, and where in the answer. */
public final class AnswerThrew extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AnswerThrew(Throwable thrown) {
        super(thrown);
    }
}
