package cn.linli.procurement;

import cn.linli.common.Inputs;
import cn.linli.common.Sql;
import cn.linli.common.ValidationException;
import cn.linli.procurement.ProcurementViews.Procurement;
import cn.linli.procurement.ProcurementViews.ServiceTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Creates contracts (from an award, or as a renewal) with their targets and milestones, checking the terms. */
@ApplicationScoped
public class Contracts {
    @Inject
    Sql sql;
    @Inject
    ProcurementReads reads;

    /** Returns the new contract's id. */
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
            for (int i = 0; i < terms.serviceTargets().size(); i++) {
                ProcurementInputs.ServiceTarget target = terms.serviceTargets().get(i);
                if (target.quantity() <= 0) {
                    throw new ValidationException(field + ".serviceTargets[" + i + "].quantity", "error.input.range", 1, Long.MAX_VALUE);
                }
                targets.add(new ServiceTarget(Inputs.required(target.name(), field + ".serviceTargets[" + i + "].name", 100),
                        target.quantity(), Inputs.required(target.unit(), field + ".serviceTargets[" + i + "].unit", 20)));
            }
        }
        if (terms.milestones().isEmpty()) {
            throw new ValidationException(field + ".milestones", "error.input.required");
        }
        long milestoneTotal = 0;
        for (int i = 0; i < terms.milestones().size(); i++) {
            ProcurementInputs.Milestone milestone = terms.milestones().get(i);
            if (milestone.amountFen() <= 0) {
                throw new ValidationException(field + ".milestones[" + i + "].amountFen", "error.input.range", 1, amountFen);
            }
            milestoneTotal += milestone.amountFen();
        }
        if (milestoneTotal > amountFen) {
            throw new ValidationException(field + ".milestones", "error.contract.milestones", amountFen);
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
