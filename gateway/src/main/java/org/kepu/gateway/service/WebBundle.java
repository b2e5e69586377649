package org.kepu.gateway.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * The web pages' built files (module web: the event finder and the dashboard), read once at start from the classpath
 * folder {@code kepu-web/}, each with the gzip copy the build made beside it. Where the pages are: {@code /} is the
 * finder, {@code /dashboard} the dashboard, every other file under its own path.
 */
@ApplicationScoped
public class WebBundle {

    private static final Logger LOG = Logger.getLogger(WebBundle.class);
    private static final String FOLDER = "kepu-web/";
    private static final Map<String, String> PAGES = Map.of("/", "/index.html", "/dashboard", "/dashboard.html");

    /** One built file: its bytes, its gzip copy, its media type, and whether its name changes with its content. */
    public record WebFile(byte[] plain, byte[] gzipped, String mediaType, boolean immutable) {
    }

    private final Map<String, WebFile> files;

    public WebBundle() {
        this(Thread.currentThread().getContextClassLoader());
    }

    WebBundle(ClassLoader loader) {
        this.files = load(loader);
        if (files.isEmpty()) {
            LOG.warn("No web pages on the classpath (kepu-web/files.txt): / and /dashboard are not served");
        }
    }

    /** The file a GET of {@code path} answers with, if any. */
    public Optional<WebFile> file(String path) {
        return Optional.ofNullable(files.get(PAGES.getOrDefault(path, path)));
    }

    private static Map<String, WebFile> load(ClassLoader loader) {
        Map<String, WebFile> files = new HashMap<>();
        byte[] list = read(loader, FOLDER + "files.txt");
        if (list == null) {
            return files;
        }
        for (String name : new String(list, StandardCharsets.UTF_8).split("\n")) {
            if (name.isBlank() || name.contains("..")) {
                continue;
            }
            byte[] plain = read(loader, FOLDER + name);
            byte[] gzipped = read(loader, FOLDER + name + ".gz");
            if (plain != null) {
                // Vite names the assets by their content hash, so they may be kept for ever; the pages may not.
                files.put("/" + name, new WebFile(plain, gzipped, mediaType(name), name.startsWith("assets/")));
            }
        }
        return Map.copyOf(files);
    }

    private static byte[] read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String mediaType(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return switch (extension) {
            case "html" -> "text/html; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "json" -> "application/json";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "woff2" -> "font/woff2";
            default -> "application/octet-stream";
        };
    }
}
