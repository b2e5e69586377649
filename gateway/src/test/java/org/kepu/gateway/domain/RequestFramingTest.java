package org.kepu.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class RequestFramingTest {

    @Test
    void http11NeedsExactlyOneHost() {
        assertTrue(RequestFraming.refusal(true, List.of(), List.of()).isPresent());
        assertTrue(RequestFraming.refusal(true, List.of("a", "b"), List.of()).isPresent());
        assertFalse(RequestFraming.refusal(true, List.of("kepu"), List.of()).isPresent());
        assertFalse(RequestFraming.refusal(false, List.of(), List.of()).isPresent(), "HTTP/1.0 may omit it");
    }

    @Test
    void aTransferEncodingMustEndInChunked() {
        for (List<String> codings : List.of(List.of("gzip"), List.of("chunked, gzip"), List.of("xchunked"),
                List.of("chunked", "gzip"))) {
            assertTrue(RequestFraming.refusal(true, List.of("kepu"), codings).isPresent(), codings.toString());
        }
        for (List<String> codings : List.of(List.of("chunked"), List.of("gzip, Chunked"), List.of("gzip", "chunked "))) {
            assertFalse(RequestFraming.refusal(true, List.of("kepu"), codings).isPresent(), codings.toString());
        }
    }
}
