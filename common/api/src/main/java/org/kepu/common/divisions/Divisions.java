package org.kepu.common.divisions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Guangdong's divisions (province, 21 cities, 122 counties), loaded once from the reference CSV shipped in this jar.
 */
@ApplicationScoped
public class Divisions {

    private static final String RESOURCE = "/org/kepu/common/divisions/guangdong-divisions.csv";

    private final Map<String, Division> byCode;

    public Divisions() {
        this.byCode = Collections.unmodifiableMap(load());
    }

    /** The division with this code, if it is one of Guangdong's. */
    public Optional<Division> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** All divisions, province first, then cities, then counties, in file order. */
    public Collection<Division> all() {
        return byCode.values();
    }

    /**
     * The prefecture-level city a division belongs to (itself for a city; Dongguan and Zhongshan have no counties);
     * empty for the province or an unknown code.
     */
    public Optional<Division> cityOf(String code) {
        return find(code).flatMap(division -> switch (division.level()) {
            case CITY -> Optional.of(division);
            case COUNTY -> find(division.parentCode());
            case PROVINCE -> Optional.empty();
        });
    }

    private static Map<String, Division> load() {
        Map<String, Division> divisions = new LinkedHashMap<>();
        try (InputStream in = Divisions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header: code,name,level,parent_code,economic_region
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                Division division = new Division(cells[0], cells[1], Division.Level.valueOf(cells[2]),
                        cells[3].isEmpty() ? null : cells[3],
                        cells[4].isEmpty() ? null : EconomicRegion.valueOf(cells[4]));
                divisions.put(division.code(), division);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return divisions;
    }
}
