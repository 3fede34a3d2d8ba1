package dbworkbook.part2;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Runs the application under a Log4j 2 configuration file, as if it had been started with
 * {@code -Dlog4j2.configurationFile=...}, and catches what that configuration lets through to its output. On close
 * the configuration the test run started with is back.
 *
 * <p>How it catches: wherever the file sends events to its appenders (a console, a file), they go to a capture
 * appender instead. So the test catches exactly the lines the file would print, and the test run's console stays
 * quiet.
 */
public final class AppliedLogConfiguration implements AutoCloseable {

    private final LoggerContext context;
    private final URI original;
    private final Capture capture = new Capture();

    private AppliedLogConfiguration(String resource) {
        context = (LoggerContext) LogManager.getContext(false);
        original = context.getConfiguration().getConfigurationSource().getURI();
        URL url = AppliedLogConfiguration.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalArgumentException("No Log4j 2 configuration on the classpath at " + resource);
        }
        Configurator.reconfigure(toUri(url));
        capture.start();
        Configuration configuration = context.getConfiguration();
        List<LoggerConfig> loggers = new ArrayList<>(configuration.getLoggers().values());
        loggers.add(configuration.getRootLogger());
        for (LoggerConfig logger : loggers) {
            if (!logger.getAppenders().isEmpty()) {
                List.copyOf(logger.getAppenders().keySet()).forEach(logger::removeAppender);
                logger.addAppender(capture, null, null);
            }
        }
        context.updateLoggers();
    }

    /** Applies the configuration file at classpath {@code resource}. */
    public static AppliedLogConfiguration apply(String resource) {
        return new AppliedLogConfiguration(resource);
    }

    /** The configuration now in force (the file's). */
    public Configuration configuration() {
        return context.getConfiguration();
    }

    public List<LogEvent> events() {
        return List.copyOf(capture.events);
    }

    /** The events as {@code logger - message} lines, the way a pattern layout would show them. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (LogEvent event : capture.events) {
            lines.add(event.getLoggerName() + " - " + event.getMessage().getFormattedMessage());
        }
        return lines;
    }

    @Override
    public void close() {
        capture.stop();
        Configurator.reconfigure(original);
    }

    private static URI toUri(URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url + " is no URI", e);
        }
    }

    private static final class Capture extends AbstractAppender {

        private final List<LogEvent> events = new CopyOnWriteArrayList<>();

        Capture() {
            super("applied-config-capture-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            events.add(event.toImmutable());
        }
    }
}
