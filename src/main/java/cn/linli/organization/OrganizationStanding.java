package cn.linli.organization;

import cn.linli.audit.AuditLog;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.common.ValidationException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An organization's standing as other contexts need to change or test it: the sanctions of 优胜劣汰 (a bar from
 * bids and awards, deregistration, the 优秀 badge) and the rules that decide whether it may bid or be awarded
 * now. This package owns the {@code organization} table; evaluation and procurement call these methods instead
 * of writing it. Every change bumps the row's version, so a console holding an older one gets CONFLICT.
 */
@ApplicationScoped
public class OrganizationStanding {
    @Inject
    Sql sql;
    @Inject
    AuditLog audit;

    /** ACTIVE, or BARRED while a bar until {@code barredUntil} runs (the bar ends after that day). */
    public static OrganizationStatus activeStatus(LocalDate barredUntil) {
        return barredUntil != null && !barredUntil.isBefore(LocalDate.now(Row.CHINA)) ? OrganizationStatus.BARRED
                : OrganizationStatus.ACTIVE;
    }

    /** Bars the organization until {@code until} (a later bar already running stays); returns the bar before. */
    public LocalDate bar(long organizationId, LocalDate until) {
        Row organization = sql.rows("SELECT barred_until FROM organization WHERE id = :id FOR UPDATE", Map.of("id", organizationId))
                .get(0);
        LocalDate previous = organization.date("barred_until");
        if (previous == null || previous.isBefore(until)) {
            sql.update("UPDATE organization SET barred_until = :until, updated_at = now(), version = version + 1 WHERE id = :id",
                    Map.of("until", until, "id", organizationId));
        }
        syncBarStatus(organizationId);
        return previous;
    }

    /** Lifts the bar until {@code until} (if it is still the one in force), restoring the one before it. */
    public void liftBar(long organizationId, LocalDate until, LocalDate previous) {
        sql.update("UPDATE organization SET barred_until = CAST(nullif(:previous, '') AS date), updated_at = now(), "
                + "version = version + 1 WHERE id = :id AND barred_until = :until",
                Map.of("id", organizationId, "until", until, "previous", previous == null ? "" : previous.toString()));
        syncBarStatus(organizationId);
    }

    /** ACTIVE ↔ BARRED as the bar says; other statuses (suspended, pending …) keep the bar for later. */
    private void syncBarStatus(long organizationId) {
        sql.update("UPDATE organization SET status = CASE WHEN barred_until >= :today THEN 'BARRED' ELSE 'ACTIVE' END, "
                + "updated_at = now(), version = version + 1 WHERE id = :id AND status IN ('ACTIVE', 'BARRED') "
                + "AND status <> CASE WHEN barred_until >= :today THEN 'BARRED' ELSE 'ACTIVE' END",
                Map.of("id", organizationId, "today", LocalDate.now(Row.CHINA)));
    }

    /**
     * Bars that have ended are lifted by themselves: every instance runs this, and the one conditional UPDATE
     * makes it safe to run anywhere, any number of times.
     */
    @Scheduled(every = "${linli.jobs.every:10m}", delayed = "${linli.jobs.delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void liftEndedBarsRegularly() {
        liftEndedBars();
    }

    /** Returns how many bars were lifted. */
    @Transactional
    public int liftEndedBars() {
        List<Row> lifted = sql.rows("UPDATE organization SET status = 'ACTIVE', updated_at = now(), version = version + 1 "
                + "WHERE status = 'BARRED' AND (barred_until IS NULL OR barred_until < :today) RETURNING id, region_id, barred_until",
                Map.of("today", LocalDate.now(Row.CHINA)));
        for (Row organization : lifted) {
            audit.recordBySystem(new AuditLog.Change("barEnded", "Organization", organization.longValue("id"),
                    organization.longValue("id"), organization.longValue("region_id"), null, Map.of("status", OrganizationStatus.BARRED),
                    Map.of("status", OrganizationStatus.ACTIVE)));
        }
        return lifted.size();
    }

    /** Deregisters the organization (连续两次不合格); returns the status it had. */
    public String deregister(long organizationId, String reason) {
        String status = sql.rows("SELECT status FROM organization WHERE id = :id FOR UPDATE", Map.of("id", organizationId))
                .get(0).string("status");
        sql.update("UPDATE organization SET status = 'DEREGISTERED', status_reason = :reason, updated_at = now(), "
                + "version = version + 1 WHERE id = :id", Map.of("id", organizationId, "reason", reason));
        return status;
    }

    /** Undoes a deregistration (an appeal changed the grade): the status it had, the bar as it is now. */
    public void restore(long organizationId, String previousStatus) {
        sql.update("UPDATE organization SET status = :status, status_reason = NULL, updated_at = now(), version = version + 1 "
                + "WHERE id = :id AND status = 'DEREGISTERED'", Map.of("status", previousStatus, "id", organizationId));
        syncBarStatus(organizationId);
    }

    public void setExcellentBadge(long organizationId, boolean badge) {
        sql.update("UPDATE organization SET excellent_badge = :badge, updated_at = now(), version = version + 1 WHERE id = :id",
                Map.of("badge", badge, "id", organizationId));
    }

    /**
     * The rules an organization must meet to bid, be awarded or be renewed, at this moment: active (not barred,
     * suspended or deregistered), a valid rating level of at least {@code minRatingLevel}, serving the category.
     * VALIDATION on {@code field} naming the rule otherwise.
     */
    public void requireEligible(long organizationId, Integer minRatingLevel, String categoryCode, String field) {
        List<Row> rows = sql.rows("SELECT status, barred_until, rating_level, rating_expires_on, "
                + "array_to_string(service_category_codes, ',') AS categories FROM organization WHERE id = :id",
                Map.of("id", organizationId));
        if (rows.isEmpty()) {
            throw new ValidationException(field, "error.organization.unknown");
        }
        Row organization = rows.get(0);
        LocalDate today = LocalDate.now(Row.CHINA);
        LocalDate barredUntil = organization.date("barred_until");
        if (barredUntil != null && !barredUntil.isBefore(today)) {
            throw new ValidationException(field, "error.bid.barred", barredUntil.toString());
        }
        if (!"ACTIVE".equals(organization.string("status"))) {
            throw new ValidationException(field, "error.bid.notActive");
        }
        if (minRatingLevel != null) {
            Integer level = organization.intValue("rating_level");
            LocalDate expires = organization.date("rating_expires_on");
            if (level == null || level < minRatingLevel || expires == null || expires.isBefore(today)) {
                throw new ValidationException(field, "error.bid.rating", minRatingLevel + "A");
            }
        }
        if (categoryCode != null && !serves(organization.list("categories"), categoryCode)) {
            throw new ValidationException(field, "error.bid.category", categoryCode);
        }
    }

    /** An organization serves a category when it lists that category or one above or below it. */
    static boolean serves(List<String> organizationCategories, String categoryCode) {
        for (String code : organizationCategories) {
            if (code.equals(categoryCode) || categoryCode.startsWith(code + ".") || code.startsWith(categoryCode + ".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds {@code rating} stars over {@code count} reviews (negative to take a hidden review out) to the running
     * totals; the increment is re-applied to the latest row version when updates queue.
     */
    public void addRating(long id, int rating, int count) {
        sql.update("UPDATE organization SET rating_total = rating_total + :rating, rating_count = rating_count + :count, "
                + "rating_average = CASE WHEN rating_count + :count = 0 THEN NULL "
                + "ELSE round((rating_total + :rating)::numeric / (rating_count + :count), 2) END WHERE id = :id",
                Map.of("rating", rating, "count", count, "id", id));
    }
}
