package cn.linli.evaluation;

import cn.linli.evaluation.EvaluationViews.Cycle;
import java.time.OffsetDateTime;

/**
 * What a cycle's stored thresholds and policy say, for those outside this package that print them (the 公示 page):
 * the grade thresholds, what 不合格 does under this cycle's policy and until when appeals may be filed.
 */
public record CycleTerms(int excellent, int good, int pass, boolean withholdPayments, boolean pauseListings, int barMonths,
        boolean deregisterOnSecondFail, int appealDays, OffsetDateTime appealUntil) {
    /** The terms of a cycle; {@code appealUntil} is null until it is published (the window runs from publishing). */
    public static CycleTerms of(Cycle cycle) {
        Policy.Thresholds thresholds = cycle.thresholds();
        Policy policy = cycle.policy();
        return new CycleTerms(thresholds.excellent(), thresholds.good(), thresholds.pass(), policy.withholdPayments(),
                policy.pauseListings(), policy.barMonths(), policy.deregisterOnSecondFail(), policy.appealDays(),
                cycle.publishedAt() == null ? null : cycle.publishedAt().plusDays(policy.appealDays()));
    }
}
