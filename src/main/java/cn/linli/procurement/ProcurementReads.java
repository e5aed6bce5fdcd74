package cn.linli.procurement;

import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.common.WorkQueue;
import cn.linli.procurement.ProcurementViews.Contract;
import cn.linli.procurement.ProcurementViews.Document;
import cn.linli.procurement.ProcurementViews.Procurement;
import cn.linli.procurement.ProcurementViews.ServiceTarget;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of procurements and contracts, shared by the GraphQL API and the OCDS publication. */
@ApplicationScoped
public class ProcurementReads {
    /** A tender whose period has ended is EVALUATING even before anyone closes it. */
    static final String STATUS = "(CASE WHEN p.status = 'TENDERING' AND p.tender_end <= now() THEN 'EVALUATING' ELSE p.status END)";
    static final String PROCUREMENT_COLUMNS = "p.id, p.ocid, p.title, p.description, p.service_targets, p.buyer_name, "
            + "p.buyer_region_id, c.code AS category_code, array_to_string(p.target_region_codes, ',') AS target_regions, "
            + "p.budget_fen, p.method, p.min_rating_level, p.recurring, p.tender_start, p.tender_end, "
            + "CAST(p.documents AS text) AS documents, " + STATUS + " AS status, p.status_reason, p.justification, p.updated_at";
    static final String PROCUREMENT_FROM = " FROM procurement p JOIN category c ON c.id = p.category_id";
    static final String CONTRACT_COLUMNS = "k.id, k.code, k.title, k.buyer_name, k.organization_id, o.name AS organization_name, "
            + "k.procurement_id, k.amount_fen, k.starts_on, k.ends_on, k.status, CAST(k.service_targets AS text) AS targets, "
            + "k.renews_contract_id, k.renewal_eligible, k.payments_withheld, k.latest_grade, "
            + "coalesce(k.buyer_region_id, o.region_id) AS buyer_region_id, "
            + "(SELECT coalesce(sum(amount_fen), 0) FROM payment x WHERE x.contract_id = k.id) AS paid_fen";
    static final String CONTRACT_FROM = " FROM contract k JOIN organization o ON o.id = k.organization_id";

    @Inject
    Sql sql;
    @Inject
    ObjectMapper json;

    /**
     * Whether a bid is public, to anyone (signed in or not): the winning bids of an awarded procurement. Before the
     * award, and when it fails or is cancelled, who bid is known only to the bidders and the buyer. GraphQL bids and
     * the OCDS publication both decide with this.
     */
    static boolean publiclyDisclosed(Procurement procurement, ProcurementViews.Bid bid) {
        return procurement.status() == ProcurementStatus.AWARDED && bid.status() == BidStatus.AWARDED;
    }

    public Optional<Procurement> procurement(long id) {
        return sql.rows("SELECT " + PROCUREMENT_COLUMNS + PROCUREMENT_FROM + " WHERE p.id = :id", Map.of("id", id)).stream()
                .map(this::procurement).findFirst();
    }

    /** Procurements by id (unknown ids are absent), in one statement. */
    public Map<Long, Procurement> byIds(java.util.Collection<Long> ids) {
        Map<Long, Procurement> found = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        sql.rows("SELECT " + PROCUREMENT_COLUMNS + PROCUREMENT_FROM + " WHERE p.id IN (:ids)", Map.of("ids", List.copyOf(ids)))
                .forEach(row -> found.put(row.longValue("id"), procurement(row)));
        return found;
    }

    public Optional<Procurement> byOcid(String ocid) {
        return sql.rows("SELECT " + PROCUREMENT_COLUMNS + PROCUREMENT_FROM + " WHERE p.ocid = :ocid", Map.of("ocid", ocid))
                .stream().map(this::procurement).findFirst();
    }

    public Optional<Contract> contract(long id) {
        return sql.rows("SELECT " + CONTRACT_COLUMNS + CONTRACT_FROM + " WHERE k.id = :id", Map.of("id", id)).stream()
                .map(this::contract).findFirst();
    }

    Procurement procurement(Row row) {
        return new Procurement(row.string("id"), row.string("ocid"), row.string("title"), row.string("description"),
                row.string("service_targets"), row.string("buyer_name"), row.longValue("buyer_region_id"),
                row.string("category_code"), row.list("target_regions"), row.longValue("budget_fen"),
                ProcurementMethod.valueOf(row.string("method")), row.intValue("min_rating_level"), row.bool("recurring"),
                row.dateTime("tender_start"), row.dateTime("tender_end"),
                parse(row.string("documents"), new TypeReference<List<Document>>() { }),
                ProcurementStatus.valueOf(row.string("status")), row.string("status_reason"), row.string("justification"),
                row.dateTime("updated_at"));
    }

