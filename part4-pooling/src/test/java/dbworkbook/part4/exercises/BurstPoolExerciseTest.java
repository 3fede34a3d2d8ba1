package dbworkbook.part4.exercises;

import com.zaxxer.hikari.HikariConfig;
import dbworkbook.common.junit.Exercise;
import java.util.function.Consumer;

@Exercise(number = 1, title = "size a pool for a burst",
        file = "src/main/java/dbworkbook/part4/exercises/BurstPoolSettings.java")
class BurstPoolExerciseTest extends BurstPoolContract {

    @Override
    Consumer<HikariConfig> settings() {
        return new BurstPoolSettings();
    }
}
