package cn.linli.evaluation;

import cn.linli.audit.AuditLog;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 优胜劣汰: what a grade does, and how it is undone when an appeal changes the grade. Each outcome records
 * what it changed, so lifting it restores exactly that (and nothing someone else changed since).
 */
@ApplicationScoped
public class Outcomes {
    @Inject
    Sql sql;
    @Inject
    AuditLog audit;
    @Inject
    ObjectMapper json;

    /** The policy of a cycle, with defaults. */
    record Policy(boolean withholdPayments, boolean pauseListings, int barMonths, boolean deregisterOnSecondFail, int appealDays) {
        static Policy of(JsonNode node) {
            return new Policy(node.path("withholdPayments").asBoolean(true), node.path("pauseListings").asBoolean(true),
                    node.path("barMonths").asInt(12), node.path("deregisterOnSecondFail").asBoolean(true),
                    node.path("appealDays").asInt(15));
        }
    }

    /** Applies the outcomes of a grade to an evaluation's contract and organization. */
    void apply(long evaluationId, Grade grade, String actorRole, long regionId) {
        Row evaluation = sql.rows("SELECT e.contract_id, e.organization_id, c.period_start, CAST(c.policy AS text) AS policy, "
                + "c.id AS cycle_id FROM evaluation e JOIN evaluation_cycle c ON c.id = e.cycle_id WHERE e.id = :id",
                Map.of("id", evaluationId)).get(0);
        long contract = evaluation.longValue("contract_id");
        long organization = evaluation.longValue("organization_id");
        Policy policy = Policy.of(parse(evaluation.string("policy")));
        sql.update("UPDATE contract SET latest_grade = :grade, updated_at = now() WHERE id = :id", Map.of("grade", grade.name(), "id", contract));
        if (grade == Grade.FAIL) {
            if (policy.withholdPayments()) {
                List<Long> milestones = ids(sql.rows("UPDATE milestone m SET withheld = true WHERE contract_id = :c AND NOT withheld "
                        + "AND NOT EXISTS (SELECT 1 FROM payment x WHERE x.milestone_id = m.id) RETURNING id", Map.of("c", contract)));
                boolean wasWithheld = sql.rows("SELECT payments_withheld FROM contract WHERE id = :c", Map.of("c", contract)).get(0)
                        .bool("payments_withheld");
                sql.update("UPDATE contract SET payments_withheld = true WHERE id = :c", Map.of("c", contract));
                record(evaluationId, "WITHHOLD_PAYMENTS", Map.of("milestoneIds", milestones, "contractWasWithheld", wasWithheld),
                        actorRole, organization, regionId);
            }
            if (policy.pauseListings()) {
                List<Long> listings = ids(sql.rows("UPDATE service_listing SET status = 'PAUSED', updated_at = now() "
                        + "WHERE contract_id = :c AND status = 'PUBLISHED' RETURNING id", Map.of("c", contract)));
                record(evaluationId, "PAUSE_LISTINGS", Map.of("listingIds", listings), actorRole, organization, regionId);
            }
            if (policy.barMonths() > 0) {
                Row org = sql.rows("SELECT barred_until FROM organization WHERE id = :o", Map.of("o", organization)).get(0);
                LocalDate previous = org.date("barred_until");
                LocalDate until = LocalDate.now(Row.CHINA).plusMonths(policy.barMonths());
                if (previous == null || previous.isBefore(until)) {
                    sql.update("UPDATE organization SET barred_until = :until WHERE id = :o", Map.of("until", until, "o", organization));
                }
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("until", until.toString());
                detail.put("previous", previous == null ? null : previous.toString());
                record(evaluationId, "BAR_ORGANIZATION", detail, actorRole, organization, regionId);
            }
            if (policy.deregisterOnSecondFail() && previousWasFail(organization, evaluation.longValue("cycle_id"),
                    evaluation.date("period_start"))) {
                String status = sql.rows("SELECT status FROM organization WHERE id = :o", Map.of("o", organization)).get(0).string("status");
                List<Map<String, Object>> listings = new ArrayList<>();
                for (Row row : sql.rows("SELECT id, status FROM service_listing WHERE organization_id = :o AND status <> 'WITHDRAWN'",
                        Map.of("o", organization))) {
                    listings.add(Map.of("id", row.longValue("id"), "status", row.string("status")));
                }
                sql.update("UPDATE service_listing SET status = 'WITHDRAWN', updated_at = now() WHERE organization_id = :o "
                        + "AND status <> 'WITHDRAWN'", Map.of("o", organization));
                List<Long> bids = ids(sql.rows("UPDATE bid SET status = 'WITHDRAWN', withdrawn_at = now() WHERE organization_id = :o "
                        + "AND status = 'SUBMITTED' RETURNING id", Map.of("o", organization)));
                sql.update("UPDATE organization SET status = 'DEREGISTERED', status_reason = :reason, updated_at = now() "
                        + "WHERE id = :o", Map.of("o", organization, "reason", "连续两次考核不合格"));
                record(evaluationId, "DEREGISTER", Map.of("previousStatus", status, "listings", listings, "bidIds", bids),
                        actorRole, organization, regionId);
            }
        } else if (grade == Grade.EXCELLENT) {
            sql.update("UPDATE contract SET renewal_eligible = true WHERE id = :c", Map.of("c", contract));
            record(evaluationId, "RENEWAL_ELIGIBLE", Map.of("contractId", contract), actorRole, organization, regionId);
            sql.update("UPDATE organization SET excellent_badge = true WHERE id = :o", Map.of("o", organization));
            record(evaluationId, "BADGE", Map.of("organizationId", organization), actorRole, organization, regionId);
        }
    }

