package cn.linli.evaluation;

import cn.linli.audit.AuditLog;
import cn.linli.catalog.CategoryQueries;
import cn.linli.common.ApiErrors;
import cn.linli.common.Caller;
import cn.linli.common.ConflictException;
import cn.linli.common.ForbiddenException;
import cn.linli.common.Ids;
import cn.linli.common.Inputs;
import cn.linli.common.InvalidStateException;
import cn.linli.common.Messages;
import cn.linli.common.NotFoundException;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.common.ValidationException;
import cn.linli.evaluation.EvaluationViews.Appeal;
import cn.linli.evaluation.EvaluationViews.Cycle;
import cn.linli.evaluation.EvaluationViews.Evaluation;
import cn.linli.evaluation.EvaluationViews.Indicator;
import cn.linli.evaluation.EvaluationViews.Outcome;
import cn.linli.evaluation.EvaluationViews.Score;
import cn.linli.evaluation.EvaluationViews.Template;
import cn.linli.identity.Access;
import cn.linli.organization.Organization;
import cn.linli.region.Region;
import cn.linli.region.RegionQueries;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/** Evaluation cycles: templates, scoring, publishing with 优胜劣汰 outcomes, appeals, rankings. */
@GraphQLApi
@ApiErrors
public class EvaluationApi {
    static final String EVALUATION_COLUMNS = "e.id, e.cycle_id, e.contract_id, e.organization_id, o.name AS organization_name, "
            + "e.total, e.grade, e.rank, e.version, c.region_id";
    static final String EVALUATION_FROM = " FROM evaluation e JOIN organization o ON o.id = e.organization_id "
            + "JOIN evaluation_cycle c ON c.id = e.cycle_id";

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
    Outcomes outcomes;
    @Inject
    Indicators indicators;
    @Inject
    AuditLog audit;
    @Inject
    ObjectMapper json;

