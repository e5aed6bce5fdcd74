package cn.linli.need;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

public final class ServiceNeedInputs {
    private ServiceNeedInputs() {
    }

    @Input("SubmitServiceNeedInput")
    @Description("A need of a community (or grid): the category and, in at most 500 characters, what is missing.")
    public record Submit(
            @Description("The category needed, e.g. `elderly.meal`.") @NonNull String categoryCode,
            @Description("A COMMUNITY or GRID (not a district or street).") @NonNull String regionCode,
            @Description("What is needed, at most 500 characters.") @NonNull String text) {
    }

    @Input("SupportServiceNeedInput")
    @Description("Support a need (附议): once per resident.")
    public record Support(@Id @Description("The need, still OPEN; not one you submitted or supported already.") @NonNull String id) {
    }

    @Input("RespondToServiceNeedInput")
    @Description("An official's answer; a reason (at most 500 characters) is required to decline.")
    public record Respond(
            @Id @Description("The need, OPEN or PLANNED, about a region of your jurisdiction.") @NonNull String id,
            @Description("The answer; it becomes the need's status (it must differ from the current one).") @NonNull ServiceNeedDecision decision,
            @Description("What residents read as the need's response (at most 500 characters): required to decline.") String reason) {
    }
}
