package cn.linli.procurement;

import cn.linli.audit.AuditLog;
import cn.linli.catalog.Category;
import cn.linli.catalog.CategoryQueries;
import cn.linli.common.Caller;
import cn.linli.common.ConflictException;
import cn.linli.common.ForbiddenException;
import cn.linli.common.Ids;
import cn.linli.common.Inputs;
import cn.linli.common.InvalidStateException;
import cn.linli.common.Messages;
import cn.linli.common.NotFoundException;
import cn.linli.common.Row;
import cn.linli.organization.OrganizationStanding;
import cn.linli.common.Sql;
import cn.linli.common.ValidationException;
import cn.linli.identity.Access;
import cn.linli.identity.Access.Jurisdiction;
import cn.linli.need.ServiceNeeds;
import cn.linli.procurement.ProcurementViews.Bid;
import cn.linli.procurement.ProcurementViews.Procurement;
import cn.linli.region.Region;
import cn.linli.region.RegionQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rules of the tender side, each in its own transaction with its authorization: create, publish, bid, close,
 * award (which makes contracts), cancel. Every change the public sees is published as an OCDS release in the same
 * transaction ({@link OcdsReleases}). {@link ProcurementMutations} maps GraphQL onto these.
 */
@ApplicationScoped
public class ProcurementService {
    @Inject
    Caller caller;
    @Inject
    OrganizationStanding standing;
    @Inject
    Access access;
    @Inject
    Sql sql;
    @Inject
    RegionQueries regions;
    @Inject
    CategoryQueries categories;
    @Inject
    ProcurementReads reads;
    @Inject
    Contracts contracts;
    @Inject
    AuditLog audit;
    @Inject
    OcdsReleases releases;
    @Inject
    ServiceNeeds needs;
    @ConfigProperty(name = "linli.ocds.ocid-prefix", defaultValue = "ocds-linli0")
    String ocidPrefix;

    @Transactional
    public Procurement createProcurement(ProcurementInputs.Create input) {
        String role = caller.requireRole(Caller.OFFICIAL);
        Jurisdiction jurisdiction = access.jurisdiction().orElseThrow(() -> new ForbiddenException("error.outsideJurisdiction"));
        Region buyerRegion = regions.require(jurisdiction.regionCode(), "jurisdiction");
        // authorization first: the regions bought for must be the caller's, before any other input rule
        if (input.targetRegionCodes().isEmpty()) {
            throw new ValidationException("input.targetRegionCodes", "error.input.required");
        }
        for (String code : new HashSet<>(input.targetRegionCodes())) {
            Region region = regions.require(code, "input.targetRegionCodes");
            if (!access.governs(region.id())) {
                throw new ForbiddenException("error.outsideJurisdiction");
            }
        }
        String title = Inputs.required(input.title(), "input.title", 200);
        Category category = categories.require(input.categoryCode(), "input.categoryCode");
        Money.between(input.budgetFen(), 1, Money.MAX_BUDGET_FEN, "input.budgetFen");
        if (!input.tenderEnd().isAfter(input.tenderStart())) {
            throw new ValidationException("input.tenderEnd", "error.procurement.tenderPeriod");
        }
        List<ProcurementViews.Document> documents = new ArrayList<>();
        if (input.documents() != null) {
            for (int i = 0; i < input.documents().size(); i++) {
                ProcurementInputs.Document document = input.documents().get(i);
                documents.add(new ProcurementViews.Document(
                        Inputs.required(document.title(), "input.documents[" + i + "].title", 200),
                        url(document.url(), "input.documents[" + i + "].url")));
            }
        }
        long id = sql.rows("SELECT nextval('procurement_id_seq') AS id").get(0).longValue("id");
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("ocid", ocidPrefix + "-" + id);
        params.put("title", title);
        params.put("description", orEmpty(Inputs.optional(input.description(), "input.description", 5000)));
        params.put("targets", orEmpty(Inputs.optional(input.serviceTargets(), "input.serviceTargets", 2000)));
        params.put("buyer", jurisdiction.unitName());
        params.put("buyerRegion", buyerRegion.id());
        params.put("by", caller.subject());
        params.put("category", category.id());
        params.put("regions", String.join(",", new java.util.TreeSet<>(input.targetRegionCodes())));
        params.put("budget", input.budgetFen());
        params.put("method", input.method().name());
        params.put("minRating", input.minRatingLevel() == null ? 0 : input.minRatingLevel().stars());
        params.put("recurring", Boolean.TRUE.equals(input.recurring()));
        params.put("start", input.tenderStart());
        params.put("end", input.tenderEnd());
        params.put("documents", reads.toJson(documents));
        sql.update("INSERT INTO procurement (id, ocid, title, description, service_targets, buyer_name, buyer_region_id, "
                + "created_by, category_id, target_region_codes, budget_fen, method, min_rating_level, recurring, tender_start, "
                + "tender_end, documents) VALUES (:id, :ocid, :title, :description, :targets, :buyer, :buyerRegion, :by, "
                + ":category, string_to_array(:regions, ','), :budget, :method, nullif(:minRating, 0), :recurring, :start, "
                + ":end, CAST(:documents AS jsonb))", params);
        audit.record(role, change("createProcurement", id, buyerRegion.id(), null, null,
                Map.of("title", title, "budgetFen", input.budgetFen(), "status", ProcurementStatus.PLANNING)));
        needs.linkToProcurement(input.needIds(), id, role);
        return reads.procurement(id).orElseThrow();
    }

