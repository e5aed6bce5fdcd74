package cn.linli.procurement;

import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.procurement.ProcurementViews.Bid;
import cn.linli.procurement.ProcurementViews.Contract;
import cn.linli.procurement.ProcurementViews.Procurement;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jakarta.inject.Inject;

/**
 * Each procurement published as Open Contracting Data Standard 1.1 JSON: a record package per ocid, and
 * release packages of everything changed since a date. Money is CNY (yuan, from fen). Procurements still in
 * PLANNING are not published; tenderers only as far as GraphQL {@code bids} shows them to anyone
 * ({@link ProcurementReads#publiclyDisclosed}).
 */
@Path("/ocds")
@Produces("application/json")
public class OcdsResource {
    @Inject
    Sql sql;
    @Inject
    ProcurementReads reads;
    @Context
    UriInfo uri;

    @GET
    @Path("/records/{ocid}")
    public Map<String, Object> record(@PathParam("ocid") String ocid) {
        Procurement procurement = reads.byOcid(ocid).filter(p -> p.status() != ProcurementStatus.PLANNING)
                .orElseThrow(NotFoundException::new);
        Map<String, Object> release = release(procurement);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("ocid", ocid);
        record.put("releases", List.of(release));
        record.put("compiledRelease", release);
        Map<String, Object> recordPackage = packageHeader(uri.getRequestUri().toString(), procurement.updatedAt());
        recordPackage.put("records", List.of(record));
        return recordPackage;
    }

    @GET
    @Path("/releases")
    public Map<String, Object> releases(@QueryParam("since") String since, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        OffsetDateTime from;
        try {
            from = since == null ? OffsetDateTime.parse("1970-01-01T00:00:00Z") : OffsetDateTime.parse(since);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("since must be an ISO-8601 date-time with offset");
        }
        if (offset < 0 || limit < 1 || limit > 100) {
            throw new BadRequestException("0 <= offset, 1 <= limit <= 100");
        }
        List<Row> rows = sql.rows("SELECT p.id FROM procurement p WHERE p.status <> 'PLANNING' AND p.updated_at >= :since "
                + "ORDER BY p.updated_at, p.id OFFSET :offset LIMIT :limit", Map.of("since", from, "offset", offset, "limit", limit + 1));
        List<Map<String, Object>> releases = new ArrayList<>();
        for (Row row : rows.subList(0, Math.min(limit, rows.size()))) {
            releases.add(release(reads.procurement(row.longValue("id")).orElseThrow()));
        }
        Map<String, Object> releasePackage = packageHeader(uri.getRequestUri().toString(), OffsetDateTime.now(Row.CHINA));
        releasePackage.put("releases", releases);
        if (rows.size() > limit) {
            releasePackage.put("links", Map.of("next", uri.getRequestUriBuilder().replaceQueryParam("offset", offset + limit)
                    .build().toString()));
        }
        return releasePackage;
    }

