package cn.linli.evaluation;

import cn.linli.evaluation.EvaluationViews.Cycle;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;

/**
 * What a cycle's stored thresholds and policy say, for those outside this package that print them (the 公示 page):
 * the grade thresholds, what 不合格 does under this cycle's policy and until when appeals may be filed.
 */
public record CycleTerms(int excellent, int good, int pass, boolean withholdPayments, boolean pauseListings, int barMonths,
        boolean deregisterOnSecondFail, int appealDays, OffsetDateTime appealUntil) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The terms of a cycle; {@code appealUntil} is null until it is published (the window runs from publishing). */
    public static CycleTerms of(Cycle cycle) {
        try {
            Policy.Thresholds thresholds = Policy.Thresholds.of(JSON.readTree(cycle.thresholds()));
            Policy policy = Policy.of(JSON.readTree(cycle.policy()));
            return new CycleTerms(thresholds.excellent(), thresholds.good(), thresholds.pass(), policy.withholdPayments(),
                    policy.pauseListings(), policy.barMonths(), policy.deregisterOnSecondFail(), policy.appealDays(),
                    cycle.publishedAt() == null ? null : cycle.publishedAt().plusDays(policy.appealDays()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored cycle terms do not parse", e);
        }
    }
}
