package cn.linli.procurement;

import cn.linli.common.Language;
import cn.linli.common.Messages;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.need.ServiceNeeds;
import cn.linli.procurement.ProcurementViews.Bid;
import cn.linli.procurement.ProcurementViews.Contract;
import cn.linli.procurement.ProcurementViews.Procurement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One OCDS 1.1 release: the procurement as it stands in the calling transaction, to be published once and never
 * changed ({@link OcdsReleases}). Money is CNY (yuan, from fen); every date is a full RFC 3339 date-time in China
 * Standard Time (a contract's end date is the end of its last day). Tenderers are named only as GraphQL
 * {@code bids} shows them to anyone ({@link ProcurementReads#publiclyDisclosed}): none before the award. The text is
 * Chinese (language zh) whatever the request's language: a release is the same for everyone.
 */
@ApplicationScoped
class OcdsSnapshot {
    /** RFC 3339: seconds always, the offset always (OffsetDateTime.toString drops zero seconds). */
    static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    @Inject
    Sql sql;
    @Inject
    ProcurementReads reads;
    @Inject
    ServiceNeeds needs;

    static String dateTime(OffsetDateTime value) {
        return value.atZoneSameInstant(Row.CHINA).toOffsetDateTime().format(RFC_3339);
    }

    static String startOf(LocalDate day) {
        return dateTime(day.atStartOfDay(Row.CHINA).toOffsetDateTime());
    }

    static String endOf(LocalDate day) {
        return dateTime(day.atTime(LocalTime.of(23, 59, 59)).atZone(Row.CHINA).toOffsetDateTime());
    }

    Map<String, Object> release(Procurement procurement, String releaseId, OffsetDateTime date, List<String> tag) {
        long id = Long.parseLong(procurement.id());
        Map<String, Object> release = new LinkedHashMap<>();
        release.put("ocid", procurement.ocid());
        release.put("id", releaseId);
        release.put("date", dateTime(date));
        release.put("tag", tag);
        release.put("initiationType", "tender");
        release.put("language", "zh");
        List<Map<String, Object>> parties = new ArrayList<>();
        String buyerId = "CN-GOV-" + sql.rows("SELECT code FROM region WHERE id = :id", Map.of("id", procurement.buyerRegionId()))
                .get(0).string("code");
        parties.add(party(buyerId, procurement.buyerName(), null, List.of("buyer", "procuringEntity")));
        release.put("buyer", reference(buyerId, procurement.buyerName()));
        release.put("planning", planning(procurement));

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
                tenderers.add(reference(partyId, organization.string("name")));
            }
            if (organization.bool("supplier")) {
                roles.add("supplier");
            }
            parties.add(party(partyId, organization.string("name"), organization.string("credit_code"), roles));
        }
        release.put("tender", tender(procurement, bids.size(), tenderers));
        release.put("awards", awards(procurement));
        List<Map<String, Object>> contracts = contracts(procurement, buyerId);
        release.put("contracts", contracts);
        release.put("parties", parties);
        return release;
    }

    /** The tags a release of the procurement as it stands would have had (for a first release of older data). */
    List<String> stateTags(Procurement procurement) {
        List<String> tags = new ArrayList<>();
        tags.add(switch (procurement.status()) {
            case CANCELLED, UNSUCCESSFUL -> "tenderCancellation";
            case AWARDED -> "award";
            default -> "tender";
        });
        long id = Long.parseLong(procurement.id());
        if (!sql.rows("SELECT 1 FROM contract WHERE procurement_id = :p AND status <> 'PENDING'", Map.of("p", id)).isEmpty()) {
            tags.add("contract");
        }
        if (!sql.rows("SELECT 1 FROM payment x JOIN contract k ON k.id = x.contract_id WHERE k.procurement_id = :p",
                Map.of("p", id)).isEmpty()) {
            tags.add("implementation");
        }
        return tags;
    }

    private Map<String, Object> planning(Procurement procurement) {
        Map<String, Object> budget = new LinkedHashMap<>();
        budget.put("id", procurement.ocid() + "-budget");
        budget.put("description", Messages.get(Language.ZH, "ocds.budget", procurement.buyerName()));
        budget.put("amount", money(procurement.budgetFen()));
        Map<String, Object> planning = new LinkedHashMap<>();
        // the rationale: the service targets, and the residents' needs the procurement answers (以事定费)
        List<String> rationale = new ArrayList<>();
        if (!procurement.serviceTargets().isBlank()) {
            rationale.add(procurement.serviceTargets());
        }
        needs.ofProcurement(Long.parseLong(procurement.id())).ifPresent(answered -> rationale.add(Messages.get(Language.ZH,
                "ocds.needs.rationale", answered.needs(), answered.supporters(), String.join("、", answered.communities()))));
        if (!rationale.isEmpty()) {
            planning.put("rationale", String.join("；", rationale));
        }
        planning.put("budget", budget);
        return planning;
    }

    private Map<String, Object> tender(Procurement procurement, int numberOfTenderers, List<Map<String, Object>> tenderers) {
        Map<String, Object> tender = new LinkedHashMap<>();
        tender.put("id", procurement.ocid() + "-tender");
        tender.put("title", procurement.title());
        tender.put("description", procurement.description());
        tender.put("status", tenderStatus(procurement.status()));
        tender.put("value", money(procurement.budgetFen()));
        tender.put("procurementMethod", method(procurement.method()));
        tender.put("procurementMethodDetails", Messages.get(Language.ZH, "enum.ProcurementMethod." + procurement.method().name()));
        if (procurement.justification() != null && procurement.method() == ProcurementMethod.SINGLE_SOURCE) {
            tender.put("procurementMethodRationale", procurement.justification());
        }
        tender.put("mainProcurementCategory", "services");
        String awardCriteria = awardCriteria(procurement.method());
        if (awardCriteria != null) {
            tender.put("awardCriteria", awardCriteria);
        }
        tender.put("awardCriteriaDetails", Messages.get(Language.ZH, "ocds.awardCriteria." + procurement.method().name()));
        tender.put("eligibilityCriteria", eligibility(procurement));
        tender.put("tenderPeriod", ordered("startDate", dateTime(procurement.tenderStart()),
                "endDate", dateTime(procurement.tenderEnd())));
        tender.put("numberOfTenderers", numberOfTenderers); // public, as GraphQL bidCount: how many, not who
        tender.put("tenderers", tenderers);
        tender.put("items", List.of(ordered("id", "1", "description", procurement.serviceTargets(),
                "classification", ordered("scheme", "LINLI-CATEGORY", "id", procurement.categoryCode()))));
        List<Map<String, Object>> documents = new ArrayList<>();
        for (int i = 0; i < procurement.documents().size(); i++) {
            documents.add(ordered("id", String.valueOf(i + 1), "documentType", "tenderNotice",
                    "title", procurement.documents().get(i).title(), "url", procurement.documents().get(i).url()));
        }
        tender.put("documents", documents);
        return tender;
    }

    /** The bid rules of submitBid, awardProcurement and renewContract, in words. */
    private String eligibility(Procurement procurement) {
        String category = sql.rows("SELECT name_zh FROM category WHERE code = :code", Map.of("code", procurement.categoryCode()))
                .stream().findFirst().map(row -> row.string("name_zh")).orElse(procurement.categoryCode());
        String rating = procurement.minRatingLevel() == null ? Messages.get(Language.ZH, "ocds.eligibility.anyRating")
                : Messages.get(Language.ZH, "ocds.eligibility.rating", procurement.minRatingLevel() + "A");
        return Messages.get(Language.ZH, "ocds.eligibility", rating, category);
    }

    private List<Map<String, Object>> awards(Procurement procurement) {
        List<Map<String, Object>> awards = new ArrayList<>();
        for (Row award : sql.rows("SELECT a.id, a.amount_fen, a.awarded_at, o.name, o.credit_code FROM award a "
                + "JOIN organization o ON o.id = a.organization_id WHERE a.procurement_id = :p ORDER BY a.id",
                Map.of("p", Long.parseLong(procurement.id())))) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", award.string("id"));
            entry.put("title", procurement.title());
            entry.put("status", "active");
            entry.put("date", dateTime(award.dateTime("awarded_at")));
            entry.put("value", money(award.longValue("amount_fen")));
            entry.put("suppliers", List.of(reference("CN-USCC-" + award.string("credit_code"), award.string("name"))));
            awards.add(entry);
        }
        return awards;
    }

    private List<Map<String, Object>> contracts(Procurement procurement, String buyerId) {
        List<Map<String, Object>> contracts = new ArrayList<>();
        for (Row row : sql.rows("SELECT " + ProcurementReads.CONTRACT_COLUMNS + ", k.award_id, o.credit_code, k.created_at, "
                + "k.signed_document_url, k.signed_document_sha256, k.signed_at, "
                + "(SELECT r.id FROM contract r WHERE r.renews_contract_id = k.id ORDER BY r.id LIMIT 1) AS renewed_by, "
                + "(SELECT r.code FROM contract r WHERE r.renews_contract_id = k.id ORDER BY r.id LIMIT 1) AS renewed_by_code, "
                + "(SELECT r.created_at FROM contract r WHERE r.renews_contract_id = k.id ORDER BY r.id LIMIT 1) AS renewed_at"
                + ProcurementReads.CONTRACT_FROM + " WHERE k.procurement_id = :p ORDER BY k.id",
                Map.of("p", Long.parseLong(procurement.id())))) {
            Contract contract = reads.contract(row);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", contract.id());
            entry.put("awardID", row.string("award_id") != null ? row.string("award_id") : awardOf(contract));
            entry.put("title", contract.title());
            entry.put("status", switch (contract.status()) {
                case PENDING -> "pending";
                case ACTIVE -> "active";
                case TERMINATED, COMPLETED -> "terminated";
            });
            entry.put("period", ordered("startDate", startOf(contract.startsOn()), "endDate", endOf(contract.endsOn())));
            entry.put("value", money(contract.amountFen()));
            if (row.dateTime("signed_at") != null) {
                entry.put("dateSigned", dateTime(row.dateTime("signed_at")));
            }
            if (row.string("signed_document_url") != null) {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("id", "contract-" + contract.id() + "-signed");
                document.put("documentType", "contractSigned");
                document.put("title", Messages.get(Language.ZH, "ocds.signedContract", contract.code()));
                document.put("description", "SHA-256: " + row.string("signed_document_sha256"));
                document.put("url", row.string("signed_document_url"));
                document.put("datePublished", dateTime(row.dateTime("signed_at")));
                entry.put("documents", List.of(document));
            }
            entry.put("milestones", milestones(contract));
            List<Map<String, Object>> transactions = new ArrayList<>();
            for (var payment : ProcurementApi.payments(sql, "x.contract_id = :c", Map.of("c", Long.parseLong(contract.id())))) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("id", payment.id());
                t.put("date", startOf(payment.paidOn()));
                t.put("value", money(payment.amountFen()));
                t.put("payer", reference(buyerId, procurement.buyerName()));
                t.put("payee", reference("CN-USCC-" + row.string("credit_code"), contract.organizationName()));
                t.put("relatedImplementationMilestone", ordered("id", payment.milestoneId()));
                transactions.add(t);
            }
            entry.put("implementation", ordered("transactions", transactions));
            if (contract.renewsContractId() != null) {
                entry.put("relatedProcesses", List.of(ordered("id", "1", "relationship", List.of("renewal"),
                        "scheme", "ocid", "identifier", procurement.ocid(), "title", "renews contract " + contract.renewsContractId())));
            }
            if (row.string("renewed_by") != null) {
                // the renewal (renewContract) amends this contract's term: it goes on as the new contract
                Map<String, Object> amendment = new LinkedHashMap<>();
                amendment.put("id", "renewal-" + row.string("renewed_by"));
                amendment.put("date", dateTime(row.dateTime("renewed_at")));
                amendment.put("rationale", Messages.get(Language.ZH, "ocds.renewal.rationale"));
                amendment.put("description", Messages.get(Language.ZH, "ocds.renewal.description", row.string("renewed_by_code")));
                entry.put("amendments", List.of(amendment));
            }
            contracts.add(entry);
        }
        return contracts;
    }

    private List<Map<String, Object>> milestones(Contract contract) {
        List<Map<String, Object>> milestones = new ArrayList<>();
        for (Row milestone : sql.rows("SELECT id, title, due_on, amount_fen, (SELECT coalesce(sum(amount_fen), 0) FROM payment x "
                + "WHERE x.milestone_id = m.id) AS paid FROM milestone m WHERE contract_id = :c ORDER BY due_on, id",
                Map.of("c", Long.parseLong(contract.id())))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", milestone.string("id"));
            m.put("title", milestone.string("title"));
            m.put("type", "payment");
            m.put("dueDate", endOf(milestone.date("due_on")));
            m.put("value", money(milestone.longValue("amount_fen")));
            m.put("status", milestone.longValue("paid") >= milestone.longValue("amount_fen") ? "met" : "scheduled");
            milestones.add(m);
        }
        return milestones;
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
            party.put("identifier", ordered("scheme", "CN-USCC", "id", creditCode, "legalName", name));
        }
        party.put("roles", roles);
        return party;
    }

    /** A JSON object with its keys in the order given (Map.of has none: the published text would vary). */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    private static Map<String, Object> reference(String id, String name) {
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("id", id);
        reference.put("name", name);
        return reference;
    }

    private static Map<String, Object> money(long fen) {
        Map<String, Object> money = new LinkedHashMap<>();
        money.put("amount", BigDecimal.valueOf(fen, 2));
        money.put("currency", "CNY");
        return money;
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

    /**
     * The awardCriteria code of a method: 公开招标 and 竞争性磋商 award by 综合评分 (rated criteria), 竞争性谈判 and 询价 to
     * the lowest price meeting the requirements; 单一来源 has no competition to decide, so no code (the details say so).
     */
    static String awardCriteria(ProcurementMethod method) {
        return switch (method) {
            case OPEN, COMPETITIVE_CONSULTATION -> "ratedCriteria";
            case COMPETITIVE_NEGOTIATION, INQUIRY -> "priceOnly";
            case SINGLE_SOURCE -> null;
        };
    }
}
