package cn.linli.procurement;

import cn.linli.common.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What government bought in a region and a year, per category and organization: amounts awarded, paid and withheld
 * (in fen). A read for reports; who may see it is the caller's to check. A contract belongs to the region when its
 * buyer's region lies within it or its procurement targets a region within it.
 */
@ApplicationScoped
public class SpendingReads {
    @Inject
    Sql sql;

    /**
     * One category and organization: {@code awardedFen} sums the contracts awarded in the year (by the award's date in
     * China Standard Time; a contract without an award, such as a renewal, by its start date); {@code paidFen} the
     * payments paid in the year; {@code withheldFen} the milestones due in the year that are withheld now (不合格).
     * A contract without a procurement has no category (null).
     */
    public record Line(String categoryCode, String categoryName, String organizationId, String organizationName, String creditCode,
            long contracts, long awardedFen, long paidFen, long withheldFen) {
    }

    /** The lines of the region (by code, with its subtree) and year, by category code then organization name. */
    public List<Line> spending(String regionCode, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = from.plusYears(1);
        return sql.rows("WITH k AS (SELECT k.id, k.organization_id, o.name AS organization_name, o.credit_code, "
                + "cat.code AS category_code, cat.name_zh AS category_name, cat.path AS category_path, "
                + "CASE WHEN coalesce(CAST(a.awarded_at AT TIME ZONE 'Asia/Shanghai' AS date), k.starts_on) >= :from "
                + "AND coalesce(CAST(a.awarded_at AT TIME ZONE 'Asia/Shanghai' AS date), k.starts_on) < :to THEN k.amount_fen ELSE 0 END AS awarded, "
                + "(SELECT coalesce(sum(x.amount_fen), 0) FROM payment x WHERE x.contract_id = k.id AND x.paid_on >= :from "
                + "AND x.paid_on < :to) AS paid, "
                + "(SELECT coalesce(sum(m.amount_fen), 0) FROM milestone m WHERE m.contract_id = k.id AND m.withheld "
                + "AND m.due_on >= :from AND m.due_on < :to) AS withheld "
                + "FROM contract k JOIN organization o ON o.id = k.organization_id "
                + "JOIN region br ON br.id = coalesce(k.buyer_region_id, o.region_id) "
                + "LEFT JOIN award a ON a.id = k.award_id "
                + "LEFT JOIN procurement p ON p.id = k.procurement_id LEFT JOIN category cat ON cat.id = p.category_id "
                + "WHERE :region = ANY(br.path) OR EXISTS (SELECT 1 FROM region t WHERE t.code = ANY(p.target_region_codes) "
                + "AND :region = ANY(t.path))) "
                + "SELECT category_code, category_name, organization_id, organization_name, credit_code, "
                + "count(*) FILTER (WHERE awarded > 0 OR paid > 0 OR withheld > 0) AS contracts, "
                + "sum(awarded) AS awarded, sum(paid) AS paid, sum(withheld) AS withheld FROM k "
                + "GROUP BY category_code, category_name, category_path, organization_id, organization_name, credit_code "
                + "HAVING sum(awarded) > 0 OR sum(paid) > 0 OR sum(withheld) > 0 "
                + "ORDER BY category_path NULLS LAST, organization_name, organization_id",
                Map.of("region", regionCode, "from", from, "to", to)).stream()
                .map(row -> new Line(row.string("category_code"), row.string("category_name"), row.string("organization_id"),
                        row.string("organization_name"), row.string("credit_code"), row.longValue("contracts"),
                        row.longValue("awarded"), row.longValue("paid"), row.longValue("withheld")))
                .toList();
    }
}
