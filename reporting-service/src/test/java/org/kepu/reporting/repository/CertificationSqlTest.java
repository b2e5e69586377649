package org.kepu.reporting.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.kepu.common.rules.ValidityWindow;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The status the reports count bases by, in SQL, is {@link ValidityWindow}'s answer on PostgreSQL: every stored
 * status, every window whose ends (or open ends) lie around 2024's last day and in 2030, read on the day before, of
 * and after each end, and on the day 2024 is judged on.
 */
@QuarkusTest
class CertificationSqlTest {

    /** A stored certification read on one day. */
    record Case(String status, ValidityWindow window, LocalDate day) {

        /** What the window says the status is: a certificate is in force only inside it. */
        String expected() {
            if (!"CERTIFIED".equals(status)) {
                return status;
            }
            return window.hasNotBegunOn(day) ? "NOT_YET_VALID" : window.hasEndedBefore(day) ? "LAPSED" : "CERTIFIED";
        }
    }

    @Inject
    DataSource db;

    static List<Case> edges() {
        List<LocalDate> ends = Arrays.asList(null, LocalDate.of(2024, 12, 30), LocalDate.of(2024, 12, 31),
                LocalDate.of(2025, 1, 1), LocalDate.of(2030, 1, 1));
        TreeSet<LocalDate> days = new TreeSet<>();
        ends.stream().filter(end -> end != null)
                .forEach(end -> days.addAll(List.of(end.minusDays(1), end, end.plusDays(1))));
        days.add(ValidityWindow.yearEndOrToday(2024, Instant.now()));
        List<Case> cases = new ArrayList<>();
        for (String status : Arrays.asList(null, "APPLIED", "CERTIFIED", "SUSPENDED", "REVOKED")) {
            for (LocalDate from : ends) {
                for (LocalDate until : ends) {
                    if (from != null && until != null && until.isBefore(from)) {
                        continue;
                    }
                    days.forEach(day -> cases.add(new Case(status, new ValidityWindow(from, until), day)));
                }
            }
        }
        return cases;
    }

    @Test
    void theStatusOnADayIsTheWindowsAnswerAtEveryEdge() throws Exception {
        List<Case> cases = edges();
        StringBuilder values = new StringBuilder();
        for (int n = 0; n < cases.size(); n++) {
            Case c = cases.get(n);
            values.append(n == 0 ? "" : ", ").append('(').append(n).append(", ")
                    .append(c.status() == null ? "CAST(NULL AS varchar)" : "'" + c.status() + "'").append(", ")
                    .append(date(c.window().from())).append(", ").append(date(c.window().until())).append(", ")
                    .append(date(c.day())).append(')');
        }
        String sql = "SELECT v.n, " + CertificationSql.statusOn("v.day") + " AS status FROM (VALUES " + values
                + ") AS v(n, cert_status, cert_valid_from, cert_valid_until, day) ORDER BY v.n";
        List<String> read = new ArrayList<>();
        try (Connection connection = db.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                read.add(row.getString("status"));
            }
        }
        assertEquals(cases.size(), read.size());
        List<String> wrong = IntStream.range(0, cases.size())
                .filter(n -> !Objects.equals(cases.get(n).expected(), read.get(n)))
                .mapToObj(n -> cases.get(n) + " reads " + read.get(n)).toList();
        assertEquals(List.of(), wrong);
    }

    /** A date literal the test chose itself (no outside input reaches this SQL). */
    private static String date(LocalDate day) {
        return day == null ? "CAST(NULL AS date)" : "DATE '" + day + "'";
    }
}
