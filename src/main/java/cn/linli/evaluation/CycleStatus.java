package cn.linli.evaluation;

import org.eclipse.microprofile.graphql.Description;

@Description("SCORING → REVIEW (computed indicators fixed) → PUBLISHED (totals, grades, ranks and outcomes fixed).")
public enum CycleStatus {
    @Description("Open: assigned evaluators score the MANUAL indicators; seen only by officials over the region (and "
            + "evaluators, their own evaluations).") SCORING,
    @Description("Scoring closed, computed indicators computed from the period's data; the officials review before "
            + "publishing.") REVIEW,
    @Description("Public: totals, grades and ranks fixed and the outcomes applied; appeals may be filed within the window.")
    PUBLISHED
}