    private static Map<String, Object> packageHeader(String self, OffsetDateTime published) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("uri", self);
        header.put("version", "1.1");
        header.put("publishedDate", published.toString());
        header.put("publisher", Map.of("name", "Linli 邻里"));
        header.put("license", "https://creativecommons.org/licenses/by/4.0/");
        return header;
    }

    Map<String, Object> release(Procurement procurement) {
        long id = Long.parseLong(procurement.id());
        Map<String, Object> release = new LinkedHashMap<>();
        release.put("ocid", procurement.ocid());
        release.put("id", procurement.ocid() + "-" + procurement.updatedAt().toInstant().toEpochMilli());
        release.put("date", procurement.updatedAt().toString());
        release.put("initiationType", "tender");
        release.put("language", "zh");
        List<Map<String, Object>> parties = new ArrayList<>();
        String buyerId = "CN-GOV-" + sql.rows("SELECT code FROM region WHERE id = :id", Map.of("id", procurement.buyerRegionId()))
                .get(0).string("code");
        parties.add(party(buyerId, procurement.buyerName(), null, List.of("buyer", "procuringEntity")));
        release.put("buyer", Map.of("id", buyerId, "name", procurement.buyerName()));

        // tenderers are disclosed exactly as GraphQL bids discloses them to the public (before the award: none);
        // suppliers (the awards) are public anyway
        List<Bid> bids = ProcurementApi.bids(sql, "b.procurement_id = :p AND b.status <> 'WITHDRAWN'", Map.of("p", id));
        Set<Long> publicBidders = new HashSet<>();
        bids.stream().filter(bid -> ProcurementReads.publiclyDisclosed(procurement, bid))
                .forEach(bid -> publicBidders.add(Long.parseLong(bid.organizationId())));
        List<Long> bidderIds = new ArrayList<>(publicBidders);
        bidderIds.add(-1L); // never empty: IN () is not SQL
        List<Row> organizations = sql.rows("SELECT o.id, o.name, o.credit_code, EXISTS (SELECT 1 FROM award a "
                + "WHERE a.organization_id = o.id AND a.procurement_id = :p) AS supplier FROM organization o "
                + "WHERE o.id IN (:bidders) OR o.id IN (SELECT a.organization_id FROM award a WHERE a.procurement_id = :p) "
                + "ORDER BY o.id", Map.of("p", id, "bidders", bidderIds));
        List<Map<String, Object>> tenderers = new ArrayList<>();
        for (Row organization : organizations) {
            String partyId = "CN-USCC-" + organization.string("credit_code");
            List<String> roles = new ArrayList<>();
            if (publicBidders.contains(organization.longValue("id"))) {
                roles.add("tenderer");
                tenderers.add(Map.of("id", partyId, "name", organization.string("name")));
            }
            if (organization.bool("supplier")) {
                roles.add("supplier");
            }
            parties.add(party(partyId, organization.string("name"), organization.string("credit_code"), roles));
        }

        Map<String, Object> tender = new LinkedHashMap<>();
        tender.put("id", procurement.ocid() + "-tender");
        tender.put("title", procurement.title());
        tender.put("description", procurement.description());
        tender.put("status", tenderStatus(procurement.status()));
        tender.put("value", money(procurement.budgetFen()));
        tender.put("procurementMethod", method(procurement.method()));
        tender.put("procurementMethodDetails", cn.linli.common.Messages.get(cn.linli.common.Language.ZH,
                "enum.ProcurementMethod." + procurement.method().name()));
        if (procurement.justification() != null && procurement.method() == ProcurementMethod.SINGLE_SOURCE) {
            tender.put("procurementMethodRationale", procurement.justification());
        }
        tender.put("mainProcurementCategory", "services");
        tender.put("tenderPeriod", Map.of("startDate", procurement.tenderStart().toString(), "endDate", procurement.tenderEnd().toString()));
        tender.put("numberOfTenderers", bids.size()); // public, as GraphQL bidCount: how many, not who
        tender.put("tenderers", tenderers);
        tender.put("items", List.of(Map.of("id", "1", "description", procurement.serviceTargets(),
                "classification", Map.of("scheme", "LINLI-CATEGORY", "id", procurement.categoryCode()))));
        List<Map<String, Object>> documents = new ArrayList<>();
        for (int i = 0; i < procurement.documents().size(); i++) {
            documents.add(Map.of("id", String.valueOf(i + 1), "documentType", "tenderNotice",
                    "title", procurement.documents().get(i).title(), "url", procurement.documents().get(i).url()));
        }
        tender.put("documents", documents);
        release.put("tender", tender);

        List<Map<String, Object>> awards = new ArrayList<>();
        for (Row award : sql.rows("SELECT a.id, a.amount_fen, a.awarded_at, o.name, o.credit_code FROM award a "
                + "JOIN organization o ON o.id = a.organization_id WHERE a.procurement_id = :p ORDER BY a.id", Map.of("p", id))) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", award.string("id"));
            entry.put("title", procurement.title());
            entry.put("status", "active");
            entry.put("date", award.dateTime("awarded_at").toString());
            entry.put("value", money(award.longValue("amount_fen")));
            entry.put("suppliers", List.of(Map.of("id", "CN-USCC-" + award.string("credit_code"), "name", award.string("name"))));
            awards.add(entry);
        }
        release.put("awards", awards);

        List<Map<String, Object>> contracts = new ArrayList<>();
        boolean implementation = false;
        for (Row row : sql.rows("SELECT " + ProcurementReads.CONTRACT_COLUMNS + ", k.award_id, o.credit_code"
                + ProcurementReads.CONTRACT_FROM + " WHERE k.procurement_id = :p ORDER BY k.id", Map.of("p", id))) {
            Contract contract = reads.contract(row);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", contract.id());
            entry.put("awardID", row.string("award_id") != null ? row.string("award_id") : awardOf(contract));
            entry.put("title", contract.title());
            entry.put("status", switch (contract.status()) {
                case PENDING -> "pending";
                case ACTIVE -> "active";
                case TERMINATED -> "terminated";
                case COMPLETED -> "terminated";
            });
            entry.put("period", Map.of("startDate", contract.startsOn().toString(), "endDate", contract.endsOn().toString()));
            entry.put("value", money(contract.amountFen()));
            List<Map<String, Object>> milestones = new ArrayList<>();
            for (Row milestone : sql.rows("SELECT id, title, due_on, amount_fen, (SELECT coalesce(sum(amount_fen), 0) FROM payment x "
                    + "WHERE x.milestone_id = m.id) AS paid FROM milestone m WHERE contract_id = :c ORDER BY due_on, id",
                    Map.of("c", Long.parseLong(contract.id())))) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", milestone.string("id"));
                m.put("title", milestone.string("title"));
                m.put("type", "payment");
                m.put("dueDate", milestone.date("due_on").atStartOfDay(Row.CHINA).toOffsetDateTime().toString());
                m.put("value", money(milestone.longValue("amount_fen")));
                m.put("status", milestone.longValue("paid") >= milestone.longValue("amount_fen") ? "met" : "scheduled");
                milestones.add(m);
            }
            entry.put("milestones", milestones);
            List<Map<String, Object>> transactions = new ArrayList<>();
            for (var payment : ProcurementApi.payments(sql, "x.contract_id = :c", Map.of("c", Long.parseLong(contract.id())))) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("id", payment.id());
                t.put("date", payment.paidOn().atStartOfDay(Row.CHINA).toOffsetDateTime().toString());
                t.put("value", money(payment.amountFen()));
                t.put("payer", Map.of("id", buyerId, "name", procurement.buyerName()));
                t.put("payee", Map.of("id", "CN-USCC-" + row.string("credit_code"), "name", contract.organizationName()));
                t.put("relatedImplementationMilestone", Map.of("id", payment.milestoneId()));
                transactions.add(t);
            }
            implementation |= !transactions.isEmpty();
            entry.put("implementation", Map.of("transactions", transactions));
            if (contract.renewsContractId() != null) {
                entry.put("relatedProcesses", List.of(Map.of("id", "1", "relationship", List.of("renewal"),
                        "scheme", "ocid", "identifier", procurement.ocid(), "title", "renews contract " + contract.renewsContractId())));
            }
            contracts.add(entry);
        }
        release.put("contracts", contracts);
        release.put("parties", parties);
        List<String> tags = new ArrayList<>();
        tags.add(switch (procurement.status()) {
            case CANCELLED, UNSUCCESSFUL -> "tenderCancellation";
            case AWARDED -> "award";
            default -> "tender";
        });
        if (!contracts.isEmpty()) {
            tags.add("contract");
        }
        if (implementation) {
            tags.add("implementation");
        }
        release.put("tag", tags);
        return release;
    }

    /** A renewal has no award of its own: it continues the award of the contract it renews. */
    private String awardOf(Contract contract) {
        List<Row> rows = sql.rows("WITH RECURSIVE chain(id, award_id, renews) AS (SELECT id, award_id, renews_contract_id FROM contract "
                + "WHERE id = :id UNION ALL SELECT k.id, k.award_id, k.renews_contract_id FROM contract k JOIN chain c "
                + "ON k.id = c.renews) SELECT award_id FROM chain WHERE award_id IS NOT NULL LIMIT 1",
                Map.of("id", Long.parseLong(contract.id())));
        return rows.isEmpty() ? null : rows.get(0).string("award_id");
    }

    private static Map<String, Object> party(String id, String name, String creditCode, List<String> roles) {
        Map<String, Object> party = new LinkedHashMap<>();
        party.put("id", id);
        party.put("name", name);
        if (creditCode != null) {
            party.put("identifier", Map.of("scheme", "CN-USCC", "id", creditCode, "legalName", name));
        }
        party.put("roles", roles);
        return party;
    }

    private static Map<String, Object> money(long fen) {
        return Map.of("amount", BigDecimal.valueOf(fen, 2), "currency", "CNY");
    }

    private static String tenderStatus(ProcurementStatus status) {
        return switch (status) {
            case PLANNING -> "planning";
            case TENDERING, EVALUATING -> "active";
            case AWARDED -> "complete";
            case CANCELLED -> "cancelled";
            case UNSUCCESSFUL -> "unsuccessful";
        };
    }

    private static String method(ProcurementMethod method) {
        return switch (method) {
            case OPEN -> "open";
            case COMPETITIVE_CONSULTATION, COMPETITIVE_NEGOTIATION -> "selective";
            case INQUIRY -> "limited";
            case SINGLE_SOURCE -> "direct";
        };
    }
}
