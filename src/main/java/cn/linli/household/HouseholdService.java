package cn.linli.household;

import cn.linli.audit.AuditLog;
import cn.linli.catalog.TargetGroup;
import cn.linli.common.Caller;
import cn.linli.common.Ids;
import cn.linli.common.Inputs;
import cn.linli.common.KeysetQuery;
import cn.linli.common.Paging;
import cn.linli.common.InvalidStateException;
import cn.linli.common.NotFoundException;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.common.ValidationException;
import cn.linli.identity.Access;
import cn.linli.region.Region;
import cn.linli.region.RegionLevel;
import cn.linli.region.RegionQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Households and the target groups community workers verify for their members. A resident manages her own
 * household only (created by her first addHouseholdMember, which names its region); a community worker serving
 * the household's region (its community or grid) verifies and revokes groups, and registers people without an
 * account (a household whose owner subject is null). To anyone else a member is as absent as an id never used.
 * Personal data (names, birth years, phones, groups) never reaches the log or the audit trail: entries hold ids.
 */
@ApplicationScoped
public class HouseholdService {
    public static final int MAX_MEMBERS = 10;
    /** 居民身份证号 (15 or 18 characters): never accepted as an evidence reference, even hashed. */
    private static final Pattern ID_CARD_NUMBER = Pattern.compile(".*([0-9]{17}[0-9Xx]|[0-9]{15}).*");

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

    /** The caller's household, for me.household: null for callers without the resident role or without one. */
    public Household mine() {
        if (!caller.hasRole(Caller.RESIDENT)) {
            return null;
        }
        return sql.rows("SELECT id FROM household WHERE owner_subject = :subject", Map.of("subject", caller.subject()))
                .stream().findFirst().map(row -> household(row.longValue("id"))).orElse(null);
    }

    @Transactional
    public Household addMember(HouseholdInputs.AddMember input) {
        String role = caller.requireRole(Caller.RESIDENT);
        String subject = caller.subject();
        String name = Inputs.required(input.name(), "input.name", 40);
        String relation = Inputs.required(input.relation(), "input.relation", 20);
        int birthYear = birthYear(input.birthYear(), "input.birthYear");
        Region region = input.regionCode() == null ? null : householdRegion(input.regionCode(), "input.regionCode");
        Row household = ownHouseholdForUpdate(subject);
        if (household == null) {
            if (region == null) {
                throw new ValidationException("input.regionCode", "error.input.required");
            }
            sql.update("INSERT INTO household (owner_subject, region_id, registered_by) VALUES (:subject, :region, :subject) "
                    + "ON CONFLICT (owner_subject) DO NOTHING", Map.of("subject", subject, "region", region.id()));
            household = ownHouseholdForUpdate(subject);
            audit.record(role, new AuditLog.Change("createHousehold", "Household", household.longValue("id"), null,
                    region.id(), null, null, Map.of("regionId", region.id())));
        } else if (region != null && region.id() != household.longValue("region_id")) {
            sql.update("UPDATE household SET region_id = :region, updated_at = now() WHERE id = :id",
                    Map.of("region", region.id(), "id", household.longValue("id")));
            audit.record(role, new AuditLog.Change("moveHousehold", "Household", household.longValue("id"), null,
                    region.id(), null, Map.of("regionId", household.longValue("region_id")), Map.of("regionId", region.id())));
        }
        long householdId = household.longValue("id");
        long members = sql.rows("SELECT count(*) AS n FROM household_member WHERE household_id = :id AND removed_at IS NULL",
                Map.of("id", householdId)).get(0).longValue("n");
        if (members >= MAX_MEMBERS) {
            throw new InvalidStateException("error.household.full", MAX_MEMBERS);
        }
        long memberId = insertMember(householdId, name, relation, birthYear, null);
        audit.record(role, new AuditLog.Change("addHouseholdMember", "HouseholdMember", memberId, null,
                regionIdOf(householdId), null, null, Map.of("householdId", householdId)));
        return household(householdId);
    }

