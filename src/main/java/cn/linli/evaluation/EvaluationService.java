package cn.linli.evaluation;

import cn.linli.audit.AuditLog;
import cn.linli.catalog.CategoryQueries;
import cn.linli.common.Caller;
import cn.linli.common.ForbiddenException;
import cn.linli.common.Ids;
import cn.linli.common.Inputs;
import cn.linli.common.InvalidStateException;
import cn.linli.common.Messages;
import cn.linli.common.NotFoundException;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.common.ValidationException;
import cn.linli.evaluation.EvaluationViews.Cycle;
import cn.linli.evaluation.EvaluationViews.Evaluation;
import cn.linli.evaluation.EvaluationViews.Outcome;
import cn.linli.evaluation.EvaluationViews.Score;
import cn.linli.evaluation.EvaluationViews.Template;
import cn.linli.identity.Access;
import cn.linli.identity.BatchAccess;
import cn.linli.organization.Organization;
import cn.linli.region.Region;
import cn.linli.region.RegionQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluation cycles (考核评价): templates, cycles, assignments, scoring, publishing with the outcomes of 优胜劣汰,
 * and who sees what of them. Each mutation is one transaction and checks who may act through {@link Access};
 * the reads of nested fields are batched (one statement per field for a whole page) and remember the caller's
 * jurisdiction for the request ({@link BatchAccess}). Appeals are {@link AppealService}'s.
 */
@ApplicationScoped
public class EvaluationService {
    @Inject
    Caller caller;
    @Inject
    Access access;
    @Inject
    BatchAccess batchAccess;
    @Inject
    Sql sql;
    @Inject
    RegionQueries regions;
    @Inject
    CategoryQueries categories;
    @Inject
    Outcomes outcomes;
    @Inject
    Indicators indicators;
    @Inject
    AuditLog audit;
    @Inject
    EvaluationReads reads;

    /** Official: a template of weighted indicators summing to 100, or a new version of one. */
    @Transactional
    public Template createTemplate(EvaluationInputs.CreateTemplate input) {
        String role = caller.requireRole(Caller.OFFICIAL);
        Region region = regions.require(access.jurisdiction().orElseThrow(() -> new ForbiddenException("error.outsideJurisdiction"))
                .regionCode(), "jurisdiction");
        String name = Inputs.required(input.name(), "input.name", 100);
        if (!weightsAddUpTo100(input.indicators().stream().map(EvaluationInputs.Indicator::weight).toList())) {
            throw new ValidationException("input.indicators", "error.template.weights");
        }
        long family = -1;
        int version = 1;
        if (input.basedOnTemplateId() != null) {
            // a new version of a template only by an official over its region; anyone else's is as if unknown
            Row base = sql.rows("SELECT coalesce(family_id, id) AS family, region_id FROM evaluation_template WHERE id = :id",
                    Map.of("id", Ids.parse(input.basedOnTemplateId(), "input.basedOnTemplateId"))).stream()
                    .filter(row -> access.governs(row.longValue("region_id"))).findFirst()
                    .orElseThrow(() -> new ValidationException("input.basedOnTemplateId", "error.template.notFound"));
            family = base.longValue("family");
            version = sql.rows("SELECT max(version) + 1 AS next FROM evaluation_template WHERE coalesce(family_id, id) = :f",
                    Map.of("f", family)).get(0).intValue("next");
        }
        long id = sql.rows("INSERT INTO evaluation_template (family_id, version, name, region_id, created_by) VALUES "
                + "(nullif(:family, -1), :version, :name, :region, :by) RETURNING id", Map.of("family", family, "version", version,
                "name", name, "region", region.id(), "by", caller.subject())).get(0).longValue("id");
        for (int i = 0; i < input.indicators().size(); i++) {
            EvaluationInputs.Indicator indicator = input.indicators().get(i);
            if (indicator.weight() <= 0) {
                throw new ValidationException("input.indicators[" + i + "].weight", "error.input.range", 1, 100);
            }
            sql.update("INSERT INTO evaluation_indicator (template_id, position, name, kind, weight) VALUES (:t, :p, :n, :k, :w)",
                    Map.of("t", id, "p", i, "n", Inputs.required(indicator.name(), "input.indicators[" + i + "].name", 100),
                            "k", indicator.kind().name(), "w", indicator.weight()));
        }
        audit.record(role, new AuditLog.Change("createEvaluationTemplate", "EvaluationTemplate", id, null, region.id(), null, null,
                Map.of("name", name, "version", version)));
        return reads.template(id);
    }