    /** Undoes the evaluation's outcomes that are still in force. */
    void lift(long evaluationId, String actorRole, long regionId) {
        for (Row outcome : sql.rows("SELECT o.id, o.kind, CAST(o.detail AS text) AS detail, e.contract_id, e.organization_id "
                + "FROM evaluation_outcome o JOIN evaluation e ON e.id = o.evaluation_id WHERE o.evaluation_id = :id "
                + "AND o.lifted_at IS NULL ORDER BY o.id DESC", Map.of("id", evaluationId))) {
            JsonNode detail = parse(outcome.string("detail"));
            long contract = outcome.longValue("contract_id");
            long organization = outcome.longValue("organization_id");
            switch (outcome.string("kind")) {
                case "WITHHOLD_PAYMENTS" -> {
                    for (JsonNode id : detail.path("milestoneIds")) {
                        sql.update("UPDATE milestone SET withheld = false WHERE id = :id", Map.of("id", id.asLong()));
                    }
                    if (!detail.path("contractWasWithheld").asBoolean(false)) {
                        sql.update("UPDATE contract SET payments_withheld = false WHERE id = :c", Map.of("c", contract));
                    }
                }
                case "PAUSE_LISTINGS" -> {
                    for (JsonNode id : detail.path("listingIds")) {
                        sql.update("UPDATE service_listing SET status = 'PUBLISHED', updated_at = now() WHERE id = :id "
                                + "AND status = 'PAUSED'", Map.of("id", id.asLong()));
                    }
                }
                case "BAR_ORGANIZATION" -> {
                    String previous = detail.path("previous").isNull() ? "" : detail.path("previous").asText("");
                    sql.update("UPDATE organization SET barred_until = CAST(nullif(:previous, '') AS date) WHERE id = :o "
                            + "AND barred_until = CAST(:until AS date)",
                            Map.of("previous", previous, "o", organization, "until", detail.path("until").asText()));
                }
                case "DEREGISTER" -> {
                    for (JsonNode listing : detail.path("listings")) {
                        sql.update("UPDATE service_listing SET status = :status, updated_at = now() WHERE id = :id AND status = 'WITHDRAWN'",
                                Map.of("status", listing.path("status").asText(), "id", listing.path("id").asLong()));
                    }
                    sql.update("UPDATE organization SET status = :status, status_reason = NULL, updated_at = now() WHERE id = :o "
                            + "AND status = 'DEREGISTERED'", Map.of("status", detail.path("previousStatus").asText(), "o", organization));
                }
                case "RENEWAL_ELIGIBLE" -> sql.update("UPDATE contract SET renewal_eligible = false WHERE id = :c", Map.of("c", contract));
                case "BADGE" -> sql.update("UPDATE organization SET excellent_badge = false WHERE id = :o", Map.of("o", organization));
                default -> throw new IllegalStateException("unknown outcome " + outcome.string("kind"));
            }
            sql.update("UPDATE evaluation_outcome SET lifted_at = now() WHERE id = :id", Map.of("id", outcome.longValue("id")));
            audit.record(actorRole, new AuditLog.Change("liftOutcome:" + outcome.string("kind"), "Evaluation", evaluationId,
                    organization, regionId, null, Map.of("outcome", outcome.string("kind")), null));
        }
    }

    /** The organization's latest published evaluation of an earlier cycle was 不合格. */
    private boolean previousWasFail(long organization, long cycleId, LocalDate periodStart) {
        List<Row> rows = sql.rows("SELECT e.grade FROM evaluation e JOIN evaluation_cycle c ON c.id = e.cycle_id "
                + "WHERE e.organization_id = :o AND c.status = 'PUBLISHED' AND c.id <> :cycle AND c.period_end < :start "
                + "ORDER BY c.period_end DESC, c.id DESC LIMIT 1", Map.of("o", organization, "cycle", cycleId, "start", periodStart));
        return !rows.isEmpty() && "FAIL".equals(rows.get(0).string("grade"));
    }

    private void record(long evaluationId, String kind, Map<String, ?> detail, String actorRole, long organization, long regionId) {
        try {
            sql.update("INSERT INTO evaluation_outcome (evaluation_id, kind, detail) VALUES (:e, :kind, CAST(:detail AS jsonb))",
                    Map.of("e", evaluationId, "kind", kind, "detail", json.writeValueAsString(detail)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        audit.record(actorRole, new AuditLog.Change("outcome:" + kind, "Evaluation", evaluationId, organization, regionId, null,
                null, Map.of("outcome", kind)));
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> ids(List<Row> rows) {
        return rows.stream().map(row -> row.longValue("id")).toList();
    }
}