    @Transactional
    public Household.Member updateMember(HouseholdInputs.UpdateMember input) {
        String role = caller.requireRole(Caller.RESIDENT);
        long id = Ids.parse(input.id(), "input.id");
        Row member = ownMemberForUpdate(id);
        String name = input.name() == null ? member.string("name") : Inputs.required(input.name(), "input.name", 40);
        String relation = input.relation() == null ? member.string("relation")
                : Inputs.required(input.relation(), "input.relation", 20);
        int birthYear = input.birthYear() == null ? member.intValue("birth_year") : birthYear(input.birthYear(), "input.birthYear");
        sql.update("UPDATE household_member SET name = :name, relation = :relation, birth_year = :year, updated_at = now() "
                + "WHERE id = :id", Map.of("name", name, "relation", relation, "year", birthYear, "id", id));
        List<String> changed = new ArrayList<>();
        if (!name.equals(member.string("name"))) {
            changed.add("name");
        }
        if (!relation.equals(member.string("relation"))) {
            changed.add("relation");
        }
        if (birthYear != member.intValue("birth_year")) {
            changed.add("birthYear");
        }
        // which fields changed, never their values
        audit.record(role, new AuditLog.Change("updateHouseholdMember", "HouseholdMember", id, null,
                member.longValue("region_id"), null, null, Map.of("changed", String.join(",", changed))));
        return memberView(id);
    }

    @Transactional
    public Household removeMember(HouseholdInputs.RemoveMember input) {
        String role = caller.requireRole(Caller.RESIDENT);
        long id = Ids.parse(input.id(), "input.id");
        Row member = ownMemberForUpdate(id);
        sql.update("UPDATE household_member SET removed_at = now(), updated_at = now() WHERE id = :id", Map.of("id", id));
        sql.update("UPDATE target_group_verification SET revoked_at = now(), revoked_by = :by, revoke_reason = 'member removed' "
                + "WHERE member_id = :id AND revoked_at IS NULL", Map.of("id", id, "by", caller.subject()));
        long householdId = member.longValue("household_id");
        audit.record(role, new AuditLog.Change("removeHouseholdMember", "HouseholdMember", id, null,
                member.longValue("region_id"), null, Map.of("householdId", householdId), null));
        return household(householdId);
    }

    @Transactional
    public Household.Member verify(HouseholdInputs.Verify input) {
        String role = caller.requireRole(Caller.COMMUNITY_WORKER);
        long memberId = Ids.parse(input.memberId(), "input.memberId");
        Row member = servedMemberForUpdate(memberId);
        LocalDate today = LocalDate.now(Row.CHINA);
        if (input.expiresOn().isBefore(today) || input.expiresOn().isAfter(today.plusYears(1))) {
            throw new ValidationException("input.expiresOn", "error.household.expiry");
        }
        String reference = Inputs.optional(input.evidenceReference(), "input.evidenceReference", 64);
        if (reference != null && ID_CARD_NUMBER.matcher(reference).matches()) {
            throw new ValidationException("input.evidenceReference", "error.household.evidenceIdNumber");
        }
        String group = input.group().name();
        // a renewal ends the earlier verification and keeps it: the history of who verified what stays
        sql.update("UPDATE target_group_verification SET revoked_at = now(), revoked_by = :by, revoke_reason = 'renewed' "
                + "WHERE member_id = :member AND group_code = :group AND revoked_at IS NULL",
                Map.of("member", memberId, "group", group, "by", caller.subject()));
        Map<String, Object> params = new HashMap<>();
        params.put("member", memberId);
        params.put("group", group);
        params.put("evidence", input.evidenceType().name());
        params.put("reference", reference == null || reference.isEmpty() ? "" : sha256(reference));
        params.put("by", caller.subject());
        params.put("expires", input.expiresOn());
        long id = sql.rows("INSERT INTO target_group_verification (member_id, group_code, evidence_type, evidence_reference, "
                + "verified_by, expires_on) VALUES (:member, :group, :evidence, nullif(:reference, ''), :by, :expires) RETURNING id",
                params).get(0).longValue("id");
        audit.record(role, new AuditLog.Change("verifyTargetGroup", "TargetGroupVerification", id, null,
                member.longValue("region_id"), null, null, Map.of("memberId", memberId)));
        return memberView(memberId);
    }

    @Transactional
    public Household.Member revoke(HouseholdInputs.Revoke input) {
        String role = caller.requireRole(Caller.COMMUNITY_WORKER);
        long memberId = Ids.parse(input.memberId(), "input.memberId");
        Row member = servedMemberForUpdate(memberId);
        String reason = Inputs.optional(input.reason(), "input.reason", 500);
        List<Row> revoked = sql.rows("UPDATE target_group_verification SET revoked_at = now(), revoked_by = :by, "
                + "revoke_reason = nullif(:reason, '') WHERE member_id = :member AND group_code = :group AND revoked_at IS NULL "
                + "RETURNING id", Map.of("member", memberId, "group", input.group().name(), "by", caller.subject(),
                "reason", reason == null ? "" : reason));
        if (revoked.isEmpty()) {
            throw new ValidationException("input.group", "error.household.groupNotVerified");
        }
        audit.record(role, new AuditLog.Change("revokeTargetGroup", "TargetGroupVerification", revoked.get(0).longValue("id"),
                null, member.longValue("region_id"), null, Map.of("memberId", memberId), null));
        return memberView(memberId);
    }

