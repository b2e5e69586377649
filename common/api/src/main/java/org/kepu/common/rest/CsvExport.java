package org.kepu.common.rest;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV for people who open it in a spreadsheet (Excel, WPS): UTF-8 with a byte-order mark, or Chinese text shows as
 * mojibake; CRLF line ends; every field quoted when it holds a comma, quote or line break (RFC 4180). A field that a
 * spreadsheet would run as a formula (starting with {@code = + - @}) is prefixed with a quote, so an export never
 * executes what someone typed into a form.
 */
public final class CsvExport {

    /** The media type, for {@code @Produces} and responses. */
    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private static final String BOM = "\uFEFF";

    private final StringBuilder text = new StringBuilder(BOM);

    private CsvExport(List<String> headers) {
        row(headers);
    }

    /** A new export with its header row. */
    public static CsvExport withHeaders(String... headers) {
        return new CsvExport(List.of(headers));
    }

    /** Appends one row; null fields are empty. */
    public CsvExport row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(escape(fields.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    public CsvExport row(Object... fields) {
        return row(java.util.Arrays.asList(fields));
    }

    public byte[] toBytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String escape(Object field) {
        if (field == null) {
            return "";
        }
        String value = field.toString();
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !(field instanceof Number)) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
