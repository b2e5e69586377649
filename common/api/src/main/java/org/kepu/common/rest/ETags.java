package org.kepu.common.rest;

import java.util.zip.CRC32;
import java.util.zip.CRC32C;

import jakarta.ws.rs.core.EntityTag;

/**
 * Entity tags: from an aggregate's optimistic-lock version ({@link IfMatch} reads them back), or from the bytes of a
 * representation that has no version of its own (a page of search results).
 */
public final class ETags {

    private ETags() {
    }

    /** The strong ETag of a version. */
    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The strong ETag of a representation's bytes: equal bytes, equal tags; different bytes, different tags but for a
     * chance of about one in 2^64 (two checksums of different polynomials, and the length). Not a digest: a tag guards a
     * client's own cache, not a secret, and the processor computes both checksums in hardware, where SHA-256 stood
     * out in a search's profile (bench/README.md has the figures).
     */
    public static EntityTag ofContent(byte[] body) {
        CRC32C castagnoli = new CRC32C();
        castagnoli.update(body);
        CRC32 ieee = new CRC32();
        ieee.update(body);
        return new EntityTag(Long.toHexString(castagnoli.getValue() << 32 | ieee.getValue()) + "-"
                + Integer.toHexString(body.length));
    }
}
