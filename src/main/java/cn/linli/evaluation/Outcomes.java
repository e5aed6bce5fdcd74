package cn.linli.evaluation;

import cn.linli.audit.AuditLog;
import cn.linli.catalog.ListingChanges;
import cn.linli.organization.OrganizationStanding;
import cn.linli.procurement.ContractOutcomes;
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
 * what it changed, so lifting it restores exactly that (and nothing someone else changed since). The changes
 * themselves are made by the owners of what they change: procurement (contracts, milestones, bids), catalog
 * (listings) and organization (bars, deregistration, the badge); this class writes only evaluation_outcome.
 */
@ApplicationScoped
public class Outcomes {
    @Inject
    Sql sql;
    @Inject
    AuditLog audit;
    @Inject
    ObjectMapper json;
    @Inject
    ContractOutcomes contracts;
    @Inject
    ListingChanges listings;
    @Inject
    OrganizationStanding standing;

    /** Applies the outcomes of a grade to an evaluation's contract and organization, through their owners. */
    void apply(long evaluationId, Grade grade, String actorRole, long regionId) {
        Row evaluation = sql.rows("SELECT e.contract_id, e.organization_id, c.period_start, CAST(c.policy AS text) AS policy, "
                + "c.id AS cycle_id FROM evaluation e JOIN evaluation_cycle c ON c.id = e.cycle_id WHERE e.id = :id",
                Map.of("id", evaluationId)).get(0);
        long contract = evaluation.longValue("contract_id");
        long organization = evaluation.longValue("organization_id");
        Policy policy = Policy.of(parse(evaluation.string("policy")));
        contracts.setLatestGrade(contract, grade.name());
        if (grade == Grade.FAIL) {
            if (policy.withholdPayments()) {
                ContractOutcomes.Withheld withheld = contracts.withholdUnpaid(contract);
                record(evaluationId, "WITHHOLD_PAYMENTS", Map.of("milestoneIds", withheld.milestoneIds(),
                        "contractWasWithheld", withheld.contractWasWithheld()), actorRole, organization, regionId);
            }
            if (policy.pauseListings()) {
                long outcome = record(evaluationId, "PAUSE_LISTINGS", Map.of(), actorRole, organization, regionId);
                List<Long> listings = this.listings.pauseForOutcome(contract, outcome);
                setDetail(outcome, Map.of("listingIds", listings));
            }
            if (policy.barMonths() > 0) {
                LocalDate until = LocalDate.now(Row.CHINA).plusMonths(policy.barMonths());
                LocalDate previous = standing.bar(organization, until);
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("until", until.toString());
                detail.put("previous", previous == null ? null : previous.toString());
                record(evaluationId, "BAR_ORGANIZATION", detail, actorRole, organization, regionId);
            }
            if (policy.deregisterOnSecondFail() && previousWasFail(organization, evaluation.longValue("cycle_id"),
                    evaluation.date("period_start"))) {
                List<Map<String, Object>> withdrawn = new ArrayList<>();
                for (ListingChanges.Previous listing : this.listings.withdrawAllOf(organization)) {
                    withdrawn.add(Map.of("id", listing.id(), "status", listing.status()));
                }
                List<Long> bids = contracts.withdrawLiveBids(organization);
                String status = standing.deregister(organization, "连续两次考核不合格");
                record(evaluationId, "DEREGISTER", Map.of("previousStatus", status, "listings", withdrawn, "bidIds", bids),
                        actorRole, organization, regionId);
            }
        } else if (grade == Grade.EXCELLENT) {
            contracts.setRenewalEligible(contract, true);
            record(evaluationId, "RENEWAL_ELIGIBLE", Map.of("contractId", contract), actorRole, organization, regionId);
            standing.setExcellentBadge(organization, true);
            record(evaluationId, "BADGE", Map.of("organizationId", organization), actorRole, organization, regionId);
        }
    }

    /** Undoes the evaluation's outcomes that are still in force, through the owners of what they changed. */
    void lift(long evaluationId, String actorRole, long regionId) {
        for (Row outcome : sql.rows("SELECT o.id, o.kind, CAST(o.detail AS text) AS detail, e.contract_id, e.organization_id "
                + "FROM evaluation_outcome o JOIN evaluation e ON e.id = o.evaluation_id WHERE o.evaluation_id = :id "
                + "AND o.lifted_at IS NULL ORDER BY o.id DESC", Map.of("id", evaluationId))) {
            JsonNode detail = parse(outcome.string("detail"));
            long contract = outcome.longValue("contract_id");
            long organization = outcome.longValue("organization_id");
            switch (outcome.string("kind")) {
                case "WITHHOLD_PAYMENTS" -> {
                    List<Long> milestones = new ArrayList<>();
                    detail.path("milestoneIds").forEach(id -> milestones.add(id.asLong()));
                    contracts.release(contract, milestones, detail.path("contractWasWithheld").asBoolean(false));
                }
                case "PAUSE_LISTINGS" -> listings.liftOutcome(outcome.longValue("id"));
                case "BAR_ORGANIZATION" -> standing.liftBar(organization, LocalDate.parse(detail.path("until").asText()),
                        detail.path("previous").isTextual() ? LocalDate.parse(detail.path("previous").asText()) : null);
                case "DEREGISTER" -> {
                    List<ListingChanges.Previous> withdrawn = new ArrayList<>();
                    detail.path("listings").forEach(l -> withdrawn.add(new ListingChanges.Previous(l.path("id").asLong(),
                            l.path("status").asText())));
                    listings.restore(withdrawn);
                    standing.restore(organization, detail.path("previousStatus").asText());
                }
                case "RENEWAL_ELIGIBLE" -> contracts.setRenewalEligible(contract, false);
                case "BADGE" -> standing.setExcellentBadge(organization, false);
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

    /** Records an outcome (evaluation owns evaluation_outcome) and returns its id. */
    private long record(long evaluationId, String kind, Map<String, ?> detail, String actorRole, long organization, long regionId) {
        long id = sql.rows("INSERT INTO evaluation_outcome (evaluation_id, kind, detail) VALUES (:e, :kind, CAST(:detail AS jsonb)) "
                + "RETURNING id", Map.of("e", evaluationId, "kind", kind, "detail", toJson(detail))).get(0).longValue("id");
        audit.record(actorRole, new AuditLog.Change("outcome:" + kind, "Evaluation", evaluationId, organization, regionId, null,
                null, Map.of("outcome", kind)));
        return id;
    }

    private void setDetail(long outcomeId, Map<String, ?> detail) {
        sql.update("UPDATE evaluation_outcome SET detail = CAST(:detail AS jsonb) WHERE id = :id",
                Map.of("id", outcomeId, "detail", toJson(detail)));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
