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
        if (code.endsWith("0000")) {
            return code.substring(0, 2);
        }
        if (code.endsWith("00")) {
            return code.substring(0, 4);
        }
        return code;
    }
}
