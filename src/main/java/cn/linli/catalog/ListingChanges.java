package cn.linli.catalog;

import cn.linli.common.Row;
import cn.linli.common.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The changes other contexts make to service listings, as named operations of the package that owns the
 * {@code service_listing} table (evaluation's sanctions, procurement's funding link). Each records why and bumps
 * the listing's version, so that a console holding an older version gets CONFLICT rather than undoing it.
 */
@ApplicationScoped
public class ListingChanges {
    @Inject
    Sql sql;

    /** A listing and the status it had, to restore it exactly. */
    public record Previous(long id, String status) {
    }

    /** Pauses the contract's published listings for a 不合格 outcome; they stay paused until the outcome is lifted. */
    public List<Long> pauseForOutcome(long contractId, long outcomeId) {
        return ids(sql.rows("UPDATE service_listing SET status = 'PAUSED', paused_by_outcome_id = :outcome, updated_at = now(), "
                + "version = version + 1 WHERE contract_id = :contract AND status = 'PUBLISHED' RETURNING id",
                Map.of("contract", contractId, "outcome", outcomeId)));
    }

    /** Lifts an outcome's pause: its listings that are still paused by it are published again. */
    public List<Long> liftOutcome(long outcomeId) {
        List<Long> published = ids(sql.rows("UPDATE service_listing SET status = 'PUBLISHED', paused_by_outcome_id = NULL, "
                + "updated_at = now(), version = version + 1 WHERE paused_by_outcome_id = :outcome AND status = 'PAUSED' RETURNING id",
                Map.of("outcome", outcomeId)));
        // withdrawn since: the pause no longer matters, but the mark must not outlive the outcome
        sql.update("UPDATE service_listing SET paused_by_outcome_id = NULL WHERE paused_by_outcome_id = :outcome",
                Map.of("outcome", outcomeId));
        return published;
    }

    /** Withdraws every listing of a deregistered organization; returns what each was, to restore. */
    public List<Previous> withdrawAllOf(long organizationId) {
        List<Previous> previous = new ArrayList<>();
        for (Row row : sql.rows("SELECT id, status FROM service_listing WHERE organization_id = :o AND status <> 'WITHDRAWN' "
                + "FOR UPDATE", Map.of("o", organizationId))) {
            previous.add(new Previous(row.longValue("id"), row.string("status")));
        }
        sql.update("UPDATE service_listing SET status = 'WITHDRAWN', updated_at = now(), version = version + 1 "
                + "WHERE organization_id = :o AND status <> 'WITHDRAWN'", Map.of("o", organizationId));
        return previous;
    }

    /** Restores listings withdrawn by {@link #withdrawAllOf} that nobody has changed since. */
    public void restore(List<Previous> listings) {
        for (Previous listing : listings) {
            sql.update("UPDATE service_listing SET status = :status, updated_at = now(), version = version + 1 "
                    + "WHERE id = :id AND status = 'WITHDRAWN'", Map.of("status", listing.status(), "id", listing.id()));
        }
    }

    /** Marks a listing as funded by a contract (政府购买服务). */
    public void linkToContract(long listingId, long contractId) {
        sql.update("UPDATE service_listing SET contract_id = :contract, updated_at = now(), version = version + 1 WHERE id = :id",
                Map.of("contract", contractId, "id", listingId));
    }

    private static List<Long> ids(List<Row> rows) {
        return rows.stream().map(row -> row.longValue("id")).toList();
    }

    /**
     * Adds {@code rating} stars over {@code count} reviews (negative to take a hidden review out) to the running
     * totals; the increment is re-applied to the latest row version when updates queue.
     */
    public void addRating(long id, int rating, int count) {
        sql.update("UPDATE service_listing SET rating_total = rating_total + :rating, rating_count = rating_count + :count, "
                + "rating_average = CASE WHEN rating_count + :count = 0 THEN NULL "
                + "ELSE round((rating_total + :rating)::numeric / (rating_count + :count), 2) END WHERE id = :id",
                Map.of("rating", rating, "count", count, "id", id));
    }
}
