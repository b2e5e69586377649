package org.kepu.events.domain;

/**
 * What an event offers people with disabilities (无障碍): the plans' audience lines reach the elderly and every
 * resident, so a person should know before coming whether they can take part.
 */
public enum AccessFeature {
    /** 无障碍通道: step-free access to where the event happens. */
    WHEELCHAIR_ACCESS,
    /** 无障碍卫生间. */
    ACCESSIBLE_TOILET,
    /** 无障碍席位: seats kept for wheelchair users and their companions. */
    ACCESSIBLE_SEATING,
    /** 手语翻译. */
    SIGN_LANGUAGE,
    /** 实时字幕: live captions on screen or stream. */
    CAPTIONS,
    /** 口述影像: spoken description of what is shown. */
    AUDIO_DESCRIPTION,
    /** 盲文或大字资料. */
    BRAILLE_OR_LARGE_PRINT,
    /** 助听环路. */
    HEARING_LOOP
}
