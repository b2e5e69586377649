package org.kepu.venues.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kepu.common.rules.ValidityWindow;
import org.kepu.common.testing.TestSeed;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The SQL the searches filter certificates with says what {@link ValidityWindow} says, on PostgreSQL: the same drawn
 * windows and days (closed and open-ended, every day from three before an end to three after it, and any day), read
 * through each fragment as the searches use it.
 */
@QuarkusTest
@ExtendWith(TestSeed.class)
class ValiditySqlTest {

    /** One window read on one day, and the year an evaluation would be for. */
    record Case(ValidityWindow window, LocalDate day, int year) {
    }

    @Inject
    DataSource db;

    static List<Case> drawn(Random random) {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            LocalDate from = LocalDate.of(2000, 1, 1).plusDays(random.nextInt(60 * 366));
            LocalDate until = from.plusDays(random.nextBoolean() ? random.nextInt(3) : random.nextInt(10 * 366));
            ValidityWindow window = switch (random.nextInt(8)) {
                case 0 -> new ValidityWindow(null, until);
                case 1 -> new ValidityWindow(from, null);
                case 2 -> new ValidityWindow(null, null);
                default -> new ValidityWindow(from, until);
            };
            LocalDate end = random.nextBoolean() ? from : until;
            LocalDate day = random.nextInt(4) == 0
                    ? from.plusDays(random.nextInt(-4000, 4000))
                    : end.plusDays(random.nextInt(-3, 4));
            cases.add(new Case(window, day, end.getYear() + random.nextInt(-1, 2)));
        }
        return cases;
    }

    @Test
    void eachFragmentAgreesWithTheWindowOnEveryDrawnCase() throws Exception {
        List<Case> cases = drawn(TestSeed.random("ValiditySqlTest"));
        List<String> rows = new ArrayList<>();
        for (int n = 0; n < cases.size(); n++) {
            Case c = cases.get(n);
            rows.add("(" + n + ", " + date(c.window().from()) + ", " + date(c.window().until()) + ", " + date(c.day())
                    + ", " + c.year() + ")");
        }
        // A condition that is NULL selects nothing, as false does: coalesce reads it the way WHERE does.
        String sql = "SELECT v.n, coalesce(" + ValiditySql.holdsOn("v.day") + ", false) AS holds, coalesce("
                + ValiditySql.notBegunOn("v.day") + ", false) AS not_begun, coalesce("
                + ValiditySql.endedBefore("v.day") + ", false) AS ended, coalesce("
                + ValiditySql.overlapsYear("v.year") + ", false) AS overlaps FROM (VALUES " + String.join(", ", rows)
                + ") AS v(n, cert_valid_from, cert_valid_until, day, year) ORDER BY v.n";
        try (Connection connection = db.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            int read = 0;
            while (row.next()) {
                Case c = cases.get(row.getInt("n"));
                String what = c.window() + " on " + c.day() + " (year " + c.year() + ")";
                assertEquals(c.window().contains(c.day()), row.getBoolean("holds"), "holds on: " + what);
                assertEquals(c.window().hasNotBegunOn(c.day()), row.getBoolean("not_begun"), "not begun: " + what);
                assertEquals(c.window().hasEndedBefore(c.day()), row.getBoolean("ended"), "ended: " + what);
                assertEquals(c.window().overlapsYear(c.year()), row.getBoolean("overlaps"), "overlaps: " + what);
                read++;
            }
            assertEquals(cases.size(), read);
        }
    }

    /** A date literal the test drew itself (no outside input reaches this SQL). */
    private static String date(LocalDate day) {
        return day == null ? "CAST(NULL AS date)" : "DATE '" + day + "'";
    }
}
