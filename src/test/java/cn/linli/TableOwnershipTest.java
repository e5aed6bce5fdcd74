package cn.linli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One owner per table: only the package that owns a table writes it; other contexts call its named methods
 * (catalog.ListingChanges, organization.OrganizationStanding, procurement.ContractOutcomes …). The sanction
 * loophole of issue 13 came from evaluation updating listings behind catalog's back. A new table needs an owner
 * here, and every migration's table is checked to have one.
 */
class TableOwnershipTest {
    static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("region", "region"),
            Map.entry("category", "catalog"),
            Map.entry("service_listing", "catalog"),
            Map.entry("listing_weekly_hours", "catalog"),
            Map.entry("listing_schedule_exception", "catalog"),
            Map.entry("organization", "organization"),
            Map.entry("organization_member", "organization"),
            Map.entry("official_appointment", "identity"),
            Map.entry("evaluator_profile", "identity"),
            Map.entry("audit_entry", "audit"),
            Map.entry("audit_pseudonym_key", "audit"),
            Map.entry("booking", "booking"),
            Map.entry("booking_slot", "booking"),
            Map.entry("review", "booking"),
            Map.entry("feedback", "booking"),
            Map.entry("procurement", "procurement"),
            Map.entry("bid", "procurement"),
            Map.entry("award", "procurement"),
            Map.entry("contract", "procurement"),
            Map.entry("milestone", "procurement"),
            Map.entry("payment", "procurement"),
            Map.entry("evaluation_template", "evaluation"),
            Map.entry("evaluation_indicator", "evaluation"),
            Map.entry("evaluation_cycle", "evaluation"),
            Map.entry("evaluation", "evaluation"),
            Map.entry("evaluation_assignment", "evaluation"),
            Map.entry("evaluation_score", "evaluation"),
            Map.entry("evaluation_version", "evaluation"),
            Map.entry("evaluation_outcome", "evaluation"),
            Map.entry("appeal", "evaluation"),
            Map.entry("service_delivery", "delivery"),
            Map.entry("ocds_release", "procurement"),
            Map.entry("notification", "notification"),
            Map.entry("community_worker_appointment", "identity"),
            Map.entry("household", "household"),
            Map.entry("household_member", "household"),
            Map.entry("target_group_verification", "household"),
            Map.entry("service_need", "need"),
            Map.entry("service_need_support", "need"));
    /** The demo loader seeds a whole district into an empty database, as an import would; it owns nothing. */
    static final String SEEDER = "demo";
    static final Pattern WRITE = Pattern.compile("\\b(UPDATE|INSERT\\s+INTO|DELETE\\s+FROM|TRUNCATE)\\s+([a-z_]+)\\b");
    static final Pattern CREATE = Pattern.compile("CREATE TABLE ([a-z_]+)");
    static final Path SOURCES = Path.of("src/main/java/cn/linli");

    @Test
    void everyTableIsWrittenOnlyByItsOwner() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String context = SOURCES.relativize(file).getName(0).toString();
                String code = withoutComments(Files.readString(file));
                Matcher write = WRITE.matcher(code);
                while (write.find()) {
                    String table = write.group(2);
                    String owner = OWNER.get(table);
                    if (owner == null) {
                        violations.add(file + ": " + write.group(1) + " " + table + " — a table without an owner in this test");
                    } else if (!owner.equals(context) && !context.equals(SEEDER)) {
                        violations.add(file + ": " + write.group(1) + " " + table + " — owned by " + owner
                                + "; call one of its named methods instead");
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    @Test
    void everyTableOfTheMigrationsHasAnOwner() throws IOException {
        List<String> orphans = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path file : files.toList()) {
                Matcher create = CREATE.matcher(Files.readString(file));
                while (create.find()) {
                    if (!OWNER.containsKey(create.group(1))) {
                        orphans.add(create.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertTrue(orphans.isEmpty(), "tables without an owner: " + orphans);
    }

    /** The reports own no table: they read through the other contexts' named methods, never SQL of their own. */
    @Test
    void theReportsReadOnlyThroughOtherContexts() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve("report"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = withoutComments(Files.readString(file));
                for (String forbidden : List.of("cn.linli.common.Sql", "EntityManager", "AgroalDataSource", "java.sql.", "Panache")) {
                    if (code.contains(forbidden)) {
                        violations.add(file + " uses " + forbidden);
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    @Test
    void theScanFindsWritesAtAll() {
        Matcher write = WRITE.matcher("sql.update(\"UPDATE service_listing SET status = 'PAUSED'\")");
        assertTrue(write.find() && write.group(2).equals("service_listing"));
    }

    private static String withoutComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)^\\s*//.*$", " ");
    }
}
