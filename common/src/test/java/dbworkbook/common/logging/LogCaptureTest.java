package dbworkbook.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.Test;

class LogCaptureTest {

    private static final Logger CHILD = LogManager.getLogger("dbworkbook.logcapture.test.Child");

    @Test
    void catchesTheLoggerAndItsChildrenAtTheLevelAskedFor() {
        try (LogCapture log = LogCapture.of(Level.DEBUG, "dbworkbook.logcapture.test")) {
            CHILD.trace("too fine");
            CHILD.debug("caught {}", 1);
            assertThat(log.messages()).containsExactly("caught 1");
        }
    }

    @Test
    void keepsTheThreadContextOfEachEvent() {
        try (LogCapture log = LogCapture.of(Level.INFO, "dbworkbook.logcapture.test")) {
            ThreadContext.put("unitOfWork", "42");
            try {
                CHILD.info("inside");
            } finally {
                ThreadContext.remove("unitOfWork");
            }
            assertThat(log.events().get(0).getContextData().<String>getValue("unitOfWork")).isEqualTo("42");
        }
    }

    @Test
    void putsTheConfigurationBackOnClose() {
        Logger existing = LogManager.getLogger("dbworkbook");
        Level before = existing.getLevel();
        try (LogCapture log = LogCapture.of(Level.TRACE, "dbworkbook", "dbworkbook.logcapture.test")) {
            assertThat(existing.isTraceEnabled()).isTrue();
        }
        assertThat(existing.getLevel()).isEqualTo(before);
        assertThat(CHILD.isDebugEnabled()).isFalse();
    }
}
