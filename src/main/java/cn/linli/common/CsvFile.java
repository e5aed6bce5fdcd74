package cn.linli.common;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file a person uploads (a spreadsheet saved as CSV), read with Apache Commons CSV: UTF-8 with or without
 * BOM, a header row naming the columns (in any order, case-insensitive), each data row with the line it starts
 * on (blank lines are skipped, a header cell left empty names a column that is ignored). Anything else is
 * VALIDATION naming {@code field}: bytes that are not UTF-8 (a GBK/GB18030 export), text
 * holding U+FFFD (such bytes read as UTF-8 by the sender), no header, an unknown or doubled column, a missing
 * required one, a row with more cells than the header, more than {@code maxRows} rows.
 */
public final class CsvFile {
    /** A data row: the line of the file it starts on (the header is line 1) and its cells by column name. */
    public record Line(int number, Map<String, String> cells) {
        /** The trimmed cell, or null when empty or the column is absent. */
        public String get(String column) {
            String value = cells.get(column);
            if (value == null) {
                return null;
            }
            String text = value.strip();
            return text.isEmpty() ? null : text;
        }

        /** A text cell of at most {@code max} characters on one line (null when empty); else an error of the row. */
        public String text(String column, int max, List<RowErrorsException.RowError> errors) {
            String text = get(column);
            if (text == null) {
                return null;
            }
            if (text.length() > max) {
                errors.add(RowErrorsException.error(number, column, "error.import.tooLong", column, max));
                return null;
            }
            if (InputRules.textProblem(text) != null || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                    || text.indexOf('\t') >= 0) {
                errors.add(RowErrorsException.error(number, column, "error.import.control", column));
                return null;
            }
            return text;
        }

        /** A WGS-84 coordinate within ±{@code bound} (null when empty); else an error of the row. */
        public Double coordinate(String column, double bound, List<RowErrorsException.RowError> errors) {
            String text = get(column);
            if (text == null) {
                return null;
            }
            try {
                double value = Double.parseDouble(text);
                if (Double.isFinite(value) && value >= -bound && value <= bound && text.length() <= 30) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            errors.add(RowErrorsException.error(number, column, "error.import.coordinate", column, -bound, bound));
            return null;
        }
    }

    private CsvFile() {
    }

    /** UTF-8 bytes as text; bytes that are not UTF-8 (GBK, GB18030, Excel's 中文 ANSI) are VALIDATION. */
    public static String decode(byte[] bytes, String field) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ValidationException(field, "error.import.notUtf8");
        }
    }

    /**
     * The data rows of a CSV text. Columns are matched case-insensitively; {@code required} ones must be in the
     * header, {@code optional} ones may be.
     */
    public static List<Line> read(String text, String field, List<String> required, List<String> optional, int maxRows) {
        if (text == null || text.isBlank()) {
            throw new ValidationException(field, "error.import.empty");
        }
        if (text.charAt(0) == '\uFEFF') {
            text = text.substring(1); // the BOM Excel writes in front of UTF-8
        }
        if (text.indexOf('\uFFFD') >= 0) {
            throw new ValidationException(field, "error.import.notUtf8");
        }
        Map<String, String> known = new HashMap<>();
        for (String column : required) {
            known.put(column.toLowerCase(Locale.ROOT), column);
        }
        for (String column : optional) {
            known.put(column.toLowerCase(Locale.ROOT), column);
        }
        String expected = String.join(", ", required) + (optional.isEmpty() ? "" : ", " + String.join(", ", optional));
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).setTrim(false).get(); // blank lines are
        // skipped below, so that every row keeps the number of the line it is on
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new ValidationException(field, "error.import.empty");
            }
            CSVRecord header = records.next();
            List<String> columns = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).strip();
                if (name.isEmpty()) {
                    columns.add(null); // a column without a name (Excel's trailing formatted cells): its cells are ignored
                    continue;
                }
                String column = known.get(name.toLowerCase(Locale.ROOT));
                if (column == null) {
                    // never quote the cell: it may be anything (a data row where the header should be)
                    throw new ValidationException(field, "error.import.unknownColumn", i + 1, expected);
                }
                if (columns.contains(column)) {
                    throw new ValidationException(field, "error.import.doubleColumn", column);
                }
                columns.add(column);
            }
            for (String column : required) {
                if (!columns.contains(column)) {
                    throw new ValidationException(field, "error.import.missingColumn", column, expected);
                }
            }
            List<Line> lines = new ArrayList<>();
            while (true) {
                int line = (int) parser.getCurrentLineNumber() + 1; // where the next record starts
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord record = records.next();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                if (lines.size() >= maxRows) {
                    throw new ValidationException(field, "error.import.tooManyRows", maxRows);
                }
                if (record.size() > columns.size()) {
                    throw new ValidationException(field, "error.import.tooManyCells", String.valueOf(line), columns.size());
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < record.size(); i++) {
                    if (columns.get(i) != null) {
                        cells.put(columns.get(i), record.get(i));
                    }
                }
                lines.add(new Line(line, cells));
            }
            return lines;
        } catch (UncheckedIOException | IOException | IllegalStateException e) {
            // an unterminated quote, text after a closing quote: the parser's message quotes the input, ours does not
            java.util.regex.Matcher at = java.util.regex.Pattern.compile("\\(line (\\d+)\\)").matcher(String.valueOf(e.getMessage()));
            throw new ValidationException(field, "error.import.malformed", at.find() ? at.group(1) : "?");
        }
    }
}
