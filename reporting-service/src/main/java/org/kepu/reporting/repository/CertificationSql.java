package org.kepu.reporting.repository;

/**
 * A base's certification as of a day, in SQL over the venue read model {@code v}: the stored status, except that a
 * CERTIFIED certificate outside its validity reads NOT_YET_VALID before its first day and LAPSED after its last, as
 * venue-service shows it. The validity is {@link org.kepu.common.rules.ValidityWindow}'s (both days inclusive, a null
 * end open); {@code CertificationSqlTest} checks this against it on PostgreSQL.
 */
final class CertificationSql {

    private CertificationSql() {
    }

    /** The status on {@code day}, a bound parameter (":asOf") or an expression, never a value. */
    static String statusOn(String day) {
        return "CASE WHEN v.cert_status IS DISTINCT FROM 'CERTIFIED' THEN v.cert_status"
                + " WHEN v.cert_valid_from > " + day + " THEN 'NOT_YET_VALID'"
                + " WHEN v.cert_valid_until < " + day + " THEN 'LAPSED' ELSE 'CERTIFIED' END";
    }
}
