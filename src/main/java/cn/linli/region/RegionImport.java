package cn.linli.region;

import cn.linli.audit.AuditLog;
import cn.linli.common.Caller;
import cn.linli.common.CsvFile;
import cn.linli.common.ForbiddenException;
import cn.linli.common.InputRules;
import cn.linli.common.Messages;
import cn.linli.common.Row;
import cn.linli.common.RowErrorsException;
import cn.linli.common.RowErrorsException.RowError;
import cn.linli.common.Sql;
import cn.linli.identity.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/**
 * Importing the region tree from a CSV of 统计用区划代码 with names, levels, centroids and population figures: by an
 * admin for any region, by an official for rows within their jurisdiction. Idempotent by code: a region already
 * there gets the row's name, centroid and figures (an empty cell keeps what is stored); nothing is ever deleted.
 * Every row is checked first, and any row error refuses the whole file (one transaction, nothing applied).
 * Written with batched JDBC, so 100 000 rows take seconds.
 */
@ApplicationScoped
public class RegionImport {
    public static final List<String> REQUIRED = List.of("code", "name", "level");
    public static final List<String> OPTIONAL = List.of("parentCode", "lat", "lng", "population", "aged60Plus",
            "children0To3", "children3To12");
    public static final int MAX_ROWS = 100_000;
    static final int MAX_NAME = 40;
    static final int MAX_FIGURE = 100_000_000;
    /** Serialises imports of regions (and grids created meanwhile stay consistent with them). */
    private static final long LOCK_KEY = 0x5245_4749_4F4EL;

    @Inject
    Caller caller;
    @Inject
    Access access;
    @Inject
    Sql sql;
    @Inject
    AuditLog audit;

    @Type("RegionImportResult")
    @Description("What an import of regions did: every row was applied (a file with any row error is refused whole).")
    public record Result(
            @Description("Data rows in the file.") @NonNull int rows,
            @Description("Regions created.") @NonNull int created,
            @Description("Regions already there whose name, centroid or figures changed.") @NonNull int updated,
            @Description("Regions already there exactly as in the file.") @NonNull int unchanged) {
    }

    /** A CSV as text (GraphQL {@code input.csv}). */
    @Transactional
    public Result importCsv(String csv, String field) {
        caller.requireAuthenticated();
        List<CsvFile.Line> lines = CsvFile.read(csv, field, REQUIRED, OPTIONAL, MAX_ROWS);
        return apply(lines, field, caller.requireAnyRole(Caller.ADMIN, Caller.OFFICIAL));
    }

    /** A CSV as the bytes uploaded (POST /admin/import/regions): they must be UTF-8. */
    @Transactional
    public Result importBytes(byte[] bytes, String field) {
        caller.requireAuthenticated();
        return importCsv(CsvFile.decode(bytes, field), field);
    }

    /** The service's own import (the demo district), audited as the system's. */
    @Transactional
    public Result importAsSystem(String csv) {
        return apply(CsvFile.read(csv, "csv", REQUIRED, OPTIONAL, MAX_ROWS), "csv", null);
    }

    /** One row as read, checked on its own. */
    private static final class Entry {
        final int line;
        String code;
        RegionLevel level;
        String parentCode;
        String name;
        Double lat;
        Double lng;
        final Integer[] figures = new Integer[4];
        boolean valid = true;
        /** The stored region of the code, if any. */
        Existing existing;
        String[] path;

        Entry(int line) {
            this.line = line;
        }
    }

    record Existing(long id, RegionLevel level, String[] path, String name, Double lat, Double lng, Integer[] figures) {
    }

    private static final String[] FIGURE_COLUMNS = {"population", "aged60Plus", "children0To3", "children3To12"};

