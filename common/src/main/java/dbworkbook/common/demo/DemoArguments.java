package dbworkbook.common.demo;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A demo's program arguments: {@code --name value} pairs, every value a whole number from 0, each option with a
 * default. Maven's demo profile passes them as one argument ({@code -Ddemo.args="..."}, empty when not set), so every
 * argument is split on whitespace and blanks are ignored. A mistake stops the demo with the usage line.
 */
public final class DemoArguments {

    private final Map<String, Integer> values;
    private final String usage;

    private DemoArguments(Map<String, Integer> values, String usage) {
        this.values = values;
        this.usage = usage;
    }

    /** {@code defaults}: each option's name (with its {@code --}) and default value, in the order the usage lists them. */
    public static DemoArguments parse(String[] args, Map<String, Integer> defaults) {
        String usage = defaults.entrySet().stream()
                .map(option -> "[" + option.getKey() + " " + option.getValue() + "]")
                .collect(Collectors.joining(" ", "Arguments: ", ""));
        Map<String, Integer> values = new LinkedHashMap<>(defaults);
        List<String> words = Arrays.stream(args)
                .flatMap(arg -> Arrays.stream(arg.trim().split("\\s+")))
                .filter(word -> !word.isEmpty())
                .toList();
        if (words.size() % 2 != 0) {
            throw new IllegalArgumentException("Every option needs a value. " + usage);
        }
        for (int i = 0; i < words.size(); i += 2) {
            String name = words.get(i);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("Unknown option '" + name + "'. " + usage);
            }
            values.put(name, wholeNumber(name, words.get(i + 1), usage));
        }
        return new DemoArguments(values, usage);
    }

    public int get(String name) {
        Integer value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("No option " + name + " was declared. " + usage);
        }
        return value;
    }

    /** For a demo's own checks: the reason, followed by the usage line. */
    public IllegalArgumentException invalid(String reason) {
        return new IllegalArgumentException(reason + " " + usage);
    }

    private static int wholeNumber(String name, String value, String usage) {
        try {
            int number = Integer.parseInt(value);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, like a negative number
        }
        throw new IllegalArgumentException(name + " takes a whole number from 0, not '" + value + "'. " + usage);
    }
}
