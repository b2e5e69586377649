package org.kepu.reporting.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.ws.rs.core.Response;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kepu.common.divisions.ProvinceTime;
import org.kepu.common.rest.CsvExport;
import org.kepu.reporting.domain.ReportTable;

/**
 * A {@link ReportTable} as a download: CSV (UTF-8 with BOM, for Excel and WPS) or XLSX (numbers as numeric cells, the
 * header row bold and frozen). Report resources expose each table at {@code <path>.csv} and {@code <path>.xlsx}.
 */
public final class TableExport {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final ZoneId SHANGHAI = ProvinceTime.ZONE;

    private TableExport() {
    }

    /** The table in {@code format} ("csv" or "xlsx"), as an attachment named {@code fileName.format}. */
    public static Response of(ReportTable table, String format, String fileName) {
        boolean xlsx = "xlsx".equals(format);
        byte[] body = xlsx ? xlsx(table) : csv(table);
        return Response.ok(body, xlsx ? XLSX : CsvExport.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "." + format + "\"").build();
    }

    static byte[] csv(ReportTable table) {
        CsvExport csv = CsvExport.withHeaders(table.headers().toArray(String[]::new));
        table.rows().forEach(row -> csv.row(row.stream().map(TableExport::plain).toList()));
        return csv.toBytes();
    }

    static byte[] xlsx(ReportTable table) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(table.name());
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < table.headers().size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(table.headers().get(i));
                cell.setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            List<List<Object>> rows = table.rows();
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    write(row.createCell(c), values.get(c));
                }
            }
            for (int i = 0; i < table.headers().size(); i++) {
                // Column widths from the header's length; autoSizeColumn would need fonts installed on the server.
                sheet.setColumnWidth(i, Math.min(60, Math.max(10, table.headers().get(i).length() * 3)) * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Cell cell, Object value) {
        if (value == null) {
            cell.setBlank();
        } else if (value instanceof Number number) {
            cell.setCellValue(number instanceof BigDecimal decimal ? decimal.doubleValue() : number.doubleValue());
        } else if (value instanceof Boolean flag) {
            cell.setCellValue(flag ? "是" : "否");
        } else {
            // Text cells are never formulas in POI, so nothing typed into a form can run.
            cell.setCellValue(plain(value).toString());
        }
    }

    private static Object plain(Object value) {
        if (value instanceof Boolean flag) {
            return flag ? "是" : "否";
        }
        if (value instanceof OffsetDateTime time) {
            return time.atZoneSameInstant(SHANGHAI).toLocalDateTime().withNano(0).toString().replace('T', ' ');
        }
        return value;
    }
}
