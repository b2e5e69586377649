package org.kepu.reporting.domain;

/**
 * Facts have been applied to the read models and committed: what was computed from them before may be out of date.
 * Announced once per committed batch of facts, by whoever applied them.
 */
public record ReadModelsChanged() {
}
