package cn.linli.booking;

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

/** Feedback from residents over GraphQL; the rules, transactions and access are {@link FeedbackService}'s. */
@GraphQLApi
@ApiErrors
public class FeedbackApi {
    @Inject
    FeedbackService feedbackService;

    @Description("A page of feedback.")
    public record FeedbackConnection(@NonNull List<FeedbackEdge> edges, @NonNull PageInfo pageInfo) {
        @Description("Feedback and its cursor.")
        public record FeedbackEdge(@NonNull String cursor, @NonNull Feedback node) {
        }
    }

    @Mutation("submitFeedback")
    @Description("Resident: a complaint, suggestion or praise about a service or an organization that residents can "
            + "see (published, of an active organization) or that you have booked; any other gets NOT_FOUND.")
    public Feedback submitFeedback(@Name("input") @NonNull BookingInputs.SubmitFeedback input) {
        return feedbackService.submit(input);
    }

    @Mutation("respondToFeedback")
    @Description("Organization member: respond to OPEN feedback about your organization.")
    public Feedback respondToFeedback(@Name("input") @NonNull BookingInputs.Respond input) {
        return feedbackService.respond(input);
    }

    @Mutation("resolveFeedback")
    @Description("Official of the organization's region: resolve feedback; for a complaint say whether it is upheld.")
    public Feedback resolveFeedback(@Name("input") @NonNull BookingInputs.Resolve input) {
        return feedbackService.resolve(input);
    }

    @Query("organizationFeedback")
    @NonNull
    @Description("Feedback about an organization, newest first: for its members and the officials of its region.")
    public FeedbackConnection organizationFeedback(@Name("organizationId") @NonNull @Id String organizationId,
            @Name("status") FeedbackStatus status, @Name("first") Integer first, @Name("after") String after) {
        return feedbackService.ofOrganization(organizationId, status, first, after);
    }

    @Query("overdueFeedback")
    @NonNull
    @Description("Official: feedback in your jurisdiction left unanswered (OPEN) for 7 days or more, oldest first.")
    public FeedbackConnection overdueFeedback(@Name("first") Integer first, @Name("after") String after) {
        return feedbackService.overdue(first, after);
    }
}
