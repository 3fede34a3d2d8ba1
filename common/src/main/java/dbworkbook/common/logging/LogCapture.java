package dbworkbook.common.logging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Catches what some loggers log, so a test can assert on log lines. While open, the named loggers are set to
 * {@code level} and their events go to this capture only (not to the console, so a test run stays readable); on
 * close, the configuration is put back exactly as it was.
 *
 * <pre>{@code
 * try (LogCapture log = LogCapture.of(Level.DEBUG, "dbworkbook.part2.CarMapper")) {
 *     ... run the mapper ...
 *     assertThat(log.messages()).anyMatch(line -> line.contains("Preparing:"));
 * }
 * }</pre>
 */
public final class LogCapture implements AutoCloseable {

    private final LoggerContext context;
    private final Appender appender;
    private final Map<String, LoggerConfig> added = new HashMap<>();
    private final Map<String, Restore> changed = new HashMap<>();

    private record Restore(Level level, boolean additive) {
    }

    private LogCapture(Level level, String... loggerNames) {
        context = (LoggerContext) LogManager.getContext(false);
        appender = new Appender("capture-" + UUID.randomUUID());
        appender.start();
        Configuration configuration = context.getConfiguration();
        for (String name : loggerNames) {
            LoggerConfig existing = configuration.getLoggers().get(name);
            if (existing == null) {
                LoggerConfig config = new LoggerConfig(name, level, false);
                config.addAppender(appender, Level.ALL, null);
                configuration.addLogger(name, config);
                added.put(name, config);
            } else {
                changed.put(name, new Restore(existing.getLevel(), existing.isAdditive()));
                existing.setLevel(level);
                existing.setAdditive(false);
                existing.addAppender(appender, Level.ALL, null);
            }
        }
        context.updateLoggers();
    }

    /** Starts capturing {@code loggerNames} (and their children) at {@code level} and above. */
    public static LogCapture of(Level level, String... loggerNames) {
        return new LogCapture(level, loggerNames);
    }

    /** Every event caught so far, oldest first. */
    public List<LogEvent> events() {
        return List.copyOf(appender.events);
    }

    /** The formatted message of every event caught so far, oldest first. */
    public List<String> messages() {
        List<String> messages = new ArrayList<>();
        for (LogEvent event : appender.events) {
            messages.add(event.getMessage().getFormattedMessage());
        }
        return messages;
    }

    public void clear() {
        appender.events.clear();
    }

    @Override
    public void close() {
        Configuration configuration = context.getConfiguration();
        added.keySet().forEach(configuration::removeLogger);
        changed.forEach((name, restore) -> {
            LoggerConfig config = configuration.getLoggers().get(name);
            if (config != null) {
                config.removeAppender(appender.getName());
                config.setLevel(restore.level());
                config.setAdditive(restore.additive());
            }
        });
        context.updateLoggers();
        appender.stop();
    }

    private static final class Appender extends AbstractAppender {

        private final List<LogEvent> events = new CopyOnWriteArrayList<>();

        Appender(String name) {
            super(name, null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            // Log4j reuses mutable events: keep a copy (with its ThreadContext data) that stays as it was.
            events.add(event.toImmutable());
        }
    }
}
