package cn.linli.evaluation;

import cn.linli.common.Row;
import cn.linli.common.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The computed indicators, from the data of the cycle's period only, stored with their inputs so anyone can
 * recompute them. Reviews, bookings, service records and feedback count for a contract when they were made for
 * its listings. COMPLETION counts only verified service records (confirmed by the person served or by a spot
 * check), never the organization's own word.
 */
@ApplicationScoped
public class Indicators {
    static final int ANSWER_DAYS = 7;

    @Inject
    Sql sql;
    @Inject
    ObjectMapper json;

    void compute(long evaluationId, long cycleId) {
        Row context = sql.rows("SELECT e.contract_id, e.organization_id, c.period_start, c.period_end, k.starts_on, k.ends_on, "
                + "(SELECT coalesce(sum((t ->> 'quantity')::bigint), 0) FROM jsonb_array_elements(k.service_targets) t) AS target "
                + "FROM evaluation e JOIN evaluation_cycle c ON c.id = e.cycle_id JOIN contract k ON k.id = e.contract_id "
                + "WHERE e.id = :e", Map.of("e", evaluationId)).get(0);
        long contract = context.longValue("contract_id");
        long organization = context.longValue("organization_id");
        LocalDate start = context.date("period_start");
        LocalDate end = context.date("period_end");
        OffsetDateTime from = start.atStartOfDay(Row.CHINA).toOffsetDateTime();
        OffsetDateTime to = end.plusDays(1).atStartOfDay(Row.CHINA).toOffsetDateTime();
        Map<String, Object> period = Map.of("contract", contract, "from", from, "to", to);

        Row reviews = sql.rows("SELECT count(*) AS n, coalesce(avg(rating), 0) AS mean FROM review WHERE contract_id = :contract "
                + "AND NOT hidden AND created_at >= :from AND created_at < :to", period).get(0);
        long completed = sql.rows("SELECT count(*) AS n FROM booking WHERE contract_id = :contract AND status = 'COMPLETED' "
                + "AND slot_start >= :from AND slot_start < :to", period).get(0).longValue("n");
        // evidence of delivery: service records, and which of them the person served (or a spot check) confirmed
        Row deliveries = sql.rows("SELECT count(*) AS delivered, count(*) FILTER (WHERE " + cn.linli.delivery.DeliveryService.verified("d")
                + ") AS verified, count(*) FILTER (WHERE d.confirmation = 'CONFIRMED') AS confirmed, "
                + "count(*) FILTER (WHERE d.off_site) AS off_site FROM service_delivery d WHERE d.contract_id = :contract "
                + "AND d.started_at >= :from AND d.started_at < :to", period).get(0);
        long delivered = deliveries.longValue("delivered");
        long verified = deliveries.longValue("verified");
        long confirmed = deliveries.longValue("confirmed");
        double offSiteShare = delivered == 0 ? 0 : round(deliveries.longValue("off_site") * 100.0 / delivered);
        Map<String, Object> feedbackScope = Map.of("contract", contract, "organization", organization, "from", from, "to", to);
        String feedback = " FROM feedback WHERE (contract_id = :contract OR contract_id IS NULL AND organization_id = :organization) "
                + "AND created_at >= :from AND created_at < :to";
        long upheld = sql.rows("SELECT count(*) AS n" + feedback + " AND kind = 'COMPLAINT' AND upheld", feedbackScope).get(0).longValue("n");
        Row answered = sql.rows("SELECT count(*) AS n, count(*) FILTER (WHERE coalesce(responded_at, resolved_at) <= created_at + "
                + "make_interval(days => " + ANSWER_DAYS + ")) AS answered, count(*) FILTER (WHERE rated_at IS NOT NULL) AS rated, "
                + "count(*) FILTER (WHERE rated_at IS NOT NULL AND satisfied) AS satisfied" + feedback, feedbackScope).get(0);

        for (Row indicator : sql.rows("SELECT i.id, i.kind FROM evaluation_indicator i JOIN evaluation_cycle c ON c.template_id = i.template_id "
                + "WHERE c.id = :c AND i.kind <> 'MANUAL'", Map.of("c", cycleId))) {
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("periodStart", start.toString());
            inputs.put("periodEnd", end.toString());
            double score;
            switch (IndicatorKind.valueOf(indicator.string("kind"))) {
                case SATISFACTION -> {
                    long n = reviews.longValue("n");
                    double mean = reviews.decimal("mean").doubleValue();
                    inputs.put("reviews", n);
                    inputs.put("meanRating", round(mean));
                    score = n == 0 ? 60 : mean * 20;
                }
                case COMPLETION -> {
                    long target = context.longValue("target");
                    long termDays = ChronoUnit.DAYS.between(context.date("starts_on"), context.date("ends_on")) + 1;
                    LocalDate overlapStart = start.isAfter(context.date("starts_on")) ? start : context.date("starts_on");
                    LocalDate overlapEnd = end.isBefore(context.date("ends_on")) ? end : context.date("ends_on");
                    long overlap = Math.max(0, ChronoUnit.DAYS.between(overlapStart, overlapEnd) + 1);
                    double periodTarget = termDays <= 0 ? 0 : target * (double) overlap / termDays;
                    inputs.put("verifiedDeliveries", verified);
                    inputs.put("deliveries", delivered);
                    inputs.put("offSitePercent", offSiteShare);
                    inputs.put("contractTarget", target);
                    inputs.put("periodTarget", round(periodTarget));
                    score = periodTarget <= 0 ? 100 : Math.min(100, verified * 100.0 / periodTarget);
                }
                case CONFIRMATION_RATE -> {
                    inputs.put("deliveries", delivered);
                    inputs.put("confirmedByResidents", confirmed);
                    inputs.put("offSitePercent", offSiteShare);
                    score = delivered == 0 ? 0 : confirmed * 100.0 / delivered;
                }
                case COMPLAINTS -> {
                    double per100 = upheld * 100.0 / Math.max(1, completed);
                    inputs.put("upheldComplaints", upheld);
                    inputs.put("completedBookings", completed);
                    inputs.put("upheldPer100Bookings", round(per100));
                    score = Math.max(0, 100 - 20 * per100);
                }
                case RESPONSIVENESS -> {
                    long n = answered.longValue("n");
                    inputs.put("feedback", n);
                    inputs.put("answeredWithin7Days", answered.longValue("answered"));
                    score = n == 0 ? 100 : answered.longValue("answered") * 100.0 / n;
                    // the residents' word on the resolutions they rated: with any rated, 30% of the score
                    long rated = answered.longValue("rated");
                    inputs.put("ratedResolutions", rated);
                    inputs.put("satisfiedResolutions", answered.longValue("satisfied"));
                    if (rated > 0) {
                        double satisfiedShare = answered.longValue("satisfied") * 100.0 / rated;
                        inputs.put("satisfiedPercent", round(satisfiedShare));
                        score = 0.7 * score + 0.3 * satisfiedShare;
                    }
                }
                default -> throw new IllegalStateException();
            }
            try {
                sql.update("INSERT INTO evaluation_score (evaluation_id, indicator_id, score, inputs, scored_by) VALUES "
                        + "(:e, :i, :score, CAST(:inputs AS jsonb), 'computed') ON CONFLICT (evaluation_id, indicator_id) DO UPDATE "
                        + "SET score = excluded.score, inputs = excluded.inputs, scored_at = now()",
                        Map.of("e", evaluationId, "i", indicator.longValue("id"), "score", round(score), "inputs", json.writeValueAsString(inputs)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
