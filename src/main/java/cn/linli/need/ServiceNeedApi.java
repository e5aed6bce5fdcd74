package cn.linli.need;

import cn.linli.common.ApiErrors;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Residents' needs (群众事、群众议、群众定): GraphQL onto {@link ServiceNeeds}. */
@GraphQLApi
@ApiErrors
public class ServiceNeedApi {
    @Inject
    ServiceNeeds needs;

    @Query("serviceNeeds")
    @NonNull
    @Description("Public: the needs about a region's subtree, newest first, a page at a time, with their count and supporters. "
            + "A need's text is for the officials over its region and the community workers of its community (null for others); "
            + "who submitted or supported a need is never shown.")
    public ServiceNeedConnection serviceNeeds(
            @Name("regionCode") @Description("A region; its whole subtree is searched.") @NonNull String regionCode,
            @Name("categoryCode") @Description("A category; its descendants match too.") String categoryCode,
            @Name("status") @Description("Only needs in this status.") ServiceNeedStatus status,
            @Name("first") @Description("How many (at most 100, default 20).") Integer first,
            @Name("after") @Description("The cursor after which the page starts.") String after) {
        return needs.needs(regionCode, categoryCode, status, first, after);
    }

    @Mutation("submitServiceNeed")
    @Description("Residents, and community workers for the community they serve: say what a community (or grid) needs. "
            + "One OPEN need per resident, category and community (else CONFLICT); the submitter counts as its first supporter.")
    public ServiceNeed submitServiceNeed(@Name("input") @Description("The category, the community or grid, and what is needed.") @NonNull ServiceNeedInputs.Submit input) {
        return needs.submit(input);
    }

    @Mutation("supportServiceNeed")
    @Description("Residents: support an OPEN need (附议), once each (a second time, or one's own need: CONFLICT).")
    public ServiceNeed supportServiceNeed(@Name("input") @Description("The need to support.") @NonNull ServiceNeedInputs.Support input) {
        return needs.support(input);
    }

    @Mutation("respondToServiceNeed")
    @Description("An official over the need's region answers an OPEN or PLANNED need: PLANNED, PROCURED or DECLINED "
            + "(a reason required). A resident who submitted it is told in their notifications.")
    public ServiceNeed respondToServiceNeed(@Name("input") @Description("The need, the decision and the reason.") @NonNull ServiceNeedInputs.Respond input) {
        return needs.respond(input);
    }
}
