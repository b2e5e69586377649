package org.kepu.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.kepu.common.vocabulary.Theme;
import org.kepu.reporting.domain.ThemedDay.Dates;

class ThemedDayTest {

    static Dates in(String rule, int year) {
        return new ThemedDay("k", "日", "Day", rule, Theme.GENERAL).in(year);
    }

    @Test
    void aDayARangeAndAMonth() {
        assertEquals(new Dates(LocalDate.of(2024, 3, 22), LocalDate.of(2024, 3, 22)), in("03-22", 2024));
        assertEquals(new Dates(LocalDate.of(2024, 3, 22), LocalDate.of(2024, 3, 28)), in("03-22/03-28", 2024));
        assertEquals(new Dates(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)), in("02", 2024));
        assertEquals(new Dates(LocalDate.of(2023, 2, 1), LocalDate.of(2023, 2, 28)), in("02", 2023));
    }

    @Test
    void weekdayRulesCountFromTheMonthsFirstSuchDay() {
        // September 2024 starts on a Sunday: its Saturdays are the 7th, 14th and 21st.
        assertEquals(new Dates(LocalDate.of(2024, 9, 21), LocalDate.of(2024, 9, 22)),
                in("third weekend of 09", 2024));
        // May 2021 starts on a Saturday: the fourth is the 22nd, and the week that year ran 22–29 May.
        assertEquals(new Dates(LocalDate.of(2021, 5, 22), LocalDate.of(2021, 5, 29)),
                in("8 days from the fourth saturday of 05", 2021));
    }

    @Test
    void aRuleThatIsNotOneFailsAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> in("sometime in spring", 2024));
        assertThrows(IllegalArgumentException.class, () -> in("tenth weekend of 09", 2024));
        assertThrows(IllegalArgumentException.class, () -> in("3 days from the first caturday of 05", 2024));
        assertThrows(IllegalArgumentException.class, () -> in("02-30", 2024));
    }
}
