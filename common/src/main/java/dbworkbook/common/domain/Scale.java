package dbworkbook.common.domain;

/**
 * How much data {@link DataGenerator} writes: every dealership gets exactly this many cars and salespeople, so a
 * test knows every count in advance.
 */
public record Scale(int dealerships, int carsPerDealership, int salespeoplePerDealership) {

    public Scale {
        if (dealerships < 0 || carsPerDealership < 0 || salespeoplePerDealership < 0) {
            throw new IllegalArgumentException("A scale counts things: no negative numbers (" + this + ")");
        }
    }

    public static Scale of(int dealerships, int carsPerDealership, int salespeoplePerDealership) {
        return new Scale(dealerships, carsPerDealership, salespeoplePerDealership);
    }

    public long cars() {
        return (long) dealerships * carsPerDealership;
    }

    public long salespeople() {
        return (long) dealerships * salespeoplePerDealership;
    }

    @Override
    public String toString() {
        return dealerships + " dealerships x " + carsPerDealership + " cars, " + salespeoplePerDealership
                + " salespeople";
    }
}
