package org.kepu.common.rest;

import jakarta.ws.rs.core.EntityTag;

/** Entity tags from an aggregate's optimistic-lock version; {@link IfMatch} reads them back. */
public final class ETags {

    private ETags() {
    }

    /** The strong ETag of a version. */
    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }
}
