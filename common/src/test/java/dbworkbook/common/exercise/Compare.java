package dbworkbook.common.exercise;

import dbworkbook.common.domain.Car;
import dbworkbook.common.domain.Dealership;
import dbworkbook.common.domain.Salesperson;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Says how a result differs from the data that was written, in words: the first difference, precisely enough to go
 * and look (which dealership, which car, which field), or nothing if there is none.
 */
public final class Compare {

    private static final int LISTED = 8;

    private Compare() {
    }

    /** What to compare of each dealership besides its own columns. */
    public enum Collections {
        CARS, SALESPEOPLE, BOTH
    }

    /** The first difference between the dealerships (in order) and those returned, with their collections. */
    public static Optional<String> dealerships(List<Dealership> expected, List<Dealership> actual,
                                               Collections collections) {
        if (actual == null) {
            return Optional.of("it returned null instead of a list");
        }
        List<Long> expectedIds = ids(expected, Dealership::getId);
        List<Long> actualIds = ids(actual, d -> d == null ? null : d.getId());
        if (!expectedIds.equals(actualIds)) {
            return Optional.of(idDifference("dealerships", expectedIds, actualIds, expected, collections));
        }
        for (int i = 0; i < expected.size(); i++) {
            Dealership want = expected.get(i);
            Dealership got = actual.get(i);
            Optional<String> columns = field("dealership " + want.getId(), "name", want.getName(), got.getName())
                    .or(() -> field("dealership " + want.getId(), "city", want.getCity(), got.getCity()));
            if (columns.isPresent()) {
                return columns;
            }
            if (collections != Collections.SALESPEOPLE) {
                Optional<String> cars = cars("dealership " + want.getId(), want.getCars(), got.getCars());
                if (cars.isPresent()) {
                    return cars;
                }
            }
            if (collections != Collections.CARS) {
                Optional<String> people = salespeople("dealership " + want.getId(), want.getSalespeople(),
                        got.getSalespeople());
                if (people.isPresent()) {
                    return people;
                }
            }
        }
        return Optional.empty();
    }

    /** The first difference between the cars of {@code whose} and those returned, in order, field by field. */
    public static Optional<String> cars(String whose, List<Car> expected, List<Car> actual) {
        if (actual == null) {
            return Optional.of("the cars of " + whose + " are null, not a list (an empty list if it has none)");
        }
        List<Long> expectedIds = ids(expected, Car::getId);
        List<Long> actualIds = ids(actual, c -> c == null ? null : c.getId());
        if (!expectedIds.equals(actualIds)) {
            return Optional.of(whose + " should have " + countOf(expectedIds.size(), "car") + listing(expectedIds)
                    + " in id order, but has " + actualIds.size() + listing(actualIds));
        }
        for (int i = 0; i < expected.size(); i++) {
            Car want = expected.get(i);
            Car got = actual.get(i);
            String what = "car " + want.getId() + " of " + whose;
            Optional<String> difference = field(what, "dealershipId", want.getDealershipId(), got.getDealershipId())
                    .or(() -> field(what, "make", want.getMake(), got.getMake()))
                    .or(() -> field(what, "model", want.getModel(), got.getModel()))
                    .or(() -> field(what, "year", want.getYear(), got.getYear()))
                    .or(() -> field(what, "price", want.getPrice(), got.getPrice()))
                    .or(() -> field(what, "sold", want.isSold(), got.isSold()));
            if (difference.isPresent()) {
                return difference;
            }
        }
        return Optional.empty();
    }

