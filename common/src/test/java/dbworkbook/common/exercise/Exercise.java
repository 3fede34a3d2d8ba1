package dbworkbook.common.exercise;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the exercise an {@link ExerciseContract} checks: its id as on the board ({@code 1.2}: chapter 1, exercise
 * 2), its title, the files the learner edits, and the hint that ends every failure message of it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Exercise {

    /** Chapter and number, e.g. {@code "1.2"}. */
    String id();

    String title();

    /** The files the learner edits, relative to the chapter's folder (e.g. {@code src/main/java/.../X.java}). */
    String[] files();

    /** Where to look and what to think about, without the answer's code. */
    String hint();
}
