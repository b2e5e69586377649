package org.kepu.events.domain;

/** Who registers: one person, or a group that comes together and is never split (a school class, a family). */
public enum RegistrationKind {
    PERSON, GROUP
}
