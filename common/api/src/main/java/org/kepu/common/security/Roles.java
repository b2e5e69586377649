package org.kepu.common.security;

/** The roles a Kepu token can carry in its {@code groups} claim (DESIGN.md, Security). */
public final class Roles {
    public static final String ADMIN = "admin";
    /** Creates and runs events of one organization, named by the {@code org} claim. */
    public static final String ORGANIZER = "organizer";
    /** Manages the venues listed in the {@code venues} claim. */
    public static final String VENUE_MANAGER = "venue-manager";
    /** A partner agency pushing its own data, named by the {@code partner} claim. */
    public static final String PARTNER = "partner";
    public static final String ANALYST = "analyst";

    private Roles() {
    }
}
