package cn.linli.procurement;

import cn.linli.common.Row;
import cn.linli.common.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * What an evaluation's grade does to a contract and to bids, as named operations of the package that owns the
 * {@code contract}, {@code milestone} and {@code bid} tables (evaluation calls these instead of writing them).
 */
@ApplicationScoped
public class ContractOutcomes {
    @Inject
    Sql sql;

    /** The milestones withheld, and whether the contract's payments were withheld already before. */
    public record Withheld(List<Long> milestoneIds, boolean contractWasWithheld) {
    }

    public void setLatestGrade(long contractId, String grade) {
        sql.update("UPDATE contract SET latest_grade = :grade, updated_at = now() WHERE id = :id",
                Map.of("grade", grade, "id", contractId));
    }

    /** Withholds the contract's unpaid milestones: no payment on them until {@link #release} (recordPayment refuses). */
    public Withheld withholdUnpaid(long contractId) {
        boolean wasWithheld = sql.rows("SELECT payments_withheld FROM contract WHERE id = :c FOR UPDATE", Map.of("c", contractId))
                .get(0).bool("payments_withheld");
        List<Long> milestones = ids(sql.rows("UPDATE milestone m SET withheld = true WHERE contract_id = :c AND NOT withheld "
                + "AND NOT EXISTS (SELECT 1 FROM payment x WHERE x.milestone_id = m.id) RETURNING id", Map.of("c", contractId)));
        sql.update("UPDATE contract SET payments_withheld = true, updated_at = now() WHERE id = :c", Map.of("c", contractId));
        return new Withheld(milestones, wasWithheld);
    }

    /** Undoes {@link #withholdUnpaid}: exactly those milestones, and the contract flag only if it set it. */
    public void release(long contractId, List<Long> milestoneIds, boolean contractWasWithheld) {
        for (long id : milestoneIds) {
            sql.update("UPDATE milestone SET withheld = false WHERE id = :id AND contract_id = :c", Map.of("id", id, "c", contractId));
        }
        if (!contractWasWithheld) {
            sql.update("UPDATE contract SET payments_withheld = false, updated_at = now() WHERE id = :c", Map.of("c", contractId));
        }
    }

    /** 优秀: the contract may be renewed without a tender (renewContract). */
    public void setRenewalEligible(long contractId, boolean eligible) {
        sql.update("UPDATE contract SET renewal_eligible = :eligible, updated_at = now() WHERE id = :c",
                Map.of("eligible", eligible, "c", contractId));
    }

    /** Withdraws the organization's live bids (it was deregistered); returns their ids. */
    public List<Long> withdrawLiveBids(long organizationId) {
        return ids(sql.rows("UPDATE bid SET status = 'WITHDRAWN', withdrawn_at = now() WHERE organization_id = :o "
                + "AND status = 'SUBMITTED' RETURNING id", Map.of("o", organizationId)));
    }

    private static List<Long> ids(List<Row> rows) {
        return rows.stream().map(row -> row.longValue("id")).toList();
    }
}