    @Transactional
    public Household registerOffline(HouseholdInputs.RegisterOffline input) {
        caller.requireRole(Caller.COMMUNITY_WORKER);
        Region region = householdRegion(input.regionCode(), "input.regionCode"); // regions are public
        String role = access.requireCommunityWorkerOver(region.id());
        String name = Inputs.required(input.name(), "input.name", 40);
        int birthYear = birthYear(input.birthYear(), "input.birthYear");
        String phone = Inputs.phone(input.phone(), "input.phone");
        long householdId = sql.rows("INSERT INTO household (owner_subject, region_id, registered_by) "
                + "VALUES (NULL, :region, :by) RETURNING id", Map.of("region", region.id(), "by", caller.subject()))
                .get(0).longValue("id");
        long memberId = insertMember(householdId, name, "本人", birthYear, phone == null || phone.isEmpty() ? null : phone);
        audit.record(role, new AuditLog.Change("registerResidentOffline", "Household", householdId, null, region.id(), null,
                null, Map.of("memberId", memberId)));
        return household(householdId);
    }

    /**
     * Verified members of a group in a region's subtree with no CONFIRMED or COMPLETED booking whose slot starts within
     * the last {@code days} days or later. For community workers serving the region and officials over it; personal data
     * (name, birth year, phone) only for rows in a region the caller serves as a worker.
     */
    public UnservedResidentConnection unserved(String regionCode, TargetGroup group, Integer days, Integer first, String after) {
        caller.requireAuthenticated();
        if (!caller.hasRole(Caller.COMMUNITY_WORKER) && !caller.hasRole(Caller.OFFICIAL)) {
            caller.requireRole(Caller.COMMUNITY_WORKER);
        }
        Region region = regions.require(regionCode, "regionCode"); // regions are public
        if (!access.servesAsCommunityWorker(region.id()) && !access.governs(region.id())) {
            throw new cn.linli.common.ForbiddenException("error.outsideCommunity");
        }
        if (group == null) {
            throw new ValidationException("group", "error.input.required");
        }
        int period = Inputs.range(days, "days", 1, 366, 7);
        boolean worker = caller.hasRole(Caller.COMMUNITY_WORKER);
        Map<String, Object> params = new HashMap<>();
        params.put("code", region.code());
        params.put("group", group.name());
        params.put("days", period);
        params.put("subject", worker ? caller.subject() : "");
        KeysetQuery.Page page = BY_REGION_THEN_MEMBER.fetch(sql, "SELECT m.id, m.name, m.birth_year, m.phone, r.code, "
                + "h.owner_subject, v.expires_on, "
                + "EXISTS (SELECT 1 FROM community_worker_appointment a JOIN region w ON w.id = a.region_id "
                + "WHERE a.subject = :subject AND a.revoked_at IS NULL AND r.path @> ARRAY[CAST(w.code AS text)]) AS served "
                + "FROM target_group_verification v JOIN household_member m ON m.id = v.member_id AND m.removed_at IS NULL "
                + "JOIN household h ON h.id = m.household_id JOIN region r ON r.id = h.region_id",
                List.of("v.group_code = :group AND v.revoked_at IS NULL",
                        "v.expires_on >= CAST(now() AT TIME ZONE 'Asia/Shanghai' AS date) AND r.path @> ARRAY[CAST(:code AS text)]",
                        "NOT EXISTS (SELECT 1 FROM booking b WHERE b.beneficiary_member_id = m.id "
                                + "AND b.status IN ('CONFIRMED', 'COMPLETED') AND b.slot_start >= now() - make_interval(days => :days))"),
                params, after, Paging.pageSize(first));
        return new UnservedResidentConnection(page.edges((cursor, row) -> {
            boolean served = worker && row.bool("served");
            return new UnservedResidentConnection.UnservedResidentEdge(cursor, new UnservedResident(row.string("id"),
                    row.string("code"), group, row.date("expires_on"), row.string("owner_subject") != null,
                    served ? row.string("name") : null, served ? row.intValue("birth_year") : null,
                    served ? row.string("phone") : null));
        }), page.pageInfo(after != null), page.totalCount());
    }

