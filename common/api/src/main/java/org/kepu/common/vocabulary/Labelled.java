package org.kepu.common.vocabulary;

/**
 * A value of a controlled vocabulary with the Chinese and English labels front ends show. The labels live beside the
 * enum in {@code <EnumName>.labels} ({@code CODE=中文|English}, UTF-8), so translators edit one file and the enum
 * stays a plain list of codes.
 */
public interface Labelled {

    /** The stable code clients send and store, e.g. {@code CARNIVAL}. */
    String name();

    default String labelZh() {
        return VocabularyLabels.of(this).zh();
    }

    default String labelEn() {
        return VocabularyLabels.of(this).en();
    }
}
