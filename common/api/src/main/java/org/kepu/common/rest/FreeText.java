package org.kepu.common.rest;

import java.util.List;

import org.kepu.common.problem.Problem.InvalidField;

/** A search's free text ({@code q}) as the search uses it. */
public final class FreeText {

    private FreeText() {
    }

    /**
     * The text trimmed, or null when blank; text with nothing to search for (only punctuation) adds an error naming
     * {@code q}, since it would match everything or nothing.
     */
    public static String of(String q, List<InvalidField> errors) {
        String text = q == null || q.isBlank() ? null : q.trim();
        if (text != null && text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            errors.add(new InvalidField("q", "must contain a letter, digit or Chinese character"));
        }
        return text;
    }
}
