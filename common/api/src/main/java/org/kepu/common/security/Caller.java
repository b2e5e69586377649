package org.kepu.common.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, and which organization, venues or partner their verified token scopes them to. Services decide
 * ownership with it; they never trust a scope sent any other way.
 */
@RequestScoped
public class Caller {

    /** Token claim naming the organizer's organization. */
    public static final String ORGANIZATION_CLAIM = "org";
    /** Token claim listing the venue ids a venue manager manages. */
    public static final String VENUES_CLAIM = "venues";
    /** Token claim naming a partner agency. */
    public static final String PARTNER_CLAIM = "partner";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isAdmin() {
        return hasRole(Roles.ADMIN);
    }

    /** The token's subject, or empty for anonymous callers. */
    public Optional<String> subject() {
        return isAnonymous() ? Optional.empty() : Optional.ofNullable(token.getSubject());
    }

    /** The organization an organizer acts for. */
    public Optional<String> organization() {
        return claim(ORGANIZATION_CLAIM);
    }

    /** The partner agency a partner acts for. */
    public Optional<String> partner() {
        return claim(PARTNER_CLAIM);
    }

    /** The venues a venue manager manages (as id strings). */
    public Set<String> venues() {
        if (isAnonymous() || !token.containsClaim(VENUES_CLAIM)) {
            return Set.of();
        }
        Object value = token.getClaim(VENUES_CLAIM);
        if (value instanceof Collection<?> values) {
            return values.stream().map(CallerClaims::unquote).collect(Collectors.toSet());
        }
        return Set.copyOf(List.of(CallerClaims.unquote(value)));
    }

    private Optional<String> claim(String name) {
        if (isAnonymous() || !token.containsClaim(name)) {
            return Optional.empty();
        }
        return Optional.of(CallerClaims.unquote(token.getClaim(name)));
    }
}