    @Transactional
    public Procurement publishTender(ProcurementInputs.Action input) {
        Procurement procurement = lockedForOfficial(input.id());
        if (procurement.method() == ProcurementMethod.SINGLE_SOURCE) {
            throw new InvalidStateException("error.procurement.singleSourceNoTender");
        }
        return move(procurement, Set.of(ProcurementStatus.PLANNING), ProcurementStatus.TENDERING, "publishTender", null,
                List.of("tender"));
    }

    @Transactional
    public Procurement closeTender(ProcurementInputs.Action input) {
        Procurement procurement = lockedForOfficial(input.id());
        return move(procurement, Set.of(ProcurementStatus.TENDERING), ProcurementStatus.EVALUATING, "closeTender", null,
                List.of("tenderUpdate"));
    }

    @Transactional
    public Procurement cancelProcurement(ProcurementInputs.Action input) {
        Procurement procurement = lockedForOfficial(input.id());
        String reason = Inputs.required(input.reason(), "input.reason", 500);
        ProcurementStatus to = Boolean.TRUE.equals(input.unsuccessful()) ? ProcurementStatus.UNSUCCESSFUL : ProcurementStatus.CANCELLED;
        Procurement moved = move(procurement, Set.of(ProcurementStatus.PLANNING, ProcurementStatus.TENDERING,
                ProcurementStatus.EVALUATING), to, "cancelProcurement", reason, List.of());
        sql.update("UPDATE bid SET status = 'NOT_AWARDED' WHERE procurement_id = :id AND status = 'SUBMITTED'",
                Map.of("id", Long.parseLong(procurement.id())));
        releases.publish(Long.parseLong(procurement.id()), List.of("tenderCancellation"));
        return moved;
    }

    @Transactional
    public Bid submitBid(ProcurementInputs.SubmitBid input) {
        long organizationId = Ids.parse(input.organizationId(), "input.organizationId");
        String role = access.requireOwner(organizationId);
        Procurement procurement = locked(input.procurementId());
        if (procurement.status() != ProcurementStatus.TENDERING || OffsetDateTime.now().isBefore(procurement.tenderStart())) {
            throw new InvalidStateException("error.bid.notTendering", Messages.label(procurement.status()));
        }
        standing.requireEligible(organizationId, procurement.minRatingLevel(), procurement.categoryCode(), "input.organizationId");
        Money.atMost(input.amountFen(), procurement.budgetFen(), "input.amountFen", "error.bid.amount", procurement.budgetFen());
        List<Row> inserted = sql.rows("INSERT INTO bid (procurement_id, organization_id, amount_fen, proposal, submitted_by) "
                + "VALUES (:procurement, :organization, :amount, :proposal, :by) ON CONFLICT DO NOTHING RETURNING id",
                Map.of("procurement", Long.parseLong(procurement.id()), "organization", organizationId, "amount", input.amountFen(),
                        "proposal", orEmpty(Inputs.optional(input.proposal(), "input.proposal", 5000)), "by", caller.subject()));
        if (inserted.isEmpty()) {
            throw new ConflictException("error.bid.live");
        }
        long bidId = inserted.get(0).longValue("id");
        audit.record(role, new AuditLog.Change("submitBid", "Bid", bidId, organizationId, procurement.buyerRegionId(), null,
                null, Map.of("procurementId", procurement.id(), "amountFen", input.amountFen())));
        // how many bid is public (bidCount, tender.numberOfTenderers); who bid is not, until the award
        releases.publish(Long.parseLong(procurement.id()), List.of("tenderUpdate"));
        return ProcurementApi.bids(sql, "b.id = :id", Map.of("id", bidId)).get(0);
    }

