package dbworkbook.part4;

/** The chapter's one mapper: small reads whose only job is to borrow a connection and use it. */
public interface CarMapper {

    long countCars();

    long countCarsOfDealership(long dealershipId);

    /** The dealership's name, or null if there is no dealership with that id. */
    String findDealershipName(long dealershipId);
}
