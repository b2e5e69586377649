package org.kepu.common.vocabulary;

import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One entry of a reference list as the API serves it.
 *
 * @param code the value to send in requests and filters
 * @param nameZh the Chinese label
 * @param nameEn the English label
 */
@Schema(name = "VocabularyEntry")
public record VocabularyEntry(String code, String nameZh, String nameEn) {

    /** Every value of a vocabulary enum, in declaration order. */
    public static <E extends Enum<E> & Labelled> List<VocabularyEntry> listOf(Class<E> vocabulary) {
        return Arrays.stream(vocabulary.getEnumConstants())
                .map(value -> new VocabularyEntry(value.name(), value.labelZh(), value.labelEn())).toList();
    }
}
