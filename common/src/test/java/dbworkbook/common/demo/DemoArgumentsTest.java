package dbworkbook.common.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoArgumentsTest {

    private static final Map<String, Integer> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("--dealerships", 1000);
        DEFAULTS.put("--runs", 7);
    }

    @Test
    void mavenPassesEverythingAsOneArgumentAndEmptyWhenNotSet() {
        assertThat(DemoArguments.parse(new String[] {""}, DEFAULTS).get("--runs")).isEqualTo(7);
        DemoArguments arguments = DemoArguments.parse(new String[] {" --runs 3   --dealerships 20 "}, DEFAULTS);
        assertThat(arguments.get("--runs")).isEqualTo(3);
        assertThat(arguments.get("--dealerships")).isEqualTo(20);
    }

    @Test
    void aMistakeNamesTheOptionAndShowsTheUsage() {
        assertThatThrownBy(() -> DemoArguments.parse(new String[] {"--rusn 3"}, DEFAULTS))
                .hasMessage("Unknown option '--rusn'. Arguments: [--dealerships 1000] [--runs 7]");
        assertThatThrownBy(() -> DemoArguments.parse(new String[] {"--runs"}, DEFAULTS))
                .hasMessageStartingWith("Every option needs a value.");
        assertThatThrownBy(() -> DemoArguments.parse(new String[] {"--runs -1"}, DEFAULTS))
                .hasMessageStartingWith("--runs takes a whole number from 0, not '-1'.");
        assertThat(DemoArguments.parse(new String[0], DEFAULTS).invalid("At least 1 run.")).hasMessage(
                "At least 1 run. Arguments: [--dealerships 1000] [--runs 7]");
    }
}
