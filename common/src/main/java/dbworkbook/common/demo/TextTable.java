package dbworkbook.common.demo;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns, for what a demo measured. Numbers are right-aligned. */
public final class TextTable {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    public TextTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("Expected " + headers.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    /** Prints a blank line, the title and the table to standard output: how a demo shows what it measured. */
    public void print(String title) {
        System.out.println();
        System.out.println(title);
        System.out.print(render());
    }

    public String render() {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, headers, widths, false);
        for (int c = 0; c < widths.length; c++) {
            out.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
        }
        out.append('\n');
        for (List<String> row : rows) {
            appendRow(out, row, widths, true);
        }
        return out.toString();
    }

    /** A cell that holds a number (with its unit, if any): shown right-aligned, so that numbers line up. */
    static boolean isNumber(String cell) {
        return cell.matches("[-+]?[0-9.,]+(x| ms| %|%)?");
    }

    /** Numbers right-aligned, except in the first column: it names the row, whatever it holds. */
    private static void appendRow(StringBuilder out, List<String> cells, int[] widths, boolean alignNumbers) {
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            boolean right = alignNumbers && c > 0 && isNumber(cell);
            String format = "%" + (right ? "" : "-") + widths[c] + "s";
            out.append(c == 0 ? "" : "  ").append(String.format(format, cell));
        }
        out.setLength(out.length() - trailingSpaces(out));
        out.append('\n');
    }

    private static int trailingSpaces(StringBuilder out) {
        int n = 0;
        while (n < out.length() && out.charAt(out.length() - 1 - n) == ' ') {
            n++;
        }
        return n;
    }
}
