package org.kepu.reporting.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A report as officials open it in a spreadsheet: a sheet name, Chinese column headers, and rows whose numbers stay
 * numbers. Every export (CSV or XLSX) is made from one of these, so both formats always say the same thing.
 */
public final class ReportTable {

    private final String name;
    private final List<String> headers;
    private final List<List<Object>> rows = new ArrayList<>();

    private ReportTable(String name, List<String> headers) {
        this.name = name;
        this.headers = headers;
    }

    /** An empty table; {@code name} becomes the sheet's name and the file's. */
    public static ReportTable named(String name, String... headers) {
        return new ReportTable(name, List.of(headers));
    }

    /** Appends a row; it must have a value (or null) for every header. */
    public ReportTable row(Object... values) {
        if (values.length != headers.size()) {
            throw new IllegalArgumentException(name + ": a row of " + values.length + " for " + headers.size()
                    + " headers");
        }
        rows.add(java.util.Arrays.asList(values));
        return this;
    }

    public String name() {
        return name;
    }

    public List<String> headers() {
        return headers;
    }

    public List<List<Object>> rows() {
        return rows;
    }
}
