package cn.linli.report;

import java.util.List;

/**
 * A table of a report, as it goes into a spreadsheet or a CSV file: a name, typed columns and rows of cells (one value
 * per column: text, a whole number, a decimal, or null for an empty cell).
 */
record Table(String name, List<Column> columns, List<List<Object>> rows) {
    /** What a column holds: text, whole numbers, or decimals shown with {@code decimals} places. */
    enum Kind { TEXT, INTEGER, DECIMAL }

    record Column(String header, Kind kind, int decimals) {
        static Column text(String header) {
            return new Column(header, Kind.TEXT, 0);
        }

        static Column integer(String header) {
            return new Column(header, Kind.INTEGER, 0);
        }

        static Column decimal(String header, int decimals) {
            return new Column(header, Kind.DECIMAL, decimals);
        }
    }

    /** Lines of text (a sheet of notes: what the figures mean, the scope, the totals), as label and value. */
    record Notes(String name, List<List<String>> lines) {
    }

    /** A spreadsheet: the table first, then sheets of notes. */
    record Book(Table table, List<Notes> notes) {
    }
}
