package org.kepu.common.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void startsWithAByteOrderMarkAndEndsRowsWithCrLf() {
        byte[] bytes = CsvExport.withHeaders("姓名", "人数").row("李老师", 3).toBytes();
        assertEquals("\uFEFF姓名,人数\r\n李老师,3\r\n", new String(bytes, StandardCharsets.UTF_8));
        assertEquals((byte) 0xEF, bytes[0]);
    }

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaks() {
        assertEquals("\"a,b\"", CsvExport.escape("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvExport.escape("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvExport.escape("two\nlines"));
        assertEquals("", CsvExport.escape(null));
    }

    @Test
    void neverLetsASpreadsheetRunAFormula() {
        assertEquals("'=SUM(A1)", CsvExport.escape("=SUM(A1)"));
        assertEquals("'+1", CsvExport.escape("+1"));
        assertEquals("-5", CsvExport.escape(-5));
    }
}
