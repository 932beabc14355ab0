package org.pyeongga.voting.admin.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pyeongga.core.CsvCells;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A published tally as CSV (UTF-8 with BOM, quoted, formulas neutralized by {@link CsvCells}) or as an Excel
 * workbook (numbers stay numbers; text neutralized the same way). The rows are counts per option, question or round:
 * never a voter, never one person's choices.
 */
final class TallyFiles {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private TallyFiles() {}

    /** A header and rows of cells (String or Number). */
    record Table(List<String> header, List<List<Object>> rows) {}

    static byte[] csv(Table table) {
        StringBuilder csv = new StringBuilder(CsvCells.BOM).append(CsvCells.line(table.header()));
        for (List<Object> row : table.rows()) {
            csv.append(CsvCells.line(row.stream().map(String::valueOf).toList()));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(Table table, String sheetName) {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(CsvCells.neutralized(sheetName)));
            CellStyle bold = workbook.createCellStyle();
            var font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row head = sheet.createRow(0);
            for (int c = 0; c < table.header().size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(CsvCells.neutralized(table.header().get(c)));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(c, (c == 1 ? 36 : 14) * 256);
            }
            for (int r = 0; r < table.rows().size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> cells = table.rows().get(r);
                for (int c = 0; c < cells.size(); c++) {
                    Cell cell = row.createCell(c);
                    if (cells.get(c) instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(CsvCells.neutralized(String.valueOf(cells.get(c))));
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
