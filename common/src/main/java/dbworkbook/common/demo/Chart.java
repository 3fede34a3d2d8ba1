package dbworkbook.common.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart of a demo, for the report: what is on each axis (with its unit, and whether it is logarithmic), the series
 * of points, optional markers (a vertical line at a value of x, e.g. a rule of thumb), and the one sentence that says
 * how to read it, with the figure that matters, computed from this run's data. A point may carry a low and a high
 * (an interval, e.g. JMH's error), drawn as a bar behind it.
 *
 * <p>{@code categories}: for a chart whose x is not a number (the strategies, say), the names of the x positions;
 * each point's x is then the position's index. {@code bars}: draw the series as bars side by side, not as lines.
 */
public record Chart(String title, Axis x, Axis y, List<Series> series, List<Marker> markers, List<String> categories,
                    boolean bars, String reading) {

    /** One axis: its label, the unit of its values, and whether the scale is logarithmic. */
    public record Axis(String label, String unit, boolean logarithmic) {
    }

    /** A line of points; {@code dashed} for a second kind of measurement beside the first (e.g. through the relay). */
    public record Series(String name, List<Point> points, boolean dashed) {
    }

    /** A value; {@code low} and {@code high}, when not null, bound it (an error interval). */
    public record Point(double x, double y, Double low, Double high) {

        public static Point of(double x, double y) {
            return new Point(x, y, null, null);
        }
    }

    /** A vertical line at {@code x}, labelled. */
    public record Marker(double x, String label) {
    }

    public static Builder titled(String title) {
        return new Builder(title);
    }

    public static final class Builder {

        private final String title;
        private Axis x = new Axis("", "", false);
        private Axis y = new Axis("", "", false);
        private final List<Series> series = new ArrayList<>();
        private final List<Marker> markers = new ArrayList<>();
        private List<String> categories = List.of();
        private boolean bars;

        private Builder(String title) {
            this.title = title;
        }

        public Builder x(String label, String unit, boolean logarithmic) {
            x = new Axis(label, unit, logarithmic);
            return this;
        }

        public Builder y(String label, String unit, boolean logarithmic) {
            y = new Axis(label, unit, logarithmic);
            return this;
        }

        /** The x positions are these names; the points' x are their indexes. */
        public Builder categories(List<String> names) {
            categories = List.copyOf(names);
            return this;
        }

        /** Bars side by side at each x, one per series, instead of lines. */
        public Builder bars() {
            bars = true;
            return this;
        }

        public Builder series(String name, List<Point> points) {
            series.add(new Series(name, List.copyOf(points), false));
            return this;
        }

        public Builder dashedSeries(String name, List<Point> points) {
            series.add(new Series(name, List.copyOf(points), true));
            return this;
        }

        public Builder marker(double at, String label) {
            markers.add(new Marker(at, label));
            return this;
        }

        /** The sentence that says how to read the chart, with the figure that matters, from this run's data. */
        public Chart reading(String reading) {
            return new Chart(title, x, y, List.copyOf(series), List.copyOf(markers), categories, bars, reading);
        }
    }
}