    /** A template's weights: at least one indicator, summing to exactly 100. */
    static boolean weightsAddUpTo100(List<Integer> weights) {
        return !weights.isEmpty() && weights.stream().mapToInt(Integer::intValue).sum() == 100;
    }

    /** Official of the region: a cycle in SCORING with one evaluation per ACTIVE contract in scope. */
    @Transactional
    public Cycle openCycle(EvaluationInputs.OpenCycle input) {
        Region region = regions.require(input.regionCode(), "input.regionCode");
        String role = access.requireOfficialOver(region.id());
        String name = Inputs.required(input.name(), "input.name", 100);
        if (input.periodEnd().isBefore(input.periodStart())) {
            throw new ValidationException("input.periodEnd", "error.cycle.period");
        }
        String category = input.categoryCode() == null ? null : categories.require(input.categoryCode(), "input.categoryCode").path();
        long template = Ids.parse(input.templateId(), "input.templateId");
        // a template of the cycle's region or a region above it (a city's standard), or one the official governs
        boolean usable = sql.rows("SELECT t.region_id, EXISTS (SELECT 1 FROM region r JOIN region tr ON tr.id = t.region_id "
                + "WHERE r.id = :cycleRegion AND tr.code = ANY(r.path)) AS above FROM evaluation_template t WHERE t.id = :id",
                Map.of("id", template, "cycleRegion", region.id())).stream()
                .anyMatch(row -> row.bool("above") || access.governs(row.longValue("region_id")));
        if (!usable) {
            throw new ValidationException("input.templateId", "error.template.notFound");
        }
        Policy.Thresholds t = thresholds(input.thresholds());
        if (!t.ordered()) {
            throw new ValidationException("input.thresholds", "error.cycle.thresholds");
        }
        Map<String, Object> policy = Policy.of(input.policy()).toMap();
        long id = sql.rows("INSERT INTO evaluation_cycle (name, period_start, period_end, region_id, category_code, template_id, "
                + "thresholds, policy, created_by) VALUES (:name, :start, :end, :region, nullif(:category, ''), :template, "
                + "CAST(:thresholds AS jsonb), CAST(:policy AS jsonb), :by) RETURNING id", Map.of("name", name,
                "start", input.periodStart(), "end", input.periodEnd(), "region", region.id(),
                "category", input.categoryCode() == null ? "" : input.categoryCode(), "template", template,
                "thresholds", reads.toJson(t.toMap()), "policy", reads.toJson(policy), "by", caller.subject()))
                .get(0).longValue("id");
        int created = sql.update("INSERT INTO evaluation (cycle_id, contract_id, organization_id) "
                + "SELECT :cycle, k.id, k.organization_id FROM contract k JOIN organization o ON o.id = k.organization_id "
                + "JOIN region br ON br.id = coalesce(k.buyer_region_id, o.region_id) "
                + "LEFT JOIN procurement p ON p.id = k.procurement_id LEFT JOIN category cat ON cat.id = p.category_id "
                + "WHERE k.status = 'ACTIVE' AND :regionCode = ANY(br.path) "
                + "AND (:categoryPath = '' OR cat.path LIKE :categoryPath || '%')",
                Map.of("cycle", id, "regionCode", region.code(), "categoryPath", category == null ? "" : category));
        audit.record(role, new AuditLog.Change("openEvaluationCycle", "EvaluationCycle", id, null, region.id(), null, null,
                Map.of("name", name, "evaluations", created)));
        return reads.cycle(id);
    }

    /** The thresholds an official asked for, else the defaults (whether they are ordered is checked by the caller). */
    static Policy.Thresholds thresholds(EvaluationInputs.Thresholds input) {
        return input == null ? Policy.THRESHOLDS : new Policy.Thresholds(input.excellent(), input.good(), input.pass());
    }

    /** Official of the cycle's region: a registered evaluator scores this evaluation. */
    @Transactional
    public Evaluation assignEvaluator(EvaluationInputs.Assign input) {
        Evaluation evaluation = reads.evaluation(input.evaluationId());
        String role = access.requireOfficialOver(evaluation.regionId());
        if (sql.rows("SELECT 1 FROM evaluator_profile WHERE subject = :s", Map.of("s", input.evaluatorSubject())).isEmpty()) {
            throw new ValidationException("input.evaluatorSubject", "error.evaluation.notEvaluator");
        }
        sql.update("INSERT INTO evaluation_assignment (evaluation_id, evaluator_subject, assigned_by) VALUES (:e, :s, :by) "
                + "ON CONFLICT DO NOTHING", Map.of("e", Long.parseLong(evaluation.id()), "s", input.evaluatorSubject(), "by", caller.subject()));
        audit.record(role, new AuditLog.Change("assignEvaluator", "Evaluation", evaluation.id(),
                Long.parseLong(evaluation.organizationId()), evaluation.regionId(), null, null, Map.of("evaluator", input.evaluatorSubject())));
        return evaluation;
    }