    /** The weekly list walks the region tree community by community (codes sort by the tree), members in order. */
    private static final KeysetQuery BY_REGION_THEN_MEMBER = new KeysetQuery("unservedResidents",
            List.of(new KeysetQuery.Key("r.code", "text"), new KeysetQuery.Key("m.id", "bigint")), false);

    // ---- for other contexts (booking): named reads ----

    /** A member as booking needs it: who, born when, in which household and region, verified groups. */
    public record Beneficiary(long memberId, long householdId, String ownerSubject, long regionId, String name,
            String relation, int birthYear, String phone, List<TargetGroup> verifiedGroups) {
        /** Age this year (the birthday is not recorded). */
        public int age() {
            return LocalDate.now(Row.CHINA).getYear() - birthYear;
        }
    }

    /** A live member of the caller's own household; NOT_FOUND (naming the field) otherwise. */
    public Beneficiary memberOfCallersHousehold(String memberId, String field) {
        long id = Ids.parse(memberId, field);
        return beneficiary(id, "h.owner_subject = :subject", Map.of("subject", caller.subject()))
                .orElseThrow(() -> new NotFoundException(field, "error.household.memberUnknown", new Object[0]));
    }

    /**
     * A live member of a household in a region the calling community worker serves; NOT_FOUND (naming the field)
     * otherwise, the same as for an id never used. The caller holds the community_worker role (checked first).
     */
    public Beneficiary memberServedByCaller(String memberId, String field) {
        long id = Ids.parse(memberId, field);
        return beneficiary(id, "true", Map.of()).filter(member -> access.servesAsCommunityWorker(member.regionId()))
                .orElseThrow(() -> new NotFoundException(field, "error.household.memberUnknown", new Object[0]));
    }

    /**
     * The resident with this account, as the member of their own household whose relation is 本人, when the household
     * lives in a region the calling community worker serves; NOT_FOUND (naming the field) for an account without a
     * household there (the same as for an unknown one), VALIDATION when the household has no 本人 member to book for.
     */
    public Beneficiary residentServedByCaller(String residentSubject, String field) {
        String subject = Inputs.required(residentSubject, field, 100);
        Row household = sql.rows("SELECT id, region_id FROM household WHERE owner_subject = :subject",
                Map.of("subject", subject)).stream().findFirst()
                .filter(row -> access.servesAsCommunityWorker(row.longValue("region_id")))
                .orElseThrow(() -> new NotFoundException(field, "error.household.residentUnknown", new Object[0]));
        Long self = sql.rows("SELECT min(id) AS id FROM household_member WHERE household_id = :household AND relation = '本人' "
                + "AND removed_at IS NULL", Map.of("household", household.longValue("id"))).get(0).longValue("id");
        if (self == null) {
            throw new ValidationException(field, "error.household.noSelfMember");
        }
        return beneficiary(self, "true", Map.of()).orElseThrow();
    }

    /** A live member of any household; the caller (booking) decides who may act for it. */
    public Optional<Beneficiary> member(long memberId) {
        return beneficiary(memberId, "true", Map.of());
    }

    private Optional<Beneficiary> beneficiary(long id, String condition, Map<String, Object> extra) {
        Map<String, Object> params = new HashMap<>(extra);
        params.put("id", id);
        return sql.rows("SELECT m.id, m.household_id, h.owner_subject, h.region_id, m.name, m.relation, m.birth_year, m.phone "
                + "FROM household_member m "
                + "JOIN household h ON h.id = m.household_id WHERE m.id = :id AND m.removed_at IS NULL AND " + condition,
                params).stream().findFirst().map(row -> new Beneficiary(row.longValue("id"), row.longValue("household_id"),
                row.string("owner_subject"), row.longValue("region_id"), row.string("name"), row.string("relation"),
                row.intValue("birth_year"), row.string("phone"),
                verifiedGroups(List.of(id)).getOrDefault(id, List.of()).stream().map(Household.VerifiedGroup::group).toList()));
    }

    // ---- reads ----

    Household household(long id) {
        Row row = sql.rows("SELECT h.id, h.owner_subject, r.code FROM household h JOIN region r ON r.id = h.region_id "
                + "WHERE h.id = :id", Map.of("id", id)).get(0);
        List<Row> members = sql.rows("SELECT id, name, relation, birth_year, phone FROM household_member "
                + "WHERE household_id = :id AND removed_at IS NULL ORDER BY id", Map.of("id", id));
        Map<Long, List<Household.VerifiedGroup>> groups = verifiedGroups(members.stream().map(m -> m.longValue("id")).toList());
        return new Household(row.string("id"), row.string("code"), row.string("owner_subject") != null,
                members.stream().map(m -> member(m, groups)).toList());
    }

