package cn.linli.booking;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Inputs of the resident's side of the feedback loop: rating a resolution, escalating. */
public final class FeedbackInputs {
    private FeedbackInputs() {
    }

    @Input("RateResolutionInput")
    @Description("The submitter's rating of how their feedback was resolved (once, within 15 days of the resolution).")
    public record RateResolution(
            @Description("The feedback.") @Id @NonNull String id,
            @Description("Whether the resolution satisfied you.") @NonNull Boolean satisfied,
            @Description("What you think of it (at most 500 characters).") String comment) {
    }

    @Input("EscalateFeedbackInput")
    @Description("Move unresolved feedback to the officials of the parent region (小事不出小区，大事不出社区).")
    public record Escalate(
            @Description("The feedback.") @Id @NonNull String id,
            @Description("Why it needs the level above (at most 500 characters).") @NonNull String reason) {
    }
}
