package org.kepu.common.security;

import jakarta.json.JsonString;

/** Reads claim values that arrive as JSON-P values or plain Java values alike. */
final class CallerClaims {
    private CallerClaims() {
    }

    static String unquote(Object value) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        return String.valueOf(value);
    }
}
