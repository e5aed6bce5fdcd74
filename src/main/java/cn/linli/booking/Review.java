package cn.linli.booking;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A resident's review of a completed booking, and the organization's reply. Reviewers stay anonymous.")
public record Review(
        @Id @Description("The review's id.") @NonNull String id,
        @Description("The resident's rating, 1 (worst) … 5 (best).") int rating,
        @Description("What the resident wrote (at most 500 characters); null for a rating alone.") String text,
        @Description("When the resident wrote it.") @NonNull OffsetDateTime createdAt,
        @Description("The organization's one reply; null until it replies.") String reply,
        @Description("When the organization replied; null until then.") OffsetDateTime repliedAt,
        @Ignore long listingId,
        @Ignore long bookingId) {
}
