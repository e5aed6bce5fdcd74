package cn.linli.evaluation;

import cn.linli.common.ApiErrors;
import cn.linli.evaluation.EvaluationViews.Appeal;
import cn.linli.evaluation.EvaluationViews.Cycle;
import cn.linli.evaluation.EvaluationViews.Evaluation;
import cn.linli.evaluation.EvaluationViews.Outcome;
import cn.linli.evaluation.EvaluationViews.Score;
import cn.linli.evaluation.EvaluationViews.Template;
import cn.linli.organization.Organization;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/**
 * Evaluation cycles in GraphQL: templates, scoring, publishing with 优胜劣汰 outcomes, appeals, rankings. Only the
 * mapping lives here; the rules, transactions and access checks are {@link EvaluationService}'s and
 * {@link AppealService}'s. Nested fields are batched: one call per field for all the parents of a request.
 */
@GraphQLApi
@ApiErrors
public class EvaluationApi {
    @Inject
    EvaluationService evaluations;
    @Inject
    AppealService appeals;
    @Inject
    EvaluationQueues queues;

    @Mutation("createEvaluationTemplate")
    @Description("Official: weighted indicators summing to 100; with basedOnTemplateId, a new version of that template.")
    public Template createEvaluationTemplate(
            @Name("input") @Description("The template's name and indicators, or the template it is a new version of.") @NonNull EvaluationInputs.CreateTemplate input) {
        return evaluations.createTemplate(input);
    }

    @Mutation("openEvaluationCycle")
    @Description("Official of the region: open a cycle (SCORING) with one evaluation per ACTIVE contract in scope.")
    public Cycle openEvaluationCycle(
            @Name("input") @Description("The period, scope, template, thresholds and policy of the cycle.") @NonNull EvaluationInputs.OpenCycle input) {
        return evaluations.openCycle(input);
    }

    @Mutation("assignEvaluator")
    @Description("Official of the cycle's region: assign a registered evaluator (第三方评估) to an evaluation.")
    public Evaluation assignEvaluator(
            @Name("input") @Description("The evaluation and the evaluator.") @NonNull EvaluationInputs.Assign input) {
        return evaluations.assignEvaluator(input);
    }

    @Mutation("scoreEvaluation")
    @Description("Assigned evaluator: score MANUAL indicators 0–100 with comments while the cycle is SCORING.")
    public List<@NonNull Score> scoreEvaluation(
            @Name("input") @Description("The evaluation and the MANUAL scores.") @NonNull EvaluationInputs.ScoreEvaluation input) {
        return evaluations.score(input);
    }

    @Mutation("closeScoring")
    @Description("Official of the region: SCORING → REVIEW. Computed indicators are computed now, from the period's data.")
    public Cycle closeScoring(
            @Name("input") @Description("The cycle, SCORING.") @NonNull EvaluationInputs.CycleAction input) {
        return evaluations.closeScoring(input);
    }

    @Mutation("publishEvaluationCycle")
    @Description("Official of the region: REVIEW → PUBLISHED; refused while any evaluation lacks a score. Fixes totals, "
            + "grades and ranks and applies the outcome policy (优胜劣汰).")
    public Cycle publishEvaluationCycle(
            @Name("input") @Description("The cycle, REVIEW.") @NonNull EvaluationInputs.CycleAction input) {
        return evaluations.publish(input);
    }

    @Mutation("appealEvaluation")
    @Description("OWNER of the organization: appeal (复核) a published evaluation within the cycle's window (default 15 days).")
    public Appeal appealEvaluation(
            @Name("input") @Description("The evaluation and the reasons.") @NonNull EvaluationInputs.Appeal input) {
        return appeals.file(input);
    }

    @Mutation("decideAppeal")
    @Description("Official of the region who did not score it: UPHELD (grade stands) or CHANGED (new total and grade; "
            + "outcomes are re-applied: bars lifted, payments released, listings resumed, or the reverse).")
    public Appeal decideAppeal(
            @Name("input") @Description("The appeal, the decision and the reason.") @NonNull EvaluationInputs.Decide input) {
        return appeals.decide(input);
    }

    @Query("evaluationCycle")
    @NonNull
    @Description("A cycle. Anyone sees published cycles; officials of its region see it at any stage.")
    public Cycle evaluationCycle(
            @Name("id") @Description("The cycle's id; NOT_FOUND when unknown or not visible to you.") @NonNull @Id String id) {
        return evaluations.visibleCycle(id);
    }

