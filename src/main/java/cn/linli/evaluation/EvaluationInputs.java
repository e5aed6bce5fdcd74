package cn.linli.evaluation;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Inputs of the evaluation mutations. */
public final class EvaluationInputs {
    private EvaluationInputs() {
    }

    @Input("IndicatorInput")
    public record Indicator(@NonNull String name, @NonNull IndicatorKind kind, int weight) {
    }

    @Input("CreateEvaluationTemplateInput")
    @Description("Weighted indicators summing to 100. Give basedOnTemplateId to make a new version of a template.")
    public record CreateTemplate(@NonNull String name, @NonNull List<Indicator> indicators, @Id String basedOnTemplateId) {
    }

    @Input("ThresholdsInput")
    @Description("Grade thresholds (default 90 / 80 / 60).")
    public record Thresholds(int excellent, int good, int pass) {
    }

    @Input("OutcomePolicyInput")
    @Description("What publishing does (defaults in brackets).")
    public record Policy(
            @Description("不合格: withhold the contract's unpaid milestones [true].") Boolean withholdPayments,
            @Description("不合格: pause the contract's funded listings [true].") Boolean pauseListings,
            @Description("不合格: bar the organization from bidding for this many months [12].") Integer barMonths,
            @Description("不合格 twice in a row: deregister the organization [true].") Boolean deregisterOnSecondFail,
            @Description("Days after publishing within which an appeal may be filed [15].") Integer appealDays) {
    }

    @Input("OpenEvaluationCycleInput")
    @Description("Open a cycle: one evaluation per ACTIVE contract in scope.")
    public record OpenCycle(@NonNull String name, @NonNull LocalDate periodStart, @NonNull LocalDate periodEnd,
            @NonNull String regionCode, String categoryCode, @Id @NonNull String templateId, Thresholds thresholds,
            Policy policy) {
    }

    @Input("AssignEvaluatorInput")
    public record Assign(@Id @NonNull String evaluationId, @NonNull String evaluatorSubject) {
    }

    @Input("ScoreInput")
    public record Score(@Id @NonNull String indicatorId, double score, String comment) {
    }

    @Input("ScoreEvaluationInput")
    @Description("The assigned evaluator scores MANUAL indicators 0–100 with comments, while the cycle is SCORING.")
    public record ScoreEvaluation(@Id @NonNull String evaluationId, @NonNull List<Score> scores) {
    }

    @Input("EvaluationCycleActionInput")
    public record CycleAction(@Id @NonNull String cycleId) {
    }

    @Input("AppealEvaluationInput")
    public record Appeal(@Id @NonNull String evaluationId, @NonNull String reasons) {
    }

    @Input("DecideAppealInput")
    @Description("UPHELD: the grade stands. CHANGED: a new total (and so grade); outcomes are re-applied.")
    public record Decide(@Id @NonNull String appealId, @NonNull AppealDecision decision, Double newTotal, @NonNull String reason) {
    }

    @Input("EvaluationCycleFilter")
    @Description("Which evaluation cycles: all fields optional and ANDed.")
    public record CycleFilter(
            @Description("Cycles of this region and of the regions within it.") String regionCode,
            @Description("Only cycles at this stage. A stage before PUBLISHED needs an official over the region (or, without "
                    + "regionCode, lists the cycles of your jurisdiction).") CycleStatus status,
            @Description("Cycles of this category or one below it, and cycles of the whole region (no category).") String categoryCode) {
    }

    @Input("AppealFilter")
    @Description("Which appeals.")
    public record AppealFilter(
            @Description("Only appeals in this state (PENDING is the queue of decisions to make).") AppealStatus status,
            @Description("Appeals against cycles of this region and the regions within it (default: your jurisdiction).") String regionCode) {
    }
}
