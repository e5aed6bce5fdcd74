package cn.linli.booking;

import org.eclipse.microprofile.graphql.Ignore;
import cn.linli.catalog.Service;
import cn.linli.common.ApiErrors;
import cn.linli.common.KeysetQuery;
import cn.linli.common.KeysetQuery.Key;
import cn.linli.common.PageInfo;
import cn.linli.common.Paging;
import cn.linli.common.Sql;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

/** Reviews over GraphQL; the rules, transactions and access are {@link ReviewService}'s. */
@GraphQLApi
@ApiErrors
public class ReviewApi {
    private static final KeysetQuery NEWEST_FIRST = new KeysetQuery("reviews", List.of(new Key("r.id", "bigint")), true);

    @Inject
    ReviewService reviewService;
    @Inject
    Sql sql;

    @Description("A page of reviews.")
    public record ReviewConnection(
            @Description("The reviews of the page.") @NonNull List<@NonNull ReviewEdge> edges,
            @Description("Where the page is.") @NonNull PageInfo pageInfo,
            @Ignore java.util.function.IntSupplier total) {
        @Description("A review and its cursor.")
        public record ReviewEdge(
                @Description("The cursor of this review (pass it as `after` for the page after it).") @NonNull String cursor,
                @Description("The review.") @NonNull Review node) {
        }
    }

    @Mutation("reviewBooking")
    @Description("Resident: review your COMPLETED booking, once: rating 1–5, text at most 500 characters.")
    public Review reviewBooking(@Name("input") @Description("The booking, the rating and the text.") @NonNull BookingInputs.Review input) {
        return reviewService.review(input);
    }

    @Mutation("replyToReview")
    @Description("Organization member: reply to a review of your organization, once.")
    public Review replyToReview(@Name("input") @Description("The review and the reply.") @NonNull BookingInputs.Reply input) {
        return reviewService.reply(input);
    }

    @Mutation("hideReview")
    @Description("Official of the organization's region: hide an abusive review, with the reason; it leaves the averages.")
    public Review hideReview(@Name("input") @Description("The review and why it is hidden.") @NonNull BookingInputs.Hide input) {
        return reviewService.hide(input);
    }

    @NonNull
    @Description("Visible reviews of the service, newest first.")
    public ReviewConnection reviews(@Source Service service,
            @Name("first") @Description("How many (at most 100, default 20).") Integer first,
            @Name("after") @Description("The cursor after which the page starts.") String after) {
        KeysetQuery.Page page = NEWEST_FIRST.fetch(sql, "SELECT " + ReviewService.COLUMNS + " FROM review r",
                List.of("r.listing_id = :listing", "NOT r.hidden"), Map.of("listing", Long.parseLong(service.id())), after,
                Paging.pageSize(first));
        return new ReviewConnection(page.edges((cursor, row) -> new ReviewConnection.ReviewEdge(cursor, ReviewService.review(row))),
                page.pageInfo(after != null), page.totalCount());
    }

    // a source field: counted on a worker thread, and only when asked for
    @Description("How many reviews match the filter in all, over every page (counted only when asked for).")
    public int totalCount(@Source ReviewConnection page) {
        return page.total().getAsInt();
    }
}
