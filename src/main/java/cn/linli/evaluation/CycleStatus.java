package cn.linli.evaluation;

import org.eclipse.microprofile.graphql.Description;

@Description("SCORING → REVIEW (computed indicators fixed) → PUBLISHED (totals, grades, ranks and outcomes fixed).")
public enum CycleStatus {
    SCORING, REVIEW, PUBLISHED
}
