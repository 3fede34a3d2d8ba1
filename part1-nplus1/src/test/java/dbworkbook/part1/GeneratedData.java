package dbworkbook.part1;

import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.domain.Car;
import dbworkbook.common.domain.Dealership;
import dbworkbook.common.domain.Salesperson;
import dbworkbook.common.domain.Scale;
import java.util.List;
import java.util.stream.LongStream;

/** What the data generator wrote, in the shape every strategy must return it. */
public final class GeneratedData {

    private GeneratedData() {
    }

    /** Dealerships 1..D in order; the cars of dealership d are (d-1)*C+1 .. d*C, in order. */
    public static void assertAllDealershipsWithAllCars(List<Dealership> dealerships, Scale scale) {
        assertThat(dealerships).extracting(Dealership::getId)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, scale.dealerships()).boxed().toList());
        for (Dealership dealership : dealerships) {
            long first = (dealership.getId() - 1) * scale.carsPerDealership() + 1;
            assertThat(dealership.getCars()).as("cars of %s", dealership)
                    .extracting(Car::getId)
                    .containsExactlyElementsOf(LongStream.range(first, first + scale.carsPerDealership()).boxed().toList());
            assertThat(dealership.getCars()).extracting(Car::getDealershipId).containsOnly(dealership.getId());
        }
    }

    public static void assertAllSalespeople(List<Dealership> dealerships, Scale scale) {
        for (Dealership dealership : dealerships) {
            long first = (dealership.getId() - 1) * scale.salespeoplePerDealership() + 1;
            assertThat(dealership.getSalespeople()).as("salespeople of %s", dealership)
                    .extracting(Salesperson::getId)
                    .containsExactlyElementsOf(
                            LongStream.range(first, first + scale.salespeoplePerDealership()).boxed().toList());
        }
    }

    /** Every car, in dealership order: to compare what two strategies loaded, column by column. */
    public static List<Car> allCars(List<Dealership> dealerships) {
        return dealerships.stream().flatMap(d -> d.getCars().stream()).toList();
    }
}
