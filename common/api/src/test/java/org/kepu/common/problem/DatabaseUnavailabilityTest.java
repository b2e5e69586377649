package org.kepu.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseUnavailabilityTest {

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({
            "28P01, FATAL: password authentication failed for user \"kepu_venue\"",
            "28000, FATAL: no pg_hba.conf entry for host \"10.0.0.7\"",
            "08001, Connection to 127.0.0.1:5432 refused",
            "08006, An I/O error occurred while sending to the backend",
            "53300, FATAL: sorry, too many clients already",
            "57P01, FATAL: terminating connection due to administrator command",
            "57P03, FATAL: the database system is starting up",
            "3D000, FATAL: database \"kepu_venue\" does not exist"})
    void aDatabaseThatRefusesOrDropsAConnectionIsUnavailableNotBroken(String state, String message) {
        // As Hibernate and Narayana wrap the driver's exception: a few causes down.
        var failure = new IllegalStateException("could not prepare statement",
                new RuntimeException("JDBC exception", new SQLException(message, state, new ConnectException())));
        assertEquals(Optional.of(DatabaseUnavailability.CONNECTION_REFUSED), DatabaseUnavailability.of(failure));
    }

    @Test
    void aRefusalBehindThePoolsOwnFailureIsWhatIsReported() {
        // The pool wraps what the driver said when it tried to open a connection for the waiting request.
        var failure = new RuntimeException(new SQLException("Sorry, acquisition timeout!",
                new SQLException("FATAL: password authentication failed", "28P01")));
        assertEquals(Optional.of(DatabaseUnavailability.CONNECTION_REFUSED), DatabaseUnavailability.of(failure));
    }

    @Test
    void aPoolWithNoConnectionFreeIsBusy() {
        var failure = new RuntimeException(new SQLException("Sorry, acquisition timeout!"));
        assertEquals(Optional.of(DatabaseUnavailability.NO_CONNECTION_FREE), DatabaseUnavailability.of(failure));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"42P01, relation \"venue\" does not exist", "23505, duplicate key value violates unique constraint",
            "42501, permission denied for table venue", "22001, value too long for type character varying(200)",
            "40001, could not serialize access due to concurrent update"})
    void aStatementTheDatabaseRejectedIsNotAnOutage(String state, String message) {
        assertEquals(Optional.empty(),
                DatabaseUnavailability.of(new RuntimeException(new SQLException(message, state))));
    }

    @Test
    void aFailureWithoutADatabaseCauseIsNotAnOutage() {
        assertEquals(Optional.empty(), DatabaseUnavailability.of(new IllegalStateException("no database here")));
        assertEquals(Optional.empty(), DatabaseUnavailability.of(new RuntimeException(new SQLException("no state"))));
    }
}
