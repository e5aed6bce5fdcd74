package cn.linli.booking;

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
    public record ReviewConnection(@NonNull List<ReviewEdge> edges, @NonNull PageInfo pageInfo) {
        @Description("A review and its cursor.")
        public record ReviewEdge(@NonNull String cursor, @NonNull Review node) {
        }
    }

    @Mutation("reviewBooking")
    @Description("Resident: review your COMPLETED booking, once: rating 1–5, text at most 500 characters.")
    public Review reviewBooking(@Name("input") @NonNull BookingInputs.Review input) {
        return reviewService.review(input);
    }

    @Mutation("replyToReview")
    @Description("Organization member: reply to a review of your organization, once.")
    public Review replyToReview(@Name("input") @NonNull BookingInputs.Reply input) {
        return reviewService.reply(input);
    }

    @Mutation("hideReview")
    @Description("Official of the organization's region: hide an abusive review, with the reason; it leaves the averages.")
    public Review hideReview(@Name("input") @NonNull BookingInputs.Hide input) {
        return reviewService.hide(input);
    }

    @NonNull
    @Description("Visible reviews of the service, newest first.")
    public ReviewConnection reviews(@Source Service service, @Name("first") Integer first, @Name("after") String after) {
        KeysetQuery.Page page = NEWEST_FIRST.fetch(sql, "SELECT " + ReviewService.COLUMNS + " FROM review r",
                List.of("r.listing_id = :listing", "NOT r.hidden"), Map.of("listing", Long.parseLong(service.id())), after,
                Paging.pageSize(first));
        return new ReviewConnection(page.edges((cursor, row) -> new ReviewConnection.ReviewEdge(cursor, ReviewService.review(row))),
                page.pageInfo(after != null));
    }
}
