package org.kepu.events.domain;

/** Where an event is in its lifecycle: draft → published → completed, or → cancelled. */
public enum EventStatus {
    DRAFT, PUBLISHED, COMPLETED, CANCELLED
}
