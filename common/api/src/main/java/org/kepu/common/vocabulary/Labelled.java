package org.kepu.common.vocabulary;

/** A value of a controlled vocabulary with the Chinese and English labels front ends show. */
public interface Labelled {

    /** The stable code clients send and store, e.g. {@code CARNIVAL}. */
    String name();

    String labelZh();

    String labelEn();
}
