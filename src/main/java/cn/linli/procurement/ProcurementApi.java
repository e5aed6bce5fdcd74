package cn.linli.procurement;

import org.eclipse.microprofile.graphql.Ignore;
import cn.linli.common.ApiErrors;
import cn.linli.common.Caller;
import cn.linli.common.Ids;
import cn.linli.common.KeysetQuery;
import cn.linli.common.KeysetQuery.Key;
import cn.linli.common.Language;
import cn.linli.common.NotFoundException;
import cn.linli.common.PageInfo;
import cn.linli.common.Paging;
import cn.linli.common.Sql;
import cn.linli.common.ValidationException;
import cn.linli.identity.Access;
import cn.linli.need.ServiceNeed;
import cn.linli.procurement.ProcurementViews.Award;
import cn.linli.procurement.ProcurementViews.Bid;
import cn.linli.procurement.ProcurementViews.CategorySpending;
import cn.linli.procurement.ProcurementViews.Contract;
import cn.linli.procurement.ProcurementViews.Milestone;
import cn.linli.procurement.ProcurementViews.Payment;
import cn.linli.procurement.ProcurementViews.Procurement;
import cn.linli.region.Region;
import cn.linli.region.RegionQueries;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/** Public procurement records (结果公开), with bids shown only to those entitled to see them. */
@GraphQLApi
@ApiErrors
public class ProcurementApi {
    private static final KeysetQuery NEWEST_FIRST = new KeysetQuery("procurements", List.of(new Key("p.id", "bigint")), true);
    private static final KeysetQuery CONTRACTS_NEWEST = new KeysetQuery("contracts", List.of(new Key("k.id", "bigint")), true);

    @Inject
    Caller caller;
    @Inject
    Access access;
    @Inject
    Sql sql;
    @Inject
    ProcurementReads reads;
    @Inject
    RegionQueries regions;

    @Input("ProcurementFilter")
    @Description("Which procurements to list.")
    public record ProcurementFilter(
            @Description("Only procurements in this status (a TENDERING one whose tender period has ended counts as EVALUATING).")
            ProcurementStatus status,
            @Description("Only procurements in this category or below it, e.g. elderly (every 养老 service) or elderly.meal.") String categoryCode,
            @Description("Serving this region or a region within it (one of the target regions lies in it).") String regionCode) {
    }

    @Input("ContractFilter")
    @Description("Which contracts to list.")
    public record ContractFilter(@Description("Only contracts of this supplier organization.") @Id String organizationId,
            @Description("Only contracts of this procurement (its awards and renewals).") @Id String procurementId,
            @Description("Only contracts in this status.") ContractStatus status) {
    }

    @Description("A page of procurements.")
    public record ProcurementConnection(@Description("The procurements of this page, newest first.") @NonNull List<@NonNull ProcurementEdge> edges,
            @Description("Whether more pages follow, and the cursor to continue from.") @NonNull PageInfo pageInfo,
            @Ignore java.util.function.IntSupplier total) {
        @Description("A procurement and its cursor.")
        public record ProcurementEdge(
                @Description("Opaque cursor of this procurement: pass it as `after` for the ones after it.") @NonNull String cursor,
                @Description("The procurement.") @NonNull Procurement node) {
        }
    }

    @Description("A page of contracts.")
    public record ContractConnection(@Description("The contracts of this page, newest first.") @NonNull List<@NonNull ContractEdge> edges,
            @Description("Whether more pages follow, and the cursor to continue from.") @NonNull PageInfo pageInfo,
            @Ignore java.util.function.IntSupplier total) {
        @Description("A contract and its cursor.")
        public record ContractEdge(
                @Description("Opaque cursor of this contract: pass it as `after` for the ones after it.") @NonNull String cursor,
                @Description("The contract.") @NonNull Contract node) {
        }
    }

