package dbworkbook.part4.demo;

import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.demo.Section;
import dbworkbook.common.logging.LogCapture;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.part4.Await;
import dbworkbook.part4.LeakingCarCounter;
import dbworkbook.part4.PoolState;
import java.util.Arrays;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;

/** Lesson 5: a session never closed, reported by HikariCP's leak detector with where it was borrowed. */
final class Leak implements Measurement<Leak.Result> {

    /** HikariCP's smallest leak threshold. */
    private static final long THRESHOLD_MS = 2_000;

    record Result(long thresholdMs, String logger, String warning, String exception, List<String> borrowedAt,
                  PoolState afterwards) {
    }

    @Override
    public String title() {
        return "A leak";
    }

    @Override
    public Result measure(DemoContext context) {
        try (LogCapture log = LogCapture.of(Level.WARN, "com.zaxxer.hikari.pool.ProxyLeakTask");
             HikariDataSource pool = context.database().pooledDataSource("part4-leak", config -> {
                 config.setMaximumPoolSize(2);
                 config.setLeakDetectionThreshold(THRESHOLD_MS);
             })) {
            new LeakingCarCounter(MyBatisBootstrap.sqlSessionFactory(pool, "dbworkbook/part4/mybatis-config.xml"))
                    .countCars();
            context.progress("waiting " + THRESHOLD_MS / 1000 + " s for the leak detector");
            Await.until("the leak warning", () -> !log.events().isEmpty());
            LogEvent warning = log.events().get(0);
            List<String> borrowedAt = Arrays.stream(warning.getThrown().getStackTrace())
                    .filter(frame -> frame.getClassName().startsWith("dbworkbook.part4."))
                    .map(StackTraceElement::toString)
                    .toList();
            return new Result(THRESHOLD_MS, warning.getLoggerName(), warning.getMessage().getFormattedMessage(),
                    warning.getThrown().toString(), borrowedAt, PoolState.of(pool));
        }
    }

    @Override
    public Section present(Result result, DemoContext context) {
        Section.Builder section = Section.titled("A leak: LeakingCarCounter never closes its SqlSession; "
                        + "leakDetectionThreshold " + result.thresholdMs() / 1000 + " s")
                .line("WARN " + result.logger() + " - " + result.warning())
                .line(result.exception());
        result.borrowedAt().forEach(frame -> section.line("    at " + frame));
        return section.line("MXBean: " + result.afterwards() + " (the leaked connection is still active)")
                .reading("The warning (caught here, in an application it goes to the log) carries the stack of the "
                        + "thread that borrowed the connection: the first workbook frame is the line that forgot to "
                        + "close it.")
                .build();
    }
}