    /** The assigned evaluator: MANUAL indicators 0–100 with comments, while the cycle is SCORING. */
    @Transactional
    public List<Score> score(EvaluationInputs.ScoreEvaluation input) {
        String role = caller.requireRole(Caller.EVALUATOR);
        Evaluation evaluation = reads.evaluation(input.evaluationId());
        long id = Long.parseLong(evaluation.id());
        if (sql.rows("SELECT 1 FROM evaluation_assignment WHERE evaluation_id = :e AND evaluator_subject = :s",
                Map.of("e", id, "s", caller.subject())).isEmpty()) {
            throw new ForbiddenException("error.evaluation.notAssigned");
        }
        requireStatus(evaluation.cycleId(), CycleStatus.SCORING, "scoreEvaluation");
        for (int i = 0; i < input.scores().size(); i++) {
            EvaluationInputs.Score score = input.scores().get(i);
            String field = "input.scores[" + i + "]";
            Row indicator = sql.rows("SELECT i.kind FROM evaluation_indicator i JOIN evaluation_cycle c ON c.template_id = i.template_id "
                    + "WHERE i.id = :i AND c.id = :c", Map.of("i", Ids.parse(score.indicatorId(), field + ".indicatorId"),
                    "c", Long.parseLong(evaluation.cycleId()))).stream().findFirst()
                    .orElseThrow(() -> new ValidationException(field + ".indicatorId", "error.evaluation.indicator"));
            if (!"MANUAL".equals(indicator.string("kind"))) {
                throw new ValidationException(field + ".indicatorId", "error.evaluation.computed");
            }
            if (!validScore(score.score())) {
                throw new ValidationException(field + ".score", "error.input.range", 0, 100);
            }
            sql.update("INSERT INTO evaluation_score (evaluation_id, indicator_id, score, comment, scored_by) VALUES "
                    + "(:e, :i, :score, :comment, :by) ON CONFLICT (evaluation_id, indicator_id) DO UPDATE SET score = excluded.score, "
                    + "comment = excluded.comment, scored_by = excluded.scored_by, scored_at = now()",
                    Map.of("e", id, "i", Long.parseLong(score.indicatorId()), "score", score.score(),
                            "comment", Inputs.required(score.comment(), field + ".comment", 1000), "by", caller.subject()));
        }
        audit.record(role, new AuditLog.Change("scoreEvaluation", "Evaluation", id, Long.parseLong(evaluation.organizationId()),
                evaluation.regionId(), null, null, Map.of("scores", input.scores().size())));
        return reads.scores(id, true);
    }

    /** A score (or a total) is a number from 0 to 100. */
    static boolean validScore(double score) {
        return !Double.isNaN(score) && score >= 0 && score <= 100;
    }

    /** Official of the region: SCORING → REVIEW, with the computed indicators computed now from the period's data. */
    @Transactional
    public Cycle closeScoring(EvaluationInputs.CycleAction input) {
        Cycle cycle = reads.cycle(Ids.parse(input.cycleId(), "input.cycleId"));
        String role = access.requireOfficialOver(cycle.regionId());
        requireStatus(cycle.id(), CycleStatus.SCORING, "closeScoring");
        for (Row evaluation : sql.rows("SELECT id FROM evaluation WHERE cycle_id = :c", Map.of("c", Long.parseLong(cycle.id())))) {
            indicators.compute(evaluation.longValue("id"), Long.parseLong(cycle.id()));
        }
        sql.update("UPDATE evaluation_cycle SET status = 'REVIEW' WHERE id = :c", Map.of("c", Long.parseLong(cycle.id())));
        audit.record(role, new AuditLog.Change("closeScoring", "EvaluationCycle", cycle.id(), null, cycle.regionId(), null,
                Map.of("status", CycleStatus.SCORING), Map.of("status", CycleStatus.REVIEW)));
        return reads.cycle(Long.parseLong(cycle.id()));
    }

