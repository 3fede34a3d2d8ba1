package dbworkbook.common.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A table of a demo: a title, the column headers, the rows as they are shown. Built from a measurement's records,
 * one column at a time; printed as text by the kit, and shown as HTML by the report.
 */
public record Table(String title, List<String> headers, List<List<String>> rows) {

    /** A table of {@code records}, one row each: add the columns with {@link Builder#column}. */
    public static <R> Builder<R> of(String title, List<R> records) {
        return new Builder<>(title, records);
    }

    /** The text table, as the console shows it. */
    public String render() {
        TextTable text = new TextTable(headers.toArray(String[]::new));
        rows.forEach(row -> text.row(row.toArray()));
        return text.render();
    }

    public static final class Builder<R> {

        private final String title;
        private final List<R> records;
        private final List<String> headers = new ArrayList<>();
        private final List<Function<R, String>> cells = new ArrayList<>();

        private Builder(String title, List<R> records) {
            this.title = title;
            this.records = records;
        }

        public Builder<R> column(String header, Function<R, ?> cell) {
            headers.add(header);
            cells.add(record -> String.valueOf(cell.apply(record)));
            return this;
        }

        public Table build() {
            List<List<String>> rows = new ArrayList<>();
            for (R record : records) {
                rows.add(cells.stream().map(cell -> cell.apply(record)).toList());
            }
            return new Table(title, List.copyOf(headers), rows);
        }
    }
}
