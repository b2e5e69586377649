package org.kepu.gateway.service;

import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies bearer tokens with the configured public key or JWKS URL: RS256 signature, issuer, audience and expiry.
 * May block on a JWKS fetch, so it is called off the event loop.
 */
@Singleton
public class TokenVerifier {

    private final JWTParser parser;

    public TokenVerifier(JWTParser parser) {
        this.parser = parser;
    }

    /** The verified token, or empty if it is not valid for any reason. */
    public Optional<JsonWebToken> verify(String token) {
        try {
            return Optional.of(parser.parse(token));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }
}