    @Query("procurements")
    @NonNull
    @Description("Procurements from TENDERING on, for anyone (officials also see their own in PLANNING), newest first.")
    public ProcurementConnection procurements(@Name("filter") @Description("Which procurements (all optional, ANDed).") ProcurementFilter filter,
            @Name("first") @Description("How many (at most 100, default 20).") Integer first,
            @Name("after") @Description("The cursor after which the page starts (a previous page's endCursor).") String after) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        Optional<Access.Jurisdiction> jurisdiction = access.jurisdiction();
        if (jurisdiction.isPresent()) {
            where.add("(p.status <> 'PLANNING' OR p.buyer_region_id IN (SELECT id FROM region WHERE path @> ARRAY[CAST(:mine AS text)]))");
            params.put("mine", jurisdiction.get().regionCode());
        } else {
            where.add("p.status <> 'PLANNING'");
        }
        if (filter != null) {
            if (filter.status() != null) {
                where.add(ProcurementReads.STATUS + " = :status");
                params.put("status", filter.status().name());
            }
            if (filter.categoryCode() != null) {
                // the category or below it, as every other category filter
                where.add("c.id IN (SELECT d.id FROM category d JOIN category top ON d.path LIKE top.path || '%' WHERE top.code = :category)");
                params.put("category", filter.categoryCode());
            }
            if (filter.regionCode() != null) {
                Region region = regions.require(filter.regionCode(), "filter.regionCode");
                where.add("EXISTS (SELECT 1 FROM region r WHERE r.code = ANY(p.target_region_codes) AND "
                        + "(r.path @> ARRAY[CAST(:region AS text)] OR :region = ANY(r.path)))");
                params.put("region", region.code());
            }
        }
        KeysetQuery.Page page = NEWEST_FIRST.fetch(sql, "SELECT " + ProcurementReads.PROCUREMENT_COLUMNS
                + ProcurementReads.PROCUREMENT_FROM, where, params, after, Paging.pageSize(first));
        return new ProcurementConnection(page.edges((cursor, row) -> new ProcurementConnection.ProcurementEdge(cursor, reads.procurement(row))),
                page.pageInfo(after != null), page.totalCount());
    }

    @Query("procurement")
    @NonNull
    @Description("One procurement (PLANNING ones only for officials of the buyer).")
    public Procurement procurement(@Name("id") @Description("The procurement's id; NOT_FOUND when unknown or not visible to you.")
            @NonNull @Id String id) {
        Procurement procurement = reads.procurement(Ids.parse(id, "id"))
                .orElseThrow(() -> new NotFoundException("error.procurement.notFound", id));
        if (procurement.status() == ProcurementStatus.PLANNING && !access.governs(procurement.buyerRegionId())) {
            throw new NotFoundException("error.procurement.notFound", id);
        }
        return procurement;
    }

    @Description("The procurement started for this need, if any (one still PLANNING only for officials of its buyer).")
    @Name("procurement")
    public List<Procurement> needProcurement(@Source List<ServiceNeed> needs) {
        Map<Long, Procurement> found = reads.byIds(needs.stream().map(ServiceNeed::procurementId)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        return needs.stream().map(need -> need.procurementId() == null ? null : found.get(need.procurementId()))
                .map(p -> p == null || p.status() == ProcurementStatus.PLANNING && !access.governs(p.buyerRegionId()) ? null : p)
                .toList();
    }

    @Query("contracts")
    @NonNull
    @Description("Contracts, public, newest first: amounts, terms, targets, milestones and payments.")
    public ContractConnection contracts(@Name("filter") @Description("Which contracts (all optional, ANDed).") ContractFilter filter,
            @Name("first") @Description("How many (at most 100, default 20).") Integer first,
            @Name("after") @Description("The cursor after which the page starts (a previous page's endCursor).") String after) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter != null) {
            if (filter.organizationId() != null) {
                where.add("k.organization_id = :organization");
                params.put("organization", Ids.parse(filter.organizationId(), "filter.organizationId"));
            }
            if (filter.procurementId() != null) {
                where.add("k.procurement_id = :procurement");
                params.put("procurement", Ids.parse(filter.procurementId(), "filter.procurementId"));
            }
            if (filter.status() != null) {
                where.add("k.status = :status");
                params.put("status", filter.status().name());
            }
        }
        KeysetQuery.Page page = CONTRACTS_NEWEST.fetch(sql, "SELECT " + ProcurementReads.CONTRACT_COLUMNS
                + ProcurementReads.CONTRACT_FROM, where, params, after, Paging.pageSize(first));
        return new ContractConnection(page.edges((cursor, row) -> new ContractConnection.ContractEdge(cursor, reads.contract(row))),
                page.pageInfo(after != null), page.totalCount());
    }

    @Query("contract")
    @NonNull
    @Description("One contract by id, public: amounts, terms, targets, milestones and payments.")
    public Contract contract(@Name("id") @Description("The contract's id; NOT_FOUND when unknown.") @NonNull @Id String id) {
        return reads.contract(Ids.parse(id, "id")).orElseThrow(() -> new NotFoundException("error.contract.notFound", id));
    }

    @Query("procurementSummary")
    @NonNull
    @Description("Official: budget, awarded and paid amounts per category of the procurements bought in a region "
            + "(inside your jurisdiction) in a year.")
    public List<@NonNull CategorySpending> procurementSummary(
            @Name("regionCode") @Description("A region in your jurisdiction; procurements whose buyer is in it or below it count.")
            @NonNull String regionCode,
            @Name("year") @Description("The year (2000 … 2100) in which the tenders start, China Standard Time.") int year) {
        caller.requireRole(Caller.OFFICIAL);
        Region region = regions.require(regionCode, "regionCode");
        if (!access.governs(region.id())) {
            throw new cn.linli.common.ForbiddenException("error.outsideJurisdiction");
        }
        if (year < 2000 || year > 2100) {
            throw new ValidationException("year", "error.input.range", 2000, 2100);
        }
        boolean english = Language.current() == Language.EN;
        return sql.rows("SELECT c.code, c.name_zh, c.name_en, sum(p.budget_fen) AS budget, "
                + "coalesce(sum((SELECT sum(a.amount_fen) FROM award a WHERE a.procurement_id = p.id)), 0) AS awarded, "
                + "coalesce(sum((SELECT sum(x.amount_fen) FROM payment x JOIN contract k ON k.id = x.contract_id "
                + "WHERE k.procurement_id = p.id)), 0) AS paid "
                + "FROM procurement p JOIN category c ON c.id = p.category_id JOIN region b ON b.id = p.buyer_region_id "
                + "WHERE p.status <> 'CANCELLED' AND (b.path @> ARRAY[CAST(:region AS text)] OR :region = ANY(b.path)) "
                + "AND extract(year FROM p.tender_start AT TIME ZONE 'Asia/Shanghai') = :year "
                + "GROUP BY c.code, c.name_zh, c.name_en ORDER BY c.code",
                Map.of("region", region.code(), "year", year)).stream()
                .map(row -> new CategorySpending(row.string("code"), english ? row.string("name_en") : row.string("name_zh"),
                        row.longValue("budget"), row.longValue("awarded"), row.longValue("paid"))).toList();
    }

    @NonNull
    @Description("Bids you may see: your organization's, all of them for the buyer's officials, and after the award the winners'.")
    public List<List<@NonNull Bid>> bids(@Source List<Procurement> procurements) {
        List<Long> ids = procurements.stream().map(p -> Long.parseLong(p.id())).toList();
        Set<String> myOrganizations = new HashSet<>();
        if (caller.hasRole(Caller.ORG_STAFF)) {
            sql.rows("SELECT organization_id FROM organization_member WHERE subject = :subject", Map.of("subject", caller.subject()))
                    .forEach(row -> myOrganizations.add(row.string("organization_id")));
        }
        Map<String, Boolean> buyer = new HashMap<>();
        procurements.forEach(p -> buyer.put(p.id(), caller.hasRole(Caller.OFFICIAL) && access.governs(p.buyerRegionId())));
        Map<String, List<Bid>> byProcurement = bids(sql, "b.procurement_id IN (:ids) AND b.status <> 'WITHDRAWN'", Map.of("ids", ids))
                .stream().collect(Collectors.groupingBy(Bid::procurementId));
        Map<String, Procurement> byId = procurements.stream().collect(Collectors.toMap(Procurement::id, Function.identity()));
        return procurements.stream().map(p -> byProcurement.getOrDefault(p.id(), List.of()).stream()
                .filter(bid -> buyer.get(p.id()) || myOrganizations.contains(bid.organizationId())
                        || ProcurementReads.publiclyDisclosed(byId.get(p.id()), bid))
                .toList()).toList();
    }

    @Description("How many bids were submitted (withdrawn ones not counted): public.")
    public List<Integer> bidCount(@Source List<Procurement> procurements) {
        Map<String, Integer> counts = new HashMap<>();
        sql.rows("SELECT procurement_id, count(*) AS n FROM bid WHERE procurement_id IN (:ids) AND status <> 'WITHDRAWN' "
                + "GROUP BY procurement_id", Map.of("ids", procurements.stream().map(p -> Long.parseLong(p.id())).toList()))
                .forEach(row -> counts.put(row.string("procurement_id"), row.intValue("n")));
        return procurements.stream().map(p -> counts.getOrDefault(p.id(), 0)).toList();
    }

    @NonNull
    @Description("The awards (who won, for how much), public; empty until the procurement is awarded.")
    public List<List<@NonNull Award>> awards(@Source List<Procurement> procurements) {
        Map<String, List<Award>> byProcurement = sql.rows("SELECT a.id, a.procurement_id, a.bid_id, a.organization_id, "
                + "o.name, a.amount_fen, a.awarded_at FROM award a JOIN organization o ON o.id = a.organization_id "
                + "WHERE a.procurement_id IN (:ids) ORDER BY a.id", Map.of("ids", procurements.stream().map(p -> Long.parseLong(p.id())).toList()))
                .stream().map(row -> new Award(row.string("id"), row.string("procurement_id"), row.string("bid_id"),
                        row.string("organization_id"), row.string("name"), row.longValue("amount_fen"), row.dateTime("awarded_at")))
                .collect(Collectors.groupingBy(Award::procurementId));
        return procurements.stream().map(p -> byProcurement.getOrDefault(p.id(), List.of())).toList();
    }

    @NonNull
    @Description("The contracts the awards created.")
    public List<List<@NonNull Contract>> contracts(@Source List<Procurement> procurements) {
        Map<String, List<Contract>> byProcurement = sql.rows("SELECT " + ProcurementReads.CONTRACT_COLUMNS
                + ProcurementReads.CONTRACT_FROM + " WHERE k.procurement_id IN (:ids) ORDER BY k.id",
                Map.of("ids", procurements.stream().map(p -> Long.parseLong(p.id())).toList())).stream()
                .map(reads::contract).collect(Collectors.groupingBy(Contract::procurementId));
        return procurements.stream().map(p -> byProcurement.getOrDefault(p.id(), List.of())).toList();
    }

    @NonNull
    @Description("Payment milestones, by due date.")
    public List<List<@NonNull Milestone>> milestones(@Source List<Contract> contracts) {
        Map<Long, List<Milestone>> byContract = sql.rows("SELECT m.id, m.contract_id, m.title, m.due_on, m.amount_fen, "
                + "m.requires_passing_grade, m.withheld, (SELECT coalesce(sum(x.amount_fen), 0) FROM payment x "
                + "WHERE x.milestone_id = m.id) AS paid FROM milestone m WHERE m.contract_id IN (:ids) ORDER BY m.due_on, m.id",
                Map.of("ids", contracts.stream().map(c -> Long.parseLong(c.id())).toList())).stream()
                .map(row -> new Milestone(row.string("id"), row.longValue("contract_id"), row.string("title"), row.date("due_on"),
                        row.longValue("amount_fen"), row.bool("requires_passing_grade"), row.bool("withheld"), row.longValue("paid")))
                .collect(Collectors.groupingBy(Milestone::contractId));
        return contracts.stream().map(c -> byContract.getOrDefault(Long.parseLong(c.id()), List.of())).toList();
    }

    @NonNull
    @Description("Payments made (amounts and dates).")
    public List<List<@NonNull Payment>> payments(@Source List<Contract> contracts) {
        Map<Long, List<Payment>> byContract = payments(sql, "x.contract_id IN (:ids)",
                Map.of("ids", contracts.stream().map(c -> Long.parseLong(c.id())).toList())).stream()
                .collect(Collectors.groupingBy(Payment::contractId));
        return contracts.stream().map(c -> byContract.getOrDefault(Long.parseLong(c.id()), List.of())).toList();
    }

    static List<@NonNull Bid> bids(Sql sql, String where, Map<String, ?> params) {
        return sql.rows("SELECT b.id, b.procurement_id, b.organization_id, o.name, b.amount_fen, b.proposal, b.status, "
                + "b.submitted_at FROM bid b JOIN organization o ON o.id = b.organization_id WHERE " + where + " ORDER BY b.id",
                params).stream().map(row -> new Bid(row.string("id"), row.string("procurement_id"), row.string("organization_id"),
                row.string("name"), row.longValue("amount_fen"), row.string("proposal"), BidStatus.valueOf(row.string("status")),
                row.dateTime("submitted_at"))).toList();
    }

    static List<@NonNull Payment> payments(Sql sql, String where, Map<String, ?> params) {
        return sql.rows("SELECT x.id, x.contract_id, x.milestone_id, x.amount_fen, x.paid_on, x.recorded_at FROM payment x "
                + "WHERE " + where + " ORDER BY x.paid_on, x.id", params).stream()
                .map(row -> new Payment(row.string("id"), row.longValue("contract_id"), row.string("milestone_id"),
                        row.longValue("amount_fen"), row.date("paid_on"), row.dateTime("recorded_at"))).toList();
    }

    // a source field: counted on a worker thread, and only when asked for
    @Description("How many procurements match the filter in all, over every page (the caller may see) (counted only when asked for).")
    public int totalCount(@Source ProcurementConnection page) {
        return page.total().getAsInt();
    }

    // a source field: counted on a worker thread, and only when asked for
    @Description("How many contracts match the filter in all, over every page (counted only when asked for).")
    public int totalCount(@Source ContractConnection page) {
        return page.total().getAsInt();
    }
}
