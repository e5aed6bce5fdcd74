package cn.linli.procurement;

import cn.linli.audit.AuditLog;
import cn.linli.platform.BusinessMetrics;
import cn.linli.catalog.Service;
import cn.linli.catalog.ListingChanges;
import cn.linli.catalog.ServiceQueries;
import cn.linli.organization.OrganizationStanding;
import cn.linli.common.Caller;
import cn.linli.common.Ids;
import cn.linli.common.Inputs;
import cn.linli.common.InvalidStateException;
import cn.linli.common.Messages;
import cn.linli.common.NotFoundException;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.common.ValidationException;
import cn.linli.identity.Access;
import cn.linli.procurement.ProcurementViews.Contract;
import cn.linli.procurement.ProcurementViews.Payment;
import cn.linli.procurement.ProcurementViews.Procurement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of the contract side, each in its own transaction with its authorization: activate (announcing the
 * signed contract document), terminate, complete, renew, pay, and link funded listings. Every change of a
 * procurement's contract is published as an OCDS release in the same transaction ({@link OcdsReleases}).
 * {@link ContractMutations} maps GraphQL onto these.
 */
@ApplicationScoped
public class ContractService {
    /** Grades that count as passing (at least 合格). */
    static final Set<String> PASSING = Set.of("EXCELLENT", "GOOD", "PASS");
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    @Inject
    Caller caller;
    @Inject
    Access access;
    @Inject
    Sql sql;
    @Inject
    ProcurementReads reads;
    @Inject
    Contracts contracts;
    @Inject
    ServiceQueries services;
    @Inject
    ListingChanges listings;
    @Inject
    OrganizationStanding standing;
    @Inject
    AuditLog audit;
    @Inject
    BusinessMetrics metrics;
    @Inject
    OcdsReleases releases;

    /**
     * 102号令 art. 23: a contract is announced when signed, so activating one takes the signed document's https
     * address and SHA-256 (which the OCDS release publishes as its contractSigned document, with the date signed).
     */
    @Transactional
    public Contract activateContract(ProcurementInputs.ActivateContract input) {
        Contract contract = lockedForOfficial(input.id());
        String url = httpsUrl(input.signedDocumentUrl(), "input.signedDocumentUrl");
        String sha256 = sha256(input.signedDocumentSha256(), "input.signedDocumentSha256");
        if (contract.status() != ContractStatus.PENDING) {
            throw new InvalidStateException("error.contract.state", Messages.label(contract.status()), "activateContract");
        }
        sql.update("UPDATE contract SET signed_document_url = :url, signed_document_sha256 = :sha256, signed_at = now() "
                + "WHERE id = :id", Map.of("url", url, "sha256", sha256, "id", Long.parseLong(contract.id())));
        return move(contract, ContractStatus.PENDING, ContractStatus.ACTIVE, "activateContract", null,
                Map.of("signedDocumentUrl", url, "signedDocumentSha256", sha256), "contract");
    }

    @Transactional
    public Contract terminateContract(ProcurementInputs.ContractAction input) {
        Contract contract = lockedForOfficial(input.id());
        String reason = Inputs.required(input.reason(), "input.reason", 500);
        return move(contract, ContractStatus.ACTIVE, ContractStatus.TERMINATED, "terminateContract", reason, Map.of(),
                "contractTermination");
    }

    @Transactional
    public Contract completeContract(ProcurementInputs.ContractAction input) {
        Contract contract = lockedForOfficial(input.id());
        return move(contract, ContractStatus.ACTIVE, ContractStatus.COMPLETED, "completeContract", input.reason(), Map.of(),
                "contractTermination");
    }