    private Result apply(List<CsvFile.Line> lines, String field, String role) {
        List<RowError> errors = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        Map<String, Entry> byCode = new HashMap<>();
        for (CsvFile.Line line : lines) {
            Entry entry = read(line, errors);
            entries.add(entry);
            if (entry.code != null) {
                Entry earlier = byCode.putIfAbsent(entry.code, entry);
                if (earlier != null) {
                    errors.add(RowErrorsException.error(line.number(), "code", "error.import.region.duplicate", entry.code,
                            String.valueOf(earlier.line)));
                    entry.valid = false;
                }
            }
        }
        sql.rows("SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(:key)) l", Map.of("key", LOCK_KEY));
        sql.planEachExecution(); // each inserted row looks its parent up by code in a table this transaction grows
        Map<String, Existing> stored = stored(entries);
        // parents first: a file lists a tree in any order
        List<Entry> ordered = entries.stream().filter(e -> e.code != null && e.valid)
                .sorted(Comparator.comparing((Entry e) -> e.level).thenComparing(e -> e.code)).toList();
        Map<String, String[]> paths = new HashMap<>();
        stored.forEach((code, region) -> paths.put(code, region.path()));
        for (Entry entry : ordered) {
            entry.existing = stored.get(entry.code);
            if (entry.existing != null) {
                entry.path = entry.existing.path();
                if (entry.existing.level() != entry.level) {
                    errors.add(RowErrorsException.error(entry.line, "level", "error.import.region.levelChanged", entry.code,
                            Messages.label(entry.existing.level())));
                    entry.valid = false;
                } else if (entry.parentCode != null && (entry.path.length < 2
                        || !entry.parentCode.equals(entry.path[entry.path.length - 2]))) {
                    errors.add(RowErrorsException.error(entry.line, "parentCode", "error.import.region.otherParent", entry.code,
                            entry.path.length < 2 ? "—" : entry.path[entry.path.length - 2]));
                    entry.valid = false;
                }
                continue;
            }
            if (entry.parentCode == null) {
                entry.path = new String[] {entry.code};
            } else {
                String[] parentPath = paths.get(entry.parentCode);
                Entry parentRow = byCode.get(entry.parentCode);
                if (parentPath == null) {
                    if (parentRow == null || parentRow.valid) { // a parent row with errors is reported already
                        errors.add(RowErrorsException.error(entry.line, "parentCode", "error.import.region.noParent",
                                entry.parentCode));
                    }
                    entry.valid = false;
                    continue;
                }
                entry.path = Arrays.copyOf(parentPath, parentPath.length + 1);
                entry.path[parentPath.length] = entry.code;
            }
            paths.put(entry.code, entry.path);
        }
        if (role != null && !role.equals(Caller.ADMIN)) {
            String jurisdiction = access.jurisdiction().map(Access.Jurisdiction::regionCode)
                    .orElseThrow(() -> new ForbiddenException("error.outsideJurisdiction"));
            for (Entry entry : entries) {
                if (entry.code != null && !within(entry, jurisdiction)) {
                    throw new ForbiddenException("error.import.outsideJurisdiction", String.valueOf(entry.line), entry.code, jurisdiction);
                }
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(RowError::line));
            throw new RowErrorsException(field, errors);
        }
        Result result = write(ordered);
        Entry top = ordered.isEmpty() ? null : ordered.get(0);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("rows", result.rows());
        after.put("created", result.created());
        after.put("updated", result.updated());
        after.put("unchanged", result.unchanged());
        after.put("top", top == null ? null : top.code);
        Long regionId = top == null ? null : sql.rows("SELECT id FROM region WHERE code = :code", Map.of("code", top.code))
                .stream().map(row -> row.longValue("id")).findFirst().orElse(null);
        AuditLog.Change change = new AuditLog.Change("importRegions", "RegionImport", top == null ? "-" : top.code, null,
                regionId, null, null, after);
        if (role == null) {
            audit.recordBySystem(change);
        } else {
            audit.record(role, change);
        }
        return result;
    }

    /** Whether the row's region lies in the official's subtree: by its path, or by its code where it has none. */
    private static boolean within(Entry entry, String jurisdiction) {
        if (entry.path != null) {
            return Arrays.asList(entry.path).contains(jurisdiction);
        }
        for (RegionCodes.Parsed at = RegionCodes.parse(entry.code); at != null;
                at = at.parentCode() == null ? null : RegionCodes.parse(at.parentCode())) {
            if (at.code().equals(jurisdiction)) {
                return true;
            }
        }
        return false;
    }

