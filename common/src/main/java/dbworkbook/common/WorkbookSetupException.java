package dbworkbook.common;

/**
 * The workbook could not get a database to work with. The message says what was tried, with which setting and
 * value (never the password), and what to do about it.
 */
public class WorkbookSetupException extends RuntimeException {

    public WorkbookSetupException(String message) {
        super(message);
    }

    public WorkbookSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
