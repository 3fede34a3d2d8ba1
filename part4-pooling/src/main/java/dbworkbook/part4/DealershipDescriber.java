package dbworkbook.part4;

/** Describes one dealership in a line of text. Given for exercise 4.2: its DealershipReport implements it. */
public interface DealershipDescriber {

    /**
     * The dealership's name, a colon and how many cars it has, "Lyon Motors 2041: 3 cars" (always "cars", also for 0
     * or 1), or "No dealership 42" if there is none with that id.
     */
    String describe(long dealershipId);
}
