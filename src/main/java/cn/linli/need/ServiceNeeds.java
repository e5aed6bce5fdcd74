package cn.linli.need;

import cn.linli.audit.AuditLog;
import cn.linli.catalog.Category;
import cn.linli.catalog.CategoryQueries;
import cn.linli.common.Caller;
import cn.linli.common.ConflictException;
import cn.linli.common.ForbiddenException;
import cn.linli.common.Ids;
import cn.linli.common.Inputs;
import cn.linli.common.InvalidStateException;
import cn.linli.common.KeysetQuery;
import cn.linli.common.Messages;
import cn.linli.common.NotFoundException;
import cn.linli.common.Paging;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.common.ValidationException;
import cn.linli.identity.Access;
import cn.linli.notification.NotificationKind;
import cn.linli.notification.Notifications;
import cn.linli.region.Region;
import cn.linli.region.RegionLevel;
import cn.linli.region.RegionQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Residents' needs (以事定费: buy what residents need). Residents and the community workers of a community submit
 * them for a community or grid, residents support them once each, officials over the region answer them or link them
 * to a procurement ({@link #linkToProcurement}, called by procurement). Counts, statuses and answers are public; a
 * need's text is for the officials over its region and the workers of its community; who submitted or supported a
 * need is never shown, logged or audited (audit entries hold ids).
 */
@ApplicationScoped
public class ServiceNeeds {
    public static final int MAX_TEXT = 500;
    private static final KeysetQuery NEWEST_FIRST = new KeysetQuery("serviceNeeds",
            List.of(new KeysetQuery.Key("n.created_at", "timestamptz"), new KeysetQuery.Key("n.id", "bigint")), true);
    private static final String COLUMNS = "SELECT n.id, c.code AS category_code, r.code AS region_code, m.code AS community_code, "
            + "n.status, n.supporters, n.text, n.response, n.responded_at, n.created_at, n.procurement_id, n.region_id, "
            + "((:official <> '' AND r.path @> ARRAY[CAST(:official AS text)]) OR (:worker <> '' AND EXISTS (SELECT 1 "
            + "FROM community_worker_appointment a JOIN region w ON w.id = a.region_id WHERE a.subject = :worker "
            + "AND a.revoked_at IS NULL AND r.path @> ARRAY[CAST(w.code AS text)]))) AS text_visible";
    private static final String FROM = " FROM service_need n JOIN category c ON c.id = n.category_id "
            + "JOIN region r ON r.id = n.region_id JOIN region m ON m.id = n.community_id";

    @Inject
    Caller caller;
    @Inject
    Access access;
    @Inject
    Sql sql;
    @Inject
    RegionQueries regions;
    @Inject
    CategoryQueries categories;
    @Inject
    AuditLog audit;
    @Inject
    Notifications notifications;

    @Transactional
    public ServiceNeed submit(ServiceNeedInputs.Submit input) {
        String role = caller.requireAnyRole(Caller.RESIDENT, Caller.COMMUNITY_WORKER);
        Region region = regions.require(input.regionCode(), "input.regionCode");
        if (region.level() != RegionLevel.COMMUNITY && region.level() != RegionLevel.GRID) {
            throw new ValidationException("input.regionCode", "error.need.communityOrGrid");
        }
        if (role.equals(Caller.COMMUNITY_WORKER)) {
            access.requireCommunityWorkerOver(region.id());
        }
        Category category = categories.require(input.categoryCode(), "input.categoryCode");
        String text = Inputs.required(input.text(), "input.text", MAX_TEXT);
        long community = region.level() == RegionLevel.GRID ? region.parentId() : region.id();
        Map<String, Object> params = new HashMap<>();
        params.put("category", category.id());
        params.put("region", region.id());
        params.put("community", community);
        params.put("text", text);
        params.put("by", caller.subject());
        params.put("role", role);
        // a resident's one open need per category and community: the partial unique index decides under concurrency
        List<Row> inserted = sql.rows("INSERT INTO service_need (category_id, region_id, community_id, text, submitted_by, "
                + "submitted_role, supporters) VALUES (:category, :region, :community, :text, :by, :role, "
                + "CASE WHEN :role = 'resident' THEN 1 ELSE 0 END) ON CONFLICT DO NOTHING RETURNING id", params);
        if (inserted.isEmpty()) {
            throw new ConflictException("input.categoryCode", "error.need.openAlready", new Object[0]);
        }
        long id = inserted.get(0).longValue("id");
        if (role.equals(Caller.RESIDENT)) {
            // the submitter is its first supporter: supporting one's own need again is refused like any second support
            sql.update("INSERT INTO service_need_support (need_id, subject) VALUES (:id, :subject)",
                    Map.of("id", id, "subject", caller.subject()));
        }
        audit.record(role, new AuditLog.Change("submitServiceNeed", "ServiceNeed", id, null, region.id(), null, null,
                Map.of("categoryCode", category.code(), "status", ServiceNeedStatus.OPEN)));
        return need(id).orElseThrow();
    }

    @Transactional
    public ServiceNeed support(ServiceNeedInputs.Support input) {
        String role = caller.requireRole(Caller.RESIDENT);
        long id = Ids.parse(input.id(), "input.id");
        Row need = sql.rows("SELECT status, region_id FROM service_need WHERE id = :id FOR UPDATE", Map.of("id", id)).stream()
                .findFirst().orElseThrow(() -> new NotFoundException("input.id", "error.need.notFound", new Object[0]));
        if (!need.string("status").equals(ServiceNeedStatus.OPEN.name())) {
            throw new InvalidStateException("error.need.notOpen", Messages.label(ServiceNeedStatus.valueOf(need.string("status"))));
        }
        int added = sql.update("INSERT INTO service_need_support (need_id, subject) VALUES (:id, :subject) ON CONFLICT DO NOTHING",
                Map.of("id", id, "subject", caller.subject()));
        if (added == 0) {
            throw new ConflictException("input.id", "error.need.supportedAlready", new Object[0]);
        }
        sql.update("UPDATE service_need SET supporters = supporters + 1, updated_at = now() WHERE id = :id", Map.of("id", id));
        audit.record(role, new AuditLog.Change("supportServiceNeed", "ServiceNeed", id, null, need.longValue("region_id"), null,
                null, null));
        return need(id).orElseThrow();
    }

    @Transactional
    public ServiceNeed respond(ServiceNeedInputs.Respond input) {
        String role = caller.requireRole(Caller.OFFICIAL);
        long id = Ids.parse(input.id(), "input.id");
        Row need = locked(id, "input.id");
        if (!access.governs(need.longValue("region_id"))) {
            throw new ForbiddenException("error.outsideJurisdiction");
        }
        if (input.decision() == null) {
            throw new ValidationException("input.decision", "error.input.required");
        }
        String reason = input.decision() == ServiceNeedDecision.DECLINED
                ? Inputs.required(input.reason(), "input.reason", MAX_TEXT)
                : Inputs.optional(input.reason(), "input.reason", MAX_TEXT);
        ServiceNeedStatus from = ServiceNeedStatus.valueOf(need.string("status"));
        ServiceNeedStatus to = ServiceNeedStatus.valueOf(input.decision().name());
        if (from != ServiceNeedStatus.OPEN && from != ServiceNeedStatus.PLANNED || from == to) {
            throw new InvalidStateException("error.need.state", Messages.label(from), Messages.label(to));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("status", to.name());
        params.put("response", reason == null || reason.isEmpty() ? null : reason);
        params.put("by", caller.subject());
        sql.update("UPDATE service_need SET status = :status, response = CAST(:response AS text), responded_by = :by, "
                + "responded_at = now(), updated_at = now() WHERE id = :id", params);
        audit.record(role, new AuditLog.Change("respondToServiceNeed", "ServiceNeed", id, null, need.longValue("region_id"),
                reason, Map.of("status", from), Map.of("status", to)));
        tell(need.string("submitted_by"), to, id);
        return need(id).orElseThrow();
    }

    /**
     * Links needs to a procurement being created (procurement calls it in its transaction, after writing the
     * procurement): each must exist (NOT_FOUND naming the field), be OPEN or PLANNED (INVALID_STATE), be about a
     * region the calling official governs (FORBIDDEN) inside one of the procurement's target regions, and be of its
     * category, an ancestor or a descendant of it (VALIDATION). They become PROCURED with the procurement's id, and
     * their submitters are told. Nothing is linked when any fails: the caller's transaction rolls back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void linkToProcurement(List<String> needIds, long procurementId, String role) {
        if (needIds == null || needIds.isEmpty()) {
            return;
        }
        if (needIds.size() > Paging.MAX_PAGE_SIZE) {
            throw new ValidationException("input.needIds", "error.need.tooMany", Paging.MAX_PAGE_SIZE);
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String needId : needIds) {
            ids.add(Ids.parse(needId, "input.needIds"));
        }
        Row procurement = sql.rows("SELECT p.id, c.path, p.target_region_codes FROM procurement p "
                + "JOIN category c ON c.id = p.category_id WHERE p.id = :id", Map.of("id", procurementId)).get(0);
        List<Row> needs = sql.rows("SELECT n.id, n.status, n.region_id, n.submitted_by, "
                + "(c.path LIKE :path || '%' OR :path LIKE c.path || '%') AS same_category, "
                + "(r.path && (SELECT p.target_region_codes FROM procurement p WHERE p.id = :procurement)) AS in_target "
                + "FROM service_need n JOIN category c ON c.id = n.category_id JOIN region r ON r.id = n.region_id "
                + "WHERE n.id IN (:ids) ORDER BY n.id FOR UPDATE OF n",
                Map.of("ids", new ArrayList<>(ids), "path", procurement.string("path"), "procurement", procurementId));
        if (needs.size() != ids.size()) {
            throw new NotFoundException("input.needIds", "error.need.notFound", new Object[0]);
        }
        for (Row need : needs) {
            if (!access.governs(need.longValue("region_id"))) {
                throw new ForbiddenException("error.outsideJurisdiction");
            }
            ServiceNeedStatus status = ServiceNeedStatus.valueOf(need.string("status"));
            if (status != ServiceNeedStatus.OPEN && status != ServiceNeedStatus.PLANNED) {
                throw new InvalidStateException("error.need.state", Messages.label(status), Messages.label(ServiceNeedStatus.PROCURED));
            }
            if (!need.bool("same_category")) {
                throw new ValidationException("input.needIds", "error.need.otherCategory");
            }
            if (!need.bool("in_target")) {
                throw new ValidationException("input.needIds", "error.need.outsideTarget");
            }
        }
        sql.update("UPDATE service_need SET status = 'PROCURED', procurement_id = :procurement, responded_by = :by, "
                + "responded_at = now(), updated_at = now() WHERE id IN (:ids)",
                Map.of("procurement", procurementId, "by", caller.subject(), "ids", new ArrayList<>(ids)));
        for (Row need : needs) {
            long id = need.longValue("id");
            audit.record(role, new AuditLog.Change("linkServiceNeedToProcurement", "ServiceNeed", id, null,
                    need.longValue("region_id"), null, Map.of("status", need.string("status")),
                    Map.of("status", ServiceNeedStatus.PROCURED, "procurementId", procurementId)));
            tell(need.string("submitted_by"), ServiceNeedStatus.PROCURED, id);
        }
    }

    /** What a procurement answers, for its OCDS planning.rationale: how many needs, their supporters, their communities. */
    public record ProcurementNeeds(int needs, int supporters, List<String> communities) {
    }

    public Optional<ProcurementNeeds> ofProcurement(long procurementId) {
        Row row = sql.rows("SELECT count(*) AS needs, coalesce(sum(n.supporters), 0) AS supporters, "
                + "array_to_string(array_agg(DISTINCT m.name ORDER BY m.name), ',') AS communities FROM service_need n "
                + "JOIN region m ON m.id = n.community_id WHERE n.procurement_id = :p", Map.of("p", procurementId)).get(0);
        if (row.intValue("needs") == 0) {
            return Optional.empty();
        }
        return Optional.of(new ProcurementNeeds(row.intValue("needs"), row.intValue("supporters"), row.list("communities")));
    }

    /** Needs about a region's subtree, newest first; public, texts for those who may read them. */
    public ServiceNeedConnection needs(String regionCode, String categoryCode, ServiceNeedStatus status, Integer first,
            String after) {
        Region region = regions.require(regionCode, "regionCode");
        Map<String, Object> params = visibility();
        params.put("code", region.code());
        List<String> where = new ArrayList<>();
        where.add("r.path @> ARRAY[CAST(:code AS text)]");
        if (categoryCode != null) {
            params.put("path", categories.require(categoryCode, "categoryCode").path());
            where.add("c.path LIKE :path || '%'");
        }
        if (status != null) {
            params.put("status", status.name());
            where.add("n.status = :status");
        }
        int size = Paging.pageSize(first);
        KeysetQuery.Page page = NEWEST_FIRST.fetch(sql, COLUMNS + FROM, where, params, after, size);
        Map<String, Object> filter = new HashMap<>(params);
        filter.remove("official");
        filter.remove("worker");
        Row totals = sql.rows("SELECT count(*) AS needs, coalesce(sum(n.supporters), 0) AS supporters" + FROM + " WHERE "
                + String.join(" AND ", where), filter).get(0);
        return new ServiceNeedConnection(page.edges((cursor, row) -> new ServiceNeedConnection.ServiceNeedEdge(cursor, view(row))),
                page.pageInfo(after != null), totals.intValue("needs"), totals.intValue("supporters"));
    }

    public Optional<ServiceNeed> need(long id) {
        Map<String, Object> params = visibility();
        params.put("id", id);
        return sql.rows(COLUMNS + FROM + " WHERE n.id = :id", params).stream().map(ServiceNeeds::view).findFirst();
    }

    /** Who may read texts: the official's jurisdiction code and the community worker's subject ('' for none). */
    private Map<String, Object> visibility() {
        Map<String, Object> params = new HashMap<>();
        params.put("official", access.jurisdiction().map(Access.Jurisdiction::regionCode).orElse(""));
        params.put("worker", caller.hasRole(Caller.COMMUNITY_WORKER) ? caller.subject() : "");
        return params;
    }

    private Row locked(long id, String field) {
        return sql.rows("SELECT id, status, region_id, submitted_by FROM service_need WHERE id = :id FOR UPDATE",
                Map.of("id", id)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException(field, "error.need.notFound", new Object[0]));
    }

    private void tell(String submitter, ServiceNeedStatus status, long needId) {
        NotificationKind kind = switch (status) {
            case PLANNED -> NotificationKind.SERVICE_NEED_PLANNED;
            case PROCURED -> NotificationKind.SERVICE_NEED_PROCURED;
            case DECLINED -> NotificationKind.SERVICE_NEED_DECLINED;
            case OPEN -> null;
        };
        if (kind != null) {
            notifications.notify(submitter, kind, "ServiceNeed", needId, Map.of());
        }
    }

    private static ServiceNeed view(Row row) {
        return new ServiceNeed(row.string("id"), row.string("category_code"), row.string("region_code"),
                row.string("community_code"), ServiceNeedStatus.valueOf(row.string("status")), row.intValue("supporters"),
                row.bool("text_visible") ? row.string("text") : null, row.string("response"), row.dateTime("responded_at"),
                row.dateTime("created_at"), row.longValue("procurement_id"), row.longValue("region_id"));
    }
}