    /**
     * Official of the region: REVIEW → PUBLISHED, refused while any evaluation lacks a score. Fixes totals, grades
     * and ranks, records the first version of each evaluation and applies the outcome policy (优胜劣汰).
     */
    @Transactional
    public Cycle publish(EvaluationInputs.CycleAction input) {
        long cycleId = Ids.parse(input.cycleId(), "input.cycleId");
        Cycle cycle = reads.cycle(cycleId);
        String role = access.requireOfficialOver(cycle.regionId());
        requireStatus(cycle.id(), CycleStatus.REVIEW, "publishEvaluationCycle");
        List<Row> unscored = sql.rows("SELECT e.id FROM evaluation e JOIN evaluation_cycle c ON c.id = e.cycle_id "
                + "JOIN evaluation_indicator i ON i.template_id = c.template_id LEFT JOIN evaluation_score s "
                + "ON s.evaluation_id = e.id AND s.indicator_id = i.id WHERE e.cycle_id = :c AND s.id IS NULL", Map.of("c", cycleId));
        if (!unscored.isEmpty()) {
            throw new InvalidStateException("error.cycle.unscored", unscored.size());
        }
        Policy.Thresholds thresholds = cycle.thresholds();
        sql.update("UPDATE evaluation e SET total = t.total, version = 1 FROM (SELECT s.evaluation_id, "
                + "round(sum(s.score * i.weight) / 100.0, 2) AS total FROM evaluation_score s JOIN evaluation_indicator i "
                + "ON i.id = s.indicator_id GROUP BY s.evaluation_id) t WHERE t.evaluation_id = e.id AND e.cycle_id = :c", Map.of("c", cycleId));
        rerank(cycleId);
        for (Row row : sql.rows("SELECT id, total FROM evaluation WHERE cycle_id = :c ORDER BY id", Map.of("c", cycleId))) {
            Grade grade = thresholds.grade(row.decimal("total").doubleValue());
            long evaluation = row.longValue("id");
            sql.update("UPDATE evaluation SET grade = :g WHERE id = :id", Map.of("g", grade.name(), "id", evaluation));
            sql.update("INSERT INTO evaluation_version (evaluation_id, version, total, grade, reason, recorded_by) VALUES "
                    + "(:e, 1, :total, :g, 'published', :by)", Map.of("e", evaluation, "total", row.decimal("total"), "g", grade.name(),
                    "by", caller.subject()));
            outcomes.apply(evaluation, grade, role, cycle.regionId());
        }
        sql.update("UPDATE evaluation_cycle SET status = 'PUBLISHED', published_at = now() WHERE id = :c", Map.of("c", cycleId));
        audit.record(role, new AuditLog.Change("publishEvaluationCycle", "EvaluationCycle", cycleId, null, cycle.regionId(), null,
                Map.of("status", CycleStatus.REVIEW), Map.of("status", CycleStatus.PUBLISHED)));
        return reads.cycle(cycleId);
    }

    /** Ranks the cycle's evaluations by total (1 = best, equal totals share a rank). */
    void rerank(long cycleId) {
        sql.update("UPDATE evaluation e SET rank = r.rank FROM (SELECT id, rank() OVER (ORDER BY total DESC) AS rank "
                + "FROM evaluation WHERE cycle_id = :c) r WHERE r.id = e.id", Map.of("c", cycleId));
    }

    /** Locks the cycle and requires it to be in this status for the action. */
    void requireStatus(String cycleId, CycleStatus status, String action) {
        String actual = sql.rows("SELECT status FROM evaluation_cycle WHERE id = :c FOR UPDATE", Map.of("c", Long.parseLong(cycleId)))
                .get(0).string("status");
        if (!status.name().equals(actual)) {
            throw new InvalidStateException("error.cycle.state", Messages.label(CycleStatus.valueOf(actual)), action);
        }
    }

    /** A cycle: anyone sees it once published, officials of its region at any stage; anyone else NOT_FOUND. */
    public Cycle visibleCycle(String id) {
        Cycle cycle = reads.cycle(Ids.parse(id, "id"));
        if (cycle.status() != CycleStatus.PUBLISHED && !access.governs(cycle.regionId())) {
            throw new NotFoundException("error.cycle.notFound", id);
        }
        return cycle;
    }

    /** A cycle's evaluations, best first: public once published, officials of the region before, evaluators their own. */
    public List<Evaluation> evaluationsOf(String cycleId) {
        Cycle cycle = reads.cycle(Ids.parse(cycleId, "cycleId"));
        if (cycle.status() == CycleStatus.PUBLISHED || access.governs(cycle.regionId())) {
            return reads.evaluations("e.cycle_id = :c", Map.of("c", Long.parseLong(cycle.id())));
        }
        if (caller.hasRole(Caller.EVALUATOR)) {
            return reads.evaluations("e.cycle_id = :c AND e.id IN (SELECT evaluation_id FROM evaluation_assignment "
                    + "WHERE evaluator_subject = :s)", Map.of("c", Long.parseLong(cycle.id()), "s", caller.subject()));
        }
        throw new NotFoundException("error.cycle.notFound", cycleId);
    }

