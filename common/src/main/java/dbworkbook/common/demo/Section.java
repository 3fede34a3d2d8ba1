package dbworkbook.common.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * What one measurement shows: its tables and charts, and the sentences that read them ("how to read it"), and lines
 * shown as they are (a log excerpt, say). Every figure in it comes from the measurement's own record of this run.
 */
public record Section(String title, List<Table> tables, List<Chart> charts, List<String> readings,
                      List<String> lines) {

    public static Builder titled(String title) {
        return new Builder(title);
    }

    public static final class Builder {

        private final String title;
        private final List<Table> tables = new ArrayList<>();
        private final List<Chart> charts = new ArrayList<>();
        private final List<String> readings = new ArrayList<>();
        private final List<String> lines = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        public Builder table(Table table) {
            tables.add(table);
            return this;
        }

        public Builder chart(Chart chart) {
            charts.add(chart);
            return this;
        }

        /** One paragraph of reading, printed under the tables and shown under them in the report. */
        public Builder reading(String reading) {
            readings.add(reading);
            return this;
        }

        /** A line shown as it is, in a fixed-width font (a log line, a stack frame). */
        public Builder line(String line) {
            lines.add(line);
            return this;
        }

        public Section build() {
            return new Section(title, List.copyOf(tables), List.copyOf(charts), List.copyOf(readings),
                    List.copyOf(lines));
        }
    }
}
