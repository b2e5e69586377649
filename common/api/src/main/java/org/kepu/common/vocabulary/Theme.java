package org.kepu.common.vocabulary;

/**
 * Topics of outreach, seeded from the themed days in shared/reference/theme-days.csv and the topics the seed plans
 * stress (health, emergency response, ecology, agriculture, AI, space, digital literacy, science education).
 */
public enum Theme implements Labelled {
    GENERAL, HEALTH, EMERGENCY, SAFETY, ECOLOGY, AGRICULTURE, METEOROLOGY, QUALITY_SAFETY, INNOVATION, AI, SPACE, DIGITAL, EDUCATION;
}
