package dbworkbook.common.demo;

import java.util.List;
import java.util.Map;

/**
 * What a chapter's demo measured, as its JSON file has it: where and when, with which options, and for each
 * measurement its section (tables, charts, readings) and its record ({@code data}). The report is built from these
 * files alone.
 */
public record ChapterRun(String chapter, int number, String title, String readme, String measuredAt,
                         Machine machine, Map<String, Integer> options, List<SectionRun> sections) {

    /** Where it was measured. */
    public record Machine(String server, String java, int cores, String os, long maxHeapMiB) {
    }

    /** One measurement: its class, what it shows, and what it measured. */
    public record SectionRun(String measurement, String title, List<Table> tables, List<Chart> charts,
                             List<String> readings, List<String> lines, double seconds, Object data) {
    }
}
