package org.kepu.common.privacy;

/**
 * Mainland China mobile numbers, as people type them (spaces, dashes, a +86 prefix), kept as their 11 digits, and
 * masked wherever more than the one record is shown (lists, exports): one rule for every service that holds contacts.
 */
public final class Phones {

    /** What the request accepts; {@link #normalize} then keeps the 11 digits. */
    public static final String PATTERN = "^(\\+?86[ -]?)?1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}$";
    public static final String MESSAGE = "must be a mainland China mobile number (11 digits starting with 1, e.g. 13812341234)";

    private Phones() {
    }

    /** The 11 digits of a number that matched {@link #PATTERN}. */
    public static String normalize(String typed) {
        String digits = typed.replaceAll("[^0-9]", "");
        return digits.length() > 11 ? digits.substring(digits.length() - 11) : digits;
    }

    /** As lists show it: 138****1234. */
    public static String mask(String phone) {
        return phone.length() < 7 ? "****" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
