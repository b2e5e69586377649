package org.kepu.common.rest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.kepu.common.problem.ProblemException;

class IfMatchTest {

    @Test
    void anUpdateWithoutIfMatchIsRefusedWith428() {
        assertEquals(428, status(() -> IfMatch.required(null)));
        assertEquals(428, status(() -> IfMatch.required(" ")));
    }

    @Test
    void aStarMatchesAnyCurrentVersion() {
        assertDoesNotThrow(() -> IfMatch.required("*").requireMatches(7, "Event x"));
        assertDoesNotThrow(() -> IfMatch.optional(null).requireMatches(7, "Event x"));
    }

    @Test
    void oneOfAListOfTagsStrongOrWeakMatches() {
        assertDoesNotThrow(() -> IfMatch.required("\"3\", W/\"7\"").requireMatches(7, "Event x"));
        assertEquals(412, status(() -> IfMatch.required("\"3\", \"4\"").requireMatches(7, "Event x")));
    }

    @Test
    void aTagThatCannotBeOursFails() {
        assertEquals(412, status(() -> IfMatch.required("\"abc\"")));
        assertEquals(412, status(() -> IfMatch.optional("ics-3")));
    }

    private static int status(Runnable precondition) {
        return assertThrows(ProblemException.class, precondition::run).problem().status();
    }
}
