package dbworkbook.part4.exercises;

/** Describes one dealership in a line of text. Exercise 2's interface; {@link DealershipReport} implements it. */
public interface DealershipDescriber {

    /** "Dealership 00001: 2 cars", or "No dealership 42" if there is none with that id. */
    String describe(long dealershipId);
}
