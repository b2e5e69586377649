package org.kepu.common.idempotency;

/**
 * The response to a creating request, as kept for its retries.
 *
 * @param status the HTTP status
 * @param location the Location header, if any
 * @param etag the ETag header value, if any
 * @param body the JSON body
 */
public record StoredResponse(int status, String location, String etag, String body) {
}
