package cn.linli.evaluation;

import cn.linli.catalog.Category;
import cn.linli.catalog.CategoryQueries;
import cn.linli.common.Caller;
import cn.linli.common.ForbiddenException;
import cn.linli.common.KeysetQuery;
import cn.linli.common.KeysetQuery.Key;
import cn.linli.common.Paging;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.common.WorkQueue;
import cn.linli.evaluation.EvaluationViews.AppealConnection;
import cn.linli.evaluation.EvaluationViews.AppealEdge;
import cn.linli.evaluation.EvaluationViews.Cycle;
import cn.linli.evaluation.EvaluationViews.CycleConnection;
import cn.linli.evaluation.EvaluationViews.CycleEdge;
import cn.linli.evaluation.EvaluationViews.EvaluationConnection;
import cn.linli.evaluation.EvaluationViews.EvaluationEdge;
import cn.linli.evaluation.EvaluationViews.Template;
import cn.linli.identity.Access;
import cn.linli.region.Region;
import cn.linli.region.RegionQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lists an official's or an evaluator's console pages through: cycles, templates, appeals, assignments.
 * Read-only; who sees what is decided here, not in the resolvers.
 */
@ApplicationScoped
public class EvaluationQueues {
    private static final KeysetQuery LATEST_PERIOD_FIRST = new KeysetQuery("cycles", List.of(new Key("c.period_end", "date"),
            new Key("c.id", "bigint")), true);
    private static final KeysetQuery LONGEST_WAITING_FIRST = new KeysetQuery("appeals", List.of(new Key("a.id", "bigint")), false);
    private static final KeysetQuery NEWEST_ASSIGNMENT_FIRST = new KeysetQuery("assignments", List.of(new Key("e.id", "bigint")), true);

    @Inject
    Caller caller;
    @Inject
    Access access;
    @Inject
    Sql sql;
    @Inject
    EvaluationReads reads;
    @Inject
    RegionQueries regions;
    @Inject
    CategoryQueries categories;

    /**
     * Cycles, the latest period first. Published ones are public; an official also sees the cycles of their
     * jurisdiction at any stage. Asking for a stage before PUBLISHED needs an official over the region asked for.
     */
    public CycleConnection cycles(EvaluationInputs.CycleFilter filter, Integer first, String after) {
        int pageSize = Paging.pageSize(first);
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        CycleStatus status = filter == null ? null : filter.status();
        Region region = filter == null || filter.regionCode() == null ? null : regions.require(filter.regionCode(), "filter.regionCode");
        if (region != null) {
            where.add("r.path @> ARRAY[CAST(:regionCode AS text)]");
            params.put("regionCode", region.code());
        }
        if (status != null && status != CycleStatus.PUBLISHED) {
            // a work queue: within the official's jurisdiction
            caller.requireRole(Caller.OFFICIAL);
            if (region != null) {
                access.requireOfficialOver(region.id());
            } else {
                where.add("r.path @> ARRAY[CAST(:jurisdiction AS text)]");
                params.put("jurisdiction", jurisdiction());
            }
        } else {
            String jurisdiction = access.jurisdiction().map(Access.Jurisdiction::regionCode).orElse(null);
            if (jurisdiction == null) {
                where.add("c.status = 'PUBLISHED'");
            } else {
                where.add("(c.status = 'PUBLISHED' OR r.path @> ARRAY[CAST(:jurisdiction AS text)])");
                params.put("jurisdiction", jurisdiction);
            }
        }
        if (status != null) {
            where.add("c.status = :status");
            params.put("status", status.name());
        }
        if (filter != null && filter.categoryCode() != null) {
            Category category = categories.require(filter.categoryCode(), "filter.categoryCode");
            where.add("(c.category_code IS NULL OR c.category_code IN (SELECT d.code FROM category d WHERE d.path LIKE :categoryPath))");
            params.put("categoryPath", category.path() + "%");
        }
        KeysetQuery.Page page = LATEST_PERIOD_FIRST.fetch(sql, EvaluationReads.CYCLE_SELECT, where, params, after, pageSize);
        List<Cycle> cycles = reads.cycles(page.rows());
        List<CycleEdge> edges = new ArrayList<>();
        for (int i = 0; i < cycles.size(); i++) {
            edges.add(new CycleEdge(page.cursors().get(i), cycles.get(i)));
        }
        return new CycleConnection(edges, page.pageInfo(after != null), page.totalCount());
    }