    @Transactional
    public Bid withdrawBid(ProcurementInputs.WithdrawBid input) {
        long bidId = Ids.parse(input.bidId(), "input.bidId");
        Row bid = sql.rows("SELECT procurement_id, organization_id, status FROM bid WHERE id = :id", Map.of("id", bidId))
                .stream().findFirst().orElseThrow(() -> new NotFoundException("error.bid.notFound", input.bidId()));
        String role = access.requireOwner(bid.longValue("organization_id"));
        Procurement procurement = locked(bid.string("procurement_id"));
        if (procurement.status() != ProcurementStatus.TENDERING || !"SUBMITTED".equals(bid.string("status"))) {
            throw new InvalidStateException("error.bid.notWithdrawable");
        }
        sql.update("UPDATE bid SET status = 'WITHDRAWN', withdrawn_at = now() WHERE id = :id", Map.of("id", bidId));
        audit.record(role, new AuditLog.Change("withdrawBid", "Bid", bidId, bid.longValue("organization_id"),
                procurement.buyerRegionId(), null, Map.of("status", BidStatus.SUBMITTED), Map.of("status", BidStatus.WITHDRAWN)));
        releases.publish(Long.parseLong(procurement.id()), List.of("tenderUpdate"));
        return ProcurementApi.bids(sql, "b.id = :id", Map.of("id", bidId)).get(0);
    }

    @Transactional
    public Procurement awardProcurement(ProcurementInputs.AwardProcurement input) {
        Procurement procurement = lockedForOfficial(input.id());
        String role = Caller.OFFICIAL;
        boolean singleSource = procurement.method() == ProcurementMethod.SINGLE_SOURCE;
        ProcurementStatus expected = singleSource ? ProcurementStatus.PLANNING : ProcurementStatus.EVALUATING;
        if (procurement.status() != expected) {
            throw new InvalidStateException("error.procurement.state", Messages.label(procurement.status()), "awardProcurement");
        }
        String justification = Inputs.required(input.justification(), "input.justification", 2000);
        if (input.awards().isEmpty()) {
            throw new ValidationException("input.awards", "error.input.required");
        }
        Money.items(input.awards().size(), "input.awards");
        long procurementId = Long.parseLong(procurement.id());
        long total = 0;
        for (int i = 0; i < input.awards().size(); i++) {
            ProcurementInputs.Award award = input.awards().get(i);
            String field = "input.awards[" + i + "]";
            long organizationId;
            Long bidId = null;
            long amount;
            if (singleSource) {
                if (award.organizationId() == null) {
                    throw new ValidationException(field + ".organizationId", "error.input.required");
                }
                organizationId = Ids.parse(award.organizationId(), field + ".organizationId");
                if (award.amountFen() == null) {
                    throw new ValidationException(field + ".amountFen", "error.input.required");
                }
                amount = award.amountFen();
            } else {
                if (award.bidId() == null) {
                    throw new ValidationException(field + ".bidId", "error.input.required");
                }
                bidId = Ids.parse(award.bidId(), field + ".bidId");
                Row bid = sql.rows("SELECT organization_id, amount_fen FROM bid WHERE id = :id AND procurement_id = :p "
                        + "AND status = 'SUBMITTED'", Map.of("id", bidId, "p", procurementId)).stream().findFirst()
                        .orElseThrow(() -> new ValidationException(field + ".bidId", "error.award.bid"));
                organizationId = bid.longValue("organization_id");
                amount = award.amountFen() == null ? bid.longValue("amount_fen") : award.amountFen();
            }
            // the bid rules again, as they stand at the award: a bar or suspension since the bid counts
            standing.requireEligible(organizationId, procurement.minRatingLevel(), procurement.categoryCode(),
                    field + ".organizationId");
            Money.atMost(amount, procurement.budgetFen(), field + ".amountFen", "error.bid.amount", procurement.budgetFen());
            // together with the awards before it, within the budget
            Money.atMost(amount, Money.rest(procurement.budgetFen(), total), field + ".amountFen", "error.award.budget",
                    procurement.budgetFen());
            total = Money.add(total, amount);
            long awardId = sql.rows("INSERT INTO award (procurement_id, bid_id, organization_id, amount_fen, awarded_by) "
                    + "VALUES (:p, nullif(:bid, -1), :org, :amount, :by) RETURNING id", Map.of("p", procurementId,
                    "bid", bidId == null ? -1L : bidId, "org", organizationId, "amount", amount, "by", caller.subject()))
                    .get(0).longValue("id");
            if (bidId != null) {
                sql.update("UPDATE bid SET status = 'AWARDED' WHERE id = :id", Map.of("id", bidId));
            }
            contracts.create(procurement, awardId, organizationId, amount, award.contract(), field + ".contract", null);
        }
        sql.update("UPDATE bid SET status = 'NOT_AWARDED' WHERE procurement_id = :id AND status = 'SUBMITTED'",
                Map.of("id", procurementId));
        sql.update("UPDATE procurement SET status = 'AWARDED', justification = :justification, updated_at = now(), "
                + "version = version + 1 WHERE id = :id", Map.of("justification", justification, "id", procurementId));
        audit.record(role, change("awardProcurement", procurementId, procurement.buyerRegionId(), justification,
                Map.of("status", procurement.status()), Map.of("status", ProcurementStatus.AWARDED, "awardedFen", total)));
        // the award, its suppliers (now public) and the PENDING contracts it made, with their milestones
        releases.publish(procurementId, List.of("award"));
        return reads.procurement(procurementId).orElseThrow();
    }

