package cn.linli.booking;

import org.eclipse.microprofile.graphql.Ignore;
import cn.linli.common.ApiErrors;
import cn.linli.common.PageInfo;
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

/** Feedback from residents over GraphQL; the rules, transactions and access are {@link FeedbackService}'s. */
@GraphQLApi
@ApiErrors
public class FeedbackApi {
    @Inject
    FeedbackService feedbackService;

    @Description("A page of feedback.")
    public record FeedbackConnection(
            @Description("The feedback of the page.") @NonNull List<@NonNull FeedbackEdge> edges,
            @Description("Where the page is.") @NonNull PageInfo pageInfo,
            @Ignore java.util.function.IntSupplier total) {
        @Description("Feedback and its cursor.")
        public record FeedbackEdge(
                @Description("The cursor of this feedback (pass it as `after` for the page after it).") @NonNull String cursor,
                @Description("The feedback.") @NonNull Feedback node) {
        }
    }

    @Mutation("submitFeedback")
    @Description("Resident: a complaint, suggestion or praise about a service or an organization that residents can "
            + "see (published, of an active organization) or that you have booked; any other gets NOT_FOUND.")
    public Feedback submitFeedback(@Name("input") @Description("What it is about, its kind and text.") @NonNull BookingInputs.SubmitFeedback input) {
        return feedbackService.submit(input);
    }

    @Mutation("respondToFeedback")
    @Description("Organization member: respond to OPEN feedback about your organization. Community worker: respond to an OPEN "
            + "community problem (feedback about no organization) in a community or grid you serve.")
    public Feedback respondToFeedback(@Name("input") @Description("The feedback and the answer.") @NonNull BookingInputs.Respond input) {
        return feedbackService.respond(input);
    }

    @Mutation("resolveFeedback")
    @Description("Official of the organization's region: resolve feedback; for a complaint say whether it is upheld.")
    public Feedback resolveFeedback(@Name("input") @Description("The feedback, the resolution and, for a complaint, whether it is upheld.") @NonNull BookingInputs.Resolve input) {
        return feedbackService.resolve(input);
    }

    @Query("organizationFeedback")
    @NonNull
    @Description("Feedback about an organization, newest first: for its members and the officials of its region.")
    public FeedbackConnection organizationFeedback(
            @Name("organizationId") @Description("The organization the feedback is about.") @NonNull @Id String organizationId,
            @Name("status") @Description("Only feedback in this status.") FeedbackStatus status,
            @Name("first") @Description("How many (at most 100, default 20).") Integer first,
            @Name("after") @Description("The cursor after which the page starts.") String after) {
        return feedbackService.ofOrganization(organizationId, status, first, after);
    }

    @Query("overdueFeedback")
    @NonNull
    @Description("Official: feedback handled in your jurisdiction (at its organization's region, its community, or "
            + "where escalation moved it) waiting too long at a stage (7 days by default), oldest first.")
    public FeedbackConnection overdueFeedback(
            @Name("stage") @Description("RESPONSE (default): unanswered since filed; RESOLUTION: answered, unresolved since "
                    + "the response.") FeedbackStage stage,
            @Name("first") @Description("How many (at most 100, default 20).") Integer first,
            @Name("after") @Description("The cursor after which the page starts.") String after) {
        return feedbackService.overdue(stage, first, after);
    }

    @Mutation("rateResolution")
    @Description("Resident who filed the feedback: rate its resolution, once, within 15 days of it.")
    public Feedback rateResolution(@Name("input") @NonNull @Description("The feedback and your rating.")
            FeedbackInputs.RateResolution input) {
        return feedbackService.rate(input);
    }

    @Mutation("escalateFeedback")
    @Description("The resident who filed it, or a community worker serving where the problem is: move unresolved feedback "
            + "to the officials of the parent region (小事不出小区，大事不出社区).")
    public Feedback escalateFeedback(@Name("input") @NonNull @Description("The feedback and why it needs the level above.")
            FeedbackInputs.Escalate input) {
        return feedbackService.escalate(input);
    }

    @Query("communityFeedback")
    @NonNull
    @Description("Community workers serving the region and officials governing it: problems filed about the region's "
            + "communities and grids (not about an organization), newest first.")
    public FeedbackConnection communityFeedback(
            @Name("regionCode") @NonNull @Description("A region (a community or grid, or a region above them).") String regionCode,
            @Name("status") @Description("Only feedback in this status.") FeedbackStatus status,
            @Name("first") @Description("Page size (at most 100).") Integer first,
            @Name("after") @Description("The endCursor of the previous page.") String after) {
        return feedbackService.ofCommunity(regionCode, status, first, after);
    }

    @NonNull
    @Description("Resident: the feedback you filed, newest first, to follow how it is handled.")
    public FeedbackConnection feedback(@Source cn.linli.identity.Me me,
            @Name("status") @Description("Only feedback in this status.") FeedbackStatus status,
            @Name("first") @Description("Page size (at most 100).") Integer first,
            @Name("after") @Description("The endCursor of the previous page.") String after) {
        return feedbackService.mine(status, first, after);
    }

    @NonNull
    @Description("Public: how the organization handled complaints and feedback over the last 12 months.")
    public List<FeedbackStats> feedbackStats(@Source List<cn.linli.organization.Organization> organizations) {
        return feedbackService.stats(organizations);
    }

    // a source field: counted on a worker thread, and only when asked for
    @Description("How many feedback items match the filter in all, over every page (the caller may handle or see) (counted only when asked for).")
    public int totalCount(@Source FeedbackConnection page) {
        return page.total().getAsInt();
    }
}
