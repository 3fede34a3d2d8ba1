package dbworkbook.common.demo;

import java.util.Locale;

/**
 * How the demos write numbers: the same in every chapter and on every machine (Locale.ROOT: a dot for decimals;
 * counts with a comma between thousands, measured values without), so that tables line up and can be compared.
 */
public final class Figures {

    private Figures() {
    }

    /** A count: {@code 21,000}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A measured value with this many decimals: {@code decimals(1077.8123, 1)} is {@code 1077.8}. */
    public static String decimals(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /**
     * A ratio: {@code times(13.04, 1)} is {@code 13.0x}. A small one keeps two significant digits, whatever
     * {@code decimals} says: {@code times(0.0037, 2)} is {@code 0.0037x}, not a misleading {@code 0.00x}.
     */
    public static String times(double ratio, int decimals) {
        int needed = ratio > 0 && ratio < 0.1 ? 1 - (int) Math.floor(Math.log10(ratio)) : decimals;
        return decimals(ratio, Math.max(decimals, needed)) + "x";
    }
}
