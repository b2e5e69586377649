package org.kepu.events.repository;

import java.util.UUID;

import jakarta.persistence.Column;

/**
 * A change feed row as it is written, with the event's change: its sequence number, time and position are the table's
 * to give (the sequencer positions it after the commit). Written by the shared batch writer
 * ({@link org.kepu.common.persistence.EntityColumns}), so the columns are named once, here.
 */
record EventChangeRow(@Column(name = "event_id") UUID eventId, String change, long version) {
}
