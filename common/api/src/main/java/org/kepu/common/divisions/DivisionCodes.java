package org.kepu.common.divisions;

/** Rules of the GB/T 2260 code itself, independent of which divisions exist. */
public final class DivisionCodes {

    private DivisionCodes() {
    }

    /**
     * The prefix every division within {@code code} shares: a province code ends in four zeros and a city code in two,
     * so {@code 440000} → {@code 44}, {@code 440100} → {@code 4401}, and a county code is its own prefix.
     */
    public static String prefixOf(String code) {
        if (isProvince(code)) {
            return code.substring(0, 2);
        }
        if (isCity(code)) {
            return code.substring(0, 4);
        }
        return code;
    }

    /** A province-level code, e.g. {@code 440000}. */
    public static boolean isProvince(String code) {
        return code.endsWith("0000");
    }

    /** A prefecture-level city code, e.g. {@code 440100}. */
    public static boolean isCity(String code) {
        return !isProvince(code) && code.endsWith("00");
    }
}