    /**
     * Official: the templates a cycle of the region (default: your jurisdiction) may use — those of the region
     * and the regions above it (a city's standard) — and those made within it; by family, newest version first.
     */
    public List<Template> templates(String regionCode) {
        caller.requireRole(Caller.OFFICIAL);
        Region region = regions.require(regionCode == null ? jurisdiction() : regionCode, "regionCode");
        access.requireOfficialOver(region.id());
        return reads.templates("(EXISTS (SELECT 1 FROM region r WHERE r.id = :id AND tr.code = ANY(r.path)) "
                + "OR tr.path @> ARRAY[CAST(:code AS text)])",
                Map.of("id", region.id(), "code", region.code()));
    }

    /** Official: appeals against cycles of the region (default: your jurisdiction), the longest waiting first. */
    public AppealConnection appeals(EvaluationInputs.AppealFilter filter, Integer first, String after) {
        int pageSize = Paging.pageSize(first);
        caller.requireRole(Caller.OFFICIAL);
        Region region = regions.require(filter == null || filter.regionCode() == null ? jurisdiction() : filter.regionCode(),
                "filter.regionCode");
        access.requireOfficialOver(region.id());
        List<String> where = new ArrayList<>(List.of("r.path @> ARRAY[CAST(:regionCode AS text)]"));
        Map<String, Object> params = new HashMap<>(Map.of("regionCode", region.code()));
        if (filter != null && filter.status() != null) {
            where.add("a.status = :status");
            params.put("status", filter.status().name());
        }
        KeysetQuery.Page page = LONGEST_WAITING_FIRST.fetch(sql, "SELECT " + EvaluationReads.APPEAL_COLUMNS
                + " JOIN evaluation e ON e.id = a.evaluation_id JOIN evaluation_cycle c ON c.id = e.cycle_id "
                + "JOIN region r ON r.id = c.region_id", where, params, after, pageSize);
        return new AppealConnection(page.edges((cursor, row) -> new AppealEdge(cursor, EvaluationReads.appeal(row))),
                page.pageInfo(after != null), page.totalCount());
    }

    /** Evaluator: the evaluations assigned to you, newest first; with {@code open}, only those of cycles still scoring. */
    public EvaluationConnection assignments(Boolean open, Integer first, String after) {
        int pageSize = Paging.pageSize(first);
        caller.requireRole(Caller.EVALUATOR);
        List<String> where = new ArrayList<>(List.of("e.id IN (SELECT evaluation_id FROM evaluation_assignment WHERE evaluator_subject = :s)"));
        if (Boolean.TRUE.equals(open)) {
            where.add("c.status = 'SCORING'");
        }
        KeysetQuery.Page page = NEWEST_ASSIGNMENT_FIRST.fetch(sql, "SELECT " + EvaluationReads.EVALUATION_COLUMNS
                + EvaluationReads.EVALUATION_FROM, where, Map.of("s", caller.subject()), after, pageSize);
        return new EvaluationConnection(page.edges((cursor, row) -> new EvaluationEdge(cursor, EvaluationReads.evaluation(row))),
                page.pageInfo(after != null), page.totalCount());
    }

    /** The desk's queue of appeals waiting for a decision in a jurisdiction, the longest waiting first. */
    public WorkQueue pendingAppeals(String jurisdictionCode, int items) {
        List<Row> rows = sql.rows("SELECT a.id, o.name, r.code, a.filed_at, count(*) OVER () AS total FROM appeal a "
                + "JOIN evaluation e ON e.id = a.evaluation_id JOIN organization o ON o.id = e.organization_id "
                + "JOIN evaluation_cycle c ON c.id = e.cycle_id JOIN region r ON r.id = c.region_id "
                + "WHERE a.status = 'PENDING' AND r.path @> ARRAY[CAST(:code AS text)] ORDER BY a.id LIMIT :limit",
                Map.of("code", jurisdictionCode, "limit", WorkQueue.limit(items)));
        return WorkQueue.of(rows, items, row -> new WorkQueue.WorkItem(row.string("id"), row.string("name"), row.string("code"),
                row.dateTime("filed_at"), null));
    }

    private String jurisdiction() {
        return access.jurisdiction().orElseThrow(() -> new ForbiddenException("error.outsideJurisdiction")).regionCode();
    }
}
