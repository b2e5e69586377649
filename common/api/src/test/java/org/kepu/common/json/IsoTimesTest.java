package org.kepu.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Kepu writes a time exactly as the ISO formatter, and so the JSR-310 module before it, wrote it. */
class IsoTimesTest {

    /** As Quarkus builds the mapper (times as text), with and without our customizer. */
    private static final ObjectMapper MODULE = JsonMapper.builder().build().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final ObjectMapper KEPU = StrictJson.apply(JsonMapper.builder().build()
            .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

    @ParameterizedTest
    @ValueSource(strings = {"2024-05-18T09:00:00+08:00", "2024-05-18T09:00:00Z", "1900-01-01T00:00:00-05:30",
            "2199-12-31T23:59:59.999999999+14:00", "2024-02-29T12:30:00.5+08:00", "2024-02-29T12:30:00.120+08:00",
            "0001-01-01T00:00:00.000001-12:00", "9999-12-31T23:59:59+08:00", "2024-05-18T09:00:00+05:45:30",
            "+10000-01-01T00:00:00+08:00", "-0001-01-01T00:00:00+08:00"})
    void aTimeIsWrittenAsTheIsoFormatterWritesIt(String text) throws Exception {
        OffsetDateTime time = OffsetDateTime.parse(text);
        assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time), IsoTimes.format(time));
        assertEquals(MODULE.writeValueAsString(time), KEPU.writeValueAsString(time));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void randomTimesAreWrittenAsTheIsoFormatterWritesThem(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_300_000_000L, 7_300_000_000L),
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1_000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    });
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60);
            OffsetDateTime time = instant.atOffset(i % 3 == 0 ? ZoneOffset.ofHours(8) : offset);
            assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time), IsoTimes.format(time), time::toString);
        }
    }
}