    @Mutation("createEvaluationTemplate")
    @Transactional
    @Description("Official: weighted indicators summing to 100; with basedOnTemplateId, a new version of that template.")
    public Template createEvaluationTemplate(@Name("input") @NonNull EvaluationInputs.CreateTemplate input) {
        String role = caller.requireRole(Caller.OFFICIAL);
        Region region = regions.require(access.jurisdiction().orElseThrow(() -> new ForbiddenException("error.outsideJurisdiction"))
                .regionCode(), "jurisdiction");
        String name = Inputs.required(input.name(), "input.name", 100);
        if (input.indicators().isEmpty() || input.indicators().stream().mapToInt(EvaluationInputs.Indicator::weight).sum() != 100) {
            throw new ValidationException("input.indicators", "error.template.weights");
        }
        long family = -1;
        int version = 1;
        if (input.basedOnTemplateId() != null) {
            Row base = sql.rows("SELECT coalesce(family_id, id) AS family FROM evaluation_template WHERE id = :id",
                    Map.of("id", Ids.parse(input.basedOnTemplateId(), "input.basedOnTemplateId"))).stream().findFirst()
                    .orElseThrow(() -> new NotFoundException("error.template.notFound", input.basedOnTemplateId()));
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
        return template(id);
    }

    @Mutation("openEvaluationCycle")
    @Transactional
    @Description("Official of the region: open a cycle (SCORING) with one evaluation per ACTIVE contract in scope.")
    public Cycle openEvaluationCycle(@Name("input") @NonNull EvaluationInputs.OpenCycle input) {
        Region region = regions.require(input.regionCode(), "input.regionCode");
        String role = access.requireOfficialOver(region.id());
        String name = Inputs.required(input.name(), "input.name", 100);
        if (input.periodEnd().isBefore(input.periodStart())) {
            throw new ValidationException("input.periodEnd", "error.cycle.period");
        }
        String category = input.categoryCode() == null ? null : categories.require(input.categoryCode(), "input.categoryCode").path();
        long template = Ids.parse(input.templateId(), "input.templateId");
        if (sql.rows("SELECT 1 FROM evaluation_template WHERE id = :id", Map.of("id", template)).isEmpty()) {
            throw new ValidationException("input.templateId", "error.template.notFound", input.templateId());
        }
        Policy.Thresholds t = input.thresholds() == null ? Policy.THRESHOLDS
                : new Policy.Thresholds(input.thresholds().excellent(), input.thresholds().good(), input.thresholds().pass());
        if (!t.ordered()) {
            throw new ValidationException("input.thresholds", "error.cycle.thresholds");
        }
        Map<String, Object> policy = Policy.of(input.policy()).toMap();
        long id = sql.rows("INSERT INTO evaluation_cycle (name, period_start, period_end, region_id, category_code, template_id, "
                + "thresholds, policy, created_by) VALUES (:name, :start, :end, :region, nullif(:category, ''), :template, "
                + "CAST(:thresholds AS jsonb), CAST(:policy AS jsonb), :by) RETURNING id", Map.of("name", name,
                "start", input.periodStart(), "end", input.periodEnd(), "region", region.id(),
                "category", input.categoryCode() == null ? "" : input.categoryCode(), "template", template,
                "thresholds", toJson(Map.of("excellent", t.excellent(), "good", t.good(), "pass", t.pass())),
                "policy", toJson(policy), "by", caller.subject())).get(0).longValue("id");
        int created = sql.update("INSERT INTO evaluation (cycle_id, contract_id, organization_id) "
                + "SELECT :cycle, k.id, k.organization_id FROM contract k JOIN organization o ON o.id = k.organization_id "
                + "JOIN region br ON br.id = coalesce(k.buyer_region_id, o.region_id) "
                + "LEFT JOIN procurement p ON p.id = k.procurement_id LEFT JOIN category cat ON cat.id = p.category_id "
                + "WHERE k.status = 'ACTIVE' AND :regionCode = ANY(br.path) "
                + "AND (:categoryPath = '' OR cat.path LIKE :categoryPath || '%')",
                Map.of("cycle", id, "regionCode", region.code(), "categoryPath", category == null ? "" : category));
        audit.record(role, new AuditLog.Change("openEvaluationCycle", "EvaluationCycle", id, null, region.id(), null, null,
                Map.of("name", name, "evaluations", created)));
        return cycle(id);
    }

    @Mutation("assignEvaluator")
    @Transactional
    @Description("Official of the cycle's region: assign a registered evaluator (第三方评估) to an evaluation.")
    public Evaluation assignEvaluator(@Name("input") @NonNull EvaluationInputs.Assign input) {
        Evaluation evaluation = evaluation(input.evaluationId());
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

    @Mutation("scoreEvaluation")
    @Transactional
    @Description("Assigned evaluator: score MANUAL indicators 0–100 with comments while the cycle is SCORING.")
    public List<Score> scoreEvaluation(@Name("input") @NonNull EvaluationInputs.ScoreEvaluation input) {
        String role = caller.requireRole(Caller.EVALUATOR);
        Evaluation evaluation = evaluation(input.evaluationId());
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
            if (Double.isNaN(score.score()) || score.score() < 0 || score.score() > 100) {
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
        return scores(id, true);
    }

    @Mutation("closeScoring")
    @Transactional
    @Description("Official of the region: SCORING → REVIEW. Computed indicators are computed now, from the period's data.")
    public Cycle closeScoring(@Name("input") @NonNull EvaluationInputs.CycleAction input) {
        Cycle cycle = cycle(Ids.parse(input.cycleId(), "input.cycleId"));
        String role = access.requireOfficialOver(cycle.regionId());
        requireStatus(cycle.id(), CycleStatus.SCORING, "closeScoring");
        for (Row evaluation : sql.rows("SELECT id FROM evaluation WHERE cycle_id = :c", Map.of("c", Long.parseLong(cycle.id())))) {
            indicators.compute(evaluation.longValue("id"), Long.parseLong(cycle.id()));
        }
        sql.update("UPDATE evaluation_cycle SET status = 'REVIEW' WHERE id = :c", Map.of("c", Long.parseLong(cycle.id())));
        audit.record(role, new AuditLog.Change("closeScoring", "EvaluationCycle", cycle.id(), null, cycle.regionId(), null,
                Map.of("status", CycleStatus.SCORING), Map.of("status", CycleStatus.REVIEW)));
        return cycle(Long.parseLong(cycle.id()));
    }

    @Mutation("publishEvaluationCycle")
    @Transactional
    @Description("Official of the region: REVIEW → PUBLISHED; refused while any evaluation lacks a score. Fixes totals, "
            + "grades and ranks and applies the outcome policy (优胜劣汰).")
    public Cycle publishEvaluationCycle(@Name("input") @NonNull EvaluationInputs.CycleAction input) {
        long cycleId = Ids.parse(input.cycleId(), "input.cycleId");
        Cycle cycle = cycle(cycleId);
        String role = access.requireOfficialOver(cycle.regionId());
        requireStatus(cycle.id(), CycleStatus.REVIEW, "publishEvaluationCycle");
        List<Row> unscored = sql.rows("SELECT e.id FROM evaluation e JOIN evaluation_cycle c ON c.id = e.cycle_id "
                + "JOIN evaluation_indicator i ON i.template_id = c.template_id LEFT JOIN evaluation_score s "
                + "ON s.evaluation_id = e.id AND s.indicator_id = i.id WHERE e.cycle_id = :c AND s.id IS NULL", Map.of("c", cycleId));
        if (!unscored.isEmpty()) {
            throw new InvalidStateException("error.cycle.unscored", unscored.size());
        }
        JsonNode thresholds = parse(cycle.thresholds());
        sql.update("UPDATE evaluation e SET total = t.total, version = 1 FROM (SELECT s.evaluation_id, "
                + "round(sum(s.score * i.weight) / 100.0, 2) AS total FROM evaluation_score s JOIN evaluation_indicator i "
                + "ON i.id = s.indicator_id GROUP BY s.evaluation_id) t WHERE t.evaluation_id = e.id AND e.cycle_id = :c", Map.of("c", cycleId));
        sql.update("UPDATE evaluation e SET rank = r.rank FROM (SELECT id, rank() OVER (ORDER BY total DESC) AS rank "
                + "FROM evaluation WHERE cycle_id = :c) r WHERE r.id = e.id", Map.of("c", cycleId));
        for (Row row : sql.rows("SELECT id, total FROM evaluation WHERE cycle_id = :c ORDER BY id", Map.of("c", cycleId))) {
            Grade grade = grade(row.decimal("total").doubleValue(), thresholds);
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
        return cycle(cycleId);
    }

    @Mutation("appealEvaluation")
    @Transactional
    @Description("OWNER of the organization: appeal (复核) a published evaluation within the cycle's window (default 15 days).")
    public Appeal appealEvaluation(@Name("input") @NonNull EvaluationInputs.Appeal input) {
        Evaluation evaluation = evaluation(input.evaluationId());
        String role = access.requireOwner(Long.parseLong(evaluation.organizationId()));
        Row cycle = sql.rows("SELECT status, published_at, CAST(policy AS text) AS policy FROM evaluation_cycle WHERE id = :c",
                Map.of("c", Long.parseLong(evaluation.cycleId()))).get(0);
        if (!"PUBLISHED".equals(cycle.string("status"))) {
            throw new InvalidStateException("error.appeal.notPublished");
        }
        int days = Policy.of(parse(cycle.string("policy"))).appealDays();
        if (cycle.dateTime("published_at").plusDays(days).isBefore(java.time.OffsetDateTime.now())) {
            throw new InvalidStateException("error.appeal.window", days);
        }
        String reasons = Inputs.required(input.reasons(), "input.reasons", 2000);
        List<Row> inserted = sql.rows("INSERT INTO appeal (evaluation_id, organization_id, reasons, filed_by) VALUES (:e, :o, :r, :by) "
                + "ON CONFLICT DO NOTHING RETURNING id", Map.of("e", Long.parseLong(evaluation.id()),
                "o", Long.parseLong(evaluation.organizationId()), "r", reasons, "by", caller.subject()));
        if (inserted.isEmpty()) {
            throw new ConflictException("error.appeal.pending");
        }
        long id = inserted.get(0).longValue("id");
        audit.record(role, new AuditLog.Change("appealEvaluation", "Appeal", id, Long.parseLong(evaluation.organizationId()),
                evaluation.regionId(), null, null, Map.of("evaluationId", evaluation.id())));
        return appeals("a.id = :id", Map.of("id", id)).get(0);
    }

    @Mutation("decideAppeal")
    @Transactional
    @Description("Official of the region who did not score it: UPHELD (grade stands) or CHANGED (new total and grade; "
            + "outcomes are re-applied: bars lifted, payments released, listings resumed, or the reverse).")
    public Appeal decideAppeal(@Name("input") @NonNull EvaluationInputs.Decide input) {
        long appealId = Ids.parse(input.appealId(), "input.appealId");
        Row appeal = sql.rows("SELECT evaluation_id, status FROM appeal WHERE id = :id FOR UPDATE", Map.of("id", appealId)).stream()
                .findFirst().orElseThrow(() -> new NotFoundException("error.appeal.notFound", input.appealId()));
        Evaluation evaluation = evaluation(appeal.string("evaluation_id"));
        String role = access.requireOfficialOver(evaluation.regionId());
        if (!sql.rows("SELECT 1 FROM evaluation_score WHERE evaluation_id = :e AND scored_by = :s",
                Map.of("e", Long.parseLong(evaluation.id()), "s", caller.subject())).isEmpty()) {
            throw new ForbiddenException("error.appeal.scoredIt");
        }
        if (!"PENDING".equals(appeal.string("status"))) {
            throw new InvalidStateException("error.appeal.decided");
        }
        String reason = Inputs.required(input.reason(), "input.reason", 2000);
        long evaluationId = Long.parseLong(evaluation.id());
        if ("UPHELD".equals(input.decision())) {
            sql.update("UPDATE appeal SET status = 'UPHELD', decision_reason = :r, decided_by = :by, decided_at = now() WHERE id = :id",
                    Map.of("r", reason, "by", caller.subject(), "id", appealId));
        } else if ("CHANGED".equals(input.decision())) {
            if (input.newTotal() == null || input.newTotal() < 0 || input.newTotal() > 100) {
                throw new ValidationException("input.newTotal", "error.input.range", 0, 100);
            }
            Grade grade = grade(input.newTotal(), parse(sql.rows("SELECT CAST(thresholds AS text) AS t FROM evaluation_cycle WHERE id = :c",
                    Map.of("c", Long.parseLong(evaluation.cycleId()))).get(0).string("t")));
            int version = evaluation.version() + 1;
            sql.update("UPDATE evaluation SET total = :total, grade = :g, version = :v WHERE id = :id",
                    Map.of("total", input.newTotal(), "g", grade.name(), "v", version, "id", evaluationId));
            sql.update("INSERT INTO evaluation_version (evaluation_id, version, total, grade, reason, recorded_by) VALUES "
                    + "(:e, :v, :total, :g, :r, :by)", Map.of("e", evaluationId, "v", version, "total", input.newTotal(),
                    "g", grade.name(), "r", "appeal " + appealId + ": " + reason, "by", caller.subject()));
            sql.update("UPDATE evaluation e SET rank = r.rank FROM (SELECT id, rank() OVER (ORDER BY total DESC) AS rank "
                    + "FROM evaluation WHERE cycle_id = :c) r WHERE r.id = e.id", Map.of("c", Long.parseLong(evaluation.cycleId())));
            outcomes.lift(evaluationId, role, evaluation.regionId());
            outcomes.apply(evaluationId, grade, role, evaluation.regionId());
            sql.update("UPDATE appeal SET status = 'CHANGED', decision_reason = :r, new_total = :t, decided_by = :by, "
                    + "decided_at = now() WHERE id = :id", Map.of("r", reason, "t", input.newTotal(), "by", caller.subject(), "id", appealId));
        } else {
            throw new ValidationException("input.decision", "error.appeal.decision");
        }
        audit.record(role, new AuditLog.Change("decideAppeal", "Appeal", appealId, Long.parseLong(evaluation.organizationId()),
                evaluation.regionId(), reason, Map.of("status", "PENDING"), Map.of("status", input.decision())));
        return appeals("a.id = :id", Map.of("id", appealId)).get(0);
    }

    @Query("evaluationCycle")
    @NonNull
    @Description("A cycle. Anyone sees published cycles; officials of its region see it at any stage.")
    public Cycle evaluationCycle(@Name("id") @NonNull @Id String id) {
        Cycle cycle = cycle(Ids.parse(id, "id"));
        if (cycle.status() != CycleStatus.PUBLISHED && !access.governs(cycle.regionId())) {
            throw new NotFoundException("error.cycle.notFound", id);
        }
        return cycle;
    }

    @Query("evaluations")
    @NonNull
    @Description("The evaluations of a cycle, best first: public once published; officials of the region see them before; "
            + "evaluators see those assigned to them.")
    public List<Evaluation> evaluations(@Name("cycleId") @NonNull @Id String cycleId) {
        Cycle cycle = cycle(Ids.parse(cycleId, "cycleId"));
        if (cycle.status() == CycleStatus.PUBLISHED || access.governs(cycle.regionId())) {
            return evaluations("e.cycle_id = :c", Map.of("c", Long.parseLong(cycle.id())));
        }
        if (caller.hasRole(Caller.EVALUATOR)) {
            return evaluations("e.cycle_id = :c AND e.id IN (SELECT evaluation_id FROM evaluation_assignment WHERE evaluator_subject = :s)",
                    Map.of("c", Long.parseLong(cycle.id()), "s", caller.subject()));
        }
        throw new NotFoundException("error.cycle.notFound", cycleId);
    }

    @Query("rankings")
    @NonNull
    @Description("Published evaluations of a cycle in a region (and category), best total first: what 优胜 means to residents.")
    public List<Evaluation> rankings(@Name("regionCode") @NonNull String regionCode, @Name("categoryCode") String categoryCode,
            @Name("cycleId") @NonNull @Id String cycleId) {
        Region region = regions.require(regionCode, "regionCode");
        String path = categoryCode == null ? "" : categories.require(categoryCode, "categoryCode").path();
        List<Evaluation> chosen = evaluations("e.cycle_id = :c AND c.status = 'PUBLISHED' AND e.organization_id IN (SELECT o2.id FROM organization o2 "
                + "JOIN region r ON r.id = o2.region_id WHERE :region = ANY(r.path)) AND (:path = '' OR EXISTS (SELECT 1 FROM contract k "
                + "JOIN procurement p ON p.id = k.procurement_id JOIN category cat ON cat.id = p.category_id WHERE k.id = e.contract_id "
                + "AND cat.path LIKE :path || '%'))", Map.of("c", Ids.parse(cycleId, "cycleId"), "region", region.code(), "path", path));
        return rankedAmong(chosen);
    }

    /** Ranks within these evaluations (sorted best first), not the whole cycle: equal totals share a rank. */
    static List<Evaluation> rankedAmong(List<Evaluation> sorted) {
        List<Evaluation> ranked = new ArrayList<>();
        int rank = 0;
        Double previous = null;
        for (int i = 0; i < sorted.size(); i++) {
            Evaluation evaluation = sorted.get(i);
            if (i == 0 || !java.util.Objects.equals(previous, evaluation.total())) {
                rank = i + 1;
            }
            previous = evaluation.total();
            ranked.add(evaluation.withRank(evaluation.total() == null ? null : rank));
        }
        return ranked;
    }

    @NonNull
    @Description("Indicator scores. Manual comments only for officials of the region and the organization's members.")
    public List<Score> scores(@Source Evaluation evaluation) {
        boolean insider = access.governs(evaluation.regionId())
                || access.membership(Long.parseLong(evaluation.organizationId())).isPresent()
                || caller.hasRole(Caller.EVALUATOR) && !sql.rows("SELECT 1 FROM evaluation_assignment WHERE evaluation_id = :e "
                + "AND evaluator_subject = :s", Map.of("e", Long.parseLong(evaluation.id()), "s", caller.subject())).isEmpty();
        boolean published = "PUBLISHED".equals(sql.rows("SELECT status FROM evaluation_cycle WHERE id = :c",
                Map.of("c", Long.parseLong(evaluation.cycleId()))).get(0).string("status"));
        if (!published && !insider) {
            return List.of();
        }
        return scores(Long.parseLong(evaluation.id()), insider);
    }

    @NonNull
    @Description("Outcomes applied (and lifted) for this evaluation.")
    public List<Outcome> outcomes(@Source Evaluation evaluation) {
        return sql.rows("SELECT kind, CAST(detail AS text) AS detail, applied_at, lifted_at FROM evaluation_outcome "
                + "WHERE evaluation_id = :e ORDER BY id", Map.of("e", Long.parseLong(evaluation.id()))).stream()
                .map(row -> new Outcome(row.string("kind"), row.string("detail"), row.dateTime("applied_at"), row.dateTime("lifted_at")))
                .toList();
    }

    @NonNull
    @Description("Appeals against this evaluation.")
    public List<Appeal> appeals(@Source Evaluation evaluation) {
        return appeals("a.evaluation_id = :e", Map.of("e", Long.parseLong(evaluation.id())));
    }

    @NonNull
    @Description("Published evaluations of the organization over time: grades, outcomes and appeals.")
    public List<Evaluation> evaluationHistory(@Source Organization organization) {
        return evaluations("e.organization_id = :o AND c.status = 'PUBLISHED'", Map.of("o", Long.parseLong(organization.id())));
    }

    @Description("优秀 in a published evaluation: the badge residents see.")
    public boolean excellentBadge(@Source Organization organization) {
        return sql.rows("SELECT excellent_badge FROM organization WHERE id = :o", Map.of("o", Long.parseLong(organization.id())))
                .get(0).bool("excellent_badge");
    }

    private List<Evaluation> evaluations(String where, Map<String, ?> params) {
        return sql.rows("SELECT " + EVALUATION_COLUMNS + EVALUATION_FROM + " WHERE " + where
                + " ORDER BY e.total DESC NULLS LAST, e.id", params).stream().map(EvaluationApi::evaluation).toList();
    }

    private Evaluation evaluation(String id) {
        return evaluations("e.id = :id", Map.of("id", Ids.parse(id, "input.evaluationId"))).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("error.evaluation.notFound", id));
    }

    static Evaluation evaluation(Row row) {
        return new Evaluation(row.string("id"), row.string("cycle_id"), row.string("contract_id"), row.string("organization_id"),
                row.string("organization_name"), row.decimal("total") == null ? null : row.decimal("total").doubleValue(),
                row.string("grade") == null ? null : Grade.valueOf(row.string("grade")), row.intValue("rank"), row.intValue("version"),
                row.longValue("region_id"));
    }

    private List<Score> scores(long evaluationId, boolean withComments) {
        return sql.rows("SELECT i.id, i.name, i.kind, i.weight, s.score, s.comment, CAST(s.inputs AS text) AS inputs "
                + "FROM evaluation_score s JOIN evaluation_indicator i ON i.id = s.indicator_id WHERE s.evaluation_id = :e "
                + "ORDER BY i.position", Map.of("e", evaluationId)).stream()
                .map(row -> new Score(row.string("id"), row.string("name"), IndicatorKind.valueOf(row.string("kind")),
                        row.intValue("weight"), row.decimal("score").doubleValue(),
                        withComments || !"MANUAL".equals(row.string("kind")) ? row.string("comment") : null, row.string("inputs")))
                .toList();
    }

    private List<Appeal> appeals(String where, Map<String, ?> params) {
        return sql.rows("SELECT a.id, a.evaluation_id, a.reasons, a.status, a.decision_reason, a.new_total, a.filed_at, a.decided_at "
                + "FROM appeal a WHERE " + where + " ORDER BY a.id", params).stream()
                .map(row -> new Appeal(row.string("id"), row.string("evaluation_id"), row.string("reasons"), row.string("status"),
                        row.string("decision_reason"), row.decimal("new_total") == null ? null : row.decimal("new_total").doubleValue(),
                        row.dateTime("filed_at"), row.dateTime("decided_at"))).toList();
    }

    private Template template(long id) {
        Row row = sql.rows("SELECT id, name, version FROM evaluation_template WHERE id = :id", Map.of("id", id)).get(0);
        List<Indicator> list = sql.rows("SELECT id, name, kind, weight FROM evaluation_indicator WHERE template_id = :id ORDER BY position",
                Map.of("id", id)).stream().map(i -> new Indicator(i.string("id"), i.string("name"),
                IndicatorKind.valueOf(i.string("kind")), i.intValue("weight"))).toList();
        return new Template(row.string("id"), row.string("name"), row.intValue("version"), list);
    }

    private Cycle cycle(long id) {
        Row row = sql.rows("SELECT c.id, c.name, c.period_start, c.period_end, r.code AS region_code, c.region_id, c.category_code, "
                + "c.template_id, CAST(c.thresholds AS text) AS thresholds, CAST(c.policy AS text) AS policy, c.status, c.published_at "
                + "FROM evaluation_cycle c JOIN region r ON r.id = c.region_id WHERE c.id = :id", Map.of("id", id)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("error.cycle.notFound", String.valueOf(id)));
        return new Cycle(row.string("id"), row.string("name"), row.date("period_start"), row.date("period_end"),
                row.string("region_code"), row.string("category_code"), template(row.longValue("template_id")),
                row.string("thresholds"), row.string("policy"), CycleStatus.valueOf(row.string("status")),
                row.dateTime("published_at"), row.longValue("region_id"));
    }

    private void requireStatus(String cycleId, CycleStatus status, String action) {
        String actual = sql.rows("SELECT status FROM evaluation_cycle WHERE id = :c FOR UPDATE", Map.of("c", Long.parseLong(cycleId)))
                .get(0).string("status");
        if (!status.name().equals(actual)) {
            throw new InvalidStateException("error.cycle.state", Messages.label(CycleStatus.valueOf(actual)), action);
        }
    }

    static Grade grade(double total, JsonNode thresholds) {
        return Policy.Thresholds.of(thresholds).grade(total);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