    /** The transition, audited and (with tags) published; a cancellation publishes once its bids are settled. */
    private Procurement move(Procurement procurement, Set<ProcurementStatus> from, ProcurementStatus to, String action,
            String reason, List<String> tag) {
        if (!from.contains(procurement.status())) {
            throw new InvalidStateException("error.procurement.state", Messages.label(procurement.status()), action);
        }
        long id = Long.parseLong(procurement.id());
        sql.update("UPDATE procurement SET status = :status, status_reason = coalesce(nullif(:reason, ''), status_reason), "
                + "updated_at = now(), version = version + 1 WHERE id = :id",
                Map.of("status", to.name(), "reason", reason == null ? "" : reason, "id", id));
        audit.record(Caller.OFFICIAL, change(action, id, procurement.buyerRegionId(), reason,
                Map.of("status", procurement.status()), Map.of("status", to)));
        if (!tag.isEmpty()) {
            releases.publish(id, tag);
        }
        return reads.procurement(id).orElseThrow();
    }

    /** The procurement, row-locked for this transaction, with an ended tender period applied. */
    private Procurement locked(String id) {
        long procurementId = Ids.parse(id, "input.id");
        if (sql.rows("SELECT id FROM procurement WHERE id = :id FOR UPDATE", Map.of("id", procurementId)).isEmpty()) {
            throw new NotFoundException("error.procurement.notFound", id);
        }
        sql.update("UPDATE procurement SET status = 'EVALUATING', updated_at = now() WHERE id = :id "
                + "AND status = 'TENDERING' AND tender_end <= now()", Map.of("id", procurementId));
        return reads.procurement(procurementId).orElseThrow();
    }

    private Procurement lockedForOfficial(String id) {
        Procurement procurement = locked(id);
        access.requireOfficialOver(procurement.buyerRegionId());
        return procurement;
    }

    private static String url(String value, String field) {
        String text = Inputs.required(value, field, 500);
        try {
            URI uri = URI.create(text);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return text;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the validation error
        }
        throw new ValidationException(field, "error.input.url");
    }

    private static AuditLog.Change change(String action, long id, long regionId, String reason, Map<String, ?> before,
            Map<String, ?> after) {
        return new AuditLog.Change(action, "Procurement", id, null, regionId, reason, before, after);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
