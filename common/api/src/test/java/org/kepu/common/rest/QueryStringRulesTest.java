package org.kepu.common.rest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;

import org.junit.jupiter.api.Test;
import org.kepu.common.problem.ProblemException;

class QueryStringRulesTest {

    static class Paging {
        @QueryParam("page")
        int page;
        @QueryParam("size")
        int size;
    }

    @SuppressWarnings("unused")
    void search(@QueryParam("q") String q, @QueryParam("tag") List<String> tags, @BeanParam Paging paging) {
    }

    @Test
    void parametersTakingOneValueAreFoundInBeanParamsToo() throws Exception {
        Method search = getClass().getDeclaredMethod("search", String.class, List.class, Paging.class);
        assertEquals(Set.of("q", "page", "size"), QueryStringRules.singleValuedParameters(search));
    }

    @Test
    void validUtf8AndRepeatedListParametersPass() {
        assertDoesNotThrow(() -> QueryStringRules.check("q=%E7%A7%91%E6%99%AE+%E5%B9%BF%E5%B7%9E&tag=a&tag=b&page=1",
                Set.of("q", "page")));
        assertDoesNotThrow(() -> QueryStringRules.check("q=&&flag&page=2", Set.of("q", "page")));
        assertEquals("科普 x", QueryStringRules.decode("%E7%A7%91%E6%99%AE+x", 0, 20, "q"));
    }

    @Test
    void aValueThatIsNotUtf8IsRefusedNamingTheParameter() {
        assertEquals("q", refused("page=1&q=%FF", Set.of()));
        assertEquals("q", refused("q=%E7%A7", Set.of())); // a character cut short
        assertEquals("q", refused("q=%C0%AF", Set.of())); // an overlong '/'
        assertEquals("q", refused("q=50%", Set.of()));
        assertEquals("query", refused("%FF=1", Set.of()));
    }

    @Test
    void aSingleValuedParameterGivenTwiceIsRefused() {
        assertEquals("page", refused("page=1&size=5&page=2", Set.of("page", "size")));
        assertEquals("q", refused("q=a&q=a", Set.of("q")));
    }

    private static String refused(String query, Set<String> singleValued) {
        ProblemException problem = assertThrows(ProblemException.class, () -> QueryStringRules.check(query, singleValued));
        assertEquals(400, problem.problem().status());
        return problem.problem().errors().get(0).field();
    }
}
