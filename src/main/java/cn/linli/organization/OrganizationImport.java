package cn.linli.organization;

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
import cn.linli.region.Region;
import cn.linli.region.RegionImport;
import cn.linli.region.RegionQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/**
 * Importing organizations from what a 民政局 has as a spreadsheet of its registered social organizations: by an
 * admin, or by an official for organizations in their jurisdiction. Idempotent by 统一社会信用代码: a new one is
 * created PENDING (until an official verifies it); one still PENDING gets the row's details; one an official has
 * decided on (ACTIVE, SUSPENDED, BARRED, REJECTED …) is left as it is and listed as skipped. Without coordinates an
 * organization takes its region's centroid and is flagged {@code approximateLocation}. Any row error refuses the
 * whole file. Contact phones are never logged nor quoted in a message.
 */
@ApplicationScoped
public class OrganizationImport {
    public static final List<String> REQUIRED = List.of("creditCode", "name", "kind", "regionCode");
    public static final List<String> OPTIONAL = List.of("address", "lat", "lng", "contactName", "contactPhone");
    public static final int MAX_ROWS = 100_000;
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,20}");
    private static final long LOCK_KEY = 0x4F52_4749_4D50L;

    @Inject
    Caller caller;
    @Inject
    Access access;
    @Inject
    Sql sql;
    @Inject
    RegionQueries regions;
    @Inject
    AuditLog audit;

    @Type("OrganizationImportResult")
    @Description("What an import of organizations did (a file with any row error is refused whole).")
    public record Result(
            @Description("Data rows in the file.") @NonNull int rows,
            @Description("Organizations created, PENDING until an official verifies them.") @NonNull int created,
            @Description("PENDING organizations already there whose details changed.") @NonNull int updated,
            @Description("PENDING organizations already there exactly as in the file.") @NonNull int unchanged,
            @Description("Organizations already decided on by an official (ACTIVE, SUSPENDED, BARRED, REJECTED …): left "
                    + "as they are; change them through their console or the officials' mutations.") @NonNull List<@NonNull Skipped> skipped) {
    }

    @Type("SkippedOrganizationRow")
    @Description("A row of an organization that the import left as it is.")
    public record Skipped(
            @Description("The file's line (the header is line 1).") @NonNull int line,
            @Description("Its 统一社会信用代码.") @NonNull String creditCode,
            @Description("Its status, which the import does not change.") @NonNull OrganizationStatus status) {
    }

    /** A CSV as text (GraphQL {@code input.csv}). */
    @Transactional
    public Result importCsv(String csv, String field) {
        caller.requireAuthenticated();
        List<CsvFile.Line> lines = CsvFile.read(csv, field, REQUIRED, OPTIONAL, MAX_ROWS);
        return apply(lines, field, caller.requireAnyRole(Caller.ADMIN, Caller.OFFICIAL));
    }

    /** A CSV as the bytes uploaded (POST /admin/import/organizations): they must be UTF-8. */
    @Transactional
    public Result importBytes(byte[] bytes, String field) {
        caller.requireAuthenticated();
        return importCsv(CsvFile.decode(bytes, field), field);
    }

    private static final class Entry {
        final int line;
        String creditCode;
        String name;
        OrganizationKind kind;
        String regionCode;
        Region region;
        String address;
        Double lat;
        Double lng;
        String contactName;
        String contactPhone;
        boolean valid = true;
        Existing existing;

        Entry(int line) {
            this.line = line;
        }
    }

    private record Existing(long id, OrganizationStatus status, long regionId, String name, OrganizationKind kind,
            String address, Double lat, Double lng, String contactName, String contactPhone, boolean approximate) {
    }

    /** What a row writes: the values after the row (an empty cell keeps what is stored). */
    private record Values(String name, OrganizationKind kind, long regionId, String address, Double lat, Double lng,
            String contactName, String contactPhone, boolean approximate) {
    }

    private Result apply(List<CsvFile.Line> lines, String field, String role) {
        List<RowError> errors = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        Map<String, Entry> byCode = new HashMap<>();
        for (CsvFile.Line line : lines) {
            Entry entry = read(line, errors);
            entries.add(entry);
            if (entry.creditCode != null) {
                Entry earlier = byCode.putIfAbsent(entry.creditCode, entry);
                if (earlier != null) {
                    errors.add(RowErrorsException.error(entry.line, "creditCode", "error.import.organization.duplicate",
                            entry.creditCode, String.valueOf(earlier.line)));
                    entry.valid = false;
                }
            }
        }
        Map<String, Region> regionsByCode = new HashMap<>();
        List<String> regionCodes = entries.stream().map(e -> e.regionCode).filter(Objects::nonNull).distinct().toList();
        for (int from = 0; from < regionCodes.size(); from += 10_000) {
            regions.byCodes(regionCodes.subList(from, Math.min(regionCodes.size(), from + 10_000)))
                    .forEach(region -> regionsByCode.put(region.code(), region));
        }
        for (Entry entry : entries) {
            if (entry.regionCode != null) {
                entry.region = regionsByCode.get(entry.regionCode);
                if (entry.region == null) {
                    errors.add(RowErrorsException.error(entry.line, "regionCode", "error.import.organization.region",
                            entry.regionCode));
                    entry.valid = false;
                }
            }
        }
        sql.rows("SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(:key)) l", Map.of("key", LOCK_KEY));
        sql.planEachExecution(); // its look-ups run while this transaction grows the table by thousands of rows
        Map<String, Existing> stored = stored(byCode.keySet());
        entries.forEach(entry -> entry.existing = entry.creditCode == null ? null : stored.get(entry.creditCode));
        if (!Caller.ADMIN.equals(role)) {
            Map<Long, Boolean> governed = new HashMap<>();
            for (Entry entry : entries) {
                List<Long> where = new ArrayList<>();
                if (entry.region != null) {
                    where.add(entry.region.id());
                }
                if (entry.existing != null && entry.existing.status() == OrganizationStatus.PENDING) {
                    where.add(entry.existing.regionId()); // nor may it take another district's registration
                }
                for (long regionId : where) {
                    if (!governed.computeIfAbsent(regionId, access::governs)) {
                        throw new ForbiddenException("error.import.outsideJurisdiction", String.valueOf(entry.line),
                                entry.creditCode == null ? "-" : entry.creditCode,
                                access.jurisdiction().map(Access.Jurisdiction::regionCode).orElse("-"));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(RowError::line));
            throw new RowErrorsException(field, errors);
        }
        List<Entry> inserts = new ArrayList<>();
        List<Map.Entry<Long, Values>> updates = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        int unchanged = 0;
        for (Entry entry : entries) {
            Values values = values(entry);
            if (entry.existing == null) {
                inserts.add(entry);
            } else if (entry.existing.status() != OrganizationStatus.PENDING) {
                skipped.add(new Skipped(entry.line, entry.creditCode, entry.existing.status()));
            } else if (values.equals(stored(entry.existing))) {
                unchanged++;
            } else {
                updates.add(Map.entry(entry.existing.id(), values));
            }
        }
        String by = caller.subject();
        int[] counts = sql.batch("INSERT INTO organization (credit_code, name, kind, region_id, address, lat, lng, contact_name, "
                + "contact_phone, approximate_location, status, registered_by, status_reason) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?) ON CONFLICT (credit_code) DO NOTHING", inserts,
                (statement, entry) -> {
                    statement.setString(1, entry.creditCode);
                    bind(statement, 2, values(entry));
                    statement.setString(11, by);
                    statement.setString(12, Messages.get(cn.linli.common.Language.ZH, "organization.imported"));
                });
        sql.batch("UPDATE organization SET name = ?, kind = ?, region_id = ?, address = ?, lat = ?, lng = ?, contact_name = ?, "
                + "contact_phone = ?, approximate_location = ?, updated_at = now(), version = version + 1 "
                + "WHERE id = ? AND status = 'PENDING'", updates, (statement, update) -> {
                    bind(statement, 1, update.getValue());
                    statement.setLong(10, update.getKey());
                });
        int created = 0;
        for (int count : counts) {
            created += count == PreparedStatement.SUCCESS_NO_INFO ? 1 : count;
        }
        // each organization's own audit trail says it was imported, with what
        List<AuditLog.Change> changes = new ArrayList<>();
        Map<String, Existing> now = stored(inserts.stream().map(e -> e.creditCode).toList());
        for (Entry entry : inserts) {
            Existing made = now.get(entry.creditCode);
            if (made != null) {
                changes.add(new AuditLog.Change("importOrganizations", "Organization", made.id(), made.id(), made.regionId(),
                        null, null, snapshot(entry.creditCode, values(entry), OrganizationStatus.PENDING)));
            }
        }
        java.util.Set<Long> updatedIds = new java.util.HashSet<>();
        updates.forEach(update -> updatedIds.add(update.getKey()));
        for (Entry entry : entries) {
            if (entry.existing != null && updatedIds.contains(entry.existing.id())) {
                changes.add(new AuditLog.Change("importOrganizations", "Organization", entry.existing.id(), entry.existing.id(),
                        values(entry).regionId(), null, snapshot(entry.creditCode, stored(entry.existing), OrganizationStatus.PENDING),
                        snapshot(entry.creditCode, values(entry), OrganizationStatus.PENDING)));
            }
        }
        audit.recordAll(role, changes);
        Result result = new Result(entries.size(), created, updates.size(), unchanged, skipped);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("rows", result.rows());
        after.put("created", created);
        after.put("updated", result.updated());
        after.put("unchanged", unchanged);
        after.put("skipped", skipped.size());
        after.put("creditCodes", inserts.stream().map(e -> e.creditCode).limit(1_000).toList());
        audit.record(role, new AuditLog.Change("importOrganizations", "OrganizationImport",
                entries.isEmpty() ? "-" : entries.get(0).creditCode, null,
                entries.isEmpty() ? null : entries.get(0).region.id(), null, null, after));
        return result;
    }

    /** The fields of an imported organization its audit entry compares (as OrganizationRecord.snapshot names them). */
    private static Map<String, Object> snapshot(String creditCode, Values values, OrganizationStatus status) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", values.name());
        fields.put("creditCode", creditCode);
        fields.put("kind", values.kind());
        fields.put("regionId", values.regionId());
        fields.put("address", values.address());
        fields.put("lat", values.lat());
        fields.put("lng", values.lng());
        fields.put("approximateLocation", values.approximate());
        fields.put("contactName", values.contactName());
        fields.put("contactPhone", values.contactPhone());
        fields.put("status", status);
        return fields;
    }

    private static Values stored(Existing was) {
        return new Values(was.name(), was.kind(), was.regionId(), was.address(), was.lat(), was.lng(), was.contactName(),
                was.contactPhone(), was.approximate());
    }

    /** The row over what is stored: its own point when it has one, else its region's centroid (approximate). */
    private static Values values(Entry entry) {
        Existing was = entry.existing;
        Double lat = entry.lat;
        Double lng = entry.lng;
        boolean approximate = false;
        if (lat == null) {
            if (was != null && !was.approximate() && was.lat() != null) {
                lat = was.lat(); // the organization's own point stays
                lng = was.lng();
            } else {
                approximate = true;
                lat = entry.region.centroid() == null ? null : entry.region.centroid().lat();
                lng = entry.region.centroid() == null ? null : entry.region.centroid().lng();
            }
        }
        return new Values(entry.name, entry.kind, entry.region.id(),
                entry.address != null || was == null ? entry.address : was.address(), lat, lng,
                entry.contactName != null || was == null ? entry.contactName : was.contactName(),
                entry.contactPhone != null || was == null ? entry.contactPhone : was.contactPhone(), approximate);
    }

    private static void bind(PreparedStatement statement, int first, Values values) throws SQLException {
        statement.setString(first, values.name());
        statement.setString(first + 1, values.kind().name());
        statement.setLong(first + 2, values.regionId());
        statement.setString(first + 3, values.address());
        statement.setObject(first + 4, values.lat(), Types.DOUBLE);
        statement.setObject(first + 5, values.lng(), Types.DOUBLE);
        statement.setString(first + 6, values.contactName());
        statement.setString(first + 7, values.contactPhone());
        statement.setBoolean(first + 8, values.approximate());
    }

    private Map<String, Existing> stored(java.util.Collection<String> creditCodes) {
        Map<String, Existing> stored = new HashMap<>();
        if (creditCodes.isEmpty()) {
            return stored;
        }
        // credit codes are checked letters and digits: one text parameter, however many rows
        for (Row row : sql.rows("SELECT id, credit_code, status, region_id, name, kind, address, lat, lng, contact_name, "
                + "contact_phone, approximate_location FROM organization WHERE credit_code = ANY(string_to_array(:codes, ','))",
                Map.of("codes", String.join(",", creditCodes)))) {
            stored.put(row.string("credit_code"), new Existing(row.longValue("id"), OrganizationStatus.valueOf(row.string("status")),
                    row.longValue("region_id"), row.string("name"), OrganizationKind.valueOf(row.string("kind")),
                    row.string("address"), row.doubleValue("lat"), row.doubleValue("lng"), row.string("contact_name"),
                    row.string("contact_phone"), row.bool("approximate_location")));
        }
        return stored;
    }

    private static Entry read(CsvFile.Line line, List<RowError> errors) {
        Entry entry = new Entry(line.number());
        int before = errors.size();
        String code = line.get("creditCode");
        if (code == null) {
            errors.add(RowErrorsException.error(line.number(), "creditCode", "error.import.required", "creditCode"));
        } else if (!UnifiedSocialCreditCode.isValid(code.toUpperCase(Locale.ROOT))) {
            errors.add(RowErrorsException.error(line.number(), "creditCode", "error.import.organization.creditCode"));
        } else {
            entry.creditCode = code.toUpperCase(Locale.ROOT);
        }
        entry.name = required(line, "name", 100, errors);
        String kind = line.get("kind");
        entry.kind = kind(kind);
        if (kind == null) {
            errors.add(RowErrorsException.error(line.number(), "kind", "error.import.required", "kind"));
        } else if (entry.kind == null) {
            errors.add(RowErrorsException.error(line.number(), "kind", "error.import.organization.kind"));
        }
        String region = line.get("regionCode");
        if (region == null) {
            errors.add(RowErrorsException.error(line.number(), "regionCode", "error.import.required", "regionCode"));
        } else {
            entry.regionCode = RegionImport.storedCode(region).orElse(null);
            if (entry.regionCode == null) {
                errors.add(RowErrorsException.error(line.number(), "regionCode", "error.import.region.code"));
            }
        }
        entry.address = line.text("address", 200, errors);
        entry.contactName = line.text("contactName", 50, errors);
        String phone = line.get("contactPhone");
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add(RowErrorsException.error(line.number(), "contactPhone", "error.import.organization.phone"));
        } else {
            entry.contactPhone = phone;
        }
        entry.lat = line.coordinate("lat", 90, errors);
        entry.lng = line.coordinate("lng", 180, errors);
        if ((line.get("lat") == null) != (line.get("lng") == null)) {
            errors.add(RowErrorsException.error(line.number(), line.get("lat") == null ? "lat" : "lng",
                    "error.import.bothCoordinates"));
        }
        entry.valid = errors.size() == before;
        return entry;
    }

    static OrganizationKind kind(String text) {
        if (text == null) {
            return null;
        }
        for (OrganizationKind kind : OrganizationKind.values()) {
            if (kind.name().equalsIgnoreCase(text)) {
                return kind;
            }
        }
        return switch (text) {
            case "社会团体" -> OrganizationKind.SOCIAL_GROUP;
            case "社会服务机构", "民办非企业单位", "民非" -> OrganizationKind.SOCIAL_SERVICE_AGENCY;
            case "基金会" -> OrganizationKind.FOUNDATION;
            case "企业" -> OrganizationKind.ENTERPRISE;
            case "基层群众性自治组织", "居委会", "村委会", "居民委员会", "村民委员会" -> OrganizationKind.COMMUNITY_SELF_GOVERNANCE;
            case "其他" -> OrganizationKind.OTHER;
            default -> null;
        };
    }

    private static String required(CsvFile.Line line, String column, int max, List<RowError> errors) {
        if (line.get(column) == null) {
            errors.add(RowErrorsException.error(line.number(), column, "error.import.required", column));
            return null;
        }
        return line.text(column, max, errors);
    }


}
