package org.kepu.gateway.rest;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.kepu.gateway.service.WebBundle;
import org.kepu.gateway.service.WebBundle.WebFile;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Answers GET and HEAD of the web pages and their assets from {@link WebBundle}, on the event loop: the gzip copy to
 * a browser that accepts it, and headers that allow the pages' own scripts, styles and API calls only (no inline
 * script, no other origin, no framing). Everything else goes on to Quarkus' router as before.
 */
@ApplicationScoped
public class WebPages {

    /** What the pages may load: their own files and the API on this origin; ECharts draws on canvas. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' blob: data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final WebBundle bundle;

    public WebPages(WebBundle bundle) {
        this.bundle = bundle;
    }

    /** Answers the request if it is for a page or an asset; false leaves it to the caller. */
    boolean answer(HttpServerRequest request) {
        HttpMethod method = request.method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return false;
        }
        WebFile file = bundle.file(request.path()).orElse(null);
        if (file == null) {
            return false;
        }
        boolean gzip = file.gzipped() != null && acceptsGzip(request.headers().getAll("Accept-Encoding"));
        byte[] body = gzip ? file.gzipped() : file.plain();
        HttpServerResponse response = request.response();
        response.putHeader("Content-Type", file.mediaType())
                .putHeader("Cache-Control", file.immutable() ? "public, max-age=31536000, immutable" : "no-cache")
                .putHeader("Vary", "Accept-Encoding")
                .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("X-Frame-Options", "DENY");
        if (gzip) {
            response.putHeader("Content-Encoding", "gzip");
        }
        if (method == HttpMethod.HEAD) {
            response.putHeader("Content-Length", String.valueOf(body.length)).end();
        } else {
            response.end(Buffer.buffer(body));
        }
        return true;
    }

    /** Whether any Accept-Encoding header names gzip (or *) without refusing it with q=0. */
    static boolean acceptsGzip(List<String> headers) {
        for (String header : headers) {
            for (String coding : header.split(",")) {
                String[] parts = coding.trim().split(";");
                String name = parts[0].trim().toLowerCase(Locale.ROOT);
                boolean refused = parts.length > 1 && parts[1].trim().replace(" ", "").matches("q=0(\\.0*)?");
                if ((name.equals("gzip") || name.equals("*")) && !refused) {
                    return true;
                }
            }
        }
        return false;
    }
}
