package dbworkbook.common.exercise;

/** What the checks of an exercise found for one answer. The message starts with the exercise's id. */
public record Verdict(Status status, String message) {

    /** The states an exercise can be in on the board. */
    public enum Status {
        SOLVED("solved"),
        UNSOLVED("not solved"),
        BROKEN("broken"),
        NOT_CHECKED("not checked on this server");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static Verdict solved() {
        return new Verdict(Status.SOLVED, null);
    }

    public boolean isSolved() {
        return status == Status.SOLVED;
    }
}
