package org.kepu.common.problem;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * The database failures that mean "not now" rather than "a bug": the request did nothing wrong and the same request
 * succeeds once the database takes connections again, so it is answered 503 with {@code Retry-After}, not 500.
 */
enum DatabaseUnavailability {

    /** Every pooled connection stayed busy for the pool's whole acquisition timeout: the service is overloaded. */
    NO_CONNECTION_FREE(Problem.of(503, "service-busy", "Service busy",
            "Every database connection stayed busy while this request waited; retry after a second", null), 1),

    /**
     * The database refused a connection or dropped one (wrong password, connection refused, too many connections, a
     * restart): nothing a retry within a second would change, while a restart or a fixed credential takes seconds.
     */
    CONNECTION_REFUSED(Problem.of(503, "database-unavailable", "Database unavailable",
            "The service's database refused or lost its connection; retry in a few seconds", null), 5);

    /**
     * PostgreSQL's codes for a connection refused or lost (classes 08, connection exception, and 28, invalid
     * authorization, are matched whole): too many connections (for the server, the role or the database), a server
     * shutting down, crashed or starting up, a database that does not exist (dropped under a running service).
     */
    private static final Set<String> REFUSING_STATES = Set.of("53300", "57P01", "57P02", "57P03", "3D000");

    private final Problem problem;

    private final int retryAfterSeconds;

    DatabaseUnavailability(Problem problem, int retryAfterSeconds) {
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The problem a client gets for this failure. */
    Problem problem() {
        return problem;
    }

    /** When a client should try again, for {@code Retry-After}. */
    int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /**
     * What {@code failure}, or any of its causes, says about the database. A refusal is looked for first: a pool that
     * could not open a connection may also report that none came free, and the refusal is the reason.
     */
    static Optional<DatabaseUnavailability> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && refusing(sql.getSQLState())) {
                return Optional.of(CONNECTION_REFUSED);
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // Agroal's pool says so only in its message: a plain SQLException with no SQL state.
            if (cause instanceof SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                    && sql.getMessage().contains("acquisition timeout")) {
                return Optional.of(NO_CONNECTION_FREE);
            }
        }
        return Optional.empty();
    }

    private static boolean refusing(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("28") || REFUSING_STATES.contains(state));
    }
}
