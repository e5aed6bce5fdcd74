package cn.linli.procurement;

import cn.linli.common.Inputs;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.common.ValidationException;
import cn.linli.procurement.ProcurementViews.Procurement;
import cn.linli.procurement.ProcurementViews.ServiceTarget;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Creates contracts (from an award, or as a renewal) with their targets and milestones, checking the terms. */
@ApplicationScoped
public class Contracts {
    @Inject
    Sql sql;
    @Inject
    ProcurementReads reads;
    @Inject
    OcdsReleases releases;

    /**
     * The procurement of a renewal, row-locked (which serialises renewals of its contracts), once the renewal's
     * amount fits its budget: the budget rule of the awards, over time — the contracts of a procurement that run at
     * the same time as the renewal (whichever award or renewal made them) fit in its budget together.
     */
    Procurement lockedForRenewal(long procurementId, long amountFen, ProcurementInputs.ContractTerms terms, String field) {
        sql.rows("SELECT id FROM procurement WHERE id = :id FOR UPDATE", Map.of("id", procurementId));
        Procurement procurement = reads.procurement(procurementId).orElseThrow();
        long running = sql.rows("SELECT coalesce(sum(amount_fen), 0) AS running FROM contract WHERE procurement_id = :p "
                + "AND starts_on <= :endsOn AND ends_on >= :startsOn", Map.of("p", procurementId,
                "startsOn", terms.startsOn(), "endsOn", terms.endsOn())).get(0).longValue("running");
        Money.atMost(amountFen, Money.rest(procurement.budgetFen(), running), field, "error.contract.renewalBudget",
                procurement.budgetFen());
        return procurement;
    }

    /** Days after its end at which an ACTIVE contract completes by itself (the time to settle its last payments). */
    static final int COMPLETION_GRACE_DAYS = 90;

    /**
     * Completes the contract if it ended more than the grace period ago (called with the contract row locked),
     * published as a contractTermination release of its procurement in the same transaction.
     */
    void completeIfOverdue(long contractId) {
        List<Row> completed = sql.rows("UPDATE contract SET status = 'COMPLETED', completed_at = now(), updated_at = now() "
                + "WHERE id = :id AND status = 'ACTIVE' AND ends_on + :grace < (now() AT TIME ZONE 'Asia/Shanghai')::date "
                + "RETURNING procurement_id", Map.of("id", contractId, "grace", COMPLETION_GRACE_DAYS));
        publishCompleted(completed);
    }

    /** Every ACTIVE contract past its end and the grace period completes; safe on every instance at once. */
    @Scheduled(every = "${linli.jobs.every:10m}", delayed = "${linli.jobs.delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void completeOverdueContractsRegularly() {
        completeOverdueContracts();
    }

    /** Returns how many contracts completed; each procurement concerned gets a contractTermination release. */
    @Transactional
    public int completeOverdueContracts() {
        List<Row> completed = sql.rows("UPDATE contract SET status = 'COMPLETED', completed_at = now(), updated_at = now() "
                + "WHERE status = 'ACTIVE' AND ends_on + :grace < (now() AT TIME ZONE 'Asia/Shanghai')::date "
                + "RETURNING procurement_id", Map.of("grace", COMPLETION_GRACE_DAYS));
        publishCompleted(completed);
        return completed.size();
    }

    private void publishCompleted(List<Row> completed) {
        releases.publishEach(completed.stream().map(row -> row.longValue("procurement_id")).filter(Objects::nonNull).toList(),
                List.of("contractTermination"));
    }

    /** Returns the new contract's id; {@code amountFen} has been checked by the caller ({@link Money}). */
    long create(Procurement procurement, Long awardId, long organizationId, long amountFen, ProcurementInputs.ContractTerms terms,
            String field, Long renews) {
        if (terms.endsOn().isBefore(terms.startsOn())) {
            throw new ValidationException(field + ".endsOn", "error.contract.term");
        }
        int years = procurement.recurring() ? 3 : 1;
        if (terms.endsOn().isAfter(terms.startsOn().plusYears(years).minusDays(1))) {
            throw new ValidationException(field + ".endsOn", "error.contract.tooLong", years);
        }
        List<ServiceTarget> targets = new ArrayList<>();
        if (terms.serviceTargets() != null) {
            Money.items(terms.serviceTargets().size(), field + ".serviceTargets");
            for (int i = 0; i < terms.serviceTargets().size(); i++) {
                ProcurementInputs.ServiceTarget target = terms.serviceTargets().get(i);
                Money.between(target.quantity(), 1, Money.MAX_QUANTITY, field + ".serviceTargets[" + i + "].quantity");
                targets.add(new ServiceTarget(Inputs.required(target.name(), field + ".serviceTargets[" + i + "].name", 100),
                        target.quantity(), Inputs.required(target.unit(), field + ".serviceTargets[" + i + "].unit", 20)));
            }
        }
        if (terms.milestones().isEmpty()) {
            throw new ValidationException(field + ".milestones", "error.input.required");
        }
        Money.items(terms.milestones().size(), field + ".milestones");
        long milestoneTotal = 0;
        for (int i = 0; i < terms.milestones().size(); i++) {
            // each milestone fits in what the ones before it left of the contract amount
            Money.atMost(terms.milestones().get(i).amountFen(), Money.rest(amountFen, milestoneTotal),
                    field + ".milestones[" + i + "].amountFen", "error.contract.milestones", amountFen);
            milestoneTotal = Money.add(milestoneTotal, terms.milestones().get(i).amountFen());
        }
        long id = sql.rows("SELECT nextval('contract_id_seq') AS id").get(0).longValue("id");
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("code", procurement.ocid() + "-C" + id);
        params.put("title", procurement.title());
        params.put("buyer", procurement.buyerName());
        params.put("buyerRegion", procurement.buyerRegionId());
        params.put("organization", organizationId);
        params.put("procurement", Long.parseLong(procurement.id()));
        params.put("award", awardId == null ? -1L : awardId);
        params.put("amount", amountFen);
        params.put("startsOn", terms.startsOn());
        params.put("endsOn", terms.endsOn());
        params.put("targets", reads.toJson(targets));
        params.put("renews", renews == null ? -1L : renews);
        sql.update("INSERT INTO contract (id, code, title, buyer_name, buyer_region_id, organization_id, procurement_id, award_id, "
                + "amount_fen, starts_on, ends_on, status, service_targets, renews_contract_id) VALUES (:id, :code, :title, "
                + ":buyer, :buyerRegion, :organization, :procurement, nullif(:award, -1), :amount, :startsOn, :endsOn, "
                + "'PENDING', CAST(:targets AS jsonb), nullif(:renews, -1))", params);
        for (int i = 0; i < terms.milestones().size(); i++) {
            ProcurementInputs.Milestone milestone = terms.milestones().get(i);
            sql.update("INSERT INTO milestone (contract_id, title, due_on, amount_fen, requires_passing_grade) "
                    + "VALUES (:contract, :title, :due, :amount, :grade)", Map.of("contract", id,
                    "title", Inputs.required(milestone.title(), field + ".milestones[" + i + "].title", 100),
                    "due", milestone.dueOn(), "amount", milestone.amountFen(),
                    "grade", Boolean.TRUE.equals(milestone.requiresPassingGrade())));
        }
        return id;
    }
}