    /** Published evaluations of a cycle in a region (and category), ranked among themselves. */
    public List<Evaluation> rankings(String regionCode, String categoryCode, String cycleId) {
        Region region = regions.require(regionCode, "regionCode");
        String path = categoryCode == null ? "" : categories.require(categoryCode, "categoryCode").path();
        List<Evaluation> chosen = reads.evaluations("e.cycle_id = :c AND c.status = 'PUBLISHED' AND e.organization_id IN "
                + "(SELECT o2.id FROM organization o2 JOIN region r ON r.id = o2.region_id WHERE :region = ANY(r.path)) "
                + "AND (:path = '' OR EXISTS (SELECT 1 FROM contract k JOIN procurement p ON p.id = k.procurement_id "
                + "JOIN category cat ON cat.id = p.category_id WHERE k.id = e.contract_id AND cat.path LIKE :path || '%'))",
                Map.of("c", Ids.parse(cycleId, "cycleId"), "region", region.code(), "path", path));
        return Ranking.rankedAmong(chosen);
    }

    /**
     * The scores of each evaluation, in order. Insiders (officials of the region, the organization's members, an
     * assigned evaluator) see them at any stage with the manual comments; anyone else once published, without.
     */
    public List<List<Score>> scores(List<Evaluation> evaluations) {
        Set<Long> insiders = insiders(evaluations);
        Set<Long> shown = new HashSet<>();
        for (Evaluation evaluation : evaluations) {
            long id = Long.parseLong(evaluation.id());
            if (evaluation.published() || insiders.contains(id)) {
                shown.add(id);
            }
        }
        Map<Long, List<Score>> byEvaluation = reads.scoresOf(shown, insiders::contains);
        return evaluations.stream().map(e -> byEvaluation.getOrDefault(Long.parseLong(e.id()), List.of())).toList();
    }

    /** The evaluations (ids) whose manual comments the caller may read: a few statements for any number. */
    private Set<Long> insiders(List<Evaluation> evaluations) {
        Set<Long> insiders = new HashSet<>();
        if (!caller.isAuthenticated()) {
            return insiders;
        }
        Set<Long> governed = batchAccess.governed(evaluations.stream().map(Evaluation::regionId).toList());
        List<Evaluation> rest = evaluations.stream().filter(e -> !governed.contains(e.regionId())).toList();
        evaluations.stream().filter(e -> governed.contains(e.regionId())).forEach(e -> insiders.add(Long.parseLong(e.id())));
        if (!rest.isEmpty()) {
            Set<Long> memberOf = batchAccess.memberOf(rest.stream().map(e -> Long.parseLong(e.organizationId())).toList());
            rest.stream().filter(e -> memberOf.contains(Long.parseLong(e.organizationId())))
                    .forEach(e -> insiders.add(Long.parseLong(e.id())));
        }
        if (caller.hasRole(Caller.EVALUATOR)) {
            List<Long> unknown = rest.stream().map(e -> Long.parseLong(e.id())).filter(id -> !insiders.contains(id)).toList();
            if (!unknown.isEmpty()) {
                sql.rows("SELECT evaluation_id FROM evaluation_assignment WHERE evaluator_subject = :s AND evaluation_id IN (:ids)",
                        Map.of("s", caller.subject(), "ids", unknown)).forEach(row -> insiders.add(row.longValue("evaluation_id")));
            }
        }
        return insiders;
    }

    /** The outcomes applied (and lifted) for each evaluation, in order. */
    public List<List<Outcome>> outcomes(List<Evaluation> evaluations) {
        Map<Long, List<Outcome>> byEvaluation = reads.outcomesOf(ids(evaluations));
        return evaluations.stream().map(e -> byEvaluation.getOrDefault(Long.parseLong(e.id()), List.of())).toList();
    }

    /** The published evaluations of each organization, best total first. */
    public List<List<Evaluation>> history(List<Organization> organizations) {
        Map<Long, List<Evaluation>> byOrganization = reads.publishedOf(organizations.stream()
                .map(o -> Long.parseLong(o.id())).distinct().toList());
        return organizations.stream().map(o -> byOrganization.getOrDefault(Long.parseLong(o.id()), List.of())).toList();
    }

    static List<Long> ids(List<Evaluation> evaluations) {
        return evaluations.stream().map(e -> Long.parseLong(e.id())).distinct().toList();
    }
}
