package org.kepu.venues.repository;

/**
 * {@link org.kepu.common.rules.ValidityWindow}'s rule in SQL, over the certificate of venue {@code v}
 * ({@code cert_valid_from}, {@code cert_valid_until}): both days inclusive, a null end open, so a search finds just the
 * bases a view calls certified. {@code day} and {@code year} are a bound parameter (":today") or a column, never a
 * value; {@code ValiditySqlTest} checks each against the Java rule on PostgreSQL.
 */
final class ValiditySql {

    private ValiditySql() {
    }

    /** {@code ValidityWindow.contains}: in force on the day. */
    static String holdsOn(String day) {
        return "(v.cert_valid_from IS NULL OR v.cert_valid_from <= " + day + ") AND (v.cert_valid_until IS NULL OR "
                + day + " <= v.cert_valid_until)";
    }

    /** {@code ValidityWindow.hasNotBegunOn}: the day comes before the first day. */
    static String notBegunOn(String day) {
        return "v.cert_valid_from > " + day;
    }

    /** {@code ValidityWindow.hasEndedBefore}: the last day came before the day. */
    static String endedBefore(String day) {
        return "v.cert_valid_until < " + day;
    }

    /** {@code ValidityWindow.overlapsYear}: in force on at least one day of the year. */
    static String overlapsYear(String year) {
        return "(v.cert_valid_from IS NULL OR EXTRACT(YEAR FROM v.cert_valid_from) <= " + year
                + ") AND (v.cert_valid_until IS NULL OR EXTRACT(YEAR FROM v.cert_valid_until) >= " + year + ")";
    }
}