    @Transactional
    public Contract renewContract(ProcurementInputs.Renew input) {
        Contract contract = lockedForOfficial(input.id());
        if (!contract.renewalEligible()) {
            throw new InvalidStateException("error.contract.notEligible");
        }
        if (contract.procurementId() == null) {
            throw new InvalidStateException("error.contract.noProcurement");
        }
        if (sql.rows("SELECT 1 FROM contract WHERE renews_contract_id = :id", Map.of("id", Long.parseLong(contract.id()))).size() > 0) {
            throw new InvalidStateException("error.contract.renewedAlready");
        }
        // the bid rules as they stand now: a bar, suspension or lapsed rating since the award counts
        Procurement current = reads.procurement(Long.parseLong(contract.procurementId())).orElseThrow();
        standing.requireEligible(Long.parseLong(contract.organizationId()), current.minRatingLevel(), current.categoryCode(),
                "input.id");
        Procurement procurement = contracts.lockedForRenewal(Long.parseLong(contract.procurementId()), input.amountFen(),
                input.contract(), "input.amountFen");
        long id = contracts.create(procurement, null, Long.parseLong(contract.organizationId()), input.amountFen(),
                input.contract(), "input.contract", Long.parseLong(contract.id()));
        audit.record(Caller.OFFICIAL, new AuditLog.Change("renewContract", "Contract", id, Long.parseLong(contract.organizationId()),
                contract.buyerRegionId(), null, null, Map.of("renews", contract.id(), "amountFen", input.amountFen())));
        // the renewed contract's amendment and the new (PENDING) contract with its milestones
        releases.publish(Long.parseLong(procurement.id()), List.of("contractAmendment"));
        return reads.contract(id).orElseThrow();
    }

    @Transactional
    public Payment recordPayment(ProcurementInputs.RecordPayment input) {
        long milestoneId = Ids.parse(input.milestoneId(), "input.milestoneId");
        Row milestone = sql.rows("SELECT contract_id, amount_fen, requires_passing_grade, withheld FROM milestone WHERE id = :id",
                Map.of("id", milestoneId)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("error.milestone.notFound", input.milestoneId()));
        // the contract row lock serialises payments, so the sum below cannot be raced past the contract amount
        Contract contract = lockedForOfficial(milestone.string("contract_id"));
        if (contract.status() != ContractStatus.ACTIVE) {
            throw new InvalidStateException("error.contract.state", Messages.label(contract.status()), "recordPayment");
        }
        if (contract.paymentsWithheld() || milestone.bool("withheld")) {
            throw new InvalidStateException("error.payment.withheld");
        }
        if (milestone.bool("requires_passing_grade") && contract.latestGrade() != null && !PASSING.contains(contract.latestGrade())) {
            throw new InvalidStateException("error.payment.grade");
        }
        long paidOnMilestone = sql.rows("SELECT coalesce(sum(amount_fen), 0) AS paid FROM payment WHERE milestone_id = :id",
                Map.of("id", milestoneId)).get(0).longValue("paid");
        long milestoneRest = Money.rest(milestone.longValue("amount_fen"), paidOnMilestone);
        Money.atMost(input.amountFen(), milestoneRest, "input.amountFen", "error.payment.milestone", milestoneRest);
        long contractRest = Money.rest(contract.amountFen(), contract.paidFen());
        Money.atMost(input.amountFen(), contractRest, "input.amountFen", "error.payment.contract", contractRest);
        LocalDate paidOn = input.paidOn() == null ? LocalDate.now(Row.CHINA) : input.paidOn();
        long id = sql.rows("INSERT INTO payment (contract_id, milestone_id, amount_fen, paid_on, recorded_by) VALUES (:contract, "
                + ":milestone, :amount, :paidOn, :by) RETURNING id", Map.of("contract", Long.parseLong(contract.id()),
                "milestone", milestoneId, "amount", input.amountFen(), "paidOn", paidOn, "by", caller.subject()))
                .get(0).longValue("id");
        metrics.paid(input.amountFen());
        sql.update("UPDATE contract SET updated_at = now() WHERE id = :id", Map.of("id", Long.parseLong(contract.id())));
        audit.record(Caller.OFFICIAL, new AuditLog.Change("recordPayment", "Payment", id, Long.parseLong(contract.organizationId()),
                contract.buyerRegionId(), null, null, Map.of("contractId", contract.id(), "milestoneId", milestoneId,
                "amountFen", input.amountFen(), "paidOn", paidOn.toString())));
        publish(contract, "implementation");
        return ProcurementApi.payments(sql, "x.id = :id", Map.of("id", id)).get(0);
    }