    private Household.Member memberView(long id) {
        Row row = sql.rows("SELECT id, name, relation, birth_year, phone FROM household_member WHERE id = :id",
                Map.of("id", id)).get(0);
        return member(row, verifiedGroups(List.of(id)));
    }

    private static Household.Member member(Row row, Map<Long, List<Household.VerifiedGroup>> groups) {
        return new Household.Member(row.string("id"), row.string("name"), row.string("relation"), row.intValue("birth_year"),
                row.string("phone"), groups.getOrDefault(row.longValue("id"), List.of()));
    }

    /** Verified groups that hold today (not revoked, not expired), per member. */
    Map<Long, List<Household.VerifiedGroup>> verifiedGroups(List<Long> memberIds) {
        Map<Long, List<Household.VerifiedGroup>> byMember = new LinkedHashMap<>();
        if (memberIds.isEmpty()) {
            return byMember;
        }
        for (Row row : sql.rows("SELECT member_id, group_code, verified_by, expires_on FROM target_group_verification "
                + "WHERE member_id IN (:ids) AND revoked_at IS NULL AND expires_on >= CAST(now() AT TIME ZONE 'Asia/Shanghai' AS date) "
                + "ORDER BY member_id, group_code", Map.of("ids", memberIds))) {
            byMember.computeIfAbsent(row.longValue("member_id"), k -> new ArrayList<>()).add(new Household.VerifiedGroup(
                    TargetGroup.valueOf(row.string("group_code")), row.string("verified_by"), row.date("expires_on")));
        }
        return byMember;
    }

    private Row ownHouseholdForUpdate(String subject) {
        return sql.rows("SELECT id, region_id FROM household WHERE owner_subject = :subject FOR UPDATE",
                Map.of("subject", subject)).stream().findFirst().orElse(null);
    }

    /** A member of the caller's household (locked); NOT_FOUND for anyone else's; INVALID_STATE once removed. */
    private Row ownMemberForUpdate(long id) {
        Row member = sql.rows("SELECT m.id, m.household_id, m.name, m.relation, m.birth_year, m.removed_at, h.region_id "
                + "FROM household_member m JOIN household h ON h.id = m.household_id "
                + "WHERE m.id = :id AND h.owner_subject = :subject FOR UPDATE OF m",
                Map.of("id", id, "subject", caller.subject())).stream().findFirst().orElseThrow(HouseholdService::unknown);
        if (member.get("removed_at") != null) {
            throw new InvalidStateException("error.household.memberRemoved");
        }
        return member;
    }

    /** A live member of a household in a region the calling worker serves (locked); NOT_FOUND otherwise. */
    private Row servedMemberForUpdate(long id) {
        Row member = sql.rows("SELECT m.id, m.household_id, h.region_id FROM household_member m "
                + "JOIN household h ON h.id = m.household_id WHERE m.id = :id AND m.removed_at IS NULL FOR UPDATE OF m",
                Map.of("id", id)).stream().findFirst().orElseThrow(HouseholdService::unknown);
        if (!access.servesAsCommunityWorker(member.longValue("region_id"))) {
            throw unknown();
        }
        return member;
    }

    private long insertMember(long householdId, String name, String relation, int birthYear, String phone) {
        Map<String, Object> params = new HashMap<>();
        params.put("household", householdId);
        params.put("name", name);
        params.put("relation", relation);
        params.put("year", birthYear);
        params.put("phone", phone == null ? "" : phone);
        return sql.rows("INSERT INTO household_member (household_id, name, relation, birth_year, phone) "
                + "VALUES (:household, :name, :relation, :year, nullif(:phone, '')) RETURNING id", params).get(0).longValue("id");
    }

    private long regionIdOf(long householdId) {
        return sql.rows("SELECT region_id FROM household WHERE id = :id", Map.of("id", householdId)).get(0).longValue("region_id");
    }

    private Region householdRegion(String code, String field) {
        Region region = regions.require(code, field);
        if (region.level() != RegionLevel.COMMUNITY && region.level() != RegionLevel.GRID) {
            throw new ValidationException(field, "error.household.regionLevel");
        }
        return region;
    }

    private static int birthYear(int year, String field) {
        int thisYear = LocalDate.now(Row.CHINA).getYear();
        if (year < 1900 || year > thisYear) {
            throw new ValidationException(field, "error.input.range", 1900, thisYear);
        }
        return year;
    }

    static NotFoundException unknown() {
        return new NotFoundException("error.household.memberUnknown");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
