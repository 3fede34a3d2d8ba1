package dbworkbook.common.exercise;

import dbworkbook.common.recorder.RecordedStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How exercise messages show the statements an answer ran: a few of them, and how often each text ran. */
public final class Statements {

    private static final int LISTED = 4;

    private Statements() {
    }

    /** "1. SELECT ... [7] -> 3 rows" for the first few, then how many more, and which text repeats most. */
    public static String listing(List<RecordedStatement> statements) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(LISTED, statements.size()); i++) {
            out.append(System.lineSeparator()).append("    ").append(i + 1).append(". ")
                    .append(shorten(statements.get(i).toString()));
        }
        if (statements.size() > LISTED) {
            out.append(System.lineSeparator()).append("    ... and ").append(statements.size() - LISTED)
                    .append(" more");
            Map<String, Long> byText = statements.stream().collect(Collectors.groupingBy(
                    RecordedStatement::normalizedSql, LinkedHashMap::new, Collectors.counting()));
            byText.entrySet().stream().max(Map.Entry.comparingByValue())
                    .filter(most -> most.getValue() > 1)
                    .ifPresent(most -> out.append(System.lineSeparator()).append("    (").append(most.getValue())
                            .append(" times: ").append(shorten(most.getKey())).append(")"));
        }
        return out.toString();
    }

    private static String shorten(String text) {
        return text.length() <= 150 ? text : text.substring(0, 147) + "...";
    }
}
