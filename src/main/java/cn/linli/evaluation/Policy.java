package cn.linli.evaluation;

import cn.linli.common.Inputs;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

/**
 * What a cycle's grades mean and do, with the defaults in one place: the thresholds of 优秀 / 良好 / 合格 and the
 * consequences of 不合格 (withhold payments, pause funded listings, bar from bidding for some months, deregister
 * on a second failure), and how long appeals stay open. A cycle stores its own copy (its policy and thresholds
 * JSON), so a later change of defaults never changes a published cycle.
 */
@Type("OutcomePolicy")
@Description("What a 不合格 (FAIL) grade does under a cycle, and how long appeals stay open (优胜劣汰); fixed when the "
        + "cycle opens, so a later change of the defaults never changes it.")
public record Policy(
        @Description("Withhold the failed contract's unpaid milestones (default true).") boolean withholdPayments,
        @Description("Pause the failed contract's funded listings until the outcome is lifted (default true).") boolean pauseListings,
        @Description("Bar the organization from bidding for this many months, 0–120 (default 12; 0: no bar).") int barMonths,
        @Description("Deregister the organization when it fails twice in a row (default true).") boolean deregisterOnSecondFail,
        @Description("Days after publishing within which an appeal may be filed, 1–90 (default 15).") int appealDays) {
    static final int BAR_MONTHS = 12;
    static final int APPEAL_DAYS = 15;
    static final Thresholds THRESHOLDS = new Thresholds(90, 80, 60);

    /** Totals at or above which a grade is given (0–100). */
    @Type("GradeThresholds")
    @Description("The totals (0–100) at or above which a cycle gives each grade: 优秀 (EXCELLENT) ≥ excellent, 良好 (GOOD) "
            + "≥ good, 合格 (PASS) ≥ pass, 不合格 (FAIL) below; default 90 / 80 / 60.")
    public record Thresholds(
            @Description("The lowest total graded 优秀 (EXCELLENT).") int excellent,
            @Description("The lowest total graded 良好 (GOOD).") int good,
            @Description("The lowest total graded 合格 (PASS); below it 不合格 (FAIL).") int pass) {
        static Thresholds of(JsonNode node) {
            return new Thresholds(node.path("excellent").asInt(THRESHOLDS.excellent()),
                    node.path("good").asInt(THRESHOLDS.good()), node.path("pass").asInt(THRESHOLDS.pass()));
        }

        Grade grade(double total) {
            if (total >= excellent) {
                return Grade.EXCELLENT;
            }
            if (total >= good) {
                return Grade.GOOD;
            }
            return total >= pass ? Grade.PASS : Grade.FAIL;
        }

        boolean ordered() {
            return excellent > good && good > pass && pass > 0 && excellent <= 100;
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("excellent", excellent);
            map.put("good", good);
            map.put("pass", pass);
            return map;
        }
    }

    /** A stored policy; absent values take the defaults. */
    static Policy of(JsonNode node) {
        return new Policy(node.path("withholdPayments").asBoolean(true), node.path("pauseListings").asBoolean(true),
                node.path("barMonths").asInt(BAR_MONTHS), node.path("deregisterOnSecondFail").asBoolean(true),
                node.path("appealDays").asInt(APPEAL_DAYS));
    }

    /** The policy an official asked for when opening a cycle, checked, defaults filled in. */
    static Policy of(EvaluationInputs.Policy input) {
        if (input == null) {
            return new Policy(true, true, BAR_MONTHS, true, APPEAL_DAYS);
        }
        return new Policy(input.withholdPayments() == null || input.withholdPayments(),
                input.pauseListings() == null || input.pauseListings(),
                input.barMonths() == null ? BAR_MONTHS : Inputs.range(input.barMonths(), "input.policy.barMonths", 0, 120, BAR_MONTHS),
                input.deregisterOnSecondFail() == null || input.deregisterOnSecondFail(),
                input.appealDays() == null ? APPEAL_DAYS : Inputs.range(input.appealDays(), "input.policy.appealDays", 1, 90, APPEAL_DAYS));
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("withholdPayments", withholdPayments);
        map.put("pauseListings", pauseListings);
        map.put("barMonths", barMonths);
        map.put("deregisterOnSecondFail", deregisterOnSecondFail);
        map.put("appealDays", appealDays);
        return map;
    }
}
