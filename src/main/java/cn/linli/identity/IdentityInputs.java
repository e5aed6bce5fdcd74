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
    public record AppointOfficial(@NonNull String subject, @NonNull String regionCode,
            @Description("The government unit the official acts for (采购人), e.g. 兰州市七里河区民政局.") @NonNull String unitName) {
    }

    @Input("RevokeOfficialInput")
    @Description("End an official's appointment.")
    public record RevokeOfficial(@NonNull String subject, String reason) {
    }

    @Input("RegisterEvaluatorInput")
    @Description("Record the agency an evaluator (by token subject) works for.")
    public record RegisterEvaluator(@NonNull String subject, @NonNull String agency) {
    }

    @Input("CommunityWorkerInput")
    @Description("A community worker (by token subject) and the community or grid (by region code) they serve.")
    public record CommunityWorker(
            @Description("The worker's token subject.") @NonNull String subject,
            @Description("Code of a COMMUNITY or GRID region.") @NonNull String regionCode) {
    }
}
