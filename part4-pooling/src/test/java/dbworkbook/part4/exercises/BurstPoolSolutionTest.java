package dbworkbook.part4.exercises;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import dbworkbook.common.WorkbookDatabase;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class BurstPoolSolutionTest extends BurstPoolContract {

    @Override
    Consumer<HikariConfig> settings() {
        return new dbworkbook.part4.solutions.BurstPoolSettings();
    }

    @Test
    void anotherCorrectAnswerFewerConnectionsAndTheDefaultTimeoutPasses(WorkbookDatabase database) throws Exception {
        BurstPool.check(database, config -> config.setMaximumPoolSize(4));
    }

    @Test
    void cappingTheConnectionsButKeepingTheShortTimeoutFailsAndSaysWhy(WorkbookDatabase database) {
        assertThatThrownBy(() -> BurstPool.check(database, config -> {
            config.setMaximumPoolSize(BurstPoolSettings.CONNECTION_LIMIT);
            config.setConnectionTimeout(250);
        })).hasMessageStartingWith("[Exercise 1:").hasMessageContaining("timed out after waiting 250 ms")
                .hasMessageContaining("run in 4 rounds");
    }
}