    @Query("evaluationCycles")
    @NonNull
    @Description("Evaluation cycles, the latest period first: published ones for anyone; officials also see the cycles of "
            + "their jurisdiction at every stage (filter by status for a work queue: SCORING, REVIEW).")
    public EvaluationViews.CycleConnection evaluationCycles(
            @Name("filter") @Description("Which cycles (all optional).") EvaluationInputs.CycleFilter filter,
            @Name("first") @Description("How many (at most 100, default 20).") Integer first,
            @Name("after") @Description("The cursor after which the page starts.") String after) {
        return queues.cycles(filter, first, after);
    }

    @Query("evaluationTemplates")
    @NonNull
    @Description("Official: the templates a cycle of the region may use (those of the region and the regions above it) and "
            + "those made within it, by family, newest version first.")
    public List<@NonNull Template> evaluationTemplates(
            @Name("regionCode") @Description("The region (default: your jurisdiction); it must be within your jurisdiction.") String regionCode) {
        return queues.templates(regionCode);
    }

    @Query("appeals")
    @NonNull
    @Description("Official: appeals (复核) against cycles of your jurisdiction, the longest waiting first; "
            + "filter PENDING for the decisions to make.")
    public EvaluationViews.AppealConnection appealQueue(
            @Name("filter") @Description("Which appeals (all optional).") EvaluationInputs.AppealFilter filter,
            @Name("first") @Description("How many (at most 100, default 20).") Integer first,
            @Name("after") @Description("The cursor after which the page starts.") String after) {
        return queues.appeals(filter, first, after);
    }

    @NonNull
    @Description("Evaluator: the evaluations assigned to you (第三方评估), newest first. FORBIDDEN for other roles.")
    public EvaluationViews.EvaluationConnection evaluatorAssignments(@Source cn.linli.identity.Me me,
            @Name("open") @Description("Only those of cycles still SCORING (what waits for your scores).") Boolean open,
            @Name("first") @Description("How many (at most 100, default 20).") Integer first,
            @Name("after") @Description("The cursor after which the page starts.") String after) {
        return queues.assignments(open, first, after);
    }

    // totalCount of the pages: a source field so that it is counted on a worker thread, and only when asked for
    @Description("How many cycles match the filter in all, over every page (counted only when asked for).")
    public int totalCount(@Source EvaluationViews.CycleConnection page) {
        return page.total().getAsInt();
    }

    @Description("How many appeals match the filter in all, over every page (counted only when asked for).")
    public int totalCount(@Source EvaluationViews.AppealConnection page) {
        return page.total().getAsInt();
    }

    @Description("How many evaluations are assigned in all (with open: still scoring), over every page (counted only when asked for).")
    public int totalCount(@Source EvaluationViews.EvaluationConnection page) {
        return page.total().getAsInt();
    }

    @Query("evaluations")
    @NonNull
    @Description("The evaluations of a cycle, best first: public once published; officials of the region see them before; "
            + "evaluators see those assigned to them.")
    public List<@NonNull Evaluation> evaluations(
            @Name("cycleId") @Description("The cycle; NOT_FOUND when unknown or not visible to you.") @NonNull @Id String cycleId) {
        return evaluations.evaluationsOf(cycleId);
    }

    @Query("rankings")
    @NonNull
    @Description("Published evaluations of a cycle in a region (and category), best total first: what 优胜 means to residents.")
    public List<@NonNull Evaluation> rankings(
            @Name("regionCode") @Description("Organizations based in this region or below it.") @NonNull String regionCode,
            @Name("categoryCode") @Description("Only contracts of procurements in this category or below it (none: every category).")
            String categoryCode,
            @Name("cycleId") @Description("The cycle; empty until it is published.") @NonNull @Id String cycleId) {
        return evaluations.rankings(regionCode, categoryCode, cycleId);
    }

    @NonNull
    @Description("Indicator scores in the template's order: public once published, before that for officials of the region, "
            + "the organization's members and assigned evaluators. Manual comments only for those.")
    public List<List<@NonNull Score>> scores(@Source List<Evaluation> list) {
        return evaluations.scores(list);
    }

    @NonNull
    @Description("Outcomes applied (and lifted) for this evaluation.")
    public List<List<@NonNull Outcome>> outcomes(@Source List<Evaluation> list) {
        return evaluations.outcomes(list);
    }

    @NonNull
    @Description("Appeals against this evaluation.")
    public List<List<@NonNull Appeal>> appeals(@Source List<Evaluation> list) {
        return appeals.appeals(list);
    }

    @NonNull
    @Description("Published evaluations of the organization, best total first: grades, outcomes and appeals.")
    public List<List<@NonNull Evaluation>> evaluationHistory(@Source List<Organization> list) {
        return evaluations.history(list);
    }
}