    /** The first difference between the salespeople of {@code whose} and those returned, in order. */
    public static Optional<String> salespeople(String whose, List<Salesperson> expected, List<Salesperson> actual) {
        if (actual == null) {
            return Optional.of("the salespeople of " + whose + " are null, not a list (an empty list if it has none)");
        }
        List<Long> expectedIds = ids(expected, Salesperson::getId);
        List<Long> actualIds = ids(actual, s -> s == null ? null : s.getId());
        if (!expectedIds.equals(actualIds)) {
            return Optional.of(whose + " should have " + countOf(expectedIds.size(), "salesperson") + listing(expectedIds)
                    + " in id order, but has " + actualIds.size() + listing(actualIds));
        }
        for (int i = 0; i < expected.size(); i++) {
            Salesperson want = expected.get(i);
            Salesperson got = actual.get(i);
            String what = "salesperson " + want.getId() + " of " + whose;
            Optional<String> difference = field(what, "dealershipId", want.getDealershipId(), got.getDealershipId())
                    .or(() -> field(what, "name", want.getName(), got.getName()))
                    .or(() -> field(what, "hiredOn", want.getHiredOn(), got.getHiredOn()));
            if (difference.isPresent()) {
                return difference;
            }
        }
        return Optional.empty();
    }

    /** Two values of one field; numbers compare by value (a price of 10.0 is 10.00). */
    public static Optional<String> field(String what, String field, Object expected, Object actual) {
        boolean same = expected instanceof java.math.BigDecimal a && actual instanceof java.math.BigDecimal b
                ? a.compareTo(b) == 0 : Objects.equals(expected, actual);
        if (same) {
            return Optional.empty();
        }
        String hint = actual == null ? " (is that column selected and mapped?)" : "";
        return Optional.of(what + ": " + field + " should be " + quoted(expected) + ", but it is " + quoted(actual)
                + hint);
    }

    private static String idDifference(String what, List<Long> expected, List<Long> actual,
                                       List<Dealership> expectedDealerships, Collections collections) {
        Set<Long> missing = new LinkedHashSet<>(expected);
        actual.forEach(missing::remove);
        Set<Long> unexpected = new LinkedHashSet<>(actual);
        expected.forEach(unexpected::remove);
        Map<Long, Dealership> byId = expectedDealerships.stream()
                .collect(Collectors.toMap(Dealership::getId, Function.identity()));
        if (!missing.isEmpty() && actual.size() == expected.size()) {
            return "it returned the wrong " + what + ": expected" + listing(expected) + ", got" + listing(actual);
        }
        if (!missing.isEmpty()) {
            String notes = missing.stream().limit(LISTED).map(id -> id + describe(byId.get(id), collections))
                    .collect(Collectors.joining(", "));
            return "it returned " + actual.size() + " " + what + " where there are " + expected.size() + "; missing: "
                    + notes + (missing.size() > LISTED ? ", ..." : "");
        }
        if (!unexpected.isEmpty() || actual.size() != expected.size()) {
            return "it returned " + actual.size() + " " + what + " where there are " + expected.size()
                    + (unexpected.isEmpty() ? " (some of them twice?)" : "; these should not be there: " + unexpected);
        }
        return "the " + what + " come back in the wrong order: expected by id" + listing(expected) + ", got"
                + listing(actual) + " (is there an ORDER BY?)";
    }

    private static String describe(Dealership dealership, Collections collections) {
        if (dealership == null) {
            return "";
        }
        List<String> notes = new ArrayList<>();
        if (collections != Collections.SALESPEOPLE && dealership.getCars().isEmpty()) {
            notes.add("no cars");
        }
        if (collections != Collections.CARS && dealership.getSalespeople().isEmpty()) {
            notes.add("no salespeople");
        }
        return notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")";
    }

    private static <T> List<Long> ids(List<T> items, Function<T, Long> id) {
        List<Long> ids = new ArrayList<>();
        items.forEach(item -> ids.add(id.apply(item)));
        return ids;
    }

    private static String listing(List<Long> ids) {
        if (ids.isEmpty()) {
            return "";
        }
        String shown = ids.stream().limit(LISTED).map(String::valueOf).collect(Collectors.joining(", "));
        return " (ids " + shown + (ids.size() > LISTED ? ", ..." : "") + ")";
    }

    private static String countOf(int n, String noun) {
        String plural = noun.equals("salesperson") ? "salespeople" : noun + "s";
        return n + " " + (n == 1 ? noun : plural);
    }

    private static String quoted(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }
}
