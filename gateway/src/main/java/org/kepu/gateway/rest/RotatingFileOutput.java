package org.kepu.gateway.rest;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file that never grows past a size: a write that would take it past {@code maxBytes} first moves it aside to
 * {@code name.1} (an older {@code name.1} to {@code name.2}, and so on, the oldest beyond {@code backups} deleted), as
 * logrotate would, so a busy gateway's access log stays bounded on a machine with no logrotate. One writer only: the
 * access log's thread.
 */
final class RotatingFileOutput extends OutputStream {

    private final Path path;
    private final long maxBytes;
    private final int backups;
    private OutputStream current;
    private long written;

    RotatingFileOutput(Path path, long maxBytes, int backups) throws IOException {
        if (maxBytes <= 0 || backups < 0) {
            throw new IllegalArgumentException("an access log file needs a positive size and zero or more backups");
        }
        this.path = path;
        this.maxBytes = maxBytes;
        this.backups = backups;
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        this.written = Files.exists(path) ? Files.size(path) : 0;
        this.current = new FileOutputStream(path.toFile(), true);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (written > 0 && written + length > maxBytes) {
            rotate();
        }
        current.write(bytes, offset, length);
        written += length;
    }

    @Override
    public void flush() throws IOException {
        current.flush();
    }

    @Override
    public void close() throws IOException {
        current.close();
    }

    private void rotate() throws IOException {
        current.close();
        Files.deleteIfExists(backup(backups));
        for (int i = backups - 1; i >= 1; i--) {
            if (Files.exists(backup(i))) {
                Files.move(backup(i), backup(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (backups > 0) {
            Files.move(path, backup(1), StandardCopyOption.REPLACE_EXISTING);
        }
        current = new FileOutputStream(path.toFile(), false);
        written = 0;
    }

    private Path backup(int index) {
        return path.resolveSibling(path.getFileName() + "." + index);
    }
}
