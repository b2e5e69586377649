package org.kepu.common.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PhonesTest {

    @Test
    void acceptsNumbersAsPeopleTypeThemAndKeepsTheElevenDigits() {
        for (String typed : new String[]{"13812341234", "+8613812341234", "86 138 1234 1234", "138-1234-1234"}) {
            assertTrue(typed.matches(Phones.PATTERN), typed);
            assertEquals("13812341234", Phones.normalize(typed), typed);
        }
    }

    @Test
    void refusesWhatIsNotAMobileNumber() {
        for (String typed : new String[]{"12812341234", "1381234123", "138123412345", "020-12345678", "abc"}) {
            assertFalse(typed.matches(Phones.PATTERN), typed);
        }
    }

    @Test
    void masksAllButTheFirstThreeAndLastFourDigits() {
        assertEquals("138****1234", Phones.mask("13812341234"));
    }
}