    private static Entry read(CsvFile.Line line, List<RowError> errors) {
        Entry entry = new Entry(line.number());
        int before = errors.size();
        String codeText = line.get("code");
        RegionCodes.Parsed code = RegionCodes.parse(codeText);
        if (codeText == null) {
            errors.add(RowErrorsException.error(line.number(), "code", "error.import.required", "code"));
        } else if (code == null) {
            errors.add(RowErrorsException.error(line.number(), "code", "error.import.region.code"));
        } else {
            entry.code = code.code();
        }
        String levelText = line.get("level");
        RegionLevel level = level(levelText);
        if (levelText == null) {
            errors.add(RowErrorsException.error(line.number(), "level", "error.import.required", "level"));
        } else if (level == null) {
            errors.add(RowErrorsException.error(line.number(), "level", "error.import.region.level"));
        } else if (code != null && code.level() != level) {
            errors.add(RowErrorsException.error(line.number(), "level", "error.import.region.levelMismatch", code.code(),
                    Messages.label(code.level()), Messages.label(level)));
        }
        if (code != null) {
            entry.level = code.level();
            entry.parentCode = code.parentCode();
            String parentText = line.get("parentCode");
            if (parentText != null) {
                RegionCodes.Parsed parent = RegionCodes.parse(parentText);
                if (code.level() == RegionLevel.DISTRICT) {
                    errors.add(RowErrorsException.error(line.number(), "parentCode", "error.import.region.districtParent"));
                } else if (parent == null || !parent.code().equals(code.parentCode())) {
                    errors.add(RowErrorsException.error(line.number(), "parentCode", "error.import.region.parentMismatch",
                            code.code(), code.parentCode()));
                }
            }
        }
        entry.name = line.text("name", MAX_NAME, errors);
        if (entry.name == null && line.get("name") == null) {
            errors.add(RowErrorsException.error(line.number(), "name", "error.import.required", "name"));
        }
        entry.lat = line.coordinate("lat", 90, errors);
        entry.lng = line.coordinate("lng", 180, errors);
        if ((line.get("lat") == null) != (line.get("lng") == null)) {
            String missing = line.get("lat") == null ? "lat" : "lng";
            errors.add(RowErrorsException.error(line.number(), missing, "error.import.bothCoordinates"));
        }
        for (int i = 0; i < FIGURE_COLUMNS.length; i++) {
            entry.figures[i] = figure(line, FIGURE_COLUMNS[i], errors);
        }
        if (entry.figures[0] != null) {
            for (int i = 1; i < FIGURE_COLUMNS.length; i++) {
                if (entry.figures[i] != null && entry.figures[i] > entry.figures[0]) {
                    errors.add(RowErrorsException.error(line.number(), FIGURE_COLUMNS[i], "error.import.region.overPopulation",
                            FIGURE_COLUMNS[i]));
                }
            }
        }
        entry.valid = errors.size() == before;
        return entry;
    }

