package cn.linli.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Tables as files: XLSX (Apache POI; numbers as numbers, a bold header row that stays in view, a filter on it) and CSV
 * (Apache Commons CSV; UTF-8 with a byte order mark so that Excel reads Chinese right, CRLF line ends). Text that a
 * spreadsheet would take for a formula ({@code =}, {@code +}, {@code -}, {@code @} first) is written with a leading
 * apostrophe in CSV; in XLSX every text cell is a string cell, never a formula.
 */
final class Sheets {
    private Sheets() {
    }

    static byte[] xlsx(Table.Book book) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            Table table = book.table();
            Sheet sheet = workbook.createSheet(sheetName(table.name()));
            List<CellStyle> styles = new ArrayList<>();
            int[] widths = new int[table.columns().size()];
            Row head = sheet.createRow(0);
            for (int c = 0; c < table.columns().size(); c++) {
                Table.Column column = table.columns().get(c);
                Cell cell = head.createCell(c);
                cell.setCellValue(column.header());
                cell.setCellStyle(header);
                widths[c] = width(column.header());
                CellStyle style = workbook.createCellStyle();
                if (column.kind() == Table.Kind.DECIMAL) {
                    style.setDataFormat(workbook.createDataFormat().getFormat(column.decimals() == 0 ? "0"
                            : "0." + "0".repeat(column.decimals())));
                }
                styles.add(style);
            }
            for (int r = 0; r < table.rows().size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = table.rows().get(r);
                for (int c = 0; c < table.columns().size(); c++) {
                    Object value = values.get(c);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    Table.Column column = table.columns().get(c);
                    if (column.kind() == Table.Kind.TEXT) {
                        cell.setCellValue(value.toString());
                    } else {
                        cell.setCellValue(((Number) value).doubleValue());
                        cell.setCellStyle(styles.get(c));
                    }
                    widths[c] = Math.max(widths[c], width(text(column, value)));
                }
            }
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, Math.min(80, widths[c] + 2) * 256);
            }
            sheet.createFreezePane(0, 1);
            if (!table.columns().isEmpty()) {
                sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, table.rows().size()), 0, table.columns().size() - 1));
            }
            for (Table.Notes notes : book.notes()) {
                Sheet notesSheet = workbook.createSheet(sheetName(notes.name()));
                int[] noteWidths = new int[2];
                for (int r = 0; r < notes.lines().size(); r++) {
                    Row row = notesSheet.createRow(r);
                    List<String> line = notes.lines().get(r);
                    for (int c = 0; c < line.size(); c++) {
                        Cell cell = row.createCell(c);
                        cell.setCellValue(line.get(c));
                        if (c == 0) {
                            cell.setCellStyle(header);
                        }
                        if (c < 2) {
                            noteWidths[c] = Math.max(noteWidths[c], width(line.get(c)));
                        }
                    }
                }
                for (int c = 0; c < 2; c++) {
                    notesSheet.setColumnWidth(c, Math.min(100, noteWidths[c] + 2) * 256);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] csv(Table table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL)) {
            writer.write('\uFEFF');
            printer.printRecord(table.columns().stream().map(Table.Column::header).toList());
            for (List<Object> values : table.rows()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < table.columns().size(); c++) {
                    Object value = values.get(c);
                    Table.Column column = table.columns().get(c);
                    cells.add(value == null ? "" : column.kind() == Table.Kind.TEXT ? safeText(value.toString()) : text(column, value));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A number as the CSV shows it: decimals with their places (12.50), whole numbers as they are. */
    static String text(Table.Column column, Object value) {
        if (column.kind() == Table.Kind.DECIMAL) {
            BigDecimal decimal = value instanceof BigDecimal b ? b : BigDecimal.valueOf(((Number) value).doubleValue());
            return decimal.setScale(column.decimals(), RoundingMode.HALF_UP).toPlainString();
        }
        return value.toString();
    }

    /** Text that a spreadsheet would read as a formula gets a leading apostrophe (CSV injection). */
    static String safeText(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    /** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
    static String sheetName(String name) {
        String cleaned = name.replaceAll("[:\\\\/?*\\[\\]]", "_");
        return cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
    }

    /** Width in character cells: a CJK character takes two. */
    static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); i++) {
            width += text.charAt(i) >= 0x2E80 ? 2 : 1;
        }
        return width;
    }
}