    @Transactional
    public Service linkListingToContract(ProcurementInputs.LinkListing input) {
        long listingId = Ids.parse(input.serviceId(), "input.serviceId");
        long contractId = Ids.parse(input.contractId(), "input.contractId");
        Row listing = sql.rows("SELECT l.organization_id, o.region_id FROM service_listing l JOIN organization o "
                + "ON o.id = l.organization_id WHERE l.id = :id", Map.of("id", listingId)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("error.service.notFound", input.serviceId()));
        String role = access.requireMember(listing.longValue("organization_id"));
        Contract contract = reads.contract(contractId)
                .orElseThrow(() -> new NotFoundException("error.contract.notFound", input.contractId()));
        if (Long.parseLong(contract.organizationId()) != listing.longValue("organization_id")) {
            throw new ValidationException("input.contractId", "error.contract.otherOrganization");
        }
        if (contract.status() != ContractStatus.ACTIVE && contract.status() != ContractStatus.PENDING) {
            throw new InvalidStateException("error.contract.state", Messages.label(contract.status()), "linkListingToContract");
        }
        listings.linkToContract(listingId, contractId);
        audit.record(role, new AuditLog.Change("linkListingToContract", "ServiceListing", listingId,
                listing.longValue("organization_id"), listing.longValue("region_id"), null, null, Map.of("contractId", contractId)));
        return services.any(listingId).orElseThrow();
    }

    /** The transition, audited (with what else it recorded) and published with this tag. */
    private Contract move(Contract contract, ContractStatus from, ContractStatus to, String action, String reason,
            Map<String, Object> recorded, String tag) {
        if (contract.status() != from) {
            throw new InvalidStateException("error.contract.state", Messages.label(contract.status()), action);
        }
        long id = Long.parseLong(contract.id());
        sql.update("UPDATE contract SET status = :status, status_reason = coalesce(nullif(:reason, ''), status_reason), "
                + "completed_at = CASE WHEN :status = 'COMPLETED' THEN now() ELSE completed_at END, "
                + "updated_at = now() WHERE id = :id", Map.of("status", to.name(), "reason", reason == null ? "" : reason, "id", id));
        Map<String, Object> after = new HashMap<>(recorded);
        after.put("status", to);
        audit.record(Caller.OFFICIAL, new AuditLog.Change(action, "Contract", id, Long.parseLong(contract.organizationId()),
                contract.buyerRegionId(), reason, Map.of("status", from), after));
        publish(contract, tag);
        return reads.contract(id).orElseThrow();
    }

    /** A contract of a procurement is published with it (a contract without one, as older data has, is not). */
    private void publish(Contract contract, String tag) {
        if (contract.procurementId() != null) {
            releases.publish(Long.parseLong(contract.procurementId()), List.of(tag));
        }
    }

    private static String httpsUrl(String value, String field) {
        String text = Inputs.required(value, field, 500);
        try {
            URI uri = URI.create(text);
            if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
                return text;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the validation error
        }
        throw new ValidationException(field, "error.contract.signedDocumentUrl");
    }

    private static String sha256(String value, String field) {
        String text = Inputs.required(value, field, 64).toLowerCase(Locale.ROOT);
        if (!SHA_256.matcher(text).matches()) {
            throw new ValidationException(field, "error.contract.signedDocumentSha256");
        }
        return text;
    }

    private Contract lockedForOfficial(String id) {
        long contractId = Ids.parse(id, "input.id");
        if (sql.rows("SELECT id FROM contract WHERE id = :id FOR UPDATE", Map.of("id", contractId)).isEmpty()) {
            throw new NotFoundException("error.contract.notFound", id);
        }
        contracts.completeIfOverdue(contractId);
        Contract contract = reads.contract(contractId).orElseThrow();
        access.requireOfficialOver(contract.buyerRegionId());
        return contract;
    }
}