    static RegionLevel level(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "DISTRICT", "区", "县", "区县", "县级市", "旗" -> RegionLevel.DISTRICT;
            case "STREET", "街道", "镇", "乡", "街道/镇", "乡镇" -> RegionLevel.STREET;
            case "COMMUNITY", "社区", "村", "社区/村", "居委会", "村委会" -> RegionLevel.COMMUNITY;
            case "GRID", "网格", "小区", "网格/小区" -> RegionLevel.GRID;
            default -> null;
        };
    }



    static Integer figure(CsvFile.Line line, String column, List<RowError> errors) {
        String text = line.get(column);
        if (text == null) {
            return null;
        }
        if (text.matches("[0-9]{1,9}") && Integer.parseInt(text) <= MAX_FIGURE) {
            return Integer.parseInt(text);
        }
        errors.add(RowErrorsException.error(line.number(), column, "error.import.figure", column, MAX_FIGURE));
        return null;
    }

    private Map<String, Existing> stored(List<Entry> entries) {
        List<String> codes = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.code != null) {
                codes.add(entry.code);
                if (entry.parentCode != null) {
                    codes.add(entry.parentCode);
                }
            }
        }
        Map<String, Existing> stored = new HashMap<>();
        if (codes.isEmpty()) {
            return stored;
        }
        // codes are digits only: one text parameter, however many rows
        for (Row row : sql.rows("SELECT id, code, level, array_to_string(path, ',') AS path, name, lat, lng, population, "
                + "aged_60_plus, children_0_3, children_3_12 FROM region WHERE code = ANY(string_to_array(:codes, ','))",
                Map.of("codes", String.join(",", codes.stream().distinct().toList())))) {
            stored.put(row.string("code"), new Existing(row.longValue("id"), RegionLevel.valueOf(row.string("level")),
                    row.string("path").split(","), row.string("name"), row.doubleValue("lat"), row.doubleValue("lng"),
                    new Integer[] {row.intValue("population"), row.intValue("aged_60_plus"), row.intValue("children_0_3"),
                        row.intValue("children_3_12")}));
        }
        return stored;
    }

    private Result write(List<Entry> ordered) {
        int created = 0;
        List<Entry> updates = new ArrayList<>();
        int unchanged = 0;
        for (RegionLevel level : RegionLevel.values()) {
            List<Entry> inserts = new ArrayList<>();
            for (Entry entry : ordered) {
                if (entry.level != level) {
                    continue;
                }
                if (entry.existing == null) {
                    inserts.add(entry);
                } else if (changes(entry)) {
                    updates.add(entry);
                } else {
                    unchanged++;
                }
            }
            // one level after the other: a row's parent is in the table before the row
            int[] counts = sql.batch("INSERT INTO region (code, name, level, parent_id, path, lat, lng, population, aged_60_plus, "
                    + "children_0_3, children_3_12) VALUES (?, ?, ?, (SELECT id FROM region WHERE code = ?), ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (code) DO NOTHING", inserts, (statement, entry) -> {
                        statement.setString(1, entry.code);
                        statement.setString(2, entry.name);
                        statement.setString(3, entry.level.name());
                        statement.setString(4, entry.parentCode);
                        Array path = statement.getConnection().createArrayOf("text", entry.path);
                        statement.setArray(5, path);
                        bindLocationAndFigures(statement, 6, entry.lat, entry.lng, entry.figures);
                    });
            created += Arrays.stream(counts).map(count -> count == PreparedStatement.SUCCESS_NO_INFO ? 1 : count).sum();
        }
        sql.batch("UPDATE region SET name = ?, lat = ?, lng = ?, population = ?, aged_60_plus = ?, children_0_3 = ?, "
                + "children_3_12 = ? WHERE id = ?", updates, (statement, entry) -> {
                    Existing was = entry.existing;
                    statement.setString(1, entry.name);
                    Integer[] figures = new Integer[4];
                    for (int i = 0; i < 4; i++) {
                        figures[i] = entry.figures[i] != null ? entry.figures[i] : was.figures()[i];
                    }
                    bindLocationAndFigures(statement, 2, entry.lat != null ? entry.lat : was.lat(),
                            entry.lat != null ? entry.lng : was.lng(), figures);
                    statement.setLong(8, was.id());
                });
        return new Result(ordered.size(), created, updates.size(), unchanged);
    }

    /** Whether the row changes its stored region (an empty cell keeps what is stored). */
    private static boolean changes(Entry entry) {
        Existing was = entry.existing;
        if (!entry.name.equals(was.name())) {
            return true;
        }
        if (entry.lat != null && (!entry.lat.equals(was.lat()) || !entry.lng.equals(was.lng()))) {
            return true;
        }
        for (int i = 0; i < 4; i++) {
            if (entry.figures[i] != null && !Objects.equals(entry.figures[i], was.figures()[i])) {
                return true;
            }
        }
        return false;
    }

    private static void bindLocationAndFigures(PreparedStatement statement, int first, Double lat, Double lng,
            Integer[] figures) throws SQLException {
        statement.setObject(first, lat, Types.DOUBLE);
        statement.setObject(first + 1, lng, Types.DOUBLE);
        for (int i = 0; i < 4; i++) {
            statement.setObject(first + 2 + i, figures[i], Types.INTEGER);
        }
    }

    /** The stored code of a region code in either form, if it is one. */
    public static Optional<String> storedCode(String text) {
        return Optional.ofNullable(RegionCodes.parse(text)).map(RegionCodes.Parsed::code);
    }
}
