package org.kepu.common.rules;

import java.util.List;

/**
 * A domain rule refused a change: what kind of refusal it is, a stable slug, and words a person can act on. Domain
 * classes throw it and know nothing of HTTP; the web layer maps each kind to its status in one place
 * ({@code org.kepu.common.problem.DomainExceptionMapper}).
 */
public final class DomainException extends RuntimeException {

    /** What kind of refusal: the caller's input, an unknown thing, the thing's current state, or the caller's rights. */
    public enum Kind {
        /** One or more inputs break a rule; {@link #fields()} names each. */
        INVALID,
        /** The thing does not exist, or the caller may not know that it does. */
        NOT_FOUND,
        /** The input is well formed, but the thing's current state does not allow the change. */
        CONFLICT,
        /** The caller is known but may not do this. */
        NOT_PERMITTED,
        /** What was asked for existed once and is gone for good (a change feed's cursor past its history). */
        GONE
    }

    /** One offending input: the field as the client named it, and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    private final Kind kind;
    private final String slug;
    private final String title;
    private final transient List<FieldError> fields;

    private DomainException(Kind kind, String slug, String title, String detail, List<FieldError> fields) {
        // No stack trace: these are answers to callers, thrown on ordinary paths (a full event), not bugs.
        super(detail, null, false, false);
        this.kind = kind;
        this.slug = slug;
        this.title = title;
        this.fields = List.copyOf(fields);
    }

    /** Inputs that break a rule, each named. */
    public static DomainException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid; see errors";
        return new DomainException(Kind.INVALID, "validation-failed", "Request is not valid", detail, errors);
    }

    /** One input that breaks a rule. */
    public static DomainException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** The thing asked for does not exist (or the caller may not know it exists). */
    public static DomainException notFound(String what, Object id) {
        return new DomainException(Kind.NOT_FOUND, "not-found", "Resource not found", what + " " + id + " does not exist",
                List.of());
    }

    /** The thing's current state does not allow the change; {@code slug} is the stable name a client switches on. */
    public static DomainException conflict(String slug, String title, String detail) {
        return new DomainException(Kind.CONFLICT, slug, title, detail, List.of());
    }

    /** The caller may not do this. */
    public static DomainException notPermitted(String detail) {
        return new DomainException(Kind.NOT_PERMITTED, "forbidden", "Not allowed", detail, List.of());
    }

    /** What was asked for is gone for good; {@code slug} is the stable name a client switches on. */
    public static DomainException gone(String slug, String title, String detail) {
        return new DomainException(Kind.GONE, slug, title, detail, List.of());
    }

    public Kind kind() {
        return kind;
    }

    /** The stable name of this refusal, e.g. {@code event-full}. */
    public String slug() {
        return slug;
    }

    /** A short summary that does not change between occurrences. */
    public String title() {
        return title;
    }

    /** For {@link Kind#INVALID}, each offending input; otherwise empty. */
    public List<FieldError> fields() {
        return fields;
    }
}
