package cn.linli.identity;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Inputs of the identity mutations. */
public final class IdentityInputs {
    private IdentityInputs() {
    }

    @Input("AppointOfficialInput")
    @Description("Appoint an official (by token subject) to govern a region and its subtree; replaces an earlier appointment.")
    public record AppointOfficial(
            @Description("The official's token subject (at most 200 characters).") @NonNull String subject,
            @Description("Code of the region to govern; its whole subtree comes with it.") @NonNull String regionCode,
            @Description("The government unit the official acts for (采购人), e.g. 兰州市七里河区民政局.") @NonNull String unitName) {
    }

    @Input("RevokeOfficialInput")
    @Description("End an official's appointment.")
    public record RevokeOfficial(
            @Description("The official's token subject.") @NonNull String subject,
            @Description("Why (at most 500 characters); recorded in the audit trail.") String reason) {
    }

    @Input("RegisterEvaluatorInput")
    @Description("Record the agency an evaluator (by token subject) works for.")
    public record RegisterEvaluator(
            @Description("The evaluator's token subject (at most 200 characters).") @NonNull String subject,
            @Description("The agency's name (第三方评估机构, at most 100 characters).") @NonNull String agency) {
    }

    @Input("CommunityWorkerInput")
    @Description("A community worker (by token subject) and the community or grid (by region code) they serve.")
    public record CommunityWorker(
            @Description("The worker's token subject.") @NonNull String subject,
            @Description("Code of a COMMUNITY or GRID region.") @NonNull String regionCode) {
    }
}
