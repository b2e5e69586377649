package org.kepu.gateway.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingFileOutputTest {

    @TempDir
    Path folder;

    @Test
    void theFileIsMovedAsideBeforeItWouldPassItsSizeAndOnlyTheNewestBackupsAreKept() throws IOException {
        Path log = folder.resolve("access.log");
        try (RotatingFileOutput out = new RotatingFileOutput(log, 25, 2)) {
            for (int i = 0; i < 10; i++) {
                out.write(("line " + i + " of ten\n").getBytes(StandardCharsets.UTF_8)); // 15 bytes: one per file
            }
        }
        assertEquals("line 9 of ten\n", Files.readString(log));
        assertEquals("line 8 of ten\n", Files.readString(log.resolveSibling("access.log.1")));
        assertEquals("line 7 of ten\n", Files.readString(log.resolveSibling("access.log.2")));
        assertFalse(Files.exists(log.resolveSibling("access.log.3")), "older files are deleted");
    }

    @Test
    void writesThatFitTogetherShareAFileAndAnExistingFileCountsTowardsTheSize() throws IOException {
        Path log = folder.resolve("access.log");
        Files.writeString(log, "0123456789");
        try (RotatingFileOutput out = new RotatingFileOutput(log, 20, 1)) {
            out.write("abcde".getBytes(StandardCharsets.UTF_8));
            out.write("fghij".getBytes(StandardCharsets.UTF_8));
            out.write("k".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("0123456789abcdefghij", Files.readString(log.resolveSibling("access.log.1")));
        assertEquals("k", Files.readString(log));
    }

    @Test
    void withoutBackupsTheFileStartsAgainEmpty() throws IOException {
        Path log = folder.resolve("access.log");
        try (RotatingFileOutput out = new RotatingFileOutput(log, 10, 0)) {
            out.write("0123456789".getBytes(StandardCharsets.UTF_8));
            out.write("next".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("next", Files.readString(log));
        assertTrue(Files.list(folder).count() == 1, "no backup is kept");
    }
}
