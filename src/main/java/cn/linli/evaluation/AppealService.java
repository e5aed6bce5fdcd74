package cn.linli.evaluation;

import cn.linli.audit.AuditLog;
import cn.linli.common.Caller;
import cn.linli.common.ConflictException;
import cn.linli.common.ForbiddenException;
import cn.linli.common.Ids;
import cn.linli.common.Inputs;
import cn.linli.common.InvalidStateException;
import cn.linli.common.NotFoundException;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.common.ValidationException;
import cn.linli.evaluation.EvaluationViews.Appeal;
import cn.linli.evaluation.EvaluationViews.Evaluation;
import cn.linli.identity.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Appeals (复核) against published evaluations: filed by the organization's OWNER within the cycle's window, decided
 * by an official of the region who did not score the evaluation. A changed grade is a new version of the
 * evaluation, and its outcomes are lifted and applied again. Each mutation is one transaction.
 */
@ApplicationScoped
public class AppealService {
    @Inject
    Caller caller;
    @Inject
    Access access;
    @Inject
    Sql sql;
    @Inject
    Outcomes outcomes;
    @Inject
    AuditLog audit;
    @Inject
    EvaluationReads reads;
    @Inject
    EvaluationService evaluations;

    /** OWNER of the organization: appeal a published evaluation within the cycle's window; one pending appeal at a time. */
    @Transactional
    public Appeal file(EvaluationInputs.Appeal input) {
        Evaluation evaluation = reads.evaluation(input.evaluationId());
        String role = access.requireOwner(Long.parseLong(evaluation.organizationId()));
        Row cycle = sql.rows("SELECT status, published_at, CAST(policy AS text) AS policy FROM evaluation_cycle WHERE id = :c",
                Map.of("c", Long.parseLong(evaluation.cycleId()))).get(0);
        if (!"PUBLISHED".equals(cycle.string("status"))) {
            throw new InvalidStateException("error.appeal.notPublished");
        }
        int days = Policy.of(reads.parse(cycle.string("policy"))).appealDays();
        if (!withinWindow(cycle.dateTime("published_at"), days, OffsetDateTime.now())) {
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
        return reads.appeal(id);
    }

    /** An appeal may be filed until {@code days} days after publishing. */
    static boolean withinWindow(OffsetDateTime publishedAt, int days, OffsetDateTime now) {
        return !publishedAt.plusDays(days).isBefore(now);
    }

    /**
     * Official of the region who did not score it: UPHELD (the grade stands) or CHANGED (a new total and grade, a new
     * version, the cycle re-ranked, the outcomes lifted and applied again).
     */
    @Transactional
    public Appeal decide(EvaluationInputs.Decide input) {
        long appealId = Ids.parse(input.appealId(), "input.appealId");
        Row appeal = sql.rows("SELECT evaluation_id, status FROM appeal WHERE id = :id FOR UPDATE", Map.of("id", appealId)).stream()
                .findFirst().orElseThrow(() -> new NotFoundException("error.appeal.notFound", input.appealId()));
        Evaluation evaluation = reads.evaluation(appeal.string("evaluation_id"));
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
        if (input.decision() == AppealDecision.UPHELD) {
            sql.update("UPDATE appeal SET status = 'UPHELD', decision_reason = :r, decided_by = :by, decided_at = now() WHERE id = :id",
                    Map.of("r", reason, "by", caller.subject(), "id", appealId));
        } else if (input.decision() == AppealDecision.CHANGED) {
            if (input.newTotal() == null || !EvaluationService.validScore(input.newTotal())) {
                throw new ValidationException("input.newTotal", "error.input.range", 0, 100);
            }
            Grade grade = Policy.Thresholds.of(reads.parse(sql.rows("SELECT CAST(thresholds AS text) AS t FROM evaluation_cycle "
                    + "WHERE id = :c", Map.of("c", Long.parseLong(evaluation.cycleId()))).get(0).string("t"))).grade(input.newTotal());
            int version = evaluation.version() + 1;
            sql.update("UPDATE evaluation SET total = :total, grade = :g, version = :v WHERE id = :id",
                    Map.of("total", input.newTotal(), "g", grade.name(), "v", version, "id", evaluationId));
            sql.update("INSERT INTO evaluation_version (evaluation_id, version, total, grade, reason, recorded_by) VALUES "
                    + "(:e, :v, :total, :g, :r, :by)", Map.of("e", evaluationId, "v", version, "total", input.newTotal(),
                    "g", grade.name(), "r", "appeal " + appealId + ": " + reason, "by", caller.subject()));
            evaluations.rerank(Long.parseLong(evaluation.cycleId()));
            outcomes.lift(evaluationId, role, evaluation.regionId());
            outcomes.apply(evaluationId, grade, role, evaluation.regionId());
            sql.update("UPDATE appeal SET status = 'CHANGED', decision_reason = :r, new_total = :t, decided_by = :by, "
                    + "decided_at = now() WHERE id = :id", Map.of("r", reason, "t", input.newTotal(), "by", caller.subject(), "id", appealId));
        } else {
            throw new ValidationException("input.decision", "error.appeal.decision");
        }
        audit.record(role, new AuditLog.Change("decideAppeal", "Appeal", appealId, Long.parseLong(evaluation.organizationId()),
                evaluation.regionId(), reason, Map.of("status", "PENDING"), Map.of("status", input.decision().name())));
        return reads.appeal(appealId);
    }

    /** The appeals against each evaluation, oldest first: public, like the evaluation they contest. */
    public List<List<Appeal>> appeals(List<Evaluation> evaluations) {
        Map<Long, List<Appeal>> byEvaluation = reads.appealsOf(EvaluationService.ids(evaluations));
        return evaluations.stream().map(e -> byEvaluation.getOrDefault(Long.parseLong(e.id()), List.of())).toList();
    }
}
