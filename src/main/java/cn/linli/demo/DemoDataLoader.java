package cn.linli.demo;

import cn.linli.demo.DemoCatalog.Offer;
import cn.linli.demo.DemoCatalog.ProviderKind;
import cn.linli.organization.UnifiedSocialCreditCode;
import cn.linli.procurement.OcdsReleases;
import cn.linli.region.RegionImport;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the demo district (七里河区: 9 街道, 65 社区, organizations and their services) when
 * {@code linli.demo.data} is true and the district is not there yet. Deterministic (fixed random seed) and
 * idempotent, also when several instances start at once: an advisory lock serialises them and the district's
 * region row says whether it is loaded.
 */
@ApplicationScoped
public class DemoDataLoader {
    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);
    private static final long LOCK_KEY = 620103L;
    private static final int ORGANIZATIONS = 45;
    private static final int LISTINGS = 360;
    private static final String BUYER = "兰州市七里河区民政局";

    @ConfigProperty(name = "linli.demo.data", defaultValue = "false")
    boolean enabled;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    OcdsReleases releases;
    @Inject
    RegionImport regionImport;

    /** After Flyway (which migrates at start-up). */
    void onStart(@Observes @Priority(100) StartupEvent event) throws SQLException {
        if (enabled) {
            load();
        }
    }

    /**
     * Loads the district unless present; returns whether it loaded anything. Its regions come through the region
     * import (the same path as {@code importRegions}), idempotent by code; the rest is written here.
     */
    public boolean load() throws SQLException {
        if (loaded()) {
            return false;
        }
        regionImport.importAsSystem(regionsCsv());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, LOCK_KEY);
                    lock.execute();
                }
                if (exists(connection)) {
                    connection.rollback();
                    return false;
                }
                new Writer(connection).write();
                connection.commit();
                LOG.infof("Loaded the demo district %s: %d organizations, %d services", DemoDistrict.NAME,
                        ORGANIZATIONS, LISTINGS);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        // the awarded demo procurement, written by SQL as an import would, gets its first OCDS release
        releases.publishMissing();
        return true;
    }

    private boolean loaded() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return exists(connection);
        }
    }

    static String regionsCsv() {
        try (InputStream csv = DemoDataLoader.class.getResourceAsStream("/demo/regions.csv")) {
            return new String(csv.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("demo/regions.csv is part of the build", e);
        }
    }

    /** The district's demo procurement is written last but one, in the same transaction as everything but regions. */
    private static boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM procurement WHERE ocid = ?")) {
            query.setString(1, "ocds-linli0-demo-1");
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** One load: keeps the ids it created. */
    private static final class Writer {
        private final Connection connection;
        private final Random random = new Random(20261122L);
        private final Instant now = Instant.now();
        private final List<Community> communities = new ArrayList<>();
        private final List<Provider> providers = new ArrayList<>();
        private final List<Long> contracts = new ArrayList<>();

        record Community(long id, String code, String name, String streetCode, double lat, double lng) {
        }

        record Provider(long id, ProviderKind kind, Community home) {
        }

        Writer(Connection connection) {
            this.connection = connection;
        }

        void write() throws SQLException {
            readRegions();
            writeOrganizations();
            writeContracts();
            writeListings();
            writeDemoPeople();
            writeProcurementAndCycle();
        }

        /**
         * The procurement behind the first demo contract (awarded, public, with its OCDS record) and an evaluation
         * cycle in SCORING over both contracts, assigned to the demo evaluator.
         */
        private void writeProcurementAndCycle() throws SQLException {
            long district = regionId(DemoDistrict.CODE);
            long procurement = insertReturningId("INSERT INTO procurement (ocid, title, description, service_targets, buyer_name, "
                    + "buyer_region_id, created_by, category_id, target_region_codes, budget_fen, method, min_rating_level, "
                    + "tender_start, tender_end, documents, status, justification) VALUES ('ocds-linli0-demo-1', ?, ?, ?, ?, ?, "
                    + "'demo-official', (SELECT id FROM category WHERE code = 'elderly.meal'), ARRAY[?], 200000000, 'OPEN', 3, "
                    + "TIMESTAMPTZ '2025-11-01 09:00+08', TIMESTAMPTZ '2025-11-21 17:00+08', "
                    + "'[{\"title\":\"招标文件\",\"url\":\"https://example.gov.cn/qlh/2026-zc-001.pdf\"}]', 'AWARDED', "
                    + "'综合评分第一') RETURNING id",
                    "2026年七里河区居家养老助餐服务项目", "为七里河区 60 岁以上老人提供社区助餐与送餐上门服务。", "全年助餐 120 000 人次",
                    BUYER, district, DemoDistrict.CODE);
            execute("UPDATE procurement SET updated_at = TIMESTAMPTZ '2025-12-01 10:00+08' WHERE id = ?", procurement);
            long bid = insertReturningId("INSERT INTO bid (procurement_id, organization_id, amount_fen, proposal, status, submitted_by) "
                    + "VALUES (?, ?, 180000000, '中央厨房 + 社区长者食堂', 'AWARDED', 'demo-org-staff') RETURNING id",
                    procurement, providers.get(0).id());
            execute("INSERT INTO bid (procurement_id, organization_id, amount_fen, proposal, status, submitted_by) "
                    + "VALUES (?, ?, 195000000, '社区食堂联营', 'NOT_AWARDED', 'demo') ", procurement, providers.get(2).id());
            long award = insertReturningId("INSERT INTO award (procurement_id, bid_id, organization_id, amount_fen, awarded_by) "
                    + "VALUES (?, ?, ?, 180000000, 'demo-official') RETURNING id", procurement, bid, providers.get(0).id());
            execute("UPDATE contract SET procurement_id = ?, award_id = ?, buyer_region_id = ?, "
                    + "service_targets = '[{\"name\":\"助餐\",\"quantity\":120000,\"unit\":\"人次\"}]' WHERE id = ?",
                    procurement, award, district, contracts.get(0));
            execute("UPDATE contract SET buyer_region_id = ? WHERE id = ?", district, contracts.get(1));
            for (int quarter = 1; quarter <= 4; quarter++) {
                execute("INSERT INTO milestone (contract_id, title, due_on, amount_fen, requires_passing_grade) VALUES (?, ?, ?, 45000000, ?)",
                        contracts.get(0), "第" + quarter + "季度服务费", Date.valueOf(LocalDate.of(2026, quarter * 3, 28)), quarter > 1);
            }
            long template = insertReturningId("INSERT INTO evaluation_template (name, region_id, created_by) "
                    + "VALUES ('七里河区政府购买养老服务考核', ?, 'demo-official') RETURNING id", district);
            String[][] indicators = {{"服务规范与台账", "MANUAL", "40"}, {"居民满意度", "SATISFACTION", "30"},
                {"目标完成率", "COMPLETION", "15"}, {"投诉处理", "COMPLAINTS", "10"}, {"回应及时性", "RESPONSIVENESS", "5"}};
            for (int i = 0; i < indicators.length; i++) {
                execute("INSERT INTO evaluation_indicator (template_id, position, name, kind, weight) VALUES (?, ?, ?, ?, ?)",
                        template, i, indicators[i][0], indicators[i][1], Integer.parseInt(indicators[i][2]));
            }
            long cycle = insertReturningId("INSERT INTO evaluation_cycle (name, period_start, period_end, region_id, template_id, "
                    + "thresholds, policy, created_by) VALUES ('2026年度政府购买服务考核', DATE '2026-01-01', DATE '2026-12-31', ?, ?, "
                    + "'{\"excellent\":90,\"good\":80,\"pass\":60}', '{\"withholdPayments\":true,\"pauseListings\":true,"
                    + "\"barMonths\":12,\"deregisterOnSecondFail\":true,\"appealDays\":15}', 'demo-official') RETURNING id",
                    district, template);
            for (long contract : contracts) {
                long evaluation = insertReturningId("INSERT INTO evaluation (cycle_id, contract_id, organization_id) "
                        + "SELECT ?, id, organization_id FROM contract WHERE id = ? RETURNING id", cycle, contract);
                execute("INSERT INTO evaluation_assignment (evaluation_id, evaluator_subject, assigned_by) VALUES (?, 'demo-evaluator', 'demo')",
                        evaluation);
            }
        }

        private long insertReturningId(String sql, Object... values) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                return returnedId(statement);
            }
        }

        /** The demo tokens' subjects (GET /demo/tokens) get something to act for. */
        private void writeDemoPeople() throws SQLException {
            long district = regionId(DemoDistrict.CODE);
            execute("INSERT INTO organization_member (organization_id, subject, role, added_by) VALUES (?, ?, 'OWNER', 'demo')",
                    providers.get(0).id(), "demo-org-staff");
            execute("INSERT INTO official_appointment (subject, region_id, unit_name, appointed_by) VALUES (?, ?, ?, 'demo')",
                    "demo-official", district, BUYER);
            execute("INSERT INTO evaluator_profile (subject, agency, registered_by) VALUES (?, ?, 'demo')",
                    "demo-evaluator", "甘肃省社会组织评估中心（示例）");
        }

        private long regionId(String code) throws SQLException {
            try (PreparedStatement query = connection.prepareStatement("SELECT id FROM region WHERE code = ?")) {
                query.setString(1, code);
                return returnedId(query);
            }
        }

        private void execute(String sql, Object... values) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                statement.executeUpdate();
            }
        }

        /**
         * The district's communities as the region import wrote them (from {@code demo/regions.csv}), in code order.
         * The random draws that once made their figures are drawn again, so that everything after them (organizations,
         * services) is the same demo as before the regions came from the CSV.
         */
        private void readRegions() throws SQLException {
            random.nextInt(8); // the district's figures: aged 60+, children 0–3, 3–12
            random.nextInt(3);
            random.nextInt(5);
            try (PreparedStatement query = connection.prepareStatement("SELECT c.id, c.code, c.name, s.code AS street, c.lat, c.lng "
                    + "FROM region c JOIN region s ON s.id = c.parent_id WHERE c.level = 'COMMUNITY' AND c.path @> ARRAY[CAST(? AS text)] "
                    + "ORDER BY c.code")) {
                query.setString(1, DemoDistrict.CODE);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        random.nextDouble(); // distance from the street's centre
                        random.nextInt(9_000); // population
                        random.nextInt(8); // aged 60+
                        random.nextInt(3); // children 0–3
                        random.nextInt(5); // children 3–12
                        communities.add(new Community(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                                rows.getDouble(5), rows.getDouble(6)));
                    }
                }
            }
        }

        private void writeOrganizations() throws SQLException {
            for (int i = 0; i < ORGANIZATIONS; i++) {
                ProviderKind kind = DemoCatalog.PROVIDERS.get(i % DemoCatalog.PROVIDERS.size());
                Community home = communities.get(i * 29 % communities.size());
                String place = home.name().replace("社区", "");
                String status = i == 7 ? "SUSPENDED" : i == 13 || i == 26 ? "PENDING" : "ACTIVE";
                Integer level = i % 6 == 5 ? null : 5 - i % 5;
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO organization (credit_code, name, "
                        + "kind, region_id, address, lat, lng, contact_name, contact_phone, description, "
                        + "service_category_codes, social_worker_count, rating_level, rating_expires_on, status, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                    insert.setString(1, creditCode(kind));
                    insert.setString(2, kind.namePattern().replace("{0}", place));
                    insert.setString(3, kind.kind());
                    insert.setLong(4, home.id());
                    insert.setString(5, "兰州市七里河区" + place + "路" + (10 + random.nextInt(180)) + "号");
                    insert.setDouble(6, home.lat() + jitter());
                    insert.setDouble(7, home.lng() + jitter());
                    insert.setString(8, SURNAMES[i % SURNAMES.length] + (i % 2 == 0 ? "老师" : "主任"));
                    insert.setString(9, "0931-" + (2300000 + random.nextInt(700000)));
                    insert.setString(10, "扎根" + place + "社区，参与政府购买服务和三社联动，为居民提供"
                            + String.join("、", kind.categories().stream().map(Writer::categoryName).toList()) + "等服务。");
                    insert.setArray(11, connection.createArrayOf("text", kind.categories().toArray()));
                    insert.setInt(12, random.nextInt(25));
                    insert.setObject(13, level, Types.SMALLINT);
                    insert.setObject(14, level == null ? null : LocalDate.of(2027 + i % 4, 6, 30), Types.DATE);
                    insert.setString(15, status);
                    insert.setTimestamp(16, Timestamp.from(now.minus(400 + i, ChronoUnit.DAYS)));
                    providers.add(new Provider(returnedId(insert), kind, home));
                }
            }
        }

        private void writeContracts() throws SQLException {
            String[][] contractRows = {
                {"QLH-2026-MZ-001", "2026年七里河区居家养老助餐服务项目", "0", "180000000"},
                {"QLH-2026-MZ-002", "2026年七里河区留守儿童关爱服务项目", "1", "60000000"}};
            for (String[] row : contractRows) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO contract (code, title, buyer_name, "
                        + "organization_id, amount_fen, starts_on, ends_on) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                    insert.setString(1, row[0]);
                    insert.setString(2, row[1]);
                    insert.setString(3, BUYER);
                    insert.setLong(4, providers.get(Integer.parseInt(row[2])).id());
                    insert.setLong(5, Long.parseLong(row[3]));
                    insert.setDate(6, Date.valueOf(LocalDate.of(2026, 1, 1)));
                    insert.setDate(7, Date.valueOf(LocalDate.of(2026, 12, 31)));
                    contracts.add(returnedId(insert));
                }
            }
        }

        private void writeListings() throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO service_listing (organization_id, "
                    + "category_id, title, description, mode, address, lat, lng, region_id, area_codes, reach_codes, "
                    + "pricing, price_fen, subsidy_fen, price_unit, min_age, max_age, target_groups, capacity_per_slot, "
                    + "slot_minutes, contact_phone, status, contract_id, rating_average, rating_count, published_at, "
                    + "confirmed_at, created_at) VALUES (?, (SELECT id FROM category WHERE code = ?), ?, ?, ?, ?, ?, ?, "
                    + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
                 PreparedStatement hours = connection.prepareStatement(
                         "INSERT INTO listing_weekly_hours (listing_id, weekday, opens, closes) VALUES (?, ?, ?, ?)");
                 PreparedStatement exceptions = connection.prepareStatement("INSERT INTO listing_schedule_exception "
                         + "(listing_id, on_date, closed, opens, closes, note) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int n = 0; n < LISTINGS; n++) {
                    int orgIndex = n % ORGANIZATIONS;
                    int round = n / ORGANIZATIONS;
                    Provider provider = providers.get(orgIndex);
                    List<String> categories = provider.kind().categories();
                    String category = categories.get(round % categories.size());
                    List<Offer> offers = DemoCatalog.OFFERS.stream().filter(o -> o.category().equals(category)).toList();
                    Offer offer = offers.get(round / categories.size() % offers.size());
                    Community site = round == 0 ? provider.home()
                            : communities.get((communities.indexOf(provider.home()) + round * 7) % communities.size());
                    String place = site.name();
                    int i = 0;
                    insert.setLong(++i, provider.id());
                    insert.setString(++i, category);
                    insert.setString(++i, round == 0 ? offer.title() : offer.title() + "（" + place + "服务点）");
                    insert.setString(++i, offer.description());
                    insert.setString(++i, offer.mode());
                    insert.setString(++i, "兰州市七里河区" + place + "服务站");
                    insert.setDouble(++i, site.lat() + jitter());
                    insert.setDouble(++i, site.lng() + jitter());
                    insert.setLong(++i, site.id());
                    List<String> area = switch (offer.mode()) {
                        case "HOME_VISIT" -> List.of(site.streetCode());
                        case "ONLINE" -> List.of(DemoDistrict.CODE);
                        default -> List.of(site.code());
                    };
                    Set<String> reach = new LinkedHashSet<>(List.of(DemoDistrict.CODE, site.streetCode(), site.code()));
                    reach.addAll(area);
                    insert.setArray(++i, connection.createArrayOf("text", area.toArray()));
                    insert.setArray(++i, connection.createArrayOf("text", reach.toArray()));
                    insert.setString(++i, offer.pricing());
                    insert.setLong(++i, offer.priceFen());
                    insert.setLong(++i, offer.subsidyFen());
                    insert.setString(++i, offer.unit());
                    insert.setObject(++i, offer.minAge(), Types.SMALLINT);
                    insert.setObject(++i, offer.maxAge(), Types.SMALLINT);
                    insert.setArray(++i, connection.createArrayOf("text", offer.targetGroups().toArray()));
                    insert.setInt(++i, offer.capacity());
                    insert.setInt(++i, "meal".equals(offer.hours()) ? 30 : 60);
                    insert.setString(++i, "0931-" + (2300000 + random.nextInt(700000)));
                    insert.setString(++i, n % 20 == 19 ? "PAUSED" : n % 23 == 22 ? "DRAFT" : "PUBLISHED");
                    boolean funded = orgIndex < 2 && (category.equals("elderly.meal") || category.startsWith("childcare"));
                    insert.setObject(++i, funded ? contracts.get(orgIndex) : null, Types.BIGINT);
                    boolean reviewed = n % 3 != 0;
                    insert.setObject(++i, reviewed ? 3.5 + (n * 7 % 15) / 10.0 : null, Types.NUMERIC);
                    insert.setInt(++i, reviewed ? 3 + n % 40 : 0);
                    insert.setTimestamp(++i, Timestamp.from(now.minus(n * 53 % 365, ChronoUnit.DAYS).minus(n % 24, ChronoUnit.HOURS)));
                    insert.setTimestamp(++i, Timestamp.from(now.minus(n * 37 % 200, ChronoUnit.DAYS)));
                    insert.setTimestamp(++i, Timestamp.from(now.minus(400, ChronoUnit.DAYS)));
                    long listingId = returnedId(insert);
                    addHours(hours, listingId, offer.hours());
                    addExceptions(exceptions, listingId, n);
                }
                hours.executeBatch();
                exceptions.executeBatch();
            }
            try (PreparedStatement totals = connection.prepareStatement("UPDATE service_listing SET rating_total = "
                    + "round(coalesce(rating_average, 0) * rating_count) WHERE rating_count > 0")) {
                totals.executeUpdate();
            }
            try (PreparedStatement ratings = connection.prepareStatement("UPDATE organization o SET rating_total = r.total, "
                    + "rating_average = r.average, rating_count = r.count FROM (SELECT organization_id, "
                    + "round(sum(rating_average * rating_count) / sum(rating_count), 2) AS average, "
                    + "sum(rating_count) AS count, sum(rating_total) AS total FROM service_listing WHERE rating_count > 0 "
                    + "GROUP BY organization_id) r "
                    + "WHERE r.organization_id = o.id")) {
                ratings.executeUpdate();
            }
        }

        private static void addHours(PreparedStatement hours, long listingId, String pattern) throws SQLException {
            record Range(int from, int to, String opens, String closes) {
            }
            List<Range> ranges = switch (pattern) {
                case "meal" -> List.of(new Range(1, 7, "11:00", "13:30"), new Range(1, 7, "17:00", "18:30"));
                case "childcare" -> List.of(new Range(1, 5, "07:30", "18:00"));
                case "afterschool" -> List.of(new Range(1, 5, "16:00", "19:30"), new Range(6, 6, "09:00", "17:00"));
                case "weekend" -> List.of(new Range(6, 7, "09:00", "11:30"));
                default -> List.of(new Range(1, 5, "08:30", "12:00"), new Range(1, 5, "14:00", "17:30"),
                        new Range(6, 6, "09:00", "12:00"));
            };
            for (Range range : ranges) {
                for (int day = range.from(); day <= range.to(); day++) {
                    hours.setLong(1, listingId);
                    hours.setInt(2, day);
                    hours.setTime(3, Time.valueOf(LocalTime.parse(range.opens())));
                    hours.setTime(4, Time.valueOf(LocalTime.parse(range.closes())));
                    hours.addBatch();
                }
            }
        }

        /** Closed over 春节 2027; every third service also opens longer on New Year's Eve. */
        private static void addExceptions(PreparedStatement exceptions, long listingId, int n) throws SQLException {
            for (LocalDate day = LocalDate.of(2027, 2, 6); !day.isAfter(LocalDate.of(2027, 2, 8)); day = day.plusDays(1)) {
                exception(exceptions, listingId, day, true, null, null, "春节休息");
            }
            if (n % 3 == 0) {
                exception(exceptions, listingId, LocalDate.of(2026, 12, 31), false, "08:00", "20:00", "元旦前夕延长服务");
            }
        }

        private static void exception(PreparedStatement exceptions, long listingId, LocalDate day, boolean closed,
                String opens, String closes, String note) throws SQLException {
            exceptions.setLong(1, listingId);
            exceptions.setDate(2, Date.valueOf(day));
            exceptions.setBoolean(3, closed);
            exceptions.setTime(4, opens == null ? null : Time.valueOf(LocalTime.parse(opens)));
            exceptions.setTime(5, closes == null ? null : Time.valueOf(LocalTime.parse(closes)));
            exceptions.setString(6, note);
            exceptions.addBatch();
        }

        /** A valid 统一社会信用代码: registrar, type, the district's code, a 9-character body, check character. */
        private String creditCode(ProviderKind kind) {
            StringBuilder code = new StringBuilder().append(kind.registrar()).append(kind.type()).append(DemoDistrict.CODE);
            for (int i = 0; i < 9; i++) {
                code.append(UNIFIED_ALPHABET.charAt(random.nextInt(UNIFIED_ALPHABET.length())));
            }
            return code.append(UnifiedSocialCreditCode.checkCharacter(code.toString())).toString();
        }

        /** Up to about 450 m in each direction. */
        private double jitter() {
            return (random.nextDouble() - 0.5) * 0.008;
        }

        private static String categoryName(String code) {
            return DemoCatalog.OFFERS.stream().filter(o -> o.category().equals(code)).map(Offer::title).findFirst()
                    .orElse(code);
        }

        private static long returnedId(PreparedStatement insert) throws SQLException {
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static final String UNIFIED_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "马", "孙"};
}