    Contract contract(Row row) {
        return new Contract(row.string("id"), row.string("code"), row.string("title"), row.string("buyer_name"),
                row.string("organization_id"), row.string("organization_name"), row.string("procurement_id"),
                row.longValue("amount_fen"), row.date("starts_on"), row.date("ends_on"),
                ContractStatus.valueOf(row.string("status")),
                parse(row.string("targets"), new TypeReference<List<ServiceTarget>>() { }), row.string("renews_contract_id"),
                row.bool("renewal_eligible"), row.bool("payments_withheld"), row.string("latest_grade"),
                row.longValue("paid_fen"), row.longValue("buyer_region_id"));
    }

    String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T parse(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Days ahead the desk looks for tenders closing and contracts ending. */
    public static final int TENDERS_CLOSING_DAYS = 7, CONTRACTS_ENDING_DAYS = 60;
    /** A date column as the start of that day in China Standard Time. */
    private static String startOfDay(String dateColumn) {
        return "(CAST(" + dateColumn + " AS timestamp) AT TIME ZONE 'Asia/Shanghai')";
    }

    /** The desk's queue of open tenders bought in a jurisdiction that close within a week, the soonest first. */
    public WorkQueue tendersClosingQueue(String jurisdictionCode, int items) {
        return WorkQueue.of(sql.rows("SELECT p.id, p.title, r.code, p.tender_start, p.tender_end, count(*) OVER () AS total "
                + "FROM procurement p JOIN region r ON r.id = p.buyer_region_id WHERE p.status = 'TENDERING' AND p.tender_end > now() "
                + "AND p.tender_end <= now() + make_interval(days => :days) AND r.path @> ARRAY[CAST(:code AS text)] "
                + "ORDER BY p.tender_end, p.id LIMIT :limit", Map.of("code", jurisdictionCode, "days", TENDERS_CLOSING_DAYS,
                "limit", WorkQueue.limit(items))), items, row -> new WorkQueue.WorkItem(row.string("id"), row.string("title"),
                row.string("code"), row.dateTime("tender_start"), row.dateTime("tender_end")));
    }

    /**
     * The desk's queue of active contracts bought in a jurisdiction whose term ends within 60 days (renew, re-tender
     * or let end), the soonest first; dueAt is the start of the last day.
     */
    public WorkQueue contractsEndingQueue(String jurisdictionCode, int items) {
        return WorkQueue.of(sql.rows("SELECT k.id, k.title, r.code, " + startOfDay("k.ends_on") + " AS due_at, count(*) OVER () AS total"
                + CONTRACT_FROM + " JOIN region r ON r.id = coalesce(k.buyer_region_id, o.region_id) WHERE k.status = 'ACTIVE' "
                + "AND k.ends_on >= CURRENT_DATE AND k.ends_on <= CURRENT_DATE + :days AND r.path @> ARRAY[CAST(:code AS text)] "
                + "ORDER BY k.ends_on, k.id LIMIT :limit", Map.of("code", jurisdictionCode, "days", CONTRACTS_ENDING_DAYS,
                "limit", WorkQueue.limit(items))), items, row -> new WorkQueue.WorkItem(row.string("id"), row.string("title"),
                row.string("code"), null, row.dateTime("due_at")));
    }

    /**
     * The desk's queue of milestones of active contracts bought in a jurisdiction that are due and neither paid nor
     * withheld by an evaluation outcome, the longest overdue first.
     */
    public WorkQueue unpaidMilestonesQueue(String jurisdictionCode, int items) {
        return WorkQueue.of(sql.rows("SELECT m.id, k.title || ' · ' || m.title AS title, r.code, " + startOfDay("m.due_on")
                + " AS due_at, count(*) OVER () AS total FROM milestone m JOIN contract k ON k.id = m.contract_id "
                + "JOIN organization o ON o.id = k.organization_id JOIN region r ON r.id = coalesce(k.buyer_region_id, o.region_id) "
                + "WHERE k.status = 'ACTIVE' AND m.due_on <= CURRENT_DATE AND NOT m.withheld AND NOT k.payments_withheld "
                + "AND NOT EXISTS (SELECT 1 FROM payment x WHERE x.milestone_id = m.id) AND r.path @> ARRAY[CAST(:code AS text)] "
                + "ORDER BY m.due_on, m.id LIMIT :limit", Map.of("code", jurisdictionCode, "limit", WorkQueue.limit(items))), items,
                row -> new WorkQueue.WorkItem(row.string("id"), row.string("title"), row.string("code"), null, row.dateTime("due_at")));
    }
}
